import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  IncidentTrendCount,
  IncidentTrendInterval,
  trendPeriodStart,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { KnexIncidentTrendStore } from './KnexIncidentTrendStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const migrationsDir = resolvePackagePath(
  '@backstage-itsm/plugin-itsm-backend',
  'migrations',
);

const PAYMENTS = 'component:default/payments';
const CART = 'component:default/cart';
const d = (iso: string) => new Date(iso);

let nextExternalId = 1;

async function insertIncidents(
  knex: Knex,
  incidents: Array<{
    createdAt: Date;
    entityRef?: string;
    category?: string | null;
    signature?: string | null;
    ownerRef?: string;
    assignee?: string | null;
  }>,
) {
  for (const incident of incidents) {
    const entityRef = incident.entityRef ?? PAYMENTS;
    const [row] = await knex('itsm_incidents')
      .insert({
        version: 1,
        title: 'Checkout fails',
        description: '',
        entity_ref: entityRef,
        reporter: 'user:default/alice',
        assignee: incident.assignee ?? null,
        category: incident.category ?? null,
        signature: incident.signature ?? null,
        impact: 2,
        urgency: 2,
        priority: 3,
        status: 'new',
        major: false,
        source: 'api',
        external_id: String(nextExternalId++),
        created_at: incident.createdAt,
        created_by: 'user:default/alice',
        updated_at: incident.createdAt,
      })
      .returning('seq');
    await knex('itsm_record_entities').insert({
      record_type: 'incident',
      record_seq: Number(typeof row === 'object' ? row.seq : row),
      entity_ref: entityRef,
      owner_ref: incident.ownerRef ?? 'group:default/team-a',
      is_primary: true,
    });
  }
}

/** The cells as `key@period=count`, sorted, for readable comparisons. */
const cellsOf = (cells: IncidentTrendCount[]) =>
  cells
    .map(c => `${c.key}@${c.periodStart.toISOString().slice(0, 10)}=${c.count}`)
    .sort();

