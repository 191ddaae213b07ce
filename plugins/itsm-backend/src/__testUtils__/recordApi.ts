import { ALICE, ItsmTestBackend, asUser } from './testBackend';

/** A request with `If-Match` when a version is given: a number quoted, a string as it is. */
export function withIfMatch<T extends { set(name: string, value: string): T }>(
  req: T,
  ifMatch: number | string | undefined,
): T {
  return ifMatch === undefined
    ? req
    : req.set(
        'If-Match',
        typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch,
      );
}

/**
 * Small helpers over one record collection of a test backend (`/api/itsm/{collection}`), as
 * one user: plain `post` and `get`, `create` from `newRecord` (throws unless 201), `patch`
 * and `transition` with `If-Match`, `move` (throws unless 200), the `history` and `post`
 * with `If-Match` to a path of a record (`write`).
 */
export function recordApi(
  backend: ItsmTestBackend,
  options: {
    collection: string;
    newRecord: (overrides: Record<string, unknown>) => object;
    user?: string;
  },
) {
  const { api } = backend;
  const { collection } = options;
  const auth = () => asUser(options.user ?? ALICE);
  const helpers = {
    post: (path: string, body?: object) =>
      api().post(`/api/itsm${path}`).set('Authorization', auth()).send(body),
    get: (path: string) =>
      api().get(`/api/itsm${path}`).set('Authorization', auth()),
    /** `POST /{collection}/{id}/{action}` with `If-Match`. */
    write: (
      id: string,
      action: string,
      ifMatch: number | string | undefined,
      body?: object,
    ) =>
      withIfMatch(
        api()
          .post(`/api/itsm/${collection}/${id}/${action}`)
          .set('Authorization', auth()),
        ifMatch,
      ).send(body),
    async create(overrides: Record<string, unknown> = {}) {
      const res = await helpers.post(
        `/${collection}`,
        options.newRecord(overrides),
      );
      if (res.status !== 201) {
        throw new Error(`create failed: ${res.status} ${res.text}`);
      }
      return res.body;
    },
    patch: (id: string, ifMatch: number | string | undefined, body: object) =>
      withIfMatch(
        api()
          .patch(`/api/itsm/${collection}/${id}`)
          .set('Authorization', auth()),
        ifMatch,
      ).send(body),
    transition: (
      id: string,
      ifMatch: number | string | undefined,
      body: object,
    ) => helpers.write(id, 'transitions', ifMatch, body),
    async move(
      record: { id: string; version: number },
      to: string,
      fields: object = {},
    ) {
      const res = await helpers.transition(record.id, record.version, {
        to,
        ...fields,
      });
      if (res.status !== 200) {
        throw new Error(`move to ${to} failed: ${res.status} ${res.text}`);
      }
      return res.body;
    },
    async history(id: string) {
      const res = await helpers.get(`/${collection}/${id}/history?limit=200`);
      return res.body.items as Array<Record<string, any>>;
    },
  };
  return helpers;
}
