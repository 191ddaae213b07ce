import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { setNow } from '../../../__testUtils__/slaApi';
import { KnexProblemStore } from '../../problems/KnexProblemStore';
import { KnexKpiStore } from '../measure/KnexKpiStore';
import { itsmServicesOn } from '../measure/__testUtils__/itsmServices';
import { RuleSuggester } from './RuleSuggester';
import {
  CART,
  NOW,
  PAYMENTS,
  fakeRegister,
  seedSuggestions,
  suggestionEntities,
} from './__testUtils__/suggestionFixture';
import {
  MAX_SOURCE_KEY_LENGTH,
  lastFullMonth,
  periodOf,
  sourceKey,
} from './suggestion';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe('suggestion keys', () => {
  it('keeps a key readable when it fits and bounds a long one by a hash', () => {
    expect(sourceKey('csat', PAYMENTS, '2026-02')).toBe(
      'csat|component:default/payments|2026-02',
    );
    const long = sourceKey(
      'recurrence',
      PAYMENTS,
      'signature',
      'x'.repeat(300),
    );
    expect(long.length).toBeLessThanOrEqual(MAX_SOURCE_KEY_LENGTH);
    expect(long).not.toBe(
      sourceKey('recurrence', PAYMENTS, 'signature', `${'x'.repeat(299)}y`),
    );
  });

  it('names 28-day periods aligned on the epoch, and the last full UTC month', () => {
    expect(periodOf('1970-01-28T23:59:59.999Z')).toBe('1970-01-01');
    expect(periodOf('1970-01-29T00:00:00.000Z')).toBe('1970-01-29');
    expect(periodOf('2026-03-08T10:00:00Z')).toBe(
      periodOf('2026-02-26T00:00:00Z'),
    );
    expect(lastFullMonth(new Date('2026-03-01T00:00:00Z'))).toEqual({
      from: new Date('2026-02-01T00:00:00Z'),
      to: new Date('2026-03-01T00:00:00Z'),
      label: '2026-02',
    });
    expect(lastFullMonth(new Date('2026-01-15T00:00:00Z')).label).toBe(
      '2025-12',
    );
  });
});

