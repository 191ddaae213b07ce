import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  Incident,
  IncidentTransitionRequest,
  OnHoldReason,
  ResolutionCode,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmImportContext } from '@backstage-itsm/plugin-itsm-node';
import { DemoService, SERVICES, TEAMS, demoCategoryOf, user } from './demoOrg';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A small deterministic generator, so every start shows the same story. */
function createRandom(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return {
    next,
    int: (min: number, max: number) =>
      min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T =>
      items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

type Step = { at: number; run: () => Promise<unknown> };

/**
 * About three months of incidents on the demo services, written through the plugin's own
 * rules (priority, clocks, history) at their original times: most acknowledged, worked and
 * resolved, some put on hold, some late enough to breach, a few cancelled as duplicates, the
 * resolved ones closed after five days; the last days' incidents still open; one major
 * incident in progress on the payments service and one reviewed and closed.
 */
export async function seedDemoIncidents(
  context: ItsmImportContext,
  options: { now: Date; logger: LoggerService; days?: number },
): Promise<number> {
  const random = createRandom(20261127);
  const end = options.now.getTime();
  const days = options.days ?? 90;
  let clock = end - days * DAY;
  const importer = context.incidents({ now: () => new Date(clock) });
  const steps: Step[] = [];
  let created = 0;

  const at = (time: number, run: () => Promise<unknown>) => {
    if (time < end) {
      steps.push({ at: time, run });
    }
  };

  const plan = (
    service: DemoService,
    start: number,
    title: string,
    levels: { impact: 1 | 2 | 3; urgency: 1 | 2 | 3 },
  ) => {
    const members = TEAMS[service.team];
    const reporterTeam = random.pick(Object.keys(TEAMS));
    const reporter = user(random.pick(TEAMS[reporterTeam]));
    const engineer = user(random.pick(members));
    const state: { incident?: Incident } = {};
    const move = (
      time: number,
      body: IncidentTransitionRequest,
      actor: string,
    ) =>
      at(time, async () => {
        state.incident = await importer.transition(
          state.incident!.id,
          body,
          actor,
        );
      });

    at(start, async () => {
      state.incident = await importer.create(
        {
          title,
          description: `Reported from the portal by ${reporter.split('/')[1]}.`,
          entityRef: service.ref,
          ...levels,
          ...demoCategoryOf(title),
        },
        reporter,
      );
      created += 1;
    });
    if (random.chance(0.05)) {
      move(
        start + random.int(10, 90) * MINUTE,
        {
          to: 'cancelled',
          comment: 'Duplicate of an incident raised a few minutes earlier.',
        },
        engineer,
      );
      return;
    }
    const ackAfter = random.chance(0.15)
      ? random.int(45, 300)
      : random.int(3, 40);
    let t = start + ackAfter * MINUTE;
    at(t, async () => {
      state.incident = await importer.patch(
        state.incident!.id,
        { assignee: engineer },
        engineer,
      );
    });
    move(t, { to: 'in_progress' }, engineer);
    at(t + 20 * MINUTE, () =>
      importer.addWorkNote(
        state.incident!.id,
        'Looking at the dashboards and recent deploys.',
        engineer,
      ),
    );
    if (random.chance(0.2)) {
      const reason: OnHoldReason = random.pick([
        'awaiting_caller',
        'awaiting_change',
        'awaiting_supplier',
      ] as const);
      t += random.int(1, 6) * HOUR;
      move(t, { to: 'on_hold', onHoldReason: reason }, engineer);
      t += random.int(2, 30) * HOUR;
      move(t, { to: 'in_progress' }, engineer);
    }
    const late = random.chance(0.15);
    t +=
      (late ? random.int(10, 60) : random.int(1, 6)) * HOUR +
      random.int(0, 59) * MINUTE;
    const code: ResolutionCode = random.pick([
      'fixed',
      'fixed',
      'workaround',
      'change_rolled_back',
      'resolved_by_supplier',
    ] as const);
    at(t, async () => {
      if (state.incident!.major) {
        state.incident = await importer.patch(
          state.incident!.id,
          {
            outageEnd: new Date(clock).toISOString(),
            postIncidentReview: {
              summary: `${title}: detected by monitoring, mitigated by the ${service.team}.`,
              rootCause:
                'A configuration change reduced the connection pool size.',
              lessonsLearned:
                'Alert on pool saturation; canary configuration changes.',
            },
          },
          engineer,
        );
      }
    });
    move(
      t,
      {
        to: 'resolved',
        resolutionCode: code,
        resolutionNotes: `Resolved: ${code.replace(/_/g, ' ')}.`,
      },
      engineer,
    );
    move(t + 5 * DAY, { to: 'closed' }, 'plugin:itsm');
  };

  for (let day = days; day >= 1; day--) {
    const dayStart = end - day * DAY;
    for (let n = random.int(0, 2); n > 0; n--) {
      const service = random.pick(
        SERVICES.filter(s => s.tier >= 2 || random.chance(0.3)),
      );
      plan(
        service,
        dayStart + random.int(6, 20) * HOUR,
        random.pick(service.troubles),
        {
          impact: random.pick([2, 2, 3, 3, 3] as const),
          urgency: random.pick([1, 2, 2, 3] as const),
        },
      );
    }
  }

  // A major incident in progress right now.
  const payments = SERVICES.find(s => s.ref.endsWith('/payments-service'))!;
  const majorStart = end - 2 * HOUR;
  const major: { incident?: Incident } = {};
  at(majorStart, async () => {
    major.incident = await importer.create(
      {
        title: 'Card payments declined for all EU merchants',
        description:
          'Authorisation requests to the card network adapter fail with 503.',
        entityRef: payments.ref,
        affectedEntityRefs: ['component:default/card-network-adapter'],
        impact: 1,
        urgency: 1,
        ...demoCategoryOf('Card payments declined for all EU merchants'),
      },
      user('emma.schulz'),
    );
    created += 1;
  });
  at(majorStart + 8 * MINUTE, async () => {
    major.incident = await importer.patch(
      major.incident!.id,
      {
        assignee: user('sofia.rossi'),
        major: true,
        incidentManager: user('maria.garcia'),
      },
      user('maria.garcia'),
    );
    major.incident = await importer.transition(
      major.incident!.id,
      { to: 'in_progress' },
      user('sofia.rossi'),
    );
  });
  [
    [
      15,
      'Investigating: card authorisations fail for EU merchants; US unaffected.',
    ],
    [
      45,
      'Identified: the card network rotated its TLS certificate; our trust store is outdated.',
    ],
    [
      90,
      'Mitigating: new trust store rolling out to the adapter, 2 of 6 pods done.',
    ],
  ].forEach(([minutes, text]) =>
    at(majorStart + (minutes as number) * MINUTE, () =>
      importer.addStatusUpdate(
        major.incident!.id,
        text as string,
        user('maria.garcia'),
      ),
    ),
  );

  // A handful still waiting to be picked up.
  const waiting = (hoursAgo: number, entityRef: string, title: string) =>
    at(end - hoursAgo * HOUR, async () => {
      await importer.create(
        {
          title,
          description: '',
          entityRef,
          impact: 3,
          urgency: 2,
          ...demoCategoryOf(title),
        },
        user(random.pick(TEAMS['checkout-team'])),
      );
      created += 1;
    });
  waiting(
    5,
    'component:default/reporting-service',
    'Monthly revenue report shows duplicates',
  );
  waiting(
    3,
    'component:default/merchant-dashboard',
    'Payout history page times out',
  );
  waiting(1, 'component:default/ops-portal', 'On-call calendar does not load');

  // And some on hold, waiting for someone else.
  const held = (
    hoursAgo: number,
    entityRef: string,
    title: string,
    onHoldReason: OnHoldReason,
    engineer: string,
  ) => {
    const state: { incident?: Incident } = {};
    const start = end - hoursAgo * HOUR;
    at(start, async () => {
      state.incident = await importer.create(
        {
          title,
          description: '',
          entityRef,
          impact: 2,
          urgency: 2,
          ...demoCategoryOf(title),
        },
        user('jonas.weber'),
      );
      created += 1;
    });
    at(start + 30 * MINUTE, async () => {
      state.incident = await importer.patch(
        state.incident!.id,
        { assignee: user(engineer) },
        user(engineer),
      );
      state.incident = await importer.transition(
        state.incident!.id,
        { to: 'in_progress' },
        user(engineer),
      );
    });
    at(start + 2 * HOUR, async () => {
      state.incident = await importer.transition(
        state.incident!.id,
        {
          to: 'on_hold',
          onHoldReason,
          comment: 'Waiting on the vendor ticket.',
        },
        user(engineer),
      );
    });
  };
  held(
    30,
    'component:default/reconciliation-service',
    'Bank statement import rejects new file format',
    'awaiting_supplier',
    'raj.patel',
  );
  held(
    20,
    'component:default/notification-service',
    'SMS delivery delayed for UK numbers',
    'awaiting_supplier',
    'priya.sharma',
  );
  held(
    8,
    'component:default/status-page',
    'Incident banner shows outdated text',
    'awaiting_change',
    'tom.oconnor',
  );

  steps.sort((a, b) => a.at - b.at);
  for (const step of steps) {
    clock = step.at;
    try {
      await step.run();
    } catch (error) {
      options.logger.warn(`ITSM demo data: a step failed: ${error}`);
    }
  }
  return created;
}
