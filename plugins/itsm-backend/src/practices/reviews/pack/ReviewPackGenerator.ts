import {
  AuthService,
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  CHANGE_OUTCOMES,
  ComplaintSummary,
  INCIDENT_STATUSES,
  Priority,
  REVIEW_PACK_FORMAT,
  ReviewActionSummary,
  ReviewPack,
  ReviewPackSections,
  SatisfactionComment,
  SatisfactionFigures,
  SatisfactionTrendPoint,
  SlaAlignment,
  SlaReport,
  canonicalJson,
  reviewPackContent,
  roundFigure,
} from '@backstage-itsm/plugin-itsm-common';
import { createHash } from 'node:crypto';
import { canonicalEntityRef } from '../../../catalog/entities';
import type { RequestContext } from '../../../records/context';
import { reportPeriod } from '../../service-levels/SlaReportService';
import { KnexReviewPackStore } from './KnexReviewPackStore';
import type { ReviewPackStore } from './ReviewPackStore';

/**
 * The version of the pack generator, frozen with every pack. Raise it whenever the same
 * records would give a different pack (a section added or counted differently), so a drift
 * that comes from the generator rather than from the data is told apart.
 */
export const REVIEW_PACK_GENERATOR_VERSION = '1';

/** How many items a list of the pack holds at most; its `total` says how many there are. */
export const REVIEW_PACK_CAPS = {
  majorIncidents: 50,
  problems: 50,
  knownErrors: 50,
  failedChanges: 50,
  breaches: 50,
  breachCauses: 20,
  comments: 20,
  actions: 50,
} as const;

/** What the complaints service lists at most (ComplaintSummary.items). */
const COMPLAINT_ITEMS_CAP = 50;

/** The SLA report the pack takes attainment, availability, workload and breaches from. */
export interface ReviewPackSlaReports {
  report(
    input: { entityRef: string; from: string; to: string },
    ctx: RequestContext,
  ): Promise<SlaReport>;
}

/** The alignment check of an SLA's supporting agreements (`AgreementService.alignment`). */
export interface ReviewPackAlignmentSource {
  alignment(slaId: string, ctx: RequestContext): Promise<SlaAlignment>;
}

/** A service and period `[from, to)` as the other practices' sources take them. */
export interface ReviewPackSourceQuery {
  /** Lowercase canonical. */
  entityRef: string;
  from: Date;
  to: Date;
}

/** Satisfaction figures of a service over a period (the satisfaction practice). */
export interface ReviewPackSatisfactionSource {
  figures(
    query: ReviewPackSourceQuery,
    ctx: RequestContext,
  ): Promise<SatisfactionFigures>;
  /** One point per period, in order (the pack asks for the SLA report's trend months). */
  trend(
    query: {
      entityRef: string;
      periods: Array<{ label: string; from: Date; to: Date }>;
    },
    ctx: RequestContext,
  ): Promise<SatisfactionTrendPoint[]>;
  /** The newest free-text answers of the period, newest first, at most `limit`. */
  comments(
    query: ReviewPackSourceQuery & { limit: number },
    ctx: RequestContext,
  ): Promise<SatisfactionComment[]>;
}

/**
 * The complaints of a service over a period (`ComplaintService.summary`, which reads as the
 * plugin whoever asks; the plugin's credentials are passed all the same).
 */
export interface ReviewPackComplaintSource {
  summary(
    query: ReviewPackSourceQuery,
    ctx: RequestContext,
  ): Promise<ComplaintSummary>;
}

/** What the generator reads. */
export interface ReviewPackGeneratorOptions {
  slaReports: ReviewPackSlaReports;
  /** `AgreementService`: the SLA's supporting-agreement alignment. */
  slas: ReviewPackAlignmentSource;
  /** Without it the pack says satisfaction is not measured. */
  satisfaction?: ReviewPackSatisfactionSource;
  /** Without it the pack says complaints are not recorded. */
  complaints?: ReviewPackComplaintSource;
  /** The service's title (`ItsmCatalog`, which reads with the plugin's own credentials). */
  catalog: { getEntity(entityRef: string): Promise<Entity | undefined> };
  /** The plugin's own service credentials for the reads above. */
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  /** The plugin's database (read only); or a store, for tests and benchmarks. */
  database: DatabaseService | { store: ReviewPackStore };
  logger: LoggerService;
  now?: () => Date;
}

