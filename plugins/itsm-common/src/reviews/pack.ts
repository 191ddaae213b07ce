/**
 * The service review pack (DESIGN §3 "Customer satisfaction, complaints and service review"): a
 * JSON document assembled from live records for one service and period, frozen into the review
 * with a content hash, and compared with a fresh one to show what changed since (the drift).
 */
import type { AlignmentFinding } from '../slm/alignment';
import type { SlmClock, WorkloadLimits } from '../slm/types';
import type { Priority, IncidentStatus } from '../incidents/types';
import type { ChangeOutcome, ChangeType } from '../changes/types';
import type { ProblemStatus } from '../problems/types';
import type {
  SatisfactionComment,
  SatisfactionFigures,
  SatisfactionTrendPoint,
} from '../satisfaction/contract';
import type { ComplaintSummaryItem } from '../complaints/contract';
import type { ReviewActionSummary } from './contract';

/** The format of the whole document; each section carries a `version` of its own. @public */
export const REVIEW_PACK_FORMAT = 1;

/**
 * A list cut to a cap: `total` is how many there are, `items` the first of them in the
 * section's order. A view shows "n of total" when they differ, so nothing is dropped unseen.
 *
 * @public
 */
export interface ReviewPackList<T> {
  total: number;
  items: T[];
}

/** Who and what a pack is about. @public */
export interface ReviewPackHeader {
  entityRef: string;
  /** The catalog entity's title, else its name, else the ref. */
  serviceTitle: string;
  /** The SLA revision in force at the end of the period; null without an SLA. */
  sla: {
    id: string;
    revision: number;
    title: string;
    customerGroups: string[];
  } | null;
  /** `[from, to)`, ISO-8601 UTC. */
  period: { from: string; to: string };
  /** When it was generated. Neither hashed nor compared: the same records give the same pack. */
  generatedAt: string;
  generatorVersion: string;
}

/** A count against a target: `percent` of `met / (met + breached)`, null when nothing counted. @public */
export interface ReviewPackAttainment {
  met: number;
  breached: number;
  waived: number;
  percent: number | null;
}

/** SLA attainment per target and its trend, as the SLA report counts them. @public */
export interface ReviewPackSlaSection {
  version: 1;
  overall: ReviewPackAttainment;
  targets: Array<
    ReviewPackAttainment & {
      /** `p1.resolution`. */
      target: string;
      priority: Priority | null;
      clock: SlmClock | null;
      /** The agreed target, null when none is agreed. */
      targetMs: number | null;
      fromDefaults: number;
    }
  >;
  /** The last calendar months up to the one holding the period's end, oldest first. */
  trend: Array<{
    label: string;
    from: string;
    to: string;
    met: number;
    breached: number;
    attainmentPercent: number | null;
  }>;
}

/** Availability against its target, measured up to the moment of generation. @public */
export interface ReviewPackAvailabilitySection {
  version: 1;
  targetPercent: number | null;
  /** Null when the period holds no agreed service time. */
  percent: number | null;
  met: boolean | null;
  serviceMs: number;
  outageMs: number;
  trend: Array<{ label: string; percent: number | null }>;
}

/** Workload counted over the period against the agreed limits (scaled to its length). @public */
export interface ReviewPackWorkloadSection {
  version: 1;
  items: Array<{
    metric: keyof WorkloadLimits;
    actual: number;
    limit: number | null;
    exceeded: boolean;
  }>;
}

/** A breach of the register in a pack. @public */
export interface ReviewPackBreach {
  id: string;
  recordId: string;
  priority: Priority;
  clock: SlmClock;
  breachedAt: string;
  cause: string | null;
  action: string | null;
  waived: boolean;
}

/** Breaches of the period, their causes (most frequent first; null: none recorded) and the newest. @public */
export interface ReviewPackBreachesSection {
  version: 1;
  total: number;
  waived: number;
  causes: ReviewPackList<{ cause: string | null; count: number }>;
  items: ReviewPackList<ReviewPackBreach>;
}

