import { z } from 'zod';
import type { ServiceCalendar } from '../calendar/types';
import { WEEKDAYS } from '../calendar/types';
import type { Priority } from '../incidents/types';
import type { AlignmentFinding } from './alignment';
import type { TargetAttainment } from './attainment';
import { calendarIdSchema } from './schemas';
import type {
  AgreementTerms,
  SlaBreach,
  SlmClock,
  WorkloadLimits,
} from './types';

// The wire contract of the service level management API (`/api/itsm/calendars`, `/slas`,
// `/supporting-agreements`, `/breaches`, `/reports/sla`): what the backend answers and the
// portal reads.

/**
 * A service-hours calendar as the calendars API shows it. Calendars defined in app-config
 * (`source: 'config'`) keep their hours and time zone; only their API-managed holiday list
 * (`holidays`) can be edited. Calendars created through the API are editable in full.
 * The effective holidays are `configuredHolidays` plus `holidays`.
 *
 * @public
 */
export interface CalendarRecord {
  id: string;
  /** 0 until the API stores anything for a config calendar. */
  version: number;
  source: 'config' | 'api' | 'builtin';
  title: string;
  timezone: string;
  hours: ServiceCalendar['hours'];
  /** Holidays from app-config (read-only here). */
  configuredHolidays: string[];
  /** Holidays managed through the API. */
  holidays: string[];
  createdAt: string | null;
  updatedAt: string | null;
}

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a local date YYYY-MM-DD');

const hoursSchema = z.strictObject(
  Object.fromEntries(
    WEEKDAYS.map(day => [
      day,
      z
        .array(
          z.tuple([
            z.string().regex(/^\d{2}:\d{2}$/, 'must be HH:mm'),
            z.string().regex(/^\d{2}:\d{2}$/, 'must be HH:mm'),
          ]),
        )
        .max(24)
        .optional(),
    ]),
  ) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodOptional<z.ZodArray<z.ZodTuple<[z.ZodString, z.ZodString]>>>
  >,
);

/**
 * Body of `POST /calendars`; `validateServiceCalendar` checks time zone, ranges and dates
 * after parsing.
 *
 * @public
 */
export const calendarCreateSchema = z.strictObject({
  id: calendarIdSchema,
  title: z.string().trim().min(1).max(200).optional(),
  timezone: z.string().min(1).max(100),
  hours: hoursSchema,
  holidays: z.array(localDate).max(1000).default([]),
});

/** @public */
export type CalendarCreateRequest = z.input<typeof calendarCreateSchema>;

/**
 * Body of `PATCH /calendars/{id}`. For a calendar from app-config only `holidays` (its
 * API-managed holiday list) may be sent; the rest answers 409.
 *
 * @public
 */
export const calendarPatchSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    timezone: z.string().min(1).max(100),
    hours: hoursSchema,
    holidays: z.array(localDate).max(1000),
  })
  .partial();

/** @public */
export type CalendarPatchRequest = z.input<typeof calendarPatchSchema>;

/**
 * One agreed revision of an SLA or supporting agreement (`GET /slas/{id}/revisions`,
 * oldest first). Revisions are never edited: a change of terms adds one.
 *
 * @public
 */
export interface AgreementRevision
  extends Omit<AgreementTerms, 'lastReviewedAt'> {
  revision: number;
  /** SLAs only. */
  customerGroups?: string[];
  createdAt: string;
  createdBy: string;
}

/**
 * `GET /slas/{id}/alignment`: each supporting agreement linked to the SLA, and every target
 * of theirs looser than the SLA target it underpins.
 *
 * @public
 */
export interface SlaAlignment {
  slaId: string;
  agreements: Array<{
    id: string;
    kind: 'ola' | 'uc';
    title: string;
    aligned: boolean;
  }>;
  findings: AlignmentFinding[];
}

/** One row of a report's attainment table (`target` is e.g. `p1.resolution`). @public */
export interface ReportTargetAttainment extends TargetAttainment {
  priority: Priority | null;
  clock: SlmClock | null;
  /** The agreed target in ms for this priority and clock, null when none is agreed. */
  targetMs: number | null;
  /** Clocks of this target decided in the period that came from the configured defaults. */
  fromDefaults: number;
}

/** A workload metric counted over the period against the agreed limit. @public */
export interface ReportWorkload {
  metric: keyof WorkloadLimits;
  actual: number;
  /** The limit scaled to the period's length (per month × months), null when none is agreed. */
  limit: number | null;
  exceeded: boolean;
}

/** One point of the trend: a past period (calendar month in the calendar's zone). @public */
export interface ReportTrendPoint {
  label: string;
  from: string;
  to: string;
  met: number;
  breached: number;
  /** 100 × met / (met + breached), null when nothing was decided. */
  attainmentPercent: number | null;
  availabilityPercent: number | null;
}

/**
 * `GET /reports/sla?entityRef=&from=&to=`: how a service kept its SLA in `[from, to)`.
 * A clock counts in the period its outcome is decided; cancelled incidents do not count;
 * waived breaches are listed and counted apart.
 *
 * @public
 */
export interface SlaReport {
  entityRef: string;
  from: string;
  to: string;
  generatedAt: string;
  /** The SLA revision in force at the end of the period (or its last instant in force). */
  sla: {
    id: string;
    revision: number;
    title: string;
    calendarId: string;
    customerGroups: string[];
  } | null;
  targets: ReportTargetAttainment[];
  overall: TargetAttainment;
  breaches: { total: number; waived: number; items: SlaBreach[] };
  availability: {
    targetPercent: number | null;
    /** Null when the period holds no agreed service time. */
    percent: number | null;
    serviceMs: number;
    outageMs: number;
    met: boolean | null;
  };
  changeSuccess: {
    targetPercent: number | null;
    closed: number;
    successful: number;
    percent: number | null;
    met: boolean | null;
  };
  /** Satisfaction responses received in the period (transactional and campaigns). */
  csat: {
    targetPercent: number | null;
    /** Responses received. */
    responses: number;
    /** CSAT %: share of ratings of 4–5; null without ratings. */
    percent: number | null;
    met: boolean | null;
    /** Ratings behind `percent`. */
    n: number;
    /** Fewer responses than the minimum: shown, but not conclusive. */
    tooFew: boolean;
    meanRating: number | null;
    /** NPS, −100 to 100; null without NPS answers. */
    nps: number | null;
  };
  workload: ReportWorkload[];
  /** The last periods up to and including the one that holds `to`, oldest first. */
  trend: ReportTrendPoint[];
}

/** One service in `GET /reports/sla-portfolio`. @public */
export interface SlaPortfolioRow {
  entityRef: string;
  slaId: string | null;
  met: number;
  breached: number;
  waived: number;
  attainmentPercent: number | null;
  availabilityPercent: number | null;
  availabilityTargetPercent: number | null;
}

/** `GET /reports/sla-portfolio?from=&to=`: every service with clocks or an SLA. @public */
export interface SlaPortfolioReport {
  from: string;
  to: string;
  generatedAt: string;
  items: SlaPortfolioRow[];
}

/** The agreement an incident clock took its target from (on the incident's `sla` clocks). @public */
export interface ClockAgreementRef {
  slaId: string;
  revision: number;
}