describe('improvement suggestions', () => {
  afterEach(() => jest.useRealTimers());

  it.each(databases.eachSupportedId())(
    'proposes each rule over its threshold, none below it, and nothing on a second run, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const { services, deps } = await itsmServicesOn(knex, {
        entities: suggestionEntities,
      });
      await seedSuggestions(knex, services, deps);
      const register = fakeRegister();
      const suggester = new RuleSuggester({
        services,
        deps,
        proposer: () => register,
        kpiStore: () => KnexKpiStore.create(deps),
        problemStore: () => KnexProblemStore.create(deps),
      });

      const first = await suggester.run({ now: NOW });
      const byKey = Object.fromEntries(
        [...register.items].map(([key, { input }]) => [key, input]),
      );
      const breachKey = `sla-breaches|${PAYMENTS}|SLA-1|resolution|p2|${periodOf(
        '2026-03-08T10:00:00Z',
      )}`;
      expect(Object.keys(byKey).sort()).toEqual(
        [
          breachKey,
          `csat|${PAYMENTS}|2026-02`,
          `change-failure|${PAYMENTS}|2026-02`,
          `change-failure|${CART}|2026-02`,
          'sla-alignment|SLA-1@1|OLA-1@1',
          `recurrence|${PAYMENTS}|signature|alertmanager:DiskFull|${periodOf(
            '2026-03-09T09:00:00Z',
          )}`,
          `recurrence|${CART}|category|database|${periodOf(
            '2026-03-08T09:00:00Z',
          )}`,
          'review-action|REV-1/A-1|due-2026-03-01',
        ].sort(),
      );
      expect(first.proposed).toHaveLength(8);
      // Looked at: 4 breach targets, 3 SLAs' CSAT, 4 services with changes closed, 2
      // supporting agreements, 4 recurrence clusters (2 signatures, 2 categories), 3 open actions.
      expect(first.considered).toBe(4 + 3 + 4 + 2 + 4 + 3);

      // Repeated breaches: the latest breach is the source, the figures are named.
      expect(byKey[breachKey]).toMatchObject({
        kind: 'corrective_action',
        source: 'sla_breach',
        sourceId: 'BRE-4',
        entityRefs: [PAYMENTS],
        urgency: 5,
        kpi: {
          kpi: 'breach_count',
          priority: 2,
          windowDays: 28,
          direction: 'decrease',
        },
      });
      expect(byKey[breachKey].title).toBe(
        'Stop repeated P2 resolution breaches on payments: 3 in 28 days',
      );
      expect(byKey[breachKey].description).toContain(
        "3 breaches of SLA-1's P2 resolution target (8 h)",
      );
      expect(byKey[breachKey].description).toContain(
        'BRE-2 (INC-1, 2026-02-20)',
      );

      // CSAT below target, from the SLA report of February.
      expect(byKey[`csat|${PAYMENTS}|2026-02`]).toMatchObject({
        source: 'customer_feedback',
        sourceId: null,
        title: 'Raise CSAT of payments: 40% in 2026-02 (target 80%)',
        kpi: { kpi: 'csat', target: { kind: 'absolute', value: 80 } },
      });
      expect(byKey[`csat|${PAYMENTS}|2026-02`].description).toContain(
        '2 of 5 ratings were 4 or 5',
      );

      // Change failure rate: payments against its SLA (100 − 90), cart against the default.
      expect(byKey[`change-failure|${PAYMENTS}|2026-02`]).toMatchObject({
        kind: 'corrective_action',
        source: 'change_review',
        title: 'Fewer failed changes on payments: 20% in 2026-02 (target 10%)',
        kpi: {
          kpi: 'change_failure_rate',
          target: { kind: 'absolute', value: 10 },
        },
      });
      expect(byKey[`change-failure|${PAYMENTS}|2026-02`].sourceId).toMatch(
        /^CHG-\d+$/,
      );
      expect(byKey[`change-failure|${CART}|2026-02`]).toMatchObject({
        kind: 'improvement',
        title: 'Fewer failed changes on cart: 16.7% in 2026-02 (target 15%)',
      });

      // Alignment: an audit finding naming both agreements.
      expect(byKey['sla-alignment|SLA-1@1|OLA-1@1']).toMatchObject({
        kind: 'corrective_action',
        source: 'audit_finding',
        sourceId: 'SLA-1/OLA-1',
        entityRefs: [PAYMENTS],
        kpi: null,
      });
      expect(byKey['sla-alignment|SLA-1@1|OLA-1@1'].nonconformity).toContain(
        "OLA-1 P1 resolution target is looser than SLA-1's",
      );

      // Recurrence: by signature on payments (its category left to it), by category on cart.
      const disk = Object.entries(byKey).find(([k]) =>
        k.startsWith(`recurrence|${PAYMENTS}`),
      )![1];
      expect(disk).toMatchObject({
        source: 'incident_trend',
        title: 'Stop recurring incidents on payments: Disk full on payments-db',
        kpi: { kpi: 'recurrence', signature: 'alertmanager:DiskFull' },
      });
      expect(disk.sourceId).toMatch(/^INC-\d+$/);
      expect(
        Object.entries(byKey).find(([k]) =>
          k.startsWith(`recurrence|${CART}`),
        )![1],
      ).toMatchObject({
        title: 'Stop recurring database incidents on cart',
        kpi: { kpi: 'recurrence', category: 'database', signature: null },
      });

      // Overdue review action: its owner owns the item.
      expect(byKey['review-action|REV-1/A-1|due-2026-03-01']).toMatchObject({
        source: 'service_review',
        sourceId: 'REV-1/A-1',
        owner: 'user:default/bob',
        entityRefs: [PAYMENTS],
        title:
          'Overdue review action REV-1/A-1: Publish the maintenance calendar',
      });

      // A second run proposes nothing.
      const second = await suggester.run({ now: NOW });
      expect(second).toEqual({ proposed: [], considered: first.considered });
      // A day later only what is new: A-4, due on the day of the first run, is overdue now.
      const tomorrow = new Date(NOW.getTime() + 86_400_000);
      setNow(tomorrow);
      expect((await suggester.run({ now: tomorrow })).proposed).toHaveLength(1);
      expect([...register.items.keys()].slice(8)).toEqual([
        'review-action|REV-1/A-4|due-2026-03-10',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'runs the rules whose practice is there, and goes on past a rule that fails, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const { services, deps } = await itsmServicesOn(knex, {
        entities: suggestionEntities,
      });
      await seedSuggestions(knex, services, deps);
      const register = fakeRegister();
      const warn = jest.spyOn(deps.logger, 'warn');
      const suggester = new RuleSuggester({
        // No problems, satisfaction or reviews practice.
        services: {
          ...services,
          problems: undefined,
          satisfaction: undefined,
          reviewActions: undefined,
        } as any,
        deps,
        proposer: () => register,
        kpiStore: async () => {
          throw new Error('database down');
        },
        problemStore: () => KnexProblemStore.create(deps),
      });
      const { proposed } = await suggester.run({ now: NOW });
      expect(
        [...register.items.keys()].map(k => k.split('|')[0]).sort(),
      ).toEqual(['sla-alignment', 'sla-breaches']);
      expect(proposed).toHaveLength(2);
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining(
          'change failure rate failed: Error: database down',
        ),
      );

      // Without a register there is nothing to propose to.
      const none = new RuleSuggester({
        services,
        deps,
        proposer: () => undefined,
        kpiStore: () => KnexKpiStore.create(deps),
        problemStore: () => KnexProblemStore.create(deps),
      });
      expect(await none.run({ now: NOW })).toEqual({
        proposed: [],
        considered: 0,
      });
    },
  );
});
