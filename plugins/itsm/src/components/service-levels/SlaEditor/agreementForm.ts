import { InputError } from '@backstage/errors';
import type { z } from 'zod';
import {
  PRIORITY_KEYS,
  SLM_CLOCKS,
  WORKLOAD_METRICS,
  slaCreateSchema,
  supportingAgreementCreateSchema,
  validateSla,
  validateSupportingAgreement,
  type CalendarLookup,
  type IncidentClockTargets,
  type PriorityKey,
  type ReviewCadence,
  type ServiceLevelAgreement,
  type ServiceLevelTargets,
  type SlaCreateRequest,
  type SlmClock,
  type SupportingAgreement,
  type SupportingAgreementCreateRequest,
  type SupportingAgreementKind,
  type WorkloadLimits,
} from '@backstage-itsm/plugin-itsm-common';
import { formErrorMap } from '../../shared/forms';

type WorkloadMetric = (typeof WORKLOAD_METRICS)[number];

/** One time target as typed: a duration and, optionally, its own calendar (`''`: the agreement's). */
export interface TargetValue {
  duration: string;
  calendarId: string;
}

/** What the agreement editor holds; numbers stay text until checked. */
export interface AgreementFormValues {
  title: string;
  customerGroups: string[];
  calendarId: string;
  targets: Record<PriorityKey, Record<SlmClock, TargetValue>>;
  availabilityPercent: string;
  changeSuccessRatePercent: string;
  csatPercent: string;
  workloadLimits: Record<WorkloadMetric, string>;
  exceptions: string;
  reviewCadence: ReviewCadence;
  /** `YYYY-MM-DD`, the first UTC day the terms are in force. */
  effectiveFrom: string;
  internalGroup: string;
  supplier: string;
  contractRef: string;
}

/** What the editor is for: an SLA, or an OLA/UC underpinning an SLA. */
export type AgreementKind = 'sla' | SupportingAgreementKind;

/** Field errors by form path, e.g. `targets.p1.response.duration`. */
export type FieldErrors = Record<string, string>;

export const today = (now = new Date()) => now.toISOString().slice(0, 10);

function emptyTargets(): AgreementFormValues['targets'] {
  return Object.fromEntries(
    PRIORITY_KEYS.map(key => [
      key,
      Object.fromEntries(
        SLM_CLOCKS.map(clock => [clock, { duration: '', calendarId: '' }]),
      ),
    ]),
  ) as AgreementFormValues['targets'];
}

const text = (n: number | undefined | null) =>
  n === undefined || n === null ? '' : String(n);

/** The form for a new agreement, or for new terms of `existing` from today. */
export function formValuesOf(
  existing?: ServiceLevelAgreement | SupportingAgreement,
  now = new Date(),
): AgreementFormValues {
  const targets = emptyTargets();
  for (const key of PRIORITY_KEYS) {
    for (const clock of SLM_CLOCKS) {
      const target = existing?.targets.incidents[key]?.[clock];
      if (target) {
        targets[key][clock] = {
          duration: target.duration,
          calendarId: target.calendarId ?? '',
        };
      }
    }
  }
  const supporting =
    existing && 'kind' in existing ? (existing as SupportingAgreement) : null;
  return {
    title: existing?.title ?? '',
    customerGroups:
      existing && 'customerGroups' in existing
        ? [...existing.customerGroups]
        : [],
    calendarId: existing?.calendarId ?? '24x7',
    targets,
    availabilityPercent: text(existing?.targets.availabilityPercent),
    changeSuccessRatePercent: text(existing?.targets.changeSuccessRatePercent),
    csatPercent: text(existing?.targets.csatPercent),
    workloadLimits: Object.fromEntries(
      WORKLOAD_METRICS.map(m => [m, text(existing?.workloadLimits[m])]),
    ) as AgreementFormValues['workloadLimits'],
    exceptions: existing?.exceptions ?? '',
    reviewCadence: existing?.reviewCadence ?? 'quarterly',
    effectiveFrom: today(now),
    internalGroup: supporting?.internalGroup ?? '',
    supplier: supporting?.supplier ?? '',
    contractRef: supporting?.contractRef ?? '',
  };
}

/** `''` → undefined; anything else a number (NaN stays, and is reported). */
function numberOf(value: string): number | undefined {
  return value.trim() === '' ? undefined : Number(value.trim());
}

