import {
  SchedulerService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { insertIncidentRow } from '../../__testUtils__/incidentRows';
import { databases, startItsmBackend } from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

const MINUTE = 60_000;

/** One backend replica on `knex`, whose scheduled tasks run only when triggered. */
async function replica(knex: Knex) {
  let scheduler: SchedulerService | undefined;
  const probe = createBackendModule({
    pluginId: 'itsm',
    moduleId: 'replica-scheduler-probe',
    register(reg) {
      reg.registerInit({
        deps: { pluginScheduler: coreServices.scheduler },
        async init({ pluginScheduler }) {
          scheduler = pluginScheduler;
        },
      });
    },
  });
  const backend = await startItsmBackend({
    features: [
      mockServices.database.factory({ knex }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      probe,
    ],
  });
  return {
    send: backend.notifications.send,
    runMonitor: () => scheduler!.triggerTask('itsm-sla-monitor'),
    stop: () => new Promise(resolve => backend.server.close(resolve)),
  };
}

const postgres = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));

describe('SlaMonitorJob on two replicas of one PostgreSQL database', () => {
  if (postgres.length === 0) {
    it.todo('needs a PostgreSQL test database');
    return;
  }

  it.each(postgres)(
    'notifies each warning and breach exactly once in total, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // Each replica has its own connection pool, as separate processes would.
      const otherPool = knexFactory(knex.client.config);
      const a = await replica(knex);
      const b = await replica(otherPool);

      const now = Date.now();
      const started = (minutesAgo: number) =>
        new Date(now - minutesAgo * MINUTE);
      const warned: number[] = [];
      const twiceWarned: number[] = [];
      const breached: number[] = [];
      for (let i = 0; i < 8; i++) {
        // One-hour resolution targets on 24x7.
        warned.push(await insertIncidentRow(knex, { startedAt: started(50) }));
        twiceWarned.push(
          await insertIncidentRow(knex, { startedAt: started(57) }),
        );
        breached.push(
          await insertIncidentRow(knex, { startedAt: started(80) }),
        );
      }

      for (let round = 0; round < 4; round++) {
        await Promise.all([
          a.runMonitor(),
          b.runMonitor(),
          a.runMonitor(),
          b.runMonitor(),
        ]);
      }

      const scopes = [...a.send.mock.calls, ...b.send.mock.calls].map(
        ([{ payload }]) => payload.scope as string,
      );
      const expected = [
        ...warned.map(seq => `${seq}:resolution:warning:75:`),
        ...twiceWarned.flatMap(seq => [
          `${seq}:resolution:warning:75:`,
          `${seq}:resolution:warning:90:`,
        ]),
        ...breached.map(seq => `${seq}:resolution:breach:100:`),
      ];
      expect(scopes).toHaveLength(expected.length);
      expect(new Set(scopes).size).toBe(expected.length);
      for (const prefix of expected) {
        expect(
          scopes.filter(s => s.startsWith(`itsm:incident:${prefix}`)),
        ).toHaveLength(1);
      }

      const breachRows = await knex('itsm_sla_breaches').select(
        'record_seq',
        'clock',
      );
      expect(breachRows.map(r => Number(r.record_seq)).sort()).toEqual(
        [...breached].sort(),
      );
      const ledger = await knex('itsm_notification_ledger').select(
        'record_seq',
        'clock',
        'purpose',
        'threshold',
        'cycle',
        'notified_at',
      );
      expect(ledger).toHaveLength(expected.length);
      expect(
        new Set(
          ledger.map(
            r =>
              `${r.record_seq}|${r.clock}|${r.purpose}|${r.threshold}|${r.cycle}`,
          ),
        ).size,
      ).toBe(expected.length);
      expect(ledger.every(r => r.notified_at !== null)).toBe(true);
      const events = await knex('itsm_history_events')
        .where('action', 'sla_breached')
        .count({ n: '*' });
      expect(Number(events[0].n)).toBe(8);
      // Each register row has exactly one create event.
      const created = await knex('itsm_history_events')
        .where({ record_type: 'breach', action: 'create', version: 1 })
        .select('record_seq');
      const breachSeqs = await knex('itsm_sla_breaches').select('seq');
      expect(created.map(r => Number(r.record_seq)).sort()).toEqual(
        breachSeqs.map(r => Number(r.seq)).sort(),
      );

      await Promise.all([a.stop(), b.stop()]);
      await otherPool.destroy();
    },
  );
});
