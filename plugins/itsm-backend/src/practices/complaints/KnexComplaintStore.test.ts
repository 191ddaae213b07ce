import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { complaintListQuerySchema } from '@backstage-itsm/plugin-itsm-common';
import { RecordNotifier } from '../../records/notifier';
import type { ComplaintAccess } from './ComplaintAccess';
import { ComplaintService } from './ComplaintService';
import type { ComplaintFields } from './ComplaintStore';
import { KnexComplaintStore } from './KnexComplaintStore';
import type { ItsmCatalog } from '../../catalog/ItsmCatalog';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const migrationsDir = resolvePackagePath(
  '@backstage-itsm/plugin-itsm-backend',
  'migrations',
);

const PAYMENTS = 'component:default/payments-service';
const CART = 'component:default/cart';
const ALICE = 'user:default/alice';
const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const d = (iso: string) => new Date(iso);

async function setup(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await knex.migrate.latest({ directory: migrationsDir });
  const store = new KnexComplaintStore(knex);

  /** A complaint raised at `raised`, with its later instants written as given. */
  const complaint = async (options: {
    raised: string;
    entityRef?: string;
    complainant?: string;
    owner?: string | null;
    status?: ComplaintFields['status'];
    resolved?: string;
    closed?: string;
    escalated?: string;
    title?: string;
  }) => {
    const entityRef = options.entityRef ?? PAYMENTS;
    const createdAt = d(options.raised);
    const created = await store.createComplaint({
      complaint: {
        status: options.status ?? 'open',
        title: options.title ?? `Raised ${options.raised}`,
        description: 'Charged twice',
        entityRef,
        complainant: options.complainant ?? ALICE,
        owner: options.owner === undefined ? TEAM_A : options.owner,
        channel: null,
        category: null,
        response: null,
        escalatedAt: options.escalated ? d(options.escalated) : null,
        resolvedAt: options.resolved ? d(options.resolved) : null,
        closedAt: options.closed ? d(options.closed) : null,
      },
      serviceOwnerRef: entityRef === CART ? TEAM_B : TEAM_A,
      createdAt,
      createdBy: options.complainant ?? ALICE,
      event: { at: createdAt, actor: ALICE, action: 'create', changes: {} },
    });
    return created;
  };
  return { knex, store, complaint };
}

const list = (query: object) => complaintListQuerySchema.parse(query);

