import {
  AuditorService,
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { catalogGraph } from '../../__testUtils__/catalogGraph';
import { permissionsFor } from '../../__testUtils__/permissions';
import {
  ALICE,
  asUser,
  databases,
  mockServiceFactory,
  startItsmBackend,
} from '../../__testUtils__/testBackend';
import { migratedClient } from '../../records/database';
import { IncidentAccess } from '../incidents/IncidentAccess';
import { builtInIncidentRuleset } from '../incidents/incidentRules';
import { IncidentTrendService, catalogUpstream } from './IncidentTrendService';
import { KnexIncidentTrendStore } from './KnexIncidentTrendStore';
import { createIncidentTrendRouter } from './incidentTrendRoutes';

jest.setTimeout(60_000);

const BOB = 'user:default/bob';
const CAROL = 'user:default/carol';
const PAYMENTS = 'component:default/payments';
const CART = 'component:default/cart';
const SEARCH = 'component:default/search';
const DB = 'resource:default/payments-db';
const AUTH = 'component:default/auth';
const SECRET = 'resource:default/secret-vault';
const NOW = new Date('2026-03-25T12:00:00.000Z');
const URL = '/api/itsm/reports/incident-trends';

/**
 * Payments and cart depend on the database, payments also on auth, cart on a vault Bob may
 * not see in the catalog; search on nothing.
 */
const entities = catalogGraph(
  [[PAYMENTS], [CART], [SEARCH], [DB], [AUTH], [SECRET]],
  [
    [PAYMENTS, 'dependsOn', DB],
    [PAYMENTS, 'dependsOn', AUTH],
    [CART, 'dependsOn', DB],
    [CART, 'dependsOn', SECRET],
  ],
);

/** The catalog as each caller sees it: Bob cannot see the vault. */
function catalogFor(all: Entity[]): CatalogService {
  const catalog = catalogServiceMock({ entities: all });
  return {
    ...catalog,
    getEntitiesByRefs: async (request_, options) => {
      const result = await catalog.getEntitiesByRefs(request_, options);
      const subject = (
        options.credentials.principal as { userEntityRef?: string }
      ).userEntityRef;
      return {
        items: result.items.map(entity =>
          subject === BOB && entity?.metadata.name === 'secret-vault'
            ? null
            : entity,
        ),
      };
    },
  } as CatalogService;
}

/**
 * Bob reads only incidents on services team-b owns (a conditional decision); Carol may not
 * read incidents at all; everyone else reads everything.
 */
const bobRules = permissionsFor(BOB, {
  incidentOwners: ['group:default/team-b'],
});
const carolRules = permissionsFor(CAROL, { deny: ['itsm.incident.read'] });
const rulesOf = (options: unknown) =>
  (options as { credentials: { principal: { userEntityRef?: string } } })
    .credentials.principal.userEntityRef === CAROL
    ? carolRules
    : bobRules;
const permissions = mockServices.permissions.mock({
  authorize: (requests, options) =>
    rulesOf(options).authorize(requests, options),
  authorizeConditional: (requests, options) =>
    rulesOf(options).authorizeConditional(requests, options),
});

/**
 * The trend router mounted the way the problems practice mounts it (the plugin id `itsm`, the
 * real HTTP auth, error handling and database), without the rest of the plugin.
 */
async function startTrends(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const audited: Array<Parameters<AuditorService['createEvent']>[0]> = [];
  const outcomes: string[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      audited.push(options);
      return {
        success: async () => {
          outcomes.push('success');
        },
        fail: async () => {
          outcomes.push('fail');
        },
      };
    },
  });
  const plugin = createBackendPlugin({
    pluginId: 'itsm',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
          auditor: coreServices.auditor,
          database: coreServices.database,
          permissions: coreServices.permissions,
          catalog: catalogServiceRef,
        },
        async init(deps) {
          const trends = new IncidentTrendService({
            store: KnexIncidentTrendStore.fromKnex(
              await migratedClient(deps.database),
            ),
            access: new IncidentAccess({
              permissions: deps.permissions,
              ruleset: builtInIncidentRuleset(),
            }),
            upstream: catalogUpstream(deps.catalog),
            now: () => NOW,
          });
          deps.httpRouter.use(
            createIncidentTrendRouter({
              trends,
              httpAuth: deps.httpAuth,
              auditor: deps.auditor,
            }),
          );
        },
      });
    },
  });
  const { server } = await startTestBackend({
    features: [
      plugin,
      mockServices.database.factory({ knex }),
      mockServiceFactory(catalogServiceRef, catalogFor(entities)),
      auditor.factory,
      permissions.factory,
    ],
  });
  return {
    knex,
    audited,
    outcomes,
    api: () => request(server),
    get: (query: string, user = ALICE) =>
      request(server).get(`${URL}?${query}`).set('Authorization', asUser(user)),
  };
}

