import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { newSla, ownershipUserInfo, setNow } from '../../__testUtils__/slaApi';
import {
  ALICE,
  asUser,
  databases,
  newIncident,
  startItsmBackend,
  testEntities,
} from '../../__testUtils__/testBackend';
import {
  improvementApi,
  improvementPolicy,
  newImprovement,
  recordBreach,
} from './__testUtils__/improvementApi';

const mockMeasure = jest.fn();
const mockSuggest = jest.fn();

jest.mock('./measure', () => ({
  createKpiMeasurer: () => ({
    measure: (input: unknown) => mockMeasure(input),
  }),
}));
jest.mock('./suggestions', () => ({
  createImprovementSuggester: () => ({
    run: (options: unknown) => mockSuggest(options),
  }),
}));

jest.setTimeout(120_000);

const BOB = 'user:default/bob';
const CAROL = 'user:default/carol';
const NOVA = 'user:default/nova';
const DAVE = 'user:default/dave';
const TEAM_A = 'group:default/team-a';
const PAYMENTS = 'component:default/payments';
const DAY = 86_400_000;

/** The test catalog, and carol, a member of team-a by her user entity. */
const entities: Entity[] = [
  ...testEntities,
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'carol', namespace: 'default' },
    spec: { memberOf: ['team-a'] },
  },
];

/** Alice is in team-a by her claims; nova only sees what she owns; bob may not approve. */
function start(databaseId: Parameters<typeof databases.init>[0]) {
  return startItsmBackend({
    databaseId,
    entities,
    features: [
      improvementPolicy({
        owners: { [NOVA]: [] },
        noApprove: [NOVA],
        deny: { [NOVA]: ['itsm.sla.read'] },
      }).factory,
      ownershipUserInfo({ [ALICE]: [ALICE, TEAM_A] }),
    ],
  });
}

