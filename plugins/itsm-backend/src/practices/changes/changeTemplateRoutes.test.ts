import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { changeTemplateManagePermission } from '@backstage-itsm/plugin-itsm-common';
import {
  CHECKOUT,
  PAYMENTS,
  PAYMENTS_API,
  PRIYA,
  SEARCH,
  changeApi,
  changeEntities,
  windowIn,
} from '../../__testUtils__/changeApi';
import {
  asUser,
  databases,
  startItsmBackend,
} from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

const TEMPLATE = {
  title: 'Rotate TLS certificates',
  owner: PAYMENTS,
  entityRefs: [PAYMENTS_API, SEARCH],
  implementationPlan: 'Run the rotation job',
  backoutPlan: 'Restore the previous certificate',
  testPlan: 'Check the TLS handshake',
  durationMinutes: 30,
};

describe('change templates', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('creates a standard change from an active template: plans taken, default window, draft → scheduled', async () => {
      const backend = await startItsmBackend({
        databaseId,
        entities: changeEntities,
        config: {},
      });
      const api = backend.api;
      const created = await api()
        .post('/api/itsm/change-templates')
        .set('Authorization', asUser(PRIYA))
        .send(TEMPLATE);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: 'STD-1',
        version: 1,
        active: true,
        owner: PAYMENTS,
        entityRefs: [PAYMENTS_API, SEARCH],
        createdBy: PRIYA,
      });

      const changes = changeApi(backend);
      const { plannedStart } = windowIn(24);
      // The template's plans are the change's plans: a plan of one's own is refused.
      const ownPlan = await api()
        .post('/api/itsm/changes')
        .set('Authorization', asUser(PRIYA))
        .send({
          type: 'standard',
          title: 'Rotate',
          templateId: 'STD-1',
          entityRefs: [SEARCH],
          plannedStart,
          testPlan: 'Our own test plan',
        });
      expect(ownPlan.status).toBe(400);
      expect(ownPlan.body.error.message).toMatch(/^testPlan: .*STD-1/);
      const change = await changes.create(PRIYA, {
        type: 'standard',
        templateId: 'STD-1',
        entityRefs: [SEARCH],
        plannedStart,
        plannedEnd: undefined,
        implementationPlan: undefined,
        backoutPlan: undefined,
        testPlan: undefined,
      });
      expect(change).toMatchObject({
        type: 'standard',
        templateId: 'STD-1',
        templateVersion: 1,
        implementationPlan: 'Run the rotation job',
        backoutPlan: 'Restore the previous certificate',
        testPlan: 'Check the TLS handshake',
        plannedEnd: new Date(
          Date.parse(plannedStart) + 30 * 60_000,
        ).toISOString(),
      });
      expect(
        (await changes.transition(change.id, PRIYA, 1, { to: 'assessment' }))
          .status,
      ).toBe(409);
      const scheduled = await changes.move(change, PRIYA, 'scheduled');
      expect(scheduled).toMatchObject({
        status: 'scheduled',
        requiredApprovals: [],
      });

      // A standard change needs no questionnaire: the recipe is pre-approved, open questions
      // count with their lowest answer, and the risk still comes from the catalog.
      const preview = await api()
        .post('/api/itsm/change-assessments')
        .set('Authorization', asUser(PRIYA))
        .send({ type: 'standard', templateId: 'STD-1', entityRefs: [SEARCH] });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        risk: 'low',
        score: 0,
        requiredApprovals: [],
      });
      const unanswered = await changes.create(PRIYA, {
        type: 'standard',
        templateId: 'STD-1',
        entityRefs: [SEARCH],
        plannedStart,
        plannedEnd: undefined,
        implementationPlan: undefined,
        backoutPlan: undefined,
        testPlan: undefined,
        riskAnswers: {},
      });
      expect(unanswered).toMatchObject({ risk: 'low', riskAnswers: {} });

      // Entities the template does not list, and inactive templates, are refused.
      const outside = await api()
        .post('/api/itsm/changes')
        .set('Authorization', asUser(PRIYA))
        .send({
          type: 'standard',
          title: 'Rotate',
          templateId: 'STD-1',
          entityRefs: [CHECKOUT],
        });
      expect(outside.status).toBe(400);
      expect(outside.body.error.message).toMatch(/does not apply/);

      const stale = await api()
        .patch('/api/itsm/change-templates/STD-1')
        .set('Authorization', asUser(PRIYA))
        .set('If-Match', '"7"')
        .send({ active: false });
      expect(stale.status).toBe(412);
      const retired = await api()
        .patch('/api/itsm/change-templates/STD-1')
        .set('Authorization', asUser(PRIYA))
        .set('If-Match', '"1"')
        .send({ active: false, durationMinutes: 45 });
      expect(retired.body).toMatchObject({ version: 2, active: false });
      const inactive = await api()
        .post('/api/itsm/changes')
        .set('Authorization', asUser(PRIYA))
        .send({
          type: 'standard',
          title: 'Rotate',
          templateId: 'STD-1',
          entityRefs: [SEARCH],
        });
      expect(inactive.status).toBe(400);

      const list = await api()
        .get(`/api/itsm/change-templates?entityRef=${SEARCH}&active=false`)
        .set('Authorization', asUser(PRIYA));
      expect(list.body.items.map((t: any) => t.id)).toEqual(['STD-1']);
      const none = await api()
        .get(`/api/itsm/change-templates?entityRef=${CHECKOUT}`)
        .set('Authorization', asUser(PRIYA));
      expect(none.body.items).toEqual([]);
      const history = await api()
        .get('/api/itsm/change-templates/STD-1/history')
        .set('Authorization', asUser(PRIYA));
      expect(history.body.items.map((e: any) => e.action)).toEqual([
        'create',
        'update',
      ]);
      expect(history.body.items[1].changes).toEqual({
        durationMinutes: [30, 45],
        active: [true, false],
      });
    });

    it('keeps a standard change inside the active template version it came from', async () => {
      const backend = await startItsmBackend({
        databaseId,
        entities: changeEntities,
        config: {},
      });
      const api = backend.api;
      const template = async (body: object) => {
        const res = await api()
          .post('/api/itsm/change-templates')
          .set('Authorization', asUser(PRIYA))
          .send({ ...TEMPLATE, ...body });
        expect(res.status).toBe(201);
        return res.body;
      };
      const editTemplate = (id: string, version: number, body: object) =>
        api()
          .patch(`/api/itsm/change-templates/${id}`)
          .set('Authorization', asUser(PRIYA))
          .set('If-Match', `"${version}"`)
          .send(body);
      const changes = changeApi(backend);
      const fromTemplate = (templateId: string) =>
        changes.create(PRIYA, {
          type: 'standard',
          templateId,
          entityRefs: [SEARCH],
          ...windowIn(24),
          implementationPlan: undefined,
          backoutPlan: undefined,
          testPlan: undefined,
        });
      const std = await template({});

      // Edits may not swap in services the template does not list, nor replace its plans.
      const draft = await fromTemplate(std.id);
      for (const body of [
        { entityRefs: [CHECKOUT] },
        { entityRefs: [SEARCH, CHECKOUT] },
        { implementationPlan: 'Something else entirely' },
        { backoutPlan: null },
        { testPlan: 'Skip the tests' },
      ]) {
        const res = await changes.patch(draft.id, PRIYA, 1, body);
        expect([body, res.status]).toEqual([body, 400]);
      }
      expect(await changes.history(draft.id, PRIYA)).toHaveLength(1);
      // Within the template: another listed service, a new title.
      const edited = await changes.patch(draft.id, PRIYA, 1, {
        entityRefs: [PAYMENTS_API],
        title: 'Rotate the payments API certificate',
      });
      expect(edited.status).toBe(200);

      // Retired after the draft was made: no longer pre-approved.
      const retired = await editTemplate(std.id, 1, { active: false });
      expect(retired.status).toBe(200);
      const refused = await changes.transition(draft.id, PRIYA, 2, {
        to: 'scheduled',
      });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/retired/);

      // Changed after the draft was made: the draft's version is no longer the approved one.
      const other = await template({ title: 'Rotate other certificates' });
      const older = await fromTemplate(other.id);
      expect(
        (
          await editTemplate(other.id, 1, {
            implementationPlan: 'Run the new rotation job',
          })
        ).status,
      ).toBe(200);
      const changed = await changes.transition(older.id, PRIYA, 1, {
        to: 'scheduled',
      });
      expect(changed.status).toBe(409);
      expect(changed.body.error.message).toMatch(/changed since/);
      expect((await changes.get(older.id, PRIYA)).body.status).toBe('draft');
      // A change raised from the current version schedules.
      const current = await fromTemplate(other.id);
      expect(current.templateVersion).toBe(2);
      const scheduled = await changes.transition(current.id, PRIYA, 1, {
        to: 'scheduled',
      });
      expect(scheduled.status).toBe(200);
    });
  });

  it('needs itsm.change.template.manage to create or edit, and a known owner group', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result:
            r.permission.name === changeTemplateManagePermission.name
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
      authorizeConditional: async queries =>
        queries.map(() => ({ result: AuthorizeResult.ALLOW })),
    });
    const denied = await startItsmBackend({
      entities: changeEntities,
      config: {},
      features: [permissions.factory],
    });
    const res = await denied
      .api()
      .post('/api/itsm/change-templates')
      .set('Authorization', asUser(PRIYA))
      .send(TEMPLATE);
    expect(res.status).toBe(403);

    const backend = await startItsmBackend({
      entities: changeEntities,
      config: {},
    });
    const unknown = await backend
      .api()
      .post('/api/itsm/change-templates')
      .set('Authorization', asUser(PRIYA))
      .send({ ...TEMPLATE, owner: 'group:default/nobody' });
    expect(unknown.status).toBe(400);
    const list = await backend
      .api()
      .get('/api/itsm/change-templates')
      .set('Authorization', asUser(PRIYA));
    expect(list.body).toEqual({ items: [], nextCursor: null });
  });
});
