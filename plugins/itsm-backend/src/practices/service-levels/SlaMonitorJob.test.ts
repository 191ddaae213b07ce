import { toDate } from '../../records/rows';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  ALWAYS_ON,
  ServiceCalendar,
  WEEKDAYS,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { insertIncidentRow } from '../../__testUtils__/incidentRows';
import { KnexLedgerStore } from './KnexLedgerStore';
import { SlaMonitorJob } from './SlaMonitorJob';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const T0 = new Date('2026-03-02T09:00:00.000Z');
const MINUTE = 60_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
/** The first 8 hex digits of sha1('24x7'), the calendar part of a cycle. */
const ON_24X7 = 'edd6f1fb';

/** Service 00:00-08:00 and 08:20-24:00 UTC: a clock started 07:30 for an hour is due 08:50. */
const LATE: ServiceCalendar = {
  id: 'late',
  timezone: 'UTC',
  hours: Object.fromEntries(
    WEEKDAYS.map(day => [
      day,
      [
        ['00:00', '08:00'],
        ['08:20', '24:00'],
      ],
    ]),
  ),
};

async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const store = await KnexLedgerStore.create({
    database: { getClient: async () => knex },
  });
  const send = jest.fn().mockResolvedValue(undefined);
  const logger = mockServices.logger.mock();
  let now = T0;
  const job = SlaMonitorJob.create({
    store,
    notifications: { send },
    warningThresholds: [75, 90],
    calendarOf: id => (id === LATE.id ? LATE : ALWAYS_ON),
    logger,
    now: () => now,
  });
  return {
    knex,
    store,
    send,
    logger,
    job,
    setNow: (d: Date) => {
      now = d;
    },
  };
}

/** An incident whose one-hour resolution clock started `minutesAgo` before T0. */
async function incident(
  knex: Knex,
  minutesAgo: number,
  options: Parameters<typeof insertIncidentRow>[1] extends infer O
    ? Partial<O>
    : never = {},
) {
  const seq = await insertIncidentRow(knex, {
    startedAt: at(-minutesAgo * MINUTE),
    assignmentGroup: 'group:default/payments-support',
    ...options,
  });
  await knex('itsm_incidents')
    .where({ seq })
    .update({ assignee: 'user:default/bob' });
  await knex('itsm_sla_clocks')
    .where({ record_seq: seq })
    .update({ entity_ref: 'component:default/payments' });
  return seq;
}

const scopesOf = (send: jest.Mock) =>
  send.mock.calls.map(([{ payload }]) => payload.scope).sort();

