import { mockServices } from '@backstage/backend-test-utils';
import {
  CHANGE_STATUSES,
  Change,
  ChangeStatus,
  RequiredApproval,
  checkChangeTransition,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmImportContext } from '@backstage-itsm/plugin-itsm-node';
import { seedDemoChanges } from './seedDemoChanges';

const NOW = new Date('2026-11-27T09:00:00Z');

/**
 * A stand-in for the plugin's importers that keeps the lifecycle rules of -common, a fixed
 * approval requirement per type, and records every call with the importer's clock.
 */
function fakeContext() {
  const calls: Array<{ op: string; id: string; at: number; actor: string }> =
    [];
  const changes = new Map<string, Change>();
  const incidents: Array<{ causedByChangeId?: string }> = [];
  const templates = new Map<string, any>();
  let seq = 0;
  const required = (type: Change['type']): RequiredApproval[] =>
    type === 'emergency'
      ? [{ kind: 'group', group: 'group:default/ecab', count: 1 }]
      : [{ kind: 'quorum', group: 'group:default/cab', quorum: 3, of: 6 }];
  const context: ItsmImportContext = {
    isEmpty: async () => true,
    agreements: () => {
      throw new Error('the change seed writes no agreements');
    },
    problems: () => {
      throw new Error('the change seed writes no problems');
    },
    incidents: ({ now }) =>
      ({
        async create(input: any, actor: string) {
          incidents.push(input);
          calls.push({
            op: 'incident',
            id: `INC-${incidents.length}`,
            at: now().getTime(),
            actor,
          });
          return { id: `INC-${incidents.length}` };
        },
        async transition(id: string, body: any, actor: string) {
          calls.push({
            op: `incident ${body.to}`,
            id,
            at: now().getTime(),
            actor,
          });
          return { id };
        },
        async patch(id: string, _body: any, actor: string) {
          calls.push({ op: 'incident patch', id, at: now().getTime(), actor });
          return { id };
        },
      } as any),
    changeTemplates: ({ now }) =>
      ({
        async create(input: any, actor: string) {
          seq += 1;
          templates.set(`STD-${seq}`, input);
          calls.push({
            op: 'template',
            id: `STD-${seq}`,
            at: now().getTime(),
            actor,
          });
          return { id: `STD-${seq}` };
        },
      } as any),
    changes: ({ now }) => {
      const record = (op: string, id: string, actor: string) =>
        calls.push({ op, id, at: now().getTime(), actor });
      return {
        async create(input, actor) {
          seq += 1;
          // Like the server: a standard change takes its plans from the template.
          const template = input.templateId
            ? templates.get(input.templateId)
            : {};
          const change = {
            implementationPlan: template.implementationPlan,
            backoutPlan: template.backoutPlan,
            testPlan: template.testPlan,
            ...input,
            id: `CHG-${seq}`,
            status: 'draft',
            requester: actor,
            requiredApprovals: [],
            approvals: [],
            outcome: null,
            review: null,
            templateId: input.templateId ?? null,
          } as unknown as Change;
          changes.set(change.id, change);
          record('create', change.id, actor);
          return change;
        },
        async patch(id, _body, actor) {
          record('patch', id, actor);
          return changes.get(id)!;
        },
        async transition(id, body, actor) {
          const change = changes.get(id)!;
          checkChangeTransition(change, body.to, body as any);
          const next = {
            ...change,
            ...(body as object),
            status: body.to,
            requiredApprovals:
              body.to === 'authorization'
                ? required(change.type)
                : change.requiredApprovals,
          } as Change;
          changes.set(id, next);
          record(`transition:${body.to}`, id, actor);
          return next;
        },
        async decide(id, body, actor) {
          const change = changes.get(id)!;
          expect(change.status).toBe('authorization');
          expect(actor).not.toBe(change.requester);
          expect(change.approvals.map(a => a.approver)).not.toContain(actor);
          const approvals = [
            ...change.approvals,
            {
              approver: actor,
              decision: body.decision,
              comment: body.comment ?? null,
              at: now().toISOString(),
              planRevision: 1,
            },
          ];
          const needed = change.type === 'emergency' ? 1 : 3;
          let status: ChangeStatus = change.status;
          if (body.decision === 'reject') status = 'rejected';
          else if (approvals.length >= needed) status = 'scheduled';
          const next = { ...change, approvals, status };
          changes.set(id, next);
          record(`decide:${body.decision}`, id, actor);
          return next;
        },
      };
    },
  };
  return { context, calls, changes, incidents };
}

describe('seedDemoChanges', () => {
  it('writes changes in every state, in time order, never approved by their requester', async () => {
    const { context, calls, changes, incidents } = fakeContext();
    const logger = mockServices.logger.mock();
    const count = await seedDemoChanges(context, { now: NOW, logger });

    expect(logger.warn).not.toHaveBeenCalled();
    expect(count).toBe(changes.size);
    const statuses = new Set([...changes.values()].map(c => c.status));
    for (const status of CHANGE_STATUSES) {
      expect(statuses).toContain(status);
    }
    // Nothing written after "now", and the clock never runs backwards.
    const times = calls.map(c => c.at);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const all = [...changes.values()];
    // A rejected one, an emergency change closed with its review, a standard one from a template.
    expect(all.some(c => c.status === 'rejected')).toBe(true);
    const emergency = all.find(c => c.type === 'emergency')!;
    expect(emergency.status).toBe('closed');
    expect(emergency.review?.summary).toBeTruthy();
    expect(all.find(c => c.type === 'standard')?.templateId).toBe('STD-1');
    // A backed-out change closed with a review naming the incident it caused.
    const backedOut = all.find(c => c.outcome === 'backed_out')!;
    expect(backedOut.status).toBe('closed');
    expect(incidents[0].causedByChangeId).toBe(backedOut.id);
    expect(backedOut.review?.incidentIds).toEqual(['INC-1']);
    // Its incident (major on a tier-1 service) is worked, its outage ended, and resolved.
    expect(calls.filter(c => c.id === 'INC-1').map(c => c.op)).toEqual([
      'incident',
      'incident in_progress',
      'incident patch',
      'incident resolved',
    ]);
    // Two scheduled changes on the same entity with overlapping windows (a conflict).
    const scheduled = all.filter(
      c =>
        c.status === 'scheduled' &&
        c.entityRefs.includes('component:default/checkout-service'),
    );
    expect(scheduled).toHaveLength(2);
    const [a, b] = scheduled;
    expect(
      Date.parse(a.plannedStart!) < Date.parse(b.plannedEnd!) &&
        Date.parse(b.plannedStart!) < Date.parse(a.plannedEnd!),
    ).toBe(true);
  });
});
