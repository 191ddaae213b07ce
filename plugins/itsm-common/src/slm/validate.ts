import { InputError } from '@backstage/errors';
import type { ServiceCalendar } from '../calendar/types';
import { ALWAYS_ON } from '../calendar/types';
import { parseDuration } from './duration';
import {
  PRIORITY_KEYS,
  SLM_CLOCKS,
  WORKLOAD_METRICS,
  type DurationTarget,
  type ServiceLevelTargets,
  type WorkloadLimits,
} from './types';
import { worstCaseWallMs } from './wallTime';

/** The calendars an agreement may name, by id; `24x7` is always known. @public */
export type CalendarLookup =
  | ReadonlyMap<string, ServiceCalendar>
  | Readonly<Record<string, ServiceCalendar>>;

/** @public */
export interface AgreementValidationOptions {
  calendars: CalendarLookup;
}

/** The fields `validateSla` and `validateSupportingAgreement` check. @public */
export interface AgreementDefinition {
  calendarId: string;
  targets: ServiceLevelTargets;
  effectiveFrom: string;
  effectiveTo?: string | null;
  lastReviewedAt?: string | null;
  workloadLimits?: WorkloadLimits | Record<string, unknown>;
}

/** @internal */
export function lookupCalendar(
  calendars: CalendarLookup,
  id: string,
): ServiceCalendar | undefined {
  let found: ServiceCalendar | undefined;
  if (calendars instanceof Map) {
    found = calendars.get(id);
  } else if (Object.prototype.hasOwnProperty.call(calendars, id)) {
    found = (calendars as Record<string, ServiceCalendar>)[id];
  }
  return found ?? (id === ALWAYS_ON.id ? ALWAYS_ON : undefined);
}

/** A target resolved to milliseconds on its own calendar. @internal */
export interface ResolvedTarget {
  field: string;
  ms: number;
  calendar: ServiceCalendar;
}

/**
 * Resolves every incident target of `targets` (duration parsed, calendar looked up), throwing
 * `InputError` naming the field on the first bad one.
 *
 * @internal
 */
export function resolveIncidentTargets(
  targets: ServiceLevelTargets,
  defaultCalendarId: string,
  calendars: CalendarLookup,
): Map<string, ResolvedTarget> {
  const out = new Map<string, ResolvedTarget>();
  const incidents = targets?.incidents ?? {};
  if (typeof incidents !== 'object' || Array.isArray(incidents)) {
    throw new InputError('targets.incidents must be an object of priorities');
  }
  for (const [key, clocks] of Object.entries(incidents)) {
    if (!(PRIORITY_KEYS as readonly string[]).includes(key)) {
      throw new InputError(
        `targets.incidents.${key} is not a priority; use one of ${PRIORITY_KEYS.join(
          ', ',
        )}`,
      );
    }
    for (const [clock, target] of Object.entries(clocks ?? {})) {
      const field = `targets.incidents.${key}.${clock}`;
      if (!(SLM_CLOCKS as readonly string[]).includes(clock)) {
        throw new InputError(
          `${field} is not a clock; use one of ${SLM_CLOCKS.join(', ')}`,
        );
      }
      if (target === undefined) {
        continue;
      }
      const t = target as DurationTarget;
      const ms = parseDuration(t?.duration, `${field}.duration`);
      const calendarId = t.calendarId ?? defaultCalendarId;
      const calendar = lookupCalendar(calendars, calendarId);
      if (!calendar) {
        throw new InputError(
          `${field}.calendarId: unknown calendar '${calendarId}'`,
        );
      }
      out.set(`${key}.${clock}`, { field, ms, calendar });
    }
  }
  return out;
}

/**
 * True when target `a` can take longer in wall time than target `b`: durations compared directly
 * on the same calendar, else the worst case of each over a reference week (`worstCaseWallMs`).
 *
 * @internal
 */
export function isLooser(a: ResolvedTarget, b: ResolvedTarget): boolean {
  if (a.calendar === b.calendar || a.calendar.id === b.calendar.id) {
    return a.ms > b.ms;
  }
  return worstCaseWallMs(a.calendar, a.ms) > worstCaseWallMs(b.calendar, b.ms);
}