let nextExternalId = 1;

async function insertIncident(
  knex: Knex,
  incident: {
    at: string;
    entityRef: string;
    ownerRef?: string;
    category?: string | null;
    signature?: string | null;
  },
) {
  const at = new Date(incident.at);
  const [row] = await knex('itsm_incidents')
    .insert({
      version: 1,
      title: 'Checkout fails',
      description: '',
      entity_ref: incident.entityRef,
      reporter: ALICE,
      category: incident.category ?? null,
      signature: incident.signature ?? null,
      impact: 2,
      urgency: 2,
      priority: 3,
      status: 'new',
      major: false,
      source: 'api',
      external_id: String(nextExternalId++),
      created_at: at,
      created_by: ALICE,
      updated_at: at,
    })
    .returning('seq');
  await knex('itsm_record_entities').insert({
    record_type: 'incident',
    record_seq: Number(typeof row === 'object' ? row.seq : row),
    entity_ref: incident.entityRef,
    owner_ref: incident.ownerRef ?? 'group:default/team-a',
    is_primary: true,
  });
}

/**
 * Three weeks of March 2026 (weeks starting 2, 9 and 16 March): payments 4 incidents, cart
 * (team-b) 2, search (team-b) 1, plus one before and one after the range.
 */
async function seed(knex: Knex) {
  const rows: Array<Parameters<typeof insertIncident>[1]> = [
    { at: '2026-03-01T23:59:59.999Z', entityRef: PAYMENTS }, // before `from`
    {
      at: '2026-03-02T00:00:00.000Z',
      entityRef: PAYMENTS,
      category: 'network',
      signature: 'alert:HighLatency',
    },
    {
      at: '2026-03-08T23:59:59.999Z',
      entityRef: PAYMENTS,
      category: 'network',
      signature: 'alert:HighLatency',
    },
    {
      at: '2026-03-09T00:00:00.000Z',
      entityRef: PAYMENTS,
      signature: '=HYPERLINK("x")',
    },
    {
      at: '2026-03-20T10:00:00.000Z',
      entityRef: PAYMENTS,
      category: 'software',
    },
    {
      at: '2026-03-10T10:00:00.000Z',
      entityRef: CART,
      ownerRef: 'group:default/team-b',
      category: 'network',
    },
    {
      at: '2026-03-17T10:00:00.000Z',
      entityRef: CART,
      ownerRef: 'group:default/team-b',
    },
    {
      at: '2026-03-18T10:00:00.000Z',
      entityRef: SEARCH,
      ownerRef: 'group:default/team-b',
    },
    {
      at: '2026-03-23T00:00:00.000Z',
      entityRef: CART,
      ownerRef: 'group:default/team-b',
    }, // at `to`
  ];
  for (const row of rows) {
    await insertIncident(knex, row);
  }
}

const MARCH = 'from=2026-03-02T00:00:00Z&to=2026-03-23T00:00:00Z';
const WEEKS = [
  '2026-03-02T00:00:00.000Z',
  '2026-03-09T00:00:00.000Z',
  '2026-03-16T00:00:00.000Z',
];

