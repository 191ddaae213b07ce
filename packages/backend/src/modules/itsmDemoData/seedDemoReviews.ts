import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ItsmImportContext } from '@backstage-itsm/plugin-itsm-node';
import { MERCHANT_CUSTOMER, user } from './demoOrg';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const PAYMENTS = 'component:default/payments-service';
const ACME_WEB = 'component:default/acme-web';

/**
 * The merchants' representative who signs payment reviews off: a member of
 * `group:default/merchants`, the customer group of the payments SLA.
 */
export const MERCHANT_SUCCESS = user(MERCHANT_CUSTOMER);

/** A day as `YYYY-MM-DD`. */
const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/** `time` moved to 09:00 UTC of its day. */
const nineOf = (time: number) => Math.floor(time / DAY) * DAY + 9 * HOUR;

/**
 * Service reviews on the demo catalog, written through the plugin's rules at their original
 * times (must run after the SLAs and the records a pack reads):
 *
 * - payments-service's quarterly review, held a month ago with the merchants: its pack frozen
 *   beforehand, minutes, decisions, two actions (one done, one still open, which the next
 *   pack carries), signed off by the merchants and closed, which moved the SLA's review date;
 * - acme-web's monthly review, scheduled and due in ten days.
 *
 * The scheduling job adds the reviews of the other SLAs (checkout-service's is overdue).
 */
export async function seedDemoReviews(
  context: ItsmImportContext,
  options: { now: Date; logger: LoggerService },
): Promise<{ openActionId?: string }> {
  if (!context.reviews) {
    options.logger.warn('ITSM demo data: this plugin has no service reviews');
    return {};
  }
  const end = options.now.getTime();
  let clock = end;
  const at = (time: number) => {
    clock = time;
  };
  const reviews = context.reviews({ now: () => new Date(clock) });
  const sofia = user('sofia.rossi');
  const daniel = user('daniel.kim');
  const marcus = user('marcus.reed');

  // 1. Payments: the quarterly review, due 90 days after the SLA took effect (120 days ago).
  const held = nineOf(end - 30 * DAY) + HOUR;
  at(end - 45 * DAY);
  let review = await reviews.create(
    {
      entityRef: PAYMENTS,
      title: 'Card payments: quarterly service review with the merchants',
      scheduledFor: new Date(held).toISOString(),
      attendees: [sofia, daniel, marcus, MERCHANT_SUCCESS],
    },
    sofia,
  );
  at(end - 33 * DAY);
  review = await reviews.freezePack(review.id, sofia);
  review = await reviews.transition(review.id, { to: 'prepared' }, sofia);

  at(held + 2 * HOUR);
  review = await reviews.transition(
    review.id,
    {
      to: 'held',
      heldAt: new Date(held).toISOString(),
      minutes: [
        '## Summary',
        '',
        'Availability held above the 99.95% target for the quarter. Two P1 incidents, both',
        'card-network timeouts, breached their resolution target; the problem behind them is',
        'fixed and closed (see the pack).',
        '',
        '## Discussion',
        '',
        '- The merchants asked to see availability every month, not only at the review.',
        '- Change success rate met its target; one failed change was backed out within the window.',
        '- The workload stayed within the agreed limits.',
      ].join('\n'),
    },
    sofia,
  );
  review = await reviews.patch(
    review.id,
    {
      decisions: [
        { text: 'Keep the 99.95% availability target for the next quarter.' },
        { text: 'Merchants receive a monthly availability report.' },
      ],
    },
    sofia,
  );
  const runbook = await reviews.addAction(
    review.id,
    {
      title: 'Add the card-network timeout workaround to the on-call runbook',
      owner: daniel,
      dueDate: day(end - 15 * DAY),
    },
    sofia,
  );
  const report = await reviews.addAction(
    review.id,
    {
      title: 'Send the merchants a monthly availability report',
      owner: sofia,
      dueDate: day(end + 14 * DAY),
    },
    sofia,
  );

  at(held + DAY);
  review = await reviews.signOff(
    review.id,
    { comment: 'Agreed on behalf of the merchants.' },
    MERCHANT_SUCCESS,
  );
  review = await reviews.transition(review.id, { to: 'closed' }, sofia);

  // The runbook action was done; the report is under way and carried into the next pack.
  at(end - 20 * DAY);
  await reviews.patchAction(runbook.id, { status: 'in_progress' }, daniel);
  at(end - 18 * DAY);
  await reviews.patchAction(
    runbook.id,
    { status: 'done', note: 'Runbook section "Card network timeouts" added.' },
    daniel,
  );
  at(end - 5 * DAY);
  await reviews.patchAction(
    report.id,
    {
      status: 'in_progress',
      note: 'First report drafted from the SLA report.',
    },
    sofia,
  );

  // 2. Acme web: the monthly review, scheduled and due in ten days.
  at(end - 2 * DAY);
  const due = await reviews.create(
    {
      entityRef: ACME_WEB,
      scheduledFor: new Date(nineOf(end + 10 * DAY)).toISOString(),
      attendees: [user('emma.schulz'), MERCHANT_SUCCESS],
    },
    user('emma.schulz'),
  );
  options.logger.info(
    `ITSM demo data: reviews ${review.id} (closed) and ${due.id} (due)`,
  );
  return { openActionId: report.id };
}
