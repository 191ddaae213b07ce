import { useTheme } from '@material-ui/core/styles';
import type {
  ImprovementFigure,
  ImprovementKpiDefinition,
  ImprovementVerdict,
} from '@backstage-itsm/plugin-itsm-common';
import { formatKpiValue } from '../record/improvementKind';

const WIDTH = 340;
const HEIGHT = 190;
/** The right margin holds the goal's label, in two lines: `goal` over `2.4 incidents`. */
const PAD = { top: 18, right: 100, bottom: 36, left: 8 };

/** The chart's words for a screen reader (and its title). */
export function describeBeforeAfter(props: {
  baseline: ImprovementFigure | null;
  measured: ImprovementFigure | null;
  goal: number | null;
  unit: ImprovementKpiDefinition['unit'];
}): string {
  const { baseline, measured, goal, unit } = props;
  const part = (label: string, figure: ImprovementFigure | null) =>
    figure
      ? `${label} ${formatKpiValue(figure.value, unit)} (n ${figure.n})`
      : `${label} not measured yet`;
  return `${part('Before', baseline)}; ${part('after', measured)}${
    goal === null ? '' : `; goal ${formatKpiValue(goal, unit)}`
  }.`;
}

/**
 * Before and after as two bars, the goal as a dashed line: inline SVG, no chart library for
 * one small chart. The after bar is green when achieved, red when not, grey when
 * inconclusive or not measured yet.
 */
export function BeforeAfterChart(props: {
  baseline: ImprovementFigure | null;
  measured: ImprovementFigure | null;
  goal: number | null;
  verdict: ImprovementVerdict | null;
  unit: ImprovementKpiDefinition['unit'];
}) {
  const theme = useTheme();
  const { baseline, measured, goal, verdict, unit } = props;
  const values = [baseline?.value, measured?.value, goal].filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v),
  );
  const top = unit === '%' ? 100 : Math.max(1, ...values) * 1.15;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const y = (v: number) =>
    PAD.top + innerH - (Math.max(0, Math.min(v, top)) / top) * innerH;
  const slot = innerW / 2;
  const barW = Math.min(70, slot * 0.55);
  const cx = (i: number) => PAD.left + slot * i + slot / 2;
  let afterColour = theme.palette.grey[500];
  if (verdict === 'achieved') afterColour = theme.palette.success.main;
  if (verdict === 'not_achieved') afterColour = theme.palette.error.main;
  const bars = [
    { label: 'Before', figure: baseline, fill: theme.palette.info.main },
    { label: 'After', figure: measured, fill: afterColour },
  ];
  const summary = describeBeforeAfter(props);

  return (
    <svg
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: WIDTH }}
      data-testid="improvement-chart"
    >
      <title>{summary}</title>
      <line
        x1={PAD.left}
        x2={PAD.left + innerW}
        y1={PAD.top + innerH}
        y2={PAD.top + innerH}
        stroke={theme.palette.divider}
      />
      {bars.map((bar, i) => (
        <g key={bar.label}>
          {bar.figure?.value !== null && bar.figure?.value !== undefined ? (
            <>
              <rect
                x={cx(i) - barW / 2}
                y={y(bar.figure.value)}
                width={barW}
                height={PAD.top + innerH - y(bar.figure.value)}
                fill={bar.fill}
              />
              <text
                x={cx(i)}
                y={y(bar.figure.value) - 4}
                textAnchor="middle"
                fontSize={12}
                fill={theme.palette.text.primary}
              >
                {formatKpiValue(bar.figure.value, unit)}
              </text>
            </>
          ) : (
            <text
              x={cx(i)}
              y={PAD.top + innerH - 6}
              textAnchor="middle"
              fontSize={11}
              fill={theme.palette.text.secondary}
            >
              {bar.figure ? 'no value' : 'not yet'}
            </text>
          )}
          <text
            x={cx(i)}
            y={HEIGHT - 18}
            textAnchor="middle"
            fontSize={12}
            fill={theme.palette.text.secondary}
          >
            {bar.label}
          </text>
          <text
            x={cx(i)}
            y={HEIGHT - 4}
            textAnchor="middle"
            fontSize={10}
            fill={theme.palette.text.secondary}
          >
            {bar.figure ? `n ${bar.figure.n}` : ''}
          </text>
        </g>
      ))}
      {goal !== null && Number.isFinite(goal) && (
        <g>
          <line
            x1={PAD.left}
            x2={PAD.left + innerW}
            y1={y(goal)}
            y2={y(goal)}
            stroke={theme.palette.text.primary}
            strokeDasharray="6 4"
          />
          <text
            x={PAD.left + innerW + 6}
            y={y(goal) - 3}
            fontSize={11}
            fill={theme.palette.text.secondary}
          >
            goal
          </text>
          <text
            x={PAD.left + innerW + 6}
            y={y(goal) + 11}
            fontSize={11}
            fill={theme.palette.text.primary}
            data-testid="improvement-chart-goal"
          >
            {formatKpiValue(goal, unit)}
          </text>
        </g>
      )}
    </svg>
  );
}
