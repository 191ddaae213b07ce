import { isInvitationSampled } from '@backstage-itsm/plugin-itsm-common';
import { catalogGraph } from '../../__testUtils__/catalogGraph';
import { incidentApi, MOVE_FIELDS } from '../../__testUtils__/incidentApi';
import { permissionsFor } from '../../__testUtils__/permissions';
import { OWNERSHIP, ownershipUserInfo } from '../../__testUtils__/slaApi';
import {
  ALICE,
  ItsmTestBackend,
  asUser,
  databases,
  startItsmBackend,
  testConfig,
  testEntities,
} from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

const BOB = 'user:default/bob';
const CAROL = 'user:default/carol';
const OLIVIA = 'user:default/olivia';
const CART = 'component:default/cart';

/** The test catalog, with checkout depending on cart and its team holding carol. */
const entities = [
  ...testEntities,
  ...catalogGraph(
    [
      ['component:default/checkout'],
      ['group:default/checkout-team'],
      ['user:default/carol'],
    ],
    [
      ['component:default/checkout', 'dependsOn', CART],
      ['component:default/checkout', 'ownedBy', 'group:default/checkout-team'],
      ['group:default/checkout-team', 'hasMember', CAROL],
    ],
  ),
].map(entity =>
  entity.metadata.name === 'cart'
    ? {
        ...entity,
        relations: [
          { type: 'dependencyOf', targetRef: 'component:default/checkout' },
        ],
      }
    : entity,
);

function satisfactionApi(backend: ItsmTestBackend, user = ALICE) {
  const { api } = backend;
  const auth = (as: string) => asUser(as);
  return {
    get: (path: string, as = user) =>
      api().get(`/api/itsm${path}`).set('Authorization', auth(as)),
    post: (path: string, body: object, as = user) =>
      api().post(`/api/itsm${path}`).set('Authorization', auth(as)).send(body),
    patch: (
      path: string,
      version: number | undefined,
      body: object,
      as = user,
    ) => {
      const req = api()
        .patch(`/api/itsm${path}`)
        .set('Authorization', auth(as));
      if (version !== undefined) req.set('If-Match', `"${version}"`);
      return req.send(body);
    },
    transition: (
      id: string,
      version: number | undefined,
      body: object,
      as = user,
    ) => {
      const req = api()
        .post(`/api/itsm/surveys/${id}/transitions`)
        .set('Authorization', auth(as));
      if (version !== undefined) req.set('If-Match', `"${version}"`);
      return req.send(body);
    },
  };
}

async function resolve(
  backend: ItsmTestBackend,
  incident: { id: string; version: number },
  as = OLIVIA,
) {
  const incidents = incidentApi(backend, as);
  let current = incident;
  for (const to of ['in_progress', 'resolved'] as const) {
    const res = await incidents.transition(current.id, current.version, {
      to,
      ...(MOVE_FIELDS[to] ?? {}),
    });
    if (res.status !== 200) {
      throw new Error(`move to ${to} failed: ${res.status} ${res.text}`);
    }
    current = res.body;
  }
  return current;
}

const sampled = (rate: number) => ({
  itsm: { ...testConfig.itsm, satisfaction: { sampleRate: rate } },
});

