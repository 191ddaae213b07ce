import { requireBasic } from '../../records/access';
import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  ALWAYS_ON,
  PRIORITY_KEYS,
  Period,
  SatisfactionFigures,
  ReportTargetAttainment,
  ReportTrendPoint,
  ReportWorkload,
  SLM_CLOCKS,
  ServiceCalendar,
  ServiceHealthSla,
  SlaPortfolioReport,
  SlaReport,
  TargetAttainment,
  WORKLOAD_METRICS,
  availability,
  nextReviewDate,
  parseDuration,
  periodsOf,
  slaReadPermission,
  slaInForce,
  MIN_SATISFACTION_RESPONSES,
} from '@backstage-itsm/plugin-itsm-common';
import { canonicalEntityRef } from '../../catalog/entities';
import type {
  AttainmentRow,
  OutageRow,
  SlaReportStore,
  StoredSla,
} from './SlaReportStore';

const DAY_MS = 24 * 60 * 60_000;
/** The longest period a report covers. */
export const MAX_REPORT_DAYS = 366;
/** How many calendar months the trend shows. */
export const TREND_PERIODS = 6;
/** Breach register rows listed in a report. */
const REPORT_BREACH_LIMIT = 500;

/** The terms of the SLA revision a report uses. */
interface ReportTerms {
  seq: number;
  revision: number;
  title: string;
  calendarId: string;
  customerGroups: string[];
  targets: Record<string, any>;
  workloadLimits: Record<string, number | undefined>;
}

/** A validated report period. */
export function reportPeriod(input: { from: string; to: string }): {
  from: Date;
  to: Date;
} {
  const from = new Date(input.from);
  const to = new Date(input.to);
  if (Number.isNaN(from.getTime())) {
    throw new InputError('from must be an ISO-8601 instant');
  }
  if (Number.isNaN(to.getTime())) {
    throw new InputError('to must be an ISO-8601 instant');
  }
  if (to <= from) {
    throw new InputError('to must be after from');
  }
  if (to.getTime() - from.getTime() > MAX_REPORT_DAYS * DAY_MS) {
    throw new InputError(
      `to must be at most ${MAX_REPORT_DAYS} days after from`,
    );
  }
  return { from, to };
}

const percentOf = (part: number, whole: number) =>
  whole === 0 ? null : (100 * part) / whole;

function tally(target: string): TargetAttainment {
  return { target, met: 0, breached: 0, waived: 0, percent: null };
}

function finish<T extends TargetAttainment>(t: T): T {
  return { ...t, percent: percentOf(t.met, t.met + t.breached) };
}

/**
 * Where SLA reports read a service's satisfaction figures over a period: the satisfaction
 * practice, registered after service levels, fills it in (`useSatisfaction`).
 */
export interface SatisfactionFiguresSource {
  figures(options: {
    entityRef: string;
    from: Date;
    to: Date;
  }): Promise<SatisfactionFigures>;
}

/** SLA reports (DESIGN §3 "Counting") and the SLA figures of service health. */
export class SlaReportService {
  readonly #store: SlaReportStore;
  #satisfaction?: SatisfactionFiguresSource;
  readonly #permissions: PermissionsService;
  readonly #calendarOf: (id: string) => ServiceCalendar;
  readonly #refreshCalendars: () => Promise<void>;
  readonly #now: () => Date;