/** Input of {@link ReviewPackGenerator.generate}. */
export interface ReviewPackRequest {
  entityRef: string;
  /** `[from, to)`, ISO-8601; at most the longest SLA report period. */
  from: string;
  to: string;
  /** The actions of earlier reviews still open, as the review record lists them. */
  openActions: ReviewActionSummary[];
}

/** Every non-integer number of the pack rounded by `roundFigure`, so a regeneration hashes the same. */
function rounded<T>(value: T): T {
  if (typeof value === 'number') {
    return (Number.isInteger(value) ? value : roundFigure(value)) as T;
  }
  if (Array.isArray(value)) {
    return value.map(rounded) as T;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, rounded(v)]),
    ) as T;
  }
  return value;
}

const percentOrNull = (value: number | null) =>
  value === null ? null : roundFigure(value);

const metOrNull = (value: number | null, target: number | null) =>
  value === null || target === null ? null : value >= target;

/** Newest first; the same instant by the source's id, so the order never depends on the store. */
function byNewest(a: SatisfactionComment, b: SatisfactionComment): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  const ka = `${a.source.type}:${a.source.id}`;
  const kb = `${b.source.type}:${b.source.id}`;
  if (ka === kb) return 0;
  return ka < kb ? -1 : 1;
}

/** Earliest due first, undated last, then by id. */
function byDue(a: ReviewActionSummary, b: ReviewActionSummary): number {
  const da = a.dueDate ?? '\uffff';
  const db = b.dueDate ?? '\uffff';
  if (da !== db) return da < db ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/**
 * Assembles the review pack of a service for a period from live records (DESIGN §3): SLA
 * attainment, availability, workload, breaches and the trend from the SLA report service (not
 * recomputed), the alignment from the agreements, satisfaction and complaints from their
 * practices, and the rest from SQL aggregates of {@link ReviewPackStore}.
 *
 * A pack is evidence for the customer: every read is made with the plugin's own service
 * credentials, so the pack holds the same figures whoever prepares or freezes it. Callers
 * decide who may see a pack (the review's read permission) before asking for one.
 */
export class ReviewPackGenerator {
  readonly #options: ReviewPackGeneratorOptions;
  readonly #now: () => Date;
  #store?: Promise<ReviewPackStore>;

  constructor(options: ReviewPackGeneratorOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  /** The pack of `entityRef` over `[from, to)`; `InputError` on a bad period. */
  async generate(request: ReviewPackRequest): Promise<ReviewPack> {
    const started = Date.now();
    const { from, to } = reportPeriod(request);
    const entityRef = canonicalEntityRef(request.entityRef);
    const period = { from: from.toISOString(), to: to.toISOString() };
    const query = { entityRef, from, to };
    const ctx = {
      credentials: await this.#options.auth.getOwnServiceCredentials(),
    };
    const store = await this.#storeOf();
    const { satisfaction, complaints } = this.#options;
    const sourceQuery = { entityRef, from, to };
    const [
      report,
      entity,
      incidentCounts,
      majorIncidents,
      breachCauses,
      problemCounts,
      problems,
      knownErrors,
      changeOutcomes,
      failedChanges,
      satisfactionFigures,
      comments,
      complaintSummary,
    ] = await Promise.all([
      this.#options.slaReports.report({ entityRef, ...period }, ctx),
      this.#options.catalog.getEntity(entityRef),
      store.incidentCounts(query),
      store.majorIncidents({
        ...query,
        limit: REVIEW_PACK_CAPS.majorIncidents,
      }),
      store.breachCauses(query),
      store.problemCounts(query),
      store.problems({ ...query, limit: REVIEW_PACK_CAPS.problems }),
      store.activeKnownErrors({
        entityRef,
        limit: REVIEW_PACK_CAPS.knownErrors,
      }),
      store.changeOutcomes(query),
      store.failedChanges({ ...query, limit: REVIEW_PACK_CAPS.failedChanges }),
      satisfaction?.figures(sourceQuery, ctx),
      // One more than shown: whether there are more is visible in the pack.
      satisfaction?.comments(
        { ...sourceQuery, limit: REVIEW_PACK_CAPS.comments + 1 },
        ctx,
      ),
      complaints?.summary(sourceQuery, ctx),
    ]);
    // Satisfaction over the same months as the SLA trend (the SLA calendar's zone).
    const [alignment, satisfactionTrend] = await Promise.all([
      report.sla ? this.#options.slas.alignment(report.sla.id, ctx) : null,
      satisfaction?.trend(
        {
          entityRef,
          periods: report.trend.map(p => ({
            label: p.label,
            from: new Date(p.from),
            to: new Date(p.to),
          })),
        },
        ctx,
      ),
    ]);

    const sections: ReviewPackSections = {
      sla: {
        version: 1,
        overall: {
          met: report.overall.met,
          breached: report.overall.breached,
          waived: report.overall.waived,
          percent: percentOrNull(report.overall.percent),
        },
        targets: report.targets.map(t => ({
          target: t.target,
          priority: t.priority,
          clock: t.clock,
          targetMs: t.targetMs,
          fromDefaults: t.fromDefaults,
          met: t.met,
          breached: t.breached,
          waived: t.waived,
          percent: percentOrNull(t.percent),
        })),
        trend: report.trend.map(p => ({
          label: p.label,
          from: p.from,
          to: p.to,
          met: p.met,
          breached: p.breached,
          attainmentPercent: percentOrNull(p.attainmentPercent),
        })),
      },
      availability: {
        version: 1,
        targetPercent: report.availability.targetPercent,
        percent: percentOrNull(report.availability.percent),
        met: report.availability.met,
        serviceMs: Math.round(report.availability.serviceMs),
        outageMs: Math.round(report.availability.outageMs),
        trend: report.trend.map(p => ({
          label: p.label,
          percent: percentOrNull(p.availabilityPercent),
        })),
      },
      workload: {
        version: 1,
        items: report.workload.map(w => ({
          metric: w.metric,
          actual: w.actual,
          limit: w.limit,
          exceeded: w.exceeded,
        })),
      },
      breaches: {
        version: 1,
        total: report.breaches.total,
        waived: report.breaches.waived,
        causes: {
          total: breachCauses.length,
          items: [...breachCauses]
            .sort(
              (a, b) =>
                b.count - a.count ||
                // No recorded cause last; the rest in code-point order, as on every database.
                Number(a.cause === null) - Number(b.cause === null) ||
                ((a.cause ?? '') < (b.cause ?? '') ? -1 : 1),
            )
            .slice(0, REVIEW_PACK_CAPS.breachCauses),
        },
        items: {
          total: report.breaches.total,
          items: report.breaches.items
            .slice(0, REVIEW_PACK_CAPS.breaches)
            .map(b => ({
              id: b.id,
              recordId: b.recordId,
              priority: b.priority,
              clock: b.clock,
              breachedAt: b.breachedAt,
              cause: b.cause,
              action: b.action,
              waived: b.waiver !== null,
            })),
        },
      },
      incidents: incidentSection(incidentCounts, majorIncidents),
      problems: {
        version: 1,
        ...problemCounts,
        items: problems,
        knownErrors,
      },
      changes: {
        version: 1,
        closed: report.changeSuccess.closed,
        successful: report.changeSuccess.successful,
        percent: percentOrNull(report.changeSuccess.percent),
        targetPercent: report.changeSuccess.targetPercent,
        met: report.changeSuccess.met,
        byOutcome: CHANGE_OUTCOMES.map(outcome => ({
          outcome,
          count: changeOutcomes.find(r => r.outcome === outcome)?.count ?? 0,
        })),
        failed: failedChanges,
      },
      satisfaction: {
        version: 1,
        available: Boolean(satisfaction),
        targetPercent: report.csat.targetPercent,
        met: metOrNull(
          satisfactionFigures?.csatPercent ?? null,
          report.csat.targetPercent,
        ),
        figures: satisfactionFigures ?? null,
        trend: satisfactionTrend ?? [],
        comments: {
          items: [...(comments ?? [])]
            .sort(byNewest)
            .slice(0, REVIEW_PACK_CAPS.comments),
          more: (comments?.length ?? 0) > REVIEW_PACK_CAPS.comments,
        },
      },
      complaints: {
        version: 1,
        available: Boolean(complaints),
        raised: complaintSummary?.raised ?? 0,
        open: complaintSummary?.open ?? 0,
        resolved: complaintSummary?.resolved ?? 0,
        escalated: complaintSummary?.escalated ?? 0,
        items: complaintSummary?.items ?? [],
        cap: COMPLAINT_ITEMS_CAP,
      },
      alignment: {
        version: 1,
        slaId: alignment?.slaId ?? null,
        agreements: alignment?.agreements ?? [],
        findings: alignment?.findings ?? [],
      },
      actions: {
        version: 1,
        items: {
          total: request.openActions.length,
          // The summary's fields only, whatever else the caller's objects carry.
          items: request.openActions
            .map(a => ({
              reviewId: a.reviewId,
              id: a.id,
              title: a.title,
              owner: a.owner,
              dueDate: a.dueDate,
              status: a.status,
            }))
            .sort(byDue)
            .slice(0, REVIEW_PACK_CAPS.actions),
        },
      },
    };

    const pack: ReviewPack = rounded({
      format: REVIEW_PACK_FORMAT,
      header: {
        entityRef,
        serviceTitle:
          entity?.metadata.title ?? entity?.metadata.name ?? entityRef,
        sla: report.sla
          ? {
              id: report.sla.id,
              revision: report.sla.revision,
              title: report.sla.title,
              customerGroups: report.sla.customerGroups,
            }
          : null,
        period,
        generatedAt: this.#now().toISOString(),
        generatorVersion: REVIEW_PACK_GENERATOR_VERSION,
      },
      sections,
    });
    this.#options.logger.debug(
      `Generated the review pack of ${entityRef} for ${period.from}..${
        period.to
      } in ${Date.now() - started} ms`,
    );
    return pack;
  }

  #storeOf(): Promise<ReviewPackStore> {
    if (!this.#store) {
      const { database } = this.#options;
      this.#store =
        'store' in database
          ? Promise.resolve(database.store)
          : KnexReviewPackStore.create({ database });
    }
    return this.#store;
  }
}