/** A major incident with its post-incident review. @public */
export interface ReviewPackMajorIncident {
  id: string;
  title: string;
  priority: Priority;
  status: IncidentStatus;
  createdAt: string;
  resolvedAt: string | null;
  outageStart: string | null;
  outageEnd: string | null;
  review: {
    summary: string;
    rootCause: string | null;
    lessonsLearned: string | null;
    problemId: string | null;
  } | null;
}

/**
 * Incidents raised on the service in the period (its primary entity): counts by priority and
 * by current status, how many were resolved in the period, and the major incidents raised in
 * it or whose outage overlaps it.
 *
 * @public
 */
export interface ReviewPackIncidentsSection {
  version: 1;
  raised: number;
  resolved: number;
  /** Every priority, in order, zeros included. */
  byPriority: Array<{ priority: Priority; count: number }>;
  /** Every status, in lifecycle order, zeros included. */
  byStatus: Array<{ status: IncidentStatus; count: number }>;
  major: ReviewPackList<ReviewPackMajorIncident>;
}

/** A problem in a pack. @public */
export interface ReviewPackProblem {
  id: string;
  title: string;
  status: ProblemStatus;
  priority: Priority;
  createdAt: string;
  resolvedAt: string | null;
}

/** An active known error in a pack. @public */
export interface ReviewPackKnownError {
  id: string;
  title: string;
  createdAt: string;
  reviewBy: string | null;
}

/**
 * Problems of the service (not candidates): opened and resolved in the period, open at
 * generation, and the list of those open or resolved in the period; its active known errors.
 *
 * @public
 */
export interface ReviewPackProblemsSection {
  version: 1;
  opened: number;
  resolved: number;
  open: number;
  items: ReviewPackList<ReviewPackProblem>;
  knownErrors: ReviewPackList<ReviewPackKnownError>;
}

/** A failed or backed-out change in a pack. @public */
export interface ReviewPackChange {
  id: string;
  title: string;
  type: ChangeType;
  outcome: ChangeOutcome;
  closedAt: string;
}

/** Changes on the service closed in the period with an outcome, and the success rate. @public */
export interface ReviewPackChangesSection {
  version: 1;
  closed: number;
  successful: number;
  percent: number | null;
  targetPercent: number | null;
  met: boolean | null;
  /** Every outcome, zeros included. */
  byOutcome: Array<{ outcome: ChangeOutcome; count: number }>;
  failed: ReviewPackList<ReviewPackChange>;
}

/** CSAT and NPS with their counts, trend and the newest comments. @public */
export interface ReviewPackSatisfactionSection {
  version: 1;
  /** False when the plugin measures no satisfaction (the figures are then empty). */
  available: boolean;
  targetPercent: number | null;
  /** CSAT % against the SLA's target; null without either. Shown flagged when `tooFew`. */
  met: boolean | null;
  figures: SatisfactionFigures | null;
  trend: SatisfactionTrendPoint[];
  /** The newest comments of the period, newest first; `more` when the period holds others. */
  comments: { items: SatisfactionComment[]; more: boolean };
}

/** Complaints raised in the period and those still open at its end. @public */
export interface ReviewPackComplaintsSection {
  version: 1;
  available: boolean;
  raised: number;
  open: number;
  resolved: number;
  escalated: number;
  /** Newest first; the complaints service lists at most `cap`, so `items.length === cap` may hide more. */
  items: ComplaintSummaryItem[];
  cap: number;
}

/** The supporting agreements (OLAs, UCs) of the SLA and where they are looser. @public */
export interface ReviewPackAlignmentSection {
  version: 1;
  slaId: string | null;
  agreements: Array<{
    id: string;
    kind: 'ola' | 'uc';
    title: string;
    aligned: boolean;
  }>;
  findings: AlignmentFinding[];
}

/** The actions of earlier reviews still open. @public */
export interface ReviewPackActionsSection {
  version: 1;
  items: ReviewPackList<ReviewActionSummary>;
}

