import { Config, readDurationFromConfig } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ALWAYS_ON,
  ApprovalPolicyRule,
  CmdbKind,
  DEFAULT_CMDB_KINDS,
  ChangeFreezeWindow,
  DEFAULT_APPROVAL_POLICY,
  DEFAULT_DETECTION_CONFIG,
  DEFAULT_INCIDENT_CATEGORIES,
  DetectionConfig,
  DEFAULT_PRIORITY_MATRIX,
  IncidentCategoryTaxonomy,
  Priority,
  ServiceCalendar,
  ServiceTier,
  WEEKDAYS,
  validateApprovalPolicy,
  validateFreezeWindows,
  validateIncidentCategoryTaxonomy,
  validatePriorityMatrix,
  validateServiceCalendar,
} from '@backstage-itsm/plugin-itsm-common';

/** The SLA clocks every incident has. */
export const CLOCK_NAMES = ['response', 'resolution'] as const;

/** @internal */
export type ClockName = (typeof CLOCK_NAMES)[number];

/** A configured target; without `calendarId` it counts in the service's hours. */
export interface ClockTarget {
  targetMs: number;
  calendarId?: string;
}

/** The validated `itsm` configuration. */
export interface ItsmConfig {
  /**
   * The configured calendars by id (app-config and modules), `24x7` included. Calendars and
   * holidays managed through the API are added by the `CalendarRegistry`.
   */
  calendars: ReadonlyMap<string, ServiceCalendar>;
  incidents: {
    priorityMatrix: number[][];
    defaultCalendarId: string;
    targets: Record<Priority, Record<ClockName, ClockTarget>>;
    autoCloseDays: number;
    escalationThresholds: number[];
    /** An incident is major when its priority or its service's tier is listed. */
    majorIncident: { priorities: Priority[]; tiers: ServiceTier[] };
    /** Depth of the impact analysis snapshotted on create. */
    impactDepth: number;
    /** Support tier groups in escalation order, lowercase refs. */
    supportTiers: string[];
    /** The controlled categories: category id → subcategory ids, `uncategorised` included. */
    categories: IncidentCategoryTaxonomy;
  };
  webhooks: WebhooksConfig;
  changes: ChangesConfig;
  /** Service level monitoring. */
  sla: {
    /** Percentages of a clock's target at which a warning is sent, strictly increasing, each in (0, 100). */
    warningThresholds: number[];
  };
  /** Problem management: detection thresholds and the observation of fixed problems. */
  problems: ProblemsConfig;
  /** Customer satisfaction: the survey after an incident's resolution. */
  satisfaction: SatisfactionConfig;
  /** Complaints: when an unanswered complaint is escalated, and to whom. */
  complaints: ComplaintsConfig;
  /** Configuration management: the CI scope and what each kind must carry. */
  cmdb: CmdbConfig;
}

/** `itsm.cmdb`: the configuration items in scope. */
export interface CmdbConfig {
  /**
   * The CI kinds with their required attributes; impact analysis traverses and reports these
   * kinds only. Defaults to {@link DEFAULT_CMDB_KINDS}.
   */
  kinds: readonly CmdbKind[];
}

/** `itsm.complaints`: the escalation of complaints not resolved in time. */
export interface ComplaintsConfig {
  /** Days after which a complaint not yet resolved is escalated (once). */
  escalationDays: number;
  /** The group escalations go to (lowercase ref); the service's owner when null. */
  escalationGroup: string | null;
}

/** `itsm.problems`: detection of candidate problems and the observation period. */
export interface ProblemsConfig {
  detection: DetectionConfig & {
    /** Whether the scheduled detection runs. */
    enabled: boolean;
    /** Minutes between runs. */
    frequencyMinutes: number;
  };
  /** Days a problem resolved as fixed is observed before it may close. */
  observationDays: number;
}

