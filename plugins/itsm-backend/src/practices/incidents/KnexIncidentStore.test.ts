import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { PreconditionFailedError } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type { IncidentPermissionFilter } from './incidentPermissionResource';
import { IncidentFields, SlaClockRecord } from './IncidentStore';
import { KnexBreachStore } from '../service-levels/KnexBreachStore';
import { KnexIncidentStore } from './KnexIncidentStore';
import { KnexLedgerStore } from '../service-levels/KnexLedgerStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const T0 = new Date('2026-03-02T09:15:30.123Z');

function fields(overrides: Partial<IncidentFields> = {}): IncidentFields {
  return {
    title: 'Checkout fails',
    description: 'Payments time out',
    entityRef: 'component:default/payments',
    affectedEntityRefs: [],
    reporter: 'user:default/alice',
    assignee: null,
    assignmentGroup: null,
    category: null,
    subcategory: null,
    impact: 2,
    urgency: 2,
    priority: 3,
    status: 'new',
    onHoldReason: null,
    resolutionCode: null,
    resolutionNotes: null,
    major: false,
    parentSeq: null,
    problemSeq: null,
    causedByChangeSeq: null,
    source: 'portal',
    externalId: null,
    signature: 'title:checkout fails',
    impactedServices: null,
    resolvedAt: null,
    closedAt: null,
    incidentManager: null,
    outageStart: null,
    outageEnd: null,
    postIncidentReview: null,
    ...overrides,
  };
}

function clock(
  name: SlaClockRecord['clock'],
  overrides: Partial<SlaClockRecord> = {},
): SlaClockRecord {
  return {
    clock: name,
    targetMs: 4 * 3_600_000,
    calendarId: '24x7',
    startedAt: T0,
    stoppedAt: null,
    pauses: [],
    state: 'running',
    dueAt: new Date(T0.getTime() + 4 * 3_600_000),
    breachedAt: null,
    evaluatedAt: T0,
    ...overrides,
  };
}

async function serverVersion(knex: Knex): Promise<string> {
  if (knex.client.config.client === 'pg') {
    const { rows } = await knex.raw('select version() as version');
    return rows[0].version;
  }
  const [row] = await knex.raw('select sqlite_version() as version');
  return `SQLite ${row.version}`;
}

async function createStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const store = await KnexIncidentStore.create({
    database: { getClient: async () => knex },
  });
  return { knex, store };
}

async function insert(
  store: KnexIncidentStore,
  overrides: Partial<IncidentFields> = {},
  at: Date = T0,
) {
  const incident = fields(overrides);
  return store.createIncident({
    incident,
    entities: [
      {
        entityRef: incident.entityRef,
        ownerRef: 'group:default/team-a',
        primary: true,
      },
      ...incident.affectedEntityRefs.map(entityRef => ({
        entityRef,
        ownerRef: null,
        primary: false,
      })),
    ],
    clocks: [
      clock('response', { startedAt: at }),
      clock('resolution', { startedAt: at }),
    ],
    createdAt: at,
    createdBy: incident.reporter,
    event: {
      at,
      actor: incident.reporter,
      action: 'create',
      changes: { title: [null, incident.title] },
    },
  });
}