beforeEach(() => {
  mockMeasure.mockReset();
  mockMeasure.mockResolvedValue({ value: 12, n: 12 });
  mockSuggest.mockReset();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('improvements API', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('raises items from their sources, checked and linked; a breach names its item', async () => {
      const backend = await start(databaseId);
      const knex = backend.knex!;
      const alice = improvementApi(backend, ALICE);
      const breach = await recordBreach(knex, ALICE);

      // The draft of a breach: a corrective action against the SLA, measured by breaches.
      const draft = await alice.get(
        `/improvements/draft?source=sla_breach&sourceId=${breach.toLowerCase()}`,
      );
      expect(draft.status).toBe(200);
      expect(draft.body).toMatchObject({
        kind: 'corrective_action',
        source: 'sla_breach',
        sourceId: breach,
        entityRefs: [PAYMENTS],
        owner: ALICE,
        nonconformity: expect.stringContaining(`${breach}: INC-`),
        kpi: {
          kpi: 'breach_count',
          windowDays: 28,
          direction: 'decrease',
          target: { kind: 'relative', percent: 50 },
        },
        targetDate: null,
      });
      expect(draft.body.description).toContain('resolution target of P3 (1 h)');
      for (const [query, status] of [
        ['source=sla_breach&sourceId=BRE-999', 404],
        ['source=sla_breach&sourceId=INC-1', 404],
        ['source=other&sourceId=Audit%202027', 400],
        ['source=nonsense&sourceId=BRE-1', 400],
      ] as const) {
        expect([
          query,
          (await alice.get(`/improvements/draft?${query}`)).status,
        ]).toEqual([query, status]);
      }

      // A draft is a valid create body as it is.
      const created = await alice.post('/improvements', draft.body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: 'IMP-1',
        kind: 'corrective_action',
        sourceId: breach,
        owner: ALICE,
        owningGroup: TEAM_A,
      });
      const breachNow = await alice.get(`/breaches/${breach}`);
      expect(breachNow.body).toMatchObject({
        improvementId: 'IMP-1',
        version: 2,
      });
      const breachHistory = (await alice.get(`/breaches/${breach}/history`))
        .body.items;
      expect(breachHistory.map((e: any) => [e.action, e.actor])).toEqual([
        ['create', 'plugin:itsm'],
        ['linked', ALICE],
        ['update', ALICE],
      ]);
      expect(breachHistory[2].changes).toEqual({
        improvementId: [null, 'IMP-1'],
      });
      expect((await alice.get('/improvements/IMP-1/links')).body.items).toEqual(
        [
          expect.objectContaining({
            from: 'IMP-1',
            to: breach,
            relation: 'relates_to',
          }),
        ],
      );

      // A breach names one item; unknown or mismatched sources are a 400; nothing is written.
      const again = await alice.post('/improvements', {
        ...newImprovement(),
        source: 'sla_breach',
        sourceId: breach,
      });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toBe(
        `${breach} already names the improvement IMP-1`,
      );
      for (const [source, sourceId] of [
        ['sla_breach', 'BRE-999'],
        ['incident_trend', 'PRB-1'],
        ['problem', 'INC-1'],
        ['service_review', 'REV-1/A-x'],
        ['customer_feedback', 'INC-1/yesterday'],
      ]) {
        const res = await alice.post('/improvements', {
          ...newImprovement(),
          source,
          sourceId,
        });
        expect([sourceId, res.status]).toEqual([sourceId, 400]);
        expect(res.body.error.message).toContain('sourceId');
      }
      expect(
        Number((await knex('itsm_improvements').count({ n: '*' }))[0].n),
      ).toBe(1);

      // An incident's and a complaint's items link to them; a free reference stays as given.
      const incident = await backend
        .api()
        .post('/api/itsm/incidents')
        .set('Authorization', asUser())
        .send(newIncident({ title: 'Checkout timeouts' }));
      expect(incident.status).toBe(201);
      const fromIncident = await alice.post('/improvements', {
        ...newImprovement(),
        source: 'incident_trend',
        sourceId: incident.body.id.toLowerCase(),
      });
      expect(fromIncident.body).toMatchObject({
        source: 'incident_trend',
        sourceId: incident.body.id,
      });
      expect(
        (await alice.get(`/incidents/${incident.body.id}/links`)).body.items,
      ).toEqual([
        expect.objectContaining({
          from: fromIncident.body.id,
          to: incident.body.id,
          relation: 'relates_to',
        }),
      ]);
      const complaint = await alice.post('/complaints', {
        title: 'Charged twice',
        description: 'Order 4711',
        entityRef: 'component:default/cart',
      });
      const complaintDraft = await alice.get(
        `/improvements/draft?source=complaint&sourceId=${complaint.body.id}`,
      );
      expect(complaintDraft.body).toMatchObject({
        kind: 'improvement',
        entityRefs: ['component:default/cart'],
        kpi: { kpi: 'csat', direction: 'increase' },
      });
      const audit = await alice.post('/improvements', {
        ...newImprovement(),
        source: 'audit_finding',
        sourceId: 'Internal audit 2027-Q1, finding 3',
      });
      expect(audit.body.sourceId).toBe('Internal audit 2027-Q1, finding 3');

      // A breach's improvementId, set by hand, names an existing item and links it.
      const other = await recordBreach(knex, ALICE);
      const patchBreach = (improvementId: string) =>
        backend
          .api()
          .patch(`/api/itsm/breaches/${other}`)
          .set('Authorization', asUser())
          .set('If-Match', '"1"')
          .send({ improvementId });
      expect((await patchBreach('IMP-99')).status).toBe(400);
      expect((await patchBreach(audit.body.id)).body.improvementId).toBe(
        audit.body.id,
      );
      expect(
        (await alice.get(`/improvements/${audit.body.id}/links`)).body.items,
      ).toEqual([expect.objectContaining({ from: other, to: audit.body.id })]);
    });

    it('drafts an item from a problem, a known error, a change, a review, its action and a survey', async () => {
      const backend = await start(databaseId);
      const alice = improvementApi(backend, ALICE);
      const created = async (path: string, body: object) => {
        const res = await alice.post(path, body);
        expect([path, res.status, res.text]).toEqual([path, 201, res.text]);
        return res.body;
      };
      const problem = await created('/problems', {
        title: 'Checkout times out under load',
        statement: 'Card payments time out several times a week',
        entityRefs: ['component:default/cart'],
        category: 'performance',
        impact: 1,
        urgency: 2,
        owner: BOB,
      });
      const knownError = await created('/known-errors', {
        title: 'Pool exhausted',
        symptom: 'Timeouts at the peak',
        workaround: 'Restart the pods',
        entityRefs: ['component:default/cart'],
        matchRules: { signatures: ['PoolExhausted'] },
      });
      const change = await created('/changes', {
        type: 'normal',
        title: 'Upgrade the payments database',
        entityRefs: [PAYMENTS],
      });
      await created(
        '/slas',
        newSla({ effectiveFrom: new Date(Date.now() + 60_000).toISOString() }),
      );
      const review = await created('/reviews', {
        entityRef: PAYMENTS,
        scheduledFor: new Date(Date.now() + 30 * DAY).toISOString(),
      });
      const action = await created(`/reviews/${review.id}/actions`, {
        title: 'Add a second database replica',
        owner: BOB,
        dueDate: '2030-01-15',
      });
      const survey = await created('/surveys', {
        title: 'Payments Q1',
        entityRef: PAYMENTS,
      });
      const draft = async (source: string, sourceId: string) => {
        const res = await alice.get(
          `/improvements/draft?source=${source}&sourceId=${encodeURIComponent(
            sourceId,
          )}`,
        );
        expect([sourceId, res.status]).toEqual([sourceId, 200]);
        return res.body;
      };

      expect(await draft('problem', problem.id)).toMatchObject({
        kind: 'improvement',
        entityRefs: ['component:default/cart'],
        owner: BOB,
        urgency: 4,
        kpi: { kpi: 'recurrence', category: 'performance', windowDays: 28 },
      });
      expect(await draft('problem', knownError.id)).toMatchObject({
        owner: ALICE,
        description: expect.stringContaining('> Restart the pods'),
        kpi: { kpi: 'recurrence', signature: 'PoolExhausted' },
      });
      expect(await draft('change_review', change.id)).toMatchObject({
        kind: 'improvement',
        entityRefs: [PAYMENTS],
        kpi: { kpi: 'change_failure_rate', direction: 'decrease' },
      });
      expect(await draft('service_review', review.id)).toMatchObject({
        sourceId: review.id,
        entityRefs: [PAYMENTS],
        kpi: null,
      });
      expect(await draft('service_review', action.id)).toMatchObject({
        sourceId: action.id,
        title: 'Add a second database replica',
        owner: BOB,
        targetDate: '2030-01-15',
      });
      expect(await draft('customer_feedback', survey.id)).toMatchObject({
        entityRefs: [PAYMENTS],
        kpi: { kpi: 'csat', target: { kind: 'relative', percent: 10 } },
      });
      for (const [source, sourceId] of [
        ['service_review', `${review.id}/A-9`],
        ['problem', 'KE-99'],
        ['customer_feedback', `${survey.id}/2027-01-01T00:00:00.000Z`],
      ]) {
        const res = await alice.get(
          `/improvements/draft?source=${source}&sourceId=${encodeURIComponent(
            sourceId,
          )}`,
        );
        expect([sourceId, res.status]).toEqual([sourceId, 404]);
      }

      // An item from a review action links the review.
      const fromAction = await alice.post(
        '/improvements',
        await draft('service_review', action.id),
      );
      expect(fromAction.status).toBe(201);
      expect(
        (await alice.get(`/reviews/${review.id}/links`)).body.items,
      ).toEqual([
        expect.objectContaining({ from: fromAction.body.id, to: review.id }),
      ]);
    });

    it('checks permissions and answers errors in the documented order', async () => {
      const backend = await start(databaseId);
      const alice = improvementApi(backend, ALICE);
      const nova = improvementApi(backend, NOVA);
      const bob = improvementApi(backend, BOB);
      const hers = await alice.create(); // owned by alice, team-a
      const own = await nova.create({ entityRefs: ['component:default/cart'] });

      // No credentials: 401.
      const anonymous = () => mockCredentials.none.header();
      const post = await backend
        .api()
        .post('/api/itsm/improvements')
        .set('Authorization', anonymous())
        .send(newImprovement());
      expect(post.status).toBe(401);
      const list = await backend
        .api()
        .get('/api/itsm/improvements')
        .set('Authorization', anonymous());
      expect(list.status).toBe(401);

      // Nova reads only her own items: others' are unknown to her, in lists and the export.
      expect(
        (await nova.get('/improvements')).body.items.map((i: any) => i.id),
      ).toEqual([own.id]);
      expect((await nova.get(`/improvements/${hers.id}`)).status).toBe(404);
      const csv = await nova.get('/improvements/export');
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(2);
      expect(csv.text).toContain(`\r\n${own.id},proposed,`);

      // A source the caller may not read is as good as missing: no draft, no item from it.
      const breach = await recordBreach(backend.knex!, ALICE);
      const draftOf = `/improvements/draft?source=sla_breach&sourceId=${breach}`;
      expect((await alice.get(draftOf)).status).toBe(200);
      expect((await nova.get(draftOf)).status).toBe(404);
      const hidden = await nova.post('/improvements', {
        ...newImprovement(),
        source: 'sla_breach',
        sourceId: breach,
      });
      expect(hidden.status).toBe(400);
      expect((await alice.get(`/breaches/${breach}`)).body.improvementId).toBe(
        null,
      );

      // 400 request shape (428 without If-Match), then 404 unknown or unreadable, then 403,
      // then 412, then 409 (docs/decisions.md: 428 is a property of the request alone).
      expect((await nova.patch(hers.id, 1, { status: 'closed' })).status).toBe(
        400,
      );
      expect(
        (await nova.patch(hers.id, undefined, { title: 'Mine' })).status,
      ).toBe(428);
      expect((await nova.patch(hers.id, 1, { title: 'Mine' })).status).toBe(
        404,
      );
      expect((await nova.patch('IMP-99', 1, { title: 'Mine' })).status).toBe(
        404,
      );
      expect((await nova.patch(own.id, '"x"', { title: 'Bad' })).status).toBe(
        400,
      );
      // Approving needs itsm.improvement.approve, checked before the version.
      const denied = await nova.transition(own.id, 7, { to: 'approved' });
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toBe(
        'Not allowed: itsm.improvement.approve',
      );
      expect(
        (await nova.transition(own.id, undefined, { to: 'in_progress' }))
          .status,
      ).toBe(428);
      expect((await nova.patch(own.id, undefined, { title: 'x' })).status).toBe(
        428,
      );
      expect(
        (await nova.transition(own.id, 7, { to: 'in_progress' })).status,
      ).toBe(412);
      expect(
        (await nova.transition(own.id, 1, { to: 'in_progress' })).status,
      ).toBe(409);
      // The fields a move requires come last.
      const noReason = await bob.transition(own.id, 1, { to: 'rejected' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.message).toMatch(/reason is required/);
      const rejected = await bob.move(own, 'rejected', { reason: 'Not now' });
      expect(rejected).toMatchObject({ status: 'rejected', version: 2 });
      expect((await nova.patch(own.id, 1, { title: 'x' })).status).toBe(412);
      expect((await nova.patch(own.id, 2, { title: 'x' })).status).toBe(409);
      expect((await nova.evaluate(own.id, 2)).status).toBe(409);

      // Separation of duties: the owner, a member of the owning group by claims (alice) or by
      // catalog membership (carol) cannot approve; bob can. Nothing is written by a refusal.
      const bobs = await bob.create({ kpi: null }); // owned by bob, owning group team-a
      for (const user of [BOB, ALICE, CAROL]) {
        const res = await improvementApi(backend, user).transition(bobs.id, 1, {
          to: 'approved',
        });
        expect([user, res.status]).toEqual([user, 403]);
      }
      expect((await bob.history(bobs.id)).map(e => e.action)).toEqual([
        'create',
      ]);
      const approved = await improvementApi(backend, DAVE).move(
        bobs,
        'approved',
      );
      expect(approved).toMatchObject({ status: 'approved', approvedBy: DAVE });

      // The manual runs need itsm.improvement.approve on every item.
      mockSuggest.mockResolvedValue({ proposed: ['IMP-9'], considered: 3 });
      expect((await nova.post('/improvement-evaluations/runs')).status).toBe(
        403,
      );
      expect((await nova.post('/improvement-suggestions/runs')).status).toBe(
        403,
      );
      const evaluations = await alice.post('/improvement-evaluations/runs');
      expect(evaluations.body).toEqual({
        evaluated: [],
        skipped: [],
        failed: [],
      });
      const suggestions = await alice.post('/improvement-suggestions/runs');
      expect(suggestions.body).toEqual({ proposed: ['IMP-9'], considered: 3 });
      expect(mockSuggest).toHaveBeenCalledWith({ now: expect.any(Date) });
    });

    it("counts an entity's open and overdue items as the caller may read them", async () => {
      setNow('2027-03-10T10:00:00.000Z');
      const backend = await startItsmBackend({
        databaseId,
        entities,
        features: [
          improvementPolicy({
            owners: { [NOVA]: [] },
            deny: { [BOB]: ['itsm.improvement.read'] },
          }).factory,
          ownershipUserInfo({ [ALICE]: [ALICE, TEAM_A] }),
        ],
      });
      const alice = improvementApi(backend, ALICE);
      const nova = improvementApi(backend, NOVA);
      const dave = improvementApi(backend, DAVE);
      const bob = improvementApi(backend, BOB);
      const item = (fields: object) => alice.create({ kpi: null, ...fields });

      // Open on payments: overdue since yesterday, due today, approved without a date, and
      // nova's, on payments beside cart, overdue; a rejected one and one on cart don't count.
      await item({ targetDate: '2027-03-09' });
      await item({ targetDate: '2027-03-10' });
      await dave.move(await item({ targetDate: null }), 'approved');
      await dave.move(await item({ targetDate: '2027-01-01' }), 'rejected', {
        reason: 'Not now',
      });
      await item({
        entityRefs: ['component:default/cart'],
        targetDate: '2027-01-01',
      });
      await nova.create({
        kpi: null,
        entityRefs: ['component:default/cart', PAYMENTS],
        targetDate: '2027-03-01',
      });

      const counts = `/improvement-counts?entityRef=${PAYMENTS}`;
      const all = await alice.get(counts);
      expect(all.status).toBe(200);
      expect(all.headers['cache-control']).toBe('no-store');
      expect(all.body).toEqual({ entityRef: PAYMENTS, open: 4, overdue: 2 });
      // The same items the register's overdue filter lists.
      expect(
        (await alice.get(`/improvements?entityRef=${PAYMENTS}&overdue=true`))
          .body.items,
      ).toHaveLength(2);
      // Case-insensitive; an entity without items counts none.
      expect(
        (
          await alice.get(
            '/improvement-counts?entityRef=Component:default/Payments',
          )
        ).body,
      ).toEqual({ entityRef: PAYMENTS, open: 4, overdue: 2 });
      expect(
        (
          await alice.get(
            '/improvement-counts?entityRef=component:default/search',
          )
        ).body,
      ).toEqual({ entityRef: 'component:default/search', open: 0, overdue: 0 });

      // Nova reads only her own item; bob reads none: nulls, not a refusal.
      expect((await nova.get(counts)).body).toEqual({
        entityRef: PAYMENTS,
        open: 1,
        overdue: 1,
      });
      const hidden = await bob.get(counts);
      expect(hidden.status).toBe(200);
      expect(hidden.body).toEqual({
        entityRef: PAYMENTS,
        open: null,
        overdue: null,
      });
      expect((await bob.get('/improvements')).status).toBe(403);

      // The next day the item due today is overdue too.
      setNow('2027-03-11T00:00:00.000Z');
      expect((await alice.get(counts)).body).toMatchObject({ overdue: 3 });

      // 400 without one full entity ref, whoever asks; 401 without credentials.
      for (const query of [
        '',
        '?entityRef=',
        '?entityRef=payments',
        `?entityRef=${PAYMENTS}&entityRef=component:default/cart`,
        `?entityRef=${PAYMENTS}&status=proposed`,
      ]) {
        for (const user of [alice, bob]) {
          const res = await user.get(`/improvement-counts${query}`);
          expect([query, res.status]).toEqual([query, 400]);
        }
      }
      const anonymous = await backend
        .api()
        .get(`/api/itsm${counts}`)
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
    });

    it('answers 412 to an If-Match past every version a record can have', async () => {
      const backend = await start(databaseId);
      const alice = improvementApi(backend, ALICE);
      const item = await alice.create();
      // Outside PostgreSQL's int4: stale, not a database error.
      const res = await alice.patch(item.id, 2_147_483_648, { title: 'x' });
      expect([res.status, res.body.error?.message]).toEqual([
        412,
        `${item.id} is not at version 2147483648; reload it and try again`,
      ]);
      expect((await alice.get(`/improvements/${item.id}`)).body.version).toBe(
        1,
      );
    });

    it('freezes the baseline at approval and evaluates the item once its window is over', async () => {
      const start0 = new Date('2027-03-01T10:00:00.000Z');
      setNow(start0);
      const backend = await start(databaseId);
      const alice = improvementApi(backend, ALICE);
      const dave = improvementApi(backend, DAVE);
      const item = await alice.create();

      mockMeasure.mockRejectedValueOnce(new Error('no figures'));
      const failed = await dave.transition(item.id, 1, { to: 'approved' });
      expect(failed.status).toBe(503);
      expect((await alice.get(`/improvements/${item.id}`)).body.version).toBe(
        1,
      );

      const approved = await dave.move(item, 'approved');
      expect(approved.baseline).toEqual({
        from: new Date(start0.getTime() - 7 * DAY).toISOString(),
        to: start0.toISOString(),
        value: 12,
        n: 12,
        unit: 'breaches',
        measuredAt: start0.toISOString(),
      });
      const started = await alice.move(approved, 'in_progress');
      const implemented = await alice.move(started, 'implemented');
      const early = await alice.evaluate(item.id, implemented.version);
      expect(early.status).toBe(409);
      expect(early.body.error.message).toBe(
        `The measurement window ends at ${new Date(
          start0.getTime() + 7 * DAY,
        ).toISOString()}; the improvement is evaluated then`,
      );
      expect(
        (
          await alice.transition(item.id, implemented.version, {
            to: 'evaluated',
            evaluation: 'Looks better',
          })
        ).status,
      ).toBe(409);

      setNow(new Date(start0.getTime() + 7 * DAY));
      mockMeasure.mockResolvedValue({ value: 4, n: 4 });
      const evaluated = await alice.evaluate(item.id, implemented.version);
      expect(evaluated.status).toBe(200);
      expect(evaluated.headers.etag).toBe(`"${implemented.version + 1}"`);
      expect(evaluated.body).toMatchObject({
        status: 'evaluated',
        verdict: 'achieved',
        goal: 6,
        baseline: { value: 12, n: 12 },
        measured: { value: 4, n: 4, unit: 'breaches' },
      });
      expect(mockMeasure).toHaveBeenLastCalledWith({
        kpi: approved.kpi,
        entityRefs: [PAYMENTS],
        from: start0,
        to: new Date(start0.getTime() + 7 * DAY),
      });
      const listed = await alice.get('/improvements?verdict=achieved');
      expect(listed.body.items.map((i: any) => i.id)).toEqual([item.id]);
    });
  });
});
