import { toDate } from '../../records/rows';
import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { insertIncidentRow } from '../../__testUtils__/incidentRows';
import { KnexLedgerStore } from './KnexLedgerStore';
import { ClockChangedError, LedgerKey } from './LedgerStore';
import type { SlaClockRecord } from '../incidents/IncidentStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const T0 = new Date('2026-03-02T09:00:00.000Z');
const MINUTE = 60_000;

async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const store = await KnexLedgerStore.create({
    database: { getClient: async () => knex },
  });
  return { knex, store };
}

const keyOf = (seq: number, threshold = 50): LedgerKey => ({
  recordType: 'incident',
  recordSeq: seq,
  clock: 'resolution',
  purpose: 'escalation',
  threshold,
  cycle: `${T0.getTime()}-3600000`,
});

function notification(seq: number, threshold = 50) {
  return {
    key: keyOf(seq, threshold),
    scope: `itsm:incident:${seq}:resolution:${threshold}`,
    recipients: ['group:default/team-a'],
    payload: { title: `INC-${seq} at ${threshold}%` },
    now: T0,
    event: {
      at: T0,
      actor: 'plugin:itsm',
      action: 'escalated',
      changes: {},
      comment: 'Resolution clock at 50%.',
    },
  };
}

/** A breach of `seq`'s one-hour resolution clock (read as `clock`), due at T0 + 1h. */
function breachOf(seq: number, clock: SlaClockRecord) {
  const breachedAt = new Date(T0.getTime() + 60 * MINUTE);
  const now = new Date(T0.getTime() + 70 * MINUTE);
  return {
    key: { ...keyOf(seq, 100), purpose: 'breach' as const },
    scope: `itsm:incident:${seq}:resolution:breach:100`,
    recipients: ['group:default/team-a'],
    payload: { title: `INC-${seq} breached` },
    now,
    clock: {
      ...clock,
      state: 'breached' as const,
      dueAt: breachedAt,
      breachedAt,
      evaluatedAt: now,
    },
    breach: {
      priority: 3 as const,
      entityRef: 'component:default/payments',
      slaSeq: null,
      slaRevision: null,
      targetMs: clock.targetMs,
      calendarId: clock.calendarId,
      breachedAt,
    },
    event: {
      at: now,
      actor: 'plugin:itsm',
      action: 'sla_breached',
      changes: {},
    },
  };
}

