import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Incident, Problem } from '@backstage-itsm/plugin-itsm-common';
import type { ItsmImportContext } from '@backstage-itsm/plugin-itsm-node';
import { user } from './demoOrg';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const PAYMENTS = 'component:default/payments-service';
const NOTIFICATIONS = 'component:default/notification-service';
const CHECKOUT = 'component:default/checkout-service';
const GATEWAY = 'component:default/api-gateway';
const RECONCILIATION = 'component:default/reconciliation-service';
const SESSION_CACHE = 'resource:default/session-cache';
const WAREHOUSE = 'resource:default/data-warehouse';

/** The recurring failure on checkout whose candidate the scheduled detection proposes by itself. */
export const RECURRING_CHECKOUT_TITLE =
  'Checkout returns 502 after the payment step';

/**
 * Problem management on the demo catalog, written through the plugin's rules at their original
 * times:
 *
 * - a recurring failure on payments-service that detection turned into a candidate, accepted,
 *   analysed (five whys) to a known error with its workaround (KE on payments-service, offered
 *   and applied on a later incident), fixed, observed and closed: its effectiveness shows the
 *   incidents stopped;
 * - a candidate from a mail supplier outage, dismissed with its reason;
 * - problems in the other statuses (new, investigating, known error with its own known error,
 *   resolved under observation);
 * - and, in the last three days, the same checkout failure three times: nothing proposes it yet;
 *   the scheduled detection turns it into a candidate by itself.
 */
