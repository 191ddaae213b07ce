import {
  IMPROVEMENT_KPI_DEFINITIONS,
  ImprovementKpi,
  ImprovementVerdict,
  MIN_IMPROVEMENT_EVENTS,
} from '@backstage-itsm/plugin-itsm-common';
import type { ImprovementFigureRecord } from './ImprovementStore';

const SINGULAR: Record<ImprovementFigureRecord['unit'], string> = {
  incidents: 'incident',
  breaches: 'breach',
  hours: 'hour',
  score: 'score',
  '%': '%',
};

/** A figure's value with its unit: `12 breaches`, `97.5%`, `3.2 hours`. */
export function formatFigure(
  value: number | null,
  unit: ImprovementFigureRecord['unit'],
): string {
  if (value === null) return 'no value';
  const rounded = +value.toFixed(2);
  if (unit === '%') return `${rounded}%`;
  return `${rounded} ${rounded === 1 ? SINGULAR[unit] : unit}`;
}

const day = (at: Date) => at.toISOString().slice(0, 10);

function window(figure: ImprovementFigureRecord): string {
  return `${day(figure.from)} to ${day(figure.to)}, n = ${figure.n}`;
}

/** "fewer"/"more" events for a count, "lower"/"higher" for a rate or mean. */
function changeWord(
  kind: 'count' | 'rate',
  direction: ImprovementKpi['direction'],
): string {
  if (kind === 'count') return direction === 'decrease' ? 'fewer' : 'more';
  return direction === 'decrease' ? 'lower' : 'higher';
}

/**
 * The sentence an evaluation stores on the item: both figures with their windows and n, the
 * goal and the verdict, e.g. "Breach count: 12 breaches before approval (2027-01-04 to
 * 2027-02-01, n = 12), 4 breaches after implementation (2027-03-08 to 2027-04-05, n = 4);
 * goal at most 6 breaches (50% fewer): achieved."
 */
export function evaluationSummary(input: {
  kpi: ImprovementKpi;
  baseline: ImprovementFigureRecord | null;
  measured: ImprovementFigureRecord;
  goal: number | null;
  verdict: ImprovementVerdict;
}): string {
  const { kpi, baseline, measured, goal, verdict } = input;
  const definition = IMPROVEMENT_KPI_DEFINITIONS[kpi.kpi];
  const unit = definition.unit;
  const before = baseline
    ? `${formatFigure(baseline.value, unit)} before approval (${window(
        baseline,
      )})`
    : 'no baseline';
  const after = `${formatFigure(
    measured.value,
    unit,
  )} after implementation (${window(measured)})`;
  const bound = kpi.direction === 'decrease' ? 'at most' : 'at least';
  const target =
    kpi.target.kind === 'relative'
      ? ` (${kpi.target.percent}% ${changeWord(
          definition.kind,
          kpi.direction,
        )})`
      : '';
  const goalText =
    goal === null
      ? 'no goal (no baseline to compare with)'
      : `goal ${bound} ${formatFigure(goal, unit)}${target}`;
  const why =
    verdict === 'inconclusive'
      ? ` (too few events to tell: at least ${MIN_IMPROVEMENT_EVENTS} needed)`
      : '';
  return `${
    definition.label
  }: ${before}, ${after}; ${goalText}: ${verdict.replace('_', ' ')}${why}.`;
}