  constructor(options: {
    store: SlaReportStore;
    permissions: PermissionsService;
    calendarOf: (id: string) => ServiceCalendar;
    /** Reloads calendars other replicas changed (CalendarRegistry.ensureFresh). */
    refreshCalendars?: () => Promise<void>;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#permissions = options.permissions;
    this.#calendarOf = options.calendarOf;
    this.#refreshCalendars = options.refreshCalendars ?? (async () => {});
    this.#now = options.now ?? (() => new Date());
  }

  /** Reads the CSAT block of reports from `source` (without one, no responses). */
  useSatisfaction(source: SatisfactionFiguresSource): void {
    this.#satisfaction = source;
  }

  /** How the service kept its SLA in `[from, to)`. */
  async report(
    input: { entityRef: string; from: string; to: string },
    ctx: { credentials: BackstageCredentials },
  ): Promise<SlaReport> {
    const { from, to } = reportPeriod(input);
    await this.#requireRead(ctx.credentials);
    await this.#refreshCalendars();
    const entityRef = canonicalEntityRef(input.entityRef);
    const sla = await this.#store.getSla(entityRef);
    const terms = sla ? termsAt(sla, new Date(to.getTime() - 1)) : undefined;
    const calendar = terms ? this.#calendarOf(terms.calendarId) : ALWAYS_ON;
    const trend = trendPeriods(to, calendar.timezone);
    const trendFrom = trend[0].from < from ? trend[0].from : from;

    const [rows, byPeriod, outages, workload, changes, breaches, csat] =
      await Promise.all([
        this.#store.attainment({ entityRef, from, to }),
        this.#store.attainmentByPeriod({
          entityRef,
          bounds: [...trend.map(p => p.from), trend[trend.length - 1].to],
        }),
        this.#store.outages({ entityRef, from: trendFrom, to }),
        this.#store.workload({ entityRef, from, to }),
        this.#store.changeOutcomes({ entityRef, from, to }),
        this.#store.breaches({
          entityRef,
          from,
          to,
          limit: REPORT_BREACH_LIMIT,
        }),
        this.#satisfaction?.figures({ entityRef, from, to }),
      ]);

    const { targets, overall } = targetRows(rows, terms);
    const availabilityTarget = numberOrNull(terms?.targets.availabilityPercent);
    // Availability is measured up to now: service time still to come is neither up nor down,
    // and an outage still open lasts until now.
    const now = this.#now();
    const measured = (a: Date, b: Date) =>
      availability({ calendar, from: a, to: minDate(b, now, a), outages });
    const avail = measured(from, to);
    const availabilityPercent =
      avail.serviceMs === 0 ? null : 100 * avail.ratio;
    const changeTarget = numberOrNull(terms?.targets.changeSuccessRatePercent);
    const changePercent = percentOf(changes.successful, changes.closed);
    const csatTarget = numberOrNull(terms?.targets.csatPercent);
    const csatTooFew = (csat?.ratings ?? 0) < MIN_SATISFACTION_RESPONSES;
    const months = monthsIn(from, to, calendar.timezone);
    const actual: Record<string, number> = {
      incidentsPerMonth: workload.incidents,
      majorIncidentsPerMonth: workload.majorIncidents,
      changesPerMonth: workload.changes,
    };

    return {
      entityRef,
      from: from.toISOString(),
      to: to.toISOString(),
      generatedAt: now.toISOString(),
      sla: terms
        ? {
            id: `SLA-${terms.seq}`,
            revision: terms.revision,
            title: terms.title,
            calendarId: terms.calendarId,
            customerGroups: terms.customerGroups,
          }
        : null,
      targets,
      overall,
      breaches,
      availability: {
        targetPercent: availabilityTarget,
        percent: availabilityPercent,
        serviceMs: avail.serviceMs,
        outageMs: avail.outageMs,
        met: metOrNull(availabilityPercent, availabilityTarget),
      },
      changeSuccess: {
        targetPercent: changeTarget,
        closed: changes.closed,
        successful: changes.successful,
        percent: changePercent,
        met: metOrNull(changePercent, changeTarget),
      },
      // The block is about CSAT: too few ratings (whatever the NPS answers) and it is shown
      // but neither met nor missed.
      csat: {
        targetPercent: csatTarget,
        responses: csat?.responses ?? 0,
        percent: csat?.csatPercent ?? null,
        met: csatTooFew
          ? null
          : metOrNull(csat?.csatPercent ?? null, csatTarget),
        n: csat?.ratings ?? 0,
        tooFew: csatTooFew,
        meanRating: csat?.meanRating ?? null,
        nps: csat?.nps ?? null,
      },
      workload: WORKLOAD_METRICS.map((metric): ReportWorkload => {
        const perMonth = numberOrNull(terms?.workloadLimits[metric]);
        // A period of whole months in the calendar's zone scales by a whole number; other
        // periods by their share of each month, to one decimal.
        const limit =
          perMonth === null ? null : Math.round(perMonth * months * 10) / 10;
        return {
          metric,
          actual: actual[metric],
          limit,
          exceeded: limit !== null && actual[metric] > limit,
        };
      }),
      trend: trend.map((period, i): ReportTrendPoint => {
        const { met, breached } = byPeriod[i];
        const a = measured(period.from, period.to);
        return {
          label: period.label,
          from: period.from.toISOString(),
          to: period.to.toISOString(),
          met,
          breached,
          attainmentPercent: percentOf(met, met + breached),
          availabilityPercent: a.serviceMs === 0 ? null : 100 * a.ratio,
        };
      }),
    };
  }

  /** Every service with clocks decided in `[from, to)` or an SLA. */
  async portfolio(
    input: { from: string; to: string },
    ctx: { credentials: BackstageCredentials },
  ): Promise<SlaPortfolioReport> {
    const { from, to } = reportPeriod(input);
    await this.#requireRead(ctx.credentials);
    await this.#refreshCalendars();
    const [rows, slas, outages] = await Promise.all([
      this.#store.attainment({ from, to }),
      this.#store.listSlas(),
      this.#store.outages({ from, to }),
    ]);
    const services = new Map<
      string,
      { met: number; breached: number; waived: number }
    >();
    const entry = (ref: string) => {
      let e = services.get(ref);
      if (!e) {
        e = { met: 0, breached: 0, waived: 0 };
        services.set(ref, e);
      }
      return e;
    };
    for (const row of rows) {
      const e = entry(row.entityRef);
      e.met += row.met;
      e.breached += row.breached;
      e.waived += row.waived;
    }
    const slaOf = new Map(slas.map(s => [s.entityRef, s]));
    slas.forEach(s => entry(s.entityRef));
    const outagesOf = groupOutages(outages);
    const now = this.#now();
    const measuredTo = minDate(to, now, from);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      generatedAt: now.toISOString(),
      items: [...services.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([entityRef, t]) => {
          const sla = slaOf.get(entityRef);
          const calendar = sla
            ? this.#calendarOf(sla.terms.calendarId)
            : ALWAYS_ON;
          const a = availability({
            calendar,
            from,
            to: measuredTo,
            outages: outagesOf.get(entityRef) ?? [],
          });
          return {
            entityRef,
            slaId: sla ? `SLA-${sla.seq}` : null,
            met: t.met,
            breached: t.breached,
            waived: t.waived,
            attainmentPercent: percentOf(t.met, t.met + t.breached),
            availabilityPercent: a.serviceMs === 0 ? null : 100 * a.ratio,
            availabilityTargetPercent: numberOrNull(
              sla?.terms.targets?.availabilityPercent,
            ),
          };
        }),
    };
  }

  /**
   * The SLA figures of the service health card: this calendar month so far (in the SLA
   * calendar's zone), availability and the next review. Null without an SLA, and for a caller
   * who may not read SLAs (the card still shows the incident figures).
   */
  async healthSla(
    entityRef: string,
    ctx: { credentials: BackstageCredentials },
  ): Promise<ServiceHealthSla | null> {
    try {
      await this.#requireRead(ctx.credentials);
    } catch (error) {
      if (error instanceof NotAllowedError) {
        return null;
      }
      throw error;
    }
    await this.#refreshCalendars();
    const ref = canonicalEntityRef(entityRef);
    const sla = await this.#store.getSla(ref);
    if (!sla) {
      return null;
    }
    const now = this.#now();
    const terms = termsAt(sla, now);
    const calendar = this.#calendarOf(terms.calendarId);
    const month = periodsOf(
      new Date(now.getTime() - 32 * DAY_MS),
      new Date(now.getTime() + 1),
      'month',
      calendar.timezone,
    ).pop()!;
    const to = new Date(now.getTime() + 1);
    const [rows, outages] = await Promise.all([
      this.#store.attainment({ entityRef: ref, from: month.from, to }),
      this.#store.outages({ entityRef: ref, from: month.from, to }),
    ]);
    const met = rows.reduce((n, r) => n + r.met, 0);
    const breached = rows.reduce((n, r) => n + r.breached, 0);
    const a = availability({ calendar, from: month.from, to, outages });
    const nextReview = nextReviewDate({
      reviewCadence: sla.terms.reviewCadence ?? 'quarterly',
      lastReviewedAt: sla.lastReviewedAt,
      effectiveFrom: sla.effectiveFrom,
    });
    return {
      id: `SLA-${sla.seq}`,
      title: terms.title,
      attainmentPercent: percentOf(met, met + breached),
      met,
      breached,
      availabilityPercent: a.serviceMs === 0 ? null : 100 * a.ratio,
      availabilityTargetPercent:
        numberOrNull(terms.targets.availabilityPercent) ?? 100,
      nextReviewAt: nextReview.toISOString(),
      reviewOverdue: nextReview <= now,
    };
  }

  async #requireRead(credentials: BackstageCredentials): Promise<void> {
    await requireBasic(this.#permissions, slaReadPermission, credentials);
  }
}

