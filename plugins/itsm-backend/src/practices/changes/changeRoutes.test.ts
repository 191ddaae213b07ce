import {
  ANSWERS,
  CHECKOUT,
  GUEST,
  PAYMENTS_API,
  PRIYA,
  SEARCH,
  TOM,
  changeApi,
  changeEntities,
  newChange,
  windowIn,
} from '../../__testUtils__/changeApi';
import {
  asUser,
  databases,
  startItsmBackend,
} from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

const start = (databaseId?: any) =>
  startItsmBackend({ databaseId, entities: changeEntities, config: {} });

describe('changes router', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('submits a draft with the caller as requester, its risk and reasons, and a create event', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      const res = await backend
        .api()
        .post('/api/itsm/changes')
        .set('Authorization', asUser(PRIYA))
        .send(newChange({ entityRefs: ['Component:default/Payments-API'] }));
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        id: 'CHG-1',
        version: 1,
        planRevision: 1,
        type: 'normal',
        status: 'draft',
        requester: PRIYA,
        entityRefs: [PAYMENTS_API],
        risk: 'low',
        riskReasons: [expect.stringMatching(/questionnaire score 0/)],
        requiredApprovals: [],
        approvals: [],
        conflicts: [],
        templateId: null,
      });
      expect(backend.signals.publish).toHaveBeenCalledWith(
        expect.objectContaining({
          channel: 'itsm:changes',
          message: { id: 'CHG-1', version: 1 },
        }),
      );

      const read = await changes.get('CHG-1', GUEST);
      expect(read.headers['cache-control']).toBe('no-store');
      expect(read.body).toMatchObject({ canDecide: false });
      const [created] = await changes.history('CHG-1', GUEST);
      expect(created).toMatchObject({
        version: 1,
        actor: PRIYA,
        action: 'create',
        changes: {
          status: [null, 'draft'],
          entityRefs: [null, [PAYMENTS_API]],
          title: [null, 'Upgrade the payments API to v2'],
        },
      });
    });

    it('leaves the risk unassessed while the questionnaire is incomplete, and refuses unknown answers', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      const draft = await changes.create(PRIYA, {
        riskAnswers: { tested: 'yes' },
      });
      expect(draft).toMatchObject({ risk: null, riskReasons: [] });
      const bad = await changes.patch(draft.id, PRIYA, 1, {
        riskAnswers: { tested: 'maybe' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/riskAnswers\.tested/);
      const move = await changes.transition(draft.id, PRIYA, 1, {
        to: 'assessment',
      });
      expect(move.status).toBe(400);
      expect(move.body.error.message).toMatch(
        /riskAnswers\.outage is required/,
      );
    });

    it('filters and pages the list, newest first', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      await changes.create(PRIYA, { title: 'Rotate keys' });
      await changes.create(GUEST, {
        entityRefs: [SEARCH],
        riskAnswers: ANSWERS.high,
      });
      await changes.create(GUEST, {
        type: 'emergency',
        entityRefs: [CHECKOUT],
      });
      const ids = async (query: string) =>
        (await changes.list(query, GUEST)).body.items.map((c: any) => c.id);

      expect(await ids('')).toEqual(['CHG-3', 'CHG-2', 'CHG-1']);
      expect(await ids('?order=asc')).toEqual(['CHG-1', 'CHG-2', 'CHG-3']);
      expect(await ids('?entityRef=component:default/SEARCH')).toEqual([
        'CHG-2',
      ]);
      expect(await ids('?type=emergency&type=standard')).toEqual(['CHG-3']);
      expect(await ids('?risk=high')).toEqual(['CHG-2']);
      expect(await ids(`?requester=${PRIYA}`)).toEqual(['CHG-1']);
      expect(await ids('?q=ROTATE')).toEqual(['CHG-1']);
      expect(await ids('?status=draft')).toHaveLength(3);

      const first = await changes.list('?limit=2', GUEST);
      expect(first.body.items).toHaveLength(2);
      const second = await changes.list(
        `?limit=2&cursor=${first.body.nextCursor}`,
        GUEST,
      );
      expect(second.body).toEqual({
        items: [expect.objectContaining({ id: 'CHG-1' })],
        nextCursor: null,
      });
      expect((await changes.list('?cursor=nope', GUEST)).status).toBe(400);
      expect((await changes.list('?limit=201', GUEST)).status).toBe(400);
      expect((await changes.list('?status=done', GUEST)).status).toBe(400);
    });

    it('answers bad input with 400 and writes nothing', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      const post = (body: object) =>
        backend
          .api()
          .post('/api/itsm/changes')
          .set('Authorization', asUser(PRIYA))
          .send(body);
      for (const body of [
        newChange({ status: 'scheduled' }),
        newChange({ entityRefs: [] }),
        newChange({ entityRefs: ['component:default/nope'] }),
        newChange({ type: 'standard' }),
        newChange({ templateId: 'STD-1' }),
        newChange({ ...windowIn(5), plannedEnd: windowIn(1).plannedStart }),
        newChange({ riskAnswers: { tested: 'maybe' } }),
      ]) {
        const res = await post(body);
        expect(res.status).toBe(400);
      }
      expect((await changes.list('', PRIYA)).body.items).toEqual([]);
      expect((await changes.get('CHG-1', PRIYA)).status).toBe(404);
      expect((await changes.get('INC-1', PRIYA)).status).toBe(404);
    });

    it('answers 428, 400, 412, 409 and 400 in that order, writing nothing', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      const change = await changes.create(PRIYA, { testPlan: null });
      const move = (ifMatch: any, body: object) =>
        changes.transition(change.id, PRIYA, ifMatch, body);

      expect((await move(undefined, { to: 'assessment' })).status).toBe(428);
      expect((await move('3', { to: 'assessment' })).status).toBe(400);
      expect((await move(1, { to: 'nowhere' })).status).toBe(400);
      // Stale wins over an illegal move and over missing fields.
      expect((await move(7, { to: 'closed' })).status).toBe(412);
      expect((await move(7, { to: 'assessment' })).status).toBe(412);
      expect((await move(1, { to: 'closed' })).status).toBe(409);
      expect((await move(1, { to: 'draft' })).status).toBe(409);
      const missing = await move(1, { to: 'assessment' });
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toMatch(/testPlan is required/);
      expect(
        (await move(1, { to: 'cancelled', outcome: 'failed' })).status,
      ).toBe(400);
      expect(await changes.history(change.id, PRIYA)).toHaveLength(1);
      expect((await changes.get(change.id, PRIYA)).body.version).toBe(1);
    });

    it('refuses a client move from authorization to scheduled (409): only the deciding vote makes it', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      const change = await changes.inAuthorization(PRIYA, {
        entityRefs: [SEARCH],
      });
      const res = await changes.transition(change.id, PRIYA, change.version, {
        to: 'scheduled',
      });
      expect(res.status).toBe(409);
    });

    it('walks a normal change to closed: actual window, outcome, outside-window flag, PIR for a failed change', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      let change = await changes.inAuthorization(PRIYA, {
        entityRefs: [SEARCH],
        ...windowIn(-1, 3),
      });
      change = (await changes.decide(change.id, TOM, 'approve')).body;
      change = await changes.move(change, PRIYA, 'implementing');
      expect(change.actualStart).not.toBeNull();
      const noOutcome = await changes.transition(
        change.id,
        PRIYA,
        change.version,
        { to: 'review' },
      );
      expect(noOutcome.status).toBe(400);
      const lateEnd = new Date(Date.parse(change.plannedEnd) + 3_600_000);
      change = await changes.move(change, PRIYA, 'review', {
        outcome: 'failed',
        actualEnd: lateEnd.toISOString(),
      });
      expect(change).toMatchObject({ status: 'review', outcome: 'failed' });
      const history = await changes.history(change.id, PRIYA);
      expect(history[history.length - 1].comment).toMatch(
        /outside the approved window/,
      );

      const noReview = await changes.transition(
        change.id,
        PRIYA,
        change.version,
        { to: 'closed' },
      );
      expect(noReview.status).toBe(400);
      expect(noReview.body.error.message).toMatch(/review/);
      change = await changes.move(change, PRIYA, 'closed', {
        review: { summary: 'Backed out by hand', objectivesMet: false },
      });
      expect(change).toMatchObject({
        status: 'closed',
        review: { summary: 'Backed out by hand', objectivesMet: false },
      });
      expect(
        (await changes.patch(change.id, PRIYA, change.version, { title: 'x' }))
          .status,
      ).toBe(409);
    });

    it('raises the plan revision on plan edits only, re-assesses risk and writes nothing on a no-op', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      const change = await changes.create(PRIYA);

      const noop = await changes.patch(change.id, PRIYA, 1, {
        title: change.title,
        backoutPlan: change.backoutPlan,
        plannedStart: change.plannedStart,
      });
      expect(noop.body.version).toBe(1);
      const title = await changes.patch(change.id, PRIYA, 1, { title: 'New' });
      expect(title.body).toMatchObject({ version: 2, planRevision: 1 });
      const replan = await changes.patch(change.id, PRIYA, 2, {
        entityRefs: [SEARCH, PAYMENTS_API],
        riskAnswers: ANSWERS.medium,
      });
      expect(replan.body).toMatchObject({
        version: 3,
        planRevision: 2,
        entityRefs: [PAYMENTS_API, SEARCH],
        risk: 'medium',
      });
      const history = await changes.history(change.id, PRIYA);
      expect(history[history.length - 1].changes).toMatchObject({
        entityRefs: [[PAYMENTS_API], [PAYMENTS_API, SEARCH]],
        planRevision: [1, 2],
        risk: ['low', 'medium'],
      });
      expect(
        (await changes.patch(change.id, PRIYA, 3, { status: 'closed' })).status,
      ).toBe(400);
      expect(
        (await changes.patch(change.id, PRIYA, 2, { title: 'Stale' })).status,
      ).toBe(412);
      expect(
        (
          await changes.patch(change.id, PRIYA, 3, {
            plannedEnd: new Date(
              Date.parse(change.plannedStart) - 1,
            ).toISOString(),
          })
        ).status,
      ).toBe(400);
    });

    it('links incidents to the change that caused them, and counts them as failures', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      let change = await changes.inAuthorization(PRIYA, {
        entityRefs: [SEARCH],
        ...windowIn(-3, 2),
      });
      change = (await changes.decide(change.id, TOM, 'approve')).body;
      change = await changes.move(change, PRIYA, 'implementing');
      change = await changes.move(change, PRIYA, 'review', {
        outcome: 'successful',
        actualEnd: new Date().toISOString(),
      });

      const incident = (overrides: object) =>
        backend
          .api()
          .post('/api/itsm/incidents')
          .set('Authorization', asUser(GUEST))
          .send({
            title: 'Search is slow',
            entityRef: SEARCH,
            impact: 2,
            urgency: 2,
            ...overrides,
          });
      expect((await incident({ causedByChangeId: 'CHG-99' })).status).toBe(400);
      expect((await incident({ causedByChangeId: 'nope' })).status).toBe(400);
      const caused = await incident({ causedByChangeId: change.id });
      expect(caused.status).toBe(201);
      expect(caused.body.causedByChangeId).toBe(change.id);
      const other = (await incident({})).body;
      const patched = await backend
        .api()
        .patch(`/api/itsm/incidents/${other.id}`)
        .set('Authorization', asUser(GUEST))
        .set('If-Match', '"1"')
        .send({ causedByChangeId: 'CHG-42' });
      expect(patched.status).toBe(400);

      const list = await backend
        .api()
        .get(`/api/itsm/incidents?causedByChangeId=${change.id}`)
        .set('Authorization', asUser(GUEST));
      expect(list.body.items.map((i: any) => i.id)).toEqual([caused.body.id]);

      const stats = await backend
        .api()
        .get(`/api/itsm/change-stats?entityRef=${SEARCH}`)
        .set('Authorization', asUser(GUEST));
      expect(stats.body).toEqual({
        entityRef: SEARCH,
        total: 1,
        failed: 1,
        causedIncidents: 1,
        failureRate: 1,
      });
      expect(
        (
          await backend
            .api()
            .get('/api/itsm/change-stats')
            .set('Authorization', asUser(GUEST))
        ).status,
      ).toBe(400);
    });

    it('answers 405 to other verbs on change routes', async () => {
      const backend = await start(databaseId);
      const res = await backend
        .api()
        .delete('/api/itsm/changes/CHG-1')
        .set('Authorization', asUser(PRIYA));
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, PATCH');
    });
  });
});
