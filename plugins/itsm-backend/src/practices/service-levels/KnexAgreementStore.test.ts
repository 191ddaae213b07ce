import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { PreconditionFailedError } from '@backstage-itsm/plugin-itsm-common';
import { ConflictError } from '@backstage/errors';
import { SlaTerms, SupportingTerms } from './AgreementStore';
import { KnexAgreementStore } from './KnexAgreementStore';
import { KnexIncidentStore } from '../incidents/KnexIncidentStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const T0 = new Date('2026-03-02T09:15:30.123Z');
const D = 86_400_000;
const at = (days: number) => new Date(T0.getTime() + days * D);
const ACTOR = 'user:default/alice';

const slaTerms = (overrides: Partial<SlaTerms> = {}): SlaTerms => ({
  title: 'Payments SLA',
  calendarId: '24x7',
  customerGroups: ['group:default/retail'],
  targets: {
    incidents: { p1: { resolution: { duration: '4h' } } },
    availabilityPercent: 99.9,
  },
  workloadLimits: {},
  exceptions: '',
  reviewCadence: 'quarterly',
  ...overrides,
});

const olaTerms: SupportingTerms = {
  title: 'Support OLA',
  calendarId: '24x7',
  targets: { incidents: {} },
  workloadLimits: {},
  exceptions: '',
  reviewCadence: 'annual',
  internalGroup: 'group:default/support',
  supplier: null,
  contractRef: null,
};

const event = (action: string, when = T0) => ({
  at: when,
  actor: ACTOR,
  action,
  changes: { title: [null, 'x'] as [unknown, unknown] },
});

async function createStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database = { getClient: async () => knex };
  await KnexIncidentStore.create({ database }); // runs the migrations
  return { knex, store: await KnexAgreementStore.create({ database }) };
}

function newSla(store: KnexAgreementStore, entityRef: string) {
  return store.createSla({
    sla: {
      entityRef,
      ownerRef: 'group:default/team-a',
      terms: slaTerms(),
      effectiveFrom: T0,
      effectiveTo: null,
      lastReviewedAt: null,
    },
    createdAt: T0,
    createdBy: ACTOR,
    event: event('create'),
  });
}