/** The sections of a pack, in the order a pack shows them. @public */
export interface ReviewPackSections {
  sla: ReviewPackSlaSection;
  availability: ReviewPackAvailabilitySection;
  workload: ReviewPackWorkloadSection;
  breaches: ReviewPackBreachesSection;
  incidents: ReviewPackIncidentsSection;
  problems: ReviewPackProblemsSection;
  changes: ReviewPackChangesSection;
  satisfaction: ReviewPackSatisfactionSection;
  complaints: ReviewPackComplaintsSection;
  alignment: ReviewPackAlignmentSection;
  actions: ReviewPackActionsSection;
}

/** @public */
export type ReviewPackSectionKey = keyof ReviewPackSections;

/**
 * A service review pack: plain JSON (ISO strings, numbers rounded by {@link roundFigure}),
 * so the same records always give the same document and the same hash.
 *
 * @public
 */
export interface ReviewPack {
  format: typeof REVIEW_PACK_FORMAT;
  header: ReviewPackHeader;
  sections: ReviewPackSections;
}

/** The sections in the order a pack shows them, with their titles. @public */
export const REVIEW_PACK_SECTIONS: ReadonlyArray<{
  key: ReviewPackSectionKey;
  title: string;
}> = [
  { key: 'sla', title: 'SLA attainment' },
  { key: 'availability', title: 'Availability' },
  { key: 'workload', title: 'Workload against limits' },
  { key: 'breaches', title: 'Breaches and their causes' },
  { key: 'incidents', title: 'Incidents and major incidents' },
  { key: 'problems', title: 'Problems and known errors' },
  { key: 'changes', title: 'Changes' },
  { key: 'satisfaction', title: 'Customer satisfaction' },
  { key: 'complaints', title: 'Complaints' },
  { key: 'alignment', title: 'Supporting agreements' },
  { key: 'actions', title: 'Open actions of earlier reviews' },
];

/**
 * `GET /reviews/{id}/pack`: the pack frozen into the review (null until it is frozen), and,
 * while the review is not closed, the live pack and what changed since freezing.
 *
 * @public
 */
export interface ReviewPackResponse {
  frozen: {
    pack: ReviewPack;
    hash: string;
    generatorVersion: string;
    frozenAt: string;
  } | null;
  live?: ReviewPack;
  drift?: ReviewPackDrift;
}

