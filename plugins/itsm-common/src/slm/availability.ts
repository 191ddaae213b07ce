import { InputError } from '@backstage/errors';
import type { ServiceCalendar } from '../calendar/types';
import { businessMsBetween } from '../calendar/businessTime';

/** An outage as recorded on a major incident; an open one lasts until the period's end. @public */
export interface Outage {
  start: Date;
  end?: Date | null;
}

/** @public */
export interface AvailabilityResult {
  /** (agreed service time − outage inside it) / agreed service time, 0..1; 1 without service time. */
  ratio: number;
  /** Agreed service time in the period, in ms. */
  serviceMs: number;
  /** Outage inside agreed service time, in ms, overlapping outages counted once. */
  outageMs: number;
}

function toMs(value: unknown, field: string): number {
  const t = value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(t)) {
    throw new InputError(`${field} must be a valid Date`);
  }
  return t;
}

/**
 * Availability of a service over `[from, to)`: agreed service time on its calendar, less the
 * outages inside it (merged, clipped to the period), over the agreed service time.
 *
 * @public
 */
export function availability(input: {
  calendar: ServiceCalendar;
  from: Date;
  to: Date;
  outages: readonly Outage[];
}): AvailabilityResult {
  const { calendar } = input;
  const from = toMs(input.from, 'from');
  const to = toMs(input.to, 'to');
  const clipped: Array<[number, number]> = [];
  input.outages.forEach((o, i) => {
    const start = Math.max(toMs(o?.start, `outages[${i}].start`), from);
    const end = Math.min(
      o.end === undefined || o.end === null
        ? to
        : toMs(o.end, `outages[${i}].end`),
      to,
    );
    if (start < end) {
      clipped.push([start, end]);
    }
  });
  clipped.sort((a, b) => a[0] - b[0]);
  let outageMs = 0;
  let current: [number, number] | undefined;
  const flush = () => {
    if (current) {
      outageMs += businessMsBetween(
        calendar,
        new Date(current[0]),
        new Date(current[1]),
      );
    }
  };
  for (const [start, end] of clipped) {
    if (current && start <= current[1]) {
      current[1] = Math.max(current[1], end);
    } else {
      flush();
      current = [start, end];
    }
  }
  flush();
  const serviceMs = businessMsBetween(calendar, new Date(from), new Date(to));
  return {
    ratio: serviceMs === 0 ? 1 : (serviceMs - outageMs) / serviceMs,
    serviceMs,
    outageMs,
  };
}