/** Change enablement: who approves what, and when nothing may be scheduled. */
export interface ChangesConfig {
  approvalPolicy: readonly ApprovalPolicyRule[];
  /** Freeze windows with ISO instants and lowercase entity refs. */
  freezeWindows: readonly ChangeFreezeWindow[];
}

/** Inbound alert webhooks; a webhook without its secret is disabled. */
export interface WebhooksConfig {
  alertmanager?: { token: string };
  pagerduty?: {
    secret: string;
    /** PagerDuty service summary or id → lowercase entity ref. */
    serviceMapping: ReadonlyMap<string, string>;
  };
}

/** Default major incident criteria: P1, or any incident on a tier-1 service. */
export const DEFAULT_MAJOR_INCIDENT_CRITERIA = { priorities: [1], tiers: [1] };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * ITSM-typical targets in service time. P1 counts around the clock; the others
 * count in the service's hours (P3 resolution: 3 days of 8 service hours).
 */
export const DEFAULT_INCIDENT_TARGETS: Record<
  Priority,
  Record<ClockName, ClockTarget>
> = {
  1: {
    response: { targetMs: 15 * MINUTE, calendarId: ALWAYS_ON.id },
    resolution: { targetMs: 4 * HOUR, calendarId: ALWAYS_ON.id },
  },
  2: {
    response: { targetMs: 30 * MINUTE },
    resolution: { targetMs: 8 * HOUR },
  },
  3: { response: { targetMs: 4 * HOUR }, resolution: { targetMs: 24 * HOUR } },
  4: { response: { targetMs: 8 * HOUR }, resolution: { targetMs: 40 * HOUR } },
  5: { response: { targetMs: 16 * HOUR }, resolution: { targetMs: 80 * HOUR } },
};

const PRIORITIES: Priority[] = [1, 2, 3, 4, 5];

function fail(key: string, message: string): never {
  throw new InputError(`Invalid configuration at '${key}': ${message}`);
}

function durationMs(config: Config, key: string, fullKey: string): number {
  let duration;
  try {
    duration = readDurationFromConfig(config, { key });
  } catch (error) {
    return fail(fullKey, String((error as Error).message));
  }
  if (duration.years || duration.months) {
    fail(fullKey, 'months and years are not allowed; use weeks or days');
  }
  const ms =
    (duration.weeks ?? 0) * 7 * 24 * HOUR +
    (duration.days ?? 0) * 24 * HOUR +
    (duration.hours ?? 0) * HOUR +
    (duration.minutes ?? 0) * MINUTE +
    (duration.seconds ?? 0) * 1000 +
    (duration.milliseconds ?? 0);
  if (!Number.isFinite(ms) || ms <= 0) {
    fail(fullKey, 'the duration must be greater than zero');
  }
  return ms;
}

function readCalendars(
  config: Config,
  extra: ServiceCalendar[],
): Map<string, ServiceCalendar> {
  const calendars = new Map<string, ServiceCalendar>([
    [ALWAYS_ON.id, ALWAYS_ON],
  ]);
  const add = (calendar: ServiceCalendar, where: string) => {
    if (calendars.has(calendar.id)) {
      fail(where, `calendar '${calendar.id}' is defined more than once`);
    }
    try {
      validateServiceCalendar(calendar);
    } catch (error) {
      fail(where, String((error as Error).message));
    }
    calendars.set(calendar.id, calendar);
  };

  const section = config.getOptionalConfig('itsm.calendars');
  for (const id of section?.keys() ?? []) {
    const cal = section!.getConfig(id);
    const hours: ServiceCalendar['hours'] = {};
    for (const day of WEEKDAYS) {
      const ranges = cal.getOptional(`hours.${day}`);
      if (ranges !== undefined) {
        hours[day] = ranges as Array<[string, string]>;
      }
    }
    const unknownDays = (cal.getOptionalConfig('hours')?.keys() ?? []).filter(
      day => !(WEEKDAYS as string[]).includes(day),
    );
    if (unknownDays.length) {
      fail(
        `itsm.calendars.${id}.hours`,
        `unknown weekday '${unknownDays[0]}'; use one of ${WEEKDAYS.join(
          ', ',
        )}`,
      );
    }
    add(
      {
        id,
        timezone: cal.getString('timezone'),
        hours,
        holidays: cal.getOptionalStringArray('holidays'),
      },
      `itsm.calendars.${id}`,
    );
  }
  for (const calendar of extra) {
    add(calendar, `itsmCalendarsExtensionPoint (calendar '${calendar.id}')`);
  }
  return calendars;
}