describe('KnexIncidentStore', () => {
  // With BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING set, PostgreSQL is a real server.
  it.each(databases.eachSupportedId())(
    'runs against a real database server, %p',
    async databaseId => {
      const { knex } = await createStore(databaseId);
      const version = await serverVersion(knex);
      // eslint-disable-next-line no-console
      console.log(`${databaseId} store tests run on: ${version}`);
      expect(version).toMatch(
        databaseId === 'POSTGRES_15' ? /^PostgreSQL 15\./ : /^SQLite 3\./,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'creates an incident at version 1 with its entities, clocks and history event, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const created = await insert(store, {
        affectedEntityRefs: ['component:default/cart', 'resource:default/db'],
      });

      expect(created).toMatchObject({
        seq: expect.any(Number),
        version: 1,
        title: 'Checkout fails',
        entityRef: 'component:default/payments',
        affectedEntityRefs: ['component:default/cart', 'resource:default/db'],
        major: false,
        impact: 2,
        priority: 3,
      });
      expect(created.clocks.map(c => c.clock).sort()).toEqual([
        'resolution',
        'response',
      ]);
      expect(await store.getIncident(created.seq)).toEqual(created);

      const entities = await knex('itsm_record_entities').orderBy('entity_ref');
      expect(entities.map(e => [e.entity_ref, Boolean(e.is_primary)])).toEqual([
        ['component:default/cart', false],
        ['component:default/payments', true],
        ['resource:default/db', false],
      ]);
      const history = await store.listHistory({
        recordType: 'incident',
        recordSeq: created.seq,
        limit: 10,
      });
      expect(history).toEqual({
        items: [
          {
            version: 1,
            at: T0,
            actor: 'user:default/alice',
            action: 'create',
            changes: { title: [null, 'Checkout fails'] },
          },
        ],
        nextCursor: null,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'round-trips timestamps with millisecond precision, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const at = new Date('2026-12-31T23:59:59.987Z');
      const created = await insert(store, {}, at);
      const stored = (await store.getIncident(created.seq))!;
      expect(stored.createdAt.toISOString()).toBe('2026-12-31T23:59:59.987Z');
      expect(stored.updatedAt.toISOString()).toBe('2026-12-31T23:59:59.987Z');
      expect(stored.clocks[0].startedAt.toISOString()).toBe(
        '2026-12-31T23:59:59.987Z',
      );
      expect(stored.clocks[0].dueAt!.getTime() - T0.getTime()).toBe(
        4 * 3_600_000,
      );

      const pauseFrom = new Date('2027-01-01T00:00:00.001Z');
      const updated = await store.updateIncident({
        seq: created.seq,
        expectedVersion: 1,
        changes: { resolvedAt: new Date('2027-01-02T03:04:05.006Z') },
        clocks: [clock('resolution', { pauses: [{ from: pauseFrom }] })],
        event: {
          at: new Date('2027-01-02T03:04:05.006Z'),
          actor: 'user:default/bob',
          action: 'update',
          changes: {},
        },
      });
      expect(updated.resolvedAt!.toISOString()).toBe(
        '2027-01-02T03:04:05.006Z',
      );
      expect(updated.updatedAt.toISOString()).toBe('2027-01-02T03:04:05.006Z');
      expect(
        updated.clocks.find(c => c.clock === 'resolution')!.pauses,
      ).toEqual([{ from: pauseFrom }]);
    },
  );

  it.each(databases.eachSupportedId())(
    'pages newest first by sequence with an opaque cursor, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const seqs: number[] = [];
      for (let i = 0; i < 5; i++) {
        seqs.push((await insert(store, { title: `Incident ${i}` })).seq);
      }

      const first = await store.listIncidents({ limit: 2, order: 'desc' });
      expect(first.items.map(i => i.seq)).toEqual([seqs[4], seqs[3]]);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await store.listIncidents({
        limit: 2,
        order: 'desc',
        cursor: first.nextCursor!,
      });
      expect(second.items.map(i => i.seq)).toEqual([seqs[2], seqs[1]]);
      const last = await store.listIncidents({
        limit: 2,
        order: 'desc',
        cursor: second.nextCursor!,
      });
      expect(last.items.map(i => i.seq)).toEqual([seqs[0]]);
      expect(last.nextCursor).toBeNull();

      const asc = await store.listIncidents({ limit: 3, order: 'asc' });
      expect(asc.items.map(i => i.seq)).toEqual(seqs.slice(0, 3));
      const exact = await store.listIncidents({ limit: 5, order: 'asc' });
      expect(exact.nextCursor).toBeNull();
    },
  );

  it.each(databases.eachSupportedId())(
    'rejects invalid cursors with an InputError, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await insert(store);
      await insert(store);
      for (const cursor of [
        'nope',
        'e30',
        Buffer.from('{"s":"1","o":"desc"}').toString('base64url'),
      ]) {
        await expect(
          store.listIncidents({ limit: 1, order: 'desc', cursor }),
        ).rejects.toThrow(InputError);
      }
      const { nextCursor } = await store.listIncidents({
        limit: 1,
        order: 'desc',
      });
      await expect(
        store.listIncidents({ limit: 1, order: 'asc', cursor: nextCursor! }),
      ).rejects.toThrow(InputError);
    },
  );

  it.each(databases.eachSupportedId())(
    'filters by entity (primary or affected), status, priority, people, major and text, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const a = await insert(store, {
        title: 'Checkout 100% broken',
        affectedEntityRefs: ['component:default/cart'],
        assignee: 'user:default/bob',
        status: 'in_progress',
        priority: 1,
        major: true,
      });
      const b = await insert(store, {
        entityRef: 'component:default/cart',
        title: 'Basket issue',
        description: 'Basket is EMPTY after checkout',
        assignmentGroup: 'group:default/team-b',
        priority: 4,
      });
      const c = await insert(store, {
        entityRef: 'component:default/search',
        title: 'Search slow',
      });

      const seqs = async (options: object) =>
        (
          await store.listIncidents({ limit: 50, order: 'asc', ...options })
        ).items.map(i => i.seq);

      expect(await seqs({ entityRefs: ['component:default/cart'] })).toEqual([
        a.seq,
        b.seq,
      ]);
      expect(
        await seqs({
          entityRefs: [
            'component:default/search',
            'component:default/payments',
          ],
        }),
      ).toEqual([a.seq, c.seq]);
      expect(await seqs({ statuses: ['in_progress'] })).toEqual([a.seq]);
      expect(await seqs({ statuses: ['new', 'resolved'] })).toEqual([
        b.seq,
        c.seq,
      ]);
      expect(await seqs({ priorities: [1, 4] })).toEqual([a.seq, b.seq]);
      expect(await seqs({ assignees: ['user:default/bob'] })).toEqual([a.seq]);
      expect(
        await seqs({ assignmentGroups: ['group:default/team-b'] }),
      ).toEqual([b.seq]);
      expect(await seqs({ major: true })).toEqual([a.seq]);
      expect(await seqs({ major: false })).toEqual([b.seq, c.seq]);
      expect(await seqs({ q: 'empty' })).toEqual([b.seq]);
      expect(await seqs({ q: 'CHECKOUT' })).toEqual([a.seq, b.seq]);
      expect(await seqs({ q: 'broken' })).toEqual([a.seq]);
      expect(await seqs({ q: '100%' })).toEqual([a.seq]);
      expect(await seqs({ q: '%' })).toEqual([a.seq]);
      expect(await seqs({ q: '_' })).toEqual([]);
      expect(
        await seqs({
          entityRefs: ['component:default/cart'],
          statuses: ['new'],
        }),
      ).toEqual([b.seq]);
    },
  );

  it.each(databases.eachSupportedId())(
    'updates only at the expected version and appends the event in the same transaction, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const created = await insert(store);
      const event = {
        at: new Date(T0.getTime() + 1000),
        actor: 'user:default/bob',
        action: 'update',
        changes: {
          title: ['Checkout fails', 'Checkout down'] as [unknown, unknown],
        },
      };

      const updated = await store.updateIncident({
        seq: created.seq,
        expectedVersion: 1,
        changes: { title: 'Checkout down' },
        event,
      });
      expect(updated.version).toBe(2);
      expect(updated.title).toBe('Checkout down');

      await expect(
        store.updateIncident({
          seq: created.seq,
          expectedVersion: 1,
          changes: { title: 'Stale write' },
          event,
        }),
      ).rejects.toThrow(PreconditionFailedError);

      expect((await store.getIncident(created.seq))!.title).toBe(
        'Checkout down',
      );
      const history = await knex('itsm_history_events').orderBy('seq');
      expect(history.map(h => Number(h.version))).toEqual([1, 2]);
    },
  );

  it.each(databases.eachSupportedId())(
    'deduplicates by source and external id, and writes nothing for a duplicate, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await insert(store, { source: 'alertmanager', externalId: 'fp-1' });
      await insert(store, { source: 'pagerduty', externalId: 'fp-1' });
      await insert(store, { externalId: null });
      await insert(store, { externalId: null });

      const duplicate = await insert(store, {
        source: 'alertmanager',
        externalId: 'fp-1',
      }).catch(error => error);
      expect(isDatabaseConflictError(duplicate)).toBe(true);

      const count = async (table: string) =>
        Number((await knex(table).count({ n: '*' }))[0].n);
      expect(await count('itsm_incidents')).toBe(4);
      expect(await count('itsm_history_events')).toBe(4);
      expect(await count('itsm_record_entities')).toBe(4);
      expect(await count('itsm_sla_clocks')).toBe(8);
    },
  );

  it.each(databases.eachSupportedId())(
    'aggregates the health of an entity from its open incidents, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const ref = 'component:default/payments';
      await insert(store, { priority: 1 });
      await insert(store, { priority: 3, status: 'in_progress' });
      await insert(store, { priority: 3, status: 'on_hold' });
      const major = await insert(store, {
        entityRef: 'component:default/cart',
        affectedEntityRefs: [ref],
        priority: 2,
        major: true,
        title: 'Cart outage',
      });
      await insert(store, { priority: 1, status: 'resolved', major: true });
      await insert(store, {
        entityRef: 'component:default/other',
        priority: 1,
      });
      const breached = await insert(store, { priority: 4 });
      await store.updateIncident({
        seq: breached.seq,
        expectedVersion: 1,
        changes: { status: 'in_progress' },
        clocks: [
          clock('response', {
            stoppedAt: new Date(T0.getTime() + 5 * 3_600_000),
            state: 'breached',
            breachedAt: new Date(T0.getTime() + 4 * 3_600_000),
          }),
        ],
        event: {
          at: T0,
          actor: 'user:default/bob',
          action: 'transition',
          changes: {},
        },
      });

      const health = await store.getEntityHealth({
        entityRef: ref,
        statuses: ['new', 'in_progress', 'on_hold'],
      });
      expect(health.openByPriority).toEqual({ 1: 1, 2: 1, 3: 2, 4: 1 });
      expect(health.activeMajorIncident).toEqual({
        seq: major.seq,
        title: 'Cart outage',
        priority: 2,
        createdAt: T0,
      });
      // 5 open incidents × 2 clocks, minus the stopped response clock.
      expect(health.runningClocks).toHaveLength(9);
      expect(health.stoppedBreachedClocks).toBe(1);

      const none = await store.getEntityHealth({
        entityRef: 'component:default/unknown',
        statuses: ['new'],
      });
      expect(none).toEqual({
        openByPriority: {},
        activeMajorIncident: null,
        runningClocks: [],
        stoppedBreachedClocks: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'pages history oldest first, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const created = await insert(store);
      for (let v = 1; v <= 3; v++) {
        await store.updateIncident({
          seq: created.seq,
          expectedVersion: v,
          changes: { title: `v${v + 1}` },
          event: {
            at: T0,
            actor: 'user:default/bob',
            action: 'update',
            changes: {},
          },
        });
      }
      const first = await store.listHistory({
        recordType: 'incident',
        recordSeq: created.seq,
        limit: 3,
      });
      expect(first.items.map(e => e.version)).toEqual([1, 2, 3]);
      const rest = await store.listHistory({
        recordType: 'incident',
        recordSeq: created.seq,
        limit: 3,
        cursor: first.nextCursor!,
      });
      expect(rest.items.map(e => e.version)).toEqual([4]);
      expect(rest.nextCursor).toBeNull();
    },
  );

  it.each(databases.eachSupportedId())(
    'round-trips the major incident fields, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const review = { summary: 'Pool exhausted', problemId: 'PRB-2' };
      const created = await insert(store, {
        major: true,
        incidentManager: 'user:default/carol',
        outageStart: new Date('2026-03-02T09:15:30.123Z'),
        outageEnd: new Date('2026-03-02T10:00:00.456Z'),
        postIncidentReview: review,
      });
      expect(await store.getIncident(created.seq)).toMatchObject({
        major: true,
        incidentManager: 'user:default/carol',
        outageStart: new Date('2026-03-02T09:15:30.123Z'),
        outageEnd: new Date('2026-03-02T10:00:00.456Z'),
        postIncidentReview: review,
        serviceOwnerRef: 'group:default/team-a',
      });
      const cleared = await store.updateIncident({
        seq: created.seq,
        expectedVersion: 1,
        changes: { postIncidentReview: null, outageEnd: null },
        event: {
          at: T0,
          actor: 'user:default/bob',
          action: 'update',
          changes: {},
        },
      });
      expect(cleared).toMatchObject({
        postIncidentReview: null,
        outageEnd: null,
      });
      expect(await store.findByExternalId('portal', 'none')).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'appends notes at the current version only while the record matches, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const open = await insert(store, { status: 'in_progress', major: true });
      const note = {
        at: T0,
        actor: 'user:default/bob',
        action: 'work_note',
        changes: {},
        comment: 'Looking',
      };

      expect(
        await store.appendEvent({
          seq: open.seq,
          where: { statuses: ['in_progress'], major: true },
          event: note,
        }),
      ).toEqual({ ...note, version: 1 });
      expect(
        await store.appendEvent({
          seq: open.seq,
          where: { statuses: ['new'] },
          event: note,
        }),
      ).toBeUndefined();
      expect(
        await store.appendEvent({
          seq: open.seq,
          where: { statuses: ['in_progress'], major: false },
          event: note,
        }),
      ).toBeUndefined();
      expect(
        await store.appendEvent({
          seq: 999,
          where: { statuses: ['in_progress'] },
          event: note,
        }),
      ).toBeUndefined();

      const row = await knex('itsm_incidents').where('seq', open.seq).first();
      expect(Number(row.version)).toBe(1);
      expect(
        (await knex('itsm_history_events').where('record_seq', open.seq)).map(
          h => [Number(h.version), h.action],
        ),
      ).toEqual([
        [1, 'create'],
        [1, 'work_note'],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes several records in one transaction, all or nothing, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const parent = await insert(store);
      const child = await insert(store, { parentSeq: parent.seq });
      await insert(store, { parentSeq: parent.seq, status: 'closed' });
      const write = (seq: number, expectedVersion: number) => ({
        seq,
        expectedVersion,
        changes: { status: 'resolved' as const },
        event: {
          at: T0,
          actor: 'user:default/bob',
          action: 'transition',
          changes: {},
        },
      });

      await expect(
        store.transaction(async tx => {
          await tx.updateIncident(write(parent.seq, 1));
          expect(
            (await tx.listChildren(parent.seq, ['new'])).map(c => c.seq),
          ).toEqual([child.seq]);
          await tx.updateIncident(write(child.seq, 5)); // stale
        }),
      ).rejects.toThrow(PreconditionFailedError);
      expect((await store.getIncident(parent.seq))!.status).toBe('new');
      expect(await knex('itsm_history_events')).toHaveLength(3);

      await store.transaction(async tx => {
        await tx.updateIncident(write(parent.seq, 1));
        await tx.updateIncident(write(child.seq, 1));
      });
      expect((await store.getIncident(child.seq))!).toMatchObject({
        status: 'resolved',
        version: 2,
      });
      expect(await knex('itsm_history_events')).toHaveLength(5);
    },
  );

  it.each(databases.eachSupportedId())(
    'filters reads by permission criteria on owners and assignees, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const a = await insert(store, { assignee: 'user:default/bob' }); // owner team-a
      const b = await insert(store, { assignmentGroup: 'group:default/sre' });
      await knex('itsm_record_entities')
        .where('record_seq', b.seq)
        .update({ owner_ref: 'group:default/team-b' });

      const seqs = async (
        permissionFilter: PermissionCriteria<IncidentPermissionFilter>,
      ) =>
        (
          await store.listIncidents({
            limit: 50,
            order: 'asc',
            permissionFilter,
          })
        ).items.map(i => i.seq);
      const owner = (...values: string[]) => ({
        property: 'serviceOwnerRef' as const,
        values,
      });
      const assigned = (...values: string[]) => ({
        property: 'assigneeOrGroup' as const,
        values,
      });

      expect(await seqs(owner('group:default/team-a'))).toEqual([a.seq]);
      expect(await seqs(assigned('group:default/sre'))).toEqual([b.seq]);
      expect(await seqs(assigned('user:default/bob'))).toEqual([a.seq]);
      expect(await seqs({ not: owner('group:default/team-a') })).toEqual([
        b.seq,
      ]);
      expect(
        await seqs({
          anyOf: [owner('group:default/team-b'), assigned('user:default/bob')],
        }),
      ).toEqual([a.seq, b.seq]);
      expect(
        await seqs({
          allOf: [owner('group:default/team-b'), assigned('user:default/bob')],
        }),
      ).toEqual([]);
      expect(await seqs(owner())).toEqual([]);
      expect(
        await store.getIncident(a.seq, {
          permissionFilter: owner('group:default/team-b'),
        }),
      ).toBeUndefined();
      expect(
        (
          await store.getIncident(b.seq, {
            permissionFilter: owner('group:default/team-b'),
          })
        )?.serviceOwnerRef,
      ).toBe('group:default/team-b');
    },
  );

  it.each(databases.eachSupportedId())(
    "keeps the priority a clock was decided at when the incident's priority changes later, %p",
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const created = await insert(store, {});
      const responded = new Date(T0.getTime() + 3_600_000);
      // Responded at P3, then raised to P2: only the running resolution clock moves.
      await store.updateIncident({
        seq: created.seq,
        expectedVersion: 1,
        changes: { impact: 1, priority: 2 },
        clocks: [
          clock('response', {
            priority: 3,
            stoppedAt: responded,
            state: 'met',
          }),
          clock('resolution', { priority: 2 }),
        ],
        event: {
          at: responded,
          actor: 'user:default/bob',
          action: 'update',
          changes: {},
        },
      });
      const rows = await knex('itsm_sla_clocks')
        .where({ record_seq: created.seq })
        .orderBy('clock');
      expect(rows.map(r => [r.clock, Number(r.priority)])).toEqual([
        ['resolution', 2],
        ['response', 3],
      ]);
      const read = await store.getIncident(created.seq);
      expect(
        Object.fromEntries(read!.clocks.map(c => [c.clock, c.priority])),
      ).toEqual({ response: 3, resolution: 2 });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the copies SLA reports count by on its clocks: priority, cancel, waiver, withdrawal, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const client = { getClient: async () => knex };
      const ledger = await KnexLedgerStore.create({ database: client });
      const breaches = await KnexBreachStore.create({ database: client });
      const created = await insert(store, {
        entityRef: 'component:default/Payments',
      });
      const other = await insert(store, { priority: 4 });
      const seq = created.seq;
      let version = 1;
      const columns = async (recordSeq = seq) =>
        (
          await knex('itsm_sla_clocks')
            .where({ record_type: 'incident', record_seq: recordSeq })
            .orderBy('clock')
        ).map(row => ({
          clock: row.clock,
          entityRef: row.entity_ref,
          priority: Number(row.priority),
          counts: Boolean(row.counts),
          waived: Boolean(row.waived),
        }));
      const both = (
        values: { priority: number; counts: boolean },
        waived: [boolean, boolean] = [false, false],
      ) => [
        {
          clock: 'resolution',
          entityRef: 'component:default/payments',
          ...values,
          waived: waived[0],
        },
        {
          clock: 'response',
          entityRef: 'component:default/payments',
          ...values,
          waived: waived[1],
        },
      ];
      const update = async (
        changes: Partial<IncidentFields>,
        clocks?: SlaClockRecord[],
      ) => {
        await store.updateIncident({
          seq,
          expectedVersion: version,
          changes,
          clocks,
          event: {
            at: T0,
            actor: 'user:default/bob',
            action: 'update',
            changes: {},
          },
        });
        version += 1;
      };
      expect(await columns()).toEqual(both({ priority: 3, counts: true }));

      // A priority change re-targets the running clocks, which carry the new priority.
      await update({ impact: 1, priority: 2 }, [
        clock('resolution', { priority: 2 }),
        clock('response', { priority: 2 }),
      ]);
      expect(await columns()).toEqual(both({ priority: 2, counts: true }));
      // The record's priority alone does not move the clocks' priority: they carry their own.
      await update({ priority: 1 });
      expect(await columns()).toEqual(both({ priority: 2, counts: true }));
      await update({ priority: 2 });

      // The job records the resolution breach: register row and clock, no waiver.
      const breachedAt = new Date(T0.getTime() + 4 * 3_600_000);
      const breachedClock = clock('resolution', {
        state: 'breached',
        breachedAt,
        evaluatedAt: breachedAt,
      });
      await ledger.recordBreach({
        key: {
          recordType: 'incident',
          recordSeq: seq,
          clock: 'resolution',
          purpose: 'breach',
          threshold: 100,
          cycle: `${T0.getTime()}-${4 * 3_600_000}`,
        },
        scope: `itsm:incident:${seq}:resolution:breach`,
        recipients: ['group:default/team-a'],
        payload: { title: 'breached' },
        event: {
          at: breachedAt,
          actor: 'plugin:itsm',
          action: 'sla_breached',
          changes: {},
        },
        breach: {
          priority: 2,
          entityRef: 'component:default/payments',
          slaSeq: null,
          slaRevision: null,
          targetMs: 4 * 3_600_000,
          calendarId: '24x7',
          breachedAt,
        },
        clock: breachedClock,
        now: breachedAt,
      });
      expect(await columns()).toEqual(both({ priority: 2, counts: true }));
      const [register] = await knex('itsm_sla_breaches').where(
        'record_seq',
        seq,
      );
      const waive = async (
        expectedVersion: number,
        waiver: { reason: string; approver: string; at: Date } | null,
      ) =>
        breaches.update({
          seq: Number(register.seq),
          expectedVersion,
          changes: { waiver },
          event: {
            at: breachedAt,
            actor: 'user:default/carol',
            action: 'update',
            changes: {},
          },
          now: breachedAt,
        });

      // Waiver set: only the breached clock of this record is waived.
      const waiver = {
        reason: 'Card network',
        approver: 'user:default/carol',
        at: breachedAt,
      };
      expect(await waive(1, waiver)).toBe(true);
      expect(await columns()).toEqual(
        both({ priority: 2, counts: true }, [true, false]),
      );
      // A stale write changes nothing.
      expect(await waive(1, null)).toBe(false);
      expect(await columns()).toEqual(
        both({ priority: 2, counts: true }, [true, false]),
      );

      // The clock stops with the same breach: still waived.
      const stopped = { ...breachedClock, stoppedAt: breachedAt };
      await update({ status: 'resolved' }, [stopped]);
      expect(await columns()).toEqual(
        both({ priority: 2, counts: true }, [true, false]),
      );

      // Waiver withdrawn, then set again.
      expect(await waive(2, null)).toBe(true);
      expect(await columns()).toEqual(both({ priority: 2, counts: true }));
      expect(await waive(3, waiver)).toBe(true);
      expect(await columns()).toEqual(
        both({ priority: 2, counts: true }, [true, false]),
      );

      // Reopened: the clock runs again and its earlier breach's waiver no longer applies.
      await update({ status: 'in_progress' }, [
        clock('resolution', { startedAt: breachedAt }),
      ]);
      expect(await columns()).toEqual(both({ priority: 2, counts: true }));

      // Cancelled: no clock of the record counts any more.
      await update({ status: 'cancelled' });
      expect(await columns()).toEqual(both({ priority: 2, counts: false }));

      // The other incident's clocks never changed.
      expect(
        (await columns(other.seq)).map(c => [c.priority, c.counts, c.waived]),
      ).toEqual([
        [4, true, false],
        [4, true, false],
      ]);
    },
  );
});
