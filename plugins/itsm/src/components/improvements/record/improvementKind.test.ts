import type { ImprovementKpi } from '@backstage-itsm/plugin-itsm-common';
import { formatKpiValue, kpiSentence } from './improvementKind';

const kpi = (overrides: Partial<ImprovementKpi> = {}): ImprovementKpi => ({
  kpi: 'breach_count',
  category: null,
  priority: null,
  signature: null,
  windowDays: 28,
  settleDays: 7,
  direction: 'decrease',
  target: { kind: 'relative', percent: 50 },
  ...overrides,
});

describe('kpiSentence', () => {
  it('says the KPI, its services and scope, the window and the target', () => {
    expect(kpiSentence(kpi(), ['component:default/payments-api'])).toBe(
      'Breach count on payments-api, 28-day windows, decrease by 50%',
    );
    expect(
      kpiSentence(
        kpi({
          kpi: 'recurrence',
          category: 'database',
          signature: 'title:slow query',
          windowDays: 56,
        }),
        ['component:default/payments-api', 'system:default/payments'],
      ),
    ).toBe(
      'Recurrence of a category or signature on payments-api, payments (category database, signature title:slow query), 56-day windows, decrease by 50%',
    );
    expect(
      kpiSentence(
        kpi({
          kpi: 'csat',
          direction: 'increase',
          target: { kind: 'absolute', value: 85 },
        }),
        ['component:default/payments-api'],
      ),
    ).toBe(
      'Customer satisfaction (CSAT) on payments-api, 28-day windows, increase to 85%',
    );
  });

  it('writes values with their units, rounded to two decimals', () => {
    expect(formatKpiValue(12, 'breaches')).toBe('12 breaches');
    expect(formatKpiValue(4.256, 'hours')).toBe('4.26 h');
    expect(formatKpiValue(99.5, '%')).toBe('99.5%');
    expect(formatKpiValue(null, '%')).toBe('—');
  });
});
