import { recordApi } from './recordApi';
import { ALICE, ItsmTestBackend } from './testBackend';

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
  const helpers = recordApi(backend, {
    collection: 'problems',
    newRecord: newProblem,
    user,
  });
  return {
    ...helpers,
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
}
