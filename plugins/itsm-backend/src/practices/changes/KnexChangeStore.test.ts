import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { PreconditionFailedError } from '@backstage-itsm/plugin-itsm-common';
import { ChangeFields } from './ChangeStore';
import { KnexChangeStore } from './KnexChangeStore';
import { KnexChangeTemplateStore } from './KnexChangeTemplateStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const T0 = new Date('2026-03-02T09:15:30.123Z');
const H = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * H);

function fields(overrides: Partial<ChangeFields> = {}): ChangeFields {
  return {
    type: 'normal',
    status: 'draft',
    planRevision: 1,
    title: 'Upgrade',
    justification: '',
    plannedStart: at(1),
    plannedEnd: at(3),
    actualStart: null,
    actualEnd: null,
    implementationPlan: 'Do it',
    backoutPlan: 'Undo it',
    testPlan: 'Test it',
    riskAnswers: { tested: 'yes' },
    risk: 'low',
    riskReasons: ['Score 0'],
    requiredApprovals: [],
    conflicts: [],
    outcome: null,
    review: null,
    requester: 'user:default/alice',
    templateSeq: null,
    templateVersion: null,
    ...overrides,
  };
}

async function createStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database = { getClient: async () => knex };
  const store = await KnexChangeStore.create({ database });
  const templates = await KnexChangeTemplateStore.create({ database });
  return { knex, store, templates };
}

function insert(
  store: KnexChangeStore,
  overrides: Partial<ChangeFields> = {},
  entityRefs = ['component:default/payments'],
) {
  return store.createChange({
    change: fields(overrides),
    entities: entityRefs.map(entityRef => ({
      entityRef,
      ownerRef: 'group:default/team-a',
      systemRef: 'system:default/shop',
    })),
    createdAt: T0,
    createdBy: 'user:default/alice',
    event: {
      at: T0,
      actor: 'user:default/alice',
      action: 'create',
      changes: {},
    },
  });
}