function readTargets(
  config: Config,
  calendars: ReadonlyMap<string, ServiceCalendar>,
): Record<Priority, Record<ClockName, ClockTarget>> {
  const targets = {} as Record<Priority, Record<ClockName, ClockTarget>>;
  for (const priority of PRIORITIES) {
    targets[priority] = { ...DEFAULT_INCIDENT_TARGETS[priority] };
    for (const clock of CLOCK_NAMES) {
      const key = `itsm.incidents.targets.p${priority}.${clock}`;
      const section = config.getOptionalConfig(key);
      if (!section) {
        continue;
      }
      const calendarId = section.getOptionalString('calendar');
      if (calendarId !== undefined && !calendars.has(calendarId)) {
        fail(`${key}.calendar`, `unknown calendar '${calendarId}'`);
      }
      targets[priority][clock] = {
        targetMs: durationMs(section, 'duration', `${key}.duration`),
        // A configured target without a calendar counts in the service's hours.
        calendarId,
      };
    }
  }
  return targets;
}

/**
 * Reads and validates the `itsm` configuration, merging calendars contributed
 * by modules; throws an error naming the offending key.
 */
export function readItsmConfig(
  config: Config,
  options: { extraCalendars?: ServiceCalendar[] } = {},
): ItsmConfig {
  const calendars = readCalendars(config, options.extraCalendars ?? []);

  const matrix = (config.getOptional('itsm.incidents.priorityMatrix') ??
    DEFAULT_PRIORITY_MATRIX) as number[][];
  try {
    validatePriorityMatrix(matrix, 'itsm.incidents.priorityMatrix');
  } catch (error) {
    fail('itsm.incidents.priorityMatrix', String((error as Error).message));
  }

  const defaultCalendarId =
    config.getOptionalString('itsm.incidents.defaultCalendar') ?? ALWAYS_ON.id;
  if (!calendars.has(defaultCalendarId)) {
    fail(
      'itsm.incidents.defaultCalendar',
      `unknown calendar '${defaultCalendarId}'`,
    );
  }

  const autoCloseDays =
    config.getOptionalNumber('itsm.incidents.autoCloseDays') ?? 5;
  if (!Number.isInteger(autoCloseDays) || autoCloseDays < 1) {
    fail('itsm.incidents.autoCloseDays', 'must be a whole number of days ≥ 1');
  }

  const escalationThresholds = config.getOptional(
    'itsm.incidents.escalationThresholds',
  ) ?? [50, 75, 100];
  if (
    !Array.isArray(escalationThresholds) ||
    escalationThresholds.length === 0 ||
    escalationThresholds.some(
      (t, i) =>
        typeof t !== 'number' ||
        !(t > 0) ||
        (i > 0 && t <= (escalationThresholds[i - 1] as number)),
    )
  ) {
    fail(
      'itsm.incidents.escalationThresholds',
      'must be a non-empty, strictly increasing list of percentages > 0',
    );
  }

  const impactDepth =
    config.getOptionalNumber('itsm.incidents.impactDepth') ?? 3;
  if (!Number.isInteger(impactDepth) || impactDepth < 1 || impactDepth > 5) {
    fail('itsm.incidents.impactDepth', 'must be a whole number from 1 to 5');
  }

  return {
    calendars,
    incidents: {
      priorityMatrix: matrix,
      defaultCalendarId,
      targets: readTargets(config, calendars),
      autoCloseDays,
      escalationThresholds: escalationThresholds as number[],
      majorIncident: readMajorIncidentCriteria(config),
      impactDepth,
      supportTiers: readSupportTiers(config),
      categories: readIncidentCategories(config),
    },
    webhooks: readWebhooksConfig(config),
    changes: readChangesConfig(config),
    sla: { warningThresholds: readWarningThresholds(config) },
    problems: readProblemsConfig(config),
    satisfaction: readSatisfactionConfig(config),
    complaints: readComplaintsConfig(config),
    cmdb: readCmdbConfig(config),
  };
}