/** The agreed terms the form stands for, shaped as the API takes them. */
export function termsOf(values: AgreementFormValues, now = new Date()) {
  const incidents: ServiceLevelTargets['incidents'] = {};
  for (const key of PRIORITY_KEYS) {
    const clocks: IncidentClockTargets = {};
    for (const clock of SLM_CLOCKS) {
      const { duration, calendarId } = values.targets[key][clock];
      if (duration.trim()) {
        clocks[clock] = calendarId
          ? { duration: duration.trim(), calendarId }
          : { duration: duration.trim() };
      }
    }
    if (Object.keys(clocks).length) incidents[key] = clocks;
  }
  const targets: ServiceLevelTargets = { incidents };
  for (const field of [
    'availabilityPercent',
    'changeSuccessRatePercent',
    'csatPercent',
  ] as const) {
    const n = numberOf(values[field]);
    if (n !== undefined) targets[field] = n;
  }
  const workloadLimits: WorkloadLimits = {};
  for (const metric of WORKLOAD_METRICS) {
    const n = numberOf(values.workloadLimits[metric]);
    if (n !== undefined) workloadLimits[metric] = n;
  }
  const effectiveFrom = effectiveInstant(values.effectiveFrom, now);
  return {
    title: values.title,
    calendarId: values.calendarId,
    targets,
    workloadLimits,
    exceptions: values.exceptions,
    reviewCadence: values.reviewCadence,
    ...(effectiveFrom === undefined ? {} : { effectiveFrom }),
  };
}

/**
 * The `effectiveFrom` to send for terms picked for `day`: its start (UTC), or nothing when
 * `day` is today, so the server agrees them from its own now (incidents raised earlier today
 * keep the terms they started with, and a client clock running late cannot backdate them).
 */
export function effectiveInstant(day: string, now: Date): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    return day;
  }
  return day === today(now) ? undefined : `${day}T00:00:00.000Z`;
}

/** The `POST /slas` body. */
export function toSlaCreateRequest(
  values: AgreementFormValues,
  entityRef: string,
  now = new Date(),
): SlaCreateRequest {
  const terms = termsOf(values, now);
  return {
    ...terms,
    entityRef,
    customerGroups: values.customerGroups,
    targets: terms.targets as SlaCreateRequest['targets'],
  };
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** The `POST /supporting-agreements` body. */
export function toSupportingCreateRequest(
  values: AgreementFormValues,
  options: {
    kind: SupportingAgreementKind;
    entityRef: string;
    slaIds: string[];
  },
  now = new Date(),
): SupportingAgreementCreateRequest {
  return {
    ...termsOf(values, now),
    kind: options.kind,
    entityRef: options.entityRef,
    slaIds: options.slaIds,
    internalGroup: options.kind === 'ola' ? orNull(values.internalGroup) : null,
    supplier: options.kind === 'uc' ? orNull(values.supplier) : null,
    contractRef: options.kind === 'uc' ? orNull(values.contractRef) : null,
  };
}

/**
 * The fields of `request` that differ from `base`, plus `effectiveFrom` when any term does and
 * the request has one (none: from now).
 */
export function changedFields<
  T extends { effectiveFrom?: string } & Record<string, unknown>,
>(request: T, base: T, fields: ReadonlyArray<keyof T>): Partial<T> {
  const patch: Partial<T> = {};
  for (const field of fields) {
    if (JSON.stringify(request[field]) !== JSON.stringify(base[field])) {
      patch[field] = request[field];
    }
  }
  if (Object.keys(patch).length > 0 && request.effectiveFrom !== undefined) {
    patch.effectiveFrom = request.effectiveFrom;
  }
  return patch;
}

const TARGET_PATH =
  /targets\.incidents\.(p[1-5])\.(response|resolution)(\.duration|\.calendarId)?/g;

/**
 * The form field a request path (from zod or from an `InputError` message) stands for:
 * `targets.incidents.p1.response` → `targets.p1.response.duration`,
 * `targets.availabilityPercent` → `availabilityPercent`, `customerGroups.0` → `customerGroups`.
 */
export function formFieldOf(path: string): string | undefined {
  const target =
    /^targets\.incidents\.(p[1-5])\.(response|resolution)(?:\.(duration|calendarId))?$/.exec(
      path,
    );
  if (target) {
    return `targets.${target[1]}.${target[2]}.${target[3] ?? 'duration'}`;
  }
  const percent =
    /^targets\.(availabilityPercent|changeSuccessRatePercent|csatPercent)$/.exec(
      path,
    );
  if (percent) return percent[1];
  if (/^workloadLimits\.\w+$/.test(path)) return path;
  const top =
    /^(title|calendarId|customerGroups|exceptions|reviewCadence|effectiveFrom|effectiveTo|internalGroup|supplier|contractRef)(\.|$)/.exec(
      path,
    );
  if (top) return top[1] === 'effectiveTo' ? 'effectiveFrom' : top[1];
  return undefined;
}

/** The field a server or `validateSla` message names first, as a form field. */
export function fieldOfMessage(message: string): string | undefined {
  const path = /^([A-Za-z][\w.]*?)(?::|\s|$)/.exec(message)?.[1];
  return path ? formFieldOf(path) : undefined;
}

/** Request paths in a message in words: `targets.incidents.p1.response` → `P1 response`. */
export function humanizeMessage(message: string): string {
  return message
    .replace(
      TARGET_PATH,
      (_, key: string, clock: string, sub?: string) =>
        `${key.toUpperCase()} ${clock}${
          sub === '.calendarId' ? ' calendar' : ''
        }`,
    )
    .replace(/targets\.availabilityPercent/g, 'Availability')
    .replace(/targets\.changeSuccessRatePercent/g, 'Change success rate')
    .replace(/targets\.csatPercent/g, 'CSAT')
    .replace(/workloadLimits\.(\w+)/g, (_, m: string) => `${m} limit`)
    .replace(/^calendarId:/, 'Calendar:');
}

function issuesToErrors(issues: z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = formFieldOf(issue.path.join('.')) ?? '_form';
    errors[field] ??=
      field === '_form'
        ? `${issue.path.join('.')}: ${issue.message}`
        : issue.message;
  }
  return errors;
}

