import { useTheme } from '@material-ui/core/styles';
import type { ReportTrendPoint } from '@backstage-itsm/plugin-itsm-common';
import { formatPercent } from './periods';

const WIDTH = 560;
const HEIGHT = 180;
const PAD = { top: 12, right: 12, bottom: 28, left: 40 };

/** The words a screen reader gets for one period of the trend. */
export function describeTrendPoint(point: ReportTrendPoint): string {
  const attainment =
    point.attainmentPercent === null
      ? 'no clocks decided'
      : `${formatPercent(point.attainmentPercent)} attainment (${
          point.met
        } met, ${point.breached} breached)`;
  const availability =
    point.availabilityPercent === null
      ? ''
      : `, availability ${formatPercent(point.availabilityPercent)}`;
  return `${point.label}: ${attainment}${availability}`;
}

/**
 * Attainment over the last periods as bars, availability as a line, and the target as a dashed
 * line (the availability target, or 100%). Inline SVG: no chart library for one small chart.
 */
export function AttainmentChart(props: {
  trend: ReportTrendPoint[];
  targetPercent: number | null;
}) {
  const theme = useTheme();
  const { trend } = props;
  const target = props.targetPercent ?? 100;
  if (trend.length === 0) {
    return null;
  }
  // Zoom in on the top of the scale when every value is high, so 99.5 and 99.9 differ.
  const values = trend
    .flatMap(p => [p.attainmentPercent, p.availabilityPercent])
    .filter((v): v is number => v !== null);
  const lowest = Math.min(target, ...values);
  const floor = lowest >= 90 ? Math.floor(lowest - 1) : 0;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const y = (v: number) =>
    PAD.top + innerH - ((Math.max(v, floor) - floor) / (100 - floor)) * innerH;
  const slot = innerW / trend.length;
  const barW = Math.min(40, slot * 0.6);
  const cx = (i: number) => PAD.left + slot * i + slot / 2;
  const availability = trend
    .map((p, i) =>
      p.availabilityPercent === null
        ? null
        : `${cx(i)},${y(p.availabilityPercent)}`,
    )
    .filter(Boolean)
    .join(' ');
  const summary = `Attainment over the last ${
    trend.length
  } periods, target ${formatPercent(target)}. ${trend
    .map(describeTrendPoint)
    .join('; ')}.`;

  return (
    <svg
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: WIDTH }}
      data-testid="sla-attainment-chart"
    >
      <title>{summary}</title>
      {[floor, (floor + 100) / 2, 100].map(tick => (
        <g key={tick}>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(tick)}
            y2={y(tick)}
            stroke={theme.palette.divider}
          />
          <text
            x={PAD.left - 4}
            y={y(tick) + 4}
            textAnchor="end"
            fontSize={10}
            fill={theme.palette.text.secondary}
          >
            {Number(tick.toFixed(1))}%
          </text>
        </g>
      ))}
      {trend.map((point, i) => (
        <g key={point.label}>
          {point.attainmentPercent !== null && (
            <rect
              x={cx(i) - barW / 2}
              y={y(point.attainmentPercent)}
              width={barW}
              height={PAD.top + innerH - y(point.attainmentPercent)}
              fill={
                point.attainmentPercent >= target
                  ? theme.palette.success.main
                  : theme.palette.warning.main
              }
            >
              <title>{describeTrendPoint(point)}</title>
            </rect>
          )}
          <text
            x={cx(i)}
            y={HEIGHT - 10}
            textAnchor="middle"
            fontSize={10}
            fill={theme.palette.text.secondary}
          >
            {point.label}
          </text>
        </g>
      ))}
      {availability && (
        <polyline
          points={availability}
          fill="none"
          stroke={theme.palette.info.main}
          strokeWidth={2}
        />
      )}
      <line
        x1={PAD.left}
        x2={WIDTH - PAD.right}
        y1={y(target)}
        y2={y(target)}
        stroke={theme.palette.error.main}
        strokeDasharray="4 3"
        data-testid="sla-target-line"
      >
        <title>{`Target ${formatPercent(target)}`}</title>
      </line>
    </svg>
  );
}
