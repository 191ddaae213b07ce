import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { itsmServicesOn } from '../measure/__testUtils__/itsmServices';
import {
  NOW,
  PAYMENTS,
  seedSuggestions,
  suggestionEntities,
} from './__testUtils__/suggestionFixture';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe('improvement suggestions on two replicas', () => {
  afterEach(() => jest.useRealTimers());

  it.each(databases.eachSupportedId())(
    'proposes each item once when two instances run at the same time, through the real register, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      // Two plugin instances on one database, each with its own services and suggester.
      const a = await itsmServicesOn(knex, { entities: suggestionEntities });
      const b = await itsmServicesOn(knex, { entities: suggestionEntities });
      await seedSuggestions(knex, a.services, a.deps);

      const [first, second] = await Promise.all([
        a.services.improvementSuggester.run({ now: NOW }),
        b.services.improvementSuggester.run({ now: NOW }),
      ]);
      const proposed = [...first.proposed, ...second.proposed];
      // Every suggestion is accepted by the register (its sources resolve) and made once.
      expect(proposed).toHaveLength(8);
      expect(new Set(proposed).size).toBe(8);
      const rows = await knex('itsm_improvements')
        .select('source_key', 'status', 'source', 'source_id')
        .whereNotNull('source_key');
      expect(rows).toHaveLength(8);
      expect(new Set(rows.map(r => r.source_key)).size).toBe(8);
      expect(rows.every(r => r.status === 'proposed')).toBe(true);

      // The items read back as the register shows them: the breach names its item now.
      const ctx = {
        credentials: await a.deps.auth.getOwnServiceCredentials(),
      };
      const breachItem = rows.find(r => r.source === 'sla_breach')!;
      expect(breachItem.source_id).toBe('BRE-4');
      const breach = await a.services.breaches.get('BRE-4', ctx);
      expect(proposed).toContain(breach.improvementId);
      const item = await a.services.improvements.get(
        breach.improvementId!,
        ctx,
      );
      expect(item).toMatchObject({
        status: 'proposed',
        kind: 'corrective_action',
        source: 'sla_breach',
        entityRefs: [PAYMENTS],
        kpi: { kpi: 'breach_count', priority: 2 },
      });
      expect(item.sourceKey).toMatch(/^sla-breaches\|/);

      // Both again, at once: nothing new.
      const again = await Promise.all([
        a.services.improvementSuggester.run({ now: NOW }),
        b.services.improvementSuggester.run({ now: NOW }),
      ]);
      expect(again.flatMap(r => r.proposed)).toEqual([]);
      expect(
        Number(
          (
            await knex('itsm_improvements')
              .whereNotNull('source_key')
              .count({ n: '*' })
          )[0].n,
        ),
      ).toBe(8);
    },
  );
});
