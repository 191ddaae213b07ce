import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  changeApi,
  changeEntities,
  PRIYA,
  SEARCH,
} from '../__testUtils__/changeApi';
import { incidentApi } from '../__testUtils__/incidentApi';
import { problemApi } from '../__testUtils__/problemApi';
import {
  ALICE,
  databases,
  startItsmBackend,
  testEntities,
} from '../__testUtils__/testBackend';
import { PRACTICES } from '../practices';
import { OwnerRefreshJob } from './OwnerRefreshJob';
import { KnexOwnerRefStore } from './ownerRefStore';
import { permissionsFor } from '../__testUtils__/permissions';

jest.setTimeout(120_000);

const NOVA = 'user:default/nova';
const NEW_TEAM = 'group:default/team-new';

/** Nova, of the team that owns cart after the re-org, reads incidents of services her team owns. */
const permissions = permissionsFor(NOVA, { incidentOwners: [NEW_TEAM] });

/** The catalog after the re-org: cart and search belong to the new team. */
function reorganised(entities: Entity[]) {
  const moved = new Set(['component:default/cart', SEARCH]);
  return {
    async getEntities(refs: string[]) {
      return refs.map(ref => {
        const entity = entities.find(
          e =>
            `${e.kind}:${e.metadata.namespace ?? 'default'}/${
              e.metadata.name
            }`.toLocaleLowerCase('en-US') === ref,
        );
        if (!entity || !moved.has(ref)) {
          return entity;
        }
        return {
          ...entity,
          relations: [],
          spec: { ...entity.spec, owner: NEW_TEAM },
        };
      });
    },
  };
}

describe.each(databases.eachSupportedId())(
  'OwnerRefreshJob on %p',
  databaseId => {
    it('moves the owners stored on open records to the catalog owner, so the new team gets access', async () => {
      const entities = [...testEntities, ...changeEntities];
      const backend = await startItsmBackend({
        databaseId,
        entities,
        features: [permissions.factory],
      });
      const incidents = incidentApi(backend, ALICE);
      const open = await incidents.create({ title: 'Cart slow' });
      const closed = await incidents.createIn('closed', { title: 'Cart down' });
      const change = await changeApi(backend).create(PRIYA, {
        entityRefs: [SEARCH],
      });
      const problem = await problemApi(backend, ALICE).create({
        entityRefs: ['component:default/cart'],
      });
      const nova = incidentApi(backend, NOVA);
      expect((await nova.get(open.id)).status).toBe(404);

      const job = new OwnerRefreshJob({
        store: new KnexOwnerRefStore(backend.knex!),
        tables: PRACTICES.flatMap(p => p.ownedEntities ?? []),
        catalog: reorganised(entities),
        logger: mockServices.logger.mock(),
      });
      const first = await job.run();
      expect(first.updated).toEqual({
        incident: 1,
        change: 1,
        problem: 1,
        survey: 0,
        complaint: 0,
        review: 0,
        improvement: 0,
      });
      // Idempotent: nothing left to change.
      expect((await job.run()).updated).toEqual({
        incident: 0,
        change: 0,
        problem: 0,
        survey: 0,
        complaint: 0,
        review: 0,
        improvement: 0,
      });

      expect((await nova.get(open.id)).status).toBe(200);
      // A closed record keeps the owner it had.
      expect((await nova.get(closed.id)).status).toBe(404);
      const [changeEntity] = await backend.knex!('itsm_change_entities').where({
        change_seq: Number(change.id.slice(4)),
      });
      expect(changeEntity.owner_ref).toBe(NEW_TEAM);
      const [problemEntity] = await backend.knex!('itsm_record_entities').where(
        { record_type: 'problem', record_seq: Number(problem.id.slice(4)) },
      );
      expect(problemEntity.owner_ref).toBe(NEW_TEAM);
    });
  },
);