const PERCENT_FIELDS = [
  'availabilityPercent',
  'changeSuccessRatePercent',
  'csatPercent',
] as const;

/**
 * Every problem with the form, by field: numbers first, then the -common schema (shape,
 * durations, ids), then `validateSla` (calendars known, response no longer than resolution,
 * ...), whose first finding names its field.
 */
export function validateAgreementForm(
  values: AgreementFormValues,
  options: {
    kind: AgreementKind;
    entityRef: string;
    slaIds?: string[];
    calendars: CalendarLookup;
    now?: Date;
  },
): FieldErrors {
  const now = options.now ?? new Date();
  const errors: FieldErrors = {};
  for (const field of PERCENT_FIELDS) {
    const n = numberOf(values[field]);
    if (n !== undefined && !Number.isFinite(n)) {
      errors[field] = 'must be a number between 0 and 100';
    }
  }
  for (const metric of WORKLOAD_METRICS) {
    const n = numberOf(values.workloadLimits[metric]);
    if (n !== undefined && !Number.isFinite(n)) {
      errors[`workloadLimits.${metric}`] = 'must be a whole number';
    }
  }
  if (
    options.kind === 'sla' &&
    numberOf(values.availabilityPercent) === undefined
  ) {
    errors.availabilityPercent = 'Required: every SLA agrees an availability';
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.effectiveFrom)) {
    errors.effectiveFrom = 'Pick the date the terms take effect';
  } else if (values.effectiveFrom < today(now)) {
    // Terms cannot be backdated (the server refuses it too).
    errors.effectiveFrom =
      'Terms cannot be backdated: pick today or a later day';
  }
  if (Object.keys(errors).length) return errors;

  const parsed =
    options.kind === 'sla'
      ? slaCreateSchema.safeParse(
          toSlaCreateRequest(values, options.entityRef, now),
          { error: formErrorMap },
        )
      : supportingAgreementCreateSchema.safeParse(
          toSupportingCreateRequest(
            values,
            {
              kind: options.kind,
              entityRef: options.entityRef,
              slaIds: options.slaIds ?? [],
            },
            now,
          ),
          { error: formErrorMap },
        );
  if (!parsed.success) {
    return issuesToErrors(parsed.error.issues);
  }
  // Left out (today), the terms take effect when the server receives them.
  const definition = {
    ...parsed.data,
    effectiveFrom: parsed.data.effectiveFrom ?? now.toISOString(),
  };
  try {
    if (options.kind === 'sla') {
      validateSla(definition, { calendars: options.calendars });
    } else {
      validateSupportingAgreement(definition as never, {
        calendars: options.calendars,
      });
    }
  } catch (e) {
    if (e instanceof InputError || (e as Error)?.name === 'InputError') {
      const message = (e as Error).message;
      return { [fieldOfMessage(message) ?? '_form']: humanizeMessage(message) };
    }
    throw e;
  }
  return {};
}