function incidentSection(
  rows: Awaited<ReturnType<ReviewPackStore['incidentCounts']>>,
  major: ReviewPackSections['incidents']['major'],
): ReviewPackSections['incidents'] {
  // Cancelled incidents are listed by status but, as in the SLA report, not counted as raised.
  const counted = rows.filter(r => r.status !== 'cancelled');
  const sum = (list: typeof rows) => list.reduce((n, r) => n + r.count, 0);
  return {
    version: 1,
    raised: sum(counted),
    resolved: counted.reduce((n, r) => n + r.resolvedInPeriod, 0),
    byPriority: ([1, 2, 3, 4, 5] as Priority[]).map(priority => ({
      priority,
      count: sum(counted.filter(r => r.priority === priority)),
    })),
    byStatus: INCIDENT_STATUSES.map(status => ({
      status,
      count: sum(rows.filter(r => r.status === status)),
    })),
    major,
  };
}

/**
 * The content hash of a pack: SHA-256 (hex) of its canonical JSON (keys sorted, no
 * whitespace) without `header.generatedAt`, so the same records always hash the same.
 */
export function hashReviewPack(pack: ReviewPack): string {
  return createHash('sha256')
    .update(canonicalJson(reviewPackContent(pack)), 'utf8')
    .digest('hex');
}