/** Rounds a figure to two decimals (and -0 to 0), as every non-integer in a pack is. @public */
export function roundFigure(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

/**
 * The JSON text of a value with every object's keys sorted (code-point order) and no
 * whitespace: the same data always gives the same text, whatever order it was built in.
 * Undefined properties are left out, as `JSON.stringify` does; non-finite numbers throw.
 *
 * @public
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
    }
    return JSON.stringify(value === undefined ? null : value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(item => canonicalJson(item)).join(',')}]`;
  }
  const entries = Object.keys(value)
    .filter(key => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map(
      key =>
        `${JSON.stringify(key)}:${canonicalJson(
          (value as Record<string, unknown>)[key],
        )}`,
    );
  return `{${entries.join(',')}}`;
}

/** The content of a pack that its hash covers: all of it but `header.generatedAt`. @public */
export function reviewPackContent(pack: ReviewPack): unknown {
  const { generatedAt: _ignored, ...header } = pack.header;
  return { ...pack, header };
}

// ---------------------------------------------------------------------------------------------
// Drift
// ---------------------------------------------------------------------------------------------

/** One value that differs: where (in words) and what it was and is (null: not there). @public */
export interface ReviewPackFieldChange {
  /** Readable path inside the section, e.g. `By priority › P1 › Count`. */
  path: string;
  frozen: unknown;
  live: unknown;
}

/** @public */
export interface ReviewPackSectionDrift {
  section: ReviewPackSectionKey | 'header';
  title: string;
  changes: ReviewPackFieldChange[];
}

/** What changed in the live data since a pack was frozen, per section. @public */
export interface ReviewPackDrift {
  changed: boolean;
  sections: ReviewPackSectionDrift[];
}

const FIELD_LABELS: Record<string, string> = {
  entityRef: 'Service',
  serviceTitle: 'Service title',
  sla: 'SLA',
  id: 'Id',
  customerGroups: 'Customer groups',
  period: 'Period',
  from: 'From',
  to: 'To',
  generatorVersion: 'Generator version',
  version: 'Section format',
  overall: 'Overall',
  met: 'Met',
  breached: 'Breached',
  waived: 'Waived',
  percent: 'Percent',
  targets: 'Targets',
  targetMs: 'Agreed target (ms)',
  fromDefaults: 'From defaults',
  trend: 'Trend',
  attainmentPercent: 'Attainment %',
  targetPercent: 'Target %',
  serviceMs: 'Service time (ms)',
  outageMs: 'Outage (ms)',
  items: 'Items',
  actual: 'Actual',
  limit: 'Limit',
  exceeded: 'Exceeded',
  total: 'Total',
  causes: 'Causes',
  count: 'Count',
  cause: 'Cause',
  action: 'Action',
  recordId: 'Record',
  breachedAt: 'Breached at',
  raised: 'Raised',
  resolved: 'Resolved',
  byPriority: 'By priority',
  byStatus: 'By status',
  byOutcome: 'By outcome',
  major: 'Major incidents',
  review: 'Post-incident review',
  rootCause: 'Root cause',
  lessonsLearned: 'Lessons learned',
  problemId: 'Problem',
  outageStart: 'Outage start',
  outageEnd: 'Outage end',
  createdAt: 'Created',
  resolvedAt: 'Resolved at',
  closedAt: 'Closed at',
  raisedAt: 'Raised at',
  opened: 'Opened',
  open: 'Open',
  knownErrors: 'Known errors',
  reviewBy: 'Review by',
  closed: 'Closed',
  successful: 'Successful',
  failed: 'Failed or backed out',
  figures: 'Figures',
  csatPercent: 'CSAT %',
  meanRating: 'Mean rating',
  ratings: 'Ratings (n)',
  npsAnswers: 'NPS answers (n)',
  nps: 'NPS',
  tooFew: 'Too few responses',
  invited: 'Invited',
  responses: 'Responses',
  responseRatePercent: 'Response rate %',
  comments: 'Comments',
  comment: 'Comment',
  rating: 'Rating',
  available: 'Measured',
  more: 'More not shown',
  escalated: 'Escalated',
  owner: 'Owner',
  agreements: 'Agreements',
  aligned: 'Aligned',
  findings: 'Findings',
  message: 'Finding',
  dueDate: 'Due date',
  status: 'Status',
  title: 'Title',
  priority: 'Priority',
  outcome: 'Outcome',
  type: 'Type',
  label: 'Period',
  cap: 'List cap',
};

/** `csatPercent` → `Csat percent` for a field no label names. */
function fieldLabel(key: string): string {
  const known = FIELD_LABELS[key];
  if (known) return known;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * How an item of a list is named in a path, so that a list compares item by item whatever
 * moved: its id, the priority, status, outcome, metric, target, period or cause it counts.
 */
function identityOf(item: Json): string | undefined {
  if (!isObject(item)) return undefined;
  if (typeof item.id === 'string') return item.id;
  if (typeof item.agreementId === 'string' && typeof item.field === 'string') {
    return `${item.agreementId} ${item.field}`;
  }
  if (isObject(item.source) && typeof item.at === 'string') {
    return `${String(item.source.id)} ${item.at}`;
  }
  if (typeof item.target === 'string') return item.target;
  if (typeof item.metric === 'string') return fieldLabel(item.metric);
  if (typeof item.priority === 'number') return `P${item.priority}`;
  if (typeof item.status === 'string') return item.status.replace(/_/g, ' ');
  if (typeof item.outcome === 'string') return item.outcome.replace(/_/g, ' ');
  if (typeof item.label === 'string') return item.label;
  if ('cause' in item && 'count' in item) {
    return item.cause === null ? '(no cause recorded)' : String(item.cause);
  }
  return undefined;
}

function sameJson(a: Json, b: Json): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

function diffValue(
  frozen: Json,
  live: Json,
  path: string[],
  out: ReviewPackFieldChange[],
): void {
  if (sameJson(frozen, live)) return;
  const at = () => path.join(' › ');
  if (isObject(frozen) && isObject(live)) {
    const keys = [
      ...Object.keys(frozen),
      ...Object.keys(live).filter(key => !(key in frozen)),
    ];
    for (const key of keys) {
      diffValue(frozen[key], live[key], [...path, fieldLabel(key)], out);
    }
    return;
  }
  if (Array.isArray(frozen) && Array.isArray(live)) {
    diffList(frozen, live, path, out);
    return;
  }
  out.push({ path: at(), frozen: frozen ?? null, live: live ?? null });
}

function diffList(
  frozen: Json[],
  live: Json[],
  path: string[],
  out: ReviewPackFieldChange[],
): void {
  const frozenIds = frozen.map(identityOf);
  const liveIds = live.map(identityOf);
  const identified = (ids: Array<string | undefined>) =>
    ids.every(id => id !== undefined) && new Set(ids).size === ids.length;
  if (identified(frozenIds) && identified(liveIds)) {
    const liveById = new Map(liveIds.map((id, i) => [id!, live[i]]));
    const frozenById = new Map(frozenIds.map((id, i) => [id!, frozen[i]]));
    frozenIds.forEach((id, i) =>
      diffValue(frozen[i], liveById.get(id!) ?? null, [...path, id!], out),
    );
    liveIds.forEach((id, i) => {
      if (!frozenById.has(id!)) {
        out.push({
          path: [...path, id!].join(' › '),
          frozen: null,
          live: live[i],
        });
      }
    });
    return;
  }
  if (
    frozen.length === live.length &&
    frozen.some(isObject) &&
    live.some(isObject)
  ) {
    frozen.forEach((item, i) =>
      diffValue(item, live[i], [...path, `#${i + 1}`], out),
    );
    return;
  }
  out.push({ path: path.join(' › '), frozen, live });
}

/**
 * What differs between a frozen pack and a live one, section by section (the header first,
 * then the sections in {@link REVIEW_PACK_SECTIONS} order; unchanged sections are left out).
 * `header.generatedAt` is ignored. Lists are compared item by item by what names an item (its
 * id, priority, status, …): an item only on one side is reported with `null` on the other.
 *
 * @public
 */
export function diffReviewPack(
  frozen: ReviewPack,
  live: ReviewPack,
): ReviewPackDrift {
  const sections: ReviewPackSectionDrift[] = [];
  const headerChanges: ReviewPackFieldChange[] = [];
  const { generatedAt: _a, ...frozenHeader } = frozen.header ?? ({} as any);
  const { generatedAt: _b, ...liveHeader } = live.header ?? ({} as any);
  diffValue(frozenHeader, liveHeader, [], headerChanges);
  if (frozen.format !== live.format) {
    headerChanges.unshift({
      path: 'Pack format',
      frozen: frozen.format ?? null,
      live: live.format ?? null,
    });
  }
  if (headerChanges.length) {
    sections.push({
      section: 'header',
      title: 'Header',
      changes: headerChanges,
    });
  }
  for (const { key, title } of REVIEW_PACK_SECTIONS) {
    const changes: ReviewPackFieldChange[] = [];
    diffValue(
      frozen.sections?.[key] ?? null,
      live.sections?.[key] ?? null,
      [],
      changes,
    );
    if (changes.length) {
      // A whole section on one side only has no path inside it.
      sections.push({
        section: key,
        title,
        changes: changes.map(c => (c.path ? c : { ...c, path: title })),
      });
    }
  }
  return { changed: sections.length > 0, sections };
}
