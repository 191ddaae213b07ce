import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ItsmImportContext } from '@backstage-itsm/plugin-itsm-node';
import { MERCHANT_CUSTOMER, TEAMS, user } from './demoOrg';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const PAYMENTS = 'component:default/payments-service';

/** One rated resolution: the service, what broke, the rating and why. */
interface RatedIncident {
  service: string;
  team: keyof typeof TEAMS;
  title: string;
  rating: 1 | 2 | 3 | 4 | 5;
  comment?: string;
}

// A quarter of ratings: mostly satisfied, some middling, a few low ones with their why.
const RATED: RatedIncident[] = [
  ['payments-service', 'payments-team', 'Refund API returns 500', 5],
  ['payments-service', 'payments-team', 'Payout report is a day late', 4],
  [
    'payments-service',
    'payments-team',
    'Card payments time out',
    2,
    'Took two days and nobody told us it was being worked on.',
  ],
  ['payments-service', 'payments-team', 'Webhook retries pile up', 5],
  ['payments-service', 'payments-team', 'Currency rounding off by a cent', 4],
  ['payments-service', 'payments-team', 'Settlement file rejected', 3],
  [
    'payments-service',
    'payments-team',
    'Card payments time out again',
    1,
    'The same timeout as last month; the fix did not hold.',
  ],
  ['payments-service', 'payments-team', 'Declines not shown to merchants', 5],
  ['payments-service', 'payments-team', 'Payment links expire too early', 4],
  ['payments-service', 'payments-team', 'Duplicate capture on retry', 4],
  ['checkout-service', 'checkout-team', 'Basket emptied after login', 5],
  [
    'checkout-service',
    'checkout-team',
    'Checkout returns 502 at peak',
    2,
    'Fixed quickly, but it happened during our sale and cost us orders.',
  ],
  ['checkout-service', 'checkout-team', 'Vouchers not applied', 4],
  ['checkout-service', 'checkout-team', 'Address lookup slow', 3],
  ['checkout-service', 'checkout-team', 'Tax shown twice', 5],
  ['checkout-service', 'checkout-team', 'Guest checkout disabled', 4],
  ['acme-web', 'checkout-team', 'Pages load slowly for EU customers', 4],
  ['acme-web', 'checkout-team', 'Login button does nothing on Safari', 5],
  [
    'acme-web',
    'checkout-team',
    'Static assets served with wrong cache headers',
    3,
    'Resolved, but the explanation in the notes was hard to follow.',
  ],
  ['acme-web', 'checkout-team', '5xx spike after the morning deploy', 4],
  ['api-gateway', 'platform-team', 'Elevated p99 latency', 5],
  ['api-gateway', 'platform-team', 'Intermittent 502 from upstream', 4],
  [
    'api-gateway',
    'platform-team',
    'Requests time out under load',
    2,
    'We had to chase for updates three times.',
  ],
  ['api-gateway', 'platform-team', 'TLS certificate expires in 5 days', 5],
].map(([service, team, title, rating, comment]) => ({
  service: `component:default/${service}`,
  team: team as keyof typeof TEAMS,
  title: title as string,
  rating: rating as RatedIncident['rating'],
  comment: comment as string | undefined,
}));

/** Who reports incidents on other teams' services and rates them. */
const REPORTERS = [
  'olivia.bennett',
  'noah.fischer',
  'hannah.mueller',
  'jonas.weber',
  'aisha.bello',
  'raj.patel',
  'maria.garcia',
].map(user);

/**
 * Customer satisfaction on the demo catalog, written through the plugin's rules at their
 * original times: about a quarter of rated resolutions on payments, checkout, the web shop and
 * the API gateway (some low, each with why), and a campaign on payments-service opened three
 * weeks ago for its SLA customers and the owners of its consumers, with the first answers in.
 */
export async function seedDemoSatisfaction(
  context: ItsmImportContext,
  options: { now: Date; logger: LoggerService },
): Promise<void> {
  if (!context.satisfaction) {
    return;
  }
  const end = options.now.getTime();
  let clock = end;
  const now = () => new Date(clock);
  const incidents = context.incidents({ now });
  const satisfaction = context.satisfaction({ now });

  // Spread over the last 85 days, oldest first.
  const step = (85 * DAY) / RATED.length;
  for (const [i, rated] of RATED.entries()) {
    const reporter = REPORTERS[i % REPORTERS.length];
    const engineer = user(TEAMS[rated.team][i % TEAMS[rated.team].length]);
    clock = end - 85 * DAY + Math.round(i * step) + 9 * HOUR;
    const incident = await incidents.create(
      {
        title: rated.title,
        description: `Reported from the portal by ${reporter.split('/')[1]}.`,
        entityRef: rated.service,
        impact: 3,
        urgency: 2,
      },
      reporter,
    );
    clock += 20 * 60_000;
    await incidents.transition(incident.id, { to: 'in_progress' }, engineer);
    clock += (2 + (i % 4)) * HOUR;
    await incidents.transition(
      incident.id,
      {
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'Fixed and verified with the reporter.',
      },
      engineer,
    );
    clock += 3 * HOUR;
    await satisfaction.rateIncident(
      incident.id,
      {
        answers: { rating: rated.rating },
        ...(rated.comment ? { comment: rated.comment } : {}),
      },
      reporter,
    );
  }

  // The open campaign on payments-service.
  clock = end - 21 * DAY;
  const manager = user('sofia.rossi');
  const draft = await satisfaction.createSurvey(
    {
      title: 'Payments service: quarterly satisfaction',
      description:
        'How the merchants and the teams building on payments-service rate it this quarter.',
      entityRef: PAYMENTS,
      closesAt: new Date(end + 9 * DAY).toISOString(),
    },
    manager,
  );
  clock += HOUR;
  await satisfaction.transitionSurvey(draft.id, { to: 'open' }, manager);
  const answers: Array<[string, Record<string, number | string>, string?]> = [
    [
      MERCHANT_CUSTOMER,
      { overall: 4, recommend: 8, matters: 'Reliability' },
      undefined,
    ],
    [
      'emma.schulz',
      { overall: 5, recommend: 10, matters: 'Speed of support' },
      undefined,
    ],
    [
      'lucas.martin',
      { overall: 2, recommend: 5, matters: 'Communication' },
      'Incidents on payments are fixed, but we hear about them from our customers first.',
    ],
  ];
  for (const [i, [name, a, comment]] of answers.entries()) {
    clock = end - (18 - 4 * i) * DAY;
    try {
      await satisfaction.respondToSurvey(
        draft.id,
        { answers: a, ...(comment ? { comment } : {}) },
        user(name),
      );
    } catch (error) {
      // Not in the audience the demo catalog resolved to: nothing to answer.
      options.logger.debug(`Demo survey answer of ${name} skipped: ${error}`);
    }
  }
  options.logger.info(
    `ITSM demo data: ${RATED.length} rated resolutions and ${draft.id} open`,
  );
}