export async function seedDemoProblems(
  context: ItsmImportContext,
  options: { now: Date; logger: LoggerService },
): Promise<void> {
  const end = options.now.getTime();
  let clock = end;
  const at = (time: number) => {
    clock = time;
  };
  const now = () => new Date(clock);
  const incidents = context.incidents({ now });
  const problems = context.problems({ now });

  const incident = async (
    time: number,
    entityRef: string,
    title: string,
    reporter: string,
    extra: { category: string; subcategory: string },
  ): Promise<Incident> => {
    at(time);
    return incidents.create(
      {
        title,
        description: `Reported from the portal by ${reporter.split('/')[1]}.`,
        entityRef,
        impact: 2,
        urgency: 2,
        ...extra,
      },
      reporter,
    );
  };
  const resolve = async (
    time: number,
    target: Incident,
    engineer: string,
    notes: string,
    code: 'fixed' | 'workaround' | 'resolved_by_supplier' = 'fixed',
  ) => {
    at(time);
    await incidents.transition(target.id, { to: 'in_progress' }, engineer);
    at(time + HOUR);
    return incidents.transition(
      target.id,
      { to: 'resolved', resolutionCode: code, resolutionNotes: notes },
      engineer,
    );
  };
  const move = async (
    time: number,
    problem: Problem,
    to: Problem['status'],
    actor: string,
    fields: Record<string, unknown> = {},
  ) => {
    at(time);
    return problems.transition(problem.id, { to, ...fields } as any, actor);
  };

  /**
   * Runs the detection at the clock and returns the candidate on `entityRef`; candidates the
   * random history of the other seeds happens to form are dismissed, as a problem manager
   * would, so that the inbox holds what is current.
   */
  const candidateOn = async (entityRef: string): Promise<string> => {
    let found: string | undefined;
    for (const id of await problems.detect()) {
      const candidate = await problems.get(id);
      if (!found && candidate.entityRefs.includes(entityRef)) {
        found = id;
      } else {
        await problems.transition(
          id,
          {
            to: 'cancelled',
            cancelReason:
              'Unrelated incidents that share a category; no common cause found.',
          },
          user('maria.garcia'),
        );
      }
    }
    if (!found) {
      throw new Error(`detection proposed no candidate on ${entityRef}`);
    }
    return found;
  };

  // 1. Payments: a recurring timeout, detected, analysed, fixed and closed.
  const sofia = user('sofia.rossi');
  const daniel = user('daniel.kim');
  const paymentsTimeout =
    'Payment authorisation times out at the card processor';
  for (const day of [58, 56, 55, 53]) {
    const raised = await incident(
      end - day * DAY + 9 * HOUR,
      PAYMENTS,
      paymentsTimeout,
      user('emma.schulz'),
      { category: 'performance', subcategory: 'latency' },
    );
    await resolve(
      end - day * DAY + 10 * HOUR,
      raised,
      daniel,
      'Restarted the payments pods; authorisations flow again.',
      'workaround',
    );
  }
  at(end - 52 * DAY);
  const detected = await candidateOn(PAYMENTS);
  let payments = await problems.transition(
    detected,
    { to: 'new', comment: 'Accepted: the same timeout four times in a week.' },
    sofia,
  );
  payments = await move(end - 51 * DAY, payments, 'investigating', sofia, {
    owner: sofia,
  });
  at(end - 49 * DAY);
  payments = await problems.patch(
    payments.id,
    {
      impact: 1,
      rcaMethod: 'five_whys',
      rcaNotes: [
        { label: 'Why 1', text: 'Authorisations time out after 30 s.' },
        {
          label: 'Why 2',
          text: 'The service waits for a database connection from its pool.',
        },
        {
          label: 'Why 3',
          text: 'The pool (10 connections) is exhausted at the lunch peak.',
        },
        {
          label: 'Why 4',
          text: 'Connections are held during the call to the card processor.',
        },
        {
          label: 'Why 5',
          text: 'The processor client was made synchronous in the v2 refactoring.',
        },
      ],
      contributingFactors: ['technology', 'change'],
    },
    sofia,
  );
  payments = await move(end - 47 * DAY, payments, 'known_error', sofia, {
    rootCause:
      'Database connections are held for the whole card processor call; at peak the pool of 10 is exhausted.',
    workaround:
      'Restart the payments pods one by one (`kubectl rollout restart deploy/payments`); authorisations recover within a minute.',
  });
  at(end - 47 * DAY + HOUR);
  const poolKnownError = await problems.createKnownError(
    {
      title: 'Payment authorisations time out: connection pool exhausted',
      symptom:
        'Card payments time out at checkout; payments-service logs `connection pool exhausted`.',
      rootCause: payments.rootCause ?? '',
      workaround: payments.workaround ?? '',
      entityRefs: [PAYMENTS],
      matchRules: {
        categories: [],
        signatures: [],
        text: ['time out', 'times out', 'timeout', 'connection pool'],
      },
      reviewBy: new Date(end + 60 * DAY).toISOString().slice(0, 10),
      problemId: payments.id,
    },
    sofia,
  );
  payments = await move(end - 35 * DAY, payments, 'resolved', sofia, {
    closureCode: 'fixed',
    comment:
      'Release 2.14 releases the connection before calling the processor.',
  });
  payments = await move(end - 20 * DAY, payments, 'closed', sofia, {
    comment: 'No recurrence during the observation period.',
  });

  // A later report of the symptom: the known error was offered and its workaround applied.
  const later = await incident(
    end - 10 * DAY + 12 * HOUR,
    PAYMENTS,
    'Card payments time out for some customers',
    user('lucas.martin'),
    { category: 'performance', subcategory: 'latency' },
  );
  await problems.recordKnownErrorUse(
    poolKnownError.id,
    { incidentId: later.id, kind: 'offered' },
    user('lucas.martin'),
  );
  at(end - 10 * DAY + 13 * HOUR);
  await problems.recordKnownErrorUse(
    poolKnownError.id,
    { incidentId: later.id, kind: 'applied' },
    daniel,
  );
  await resolve(
    end - 10 * DAY + 13 * HOUR,
    later,
    daniel,
    poolKnownError.workaround,
    'workaround',
  );

  // 2. A candidate from a supplier outage, dismissed with its reason.
  for (const day of [31, 30.5, 30.2]) {
    const raised = await incident(
      end - day * DAY,
      NOTIFICATIONS,
      'Emails to customers delayed by more than an hour',
      user('chloe.dubois'),
      { category: 'availability', subcategory: 'degradation' },
    );
    await resolve(
      end - day * DAY + 2 * HOUR,
      raised,
      user('tom.oconnor'),
      'The mail provider recovered.',
      'resolved_by_supplier',
    );
  }
  at(end - 29 * DAY);
  const mail = await candidateOn(NOTIFICATIONS);
  if (mail) {
    at(end - 29 * DAY + 2 * HOUR);
    await problems.transition(
      mail,
      {
        to: 'cancelled',
        cancelReason:
          "An outage at the mail provider, tracked in the supplier's incident MP-5521; nothing to fix on our side.",
      },
      user('tom.oconnor'),
    );
  }

  // 3. Problems in the other statuses.
  at(end - 12 * DAY);
  const investigating = await problems.create(
    {
      title: 'Nightly reconciliation overruns into business hours',
      statement:
        'The reconciliation run finishes after 08:00 two or three times a week, so payouts start late.',
      entityRefs: [RECONCILIATION, WAREHOUSE],
      category: 'performance',
      impact: 2,
      urgency: 2,
      origin: 'proactive',
      owner: user('hannah.mueller'),
      assignmentGroup: 'group:default/data-team',
    },
    user('hannah.mueller'),
  );
  const reconciliation = await move(
    end - 11 * DAY,
    investigating,
    'investigating',
    user('hannah.mueller'),
  );
  at(end - 9 * DAY);
  await problems.patch(
    reconciliation.id,
    {
      rcaMethod: 'timeline',
      rcaNotes: [
        {
          label: '02:00',
          at: new Date(end - 9 * DAY + 2 * HOUR).toISOString(),
          text: 'Warehouse export starts.',
        },
        {
          label: '04:40',
          at: new Date(end - 9 * DAY + 4.67 * HOUR).toISOString(),
          text: 'Export finishes 2 h late: vacuum running on the same tables.',
        },
        {
          label: '08:20',
          at: new Date(end - 9 * DAY + 8.33 * HOUR).toISOString(),
          text: 'Reconciliation finishes; payouts start 20 minutes late.',
        },
      ],
      contributingFactors: ['process', 'technology'],
    },
    user('hannah.mueller'),
  );

  at(end - 6 * DAY);
  await problems.create(
    {
      title: 'Session cache evictions log users out',
      statement:
        'Users are logged out in bursts when the session cache evicts under memory pressure.',
      entityRefs: [SESSION_CACHE],
      category: 'capacity',
      impact: 2,
      urgency: 3,
      origin: 'reactive',
      assignmentGroup: 'group:default/platform-team',
    },
    user('priya.sharma'),
  );

  at(end - 25 * DAY);
  let certificates = await problems.create(
    {
      title: 'TLS certificates expire without warning',
      statement:
        'Twice this quarter a certificate on the gateway came within days of expiry unnoticed.',
      entityRefs: [GATEWAY],
      category: 'security',
      impact: 1,
      urgency: 2,
      origin: 'proactive',
      owner: user('jonas.weber'),
      targetDate: new Date(end + 21 * DAY).toISOString().slice(0, 10),
    },
    user('jonas.weber'),
  );
  certificates = await move(
    end - 24 * DAY,
    certificates,
    'investigating',
    user('jonas.weber'),
  );
  certificates = await move(
    end - 20 * DAY,
    certificates,
    'known_error',
    user('jonas.weber'),
    {
      rootCause:
        'The renewal job fails silently when the DNS challenge times out; nothing alerts on certificate age.',
      workaround:
        'Renew by hand with `acme renew --dns` and reload the gateway.',
      contributingFactors: ['process', 'technology'],
    },
  );
  at(end - 20 * DAY + HOUR);
  await problems.createKnownError(
    {
      title: 'Gateway certificate close to expiry',
      symptom:
        'Monitoring or customers report a certificate that expires in a few days.',
      rootCause: certificates.rootCause ?? '',
      workaround: certificates.workaround ?? '',
      entityRefs: [GATEWAY],
      matchRules: {
        categories: [],
        signatures: [],
        text: ['certificate', 'tls'],
      },
      reviewBy: new Date(end + 30 * DAY).toISOString().slice(0, 10),
      problemId: certificates.id,
    },
    user('jonas.weber'),
  );

  at(end - 9 * DAY);
  let lag = await problems.create(
    {
      title: 'Replication lag after schema migrations',
      statement: 'Reporting reads stale data for hours after a migration.',
      entityRefs: [WAREHOUSE],
      category: 'data',
      impact: 2,
      urgency: 2,
      origin: 'change_review',
      owner: user('raj.patel'),
    },
    user('raj.patel'),
  );
  lag = await move(end - 8 * DAY, lag, 'investigating', user('raj.patel'));
  await move(end - 3 * DAY, lag, 'resolved', user('raj.patel'), {
    closureCode: 'fixed',
    rootCause: 'Migrations ran without batching and saturated replication.',
  });

  // 4. The same checkout failure three times in the last days: the detection's to find.
  for (const hoursAgo of [70, 45, 20]) {
    await incident(
      end - hoursAgo * HOUR,
      CHECKOUT,
      RECURRING_CHECKOUT_TITLE,
      user('aisha.bello'),
      { category: 'availability', subcategory: 'degradation' },
    );
  }
  options.logger.info(
    `ITSM demo data: problems and known errors written (${payments.id} closed with ${poolKnownError.id})`,
  );
}
