import { mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_INCIDENT_CATEGORIES,
  validateIncidentCategory,
  type Incident,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmImportContext } from '@backstage-itsm/plugin-itsm-node';
import { seedDemoIncidents } from './seedDemoIncidents';

/** Records every call with the importer's clock at that moment. */
function recordingContext() {
  const calls: Array<{ op: string; id: string; at: number; body?: any }> = [];
  let seq = 0;
  const incidents = new Map<string, Incident>();
  const unused = () => {
    throw new Error('the incident seed writes no changes');
  };
  const context: ItsmImportContext = {
    isEmpty: async () => true,
    changes: unused,
    changeTemplates: unused,
    agreements: unused,
    problems: unused,
    incidents: ({ now }) => {
      const record = (op: string, id: string, body?: any) =>
        calls.push({ op, id, at: now().getTime(), body });
      return {
        async create(input) {
          seq += 1;
          const id = `INC-${seq}`;
          const incident = {
            id,
            major: input.impact === 1,
            status: 'new',
          } as Incident;
          incidents.set(id, incident);
          record('create', id, input);
          return incident;
        },
        async patch(id, body) {
          record('patch', id, body);
          const incident = {
            ...incidents.get(id)!,
            ...(body as object),
          } as Incident;
          incidents.set(id, incident);
          return incident;
        },
        async transition(id, body) {
          record(`transition:${body.to}`, id, body);
          const incident = {
            ...incidents.get(id)!,
            status: body.to,
          } as Incident;
          incidents.set(id, incident);
          return incident;
        },
        async addWorkNote(id, text) {
          record('work-note', id, text);
          return {} as any;
        },
        async addStatusUpdate(id, text) {
          record('status-update', id, text);
          return {} as any;
        },
      };
    },
  };
  return { context, calls };
}

describe('seedDemoIncidents', () => {
  const now = new Date('2026-11-27T12:00:00Z');

  it('writes three months of incidents in time order, never in the future', async () => {
    const { context, calls } = recordingContext();
    const count = await seedDemoIncidents(context, {
      now,
      logger: mockServices.logger.mock(),
    });
    expect(count).toBeGreaterThan(60);
    expect(calls.filter(c => c.op === 'create')).toHaveLength(count);
    const times = calls.map(c => c.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThan(now.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(
      now.getTime() - 91 * 86_400_000,
    );
  });

  it('tells the same story on every start', async () => {
    const first = recordingContext();
    const second = recordingContext();
    await seedDemoIncidents(first.context, {
      now,
      logger: mockServices.logger.mock(),
    });
    await seedDemoIncidents(second.context, {
      now,
      logger: mockServices.logger.mock(),
    });
    expect(second.calls).toEqual(first.calls);
  });

  it('covers the lifecycle: on hold, resolved, closed, cancelled, still open, a live major incident', async () => {
    const { context, calls } = recordingContext();
    await seedDemoIncidents(context, {
      now,
      logger: mockServices.logger.mock(),
    });
    const ops = new Set(calls.map(c => c.op));
    for (const op of [
      'transition:in_progress',
      'transition:on_hold',
      'transition:resolved',
      'transition:closed',
      'transition:cancelled',
      'work-note',
      'status-update',
    ]) {
      expect(ops).toContain(op);
    }
    const majorId = calls.find(
      c => c.op === 'patch' && c.body?.major === true,
    )!.id;
    expect(calls.filter(c => c.id === majorId).map(c => c.op)).not.toContain(
      'transition:resolved',
    );
    const closed = calls.filter(c => c.op === 'transition:closed');
    for (const close of closed) {
      const resolve = calls.find(
        c => c.id === close.id && c.op === 'transition:resolved',
      )!;
      expect(close.at - resolve.at).toBe(5 * 86_400_000);
    }
  });
});

describe('seedDemoIncidents: categories', () => {
  it('gives every incident a category and subcategory of the default taxonomy', async () => {
    const { context, calls } = recordingContext();
    await seedDemoIncidents(context, {
      now: new Date('2026-11-27T12:00:00Z'),
      logger: mockServices.logger.mock(),
    });
    const creates = calls.filter(c => c.op === 'create');
    expect(creates.length).toBeGreaterThan(60);
    for (const { body } of creates) {
      expect([body.title, body.subcategory]).toEqual([
        body.title,
        expect.any(String),
      ]);
      expect(() =>
        validateIncidentCategory(
          DEFAULT_INCIDENT_CATEGORIES,
          body.category,
          body.subcategory,
        ),
      ).not.toThrow();
    }
  });
});