/** The revision in force at `at`, else the latest one, else the SLA row's own terms. */
function termsAt(sla: StoredSla, at: Date): ReportTerms {
  const inForce =
    slaInForce(sla.revisions, at) ??
    [...sla.revisions].sort((a, b) => b.revision - a.revision)[0];
  const terms = inForce?.terms ?? sla.terms;
  return {
    seq: sla.seq,
    revision: inForce?.revision ?? sla.revision,
    title: terms.title ?? sla.title,
    calendarId: terms.calendarId ?? ALWAYS_ON.id,
    customerGroups: terms.customerGroups ?? [],
    targets: terms.targets ?? { incidents: {} },
    workloadLimits: terms.workloadLimits ?? {},
  };
}

/** One row per priority and clock that has an agreed target or decided clocks. */
function targetRows(
  rows: AttainmentRow[],
  terms: ReportTerms | undefined,
): { targets: ReportTargetAttainment[]; overall: TargetAttainment } {
  const overall = tally('overall');
  const targets: ReportTargetAttainment[] = [];
  PRIORITY_KEYS.forEach((key, index) => {
    const priority = (index + 1) as ReportTargetAttainment['priority'] & number;
    for (const clock of SLM_CLOCKS) {
      const duration = terms?.targets.incidents?.[key]?.[clock]?.duration;
      const matching = rows.filter(
        r => r.priority === priority && r.clock === clock,
      );
      if (duration === undefined && matching.length === 0) {
        continue;
      }
      const row: ReportTargetAttainment = {
        ...tally(`${key}.${clock}`),
        priority,
        clock,
        targetMs:
          duration === undefined
            ? null
            : parseDuration(duration, `${key}.${clock}`),
        fromDefaults: 0,
      };
      for (const r of matching) {
        row.met += r.met;
        row.breached += r.breached;
        row.waived += r.waived;
        row.fromDefaults += r.fromDefaults;
      }
      overall.met += row.met;
      overall.breached += row.breached;
      overall.waived += row.waived;
      targets.push(finish(row));
    }
  });
  return { targets, overall: finish(overall) };
}

