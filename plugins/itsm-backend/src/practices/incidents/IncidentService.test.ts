import { WriteContext } from '../../records/context';
import {
  TestDatabaseId,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { incidentCreateSchema } from '@backstage-itsm/plugin-itsm-common';
import {
  databases,
  newIncident,
  testConfig,
  testEntities,
} from '../../__testUtils__/testBackend';
import { ItsmCatalog } from '../../catalog/ItsmCatalog';
import { readItsmConfig } from '../../config';
import { KnexIncidentStore } from './KnexIncidentStore';
import { rowToClock } from './incidentRows';
import { IncidentImpactAnalyzer, IncidentService } from './IncidentService';

jest.setTimeout(60_000);

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const alice = { credentials: mockCredentials.user('user:default/alice') };
const asPlugin = { credentials: mockCredentials.service('plugin:itsm') };

/** A service on a real database whose clock the test sets, in minutes after T0. */
async function setup(
  databaseId: TestDatabaseId,
  options: { impactAnalyzer?: IncidentImpactAnalyzer; config?: object } = {},
) {
  const knex = await databases.init(databaseId);
  const store = await KnexIncidentStore.create({
    database: { getClient: async () => knex },
  });
  let now = new Date(T0);
  const service = IncidentService.create({
    store,
    catalog: new ItsmCatalog({
      catalog: catalogServiceMock({ entities: testEntities }),
      auth: mockServices.auth(),
    }),
    permissions: mockServices.permissions(),
    logger: mockServices.logger.mock(),
    config: readItsmConfig(new ConfigReader(options.config ?? testConfig)),
    impactAnalyzer: options.impactAnalyzer,
    now: () => now,
  });
  const at = (minutes: number) => {
    now = new Date(T0 + minutes * MINUTE);
  };
  /** The persisted clocks of an incident, as the clock job and reports see them. */
  const storedClocks = async (seq: number) =>
    Object.fromEntries(
      (
        await knex('itsm_sla_clocks').where({
          record_type: 'incident',
          record_seq: seq,
        })
      ).map(row => [row.clock, rowToClock(row)]),
    );
  const write = (version: number): WriteContext => ({
    ...alice,
    ifMatch: `"${version}"`,
  });
  return { service, knex, at, storedClocks, write };
}

/** A validated create request for an incident on cart (24x7, not major at P3). */
const onCart = (overrides: Record<string, unknown> = {}) =>
  incidentCreateSchema.parse(
    newIncident({ entityRef: 'component:default/cart', ...overrides }),
  );

const iso = (minutes: number) => new Date(T0 + minutes * MINUTE).toISOString();

describe('IncidentService', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('pauses the resolution clock on hold, stops it at resolve and resumes it on reopen without the gap', async () => {
      const { service, at, storedClocks, write } = await setup(databaseId);
      // cart counts in 24x7; P3: response 4 h, resolution 24 h.
      let incident = await service.create(onCart(), alice);
      expect(incident.priority).toBe(3);

      at(10);
      incident = await service.transition(
        incident.id,
        { to: 'in_progress' },
        write(1),
      );
      expect(incident.sla.response).toMatchObject({
        elapsedMs: 10 * MINUTE,
        state: 'met',
      });

      at(20);
      incident = await service.transition(
        incident.id,
        { to: 'on_hold', onHoldReason: 'awaiting_supplier' },
        write(2),
      );
      at(50);
      expect(
        (await service.get(incident.id, alice)).sla.resolution,
      ).toMatchObject({
        elapsedMs: 20 * MINUTE,
        state: 'paused',
        dueAt: null,
      });
      expect((await storedClocks(1)).resolution.pauses).toEqual([
        { from: new Date(iso(20)) },
      ]);

      at(80);
      incident = await service.transition(
        incident.id,
        { to: 'in_progress' },
        write(3),
      );
      expect(incident.sla.resolution).toMatchObject({
        elapsedMs: 20 * MINUTE,
        state: 'running',
        dueAt: new Date(T0 + 24 * HOUR + 60 * MINUTE).toISOString(),
      });

      at(100);
      incident = await service.transition(
        incident.id,
        { to: 'resolved', resolutionCode: 'fixed', resolutionNotes: 'Done' },
        write(4),
      );
      const stopped = await storedClocks(1);
      expect(stopped.resolution).toMatchObject({
        stoppedAt: new Date(iso(100)),
        state: 'met',
        dueAt: new Date(T0 + 25 * HOUR),
        breachedAt: null,
        evaluatedAt: new Date(iso(100)),
      });
      expect(stopped.response).toMatchObject({
        stoppedAt: new Date(iso(10)),
        state: 'met',
        targetMs: 4 * HOUR,
      });

      // Stopped clocks are frozen, however late they are read.
      at(3 * 24 * 60);
      expect(
        (await service.get(incident.id, alice)).sla.resolution,
      ).toMatchObject({
        elapsedMs: 40 * MINUTE,
        state: 'met',
      });

      // Reopen 60 minutes after the resolution: those minutes do not count.
      at(160);
      incident = await service.transition(
        incident.id,
        { to: 'in_progress' },
        write(5),
      );
      at(170);
      expect(
        (await service.get(incident.id, alice)).sla.resolution,
      ).toMatchObject({
        elapsedMs: 50 * MINUTE,
        state: 'running',
        dueAt: new Date(T0 + 26 * HOUR).toISOString(),
      });
      const reopened = await storedClocks(1);
      expect(reopened.resolution).toMatchObject({
        stoppedAt: null,
        state: 'running',
        pauses: [
          { from: new Date(iso(20)), to: new Date(iso(80)) },
          { from: new Date(iso(100)), to: new Date(iso(160)) },
        ],
      });
      // The response clock stopped at the first move out of `new` and stays so.
      expect(reopened.response.stoppedAt).toEqual(new Date(iso(10)));
    });

    it('re-targets running clocks from their start when the priority changes', async () => {
      const { service, at, storedClocks, write } = await setup(databaseId);
      const incident = await service.create(onCart(), alice);

      at(30);
      const p1 = await service.patch(
        incident.id,
        { impact: 1, urgency: 1 },
        write(1),
      );
      expect(p1).toMatchObject({ priority: 1, major: true });
      // P1: 15 minutes to respond counted from the start, so already breached.
      expect(p1.sla.response).toMatchObject({
        targetMs: 15 * MINUTE,
        calendarId: '24x7',
        elapsedMs: 30 * MINUTE,
        state: 'breached',
        dueAt: iso(15),
        breachedAt: iso(15),
      });
      expect(p1.sla.resolution).toMatchObject({
        targetMs: 4 * HOUR,
        dueAt: iso(4 * 60),
        state: 'running',
      });
      expect((await storedClocks(1)).response).toMatchObject({
        targetMs: 15 * MINUTE,
        state: 'breached',
        breachedAt: new Date(iso(15)),
        startedAt: new Date(T0),
      });
      const history = await service.history(incident.id, { limit: 10 }, alice);
      expect(history.items[1].changes).toMatchObject({
        priority: [3, 1],
        major: [false, true],
      });
    });

    it('keeps a stopped clock when the priority changes later', async () => {
      const { service, at, write } = await setup(databaseId);
      let incident = await service.create(onCart(), alice);
      at(10);
      incident = await service.transition(
        incident.id,
        { to: 'in_progress' },
        write(1),
      );
      at(20);
      incident = await service.patch(
        incident.id,
        { impact: 3, urgency: 3 },
        write(2),
      );
      expect(incident.priority).toBe(5);
      expect(incident.sla.response).toMatchObject({
        targetMs: 4 * HOUR,
        state: 'met',
      });
      expect(incident.sla.resolution?.targetMs).toBe(80 * HOUR);
    });

    it('stops both clocks on cancel', async () => {
      const { service, at, storedClocks, write } = await setup(databaseId);
      let incident = await service.create(onCart(), alice);
      at(10);
      incident = await service.transition(
        incident.id,
        { to: 'in_progress' },
        write(1),
      );
      at(20);
      incident = await service.transition(
        incident.id,
        { to: 'on_hold', onHoldReason: 'awaiting_caller' },
        write(2),
      );
      at(30);
      incident = await service.transition(
        incident.id,
        { to: 'cancelled' },
        write(3),
      );
      const clocks = await storedClocks(1);
      expect(clocks.resolution).toMatchObject({
        stoppedAt: new Date(iso(30)),
        pauses: [{ from: new Date(iso(20)), to: new Date(iso(30)) }],
        state: 'met',
      });
      expect(incident.sla.resolution?.elapsedMs).toBe(20 * MINUTE);
      expect(clocks.response.stoppedAt).toEqual(new Date(iso(10)));
    });

    it('lets the plugin itself write without If-Match, as plugin:itsm, checking the version it read', async () => {
      const { service } = await setup(databaseId);
      const incident = await service.create(
        onCart({ source: 'alertmanager', externalId: 'fp-1' }),
        asPlugin,
      );
      expect(incident).toMatchObject({
        reporter: 'plugin:itsm',
        createdBy: 'plugin:itsm',
      });
      expect(
        await service.findByExternalId('alertmanager', 'fp-1'),
      ).toMatchObject({
        id: incident.id,
      });
      expect(
        await service.findByExternalId('alertmanager', 'fp-2'),
      ).toBeUndefined();

      const moved = await service.transition(
        incident.id,
        { to: 'in_progress' },
        { ...asPlugin, expectedVersion: 1 },
      );
      expect(moved.version).toBe(2);
      await expect(
        service.transition(
          incident.id,
          { to: 'cancelled' },
          {
            ...asPlugin,
            expectedVersion: 1,
          },
        ),
      ).rejects.toMatchObject({ name: 'PreconditionFailedError' });
      const patched = await service.patch(
        incident.id,
        { category: 'availability' },
        asPlugin,
      );
      expect(patched.version).toBe(3);
      const history = await service.history(
        incident.id,
        { limit: 10 },
        asPlugin,
      );
      expect(history.items.map(e => e.actor)).toEqual([
        'plugin:itsm',
        'plugin:itsm',
        'plugin:itsm',
      ]);

      // Anyone else needs If-Match.
      await expect(
        service.patch(
          incident.id,
          { category: 'x' },
          {
            credentials: mockCredentials.service('plugin:other'),
          },
        ),
      ).rejects.toMatchObject({ name: 'PreconditionRequiredError' });
      await expect(
        service.patch(incident.id, { category: 'x' }, alice),
      ).rejects.toMatchObject({ name: 'PreconditionRequiredError' });
    });

    it('snapshots the downstream impact analysis on create', async () => {
      const analyze = jest.fn(async () => ({
        items: [
          { entityRef: 'component:default/checkout', distance: 1 },
          { entityRef: 'system:default/shop', distance: 2 },
        ],
      }));
      const { service } = await setup(databaseId, {
        impactAnalyzer: { analyze },
        config: {
          itsm: { ...testConfig.itsm, incidents: { impactDepth: 2 } },
        },
      });
      const incident = await service.create(onCart(), alice);
      expect(analyze).toHaveBeenCalledWith({
        entityRef: 'component:default/cart',
        direction: 'downstream',
        depth: 2,
      });
      expect(incident.impactedServices).toEqual([
        'component:default/checkout',
        'system:default/shop',
      ]);
      expect((await service.get(incident.id, alice)).impactedServices).toEqual(
        incident.impactedServices,
      );

      analyze.mockRejectedValueOnce(new Error('catalog down'));
      const second = await service.create(onCart(), alice);
      expect(second.impactedServices).toEqual([]);
    });
  });
});