describe('KnexComplaintStore', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('stores a complaint with its service and its owner, and pages newest first', async () => {
      const { store, complaint } = await setup(databaseId);
      const first = await complaint({ raised: '2027-01-02T10:00:00.123Z' });
      const second = await complaint({
        raised: '2027-01-03T10:00:00Z',
        entityRef: CART,
        complainant: 'user:default/bob',
        owner: null,
      });
      expect(first).toMatchObject({
        seq: 1,
        version: 1,
        status: 'open',
        entityRef: PAYMENTS,
        complainant: ALICE,
        owner: TEAM_A,
        serviceOwnerRef: TEAM_A,
        createdAt: d('2027-01-02T10:00:00.123Z'),
      });
      expect(second).toMatchObject({ owner: null, serviceOwnerRef: TEAM_B });

      const page = await store.listComplaints(list({ limit: 1 }));
      expect(page.items.map(c => c.seq)).toEqual([2]);
      const next = await store.listComplaints(
        list({ limit: 1, cursor: page.nextCursor! }),
      );
      expect(next).toEqual({ items: [first], nextCursor: null });

      const filtered = async (query: object) =>
        (await store.listComplaints(list(query))).items.map(c => c.seq);
      expect(await filtered({ entityRef: ['Component:default/Cart'] })).toEqual(
        [2],
      );
      expect(await filtered({ complainant: [ALICE] })).toEqual([1]);
      expect(await filtered({ owner: [TEAM_A.toUpperCase()] })).toEqual([1]);
      expect(await filtered({ status: ['open'], order: 'asc' })).toEqual([
        1, 2,
      ]);
    });

    it('turns the permission rules into SQL: complainant, complaint owner, service owner', async () => {
      const { store, complaint } = await setup(databaseId);
      await complaint({ raised: '2027-01-02T10:00:00Z' }); // alice, owner team-a
      await complaint({
        raised: '2027-01-03T10:00:00Z',
        entityRef: CART,
        complainant: 'user:default/bob',
        owner: 'user:default/carol',
      });
      const visible = async (filter: any) =>
        (await store.listComplaints(list({}), filter)).items.map(c => c.seq);
      expect(
        await visible({ property: 'complainant', values: [ALICE] }),
      ).toEqual([1]);
      expect(
        await visible({
          property: 'complaintOwner',
          values: ['user:default/carol'],
        }),
      ).toEqual([2]);
      expect(
        await visible({ property: 'serviceOwnerRef', values: [TEAM_B] }),
      ).toEqual([2]);
      expect(
        await visible({
          anyOf: [
            { property: 'complainant', values: [ALICE] },
            { property: 'serviceOwnerRef', values: [TEAM_B] },
          ],
        }),
      ).toEqual([2, 1]);
      expect(
        await visible({ not: { property: 'complainant', values: [ALICE] } }),
      ).toEqual([2]);
      expect(
        await store.getComplaint(1, {
          property: 'serviceOwnerRef',
          values: [TEAM_B],
        }),
      ).toBeUndefined();
    });

    it('escalates a complaint exactly once, with a new version and its ledger row', async () => {
      const { knex, store, complaint } = await setup(databaseId);
      const record = await complaint({ raised: '2027-01-02T10:00:00Z' });
      const at = d('2027-01-08T10:00:00Z');
      const escalate = (expectedVersion: number) =>
        store.escalateComplaint({
          seq: record.seq,
          expectedVersion,
          at,
          event: {
            at,
            actor: 'plugin:itsm',
            action: 'escalate',
            changes: { escalatedAt: [null, at.toISOString()] },
          },
          notice: {
            scope: 'itsm:complaint:CMP-1:escalation',
            recipients: [TEAM_A],
            payload: { title: 'Escalated' },
          },
        });

      // A stale version writes nothing, not even the ledger row.
      await expect(escalate(7)).rejects.toMatchObject({
        name: 'PreconditionFailedError',
      });
      expect(await knex('itsm_notification_ledger')).toEqual([]);

      const first = await escalate(1);
      expect(first?.record).toMatchObject({ version: 2, escalatedAt: at });
      // Another replica that read version 2 does not escalate it again.
      expect(await escalate(2)).toBeUndefined();
      const ledger = await knex('itsm_notification_ledger');
      expect(ledger).toHaveLength(1);
      expect(ledger[0]).toMatchObject({
        record_type: 'complaint',
        record_seq: 1,
        scope: 'itsm:complaint:CMP-1:escalation',
        notified_at: null,
      });
      expect((await store.getComplaint(1))!.version).toBe(2);
      const history = await store.complaintHistory(1, { limit: 10 });
      expect(history.items.map(e => [e.version, e.action])).toEqual([
        [1, 'create'],
        [2, 'escalate'],
      ]);
      await store.markNotified(first!.ledgerId, at);
      expect(
        (await knex('itsm_notification_ledger').first()).notified_at,
      ).not.toBeNull();

      // Once escalated it is no longer a candidate.
      expect(
        await store.listEscalatable({
          raisedBefore: d('2027-02-01T00:00:00Z'),
          afterSeq: 0,
          limit: 10,
        }),
      ).toEqual([]);
    });

    it('lists for escalation only unanswered complaints raised before the cutoff', async () => {
      const { store, complaint } = await setup(databaseId);
      await complaint({ raised: '2027-01-01T00:00:00Z' });
      await complaint({
        raised: '2027-01-01T00:00:00Z',
        status: 'investigating',
      });
      await complaint({
        raised: '2027-01-01T00:00:00Z',
        status: 'resolved',
        resolved: '2027-01-02T00:00:00Z',
      });
      await complaint({ raised: '2027-01-09T00:00:00Z' });
      const due = await store.listEscalatable({
        raisedBefore: d('2027-01-06T00:00:00Z'),
        afterSeq: 0,
        limit: 10,
      });
      expect(due.map(c => c.seq)).toEqual([1, 2]);
      expect(
        (
          await store.listEscalatable({
            raisedBefore: d('2027-01-06T00:00:00Z'),
            afterSeq: 1,
            limit: 10,
          })
        ).map(c => c.seq),
      ).toEqual([2]);
    });

    it('summarises a period with hand-computed counts and items', async () => {
      const { store, complaint } = await setup(databaseId);
      const service = new ComplaintService({
        store,
        access: {} as ComplaintAccess,
        catalog: {} as ItsmCatalog,
        notifier: new RecordNotifier({ logger: mockServices.logger.mock() }),
      });
      // The period is January 2027.
      await complaint({
        title: 'A: resolved in the period, raised before',
        raised: '2026-12-20T00:00:00Z',
        status: 'closed',
        resolved: '2027-01-05T00:00:00Z',
        closed: '2027-01-10T00:00:00Z',
        escalated: '2026-12-26T00:00:00Z',
      });
      await complaint({
        title: 'B: raised before, still open, escalated in the period',
        raised: '2026-12-28T00:00:00Z',
        status: 'investigating',
        escalated: '2027-01-03T00:00:00Z',
      });
      await complaint({
        title: 'C: raised and resolved in the period',
        raised: '2027-01-10T00:00:00Z',
        status: 'resolved',
        resolved: '2027-01-20T00:00:00Z',
      });
      await complaint({
        title: 'D: raised in the period, resolved after it',
        raised: '2027-01-15T00:00:00Z',
        status: 'resolved',
        resolved: '2027-02-03T00:00:00Z',
      });
      await complaint({
        title: 'E: raised and escalated in the period',
        raised: '2027-01-25T00:00:00Z',
        escalated: '2027-01-31T23:59:59.999Z',
      });
      await complaint({
        title: 'F: raised after the period',
        raised: '2027-02-01T00:00:00Z',
      });
      await complaint({
        title: 'G: another service',
        raised: '2027-01-12T00:00:00Z',
        entityRef: CART,
      });
      await complaint({
        title: 'H: over before the period',
        raised: '2026-11-01T00:00:00Z',
        status: 'closed',
        resolved: '2026-11-05T00:00:00Z',
        closed: '2026-11-06T00:00:00Z',
      });

      const summary = await service.summary({
        entityRef: 'Component:default/Payments-Service',
        from: d('2027-01-01T00:00:00Z'),
        to: d('2027-02-01T00:00:00Z'),
      });
      expect(summary).toMatchObject({
        raised: 3, // C, D, E
        open: 3, // B, D, E
        resolved: 2, // A, C
        escalated: 2, // B, E
      });
      expect(summary.items.map(i => i.title[0])).toEqual(['E', 'D', 'C', 'B']);
      expect(summary.items[0]).toEqual({
        id: 'CMP-5',
        title: 'E: raised and escalated in the period',
        status: 'open',
        owner: TEAM_A,
        raisedAt: '2027-01-25T00:00:00.000Z',
        resolvedAt: null,
        closedAt: null,
        escalated: true,
      });
      expect(summary.items[2]).toMatchObject({
        id: 'CMP-3',
        resolvedAt: '2027-01-20T00:00:00.000Z',
        escalated: false,
      });

      // Nothing in an empty period; a reversed period is a 400.
      expect(
        await service.summary({
          entityRef: PAYMENTS,
          from: d('2026-06-01T00:00:00Z'),
          to: d('2026-07-01T00:00:00Z'),
        }),
      ).toEqual({ raised: 0, open: 0, resolved: 0, escalated: 0, items: [] });
      await expect(
        service.summary({
          entityRef: PAYMENTS,
          from: d('2027-02-01T00:00:00Z'),
          to: d('2027-01-01T00:00:00Z'),
        }),
      ).rejects.toMatchObject({ name: 'InputError' });
    });

    it('lists at most 50 complaints in a summary while counting them all', async () => {
      const { store, complaint } = await setup(databaseId);
      for (let i = 0; i < 53; i++) {
        await complaint({
          raised: new Date(Date.UTC(2027, 0, 1, i)).toISOString(),
          entityRef: CART,
        });
      }
      const service = new ComplaintService({
        store,
        access: {} as ComplaintAccess,
        catalog: {} as ItsmCatalog,
        notifier: new RecordNotifier({ logger: mockServices.logger.mock() }),
      });
      const summary = await service.summary({
        entityRef: CART,
        from: d('2027-01-01T00:00:00Z'),
        to: d('2027-02-01T00:00:00Z'),
      });
      expect(summary).toMatchObject({ raised: 53, open: 53 });
      expect(summary.items).toHaveLength(50);
      expect(summary.items[0].id).toBe('CMP-53');
    });
  });
});
