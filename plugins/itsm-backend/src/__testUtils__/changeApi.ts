import { ChangeStatus } from '@backstage-itsm/plugin-itsm-common';
import { catalogGraph } from './catalogGraph';
import { ItsmTestBackend, asUser } from './testBackend';

/* The demo organisation of examples/org.yaml, small: who is in which group. */

export const GUEST = 'user:default/guest';
export const MARCUS = 'user:default/marcus.reed';
export const MARIA = 'user:default/maria.garcia';
export const SOFIA = 'user:default/sofia.rossi';
export const LARS = 'user:default/lars.becker';
export const PRIYA = 'user:default/priya.sharma';
export const TOM = 'user:default/tom.oconnor';
export const KATRIN = 'user:default/katrin.vogel';

export const CHANGE_MANAGERS = 'group:default/change-managers';
export const CAB = 'group:default/cab';
export const ECAB = 'group:default/ecab';
export const PLATFORM = 'group:default/platform-team';
export const PAYMENTS = 'group:default/payments-team';

const MEMBERSHIPS: Array<[string, string[]]> = [
  [GUEST, ['platform-team']],
  [MARCUS, ['operations', 'change-managers', 'cab', 'ecab']],
  [MARIA, ['sre-team', 'change-managers', 'cab', 'ecab']],
  [SOFIA, ['payments-team', 'cab', 'ecab']],
  [LARS, ['platform-team', 'cab']],
  [PRIYA, ['platform-team']],
  [TOM, ['sre-team', 'change-managers']],
  [KATRIN, ['engineering', 'cab']],
];
const GROUPS = [
  'operations',
  'change-managers',
  'cab',
  'ecab',
  'sre-team',
  'payments-team',
  'platform-team',
  'engineering',
];

/** Services, a system and the dependency graph the change tests use. */
export const PAYMENTS_API = 'component:default/payments-api';
export const PAYMENTS_DB = 'resource:default/payments-db';
export const CHECKOUT = 'component:default/checkout';
export const SEARCH = 'component:default/search';
export const GATEWAY = 'component:default/gateway';

/** Users, groups with members, components with owners, a system and relations. */
export const changeEntities = catalogGraph(
  [
    ...MEMBERSHIPS.map(([user]) => [user] as [string]),
    ...GROUPS.map(g => [`group:default/${g}`] as [string]),
    ['system:default/payments'],
    [PAYMENTS_API, { annotations: { 'itsm/tier': '2' } }],
    [PAYMENTS_DB],
    [CHECKOUT],
    [SEARCH],
    [GATEWAY, { annotations: { 'itsm/tier': '1' } }],
  ],
  [
    ...MEMBERSHIPS.flatMap(([user, groups]) =>
      groups.map(
        g =>
          [user, 'memberOf', `group:default/${g}`] as [string, string, string],
      ),
    ),
    [PAYMENTS_API, 'ownedBy', PAYMENTS],
    [PAYMENTS_DB, 'ownedBy', PAYMENTS],
    [CHECKOUT, 'ownedBy', PLATFORM],
    [SEARCH, 'ownedBy', PLATFORM],
    [GATEWAY, 'ownedBy', PLATFORM],
    [PAYMENTS_API, 'partOf', 'system:default/payments'],
    [PAYMENTS_DB, 'partOf', 'system:default/payments'],
    [PAYMENTS_API, 'dependsOn', PAYMENTS_DB],
    [CHECKOUT, 'dependsOn', PAYMENTS_API],
  ],
);

/** Questionnaire answers of each risk (scores 0, 6 and 13). */
export const ANSWERS = {
  low: {
    tested: 'yes',
    outage: 'no',
    backout: 'yes',
    implementers: 'one_person',
    failed_before: 'no',
    data_change: 'no',
  },
  medium: {
    tested: 'partially',
    outage: 'degraded',
    backout: 'slower',
    implementers: 'one_person',
    failed_before: 'no',
    data_change: 'no',
  },
  high: {
    tested: 'no',
    outage: 'yes',
    backout: 'no',
    implementers: 'one_person',
    failed_before: 'no',
    data_change: 'no',
  },
};