describe('KnexChangeStore', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('stores a change with its entities, JSON fields and millisecond timestamps', async () => {
      const { store } = await createStore(databaseId);
      const created = await insert(store, {
        requiredApprovals: [
          { kind: 'group', group: 'group:default/cab', count: 1 },
        ],
        review: { summary: 'Fine' },
      });
      expect(created).toMatchObject({
        seq: 1,
        version: 1,
        plannedStart: at(1),
        riskAnswers: { tested: 'yes' },
        requiredApprovals: [{ kind: 'group', count: 1 }],
        review: { summary: 'Fine' },
        entities: [
          {
            entityRef: 'component:default/payments',
            ownerRef: 'group:default/team-a',
            systemRef: 'system:default/shop',
          },
        ],
        approvals: [],
        createdAt: T0,
      });
      expect(await store.getChange(2)).toBeUndefined();
      expect(await store.getChange(1)).toBeDefined();
    });

    it('applies a write only at the expected version (412 otherwise), with its history event', async () => {
      const { store } = await createStore(databaseId);
      await insert(store);
      const write = {
        seq: 1,
        expectedVersion: 1,
        changes: { status: 'assessment' as const },
        event: {
          at: at(1),
          actor: 'user:default/bob',
          action: 'transition',
          changes: { status: ['draft', 'assessment'] as [unknown, unknown] },
        },
      };
      const updated = await store.updateChange(write);
      expect(updated).toMatchObject({
        version: 2,
        status: 'assessment',
        updatedBy: 'user:default/bob',
      });
      await expect(store.updateChange(write)).rejects.toBeInstanceOf(
        PreconditionFailedError,
      );
      const history = await store.listHistory({ seq: 1, limit: 10 });
      expect(history.items.map(e => [e.version, e.action])).toEqual([
        [1, 'create'],
        [2, 'transition'],
      ]);
    });

    it('refuses a second vote by the same person on the same plan revision in the database', async () => {
      const { store } = await createStore(databaseId);
      await insert(store, { status: 'authorization' });
      const vote = {
        approver: 'user:default/bob',
        decision: 'approve' as const,
        comment: null,
        at: at(1),
        planRevision: 1,
      };
      await store.transaction(tx => tx.insertApproval(1, vote));
      const error = await store
        .transaction(tx => tx.insertApproval(1, vote))
        .catch(e => e);
      expect(isDatabaseConflictError(error)).toBe(true);
      await store.transaction(tx =>
        tx.insertApproval(1, { ...vote, planRevision: 2 }),
      );
      const locked = await store.transaction(tx => tx.lockChange(1));
      expect(locked?.approvals.map(a => a.planRevision)).toEqual([1, 2]);
      expect(await store.transaction(tx => tx.lockChange(9))).toBeUndefined();
    });

    it('lists by filters with keyset pages, and finds changes in a window by entity, owner and system', async () => {
      const { store } = await createStore(databaseId);
      await insert(store, { status: 'scheduled' });
      await insert(
        store,
        { status: 'scheduled', plannedStart: at(5), plannedEnd: at(6) },
        ['component:default/cart'],
      );
      await insert(store, { status: 'draft', title: 'Other thing' });
      const page1 = await store.listChanges({ limit: 2, order: 'desc' });
      expect(page1.items.map(c => c.seq)).toEqual([3, 2]);
      const page2 = await store.listChanges({
        limit: 2,
        order: 'desc',
        cursor: page1.nextCursor!,
      });
      expect(page2).toMatchObject({ items: [{ seq: 1 }], nextCursor: null });
      expect(
        (await store.listChanges({ limit: 9, order: 'asc', q: 'OTHER' })).items,
      ).toHaveLength(1);

      const inWindow = (query: object) =>
        store
          .listChangesInWindow({
            from: at(2),
            to: at(5.5),
            statuses: ['scheduled'],
            limit: 10,
            ...query,
          })
          .then(items => items.map(c => c.seq));
      expect(await inWindow({})).toEqual([1, 2]);
      expect(
        await inWindow({ entityRefs: ['component:default/cart'] }),
      ).toEqual([2]);
      expect(await inWindow({ owners: ['group:default/team-a'] })).toEqual([
        1, 2,
      ]);
      expect(await inWindow({ systems: ['system:default/none'] })).toEqual([]);
      expect(await inWindow({ excludeSeqs: [1] })).toEqual([2]);
      // Half-open windows: one ending when the range starts is outside.
      expect(await inWindow({ from: at(3), to: at(4) })).toEqual([]);
    });

    it('counts finished changes and failures, including those that caused incidents', async () => {
      const { store, knex } = await createStore(databaseId);
      const finished = { status: 'closed' as const, actualEnd: at(2) };
      await insert(store, { ...finished, outcome: 'successful' });
      await insert(store, { ...finished, outcome: 'backed_out' });
      await insert(store, { ...finished, outcome: 'successful' });
      await insert(store, {
        status: 'closed',
        actualEnd: at(-100),
        outcome: 'failed',
      });
      await knex('itsm_incidents').insert({
        version: 1,
        title: 'Broken by CHG-3',
        description: '',
        entity_ref: 'component:default/payments',
        reporter: 'user:default/alice',
        impact: 2,
        urgency: 2,
        priority: 3,
        status: 'new',
        source: 'portal',
        caused_by_change_seq: 3,
        created_at: T0,
        created_by: 'user:default/alice',
        updated_at: T0,
      });
      expect(
        await store.countFinishedChanges({
          entityRefs: ['component:default/payments'],
          since: at(0),
        }),
      ).toEqual({ total: 3, failed: 2, causedIncidents: 1 });
      expect(
        await store.countFinishedChanges({
          entityRefs: ['component:default/cart'],
          since: at(0),
        }),
      ).toEqual({ total: 0, failed: 0, causedIncidents: 0 });
    });

    it('keeps template versions and lists templates usable on an entity', async () => {
      const { templates } = await createStore(databaseId);
      const template = {
        title: 'Rotate',
        description: '',
        owner: 'group:default/team-a',
        entityRefs: ['component:default/payments'],
        implementationPlan: 'a',
        backoutPlan: 'b',
        testPlan: 'c',
        durationMinutes: 30,
        active: true,
      };
      const event = {
        at: T0,
        actor: 'user:default/a',
        action: 'create',
        changes: {},
      };
      await templates.createTemplate({
        template,
        createdAt: T0,
        createdBy: 'user:default/a',
        event,
      });
      await templates.createTemplate({
        template: { ...template, entityRefs: [] },
        createdAt: T0,
        createdBy: 'user:default/a',
        event,
      });
      const usable = async (ref: string) =>
        (
          await templates.listTemplates({ entityRefs: [ref], limit: 10 })
        ).items.map(t => t.seq);
      expect(await usable('component:default/payments')).toEqual([2, 1]);
      expect(await usable('component:default/cart')).toEqual([2]);
      const updated = await templates.updateTemplate({
        seq: 1,
        expectedVersion: 1,
        changes: { active: false, entityRefs: ['component:default/cart'] },
        event: { ...event, action: 'update' },
      });
      expect(updated).toMatchObject({
        version: 2,
        active: false,
        entityRefs: ['component:default/cart'],
      });
      await expect(
        templates.updateTemplate({
          seq: 1,
          expectedVersion: 1,
          changes: { title: 'x' },
          event,
        }),
      ).rejects.toBeInstanceOf(PreconditionFailedError);
    });
  });
});
