import type {
  HistoryEvent,
  ImprovementFigure,
  ImprovementKpi,
} from '@backstage-itsm/plugin-itsm-common';
import { describeEvents } from '../../../records';
import { practiceHistory } from '../../practiceHistory';
import {
  formatFigure,
  formatGoal,
  formatKpiValue,
  formatWindowDays,
  improvementGoal,
  improvementHistoryLabels,
  kpiSentence,
} from './improvementKind';

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

describe('formatKpiValue', () => {
  it('counts one incident or breach in the singular, any other number in the plural', () => {
    expect(formatKpiValue(1, 'incidents')).toBe('1 incident');
    expect(formatKpiValue(6, 'incidents')).toBe('6 incidents');
    expect(formatKpiValue(0, 'incidents')).toBe('0 incidents');
    expect(formatKpiValue(1, 'breaches')).toBe('1 breach');
    expect(formatKpiValue(2, 'breaches')).toBe('2 breaches');
    expect(formatKpiValue(2.4, 'incidents')).toBe('2.4 incidents');
    // 1.004 rounds to 1: one incident.
    expect(formatKpiValue(1.004, 'incidents')).toBe('1 incident');
    // Hours, percentages and scores keep their form.
    expect(formatKpiValue(1, 'hours')).toBe('1 h');
    expect(formatKpiValue(1, '%')).toBe('1%');
    expect(formatKpiValue(1, 'score')).toBe('1');
  });

  it('says the goal with its direction', () => {
    expect(formatGoal(1, 'decrease', 'breaches')).toBe('at most 1 breach');
    expect(formatGoal(85, 'increase', '%')).toBe('at least 85%');
  });
});

const figure = (overrides: Partial<ImprovementFigure> = {}) => ({
  from: '2026-09-16T02:14:39.741Z',
  to: '2026-10-07T02:14:39.741Z',
  value: 6,
  n: 6,
  unit: 'incidents' as const,
  measuredAt: '2026-10-07T02:14:39.741Z',
  ...overrides,
});

describe('figures and windows', () => {
  it('writes a window as days, the year once when both share it', () => {
    expect(formatWindowDays(figure())).toBe('16 Sep – 7 Oct 2026');
    expect(
      formatWindowDays({
        from: '2026-12-18T10:00:00.000Z',
        to: '2027-01-15T10:00:00.000Z',
      }),
    ).toBe('18 Dec 2026 – 15 Jan 2027');
  });

  it('writes a figure as its value, window and events', () => {
    expect(formatFigure(figure())).toBe(
      '6 incidents, 16 Sep – 7 Oct 2026, n = 6',
    );
    expect(
      formatFigure(
        figure({
          from: '2026-10-17T02:14:39.741Z',
          to: '2026-11-07T02:14:39.741Z',
          value: 1,
          n: 1,
        }),
      ),
    ).toBe('1 incident, 17 Oct – 7 Nov 2026, n = 1');
    expect(formatFigure(figure({ value: null, n: 0, unit: '%' }))).toBe(
      'no value, 16 Sep – 7 Oct 2026, n = 0',
    );
  });

  it('reads the goal from the frozen baseline until the measurement stores it', () => {
    const relative = kpi({ target: { kind: 'relative', percent: 30 } });
    expect(
      improvementGoal({ kpi: relative, baseline: null, goal: null }),
    ).toBeNull();
    expect(
      improvementGoal({
        kpi: relative,
        baseline: figure({ value: 10, n: 10 }),
        goal: null,
      }),
    ).toBeCloseTo(7);
    expect(
      improvementGoal({
        kpi: relative,
        baseline: figure({ value: 10, n: 10 }),
        goal: 6,
      }),
    ).toBe(6);
    expect(
      improvementGoal({
        kpi: kpi({
          kpi: 'csat',
          direction: 'increase',
          target: { kind: 'absolute', value: 85 },
        }),
        baseline: null,
        goal: null,
      }),
    ).toBe(85);
    expect(
      improvementGoal({ kpi: null, baseline: null, goal: null }),
    ).toBeNull();
  });
});