function checkPercent(value: unknown, field: string, required: boolean) {
  if (value === undefined || value === null) {
    if (required) {
      throw new InputError(`${field} is required`);
    }
    return;
  }
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < 0 ||
    value > 100
  ) {
    throw new InputError(
      `${field} must be a percentage between 0 and 100, got ${JSON.stringify(
        value,
      )}`,
    );
  }
}

function checkInstant(value: unknown, field: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) {
    throw new InputError(
      `${field} must be an ISO-8601 timestamp, got ${JSON.stringify(value)}`,
    );
  }
  return ms;
}

function validateTerms(
  def: AgreementDefinition,
  options: AgreementValidationOptions,
  requireAvailability: boolean,
): void {
  if (!def || typeof def !== 'object') {
    throw new InputError('the agreement must be an object');
  }
  const { calendars } = options;
  if (!lookupCalendar(calendars, def.calendarId)) {
    throw new InputError(
      `calendarId: unknown calendar ${JSON.stringify(def.calendarId)}`,
    );
  }
  const from = checkInstant(def.effectiveFrom, 'effectiveFrom');
  if (def.effectiveTo !== undefined && def.effectiveTo !== null) {
    if (checkInstant(def.effectiveTo, 'effectiveTo') <= from) {
      throw new InputError('effectiveTo must be after effectiveFrom');
    }
  }
  if (def.lastReviewedAt !== undefined && def.lastReviewedAt !== null) {
    checkInstant(def.lastReviewedAt, 'lastReviewedAt');
  }
  const targets = def.targets;
  if (!targets || typeof targets !== 'object') {
    throw new InputError('targets must be an object');
  }
  checkPercent(
    targets.availabilityPercent,
    'targets.availabilityPercent',
    requireAvailability,
  );
  checkPercent(
    targets.changeSuccessRatePercent,
    'targets.changeSuccessRatePercent',
    false,
  );
  checkPercent(targets.csatPercent, 'targets.csatPercent', false);

  const resolved = resolveIncidentTargets(targets, def.calendarId, calendars);
  for (const key of PRIORITY_KEYS) {
    const response = resolved.get(`${key}.response`);
    const resolution = resolved.get(`${key}.resolution`);
    if (response && resolution && isLooser(response, resolution)) {
      throw new InputError(
        `${response.field} must not be longer than ${resolution.field}`,
      );
    }
  }

  for (const [metric, limit] of Object.entries(def.workloadLimits ?? {})) {
    const field = `workloadLimits.${metric}`;
    if (!(WORKLOAD_METRICS as readonly string[]).includes(metric)) {
      throw new InputError(
        `${field} is not a workload metric; use one of ${WORKLOAD_METRICS.join(
          ', ',
        )}`,
      );
    }
    if (
      limit !== undefined &&
      (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0)
    ) {
      throw new InputError(
        `${field} must be a whole number >= 0, got ${JSON.stringify(limit)}`,
      );
    }
  }
}

/**
 * Throws an `InputError` naming the field unless an SLA definition (a parsed body, or a record
 * with a patch applied) is consistent: known calendars, durations > 0, percentages within 0–100,
 * availability present, a response target no longer than the resolution target of its priority,
 * `effectiveTo` after `effectiveFrom`, whole-number workload limits.
 *
 * @public
 */
export function validateSla(
  def: AgreementDefinition,
  options: AgreementValidationOptions,
): void {
  validateTerms(def, options, true);
}

/**
 * `validateSla` for an OLA or UC: the same checks, availability optional, and the party it is
 * made with (an internal group for an OLA, a supplier for a UC).
 *
 * @public
 */
export function validateSupportingAgreement(
  def: AgreementDefinition & {
    kind: string;
    internalGroup?: string | null;
    supplier?: string | null;
  },
  options: AgreementValidationOptions,
): void {
  if (def?.kind !== 'ola' && def?.kind !== 'uc') {
    throw new InputError(
      `kind must be 'ola' or 'uc', got ${JSON.stringify(def?.kind)}`,
    );
  }
  if (def.kind === 'ola' && !def.internalGroup) {
    throw new InputError('internalGroup is required for an OLA');
  }
  if (def.kind === 'uc' && !def.supplier) {
    throw new InputError('supplier is required for an underpinning contract');
  }
  validateTerms(def, options, false);
}