describe('SlaMonitorJob', () => {
  it.each(databases.eachSupportedId())(
    'warns at each threshold and records a breach once, with its register row, %p',
    async databaseId => {
      const { knex, send, job, setNow } = await setUp(databaseId);
      const warm = await incident(knex, 50); // 83%: warns at 75
      const late = await incident(knex, 70, { version: 4 }); // breached at T0-10min
      await incident(knex, 30); // 50%: nothing

      expect(await job.run()).toEqual({
        warned: 1,
        breached: 1,
        notified: 2,
        resent: 0,
      });
      const cycle = (minutesAgo: number) =>
        `${at(-minutesAgo * MINUTE).getTime()}-3600000-${ON_24X7}`;
      expect(scopesOf(send)).toEqual(
        [
          `itsm:incident:${late}:resolution:breach:100:${cycle(70)}`,
          `itsm:incident:${warm}:resolution:warning:75:${cycle(50)}`,
        ].sort(),
      );
      const breachCall = send.mock.calls.find(
        ([{ payload }]) => payload.severity === 'critical',
      )![0];
      expect(breachCall).toMatchObject({
        recipients: {
          type: 'entity',
          entityRef: [
            'user:default/bob',
            'group:default/payments-support',
            'group:default/team-a',
          ],
        },
        payload: {
          link: `/itsm/incidents/INC-${late}`,
          topic: 'itsm-sla-breach',
        },
      });
      expect(
        send.mock.calls.find(([{ payload }]) => payload.severity === 'high'),
      ).toBeDefined();

      const breaches = await knex('itsm_sla_breaches');
      expect(breaches).toHaveLength(1);
      expect(breaches[0]).toMatchObject({
        record_type: 'incident',
        record_seq: late,
        clock: 'resolution',
        cycle: cycle(70),
        entity_ref: 'component:default/payments',
        priority: 3,
        calendar_id: '24x7',
      });
      expect(toDate(breaches[0].breached_at)).toEqual(at(-10 * MINUTE));
      const clock = await knex('itsm_sla_clocks')
        .where({ record_seq: late })
        .first();
      expect(clock.state).toBe('breached');
      expect(toDate(clock.decided_at)).toEqual(at(-10 * MINUTE));
      const events = await knex('itsm_history_events')
        .where({ record_seq: late, action: 'sla_breached' })
        .select('version', 'actor');
      expect(events).toEqual([{ version: 4, actor: 'plugin:itsm' }]);
      expect(
        Number(
          (await knex('itsm_incidents').where({ seq: late }).first()).version,
        ),
      ).toBe(4);

      // Later: the warm clock crosses 90 and breaches in one go; nothing repeats.
      send.mockClear();
      setNow(at(5 * MINUTE)); // warm at 91.7%
      expect(await job.run()).toMatchObject({ warned: 1, breached: 0 });
      expect(scopesOf(send)).toEqual([
        `itsm:incident:${warm}:resolution:warning:90:${cycle(50)}`,
      ]);
      send.mockClear();
      expect(await job.run()).toMatchObject({
        warned: 0,
        breached: 0,
        notified: 0,
      });
      expect(send).not.toHaveBeenCalled();
      expect(
        (await knex('itsm_notification_ledger').select('purpose'))
          .map(r => r.purpose)
          .sort(),
      ).toEqual(['breach', 'warning', 'warning']);
    },
  );

  it.each(databases.eachSupportedId())(
    'registers a clock that stopped after its due instant between runs, also when the incident was cancelled after its breach, %p',
    async databaseId => {
      const { knex, send, job } = await setUp(databaseId);
      const resolvedLate = await incident(knex, 90, {
        status: 'resolved',
        stoppedAt: at(-5 * MINUTE),
      });
      const cancelled = await incident(knex, 90, {
        status: 'cancelled',
        stoppedAt: at(-5 * MINUTE),
      });
      for (const seq of [resolvedLate, cancelled]) {
        await knex('itsm_sla_clocks')
          .where({ record_seq: seq })
          .update({
            state: 'breached',
            due_at: at(-30 * MINUTE),
            breached_at: at(-30 * MINUTE),
            decided_at: at(-30 * MINUTE),
          });
      }
      // Cancelled before its due instant: never breached, nothing to register.
      await incident(knex, 20, {
        status: 'cancelled',
        stoppedAt: at(-5 * MINUTE),
      });
      // A recorded breach counts until it is waived: cancelling afterwards does not hide it.
      expect(await job.run()).toMatchObject({ breached: 2, notified: 2 });
      const rows = await knex('itsm_sla_breaches')
        .select('record_seq')
        .orderBy('record_seq');
      expect(rows.map(r => Number(r.record_seq))).toEqual([
        resolvedLate,
        cancelled,
      ]);
      expect(await job.run()).toMatchObject({ breached: 0, notified: 0 });
      expect(send).toHaveBeenCalledTimes(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'registers breaches older than a week once, on its first run, without paging anyone, %p',
    async databaseId => {
      const { knex, send, job } = await setUp(databaseId);
      const DAY = 24 * 60 * MINUTE;
      // Resolved 30 days ago, 30 minutes past due (e.g. imported history).
      const old = await incident(knex, (30 * DAY) / MINUTE + 90, {
        status: 'closed',
        stoppedAt: at(-30 * DAY),
      });
      await knex('itsm_sla_clocks')
        .where({ record_seq: old })
        .update({
          state: 'breached',
          due_at: at(-30 * DAY - 30 * MINUTE),
          breached_at: at(-30 * DAY - 30 * MINUTE),
          decided_at: at(-30 * DAY - 30 * MINUTE),
        });
      expect(await job.run()).toMatchObject({ breached: 1, notified: 0 });
      expect(send).not.toHaveBeenCalled();
      const rows = await knex('itsm_sla_breaches').select('record_seq');
      expect(rows.map(r => Number(r.record_seq))).toEqual([old]);
      // The ledger row is there and counts as delivered: no resend later.
      const [ledger] = await knex('itsm_notification_ledger');
      expect(ledger.purpose).toBe('breach');
      expect(ledger.notified_at).not.toBeNull();
      expect(await job.run()).toMatchObject({ breached: 0, resent: 0 });
      expect(send).not.toHaveBeenCalled();
    },
  );

  it.each(databases.eachSupportedId())(
    'registers an open clock that fell due over a week ago without paging, and pages for a fresh one, %p',
    async databaseId => {
      const { knex, send, job } = await setUp(databaseId);
      const stale = await incident(knex, 10 * 24 * 60); // due 10 days ago
      const fresh = await incident(knex, 90); // due 30 minutes ago
      expect(await job.run()).toMatchObject({ breached: 2, notified: 1 });
      expect(scopesOf(send)).toEqual([
        `itsm:incident:${fresh}:resolution:breach:100:${at(
          -90 * MINUTE,
        ).getTime()}-3600000-${ON_24X7}`,
      ]);
      const rows = await knex('itsm_sla_breaches').orderBy('record_seq');
      expect(rows.map(r => Number(r.record_seq))).toEqual([stale, fresh]);
    },
  );

  it.each(databases.eachSupportedId())(
    'watches the response clock on its own target, %p',
    async databaseId => {
      const { knex, send, job } = await setUp(databaseId);
      const seq = await incident(knex, 5, { status: 'new' });
      await knex('itsm_sla_clocks').insert({
        record_type: 'incident',
        record_seq: seq,
        clock: 'response',
        target_ms: 4 * MINUTE,
        calendar_id: '24x7',
        started_at: at(-5 * MINUTE),
        stopped_at: null,
        pauses: '[]',
        state: 'running',
        evaluated_at: at(-5 * MINUTE),
        entity_ref: 'component:default/payments',
        sla_seq: 7,
        sla_revision: 2,
      });
      expect(await job.run()).toMatchObject({ breached: 1, warned: 0 });
      expect(scopesOf(send)).toEqual([
        `itsm:incident:${seq}:response:breach:100:${at(
          -5 * MINUTE,
        ).getTime()}-240000-${ON_24X7}`,
      ]);
      const [row] = await knex('itsm_sla_breaches');
      expect(row).toMatchObject({ clock: 'response', sla_seq: 7 });
      expect(Number(row.sla_revision)).toBe(2);
      expect(Number(row.target_ms)).toBe(240000);
    },
  );
  it.each(databases.eachSupportedId())(
    'takes a new calendar for a new cycle: the breach on it is registered once, %p',
    async databaseId => {
      const { knex, store, send, job, setNow } = await setUp(databaseId);
      const seq = await incident(knex, 90); // due T0-30min on 24x7
      expect(await job.run()).toMatchObject({ breached: 1, notified: 1 });

      // Only the calendar changes: due 08:50 (T0-10min) on 'late'.
      await knex('itsm_sla_clocks')
        .where({ record_seq: seq })
        .update({ calendar_id: 'late' });
      send.mockClear();
      setNow(at(MINUTE));
      expect(await job.run()).toMatchObject({ breached: 1, notified: 1 });
      expect(scopesOf(send)).toEqual([
        `itsm:incident:${seq}:resolution:breach:100:${at(
          -90 * MINUTE,
        ).getTime()}-3600000-5d6200f8`,
      ]);
      const rows = await knex('itsm_sla_breaches').orderBy('seq');
      expect(
        rows.map(r => [r.calendar_id, toDate(r.breached_at).getTime()]),
      ).toEqual([
        ['24x7', at(-30 * MINUTE).getTime()],
        ['late', at(-10 * MINUTE).getTime()],
      ]);
      expect(new Set(rows.map(r => r.cycle)).size).toBe(2);
      const clock = await knex('itsm_sla_clocks')
        .where({ record_seq: seq })
        .first();
      expect(toDate(clock.breached_at)).toEqual(at(-10 * MINUTE));

      // Resolved later: the stopped clock's breach is registered, so no run retries it.
      await knex('itsm_incidents')
        .where({ seq })
        .update({ status: 'resolved' });
      await knex('itsm_sla_clocks')
        .where({ record_seq: seq })
        .update({ stopped_at: at(2 * MINUTE) });
      const recordBreach = jest.spyOn(store, 'recordBreach');
      setNow(at(3 * MINUTE));
      expect(await job.run()).toMatchObject({ breached: 0, notified: 0 });
      expect(await job.run()).toMatchObject({ breached: 0 });
      expect(recordBreach).not.toHaveBeenCalled();
      expect(await knex('itsm_sla_breaches')).toHaveLength(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'records nothing for a clock re-targeted after the run read it; the next run sees the new cycle, %p',
    async databaseId => {
      const { knex, store, send, logger, job } = await setUp(databaseId);
      const seq = await incident(knex, 70); // breached at T0-10min on one hour
      const edited = {
        target_ms: 80 * MINUTE,
        state: 'running',
        due_at: at(10 * MINUTE),
        breached_at: null,
        decided_at: null,
      };
      const listKeys = store.listKeys.bind(store);
      jest.spyOn(store, 'listKeys').mockImplementationOnce(async options => {
        // A priority change lands between the run's read and its write.
        await knex('itsm_sla_clocks').where({ record_seq: seq }).update(edited);
        return listKeys(options);
      });
      const clockRow = () =>
        knex('itsm_sla_clocks').where({ record_seq: seq }).first();

      expect(await job.run()).toEqual({
        warned: 0,
        breached: 0,
        notified: 0,
        resent: 0,
      });
      expect(send).not.toHaveBeenCalled();
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringContaining('changed since it was evaluated'),
      );
      expect(await knex('itsm_sla_breaches')).toEqual([]);
      expect(await knex('itsm_notification_ledger')).toEqual([]);
      expect(
        await knex('itsm_history_events').where({ action: 'sla_breached' }),
      ).toEqual([]);
      const clock = await clockRow();
      expect(clock).toMatchObject({ state: 'running', breached_at: null });
      expect(Number(clock.target_ms)).toBe(80 * MINUTE);
      expect(toDate(clock.due_at)).toEqual(at(10 * MINUTE));

      // 70 of 80 minutes: a warning on the new cycle, no breach.
      expect(await job.run()).toMatchObject({ warned: 1, breached: 0 });
      expect(scopesOf(send)).toEqual([
        `itsm:incident:${seq}:resolution:warning:75:${at(
          -70 * MINUTE,
        ).getTime()}-4800000-${ON_24X7}`,
      ]);
    },
  );
});