function event(
  action: string,
  changes: HistoryEvent['changes'],
  version = 2,
): HistoryEvent {
  return {
    version,
    at: '2026-10-07T02:14:39.741Z',
    actor: 'user:default/marcus.reed',
    action,
    changes,
  };
}

describe('improvement history in words', () => {
  const describer = describeEvents([improvementHistoryLabels]);
  const texts = (e: HistoryEvent) =>
    describer.changeLines(e).map(line => line.text);

  it('reads the baseline frozen at approval like the Measured effect card', () => {
    expect(
      texts(
        event('transition', {
          status: ['proposed', 'approved'],
          baseline: [null, figure()],
          approvedBy: [null, 'user:default/marcus.reed'],
        }),
      ),
    ).toEqual([
      'status: Proposed → Approved',
      'baseline: — → 6 incidents, 16 Sep – 7 Oct 2026, n = 6',
      'approved by: — → user:default/marcus.reed',
    ]);
  });

  it('reads the measurement with its goal in the unit of the figures, and the verdict', () => {
    const measured = figure({
      from: '2026-10-17T02:14:39.741Z',
      to: '2026-11-07T02:14:39.741Z',
      value: 1,
      n: 1,
    });
    const lines = texts(
      event('evaluate', {
        status: ['implemented', 'evaluated'],
        measured: [null, measured],
        goal: [null, 3],
        verdict: [null, 'achieved'],
      }),
    );
    expect(lines).toEqual([
      'status: Implemented → Evaluated',
      'measured: — → 1 incident, 17 Oct – 7 Nov 2026, n = 1',
      'goal: — → 3 incidents',
      'verdict: — → Achieved',
    ]);
    expect(describer.actionLabel('evaluate')).toBe('Measured');
  });

  it('reads a created item without JSON: KPI, priority with its inputs, codes in words', () => {
    const lines = texts(
      event(
        'create',
        {
          kind: [null, 'corrective_action'],
          type: [null, 'technology'],
          status: [null, 'proposed'],
          source: [null, 'incident_trend'],
          priority: [
            null,
            { benefit: 4, effort: 2, urgency: 4, costOfDelay: 8, score: 4 },
          ],
          kpi: [
            null,
            kpi({
              kpi: 'recurrence',
              category: 'data',
              windowDays: 21,
              settleDays: 3,
            }),
          ],
          baseline: [null, null],
          goal: [null, null],
        },
        1,
      ),
    );
    expect(lines).toEqual([
      'kind: Corrective action',
      'type: Technology',
      'status: Proposed',
      'source: Incident trend',
      'priority: score 4 (benefit 4, urgency 4, effort 2)',
      'KPI: Recurrence of a category or signature (category data), 21-day windows, decrease by 50%',
    ]);
  });

  it('reads an edited priority and KPI, and a link in words', () => {
    expect(
      texts(
        event('update', {
          priority: [
            { benefit: 3, effort: 3, urgency: 3, costOfDelay: 6, score: 2 },
            { benefit: 3, effort: 3, urgency: 5, costOfDelay: 8, score: 2.7 },
          ],
          kpi: [kpi(), null],
        }),
      ),
    ).toEqual([
      'priority: score 2 (benefit 3, urgency 3, effort 3) → score 2.7 (benefit 3, urgency 5, effort 3)',
      'KPI: Breach count, 28-day windows, decrease by 50% → —',
    ]);
    expect(
      texts(event('linked', { links: [null, 'relates_to CMP-1'] })),
    ).toEqual(['link: — → relates to CMP-1']);
  });

  it('reads every field of an item in words, mixed with the other practices too', () => {
    const changes: HistoryEvent['changes'] = {
      baseline: [null, figure()],
      measured: [null, figure({ value: 2, n: 2 })],
      goal: [null, 3],
      kpi: [null, kpi()],
      priority: [
        null,
        { benefit: 4, effort: 2, urgency: 4, costOfDelay: 8, score: 4 },
      ],
    };
    for (const lines of [
      texts(event('evaluate', changes)),
      practiceHistory.changeLines(event('evaluate', changes)).map(l => l.text),
    ]) {
      expect(lines.join('\n')).not.toMatch(/[{}"]/);
      expect(lines).toContain('goal: — → 3 incidents');
    }
  });
});
