import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  Improvement,
  ImprovementTransitionRequest,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmImportContext } from '@backstage-itsm/plugin-itsm-node';
import { demoCategoryOf, user } from './demoOrg';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const RECONCILIATION = 'component:default/reconciliation-service';
const NOTIFICATIONS = 'component:default/notification-service';
const CHECKOUT = 'component:default/checkout-service';
const PAYMENTS = 'component:default/payments-service';

/** The title of the recurring reconciliation failure the achieved improvement stopped. */
export const NIGHTLY_JOB_TITLE = 'Nightly job did not finish';
/** The title of the SMS delays the not-achieved improvement did not stop. */
export const SMS_DELAY_TITLE = 'SMS delivery delayed for UK numbers';
/** The item the browser journey implements and has measured. */
export const CANARY_TITLE = 'Canary stage for checkout deployments';

/** A day as `YYYY-MM-DD`. */
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Records the seeds before this one made, that items name as their source. */
export interface DemoImprovementSources {
  /** The payments complaint under investigation (`CMP-n`). */
  complaintId?: string;
  /** The payments review's open action (`REV-n/A-m`). */
  reviewActionId?: string;
}

/**
 * The improvement register on the demo catalog, written through the plugin's rules at their
 * original times (after the other seeds, whose records some items name as their source):
 *
 * - **achieved**: the nightly reconciliation job failed six times in three weeks; the data
 *   team split the run and added a retry, approved by the head of operations; measured three
 *   weeks after a settling period, the failures recurred once: the register says achieved;
 * - **not achieved**: UK SMS delays on the notification service; the platform team moved UK
 *   traffic to another route of the same provider; the delays went on as often as before;
 * - a canary stage for checkout deployments after four bad deploys in two weeks, approved and
 *   in progress (the browser journey records it implemented and has it measured);
 * - a corrective action from an internal audit finding (standard changes without a backout
 *   plan), in progress and past its target date;
 * - an item raised from the payments complaint and one from the payments review's open
 *   action, both proposed; one rejected with its reason.
 *
 * The incidents behind the two measured items are written here, at their original times, on
 * top of the random quarter of `seedDemoIncidents`; the evaluation runs at the end, as the job
 * would. The suggestions job adds its own proposals once the portal runs.
 */
