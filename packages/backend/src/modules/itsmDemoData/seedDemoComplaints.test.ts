import { mockServices } from '@backstage/backend-test-utils';
import {
  complaintCreateSchema,
  complaintTransitionSchema,
  planComplaintTransition,
  recordLinkCreateSchema,
  type Complaint,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmImportContext } from '@backstage-itsm/plugin-itsm-node';
import { seedDemoComplaints } from './seedDemoComplaints';

const NOW = new Date('2027-02-10T10:00:00Z');
const DAY = 86_400_000;

/** A context that applies the -common lifecycle to the complaints it is given. */
function recordingContext() {
  const calls: Array<{ op: string; at: number; actor: string; body: any }> = [];
  const complaints = new Map<string, Complaint>();
  const unused = () => {
    throw new Error('the complaint seed writes only complaints and incidents');
  };
  const context: ItsmImportContext = {
    isEmpty: async () => true,
    changes: unused,
    changeTemplates: unused,
    agreements: unused,
    problems: unused,
    incidents: ({ now }) =>
      ({
        async create(input: any, actor: string) {
          calls.push({
            op: 'incident',
            at: now().getTime(),
            actor,
            body: input,
          });
          return { id: 'INC-77' };
        },
        async transition(id: string, body: any, actor: string) {
          calls.push({
            op: `incident ${body.to}`,
            at: now().getTime(),
            actor,
            body,
          });
          return { id };
        },
      } as any),
    complaints: ({ now }) => ({
      async create(input, actor) {
        const body = complaintCreateSchema.parse(input);
        const complaint = {
          id: `CMP-${complaints.size + 1}`,
          status: 'open',
          owner: 'group:default/owners',
          response: null,
          complainant: actor,
          ...body,
        } as Complaint;
        complaints.set(complaint.id, complaint);
        calls.push({ op: 'create', at: now().getTime(), actor, body });
        return complaint;
      },
      async get(id) {
        return complaints.get(id)!;
      },
      async patch() {
        throw new Error('not used');
      },
      async transition(id, input, actor) {
        const body = complaintTransitionSchema.parse(input);
        const complaint = complaints.get(id)!;
        const changes = planComplaintTransition(complaint, body.to, body, {
          now: now(),
        });
        const next = { ...complaint, ...changes } as Complaint;
        complaints.set(id, next);
        calls.push({
          op: `${id} ${body.to}`,
          at: now().getTime(),
          actor,
          body,
        });
        return next;
      },
      async link(id, input, actor) {
        const body = recordLinkCreateSchema.parse(input);
        calls.push({ op: `${id} link`, at: now().getTime(), actor, body });
        return { id: '1', from: id, to: body.to } as any;
      },
    }),
  };
  return { context, calls, complaints };
}

describe('seedDemoComplaints', () => {
  it('writes one complaint under investigation linked to its incident and one answered, re-opened and accepted', async () => {
    const { context, calls, complaints } = recordingContext();
    await seedDemoComplaints(context, {
      now: NOW,
      logger: mockServices.logger.mock(),
    });

    expect(complaints.get('CMP-1')).toMatchObject({
      entityRef: 'component:default/payments-service',
      complainant: 'user:default/olivia.bennett',
      status: 'investigating',
      owner: 'user:default/daniel.kim',
    });
    expect(calls.find(c => c.op === 'CMP-1 link')?.body).toMatchObject({
      to: 'INC-77',
      relation: 'relates_to',
    });
    const late = complaints.get('CMP-2')!;
    expect(late).toMatchObject({
      entityRef: 'component:default/notification-service',
      status: 'closed',
    });
    expect(late.response).toMatch(/evening peak/);
    expect(
      calls.filter(c => c.op.startsWith('CMP-2')).map(c => [c.op, c.actor]),
    ).toEqual([
      ['CMP-2 investigating', 'user:default/priya.sharma'],
      ['CMP-2 resolved', 'user:default/priya.sharma'],
      ['CMP-2 investigating', 'user:default/emma.schulz'],
      ['CMP-2 resolved', 'user:default/priya.sharma'],
      ['CMP-2 closed', 'user:default/emma.schulz'],
    ]);

    // Each record's writes are in time order, all in the past; the open complaint is not yet
    // due for escalation (5 days).
    for (const prefix of ['incident', 'CMP-1', 'CMP-2']) {
      const times = calls.filter(c => c.op.startsWith(prefix)).map(c => c.at);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    }
    expect(calls.every(c => c.at <= NOW.getTime())).toBe(true);
    const raised = calls.find(c => c.op === 'create')!;
    expect(NOW.getTime() - raised.at).toBeLessThan(5 * DAY);
  });

  it('does nothing on a plugin without complaints', async () => {
    const { context, calls } = recordingContext();
    const logger = mockServices.logger.mock();
    await seedDemoComplaints(
      { ...context, complaints: undefined },
      { now: NOW, logger },
    );
    expect(calls).toEqual([]);
    expect(logger.warn).toHaveBeenCalled();
  });
});