const ATTRIBUTE =
  /^(owner|lifecycle|system|type|domain|[a-z0-9.-]+\/[a-z0-9._-]+)$/i;

/**
 * `itsm.cmdb.kinds`: a non-empty list of `{ kind, required? }`, each kind once
 * (case-insensitive); a required attribute is `owner`, `lifecycle`, `system`, `type`, `domain`
 * or an annotation key such as `itsm/tier`.
 */
function readCmdbConfig(config: Config): CmdbConfig {
  const key = 'itsm.cmdb.kinds';
  const entries = config.getOptionalConfigArray(key);
  if (entries === undefined) {
    return { kinds: DEFAULT_CMDB_KINDS };
  }
  if (entries.length === 0) {
    fail(key, 'must list at least one kind');
  }
  const seen = new Set<string>();
  const kinds = entries.map((entry, i) => {
    const kind = entry.getString('kind').trim();
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(kind)) {
      fail(`${key}[${i}].kind`, `'${kind}' is not a catalog kind`);
    }
    const lower = kind.toLocaleLowerCase('en-US');
    if (seen.has(lower)) {
      fail(`${key}[${i}].kind`, `${kind} is listed twice`);
    }
    seen.add(lower);
    const required = entry.getOptionalStringArray('required') ?? [];
    for (const attribute of required) {
      if (!ATTRIBUTE.test(attribute)) {
        fail(
          `${key}[${i}].required`,
          `'${attribute}' is neither owner, lifecycle, system, type, domain nor an annotation key`,
        );
      }
    }
    return { kind, required: [...new Set(required)] };
  });
  return { kinds };
}

function readComplaintsConfig(config: Config): ComplaintsConfig {
  const daysKey = 'itsm.complaints.escalationDays';
  const escalationDays = config.getOptionalNumber(daysKey) ?? 5;
  if (!Number.isInteger(escalationDays) || escalationDays < 1) {
    fail(daysKey, 'must be a whole number of days ≥ 1');
  }
  const groupKey = 'itsm.complaints.escalationGroup';
  const group = config.getOptionalString(groupKey);
  return {
    escalationDays,
    escalationGroup:
      group === undefined ? null : entityRefFrom(group, 'group', groupKey),
  };
}

/** `itsm.satisfaction`: who is asked to rate a resolution, and for how long. */
export interface SatisfactionConfig {
  /** Share (0–1) of resolutions whose reporter is invited to rate it; 0.5 by default. */
  sampleRate: number;
  /** Days an invitation to rate a resolution stays open; 14 by default. */
  invitationExpiryDays: number;
}

function readSatisfactionConfig(config: Config): SatisfactionConfig {
  const sampleRate =
    config.getOptionalNumber('itsm.satisfaction.sampleRate') ?? 0.5;
  if (!(sampleRate >= 0 && sampleRate <= 1)) {
    fail('itsm.satisfaction.sampleRate', 'must be a number from 0 to 1');
  }
  const expiryKey = 'itsm.satisfaction.invitationExpiryDays';
  const invitationExpiryDays = config.getOptionalNumber(expiryKey) ?? 14;
  if (!Number.isInteger(invitationExpiryDays) || invitationExpiryDays < 1) {
    fail(expiryKey, 'must be a whole number ≥ 1');
  }
  return { sampleRate, invitationExpiryDays };
}