describe.each(databases.eachSupportedId())(
  'GET /reports/incident-trends on %p',
  databaseId => {
    it('counts the incidents each caller may read per entity and week, audited', async () => {
      const trends = await startTrends(databaseId);
      await seed(trends.knex);

      const res = await trends.get(`groupBy=entity&${MARCH}`);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toEqual({
        groupBy: 'entity',
        interval: 'week',
        from: '2026-03-02T00:00:00.000Z',
        to: '2026-03-23T00:00:00.000Z',
        periods: WEEKS,
        rows: [
          { key: PAYMENTS, total: 4, counts: [2, 1, 1] },
          { key: CART, total: 2, counts: [0, 1, 1] },
          { key: SEARCH, total: 1, counts: [0, 0, 1] },
        ],
      });
      expect(trends.audited).toEqual([
        expect.objectContaining({
          eventId: 'incident-trend-fetch',
          severityLevel: 'low',
          meta: {
            queryType: 'incident-trends',
            groupBy: 'entity',
            interval: 'week',
          },
        }),
      ]);
      expect(trends.outcomes).toEqual(['success']);

      // Bob reads team-b's services only: the condition is a WHERE clause.
      expect(
        (await trends.get(`groupBy=entity&${MARCH}`, BOB)).body.rows,
      ).toEqual([
        { key: CART, total: 2, counts: [0, 1, 1] },
        { key: SEARCH, total: 1, counts: [0, 0, 1] },
      ]);

      // Carol may not read incidents: 403, audited as a failure.
      const forbidden = await trends.get(`groupBy=entity&${MARCH}`, CAROL);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error.message).toBe(
        'Not allowed: itsm.incident.read',
      );
      expect(trends.outcomes).toEqual(['success', 'success', 'fail']);
    });

    it('groups by category, signature and upstream dependency, months, top and entityRef', async () => {
      const trends = await startTrends(databaseId);
      await seed(trends.knex);
      const body = async (query: string, user = ALICE) => {
        const res = await trends.get(query, user);
        expect(res.status).toBe(200);
        return res.body;
      };

      expect((await body(`groupBy=category&${MARCH}`)).rows).toEqual([
        { key: 'network', total: 3, counts: [2, 1, 0] },
        { key: 'uncategorised', total: 3, counts: [0, 1, 2] },
        { key: 'software', total: 1, counts: [0, 0, 1] },
      ]);
      expect((await body(`groupBy=signature&${MARCH}&top=1`)).rows).toEqual([
        { key: '(none)', total: 4, counts: [0, 1, 3] },
        { key: '(other)', total: 3, counts: [2, 1, 0] },
      ]);
      // Upstream: payments' 4 under the database and auth, cart's 2 under the database and
      // the vault; search has no dependency.
      expect((await body(`groupBy=upstream&${MARCH}`)).rows).toEqual([
        { key: DB, total: 6, counts: [2, 2, 2] },
        { key: AUTH, total: 4, counts: [2, 1, 1] },
        { key: SECRET, total: 2, counts: [0, 1, 1] },
      ]);
      // Bob: cart and search only, and the vault he cannot see in the catalog is not named.
      expect((await body(`groupBy=upstream&${MARCH}`, BOB)).rows).toEqual([
        { key: DB, total: 2, counts: [0, 1, 1] },
      ]);
      // entityRef repeats and compares in lowercase.
      expect(
        (
          await body(
            `groupBy=entity&${MARCH}&entityRef=Component:default/Cart&entityRef=component:default/search`,
          )
        ).rows.map((r: { key: string }) => r.key),
      ).toEqual([CART, SEARCH]);
      expect(
        (
          await body(
            `groupBy=category&${MARCH}&entityRef=component:default/cart`,
          )
        ).rows,
      ).toEqual([
        { key: 'network', total: 1, counts: [0, 1, 0] },
        { key: 'uncategorised', total: 1, counts: [0, 0, 1] },
      ]);

      const months = await body(
        'groupBy=entity&interval=month&from=2026-02-15&to=2026-04-01',
      );
      expect(months.periods).toEqual([
        '2026-02-01T00:00:00.000Z',
        '2026-03-01T00:00:00.000Z',
      ]);
      expect(months.rows).toEqual([
        { key: PAYMENTS, total: 5, counts: [0, 5] },
        { key: CART, total: 3, counts: [0, 3] },
        { key: SEARCH, total: 1, counts: [0, 1] },
      ]);
    });

    it('answers CSV with format=csv or Accept: text/csv, formula cells defused', async () => {
      const trends = await startTrends(databaseId);
      await seed(trends.knex);

      const res = await trends.get(`groupBy=signature&${MARCH}&format=csv`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="incident-trends-signature-week-2026-03-02-2026-03-23.csv"',
      );
      expect(res.text).toBe(
        [
          `key,total,${WEEKS.join(',')}`,
          '(none),4,0,1,3',
          'alert:HighLatency,2,2,0,0',
          `"'=HYPERLINK(""x"")",1,0,1,0`,
          '',
        ].join('\r\n'),
      );

      const accepted = await trends
        .get(`groupBy=entity&${MARCH}`)
        .set('Accept', 'text/csv');
      expect(accepted.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(accepted.text.split('\r\n')[1]).toBe(`${PAYMENTS},4,2,1,1`);
      // format wins over Accept.
      const json = await trends
        .get(`groupBy=entity&${MARCH}&format=json`)
        .set('Accept', 'text/csv');
      expect(json.headers['content-type']).toMatch(/^application\/json/);
    });

    it('defaults the range to 12 weeks or 12 months up to now and rejects bad ranges and parameters', async () => {
      const trends = await startTrends(databaseId);

      const weeks = await trends.get('groupBy=entity');
      expect(weeks.status).toBe(200);
      expect(weeks.body).toMatchObject({
        from: '2025-12-31T12:00:00.000Z',
        to: NOW.toISOString(),
        rows: [],
      });
      // From the week of 29 December to the week of 23 March: 13 weeks, empty ones included.
      expect(weeks.body.periods).toHaveLength(13);
      expect(weeks.body.periods[0]).toBe('2025-12-29T00:00:00.000Z');
      expect(weeks.body.periods[12]).toBe('2026-03-23T00:00:00.000Z');

      const months = await trends.get('groupBy=category&interval=month');
      expect(months.body.from).toBe('2025-03-25T12:00:00.000Z');
      expect(months.body.periods).toHaveLength(13);

      for (const query of [
        'groupBy=entity&from=2026-03-02&to=2026-03-02',
        'groupBy=entity&from=2026-03-03&to=2026-03-02',
        'groupBy=entity&from=2023-03-01&to=2026-03-02',
        'groupBy=owner',
        'interval=week',
        'groupBy=entity&interval=day',
        'groupBy=entity&top=0',
        'groupBy=entity&top=201',
        'groupBy=entity&from=yesterday',
        'groupBy=entity&format=xml',
        'groupBy=entity&sort=key',
      ]) {
        const res = await trends.get(query);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
      }
      const anonymous = await trends
        .api()
        .get(`${URL}?groupBy=entity`)
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
    });
  },
);