export async function seedDemoImprovements(
  context: ItsmImportContext,
  options: {
    now: Date;
    logger: LoggerService;
    sources?: DemoImprovementSources;
  },
): Promise<Improvement[]> {
  if (!context.improvements) {
    options.logger.warn(
      'ITSM demo data: this plugin has no improvement register',
    );
    return [];
  }
  const end = options.now.getTime();
  let clock = end;
  const at = (time: number) => {
    clock = time;
  };
  const now = () => new Date(clock);
  const improvements = context.improvements({ now });
  const incidents = context.incidents({ now });
  const marcus = user('marcus.reed');
  const maria = user('maria.garcia');

  /** An incident raised at `time` and resolved within two hours. */
  const incident = async (
    time: number,
    entityRef: string,
    title: string,
    reporter: string,
    engineer: string,
    notes: string,
  ) => {
    at(time);
    const raised = await incidents.create(
      {
        title,
        description: `Raised by monitoring; ${reporter.split('/')[1]} on call.`,
        entityRef,
        impact: 2,
        urgency: 2,
        ...demoCategoryOf(title),
      },
      reporter,
    );
    at(time + 20 * 60_000);
    await incidents.transition(raised.id, { to: 'in_progress' }, engineer);
    at(time + 90 * 60_000);
    await incidents.transition(
      raised.id,
      { to: 'resolved', resolutionCode: 'workaround', resolutionNotes: notes },
      engineer,
    );
  };
  const move = async (
    time: number,
    item: Improvement,
    body: ImprovementTransitionRequest,
    actor: string,
  ) => {
    at(time);
    return improvements.transition(item.id, body, actor);
  };
  const items: Improvement[] = [];

  // 1. Achieved: the nightly reconciliation job, six failures before, one after.
  const hannah = user('hannah.mueller');
  const raj = user('raj.patel');
  for (const day of [82, 79, 75, 71, 67, 64]) {
    await incident(
      end - day * DAY + 7 * HOUR,
      RECONCILIATION,
      NIGHTLY_JOB_TITLE,
      raj,
      raj,
      'Re-ran the reconciliation by hand; payouts released.',
    );
  }
  at(end - 63 * DAY);
  let nightly = await improvements.create(
    {
      kind: 'corrective_action',
      type: 'technology',
      title: 'Split the nightly reconciliation run and retry failed batches',
      description:
        'The nightly reconciliation run fails when one bank file is late: the whole run aborts and is re-run by hand in the morning.',
      source: 'incident_trend',
      entityRefs: [RECONCILIATION],
      owner: hannah,
      benefit: 4,
      effort: 2,
      urgency: 4,
      targetDate: dayOf(end - 50 * DAY),
      nonconformity:
        'Payouts were released late six times in three weeks, against the payouts SLA.',
      kpi: {
        kpi: 'recurrence',
        category: demoCategoryOf(NIGHTLY_JOB_TITLE).category,
        windowDays: 21,
        settleDays: 3,
        target: { kind: 'relative', percent: 50 },
      },
    },
    hannah,
  );
  nightly = await move(end - 62 * DAY, nightly, { to: 'approved' }, marcus);
  nightly = await move(end - 61 * DAY, nightly, { to: 'in_progress' }, hannah);
  at(end - 56 * DAY);
  nightly = await improvements.patch(
    nightly.id,
    {
      correction: 'Re-ran the failed runs by hand and released the payouts.',
      rootCause:
        'One late bank file aborted the whole run: the batches ran as one transaction without retries.',
    },
    hannah,
  );
  nightly = await move(end - 55 * DAY, nightly, { to: 'implemented' }, hannah);
  await incident(
    end - 40 * DAY + 7 * HOUR,
    RECONCILIATION,
    NIGHTLY_JOB_TITLE,
    raj,
    raj,
    'One batch failed three retries (bank file corrupt); re-ran it by hand.',
  );

  // 2. Not achieved: UK SMS delays, as many after the routing change as before.
  const priya = user('priya.sharma');
  const lars = user('lars.becker');
  for (const day of [88, 84, 79, 74]) {
    await incident(
      end - day * DAY + 15 * HOUR,
      NOTIFICATIONS,
      SMS_DELAY_TITLE,
      user('chloe.dubois'),
      priya,
      'The provider drained its UK queue; messages delivered late.',
    );
  }
  at(end - 71 * DAY);
  let sms = await improvements.create(
    {
      kind: 'improvement',
      type: 'supplier',
      title: 'Route UK SMS through the provider’s second carrier',
      description:
        'UK text messages arrive minutes to hours late when the primary carrier throttles. The provider offers a second carrier route for UK numbers.',
      source: 'incident_trend',
      entityRefs: [NOTIFICATIONS],
      owner: priya,
      benefit: 3,
      effort: 2,
      urgency: 3,
      targetDate: dayOf(end - 60 * DAY),
      kpi: {
        kpi: 'incident_count',
        windowDays: 21,
        settleDays: 3,
        target: { kind: 'relative', percent: 40 },
      },
    },
    priya,
  );
  sms = await move(end - 70 * DAY, sms, { to: 'approved' }, maria);
  sms = await move(end - 68 * DAY, sms, { to: 'in_progress' }, priya);
  sms = await move(end - 60 * DAY, sms, { to: 'implemented' }, lars);
  for (const day of [55, 50, 45, 40]) {
    await incident(
      end - day * DAY + 15 * HOUR,
      NOTIFICATIONS,
      SMS_DELAY_TITLE,
      user('chloe.dubois'),
      priya,
      'Both carrier routes throttled; messages delivered late.',
    );
  }

  // 3. The canary stage on checkout: approved, in progress (the journey implements it).
  // Bad deploys reached every customer four times in the two weeks before.
  const emma = user('emma.schulz');
  for (const day of [53, 50, 47, 44]) {
    await incident(
      end - day * DAY + 10 * HOUR,
      CHECKOUT,
      'Error rate above 2% for 10 minutes',
      user('lucas.martin'),
      user('lucas.martin'),
      'Rolled back the morning deploy; error rate back to normal.',
    );
  }
  at(end - 42 * DAY);
  let canary = await improvements.create(
    {
      kind: 'improvement',
      type: 'process',
      title: CANARY_TITLE,
      description:
        'Deploy checkout to 5% of traffic first and roll back automatically on error-rate alerts, so a bad deploy reaches few customers.',
      source: 'management_review',
      entityRefs: [CHECKOUT],
      owner: emma,
      benefit: 4,
      effort: 3,
      urgency: 3,
      targetDate: dayOf(end + 14 * DAY),
      kpi: {
        kpi: 'incident_count',
        windowDays: 14,
        settleDays: 2,
        target: { kind: 'relative', percent: 30 },
      },
    },
    emma,
  );
  canary = await move(end - 40 * DAY, canary, { to: 'approved' }, marcus);
  canary = await move(end - 38 * DAY, canary, { to: 'in_progress' }, emma);

  // 4. A corrective action from an internal audit, in progress and overdue.
  at(end - 30 * DAY);
  let audit = await improvements.create(
    {
      kind: 'corrective_action',
      type: 'process',
      title: 'Standard changes recorded without a backout plan',
      description:
        'The internal audit of change enablement sampled 20 changes: 3 standard changes had no backout plan.',
      source: 'audit_finding',
      entityRefs: [PAYMENTS, CHECKOUT],
      owner: user('tom.oconnor'),
      owningGroup: 'group:default/sre-team',
      benefit: 3,
      effort: 1,
      urgency: 4,
      targetDate: dayOf(end - 5 * DAY),
      nonconformity:
        'ISO/IEC 20000-1 8.5.1.3: 3 of 20 sampled standard changes had no backout plan.',
      correction: 'Backout plans added to the three changes.',
    },
    user('tom.oconnor'),
  );
  audit = await move(end - 28 * DAY, audit, { to: 'approved' }, marcus);
  audit = await move(
    end - 27 * DAY,
    audit,
    { to: 'in_progress' },
    user('tom.oconnor'),
  );

  // 5. Proposed from the payments complaint and from the payments review's open action.
  const daniel = user('daniel.kim');
  const sofia = user('sofia.rossi');
  const proposed: Improvement[] = [];
  if (options.sources?.complaintId) {
    at(end - 2 * DAY);
    proposed.push(
      await improvements.create(
        {
          kind: 'corrective_action',
          type: 'technology',
          title: 'Make card authorisation retries idempotent',
          description:
            'Retries after a processor timeout charged some cards twice (see the complaint).',
          source: 'complaint',
          sourceId: options.sources.complaintId,
          entityRefs: [PAYMENTS],
          owner: daniel,
          benefit: 5,
          effort: 3,
          urgency: 5,
          targetDate: dayOf(end + 21 * DAY),
          nonconformity: 'Cards charged twice during a payments incident.',
          kpi: {
            kpi: 'csat',
            windowDays: 28,
            settleDays: 7,
            target: { kind: 'absolute', value: 85 },
          },
        },
        daniel,
      ),
    );
  }
  if (options.sources?.reviewActionId) {
    at(end - 4 * DAY);
    proposed.push(
      await improvements.create(
        {
          kind: 'improvement',
          type: 'process',
          title: 'Monthly availability report for the merchants',
          description:
            'Agreed in the quarterly review: merchants receive a monthly availability report drawn from the SLA report.',
          source: 'service_review',
          sourceId: options.sources.reviewActionId,
          entityRefs: [PAYMENTS],
          owner: sofia,
          benefit: 3,
          effort: 1,
          urgency: 2,
          targetDate: dayOf(end + 14 * DAY),
        },
        sofia,
      ),
    );
  }

  // 6. Rejected: a second SMS provider, too costly for what it would save.
  at(end - 20 * DAY);
  let second = await improvements.create(
    {
      kind: 'improvement',
      type: 'supplier',
      title: 'Contract a second SMS provider for the UK',
      description:
        'Fail over UK text messages to a second provider when the first one is late.',
      source: 'other',
      entityRefs: [NOTIFICATIONS],
      owner: lars,
      benefit: 3,
      effort: 5,
      urgency: 2,
    },
    lars,
  );
  second = await move(
    end - 18 * DAY,
    second,
    {
      to: 'rejected',
      reason:
        'A second contract costs more than the delays do; revisit at the provider’s contract review.',
    },
    marcus,
  );

  // The evaluation job's pass, now: both measured items are past their windows.
  at(end);
  const evaluated = await improvements.evaluateDue();
  nightly = await improvements.get(nightly.id);
  sms = await improvements.get(sms.id);
  items.push(nightly, sms, canary, audit, ...proposed, second);
  options.logger.info(
    `ITSM demo data: ${items.length} improvement items (${evaluated.length} evaluated: ${nightly.id} ${nightly.verdict}, ${sms.id} ${sms.verdict})`,
  );
  return items;
}