function readProblemsConfig(config: Config): ProblemsConfig {
  const count = (key: string, fallback: number, min: number) => {
    const value = config.getOptionalNumber(key) ?? fallback;
    if (!Number.isInteger(value) || value < min) {
      fail(key, `must be a whole number ≥ ${min}`);
    }
    return value;
  };
  const d = DEFAULT_DETECTION_CONFIG;
  const prefix = 'itsm.problems.detection';
  return {
    detection: {
      enabled: config.getOptionalBoolean(`${prefix}.enabled`) ?? true,
      frequencyMinutes: count(`${prefix}.frequencyMinutes`, 60, 1),
      recurrenceThreshold: count(
        `${prefix}.recurrence.incidents`,
        d.recurrenceThreshold,
        2,
      ),
      recurrenceWindowDays: count(
        `${prefix}.recurrence.windowDays`,
        d.recurrenceWindowDays,
        1,
      ),
      upstreamThreshold: count(
        `${prefix}.upstream.services`,
        d.upstreamThreshold,
        2,
      ),
      upstreamWindowHours: count(
        `${prefix}.upstream.windowHours`,
        d.upstreamWindowHours,
        1,
      ),
    },
    observationDays: count('itsm.problems.observationDays', 14, 0),
  };
}

function readWarningThresholds(config: Config): number[] {
  const key = 'itsm.sla.warningThresholds';
  const thresholds = config.getOptional(key) ?? [75, 90];
  if (
    !Array.isArray(thresholds) ||
    thresholds.some(
      (t, i) =>
        typeof t !== 'number' ||
        !(t > 0 && t < 100) ||
        (i > 0 && t <= (thresholds[i - 1] as number)),
    )
  ) {
    fail(
      key,
      'must be a strictly increasing list of percentages, each above 0 and below 100',
    );
  }
  return thresholds as number[];
}

function readChangesConfig(config: Config): ChangesConfig {
  const policyKey = 'itsm.changes.approvalPolicy';
  const rawPolicy = config.getOptional(policyKey);
  let approvalPolicy: readonly ApprovalPolicyRule[] = DEFAULT_APPROVAL_POLICY;
  if (rawPolicy !== undefined) {
    try {
      approvalPolicy = validateApprovalPolicy(rawPolicy, policyKey).map(
        rule => ({
          ...rule,
          approvers: rule.approvers.map(approver =>
            approver.group
              ? {
                  ...approver,
                  group: approver.group.toLocaleLowerCase('en-US'),
                }
              : approver,
          ),
        }),
      );
    } catch (error) {
      fail(policyKey, String((error as Error).message));
    }
  }

  const freezeKey = 'itsm.changes.freezeWindows';
  const rawWindows = config.getOptional(freezeKey) ?? [];
  if (!Array.isArray(rawWindows)) {
    fail(freezeKey, 'must be a list of freeze windows');
  }
  const windows = (rawWindows as unknown[]).map(w =>
    w && typeof w === 'object' && !Array.isArray(w)
      ? { entityRefs: [], ...(w as object) }
      : w,
  ) as ChangeFreezeWindow[];
  try {
    validateFreezeWindows(windows);
  } catch (error) {
    fail(freezeKey, String((error as Error).message));
  }
  const freezeWindows = windows.map((w, i) => ({
    name: w.name,
    start: new Date(w.start).toISOString(),
    end: new Date(w.end).toISOString(),
    entityRefs: w.entityRefs.map((ref, j) =>
      entityRefFrom(ref, 'component', `${freezeKey}[${i}].entityRefs[${j}]`),
    ),
  }));
  return { approvalPolicy, freezeWindows };
}

function readMajorIncidentCriteria(
  config: Config,
): ItsmConfig['incidents']['majorIncident'] {
  const key = 'itsm.incidents.majorIncident';
  const read = (name: string, max: number, fallback: number[]) => {
    const values: unknown = config.getOptional(`${key}.${name}`) ?? fallback;
    if (
      !Array.isArray(values) ||
      values.some(v => !Number.isInteger(v) || v < 1 || v > max)
    ) {
      fail(
        `${key}.${name}`,
        `must be a list of whole numbers from 1 to ${max}`,
      );
    }
    return values as number[];
  };
  return {
    priorities: read(
      'priorities',
      5,
      DEFAULT_MAJOR_INCIDENT_CRITERIA.priorities,
    ) as Priority[],
    tiers: read(
      'tiers',
      4,
      DEFAULT_MAJOR_INCIDENT_CRITERIA.tiers,
    ) as ServiceTier[],
  };
}

