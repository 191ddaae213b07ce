import { mockCredentials } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import { Knex } from 'knex';
import { changeApi, changeEntities, PRIYA } from '../__testUtils__/changeApi';
import { incidentApi } from '../__testUtils__/incidentApi';
import { problemApi } from '../__testUtils__/problemApi';
import { ownershipUserInfo, slaApi } from '../__testUtils__/slaApi';
import {
  ALICE,
  asUser,
  databases,
  startItsmBackend,
  testEntities,
} from '../__testUtils__/testBackend';
import {
  HostileRequest,
  OPERATIONS,
  hostileRequest,
} from '../__testUtils__/hostileRequests';

// CI runs a seeded slice; `yarn bench:fuzz` runs ITSM_FUZZ_RUNS=10000 per database.
const RUNS = Number(process.env.ITSM_FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.ITSM_FUZZ_SEED ?? 20261207);

jest.setTimeout(Math.max(180_000, RUNS * 200));

/** The row count of every ITSM table. */
async function rowCounts(knex: Knex): Promise<Record<string, number>> {
  const postgres = String(knex.client.config.client).startsWith('pg');
  const tables: string[] = postgres
    ? (
        await knex('pg_tables')
          .select('tablename as name')
          .where('schemaname', knex.raw('current_schema()'))
          .where('tablename', 'like', 'itsm_%')
      ).map(row => row.name)
    : (
        await knex('sqlite_master')
          .select('name')
          .where('type', 'table')
          .where('name', 'like', 'itsm_%')
      ).map(row => row.name);
  const counts: Record<string, number> = {};
  for (const table of tables.filter(t => t.startsWith('itsm_')).sort()) {
    const [row] = await knex(table).count({ n: '*' });
    counts[table] = Number((row as { n: unknown }).n);
  }
  return counts;
}

const AUTH = {
  user: () => asUser(ALICE),
  service: () => mockCredentials.service.header(),
  none: () => undefined,
  garbage: () => 'Bearer not-a-token',
};

describe.each(databases.eachSupportedId())(
  'hostile requests on %p',
  databaseId => {
    it(`answers ${RUNS} malformed and hostile requests across every route with no 5xx, and writes nothing on a 4xx`, async () => {
      const backend = await startItsmBackend({
        databaseId,
        entities: [...testEntities, ...changeEntities],
        features: [ownershipUserInfo()],
      });
      const knex = backend.knex!;
      // Something to aim at: an incident, a change, a problem and a known error exist.
      await incidentApi(backend).create();
      await changeApi(backend).create(PRIYA);
      await problemApi(backend).create();
      await problemApi(backend).createKnownError({
        entityRefs: ['component:default/cart'],
      });
      // ... and an SLA with a review and its action, a complaint and a survey campaign.
      await slaApi(backend).slas.created({
        effectiveFrom: new Date(Date.now() + 60_000).toISOString(),
      });
      const created = async (path: string, body: object) => {
        const res = await backend
          .api()
          .post(`/api/itsm${path}`)
          .set('Authorization', asUser(ALICE))
          .send(body);
        expect([path, res.status, res.text]).toEqual([path, 201, res.text]);
      };
      await created('/reviews', {
        entityRef: 'component:default/payments',
        scheduledFor: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      });
      await created('/reviews/REV-1/actions', {
        title: 'Write it up',
        owner: ALICE,
        dueDate: '2030-01-15',
      });
      await created('/complaints', {
        title: 'Charged twice',
        description: 'Order 4711',
        entityRef: 'component:default/cart',
      });
      await created('/surveys', {
        title: 'Payments Q1',
        entityRef: 'component:default/payments',
      });
      // ... and an improvement item without a KPI (approving it measures nothing).
      await created('/improvements', {
        title: 'Size the cart pool for the peak',
        description: 'Timeouts at the monthly peak',
        entityRefs: ['component:default/cart'],
        source: 'incident_trend',
        sourceId: 'INC-1',
        benefit: 3,
        effort: 2,
        urgency: 3,
      });

      let counts = await rowCounts(knex);
      expect(Object.keys(counts).length).toBeGreaterThan(10);
      const statuses = new Map<number, number>();
      const reached = new Set<string>();

      await fc.assert(
        fc.asyncProperty(
          hostileRequest,
          fc.constantFrom<keyof typeof AUTH>(
            'user',
            'user',
            'user',
            'user',
            'service',
            'none',
            'garbage',
          ),
          async (request: HostileRequest, auth) => {
            let req = backend.api()[request.method](`/api/itsm${request.path}`);
            const authorization = AUTH[auth]();
            if (authorization) {
              req = req.set('Authorization', authorization);
            }
            req = req.set(request.headers).query(request.query);
            // Bodies go as bytes, whatever Content-Type says.
            const raw =
              request.rawBody ??
              (request.body === undefined
                ? undefined
                : JSON.stringify(request.body));
            const res = await (raw === undefined ? req : req.send(raw));
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            reached.add(`${request.method} ${request.path.split('/')[1]}`);
            if (res.status >= 500) {
              throw new Error(
                `${request.method.toUpperCase()} ${request.path} answered ${
                  res.status
                }: ${res.text.slice(0, 500)}`,
              );
            }
            // A refused request writes nothing; an accepted one may.
            const after = await rowCounts(knex);
            expect([request.method, request.path, after]).toEqual([
              request.method,
              request.path,
              res.status >= 400 ? counts : after,
            ]);
            counts = after;
          },
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );

      // The slice reached the API broadly, not one corner of it.
      expect(reached.size).toBeGreaterThan(Math.min(OPERATIONS.length, 10));
      if (process.env.ITSM_FUZZ_REPORT) {
        // eslint-disable-next-line no-console
        console.log(
          `${databaseId}: ${RUNS} requests over ${
            OPERATIONS.length
          } operations; statuses ${JSON.stringify(
            Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
          )}`,
        );
      }
    });
  },
);