describe('KnexAgreementStore', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('stores an SLA with revision 1 and one SLA per service', async () => {
      const { store } = await createStore(databaseId);
      const sla = await newSla(store, 'component:default/payments');
      expect(sla).toEqual({
        seq: 1,
        version: 1,
        revision: 1,
        entityRef: 'component:default/payments',
        ownerRef: 'group:default/team-a',
        terms: slaTerms(),
        effectiveFrom: T0,
        effectiveTo: null,
        lastReviewedAt: null,
        createdAt: T0,
        createdBy: ACTOR,
        updatedAt: T0,
      });
      await expect(
        newSla(store, 'component:default/payments'),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(
        await store.getSlaByEntity('component:default/payments'),
      ).toMatchObject({ seq: 1 });
      expect(await store.listRevisions({ type: 'sla', seq: 1 })).toEqual([
        {
          revision: 1,
          terms: slaTerms(),
          effectiveFrom: T0,
          effectiveTo: null,
          createdAt: T0,
          createdBy: ACTOR,
        },
      ]);
    });

    it('adds a revision, closes the previous one, and writes nothing at a stale version', async () => {
      const { store } = await createStore(databaseId);
      await newSla(store, 'component:default/payments');
      const revised = await store.updateSla({
        seq: 1,
        expectedVersion: 1,
        revision: {
          revision: 2,
          terms: slaTerms({ title: 'Revised' }),
          effectiveFrom: at(30),
          effectiveTo: at(400),
          createdAt: at(1),
          createdBy: ACTOR,
          closePreviousAt: at(30),
        },
        at: at(1),
        event: event('revise', at(1)),
      });
      expect(revised).toMatchObject({
        version: 2,
        revision: 2,
        terms: { title: 'Revised' },
        effectiveFrom: at(30),
        effectiveTo: at(400),
        updatedAt: at(1),
      });
      await expect(
        store.updateSla({
          seq: 1,
          expectedVersion: 1,
          lastReviewedAt: at(2),
          at: at(2),
          event: event('review', at(2)),
        }),
      ).rejects.toBeInstanceOf(PreconditionFailedError);
      const reviewed = await store.updateSla({
        seq: 1,
        expectedVersion: 2,
        lastReviewedAt: at(2),
        ownerRef: 'group:default/team-b',
        at: at(2),
        event: event('review', at(2)),
      });
      expect(reviewed).toMatchObject({
        version: 3,
        revision: 2,
        lastReviewedAt: at(2),
        ownerRef: 'group:default/team-b',
        terms: { title: 'Revised' },
      });
      const revisions = await store.listRevisions({ type: 'sla', seq: 1 });
      expect(
        revisions.map(r => [r.revision, r.effectiveFrom, r.effectiveTo]),
      ).toEqual([
        [1, T0, at(30)],
        [2, at(30), at(400)],
      ]);
      const history = await store.listHistory({
        type: 'sla',
        seq: 1,
        limit: 10,
      });
      expect(history.items.map(e => [e.version, e.action])).toEqual([
        [1, 'create'],
        [2, 'revise'],
        [3, 'review'],
      ]);
    });

    it('links supporting agreements to SLAs and filters them by SLA, kind and service', async () => {
      const { store } = await createStore(databaseId);
      const payments = await newSla(store, 'component:default/payments');
      const cart = await newSla(store, 'component:default/cart');
      expect(await store.existingSlaSeqs([1, 2, 3])).toEqual([1, 2]);
      const create = (
        kind: 'ola' | 'uc',
        entityRef: string,
        slaSeqs: number[],
      ) =>
        store.createSupportingAgreement({
          agreement: {
            kind,
            entityRef,
            ownerRef: null,
            terms: olaTerms,
            effectiveFrom: T0,
            effectiveTo: null,
            lastReviewedAt: null,
            slaSeqs,
          },
          createdAt: T0,
          createdBy: ACTOR,
          event: event('create'),
        });
      const ola = await create('ola', 'component:default/payments', [
        cart.seq,
        payments.seq,
      ]);
      expect(ola).toMatchObject({ seq: 1, kind: 'ola', slaSeqs: [1, 2] });
      await create('uc', 'component:default/payments', [payments.seq]);
      await create('ola', 'component:default/cart', []);

      const ids = (page: { items: Array<{ seq: number }> }) =>
        page.items.map(a => a.seq);
      const list = (options: object) =>
        store.listSupportingAgreements({
          limit: 10,
          order: 'desc',
          ...options,
        });
      expect(ids(await list({}))).toEqual([3, 2, 1]);
      expect(ids(await list({ slaSeqs: [payments.seq] }))).toEqual([2, 1]);
      expect(ids(await list({ slaSeqs: [cart.seq] }))).toEqual([1]);
      expect(ids(await list({ kinds: ['uc'] }))).toEqual([2]);
      expect(
        ids(
          await list({
            entityRefs: ['component:default/cart'],
            kinds: ['ola'],
          }),
        ),
      ).toEqual([3]);
      const first = await list({ limit: 2, order: 'asc' });
      expect(ids(first)).toEqual([1, 2]);
      expect(
        ids(await list({ limit: 2, order: 'asc', cursor: first.nextCursor })),
      ).toEqual([3]);

      const relinked = await store.updateSupportingAgreement({
        seq: 1,
        expectedVersion: 1,
        slaSeqs: [cart.seq],
        at: at(1),
        event: event('update', at(1)),
      });
      expect(relinked).toMatchObject({ version: 2, revision: 1, slaSeqs: [2] });
      expect(
        (await store.listSupportingAgreementsOfSla(payments.seq)).map(
          a => a.seq,
        ),
      ).toEqual([2]);
      expect(
        (await store.listRevisions({ type: 'supporting', seq: 1 })).length,
      ).toBe(1);
    });
  });
});
