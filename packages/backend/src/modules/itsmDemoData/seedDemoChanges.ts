import type { LoggerService } from '@backstage/backend-plugin-api';
import { approvalsNeeded } from '@backstage-itsm/plugin-itsm-common';
import type {
  Change,
  ChangeCreateRequest,
  ChangeTransitionRequest,
  PostImplementationReview,
  RiskAnswers,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmImportContext } from '@backstage-itsm/plugin-itsm-node';
import { TEAMS, demoCategoryOf, user } from './demoOrg';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Members of the change-process groups of examples/org.yaml, in the order they tend to vote. */
const GROUP_MEMBERS: Record<string, string[]> = {
  'group:default/change-managers': [
    'marcus.reed',
    'maria.garcia',
    'tom.oconnor',
  ],
  'group:default/cab': [
    'marcus.reed',
    'maria.garcia',
    'sofia.rossi',
    'lars.becker',
    'emma.schulz',
    'noah.fischer',
    'katrin.vogel',
  ],
  'group:default/ecab': [
    'jonas.weber',
    'maria.garcia',
    'marcus.reed',
    'sofia.rossi',
  ],
  ...Object.fromEntries(
    Object.entries(TEAMS).map(([team, members]) => [
      `group:default/${team}`,
      members.filter(m => m !== 'guest'),
    ]),
  ),
};

/** Questionnaire answers of a routine, a moderate and a risky change. */
const ANSWERS: Record<'routine' | 'moderate' | 'risky', RiskAnswers> = {
  routine: {
    tested: 'yes',
    outage: 'no',
    backout: 'yes',
    implementers: 'one_person',
    failed_before: 'no',
    data_change: 'no',
  },
  moderate: {
    tested: 'yes',
    outage: 'degraded',
    backout: 'slower',
    implementers: 'one_team',
    failed_before: 'no',
    data_change: 'compatible',
  },
  risky: {
    tested: 'partially',
    outage: 'yes',
    backout: 'slower',
    implementers: 'several_teams',
    failed_before: 'never_done',
    data_change: 'compatible',
  },
};

type Step = { at: number; order: number; run: () => Promise<unknown> };

interface DemoChange {
  requester: string;
  request: Omit<ChangeCreateRequest, 'plannedStart' | 'plannedEnd'>;
  /** When it was raised, relative to now. */
  createdAt: number;
  /** The planned window, relative to now. */
  window: [number, number];
  /** How far it goes, and when each step happens (relative to now). */
  story: Array<
    | { at: number; submit: true }
    | { at: number; approve: 'all' | number; comment?: string }
    | { at: number; reject: string; by: string }
    | { at: number; move: ChangeTransitionRequest; by: string }
  >;
}

const plans = (what: string) => ({
  implementationPlan: `1. Announce the start in #ops-changes.\n2. ${what}\n3. Watch the service dashboards for 30 minutes.`,
  backoutPlan:
    'Redeploy the previous release with the deployment pipeline and restore the previous configuration from Git (about 10 minutes).',
  testPlan:
    'Smoke tests of the service in production, then the synthetic checks of the status page stay green for 30 minutes.',
});

const review = (
  summary: string,
  extra: Partial<PostImplementationReview> = {},
): PostImplementationReview => ({ summary, ...extra });

/**
 * A realistic set of changes on the demo catalog, in every state, written through the plugin's
 * own rules (risk, approval policy, conflicts, history) at their original times: closed ones
 * (successful, backed out with an incident it caused, an emergency fix with its review), a change
 * rejected by the CAB, changes waiting for approval, scheduled ones (two of them overlapping on
 * the checkout service), one being implemented from a standard template, one in review, a draft,
 * one in assessment and a cancelled one.
 */