const H = 3_600_000;
/** A window `hours` from now, lasting `length` hours. */
export function windowIn(hours: number, length = 2) {
  const start = Date.now() + hours * H;
  return {
    plannedStart: new Date(start).toISOString(),
    plannedEnd: new Date(start + length * H).toISOString(),
  };
}

/** A complete `POST /changes` body for a normal change on payments-api. */
export function newChange(overrides: Record<string, unknown> = {}) {
  return {
    type: 'normal',
    title: 'Upgrade the payments API to v2',
    justification: 'Security fixes',
    entityRefs: [PAYMENTS_API],
    ...windowIn(48),
    implementationPlan: 'Roll out with the canary pipeline',
    backoutPlan: 'Roll back to the previous image',
    testPlan: 'Smoke tests and canary metrics',
    riskAnswers: ANSWERS.low,
    ...overrides,
  };
}

/** Helpers over the changes API of a test backend; every call names its user. */
export function changeApi(backend: ItsmTestBackend) {
  const { api } = backend;
  const withIfMatch = (req: any, ifMatch: string | number | undefined) =>
    ifMatch === undefined
      ? req
      : req.set(
          'If-Match',
          typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch,
        );

  const helpers = {
    async create(user: string, overrides: Record<string, unknown> = {}) {
      const res = await api()
        .post('/api/itsm/changes')
        .set('Authorization', asUser(user))
        .send(newChange(overrides));
      if (res.status !== 201) {
        throw new Error(`create failed: ${res.status} ${res.text}`);
      }
      return res.body;
    },
    get: (id: string, user: string) =>
      api().get(`/api/itsm/changes/${id}`).set('Authorization', asUser(user)),
    list: (query: string, user: string) =>
      api().get(`/api/itsm/changes${query}`).set('Authorization', asUser(user)),
    async history(id: string, user: string) {
      const res = await api()
        .get(`/api/itsm/changes/${id}/history?limit=200`)
        .set('Authorization', asUser(user));
      return res.body.items as Array<Record<string, any>>;
    },
    patch: (
      id: string,
      user: string,
      ifMatch: string | number | undefined,
      body: object,
    ) =>
      withIfMatch(
        api()
          .patch(`/api/itsm/changes/${id}`)
          .set('Authorization', asUser(user)),
        ifMatch,
      ).send(body),
    transition: (
      id: string,
      user: string,
      ifMatch: string | number | undefined,
      body: object,
    ) =>
      withIfMatch(
        api()
          .post(`/api/itsm/changes/${id}/transitions`)
          .set('Authorization', asUser(user)),
        ifMatch,
      ).send(body),
    decide: (id: string, user: string, decision: string, comment?: string) =>
      api()
        .post(`/api/itsm/changes/${id}/approvals`)
        .set('Authorization', asUser(user))
        .send({ decision, ...(comment ? { comment } : {}) }),
    async move(
      change: { id: string; version: number },
      user: string,
      to: ChangeStatus,
      fields: object = {},
    ) {
      const res = await helpers.transition(change.id, user, change.version, {
        to,
        ...fields,
      });
      if (res.status !== 200) {
        throw new Error(`move to ${to} failed: ${res.status} ${res.text}`);
      }
      return res.body;
    },
    /** A change by `user` walked into authorization (emergency changes skip assessment). */
    async inAuthorization(
      user: string,
      overrides: Record<string, unknown> = {},
    ) {
      let change = await helpers.create(user, overrides);
      if (change.type !== 'emergency') {
        change = await helpers.move(change, user, 'assessment');
      }
      return helpers.move(change, user, 'authorization');
    },
    queue: (user: string) =>
      api().get('/api/itsm/approval-queue').set('Authorization', asUser(user)),
  };
  return helpers;
}