/** Lowercase canonical form of a possibly shortened entity ref. */
function entityRefFrom(value: unknown, defaultKind: string, key: string) {
  if (typeof value !== 'string' || !value.trim()) {
    return fail(key, 'must be an entity ref');
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind,
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch (error) {
    return fail(key, String((error as Error).message));
  }
}

/** `itsm.incidents.categories`, else the default taxonomy; `uncategorised` is always added. */
function readIncidentCategories(config: Config): IncidentCategoryTaxonomy {
  const key = 'itsm.incidents.categories';
  const raw = config.getOptional(key);
  if (raw === undefined) {
    return validateIncidentCategoryTaxonomy(DEFAULT_INCIDENT_CATEGORIES, key);
  }
  try {
    return validateIncidentCategoryTaxonomy(raw, key);
  } catch (error) {
    throw new InputError(`Invalid configuration: ${(error as Error).message}`);
  }
}

function readSupportTiers(config: Config): string[] {
  const key = 'itsm.incidents.supportTiers';
  const tiers = config.getOptional(key) ?? [];
  if (!Array.isArray(tiers)) {
    fail(key, 'must be a list of group refs, first tier first');
  }
  const refs = tiers.map((t, i) => entityRefFrom(t, 'group', `${key}[${i}]`));
  if (new Set(refs).size !== refs.length) {
    fail(key, 'lists a group more than once');
  }
  return refs;
}

/** Webhook secrets must not be guessable. */
const MIN_SECRET_LENGTH = 16;

function readSecret(config: Config, key: string): string {
  const secret = config.getString(key);
  if (secret.length < MIN_SECRET_LENGTH) {
    fail(key, `must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  return secret;
}

function readWebhooksConfig(config: Config): WebhooksConfig {
  const webhooks: WebhooksConfig = {};
  const alertmanager = 'itsm.webhooks.alertmanager';
  if (config.has(`${alertmanager}.token`)) {
    webhooks.alertmanager = {
      token: readSecret(config, `${alertmanager}.token`),
    };
  }
  const pagerduty = 'itsm.webhooks.pagerduty';
  if (config.has(`${pagerduty}.secret`)) {
    // Read as a whole: PagerDuty service names may contain spaces, which
    // config key lookups do not allow.
    const mapping = config.getOptional(`${pagerduty}.serviceMapping`) ?? {};
    if (typeof mapping !== 'object' || Array.isArray(mapping)) {
      fail(
        `${pagerduty}.serviceMapping`,
        'must map service names to entity refs',
      );
    }
    webhooks.pagerduty = {
      secret: readSecret(config, `${pagerduty}.secret`),
      serviceMapping: new Map(
        Object.entries(mapping as object).map(([service, ref]) => [
          service,
          entityRefFrom(
            ref,
            'component',
            `${pagerduty}.serviceMapping.${service}`,
          ),
        ]),
      ),
    };
  }
  return webhooks;
}

/**
 * The configured calendar with this id, or the default calendar (with `known: false`) for an id
 * that is no longer configured. Configured calendars only: clocks take their calendars from the
 * `CalendarRegistry`, which adds the calendars and holidays managed through the API.
 */
export function calendarOrDefault(
  config: ItsmConfig,
  id: string,
): { calendar: ServiceCalendar; known: boolean } {
  const calendar = config.calendars.get(id);
  return calendar
    ? { calendar, known: true }
    : {
        calendar: config.calendars.get(config.incidents.defaultCalendarId)!,
        known: false,
      };
}
