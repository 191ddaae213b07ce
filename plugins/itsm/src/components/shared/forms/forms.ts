import type { z } from 'zod';
import {
  IMPACT_LABELS,
  URGENCY_LABELS,
  type Level,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * Friendlier words for the -common schemas' generic issues in forms: an empty required
 * text is "Required", a level outside 1–3 asks to pick one.
 */
export const formErrorMap: z.core.$ZodErrorMap = issue => {
  if (
    issue.code === 'too_small' &&
    issue.origin === 'string' &&
    issue.minimum === 1
  ) {
    return 'Required';
  }
  if (issue.code === 'invalid_union' && issue.input === undefined) {
    return 'Pick one';
  }
  return undefined;
};

/** The three levels, high first, as options of a select. */
export const LEVELS: Level[] = [1, 2, 3];

/** Options of the impact select: `1 — High — many users …`. */
export const impactOptions = LEVELS.map(level => ({
  value: level,
  label: IMPACT_LABELS[level],
}));

/** Options of the urgency select. */
export const urgencyOptions = LEVELS.map(level => ({
  value: level,
  label: URGENCY_LABELS[level],
}));

/** A level from a native select's string value. */
export function toLevel(value: string): Level {
  return Number(value) as Level;
}

/** An optional text: empty becomes `null`, so the schema's `min(1)` only sees real input. */
export function emptyToNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}