/**
 * The last `TREND_PERIODS` whole calendar months of the zone, up to the one holding the
 * report's end less 14 hours (the largest UTC offset): a report that ends at a month boundary
 * of another zone (the portal's UTC months, say) still ends its trend in the month it covers,
 * not in the first hours of the next.
 */
export function trendPeriods(to: Date, timezone: string): Period[] {
  const last = to.getTime() - 14 * 3_600_000;
  const months = periodsOf(
    new Date(last - 200 * DAY_MS),
    new Date(last + 40 * DAY_MS),
    'month',
    timezone,
  );
  const index = months.findIndex(
    p => p.from.getTime() <= last && last < p.to.getTime(),
  );
  return months.slice(Math.max(0, index - TREND_PERIODS + 1), index + 1);
}

/** The period's length in calendar months of the zone (a whole month is 1). */
function monthsIn(from: Date, to: Date, timezone: string): number {
  return periodsOf(from, to, 'month', timezone).reduce(
    (sum, p: Period) => sum + fractionOfMonth(p, timezone),
    0,
  );
}

function fractionOfMonth(period: Period, timezone: string): number {
  // The whole month the period lies in: from its first local midnight to the next.
  const month = periodsOf(
    new Date(period.from.getTime() - 31 * DAY_MS),
    new Date(period.from.getTime() + 62 * DAY_MS),
    'month',
    timezone,
  ).find(p => p.from <= period.from && period.from < p.to)!;
  const length = month.to.getTime() - month.from.getTime();
  return (period.to.getTime() - period.from.getTime()) / length;
}

function groupOutages(outages: OutageRow[]) {
  const byEntity = new Map<string, OutageRow[]>();
  for (const o of outages) {
    const list = byEntity.get(o.entityRef) ?? [];
    list.push(o);
    byEntity.set(o.entityRef, list);
  }
  return byEntity;
}

/** The earlier of `a` and `b`, but not before `floor` (an empty period rather than a reversed one). */
function minDate(a: Date, b: Date, floor: Date): Date {
  return new Date(
    Math.max(floor.getTime(), Math.min(a.getTime(), b.getTime())),
  );
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function metOrNull(percent: number | null, target: number | null) {
  return percent === null || target === null ? null : percent >= target;
}
