import {
  PRIYA,
  SEARCH,
  TOM,
  changeApi,
  changeEntities,
  windowIn,
} from '../../__testUtils__/changeApi';
import { incidentApi } from '../../__testUtils__/incidentApi';
import { permissionsFor } from '../../__testUtils__/permissions';
import { problemApi } from '../../__testUtils__/problemApi';
import {
  ALICE,
  asUser,
  databases,
  startItsmBackend,
  testConfig,
} from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

const BOB = 'user:default/bob';

describe('problems API', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('walks a problem through its lifecycle with the fields each move needs', async () => {
      const backend = await startItsmBackend({ databaseId });
      const problems = problemApi(backend);
      let problem = await problems.create({ category: 'performance' });
      expect(problem).toMatchObject({
        id: 'PRB-1',
        version: 1,
        status: 'new',
        priority: 3,
        origin: 'reactive',
        entityRefs: ['component:default/cart'],
        incidentCount: 0,
      });

      // Unknown category, unknown entity: 400, nothing written.
      for (const bad of [
        { category: 'no-such-category' },
        { entityRefs: ['component:default/nope'] },
      ]) {
        const res = await problems.post('/problems', {
          ...{
            title: 'x',
            entityRefs: ['component:default/cart'],
            impact: 2,
            urgency: 2,
          },
          ...bad,
        });
        expect(res.status).toBe(400);
      }
      expect((await problems.get('/problems')).body.items).toHaveLength(1);

      const noOwner = await problems.transition(problem.id, 1, {
        to: 'investigating',
      });
      expect(noOwner.status).toBe(400);
      expect(noOwner.body.error.message).toMatch(/owner/);
      problem = await problems.move(problem, 'investigating', {
        owner: ALICE,
      });

      const rca = await problems.patch(problem.id, problem.version, {
        rcaMethod: 'five_whys',
        rcaNotes: [
          { label: 'Why 1', text: 'Checkout waits on payments' },
          { label: 'Why 2', text: 'Payments waits for a DB connection' },
        ],
        contributingFactors: ['technology', 'change'],
      });
      expect(rca.status).toBe(200);
      problem = rca.body;
      expect(problem.rcaNotes).toHaveLength(2);

      const noCause = await problems.transition(problem.id, problem.version, {
        to: 'known_error',
      });
      expect(noCause.status).toBe(400);
      problem = await problems.move(problem, 'known_error', {
        rootCause: 'Pool of 10 connections',
        workaround: 'Restart the pods',
      });
      const noCode = await problems.transition(problem.id, problem.version, {
        to: 'resolved',
      });
      expect(noCode.status).toBe(400);
      problem = await problems.move(problem, 'resolved', {
        closureCode: 'fixed',
      });
      expect(problem.observationUntil).not.toBeNull();

      // A fixed problem is observed before it closes.
      const early = await problems.transition(problem.id, problem.version, {
        to: 'closed',
      });
      expect(early.status).toBe(409);
      expect(early.body.error.message).toMatch(/observed until/);

      // Re-opening needs a comment; it clears the resolution.
      const silent = await problems.transition(problem.id, problem.version, {
        to: 'investigating',
      });
      expect(silent.status).toBe(400);
      problem = await problems.move(problem, 'investigating', {
        comment: 'It happened again',
      });
      expect(problem).toMatchObject({
        status: 'investigating',
        closureCode: null,
        resolvedAt: null,
      });

      // Cancelling needs the reason; a cancelled problem takes no more writes.
      problem = await problems.move(problem, 'cancelled', {
        cancelReason: 'Duplicate of a supplier ticket',
      });
      expect(
        (await problems.patch(problem.id, problem.version, { title: 'x' }))
          .status,
      ).toBe(409);
      const history = await problems.history(problem.id);
      expect(history.map(e => e.action)).toEqual([
        'create',
        'transition',
        'update',
        'transition',
        'transition',
        'transition',
        'transition',
      ]);
      expect(history[0].changes.title).toEqual([
        null,
        'Checkout times out under load',
      ]);
    });

    it('closes a fixed problem once its observation period has passed', async () => {
      const backend = await startItsmBackend({
        databaseId,
        config: {
          itsm: { ...testConfig.itsm, problems: { observationDays: 0 } },
        },
      });
      const problems = problemApi(backend);
      let problem = await problems.create({ owner: ALICE });
      problem = await problems.move(problem, 'investigating');
      problem = await problems.move(problem, 'resolved', {
        closureCode: 'fixed',
        rootCause: 'A bad retry loop',
      });
      problem = await problems.move(problem, 'closed');
      expect(problem.closedAt).not.toBeNull();
    });

    it('links incidents with who linked them and why', async () => {
      const backend = await startItsmBackend({ databaseId });
      const problems = problemApi(backend);
      const incidents = incidentApi(backend);
      const first = await incidents.create();
      const problem = await problems.create({
        incidentIds: [first.id],
        linkReason: 'Raised from the incident',
      });
      const second = await incidents.create({ title: 'Checkout slow' });
      const link = await problems.post(`/problems/${problem.id}/incidents`, {
        incidentId: second.id,
        reason: 'Same timeout in the logs',
      });
      expect(link.status).toBe(201);
      expect(link.body).toMatchObject({
        from: second.id,
        to: problem.id,
        relation: 'caused_by',
        note: 'Same timeout in the logs',
      });
      const again = await problems.post(`/problems/${problem.id}/incidents`, {
        incidentId: second.id,
      });
      expect(again.status).toBe(409);
      const unknown = await problems.post(`/problems/${problem.id}/incidents`, {
        incidentId: 'INC-999',
      });
      expect(unknown.status).toBe(400);

      const timeline = await problems.get(`/problems/${problem.id}/incidents`);
      expect(timeline.body.items).toEqual([
        expect.objectContaining({
          incidentId: first.id,
          linkedBy: ALICE,
          reason: 'Raised from the incident',
        }),
        expect.objectContaining({
          incidentId: second.id,
          reason: 'Same timeout in the logs',
        }),
      ]);
      expect(
        (await problems.get(`/problems/${problem.id}`)).body,
      ).toMatchObject({ incidentCount: 2, version: 1 });
      const incidentHistory = await incidents.history(second.id);
      expect(incidentHistory.at(-1)).toMatchObject({
        action: 'linked',
        comment: 'Same timeout in the logs',
        changes: { links: [null, `caused_by ${problem.id}`] },
      });
    });

    it("turns a review's problem and an incident waiting on a problem into links", async () => {
      const backend = await startItsmBackend({ databaseId });
      const problems = problemApi(backend);
      const incidents = incidentApi(backend);
      const problem = await problems.create();
      let incident = await incidents.create();
      expect(incident.problemId).toBeNull();

      const unknown = await incidents.patch(incident.id, 1, {
        postIncidentReview: { summary: 'Pool exhausted', problemId: 'PRB-99' },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(
        /postIncidentReview.problemId/,
      );
      const reviewed = await incidents.patch(incident.id, 1, {
        postIncidentReview: {
          summary: 'Pool exhausted',
          problemId: problem.id,
        },
      });
      expect(reviewed.status).toBe(200);
      expect(reviewed.body).toMatchObject({
        version: 2,
        problemId: problem.id,
      });
      expect(
        (await problems.get(`/problems/${problem.id}/incidents`)).body.items,
      ).toEqual([
        expect.objectContaining({
          incidentId: incident.id,
          reason: 'Named by the post-incident review',
        }),
      ]);

      // On hold awaiting a problem: the problem is named (or linked before).
      const other = await incidents.create({ title: 'Checkout slow' });
      incident = (
        await incidents.transition(other.id, 1, { to: 'in_progress' })
      ).body;
      const missing = await incidents.transition(incident.id, 2, {
        to: 'on_hold',
        onHoldReason: 'awaiting_problem',
      });
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toMatch(/problemId/);
      const waiting = await incidents.transition(incident.id, 2, {
        to: 'on_hold',
        onHoldReason: 'awaiting_problem',
        problemId: problem.id,
      });
      expect(waiting.status).toBe(200);
      expect(waiting.body).toMatchObject({
        status: 'on_hold',
        onHoldReason: 'awaiting_problem',
        problemId: problem.id,
      });
      expect(
        (await problems.get(`/problems/${problem.id}`)).body.incidentCount,
      ).toBe(2);
      const misplaced = await incidents.transition(incident.id, 3, {
        to: 'in_progress',
        problemId: problem.id,
      });
      expect(misplaced.status).toBe(400);
    });

    it("links a change review's problem and tells the problem owner when a fix change closes", async () => {
      const backend = await startItsmBackend({
        databaseId,
        entities: changeEntities,
        config: {},
      });
      const problems = problemApi(backend, PRIYA);
      const changes = changeApi(backend);
      const problem = await problems.create({
        entityRefs: [SEARCH],
        owner: ALICE,
      });
      let change = await changes.inAuthorization(PRIYA, {
        entityRefs: [SEARCH],
        ...windowIn(-1, 3),
      });
      change = (await changes.decide(change.id, TOM, 'approve')).body;
      change = await changes.move(change, PRIYA, 'implementing');
      change = await changes.move(change, PRIYA, 'review', {
        outcome: 'successful',
        actualEnd: new Date().toISOString(),
      });
      const fix = await problems.post(`/changes/${change.id}/links`, {
        to: problem.id,
        relation: 'fixes',
      });
      expect(fix.status).toBe(201);
      backend.notifications.send.mockClear();

      const unknown = await changes.transition(
        change.id,
        PRIYA,
        change.version,
        {
          to: 'closed',
          review: { summary: 'Pool resized', problemId: 'PRB-42' },
        },
      );
      expect(unknown.status).toBe(400);
      expect(backend.notifications.send).not.toHaveBeenCalled();
      // The review found another problem: it becomes a link.
      const found = await problems.create({
        entityRefs: [SEARCH],
        title: 'Reindex is not idempotent',
      });
      change = await changes.move(change, PRIYA, 'closed', {
        review: { summary: 'Pool resized', problemId: found.id },
      });
      const links = await problems.get(`/changes/${change.id}/links`);
      expect(
        links.body.items.map((l: any) => [l.from, l.relation, l.to, l.note]),
      ).toEqual([
        [change.id, 'fixes', problem.id, undefined],
        [
          change.id,
          'relates_to',
          found.id,
          'Named by the post-implementation review',
        ],
      ]);
      expect(backend.notifications.send).toHaveBeenCalledWith(
        expect.objectContaining({
          recipients: { type: 'entity', entityRef: ALICE },
          payload: expect.objectContaining({
            title: `Fix change ${change.id} closed for ${problem.id}`,
          }),
        }),
      );
    });

    it('measures whether a resolved problem stopped its incidents', async () => {
      const backend = await startItsmBackend({ databaseId });
      const problems = problemApi(backend);
      const incidents = incidentApi(backend);
      const linked = [];
      for (let i = 0; i < 3; i++) {
        linked.push((await incidents.create({ category: 'performance' })).id);
      }
      let problem = await problems.create({
        category: 'performance',
        owner: ALICE,
        incidentIds: linked,
      });
      expect(
        (await problems.get(`/problems/${problem.id}/effectiveness`)).status,
      ).toBe(409);
      problem = await problems.move(problem, 'investigating');
      problem = await problems.move(problem, 'resolved', {
        closureCode: 'fixed',
        rootCause: 'Pool too small',
      });
      const res = await problems.get(`/problems/${problem.id}/effectiveness`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        windowDays: 14,
        before: { count: 3 },
        after: { count: 0 },
        partial: true,
        verdict: 'fewer',
        reduction: 1,
      });

      const csv = await problems
        .get('/reports/problem-effectiveness?format=csv')
        .buffer(true);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.text.split('\r\n')[1]).toMatch(
        new RegExp(`^${problem.id},Checkout times out under load,fixed,`),
      );
    });

    it('proposes a candidate from recurring incidents once, however often detection runs', async () => {
      const backend = await startItsmBackend({ databaseId });
      const problems = problemApi(backend);
      const incidents = incidentApi(backend);
      for (let i = 0; i < 2; i++) {
        await incidents.create({ title: `Checkout fails for order ${i}` });
      }
      expect(await problems.detect()).toEqual([]);
      await incidents.create({ title: 'Checkout fails for order 7' });

      // Two runs at once (two replicas): one candidate.
      const runs = await Promise.all([problems.detect(), problems.detect()]);
      const proposed = runs.flat();
      expect(proposed).toHaveLength(1);
      const candidate = (await problems.get(`/problems/${proposed[0]}`)).body;
      expect(candidate).toMatchObject({
        status: 'candidate',
        origin: 'trend',
        signature: 'title:checkout fails for order #',
        entityRefs: ['component:default/cart'],
        incidentCount: 3,
        detection: {
          rule: 'recurrence',
          key: 'signature:title:checkout fails for order #',
          incidentCount: 3,
          windowHours: 168,
        },
      });
      expect(await problems.detect()).toEqual([]);

      // Dismissed with its reason, it is kept and not proposed again in the window.
      const dismissed = await problems.move(candidate, 'cancelled', {
        cancelReason: 'Load test traffic',
      });
      expect(dismissed.cancelReason).toBe('Load test traffic');
      expect(await problems.detect()).toEqual([]);
      const all = await problems.get('/problems?status=cancelled');
      expect(all.body.items.map((p: any) => p.id)).toEqual([candidate.id]);
    });

    it('counts only the incidents no open problem explains yet', async () => {
      const backend = await startItsmBackend({ databaseId });
      const problems = problemApi(backend);
      const incidents = incidentApi(backend);
      const raise = (title: string) =>
        incidents.create({ title, category: 'performance' });
      for (let i = 0; i < 3; i++) await raise('Checkout slow at peak');
      const [first] = await problems.detect();
      expect((await problems.get(`/problems/${first}`)).body).toMatchObject({
        signature: 'title:checkout slow at peak',
        incidentCount: 3,
      });
      // The same category, but already explained: no category candidate.
      expect(await problems.detect()).toEqual([]);

      // Another failure on the same entity is proposed on its own.
      for (let i = 0; i < 3; i++) await raise('Search index stale');
      const [second] = await problems.detect();
      expect((await problems.get(`/problems/${second}`)).body).toMatchObject({
        signature: 'title:search index stale',
        incidentCount: 3,
      });
      expect(await problems.detect()).toEqual([]);
    });

    it('proposes a candidate on an upstream dependency shared by failing services', async () => {
      const entities = [
        ...['orders', 'cart', 'search'].map(name => ({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name, namespace: 'default' },
          spec: { type: 'service', owner: 'team-b' },
          relations: [
            { type: 'dependsOn', targetRef: 'resource:default/shared-db' },
          ],
        })),
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: { name: 'shared-db', namespace: 'default' },
          spec: { type: 'database', owner: 'team-a' },
          relations: ['orders', 'cart', 'search'].map(name => ({
            type: 'dependencyOf',
            targetRef: `component:default/${name}`,
          })),
        },
      ];
      const backend = await startItsmBackend({ databaseId, entities });
      const problems = problemApi(backend);
      const incidents = incidentApi(backend);
      await incidents.create({
        entityRef: 'component:default/orders',
        title: 'Orders 500',
      });
      await incidents.create({
        entityRef: 'component:default/cart',
        title: 'Cart empty',
      });
      expect(await problems.detect()).toEqual([]);
      await incidents.create({
        entityRef: 'component:default/search',
        title: 'Search slow',
      });
      const [id] = await problems.detect();
      const candidate = (await problems.get(`/problems/${id}`)).body;
      expect(candidate).toMatchObject({
        status: 'candidate',
        entityRefs: ['resource:default/shared-db'],
        incidentCount: 3,
        detection: {
          rule: 'upstream',
          key: 'resource:default/shared-db',
          services: [
            'component:default/cart',
            'component:default/orders',
            'component:default/search',
          ],
        },
      });
      expect(await problems.detect()).toEqual([]);
    });

    it('offers matching known errors of the entity and its upstream dependencies, and counts offers and applied workarounds', async () => {
      const entities = [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'payments', namespace: 'default' },
          spec: { type: 'service', owner: 'team-a' },
          relations: [
            { type: 'dependencyOf', targetRef: 'component:default/cart' },
          ],
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'cart', namespace: 'default' },
          spec: { type: 'service', owner: 'team-b' },
          relations: [
            { type: 'dependsOn', targetRef: 'component:default/payments' },
          ],
        },
      ];
      const backend = await startItsmBackend({ databaseId, entities });
      const problems = problemApi(backend);
      const incidents = incidentApi(backend);
      const problem = await problems.create({
        entityRefs: ['component:default/payments'],
      });
      const knownError = await problems.createKnownError({
        problemId: problem.id,
      });
      expect(knownError).toMatchObject({
        id: 'KE-1',
        status: 'active',
        problemId: problem.id,
        offeredCount: 0,
        appliedCount: 0,
      });

      const match = (entityRef: string, text: string) =>
        problems.get(
          `/known-errors/matches?entityRef=${encodeURIComponent(
            entityRef,
          )}&text=${encodeURIComponent(text)}`,
        );
      const own = await match(
        'component:default/payments',
        'Connection pool errors',
      );
      expect(own.body.items).toEqual([
        expect.objectContaining({
          knownError: expect.objectContaining({ id: 'KE-1' }),
          upstream: false,
          reasons: ['text "connection pool"'],
        }),
      ]);
      const upstream = await match(
        'component:default/cart',
        'Checkout TIMEOUT',
      );
      expect(upstream.body.items).toEqual([
        expect.objectContaining({
          upstream: true,
          matchedEntityRef: 'component:default/payments',
        }),
      ]);
      expect(
        (await match('component:default/cart', 'Button is blue')).body.items,
      ).toEqual([]);

      const incident = await incidents.create({ title: 'Checkout timeout' });
      const use = (kind: string) =>
        problems.post('/known-errors/KE-1/uses', {
          incidentId: incident.id,
          kind,
        });
      expect((await use('offered')).body.offeredCount).toBe(1);
      expect((await use('offered')).body.offeredCount).toBe(1);
      const applied = await use('applied');
      expect(applied.body).toMatchObject({ offeredCount: 1, appliedCount: 1 });
      expect((await use('applied')).body.appliedCount).toBe(1);
      const links = await problems.get(`/incidents/${incident.id}/links`);
      expect(links.body.items).toEqual([
        expect.objectContaining({
          to: 'KE-1',
          relation: 'relates_to',
          note: 'Workaround applied',
        }),
      ]);

      // Retired known errors are not offered.
      const retired = await backend
        .api()
        .post('/api/itsm/known-errors/KE-1/transitions')
        .set('Authorization', asUser(ALICE))
        .set('If-Match', '"1"')
        .send({ to: 'retired' });
      expect(retired.status).toBe(200);
      expect(
        (await match('component:default/payments', 'connection pool')).body
          .items,
      ).toEqual([]);
    });

    it('keeps problems and known errors to what the policy allows', async () => {
      const backend = await startItsmBackend({
        databaseId,
        features: [
          permissionsFor(BOB, {
            deny: [
              'itsm.problem.read',
              'itsm.problem.create',
              'itsm.knownError.manage',
            ],
          }).factory,
        ],
      });
      const alice = problemApi(backend);
      const bob = problemApi(backend, BOB);
      const problem = await alice.create();
      await alice.createKnownError({ entityRefs: ['component:default/cart'] });
      expect((await bob.get('/problems')).status).toBe(403);
      // The health card's counts: problems hidden from Bob, known errors not.
      const counts = '/problem-counts?entityRef=component:default/cart';
      expect((await alice.get(counts)).body).toEqual({
        entityRef: 'component:default/cart',
        openProblems: 1,
        activeKnownErrors: 1,
      });
      expect((await bob.get(counts)).body).toMatchObject({
        openProblems: null,
        activeKnownErrors: 1,
      });
      expect((await alice.get('/problem-counts')).status).toBe(400);
      expect((await bob.get(`/problems/${problem.id}`)).status).toBe(404);
      expect(
        (
          await bob.post('/problems', {
            title: 'x',
            entityRefs: ['component:default/cart'],
            impact: 2,
            urgency: 2,
          })
        ).status,
      ).toBe(403);
      expect((await bob.post('/problem-detection/runs', {})).status).toBe(403);
      // Known errors: readable by whoever reads incidents; managed with the permission.
      expect((await bob.get('/known-errors')).body.items).toHaveLength(1);
      const create = await bob.post('/known-errors', {
        title: 'x',
        symptom: 'x',
        workaround: 'x',
        entityRefs: ['component:default/cart'],
      });
      expect(create.status).toBe(403);
      expect((await alice.get('/known-errors')).body.items).toHaveLength(1);
    });
  });
});
