import { ALICE, ItsmTestBackend, asUser } from './testBackend';

/** A valid `POST /problems` body on `cart`. */
export function newProblem(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Checkout times out under load',
    statement: 'Card payments time out several times a week',
    entityRefs: ['component:default/cart'],
    impact: 2,
    urgency: 2,
    ...overrides,
  };
}

/** Small helpers over the problems and known-errors API of a test backend, as one user. */
export function problemApi(backend: ItsmTestBackend, user = ALICE) {
  const { api } = backend;
  const auth = () => asUser(user);
  const versioned = (
    req: ReturnType<ReturnType<typeof api>['post']>,
    ifMatch: number | string | undefined,
  ) =>
    ifMatch === undefined
      ? req
      : req.set(
          'If-Match',
          typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch,
        );

  const helpers = {
    post: (path: string, body: object) =>
      api().post(`/api/itsm${path}`).set('Authorization', auth()).send(body),
    get: (path: string) =>
      api().get(`/api/itsm${path}`).set('Authorization', auth()),
    async create(overrides: Record<string, unknown> = {}) {
      const res = await helpers.post('/problems', newProblem(overrides));
      if (res.status !== 201) {
        throw new Error(`create failed: ${res.status} ${res.text}`);
      }
      return res.body;
    },
    patch: (id: string, ifMatch: number | string | undefined, body: object) =>
      versioned(
        api().patch(`/api/itsm/problems/${id}`).set('Authorization', auth()),
        ifMatch,
      ).send(body),
    transition: (
      id: string,
      ifMatch: number | string | undefined,
      body: object,
    ) =>
      versioned(
        api()
          .post(`/api/itsm/problems/${id}/transitions`)
          .set('Authorization', auth()),
        ifMatch,
      ).send(body),
    async move(
      problem: { id: string; version: number },
      to: string,
      fields: object = {},
    ) {
      const res = await helpers.transition(problem.id, problem.version, {
        to,
        ...fields,
      });
      if (res.status !== 200) {
        throw new Error(`move to ${to} failed: ${res.status} ${res.text}`);
      }
      return res.body;
    },
    async history(id: string) {
      const res = await helpers.get(`/problems/${id}/history?limit=200`);
      return res.body.items as Array<Record<string, any>>;
    },
    async detect() {
      const res = await helpers.post('/problem-detection/runs', {});
      if (res.status !== 200) {
        throw new Error(`detection failed: ${res.status} ${res.text}`);
      }
      return res.body.proposed as string[];
    },
    async createKnownError(body: Record<string, unknown>) {
      const res = await helpers.post('/known-errors', {
        title: 'Connection pool exhausted',
        symptom: 'Checkout times out; logs show "connection pool exhausted"',
        workaround: 'Restart the payments pods one by one',
        entityRefs: ['component:default/payments'],
        matchRules: { text: ['connection pool', 'timeout'] },
        ...body,
      });
      if (res.status !== 201) {
        throw new Error(`create failed: ${res.status} ${res.text}`);
      }
      return res.body;
    },
  };
  return helpers;
}
