import {
  SchedulerService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  asUser,
  databases,
  mockServiceFactory,
  newIncident,
  startItsmBackend,
  testConfig,
} from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A backend whose scheduled tasks run only when triggered, and whose notifications are recorded. */
async function start(databaseId: Parameters<typeof databases.init>[0]) {
  // The plugin's own scheduler, caught by a module of the plugin.
  let scheduler: SchedulerService | undefined;
  const schedulerProbe = createBackendModule({
    pluginId: 'itsm',
    moduleId: 'test-scheduler-probe',
    register(reg) {
      reg.registerInit({
        deps: { pluginScheduler: coreServices.scheduler },
        async init({ pluginScheduler }) {
          scheduler = pluginScheduler;
        },
      });
    },
  });
  const send = jest.fn().mockResolvedValue(undefined);
  const backend = await startItsmBackend({
    databaseId,
    config: {
      itsm: {
        ...testConfig.itsm,
        incidents: { supportTiers: ['group:default/service-desk'] },
      },
    },
    features: [
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServiceFactory(notificationService, { send }),
      schedulerProbe,
    ],
  });
  const api = backend.api;
  const create = async (body: object = {}) => {
    const res = await api()
      .post('/api/itsm/incidents')
      .set('Authorization', asUser())
      // cart: no tier, so only P1 makes an incident major
      .send(newIncident({ entityRef: 'component:default/cart', ...body }));
    expect(res.status).toBe(201);
    return res.body;
  };
  const get = async (id: string) =>
    (
      await api()
        .get(`/api/itsm/incidents/${id}`)
        .set('Authorization', asUser())
    ).body;
  const history = async (id: string) =>
    (
      await api()
        .get(`/api/itsm/incidents/${id}/history`)
        .set('Authorization', asUser())
    ).body.items;
  return { ...backend, scheduler: scheduler!, send, create, get, history };
}

describe('incident jobs', () => {
  it('are scheduled with global scope', async () => {
    const { scheduler } = await start('SQLITE_3');
    const tasks = await scheduler.getScheduledTasks();
    expect(tasks.map(t => [t.id, t.scope]).sort()).toEqual([
      ['itsm-complaint-escalation', 'global'],
      ['itsm-improvement-evaluation', 'global'],
      ['itsm-improvement-suggestions', 'global'],
      ['itsm-incident-auto-close', 'global'],
      ['itsm-incident-sla-escalation', 'global'],
      ['itsm-owner-refresh', 'global'],
      ['itsm-problem-detection', 'global'],
      ['itsm-review-scheduling', 'global'],
      ['itsm-satisfaction', 'global'],
      ['itsm-sla-monitor', 'global'],
    ]);
  });

  it.each(databases.eachSupportedId())(
    'auto-close closes an incident resolved long enough ago, as plugin:itsm with a new version, %p',
    async databaseId => {
      const { api, knex, scheduler, create, get, history } = await start(
        databaseId,
      );
      const incident = await create();
      const major = await create({ title: 'Major outage' });
      const recent = await create({ title: 'Resolved yesterday' });
      for (const { id } of [incident, major, recent]) {
        const res = await api()
          .post(`/api/itsm/incidents/${id}/transitions`)
          .set('Authorization', asUser())
          .set('If-Match', `"${(await get(id)).version}"`)
          .send({
            to: 'resolved',
            resolutionCode: 'fixed',
            resolutionNotes: 'Restarted the pool',
          });
        expect(res.status).toBe(200);
      }
      const seqOf = (id: string) => Number(id.slice(4));
      await knex!('itsm_incidents')
        .whereIn('seq', [seqOf(incident.id), seqOf(major.id)])
        .update({ resolved_at: new Date(Date.now() - 6 * DAY) });
      await knex!('itsm_incidents')
        .where('seq', seqOf(major.id))
        .update({ major: true });
      const before = await get(incident.id);

      await scheduler.triggerTask('itsm-incident-auto-close');

      const closed = await get(incident.id);
      expect(closed).toMatchObject({
        status: 'closed',
        version: before.version + 1,
      });
      expect((await history(incident.id)).pop()).toMatchObject({
        version: before.version + 1,
        actor: 'plugin:itsm',
        changes: { status: ['resolved', 'closed'] },
      });
      expect((await get(major.id)).status).toBe('resolved');
      expect((await get(recent.id)).status).toBe('resolved');
    },
  );

  it.each(databases.eachSupportedId())(
    'escalation notifies the next tier and the owner once per threshold, without a new version, %p',
    async databaseId => {
      const { knex, scheduler, send, create, get, history } = await start(
        databaseId,
      );
      // P1: a 4-hour resolution target around the clock; started 3.5 hours ago.
      const incident = await create({ impact: 1, urgency: 1 });
      await knex!('itsm_sla_clocks')
        .where({
          record_seq: Number(incident.id.slice(4)),
          clock: 'resolution',
        })
        .update({ started_at: new Date(Date.now() - 3.5 * HOUR) });

      await scheduler.triggerTask('itsm-incident-sla-escalation');
      await scheduler.triggerTask('itsm-incident-sla-escalation');

      expect(send).toHaveBeenCalledTimes(2); // 50% and 75%
      for (const [options] of send.mock.calls) {
        expect(options.recipients).toEqual({
          type: 'entity',
          entityRef: ['group:default/service-desk', 'group:default/team-b'],
        });
      }
      expect((await get(incident.id)).version).toBe(incident.version);
      const escalations = (await history(incident.id)).filter(
        (e: any) => e.action === 'escalated',
      );
      expect(escalations).toEqual([
        expect.objectContaining({
          version: incident.version,
          actor: 'plugin:itsm',
        }),
        expect.objectContaining({
          version: incident.version,
          actor: 'plugin:itsm',
        }),
      ]);
    },
  );
});