describe('KnexIncidentTrendStore', () => {
  it.each(databases.eachSupportedId())(
    'buckets weeks from Monday 00:00 UTC and months from the 1st, at the boundaries, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      const store = KnexIncidentTrendStore.fromKnex(knex);
      await insertIncidents(
        knex,
        [
          '2026-02-28T23:59:59.999Z', // Saturday, February
          '2026-03-01T00:00:00.000Z', // Sunday, March: still the week of 23 February
          '2026-03-01T23:59:59.999Z',
          '2026-03-02T00:00:00.000Z', // Monday: a new week
          '2026-03-08T23:59:59.999Z',
          '2026-03-09T00:00:00.000Z',
          '2026-03-31T23:59:59.999Z',
          '2026-04-01T00:00:00.000Z',
          '2026-12-31T23:59:59.999Z', // a Thursday; its week starts in December
          '2027-01-01T00:00:00.000Z', // same week, new month and year
        ].map(at => ({ createdAt: d(at) })),
      );
      const count = (
        interval: IncidentTrendInterval,
        from: string,
        to: string,
      ) =>
        store
          .countIncidents({
            key: 'entity',
            interval,
            from: d(from),
            to: d(to),
          })
          .then(cellsOf);

      expect(
        await count('week', '2026-02-01T00:00:00Z', '2027-02-01T00:00:00Z'),
      ).toEqual(
        [
          `${PAYMENTS}@2026-02-23=3`,
          `${PAYMENTS}@2026-03-02=2`,
          `${PAYMENTS}@2026-03-09=1`,
          `${PAYMENTS}@2026-03-30=2`,
          `${PAYMENTS}@2026-12-28=2`,
        ].sort(),
      );
      expect(
        await count('month', '2026-02-01T00:00:00Z', '2027-02-01T00:00:00Z'),
      ).toEqual(
        [
          `${PAYMENTS}@2026-02-01=1`,
          `${PAYMENTS}@2026-03-01=6`,
          `${PAYMENTS}@2026-04-01=1`,
          `${PAYMENTS}@2026-12-01=1`,
          `${PAYMENTS}@2027-01-01=1`,
        ].sort(),
      );
      // [from, to): from is counted, to is not, to the millisecond.
      expect(
        await count(
          'month',
          '2026-03-01T00:00:00.000Z',
          '2026-03-31T23:59:59.999Z',
        ),
      ).toEqual([`${PAYMENTS}@2026-03-01=5`]);
      expect(
        await count(
          'week',
          '2026-02-28T23:59:59.999Z',
          '2026-03-01T00:00:00.000Z',
        ),
      ).toEqual([`${PAYMENTS}@2026-02-23=1`]);
      expect(
        await count(
          'week',
          '2026-03-09T00:00:00.001Z',
          '2026-03-31T23:59:59.999Z',
        ),
      ).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'puts random instants in the same periods as trendPeriodStart, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      const store = KnexIncidentTrendStore.fromKnex(knex);
      // A seeded generator: instants over three years, many of them on or next to a boundary.
      let seed = 42;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const start = d('2025-01-01T00:00:00Z').getTime();
      const span = 3 * 365 * 24 * 3600_000;
      const instants = Array.from({ length: 150 }, (_, i) => {
        const at = new Date(start + Math.floor(random() * span));
        if (i % 3 === 0) {
          const interval = i % 2 ? 'week' : 'month';
          const edge = trendPeriodStart(at, interval).getTime();
          // One millisecond before, on, or after the start of its week or month.
          return new Date(edge + [-1, 0, 1][(i / 3) % 3]);
        }
        return at;
      });
      await knex.batchInsert(
        'itsm_incidents',
        instants.map((at, i) => ({
          version: 1,
          title: 't',
          description: '',
          entity_ref: PAYMENTS,
          reporter: 'user:default/alice',
          impact: 2,
          urgency: 2,
          priority: 3,
          status: 'new',
          major: false,
          source: 'api',
          external_id: `random-${i}`,
          category: i % 2 ? 'network' : null,
          created_at: at,
          created_by: 'user:default/alice',
          updated_at: at,
        })),
        50,
      );
      for (const interval of ['week', 'month'] as const) {
        const expected = new Map<string, number>();
        instants.forEach((at, i) => {
          const key = `${
            i % 2 ? 'network' : 'uncategorised'
          }@${trendPeriodStart(at, interval).toISOString().slice(0, 10)}`;
          expected.set(key, (expected.get(key) ?? 0) + 1);
        });
        const cells = await store.countIncidents({
          key: 'category',
          interval,
          from: d('2024-01-01T00:00:00Z'),
          to: d('2029-01-01T00:00:00Z'),
        });
        expect(cellsOf(cells)).toEqual(
          [...expected].map(([key, n]) => `${key}=${n}`).sort(),
        );
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'groups by category and signature (nulls named), filters entities and applies the permission filter, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      const store = KnexIncidentTrendStore.fromKnex(knex);
      const monday = d('2026-03-02T10:00:00Z');
      await insertIncidents(knex, [
        {
          createdAt: monday,
          category: 'network',
          signature: 'alert:HighLatency',
        },
        {
          createdAt: monday,
          category: 'network',
          signature: 'alert:HighLatency',
        },
        { createdAt: monday, category: null, signature: null },
        {
          createdAt: monday,
          entityRef: CART,
          category: 'software',
          signature: '=cmd()',
          ownerRef: 'group:default/team-b',
        },
        {
          createdAt: monday,
          entityRef: CART,
          category: 'uncategorised',
          ownerRef: 'group:default/team-b',
          assignee: 'user:default/bob',
        },
      ]);
      const range = {
        interval: 'week' as const,
        from: d('2026-03-01T00:00:00Z'),
        to: d('2026-04-01T00:00:00Z'),
      };

      expect(
        cellsOf(await store.countIncidents({ ...range, key: 'category' })),
      ).toEqual([
        'network@2026-03-02=2',
        'software@2026-03-02=1',
        'uncategorised@2026-03-02=2',
      ]);
      expect(
        cellsOf(await store.countIncidents({ ...range, key: 'signature' })),
      ).toEqual([
        '(none)@2026-03-02=2',
        '=cmd()@2026-03-02=1',
        'alert:HighLatency@2026-03-02=2',
      ]);
      expect(
        cellsOf(
          await store.countIncidents({
            ...range,
            key: 'category',
            entityRefs: [CART],
          }),
        ),
      ).toEqual(['software@2026-03-02=1', 'uncategorised@2026-03-02=1']);

      // Team B's services, or anything assigned to Alice: a conditional decision as WHERE.
      expect(
        cellsOf(
          await store.countIncidents({
            ...range,
            key: 'entity',
            permissionFilter: {
              property: 'serviceOwnerRef',
              values: ['group:default/team-b'],
            },
          }),
        ),
      ).toEqual([`${CART}@2026-03-02=2`]);
      expect(
        cellsOf(
          await store.countIncidents({
            ...range,
            key: 'entity',
            permissionFilter: {
              anyOf: [
                { property: 'assigneeOrGroup', values: ['user:default/bob'] },
                {
                  not: {
                    property: 'serviceOwnerRef',
                    values: ['group:default/team-b'],
                  },
                },
              ],
            },
          }),
        ),
      ).toEqual([`${CART}@2026-03-02=1`, `${PAYMENTS}@2026-03-02=3`]);
    },
  );
});
