import type { SatisfactionFigures } from '@backstage-itsm/plugin-itsm-common';

/** `87%`, `66.7%`; `–` when there is nothing to show. */
export function formatPercent(value: number | null): string {
  if (value === null) return '–';
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

/** A mean rating like `3.8 / 5`; `–` without ratings. */
export function formatMean(value: number | null): string {
  return value === null ? '–' : `${value.toFixed(1)} / 5`;
}

/** An NPS like `+20` or `−8`; `–` without answers. */
export function formatNps(value: number | null): string {
  if (value === null) return '–';
  const rounded = Math.round(value);
  if (rounded > 0) return `+${rounded}`;
  return rounded < 0 ? `−${-rounded}` : '0';
}

/** The counts behind the figures, for a caption. */
export function countsOf(figures: SatisfactionFigures): string {
  return `n = ${figures.ratings} rating${figures.ratings === 1 ? '' : 's'}`;
}
