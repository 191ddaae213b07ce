import { mockServices } from '@backstage/backend-test-utils';
import {
  IMPROVEMENT_KPI_DEFINITIONS,
  Improvement,
  checkImprovementApprover,
  improvementBaselineWindow,
  improvementCreateSchema,
  improvementMeasurementWindow,
  improvementPatchSchema,
  improvementScore,
  improvementTransitionSchema,
  improvementVerdict,
  planImprovementTransition,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmImportContext } from '@backstage-itsm/plugin-itsm-node';
import { TEAMS } from './demoOrg';
import { CANARY_TITLE, seedDemoImprovements } from './seedDemoImprovements';

const NOW = new Date('2026-11-27T10:00:00Z');

/** The groups of a demo user, from the demo org. */
function groupsOf(ref: string): string[] {
  const name = ref.split('/')[1];
  return Object.entries(TEAMS)
    .filter(([, members]) => members.includes(name))
    .map(([team]) => `group:default/${team}`);
}

function ownerGroupOf(ref: string): string | null {
  return groupsOf(ref)[0] ?? null;
}

/**
 * A context whose importers apply the -common rules to what the seed writes (schemas, the
 * lifecycle, separation of duties) and measure count KPIs from the incidents the seed raised.
 */
function recordingContext() {
  const calls: Array<{ op: string; at: number; actor: string }> = [];
  const incidents: Array<{
    entityRef: string;
    category: string;
    at: number;
  }> = [];
  const items = new Map<string, Improvement>();
  const countIn = (item: Improvement, from: Date, to: Date) => {
    const n = incidents.filter(
      i =>
        item.entityRefs.includes(i.entityRef) &&
        (!item.kpi?.category || item.kpi.category === i.category) &&
        i.at >= from.getTime() &&
        i.at < to.getTime(),
    ).length;
    return { value: n, n };
  };
  const unused = () => {
    throw new Error('the improvement seed writes incidents and items only');
  };
  const context: ItsmImportContext = {
    isEmpty: async () => true,
    changes: unused,
    changeTemplates: unused,
    agreements: unused,
    problems: unused,
    incidents: ({ now }) =>
      ({
        async create(input: any) {
          incidents.push({
            entityRef: input.entityRef,
            category: input.category,
            at: now().getTime(),
          });
          return { id: `INC-${incidents.length}` };
        },
        async transition(id: string) {
          return { id };
        },
      } as any),
    improvements: ({ now }) => ({
      async create(input, actor) {
        const parsed = improvementCreateSchema.parse(input);
        const id = `IMP-${items.size + 1}`;
        const owner = parsed.owner ?? actor;
        const item = {
          ...parsed,
          id,
          status: 'proposed',
          owner,
          owningGroup: parsed.owningGroup ?? ownerGroupOf(owner),
          kpi: parsed.kpi ?? null,
          correction: parsed.correction ?? null,
          rootCause: parsed.rootCause ?? null,
          effectivenessReview: null,
          approvedAt: null,
          implementedAt: null,
          priority: improvementScore(parsed),
          baseline: null,
          measured: null,
          verdict: null,
          createdAt: now().toISOString(),
        } as unknown as Improvement;
        items.set(id, item);
        calls.push({ op: `create ${id}`, at: now().getTime(), actor });
        return item;
      },
      get: async id => items.get(id)!,
      async patch(id, body, actor) {
        Object.assign(items.get(id)!, improvementPatchSchema.parse(body));
        calls.push({ op: `patch ${id}`, at: now().getTime(), actor });
        return items.get(id)!;
      },
      async transition(id, body, actor) {
        const item = items.get(id)!;
        const parsed = improvementTransitionSchema.parse(body);
        if (parsed.to === 'approved') {
          checkImprovementApprover(item, actor, groupsOf(actor));
        }
        const changes = planImprovementTransition(item, parsed.to, parsed, {
          now: now(),
          actor,
        });
        Object.assign(item, changes);
        if (parsed.to === 'approved' && item.kpi) {
          const window = improvementBaselineWindow(item.kpi, now());
          item.baseline = {
            ...window,
            ...countIn(item, window.from, window.to),
          } as any;
        }
        calls.push({ op: `${parsed.to} ${id}`, at: now().getTime(), actor });
        return item;
      },
      evaluate: unused,
      async evaluateDue() {
        const done: string[] = [];
        for (const item of items.values()) {
          const window = improvementMeasurementWindow(item);
          if (
            item.status === 'implemented' &&
            window &&
            window.to.getTime() <= now().getTime()
          ) {
            const measured = countIn(item, window.from, window.to);
            const { verdict } = improvementVerdict({
              kind: IMPROVEMENT_KPI_DEFINITIONS[item.kpi!.kpi].kind,
              direction: item.kpi!.direction,
              target: item.kpi!.target,
              baseline: item.baseline as any,
              measured,
            });
            Object.assign(item, { status: 'evaluated', measured, verdict });
            done.push(item.id);
          }
        }
        return done;
      },
      propose: unused,
      link: unused,
    }),
  };
  return { context, calls, items, incidents };
}

describe('seedDemoImprovements', () => {
  it('writes items from several sources in every status, approved by someone else, in time order per item', async () => {
    const { context, calls, items } = recordingContext();
    const written = await seedDemoImprovements(context, {
      now: NOW,
      logger: mockServices.logger.mock(),
      sources: { complaintId: 'CMP-1', reviewActionId: 'REV-1/A-2' },
    });
    expect(written).toHaveLength(items.size);
    expect(new Set(written.map(i => i.source))).toEqual(
      new Set([
        'incident_trend',
        'management_review',
        'audit_finding',
        'complaint',
        'service_review',
        'other',
      ]),
    );
    expect(new Set(written.map(i => i.status))).toEqual(
      new Set(['evaluated', 'in_progress', 'proposed', 'rejected']),
    );
    for (const item of written) {
      const own = calls.filter(c => c.op.endsWith(` ${item.id}`));
      expect(own.map(c => c.at)).toEqual([...own.map(c => c.at)].sort());
      expect(Math.max(...own.map(c => c.at))).toBeLessThanOrEqual(
        NOW.getTime(),
      );
    }
    // The journey's item is approved and in progress, with a 14-day window it can measure.
    const canary = written.find(i => i.title === CANARY_TITLE)!;
    expect(canary.status).toBe('in_progress');
    expect(canary.kpi?.windowDays).toBe(14);
  });

  it('measures one item achieved and one not achieved from the incidents it raised', async () => {
    const { context, items } = recordingContext();
    await seedDemoImprovements(context, {
      now: NOW,
      logger: mockServices.logger.mock(),
    });
    const all = [...items.values()];
    const nightly = all.find(i => i.kpi?.kpi === 'recurrence')!;
    const sms = all.find(i => i.title.includes('UK SMS'))!;
    expect([nightly.baseline?.n, nightly.measured?.n]).toEqual([6, 1]);
    expect(nightly.verdict).toBe('achieved');
    expect([sms.baseline?.n, sms.measured?.n]).toEqual([4, 4]);
    expect(sms.verdict).toBe('not_achieved');
  });

  it('writes nothing without the register', async () => {
    const logger = mockServices.logger.mock();
    const { context } = recordingContext();
    delete (context as any).improvements;
    await expect(
      seedDemoImprovements(context, { now: NOW, logger }),
    ).resolves.toEqual([]);
    expect(logger.warn).toHaveBeenCalled();
  });
});