describe('satisfaction API', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('tells the reporter of a resolution, invites them to rate it once, and asks again after a reopen', async () => {
      const backend = await startItsmBackend({
        databaseId,
        config: sampled(1),
        entities,
      });
      const alice = satisfactionApi(backend);
      const incident = await incidentApi(backend).create();
      let resolved = await resolve(backend, incident);

      // The notice and the invitation share the scope: one notification for alice.
      const sends = backend.notifications.send.mock.calls.map(
        ([options]: any[]) => options,
      );
      const toAlice = sends.filter(
        s =>
          s.recipients.entityRef === ALICE ||
          s.recipients.entityRef?.[0] === ALICE,
      );
      expect(toAlice.map(s => [s.payload.scope, s.payload.link])).toEqual([
        [
          `itsm:incident:${incident.id}:resolved`,
          `/itsm/incidents/${incident.id}`,
        ],
        [
          `itsm:incident:${incident.id}:resolved`,
          `/itsm/surveys/respond?incident=${incident.id}`,
        ],
      ]);

      const mine = await alice.get(
        `/survey-invitations?incidentId=${incident.id}`,
      );
      expect(mine.status).toBe(200);
      expect(mine.body.items).toEqual([
        expect.objectContaining({
          source: { type: 'incident', id: incident.id },
          title: incident.title,
          state: 'pending',
        }),
      ]);

      // Bad answers: 400 naming the field, nothing written.
      const low = await alice.post(`/incidents/${incident.id}/satisfaction`, {
        answers: { rating: 1 },
      });
      expect(low.status).toBe(400);
      expect(low.body.error.message).toMatch(/comment/);
      const shape = await alice.post(`/incidents/${incident.id}/satisfaction`, {
        answers: { rating: 4 },
        extra: true,
      });
      expect(shape.status).toBe(400);

      const rated = await alice.post(`/incidents/${incident.id}/satisfaction`, {
        answers: { rating: 4 },
      });
      expect(rated.status).toBe(201);
      expect(rated.body).toMatchObject({
        source: { type: 'incident', id: incident.id },
        respondent: ALICE,
        rating: 4,
        entityRef: CART,
      });
      const again = await alice.post(`/incidents/${incident.id}/satisfaction`, {
        answers: { rating: 5 },
      });
      expect(again.status).toBe(409);
      const bob = await alice.post(
        `/incidents/${incident.id}/satisfaction`,
        { answers: { rating: 5 } },
        BOB,
      );
      expect(bob.status).toBe(403);
      const unknown = await alice.post('/incidents/INC-999/satisfaction', {
        answers: { rating: 5 },
      });
      expect(unknown.status).toBe(404);

      // Reopened and resolved again: the next cycle asks again.
      const reopened = await incidentApi(backend, OLIVIA).transition(
        resolved.id,
        resolved.version,
        { to: 'in_progress' },
      );
      expect(reopened.status).toBe(200);
      const res = await incidentApi(backend, OLIVIA).transition(
        resolved.id,
        reopened.body.version,
        { to: 'resolved', ...MOVE_FIELDS.resolved },
      );
      resolved = res.body;
      const second = await alice.post(
        `/incidents/${incident.id}/satisfaction`,
        {
          answers: { rating: 2 },
          comment: 'It broke again the same day',
        },
      );
      expect(second.status).toBe(201);

      const figures = await alice.get(`/satisfaction?entityRef=${CART}`);
      expect(figures.status).toBe(200);
      expect(figures.body.figures).toMatchObject({
        ratings: 2,
        csatPercent: 50,
        meanRating: 3,
        invited: 2,
        responses: 2,
        responseRatePercent: 100,
        tooFew: true,
      });
      expect(figures.body.comments).toEqual([
        expect.objectContaining({
          comment: 'It broke again the same day',
          rating: 2,
          source: { type: 'incident', id: incident.id },
        }),
      ]);
      const summary = await alice.get(
        `/satisfaction/summary?entityRef=${CART}`,
      );
      expect(summary.body.figures.ratings).toBe(2);

      // An invitation not answered before a reopen: nothing to rate while the incident is
      // open again (409, nothing written); rated once it is resolved again.
      const other = await incidentApi(backend).create();
      const otherResolved = await resolve(backend, other);
      const reopenedOther = await incidentApi(backend, OLIVIA).transition(
        otherResolved.id,
        otherResolved.version,
        { to: 'in_progress' },
      );
      expect(reopenedOther.status).toBe(200);
      const whileOpen = await alice.post(
        `/incidents/${other.id}/satisfaction`,
        { answers: { rating: 5 } },
      );
      expect(whileOpen.status).toBe(409);
      expect(whileOpen.body.error.message).toMatch(/in_progress again/);
      const unchanged = await alice.get(`/satisfaction?entityRef=${CART}`);
      expect(unchanged.body.figures.ratings).toBe(2);
      await incidentApi(backend, OLIVIA).transition(
        other.id,
        reopenedOther.body.version,
        { to: 'resolved', ...MOVE_FIELDS.resolved },
      );
      const afterResolution = await alice.post(
        `/incidents/${other.id}/satisfaction`,
        { answers: { rating: 5 } },
      );
      expect(afterResolution.status).toBe(201);
    });

    it('samples resolutions deterministically, and tells the reporter either way', async () => {
      const backend = await startItsmBackend({
        databaseId,
        config: sampled(0.5),
      });
      const expected: string[] = [];
      for (let i = 0; i < 6; i++) {
        const incident = await incidentApi(backend).create();
        if (isInvitationSampled(incident.id, 1, 0.5))
          expected.push(incident.id);
        await resolve(backend, incident);
      }
      const invited = await backend.knex!('itsm_survey_invitations')
        .orderBy('incident_seq')
        .pluck('incident_seq');
      expect(invited.map(seq => `INC-${seq}`)).toEqual(expected);
      const notices = backend.notifications.send.mock.calls.filter(
        ([options]: any[]) =>
          options.payload.topic === 'itsm:incident:resolved',
      );
      expect(notices).toHaveLength(6);

      // Nobody asks a reporter who resolved their own incident.
      const own = await incidentApi(backend).create();
      await resolve(backend, own, ALICE);
      expect(
        backend.notifications.send.mock.calls.filter(
          ([options]: any[]) =>
            options.payload.scope === `itsm:incident:${own.id}:resolved`,
        ),
      ).toEqual([]);
    });

    it('runs a campaign through the record routes: create, edit, open, answer, close', async () => {
      const backend = await startItsmBackend({
        databaseId,
        entities,
        features: [
          permissionsFor(BOB, {
            deny: ['itsm.survey.manage', 'itsm.sla.read'],
          }).factory,
          // olivia is in team-b, which owns cart.
          ownershipUserInfo({
            ...OWNERSHIP,
            [OLIVIA]: [OLIVIA, 'group:default/team-b'],
          }),
        ],
      });
      const api = satisfactionApi(backend, OLIVIA);
      const body = {
        title: 'Cart Q1',
        entityRef: CART,
        audience: { slaCustomers: true, consumerOwners: true, extra: [BOB] },
      };
      expect((await api.post('/surveys', body, BOB)).status).toBe(403);
      // Allowed to manage surveys, but not an owner of cart.
      const notOwner = await api.post('/surveys', body, ALICE);
      expect(notOwner.status).toBe(403);
      expect(notOwner.body.error.message).toMatch(/only owners of/);
      expect(
        (
          await api.post('/surveys', {
            ...body,
            entityRef: 'component:default/nope',
          })
        ).status,
      ).toBe(400);
      expect(
        (await api.post('/surveys', { ...body, templateId: 'nope' })).body.error
          .message,
      ).toMatch(/templateId/);
      const created = await api.post('/surveys', body);
      expect(created.status).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      expect(created.body).toMatchObject({
        id: 'SUR-1',
        status: 'draft',
        templateId: 'service-satisfaction',
        questions: expect.arrayContaining([
          expect.objectContaining({ id: 'overall', type: 'rating' }),
        ]),
      });
      const id = created.body.id;

      expect(
        (await api.patch(`/surveys/${id}`, undefined, { title: 'x' })).status,
      ).toBe(428);
      expect(
        (await api.patch(`/surveys/${id}`, 9, { title: 'x' })).status,
      ).toBe(412);
      expect(
        (await api.patch(`/surveys/${id}`, 1, { status: 'open' })).status,
      ).toBe(400);
      const edited = await api.patch(`/surveys/${id}`, 1, { anonymous: true });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ version: 2, anonymous: true });

      // Opening needs a closing time in the future.
      const noClose = await api.transition(id, 2, { to: 'open' });
      expect(noClose.status).toBe(400);
      expect(noClose.body.error.message).toMatch(/closesAt/);
      const opened = await api.transition(id, 2, {
        to: 'open',
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      });
      expect(opened.status).toBe(200);
      // carol owns checkout, a consumer of cart; bob was named.
      expect(opened.body).toMatchObject({ status: 'open', invited: 2 });
      const invitation = backend.notifications.send.mock.calls
        .map(([options]: any[]) => options)
        .find(o => o.payload.scope === `itsm:survey:${id}:invitation`);
      expect(invitation.recipients.entityRef).toEqual([BOB, CAROL]);

      const answer = {
        answers: { overall: 5, recommend: 9, matters: 'Reliability' },
      };
      const carol = await api.post(`/surveys/${id}/responses`, answer, CAROL);
      expect(carol.status).toBe(201);
      expect(carol.body.respondent).toBeNull();
      expect(
        (await api.post(`/surveys/${id}/responses`, answer, CAROL)).status,
      ).toBe(409);
      expect(
        (await api.post(`/surveys/${id}/responses`, answer, ALICE)).status,
      ).toBe(403);
      expect(
        (await api.post('/surveys/SUR-9/responses', answer, CAROL)).status,
      ).toBe(404);
      expect(
        (
          await api.post(
            `/surveys/${id}/responses`,
            { answers: { overall: 'five' } },
            BOB,
          )
        ).status,
      ).toBe(400);

      // Figures need itsm.sla.read.
      expect(
        (await api.get(`/satisfaction?entityRef=${CART}`, BOB)).status,
      ).toBe(403);
      const list = await api.get(`/surveys?entityRef=${CART}&status=open`);
      expect(list.body).toMatchObject({
        items: [expect.objectContaining({ id, invited: 2, responses: 1 })],
        nextCursor: null,
      });

      const closed = await api.transition(id, 3, { to: 'closed' });
      expect(closed.status).toBe(200);
      expect((await api.transition(id, 4, { to: 'open' })).status).toBe(409);
      expect(
        (await api.post(`/surveys/${id}/responses`, answer, BOB)).status,
      ).toBe(409);
      const history = await api.get(`/surveys/${id}/history`);
      expect(history.body.items.map((e: any) => e.action)).toEqual([
        'create',
        'update',
        'transition',
        'transition',
      ]);
      // Links through the kernel.
      const links = await api.get(`/surveys/${id}/links`);
      expect(links.status).toBe(200);
      expect((await api.get('/surveys/SUR-77')).status).toBe(404);
    });

    it('lists built-in and own templates; built-in ones do not change', async () => {
      const backend = await startItsmBackend({ databaseId });
      const api = satisfactionApi(backend, OLIVIA);
      const list = await api.get('/survey-templates');
      expect(list.body.items.map((t: any) => [t.id, t.builtIn])).toEqual([
        ['incident-resolution', true],
        ['service-satisfaction', true],
      ]);
      const builtIn = await api.patch(
        '/survey-templates/service-satisfaction',
        1,
        {
          title: 'x',
        },
      );
      expect(builtIn.status).toBe(409);
      const noScore = await api.post('/survey-templates', {
        id: 'text-only',
        title: 'Text only',
        questions: [{ id: 'why', type: 'text', text: 'Why?' }],
      });
      expect(noScore.status).toBe(400);
      expect(noScore.body.error.message).toMatch(/rating or an NPS question/);
      const mine = await api.post('/survey-templates', {
        id: 'short',
        title: 'Short',
        questions: [
          { id: 'r', type: 'rating', text: 'How was it?', required: true },
        ],
      });
      expect(mine.status).toBe(201);
      expect(
        (
          await api.post('/survey-templates', {
            id: 'short',
            title: 'Again',
            questions: [{ id: 'r', type: 'rating', text: 'R' }],
          })
        ).status,
      ).toBe(409);
      const patched = await api.patch('/survey-templates/short', 1, {
        title: 'Shorter',
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ version: 2, title: 'Shorter' });
      const history = await api.get('/survey-templates/short/history');
      expect(history.body.items.map((e: any) => e.action)).toEqual([
        'create',
        'update',
      ]);
    });
  });
});
