import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  changeReadPermission,
  changeUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import {
  GUEST,
  PAYMENTS,
  PAYMENTS_API,
  PRIYA,
  SEARCH,
  changeApi,
  changeEntities,
} from '../../__testUtils__/changeApi';
import { databases, startItsmBackend } from '../../__testUtils__/testBackend';
import {
  changeConditions,
  createChangeConditionalDecision,
} from '../../permissions/conditionExports';

jest.setTimeout(120_000);

/** Reads limited to the caller's own changes or those on payments-team entities; updates to payments-team entities. */
function permissions() {
  const read: PolicyDecision = createChangeConditionalDecision(
    changeReadPermission,
    {
      anyOf: [
        changeConditions.isChangeRequester({ claims: [PRIYA] }),
        changeConditions.isChangeEntityOwner({ claims: [PAYMENTS] }),
      ],
    },
  );
  const update: PolicyDecision = createChangeConditionalDecision(
    changeUpdatePermission,
    changeConditions.isChangeEntityOwner({ claims: [PAYMENTS] }),
  );
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    authorizeConditional: async queries =>
      queries.map(q => {
        if (q.permission.name === changeReadPermission.name) return read;
        if (q.permission.name === changeUpdatePermission.name) return update;
        return { result: AuthorizeResult.ALLOW };
      }),
  });
}

describe('change permissions', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('turns the requester and entity-owner rules into list filters, 404 for unreadable changes and 403 for updates', async () => {
      const open = await startItsmBackend({
        databaseId,
        entities: changeEntities,
        config: {},
      });
      const setup = changeApi(open);
      await setup.create(GUEST, { entityRefs: [SEARCH] }); // CHG-1: neither rule
      await setup.create(GUEST, { entityRefs: [PAYMENTS_API] }); // CHG-2: owned by payments
      await setup.create(PRIYA, { entityRefs: [SEARCH] }); // CHG-3: requested by priya

      const backend = await startItsmBackend({
        databaseId: undefined,
        entities: changeEntities,
        config: {},
        features: [
          permissions().factory,
          mockServices.database.factory({ knex: open.knex! }),
        ],
      });
      const changes = changeApi(backend);
      const list = await changes.list('', PRIYA);
      expect(list.body.items.map((c: any) => c.id)).toEqual(['CHG-3', 'CHG-2']);
      expect((await changes.get('CHG-1', PRIYA)).status).toBe(404);
      expect((await changes.get('CHG-3', PRIYA)).status).toBe(200);

      expect(
        (await changes.patch('CHG-3', PRIYA, 1, { title: 'Mine' })).status,
      ).toBe(403);
      expect(
        (await changes.patch('CHG-2', PRIYA, 1, { title: 'Payments' })).status,
      ).toBe(200);
    });
  });

  it('evaluates change conditions for the permission backend', async () => {
    const backend = await startItsmBackend({
      entities: changeEntities,
      config: {},
    });
    const changes = changeApi(backend);
    await changes.create(PRIYA, { entityRefs: [SEARCH] });
    await changes.create(GUEST, { entityRefs: [PAYMENTS_API] });
    const apply = await backend
      .api()
      .post('/api/itsm/.well-known/backstage/permissions/apply-conditions')
      .set('Authorization', mockCredentials.service.header())
      .send({
        items: ['CHG-1', 'CHG-2'].map(resourceRef => ({
          id: resourceRef,
          resourceRef,
          resourceType: 'itsm-change',
          conditions: {
            rule: 'IS_CHANGE_ENTITY_OWNER',
            resourceType: 'itsm-change',
            params: { claims: ['Group:default/Payments-Team'] },
          },
        })),
      });
    expect(apply.status).toBe(200);
    expect(apply.body.items).toEqual([
      { id: 'CHG-1', result: 'DENY' },
      { id: 'CHG-2', result: 'ALLOW' },
    ]);
  });
});