export async function seedDemoChanges(
  context: ItsmImportContext,
  options: { now: Date; logger: LoggerService },
): Promise<number> {
  const end = options.now.getTime();
  let clock = end - 120 * DAY;
  const now = () => new Date(clock);
  const changes = context.changes({ now });
  const templates = context.changeTemplates({ now });
  const incidents = context.incidents({ now });
  const steps: Step[] = [];
  let order = 0;
  const at = (time: number, run: () => Promise<unknown>) => {
    if (time <= end) steps.push({ at: time, order: order++, run });
  };
  const iso = (offset: number) => new Date(end + offset).toISOString();
  const templateIds: Record<string, string> = {};

  at(end - 120 * DAY, async () => {
    const tls = await templates.create(
      {
        title: 'Rotate the TLS certificate of a service',
        description:
          'Replace a certificate issued by the internal CA before it expires. Pre-approved by the CAB in August 2026.',
        owner: 'group:default/platform-team',
        ...plans(
          'Issue the new certificate with cert-manager and roll the ingress pods one by one.',
        ),
        durationMinutes: 30,
      },
      user('lars.becker'),
    );
    const scale = await templates.create(
      {
        title: 'Scale a Kubernetes deployment',
        description:
          'Change the replica count or the autoscaling bounds of a deployment within the cluster quota.',
        owner: 'group:default/sre-team',
        ...plans('Apply the new replica settings with the GitOps pipeline.'),
        durationMinutes: 30,
      },
      user('maria.garcia'),
    );
    templateIds.tls = tls.id;
    templateIds.scale = scale.id;
  });

  const demo: DemoChange[] = [
    {
      requester: 'priya.sharma',
      request: {
        type: 'normal',
        title: 'Upgrade notification-service to Node.js 22',
        justification:
          'Node.js 20 leaves maintenance in April 2026; 22 brings the faster fetch our push workers need.',
        entityRefs: ['component:default/notification-service'],
        ...plans('Deploy release 4.2.0, built on the Node.js 22 base image.'),
        riskAnswers: ANSWERS.routine,
      },
      createdAt: -44 * DAY,
      window: [-40 * DAY, -40 * DAY + HOUR],
      story: [
        { at: -44 * DAY + 2 * HOUR, submit: true },
        { at: -43 * DAY, approve: 'all', comment: 'Routine upgrade, fine.' },
        {
          at: -40 * DAY + 5 * MINUTE,
          move: { to: 'implementing' },
          by: 'priya.sharma',
        },
        {
          at: -40 * DAY + 50 * MINUTE,
          move: {
            to: 'review',
            outcome: 'successful',
            actualStart: iso(-40 * DAY + 5 * MINUTE),
            actualEnd: iso(-40 * DAY + 45 * MINUTE),
          },
          by: 'priya.sharma',
        },
        {
          at: -39 * DAY,
          move: { to: 'closed', comment: 'No incidents after 24 hours.' },
          by: 'tom.oconnor',
        },
      ],
    },
    {
      requester: 'daniel.kim',
      request: {
        type: 'normal',
        title: 'Upgrade payments-db to PostgreSQL 16',
        justification:
          'PostgreSQL 13 reaches end of life; 16 is the version our managed database offering supports from 2027.',
        entityRefs: ['resource:default/payments-db'],
        ...plans(
          'Run pg_upgrade on the standby, switch over, then upgrade the old primary.',
        ),
        riskAnswers: ANSWERS.risky,
      },
      createdAt: -30 * DAY,
      window: [-21 * DAY, -21 * DAY + 3 * HOUR],
      story: [
        { at: -30 * DAY + HOUR, submit: true },
        { at: -28 * DAY, approve: 'all', comment: 'Approved in the CAB.' },
        {
          at: -21 * DAY + 2 * MINUTE,
          move: { to: 'implementing' },
          by: 'daniel.kim',
        },
        {
          at: -21 * DAY + 3 * HOUR + 20 * MINUTE,
          move: {
            to: 'review',
            outcome: 'backed_out',
            actualStart: iso(-21 * DAY + 2 * MINUTE),
            actualEnd: iso(-21 * DAY + 3 * HOUR + 15 * MINUTE),
            comment:
              'Replication to the upgraded standby never caught up; switched back to the old primary.',
          },
          by: 'daniel.kim',
        },
      ],
    },
    {
      requester: 'sofia.rossi',
      request: {
        type: 'emergency',
        title: 'Hotfix: stop the 3-D Secure retry loop in payments-service',
        justification:
          'Card authorisations retry 3-D Secure endlessly since the card network changed its response codes; 4% of payments fail.',
        entityRefs: ['component:default/payments-service'],
        ...plans(
          'Deploy hotfix 7.3.1 that treats the new response code as final.',
        ),
        riskAnswers: ANSWERS.moderate,
      },
      createdAt: -12 * DAY,
      window: [-12 * DAY + HOUR, -12 * DAY + 2 * HOUR],
      story: [
        { at: -12 * DAY + 5 * MINUTE, submit: true },
        {
          at: -12 * DAY + 25 * MINUTE,
          approve: 'all',
          comment: 'Approved by the ECAB on the bridge call.',
        },
        {
          at: -12 * DAY + HOUR + 5 * MINUTE,
          move: { to: 'implementing' },
          by: 'mehmet.yilmaz',
        },
        {
          at: -12 * DAY + 2 * HOUR,
          move: {
            to: 'review',
            outcome: 'successful',
            actualStart: iso(-12 * DAY + HOUR + 5 * MINUTE),
            actualEnd: iso(-12 * DAY + HOUR + 40 * MINUTE),
          },
          by: 'mehmet.yilmaz',
        },
        {
          at: -10 * DAY,
          move: {
            to: 'closed',
            review: review(
              'The hotfix stopped the retries within minutes; authorisation failures back to 0.3%.',
              {
                objectivesMet: true,
                lessonsLearned:
                  'Subscribe to the card network change bulletins; add an alert on 3-D Secure retries.',
              },
            ),
          },
          by: 'maria.garcia',
        },
      ],
    },
    {
      requester: 'noah.fischer',
      request: {
        type: 'normal',
        title: 'Switch fraud scoring to the new gradient-boosted model',
        justification:
          'The new model catches 18% more fraud in the offline evaluation at the same false positive rate.',
        entityRefs: ['component:default/fraud-scoring-service'],
        ...plans(
          'Flip the model feature flag to the new model for all traffic.',
        ),
        riskAnswers: ANSWERS.risky,
      },
      createdAt: -9 * DAY,
      window: [-2 * DAY, -2 * DAY + 2 * HOUR],
      story: [
        { at: -9 * DAY + HOUR, submit: true },
        {
          at: -7 * DAY,
          reject:
            'Run it in shadow mode for two weeks first; switching all traffic at once is not acceptable for a tier-1 path.',
          by: 'marcus.reed',
        },
      ],
    },
    {
      requester: 'daniel.kim',
      request: {
        type: 'normal',
        title: 'Add a read replica to ledger-db',
        justification:
          'Month-end reconciliation queries slow down the ledger; a replica takes the reporting load off the primary.',
        entityRefs: ['resource:default/ledger-db'],
        ...plans(
          'Create the replica from the nightly snapshot and point reporting at it.',
        ),
        riskAnswers: ANSWERS.moderate,
      },
      createdAt: -2 * DAY,
      window: [5 * DAY, 5 * DAY + 2 * HOUR],
      story: [{ at: -2 * DAY + HOUR, submit: true }],
    },
    {
      requester: 'lars.becker',
      request: {
        type: 'normal',
        title: 'Upgrade the payments event bus to Kafka 3.8',
        justification:
          'Kafka 3.8 fixes the consumer rebalance storms we saw during the October peak.',
        entityRefs: ['resource:default/payments-event-bus'],
        ...plans(
          'Rolling upgrade of the brokers, one at a time, with partition leadership moved off first.',
        ),
        riskAnswers: ANSWERS.risky,
      },
      createdAt: -3 * DAY,
      window: [8 * DAY, 8 * DAY + 4 * HOUR],
      story: [
        { at: -3 * DAY + HOUR, submit: true },
        { at: -1 * DAY, approve: 1, comment: 'Fine from the payments side.' },
      ],
    },
    {
      requester: 'emma.schulz',
      request: {
        type: 'normal',
        title: 'Raise the database connection pool of checkout-service',
        justification:
          'Checkout waits for connections at peak; the pool of 20 is too small since the new payment methods.',
        entityRefs: ['component:default/checkout-service'],
        ...plans('Set DB_POOL_MAX from 20 to 40 and roll the pods.'),
        riskAnswers: ANSWERS.routine,
      },
      createdAt: -4 * DAY,
      window: [5 * DAY, 5 * DAY + HOUR],
      story: [
        { at: -4 * DAY + HOUR, submit: true },
        { at: -3 * DAY, approve: 'all', comment: 'OK.' },
      ],
    },
    {
      requester: 'lucas.martin',
      request: {
        type: 'normal',
        title: 'Release checkout-service 2.14 (saved cards)',
        justification: 'Customers can pay with a saved card in one click.',
        entityRefs: ['component:default/checkout-service'],
        ...plans('Deploy release 2.14.0 with the canary pipeline.'),
        riskAnswers: ANSWERS.routine,
      },
      createdAt: -3 * DAY,
      window: [5 * DAY + 30 * MINUTE, 5 * DAY + 90 * MINUTE],
      story: [
        { at: -3 * DAY + 2 * HOUR, submit: true },
        {
          at: -2 * DAY,
          approve: 'all',
          comment:
            'Overlaps the pool change; the CAB accepted running both in one window.',
        },
      ],
    },
    {
      requester: 'maria.garcia',
      request: {
        type: 'normal',
        title: 'Upgrade the ingress controller to 1.12',
        justification: 'Security fixes (CVE-2026-1842) and HTTP/3 support.',
        entityRefs: ['component:default/api-gateway'],
        ...plans('Roll the ingress controller daemonset node by node.'),
        riskAnswers: ANSWERS.moderate,
      },
      createdAt: -6 * DAY,
      window: [-1 * DAY, -1 * DAY + 2 * HOUR],
      story: [
        { at: -6 * DAY + HOUR, submit: true },
        { at: -4 * DAY, approve: 'all', comment: 'Go.' },
        {
          at: -1 * DAY + 3 * MINUTE,
          move: { to: 'implementing' },
          by: 'maria.garcia',
        },
        {
          at: -1 * DAY + 2 * HOUR + 30 * MINUTE,
          move: {
            to: 'review',
            outcome: 'successful_with_issues',
            actualStart: iso(-1 * DAY + 3 * MINUTE),
            actualEnd: iso(-1 * DAY + 2 * HOUR + 25 * MINUTE),
            comment:
              'One node pool needed a manual drain; the window ran 25 minutes over.',
          },
          by: 'maria.garcia',
        },
      ],
    },
    {
      requester: 'guest',
      request: {
        type: 'normal',
        title: 'Introduce rate limiting on the public API',
        justification:
          'Protect the gateway from scraping bursts; 100 requests per second per API key.',
        entityRefs: ['component:default/api-gateway'],
        ...plans('Enable the rate-limit plugin on the public routes.'),
        riskAnswers: ANSWERS.moderate,
      },
      createdAt: -1 * DAY,
      window: [10 * DAY, 10 * DAY + HOUR],
      story: [],
    },
    {
      requester: 'raj.patel',
      request: {
        type: 'normal',
        title: 'Decommission the legacy CSV export of reporting-service',
        justification:
          'Replaced by the warehouse exports; two users left, both migrated.',
        entityRefs: ['component:default/reporting-service'],
        ...plans('Remove the export endpoint and its nightly job.'),
        riskAnswers: ANSWERS.routine,
      },
      createdAt: -5 * DAY,
      window: [12 * DAY, 12 * DAY + HOUR],
      story: [
        {
          at: -5 * DAY + HOUR,
          move: { to: 'assessment' },
          by: 'raj.patel',
        },
      ],
    },
    {
      requester: 'hannah.mueller',
      request: {
        type: 'normal',
        title: 'Move the data warehouse to the new storage class',
        justification: 'Cheaper storage for cold partitions.',
        entityRefs: ['resource:default/data-warehouse'],
        ...plans('Migrate partitions older than one year.'),
        riskAnswers: ANSWERS.routine,
      },
      createdAt: -15 * DAY,
      window: [-8 * DAY, -8 * DAY + 4 * HOUR],
      story: [
        {
          at: -14 * DAY,
          move: {
            to: 'cancelled',
            comment: 'The storage vendor withdrew the storage class.',
          },
          by: 'hannah.mueller',
        },
      ],
    },
  ];

  const approve = async (
    change: Change,
    how: 'all' | number,
    comment?: string,
  ): Promise<Change> => {
    const voted = new Set<string>([change.requester]);
    let current = change;
    let votes = 0;
    for (const requirement of change.requiredApprovals) {
      const needed = approvalsNeeded(requirement);
      const candidates = (GROUP_MEMBERS[requirement.group] ?? [])
        .map(user)
        .filter(ref => !voted.has(ref));
      for (const approver of candidates.slice(0, needed)) {
        if (current.status !== 'authorization') return current;
        if (how !== 'all' && votes >= how) return current;
        voted.add(approver);
        current = await changes.decide(
          current.id,
          { decision: 'approve', comment },
          approver,
        );
        votes += 1;
      }
    }
    return current;
  };

  const states = new Map<number, Change>();
  demo.forEach((item, index) => {
    const get = () => states.get(index)!;
    const set = (change: Change) => states.set(index, change);
    at(end + item.createdAt, async () => {
      set(
        await changes.create(
          {
            ...item.request,
            plannedStart: iso(item.window[0]),
            plannedEnd: iso(item.window[1]),
          },
          user(item.requester),
        ),
      );
    });
    for (const step of item.story) {
      at(end + step.at, async () => {
        if ('submit' in step) {
          let change = get();
          for (const to of submitPath(change.type)) {
            change = await changes.transition(
              change.id,
              { to },
              user(item.requester),
            );
          }
          set(change);
        } else if ('approve' in step) {
          set(await approve(get(), step.approve, step.comment));
        } else if ('reject' in step) {
          set(
            await changes.decide(
              get().id,
              { decision: 'reject', comment: step.reject },
              user(step.by),
            ),
          );
        } else {
          set(await changes.transition(get().id, step.move, user(step.by)));
        }
      });
    }
  });

  // The failed database upgrade caused an incident, which the change review links.
  at(end - 21 * DAY + 40 * MINUTE, async () => {
    const upgrade = states.get(1)!;
    const incident = await incidents.create(
      {
        title: 'Payment confirmations delayed during the payments-db upgrade',
        description:
          'Replication lag on the upgraded standby delayed confirmations by up to 4 minutes.',
        entityRef: 'component:default/payments-service',
        affectedEntityRefs: ['resource:default/payments-db'],
        impact: 2,
        urgency: 1,
        ...demoCategoryOf(
          'Payment confirmations delayed during the payments-db upgrade',
        ),
        causedByChangeId: upgrade.id,
      },
      user('mehmet.yilmaz'),
    );
    // Major by criteria (tier-1 service): its outage ends with the back-out, 80 minutes later.
    at(end - 21 * DAY + 2 * HOUR, async () => {
      const by = user('mehmet.yilmaz');
      await incidents.transition(incident.id, { to: 'in_progress' }, by);
      await incidents.patch(
        incident.id,
        { outageEnd: new Date(end - 21 * DAY + 2 * HOUR).toISOString() },
        by,
      );
      await incidents.transition(
        incident.id,
        {
          to: 'resolved',
          resolutionCode: 'change_rolled_back',
          resolutionNotes:
            'The upgrade was backed out; confirmations are back to normal.',
        },
        by,
      );
    });
    at(end - 19 * DAY, async () => {
      states.set(
        1,
        await changes.transition(
          upgrade.id,
          {
            to: 'closed',
            review: review(
              'Backed out after replication never caught up; the upgrade is re-planned with logical replication.',
              {
                objectivesMet: false,
                lessonsLearned:
                  'Rehearse the switchover on a production-sized copy; watch the replication lag before switching.',
                incidentIds: [incident.id],
              },
            ),
          },
          user('marcus.reed'),
        ),
      );
    });
  });

  // A standard change in progress right now.
  at(end - 3 * HOUR, async () => {
    let change = await changes.create(
      {
        type: 'standard',
        templateId: templateIds.tls,
        title: 'Rotate the TLS certificate of api.acme-payments.example',
        justification: 'The certificate expires on 3 December.',
        entityRefs: ['component:default/api-gateway'],
        plannedStart: iso(-40 * MINUTE),
        plannedEnd: iso(20 * MINUTE),
        riskAnswers: ANSWERS.routine,
      },
      user('lars.becker'),
    );
    change = await changes.transition(
      change.id,
      { to: 'scheduled' },
      user('lars.becker'),
    );
    at(end - 35 * MINUTE, () =>
      changes.transition(
        change.id,
        { to: 'implementing' },
        user('lars.becker'),
      ),
    );
  });

  steps.sort((a, b) => a.at - b.at || a.order - b.order);
  // Steps scheduled from inside a step (follow-ups) join the queue in time order.
  let done = 0;
  while (steps.length > 0) {
    const step = steps.shift()!;
    clock = step.at;
    try {
      await step.run();
    } catch (error) {
      // Demo data only: a step the rules refuse (say, a window that fell into a freeze since the
      // dates are relative to today) is logged, and the rest of the story goes on.
      options.logger.warn(
        `ITSM demo data: a change step was refused: ${error}`,
      );
    }
    steps.sort((a, b) => a.at - b.at || a.order - b.order);
    done += 1;
  }
  clock = end;
  const count = demo.length + 1;
  options.logger.info(`ITSM demo data: ${count} changes in ${done} steps`);
  return count;
}

function submitPath(type: Change['type']): Change['status'][] {
  switch (type) {
    case 'emergency':
      return ['authorization'];
    case 'standard':
      return ['scheduled'];
    default:
      return ['assessment', 'authorization'];
  }
}
