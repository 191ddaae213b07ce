import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { NotificationService } from '@backstage/plugin-notifications-node';
import knexFactory, { Knex } from 'knex';
import { insertIncidentRow } from '../../__testUtils__/incidentRows';
import { readItsmConfig } from '../../config';
import { KnexLedgerStore } from '../service-levels/KnexLedgerStore';
import { SlaEscalationJob } from './SlaEscalationJob';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const T0 = new Date('2026-03-02T09:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (ms: number) => new Date(T0.getTime() + ms);

const config = readItsmConfig(
  new ConfigReader({
    itsm: {
      incidents: {
        supportTiers: ['group:default/tier-1', 'group:default/tier-2'],
      },
    },
  }),
);

function jobOn(
  knex: Knex,
  notifications: NotificationService,
  now: () => Date,
) {
  return KnexLedgerStore.create({
    database: { getClient: async () => knex },
  }).then(store =>
    SlaEscalationJob.create({
      store,
      notifications,
      config,
      logger: mockServices.logger.mock(),
      now,
    }),
  );
}

/** A second connection pool on the same database, like a second replica (PostgreSQL). */
function secondReplica(knex: Knex, databaseId: string): Knex {
  return databaseId.startsWith('POSTGRES')
    ? knexFactory(knex.client.config)
    : knex; // in-memory SQLite lives in its one connection
}

describe('SlaEscalationJob', () => {
  it.each(databases.eachSupportedId())(
    'notifies each crossed threshold exactly once with two replicas running at the same time, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const other = secondReplica(knex, databaseId);
      const send = jest.fn().mockResolvedValue(undefined);
      let now = at(0);
      const clock = () => now;
      const [a, b] = [
        await jobOn(knex, { send }, clock),
        await jobOn(other, { send }, clock),
      ];

      // One-hour resolution targets on 24x7, started at different times.
      const started = (minutesAgo: number) => at(-minutesAgo * MINUTE);
      const at60 = await insertIncidentRow(knex, {
        startedAt: started(36),
        assignmentGroup: 'group:default/tier-1',
      }); // 60%: crosses 50
      const at80 = await insertIncidentRow(knex, {
        startedAt: started(48),
      }); // 80%: 50, 75
      const at120 = await insertIncidentRow(knex, {
        startedAt: started(72),
        assignmentGroup: 'group:default/tier-2',
        version: 5,
      }); // 120%: 50, 75, 100
      await insertIncidentRow(knex, { startedAt: started(18) }); // 30%: none
      await insertIncidentRow(knex, {
        startedAt: started(72),
        status: 'resolved',
        stoppedAt: started(10),
      }); // resolved: never escalates
      const onHold = await insertIncidentRow(knex, {
        startedAt: started(60),
        status: 'on_hold',
        pauses: [{ from: started(15).toISOString() }],
      }); // 45 minutes counted, then paused: 75%: 50, 75

      const results = await Promise.all([a.run(), b.run()]);
      const crossed = 1 + 2 + 3 + 2;
      expect(send).toHaveBeenCalledTimes(crossed);
      expect(results[0].escalated + results[1].escalated).toBe(crossed);
      expect(results[0].notified + results[1].notified).toBe(crossed);

      const scopes = send.mock.calls.map(([options]) => options.payload.scope);
      expect(new Set(scopes).size).toBe(crossed);
      const ledger = await knex('itsm_notification_ledger');
      expect(ledger).toHaveLength(crossed);
      expect(ledger.every(row => row.notified_at !== null)).toBe(true);

      // Functional to the next tier, hierarchical to the stored owner.
      const sentFor = (seq: number) =>
        send.mock.calls
          .map(([options]) => options)
          .filter(o => o.payload.scope.startsWith(`itsm:incident:${seq}:`));
      expect(sentFor(at60)).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: ['group:default/tier-2', 'group:default/team-a'],
          },
          payload: expect.objectContaining({
            title: `INC-${at60} has used 50% of its resolution target: Checkout fails`,
            link: `/itsm/incidents/INC-${at60}`,
            severity: 'normal',
            topic: 'itsm-incident-escalation',
            scope: `itsm:incident:${at60}:resolution:50:${started(
              36,
            ).getTime()}-3600000`,
          }),
        },
      ]);
      expect(sentFor(at80)[0].recipients.entityRef).toEqual([
        'group:default/tier-1',
        'group:default/team-a',
      ]);
      expect(sentFor(at120).map(o => o.recipients.entityRef)).toEqual([
        ['group:default/team-a'], // tier-2 is the last tier
        ['group:default/team-a'],
        ['group:default/team-a'],
      ]);
      expect(sentFor(at120).map(o => o.payload.severity)).toEqual([
        'normal',
        'high',
        'critical',
      ]);
      expect(sentFor(onHold)).toHaveLength(2);

      // History: one `escalated` event per threshold, by the plugin, version unchanged.
      const history = await knex('itsm_history_events')
        .where({ record_seq: at120, action: 'escalated' })
        .orderBy('seq');
      expect(history.map(h => [h.actor, Number(h.version)])).toEqual([
        ['plugin:itsm', 5],
        ['plugin:itsm', 5],
        ['plugin:itsm', 5],
      ]);
      expect(history[2].comment).toMatch(/100% \(breached\)/);
      const incident = await knex('itsm_incidents').where('seq', at120).first();
      expect(Number(incident.version)).toBe(5);

      // Running again sends nothing new; time moving on crosses one more threshold.
      await Promise.all([a.run(), b.run()]);
      expect(send).toHaveBeenCalledTimes(crossed);
      now = at(10 * MINUTE); // at60 reaches 46/60 = 77%
      await Promise.all([a.run(), b.run()]);
      expect(send).toHaveBeenCalledTimes(crossed + 1);
      expect(send.mock.calls[crossed][0].payload.scope).toMatch(
        new RegExp(`^itsm:incident:${at60}:resolution:75:`),
      );

      if (other !== knex) {
        await other.destroy();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'resends a notification that failed, once, under the same scope, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const send = jest
        .fn()
        .mockRejectedValueOnce(new Error('notifications backend down'))
        .mockResolvedValue(undefined);
      let now = at(0);
      const job = await jobOn(knex, { send }, () => now);
      await insertIncidentRow(knex, {
        startedAt: at(-6 * HOUR),
        targetMs: 10 * HOUR,
      }); // 60%, and below 75% throughout

      expect(await job.run()).toEqual({ escalated: 1, notified: 0, resent: 0 });
      now = at(5 * MINUTE); // the failed claim is still fresh
      expect(await job.run()).toEqual({ escalated: 0, notified: 0, resent: 0 });
      now = at(20 * MINUTE);
      expect(await job.run()).toEqual({ escalated: 0, notified: 1, resent: 1 });
      now = at(40 * MINUTE);
      expect(await job.run()).toEqual({ escalated: 0, notified: 0, resent: 0 });

      expect(send).toHaveBeenCalledTimes(2);
      expect(send.mock.calls[1][0]).toEqual(send.mock.calls[0][0]);
    },
  );

  it.each(databases.eachSupportedId())(
    'escalates again when the clock is re-targeted (a new cycle), %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const send = jest.fn().mockResolvedValue(undefined);
      const job = await jobOn(knex, { send }, () => at(0));
      const seq = await insertIncidentRow(knex, {
        startedAt: at(-40 * MINUTE),
        targetMs: HOUR,
      });
      await job.run();
      expect(send).toHaveBeenCalledTimes(1); // 67%: 50

      // A priority change: a shorter target from the same start.
      await knex('itsm_sla_clocks')
        .where({ record_seq: seq })
        .update({ target_ms: 30 * MINUTE });
      await job.run();
      expect(
        send.mock.calls.map(([o]) => o.payload.scope.split(':')[4]),
      ).toEqual(['50', '50', '75', '100']);
    },
  );

  it.each(databases.eachSupportedId())(
    'escalates a running response clock too, but not one that was responded to, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const send = jest.fn().mockResolvedValue(undefined);
      const job = await jobOn(knex, { send }, () => at(0));
      const late = await insertIncidentRow(knex, {
        clock: 'response',
        startedAt: at(-90 * MINUTE),
        targetMs: HOUR,
        assignmentGroup: 'group:default/tier-1',
      }); // 150%: 50, 75, 100
      await insertIncidentRow(knex, {
        clock: 'response',
        startedAt: at(-90 * MINUTE),
        stoppedAt: at(-80 * MINUTE),
        targetMs: HOUR,
      }); // responded at 17%

      expect(await job.run()).toEqual({ escalated: 3, notified: 3, resent: 0 });
      const payloads = send.mock.calls.map(([o]) => o.payload);
      expect(payloads.map(p => p.scope)).toEqual(
        [50, 75, 100].map(
          t =>
            `itsm:incident:${late}:response:${t}:${at(
              -90 * MINUTE,
            ).getTime()}-${HOUR}`,
        ),
      );
      expect(payloads[2]).toMatchObject({
        title: expect.stringContaining(
          `INC-${late} breached its response target`,
        ),
        severity: 'critical',
      });
      expect(send.mock.calls[0][0].recipients).toEqual({
        type: 'entity',
        entityRef: ['group:default/tier-2', 'group:default/team-a'],
      });
      const events = await knex('itsm_history_events').where({
        record_seq: late,
        action: 'escalated',
      });
      expect(events.map(e => e.comment)).toEqual([
        expect.stringMatching(/^Response clock at 50%\./),
        expect.stringMatching(/^Response clock at 75%\./),
        expect.stringMatching(/^Response clock at 100% \(breached\)\./),
      ]);
      // Nothing more on the next run.
      expect(await job.run()).toEqual({ escalated: 0, notified: 0, resent: 0 });
    },
  );
});
