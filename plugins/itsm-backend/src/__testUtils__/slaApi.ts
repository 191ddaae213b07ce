import { mockServices } from '@backstage/backend-test-utils';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { ALICE, ItsmTestBackend, asUser } from './testBackend';

/* Owners for the agreement tests: payments is owned by team-a (spec.owner), cart by team-b. */

export { ALICE };
export const BOB = 'user:default/bob';
export const CAROL = 'user:default/carol';
export const DAN = 'user:default/dan';
export const TEAM_A = 'group:default/team-a';
export const TEAM_B = 'group:default/team-b';
export const PAYMENTS = 'component:default/payments';
export const CART = 'component:default/cart';

/**
 * Who owns what through group membership (alice in team-a, bob in team-b, carol in neither, dan
 * in both).
 */
export const OWNERSHIP: Record<string, string[]> = {
  [ALICE]: [ALICE, TEAM_A],
  [BOB]: [BOB, TEAM_B],
  [CAROL]: [CAROL],
  [DAN]: [DAN, TEAM_A, TEAM_B],
};

/** A user info service that answers the ownership refs of {@link OWNERSHIP}. */
export function ownershipUserInfo(ownership = OWNERSHIP) {
  return mockServices.userInfo.mock({
    getUserInfo: async (credentials: BackstageCredentials) => {
      const ref = (credentials.principal as BackstageUserPrincipal)
        .userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: ownership[ref] ?? [ref],
      };
    },
  }).factory;
}

/**
 * Fakes the clock of the test and of the backend it runs (only `Date`; timers and I/O keep
 * running), so agreements can be made from fixed dates: terms cannot be backdated. Undo with
 * `jest.useRealTimers()`.
 */
export function setNow(at: string | Date) {
  jest.useFakeTimers({
    now: new Date(at),
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

/** Before the dates of {@link newSla} and {@link newOla}: tests run at this instant. */
export const TEST_NOW = '2025-11-03T09:00:00.000Z';

/** A valid `POST /slas` body for payments on EU business hours. */
export function newSla(overrides: Record<string, unknown> = {}) {
  return {
    entityRef: PAYMENTS,
    title: 'Payments SLA',
    customerGroups: ['group:default/Retail'],
    calendarId: 'business-hours-eu',
    targets: {
      incidents: {
        p1: { response: { duration: '15m' }, resolution: { duration: '4h' } },
        p2: { response: { duration: '1h' }, resolution: { duration: '8h' } },
      },
      availabilityPercent: 99.9,
    },
    workloadLimits: { incidentsPerMonth: 50 },
    exceptions: 'Planned maintenance announced a week ahead',
    reviewCadence: 'quarterly',
    effectiveFrom: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A valid `POST /supporting-agreements` body: an OLA with the payments support group. */
export function newOla(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'ola',
    entityRef: PAYMENTS,
    title: 'Payments support OLA',
    internalGroup: 'group:default/payments-support',
    calendarId: 'business-hours-eu',
    targets: {
      incidents: {
        p1: { response: { duration: '10m' }, resolution: { duration: '3h' } },
      },
    },
    effectiveFrom: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A valid underpinning contract with a supplier. */
export function newUc(overrides: Record<string, unknown> = {}) {
  return newOla({
    kind: 'uc',
    title: 'Card network contract',
    internalGroup: undefined,
    supplier: 'Acme Card Networks',
    contractRef: 'ACME-2026-17',
    targets: { incidents: {}, availabilityPercent: 99.95 },
    ...overrides,
  });
}

/** Helpers over the SLA and supporting agreement APIs of a test backend. */
export function slaApi(backend: ItsmTestBackend, user = ALICE) {
  const { api } = backend;
  const auth = (req: any, as: string) => req.set('Authorization', asUser(as));
  const ifMatch = (req: any, version: string | number | undefined) =>
    version === undefined
      ? req
      : req.set(
          'If-Match',
          typeof version === 'number' ? `"${version}"` : version,
        );
  const collection = (path: string) => ({
    create: (body: object, as = user) => auth(api().post(path).send(body), as),
    get: (id: string, as = user) => auth(api().get(`${path}/${id}`), as),
    list: (query = '', as = user) => auth(api().get(`${path}${query}`), as),
    patch: (
      id: string,
      version: string | number | undefined,
      body: object,
      as = user,
    ) => ifMatch(auth(api().patch(`${path}/${id}`), as), version).send(body),
    revisions: (id: string, as = user) =>
      auth(api().get(`${path}/${id}/revisions`), as),
    history: (id: string, as = user) =>
      auth(api().get(`${path}/${id}/history?limit=200`), as),
  });
  const slas = collection('/api/itsm/slas');
  const supporting = collection('/api/itsm/supporting-agreements');
  return {
    slas: {
      ...slas,
      alignment: (id: string, as = user) =>
        auth(api().get(`/api/itsm/slas/${id}/alignment`), as),
      /** Creates an SLA and returns it; throws unless 201. */
      async created(overrides: Record<string, unknown> = {}, as = user) {
        const res = await slas.create(newSla(overrides), as);
        if (res.status !== 201) {
          throw new Error(`SLA create failed: ${res.status} ${res.text}`);
        }
        return res.body;
      },
    },
    supporting: {
      ...supporting,
      /** Creates an OLA or UC from a full body and returns it; throws unless 201. */
      async created(body: object, as = user) {
        const res = await supporting.create(body, as);
        if (res.status !== 201) {
          throw new Error(`agreement create failed: ${res.status} ${res.text}`);
        }
        return res.body;
      },
    },
  };
}