describe('GET /reports/incident-trends in the plugin', () => {
  it('is mounted by the problems practice behind the spec: JSON, CSV and 400s', async () => {
    const backend = await startItsmBackend({
      databaseId: 'SQLITE_3',
      entities,
      features: [permissions.factory],
    });
    await seed(backend.knex!);
    const get = (query: string, user = ALICE) =>
      backend.api().get(`${URL}?${query}`).set('Authorization', asUser(user));

    const res = await get(
      `groupBy=upstream&${MARCH}&entityRef=${PAYMENTS}&entityRef=${CART}&top=2`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      groupBy: 'upstream',
      interval: 'week',
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-23T00:00:00.000Z',
      periods: WEEKS,
      rows: [
        { key: DB, total: 6, counts: [2, 2, 2] },
        { key: AUTH, total: 4, counts: [2, 1, 1] },
        { key: '(other)', total: 2, counts: [0, 1, 1] },
      ],
    });
    expect(
      (await get(`groupBy=entity&${MARCH}`, BOB)).body.rows.map(
        (r: { key: string }) => r.key,
      ),
    ).toEqual([CART, SEARCH]);

    const csv = await get(`groupBy=category&${MARCH}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.split('\r\n')[0]).toBe(`key,total,${WEEKS.join(',')}`);

    for (const query of [
      'interval=week',
      'groupBy=owner',
      'groupBy=entity&top=0',
      'groupBy=entity&sort=key',
      'groupBy=entity&from=2026-03-02&to=2026-03-01',
    ]) {
      expect({ query, status: (await get(query)).status }).toEqual({
        query,
        status: 400,
      });
    }
  });
});