describe('KnexLedgerStore', () => {
  it.each(databases.eachSupportedId())(
    'records a breach with its register row, its create event and the clock bookkeeping, %p',
    async databaseId => {
      const { knex, store } = await setUp(databaseId);
      const seq = await insertIncidentRow(knex, { startedAt: T0, version: 2 });
      const [open] = await store.listOpenIncidentClocks({
        clock: 'resolution',
        statuses: ['in_progress'],
        afterSeq: 0,
        limit: 10,
      });
      const breach = breachOf(seq, open.clock);

      expect(await store.recordBreach(breach)).toMatchObject({
        purpose: 'breach',
        recordSeq: seq,
      });
      expect(await store.recordBreach(breach)).toBeUndefined();

      const [row] = await knex('itsm_sla_breaches');
      const clock = await knex('itsm_sla_clocks')
        .where({ record_seq: seq })
        .first();
      expect(clock.state).toBe('breached');
      expect(toDate(clock.decided_at)).toEqual(breach.breach.breachedAt);
      const events = await knex('itsm_history_events')
        .whereIn('action', ['create', 'sla_breached'])
        .whereNot('actor', 'user:default/alice')
        .orderBy('seq');
      expect(
        events.map(e => ({
          recordType: e.record_type,
          recordSeq: Number(e.record_seq),
          version: Number(e.version),
          actor: e.actor,
          action: e.action,
          at: toDate(e.at),
          changes: JSON.parse(e.changes),
        })),
      ).toEqual([
        {
          recordType: 'breach',
          recordSeq: Number(row.seq),
          version: 1,
          actor: 'plugin:itsm',
          action: 'create',
          at: breach.now,
          changes: {
            recordId: [null, `INC-${seq}`],
            clock: [null, 'resolution'],
            priority: [null, 3],
            entityRef: [null, 'component:default/payments'],
            slaId: [null, null],
            slaRevision: [null, null],
            targetMs: [null, 3_600_000],
            calendarId: [null, '24x7'],
            breachedAt: [null, breach.breach.breachedAt.toISOString()],
            detectedAt: [null, breach.now.toISOString()],
            cause: [null, null],
            action: [null, null],
            improvementId: [null, null],
            waiver: [null, null],
          },
        },
        {
          recordType: 'incident',
          recordSeq: seq,
          version: 2,
          actor: 'plugin:itsm',
          action: 'sla_breached',
          at: breach.now,
          changes: {},
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes nothing for a clock re-targeted or restarted after it was read, %p',
    async databaseId => {
      const { knex, store } = await setUp(databaseId);
      const seq = await insertIncidentRow(knex, { startedAt: T0 });
      const [open] = await store.listOpenIncidentClocks({
        clock: 'resolution',
        statuses: ['in_progress'],
        afterSeq: 0,
        limit: 10,
      });
      const clockRow = () =>
        knex('itsm_sla_clocks').where({ record_seq: seq }).first();
      const edits = [
        { target_ms: 4 * 60 * MINUTE }, // a priority change
        { calendar_id: 'office' }, // a new calendar only
        { started_at: new Date(T0.getTime() + 5 * MINUTE) }, // a restart
      ];
      for (const edit of edits) {
        // A PATCH between the job's read and its write.
        await knex('itsm_sla_clocks')
          .where({ record_seq: seq })
          .update({
            target_ms: open.clock.targetMs,
            calendar_id: open.clock.calendarId,
            started_at: open.clock.startedAt,
            ...edit,
          });
        const before = await clockRow();
        await expect(
          store.recordBreach(breachOf(seq, open.clock)),
        ).rejects.toBeInstanceOf(ClockChangedError);
        expect(await clockRow()).toEqual(before);
        expect(await knex('itsm_sla_breaches')).toEqual([]);
        expect(await knex('itsm_notification_ledger')).toEqual([]);
        expect(
          await knex('itsm_history_events').whereNot('action', 'create'),
        ).toEqual([]);
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'records a key once, with a history event at the unchanged version, %p',
    async databaseId => {
      const { knex, store } = await setUp(databaseId);
      const seq = await insertIncidentRow(knex, { startedAt: T0, version: 4 });

      const first = await store.recordNotification(notification(seq));
      expect(first).toEqual({
        ...keyOf(seq),
        id: expect.any(Number),
        scope: `itsm:incident:${seq}:resolution:50`,
        recipients: ['group:default/team-a'],
        payload: { title: `INC-${seq} at 50%` },
      });
      expect(await store.recordNotification(notification(seq))).toBeUndefined();
      expect(
        await store.recordNotification(notification(seq, 75)),
      ).toBeDefined();

      const history = await knex('itsm_history_events')
        .where({ record_seq: seq, action: 'escalated' })
        .orderBy('seq');
      expect(history.map(h => [h.version, h.actor, h.comment])).toEqual([
        [4, 'plugin:itsm', 'Resolution clock at 50%.'],
        [4, 'plugin:itsm', 'Resolution clock at 50%.'],
      ]);
      const incident = await knex('itsm_incidents').where({ seq }).first();
      expect(Number(incident.version)).toBe(4);

      expect(
        await store.listKeys({
          recordType: 'incident',
          recordSeqs: [seq, seq + 1],
          clock: 'resolution',
          purposes: ['escalation'],
        }),
      ).toEqual(expect.arrayContaining([keyOf(seq, 50), keyOf(seq, 75)]));
    },
  );

  it.each(databases.eachSupportedId())(
    'hands an unsent entry to one claimer once its claim is stale, %p',
    async databaseId => {
      const { knex, store } = await setUp(databaseId);
      const seq = await insertIncidentRow(knex, { startedAt: T0 });
      const sent = (await store.recordNotification(notification(seq)))!;
      const unsent = (await store.recordNotification(notification(seq, 75)))!;
      await store.markNotified({ id: sent.id, at: T0 });

      const fresh = await store.claimUnsent({
        claimedBefore: T0,
        now: T0,
        limit: 10,
      });
      expect(fresh).toEqual([]);

      const later = new Date(T0.getTime() + 20 * MINUTE);
      const claims = await Promise.all([
        store.claimUnsent({ claimedBefore: later, now: later, limit: 10 }),
        store.claimUnsent({ claimedBefore: later, now: later, limit: 10 }),
      ]);
      expect(claims.flat()).toEqual([unsent]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists running clocks of open incidents with their owner, and auto-closable incidents, %p',
    async databaseId => {
      const { knex, store } = await setUp(databaseId);
      const open = await insertIncidentRow(knex, {
        startedAt: T0,
        assignmentGroup: 'group:default/tier-1',
        pauses: [{ from: T0.toISOString() }],
      });
      await insertIncidentRow(knex, {
        startedAt: T0,
        status: 'resolved',
        stoppedAt: T0,
      });
      const old = await insertIncidentRow(knex, {
        startedAt: T0,
        status: 'resolved',
        resolvedAt: new Date(T0.getTime() - 10 * MINUTE),
        version: 3,
      });
      await insertIncidentRow(knex, {
        startedAt: T0,
        status: 'resolved',
        resolvedAt: new Date(T0.getTime() - 10 * MINUTE),
        major: true,
      });
      const noOwner = await insertIncidentRow(knex, {
        startedAt: T0,
        status: 'new',
        ownerRef: null,
      });

      const clocks = await store.listOpenIncidentClocks({
        clock: 'resolution',
        statuses: ['new', 'in_progress', 'on_hold'],
        afterSeq: 0,
        limit: 10,
      });
      expect(clocks).toEqual([
        {
          seq: open,
          version: 1,
          title: 'Checkout fails',
          priority: 3,
          status: 'in_progress',
          entityRef: 'component:default/payments',
          assignee: null,
          assignmentGroup: 'group:default/tier-1',
          ownerRef: 'group:default/team-a',
          clock: expect.objectContaining({
            clock: 'resolution',
            targetMs: 3_600_000,
            calendarId: '24x7',
            startedAt: T0,
            stoppedAt: null,
            pauses: [{ from: T0 }],
          }),
        },
        expect.objectContaining({ seq: noOwner, ownerRef: null }),
      ]);
      expect(
        await store.listOpenIncidentClocks({
          clock: 'resolution',
          statuses: ['new', 'in_progress', 'on_hold'],
          afterSeq: open,
          limit: 10,
        }),
      ).toEqual([expect.objectContaining({ seq: noOwner })]);

      expect(
        await store.listAutoClosable({
          resolvedBefore: T0,
          afterSeq: 0,
          limit: 10,
        }),
      ).toEqual([{ seq: old, version: 3 }]);
      expect(
        await store.listAutoClosable({
          resolvedBefore: new Date(T0.getTime() - 11 * MINUTE),
          afterSeq: 0,
          limit: 10,
        }),
      ).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'has a migration that goes down and up again, keeping incidents, %p',
    async databaseId => {
      const { knex } = await setUp(databaseId);
      const seq = await insertIncidentRow(knex, { startedAt: T0 });
      const directory = resolvePackagePath(
        '@backstage-itsm/plugin-itsm-backend',
        'migrations',
      );
      const name = '20261202120000_notification_ledger.js';

      await knex.migrate.down({ directory, name });
      expect(await knex.schema.hasTable('itsm_notification_ledger')).toBe(
        false,
      );
      await knex.migrate.up({ directory, name });
      expect(await knex.schema.hasTable('itsm_notification_ledger')).toBe(true);
      expect(await knex('itsm_incidents').where({ seq })).toHaveLength(1);
    },
  );
});
