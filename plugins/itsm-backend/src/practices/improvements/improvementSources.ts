import {
  ImprovementDraft,
  ImprovementKpi,
  ImprovementSource,
  ImprovementTarget,
  RecordIdPrefix,
  formatRecordId,
  parseRecordId,
  defaultImprovementKpi,
  parseReviewActionKey,
} from '@backstage-itsm/plugin-itsm-common';
import { ifReadable } from '../../records/access';
import type { RequestContext } from '../../records/context';
import type { ItsmServices } from '../../services';

/**
 * The source record an item was raised from, as the caller may read it: its id as stored,
 * the kernel record it is linked to (`IMP-n relates_to <it>`), the breach whose
 * `improvementId` the new item fills, and the draft pre-filled from its facts.
 */
export interface ResolvedSource {
  sourceId: string;
  link: { collection: string; seq: number } | null;
  breach: { id: string; version: number; improvementId: string | null } | null;
  draft: ImprovementDraft;
}

/** Reads the source records of improvement items as the caller. */
export interface ImprovementSourceReader {
  /**
   * The source record named by `sourceId`; undefined when there is none of that source, or
   * the caller may not read it. Sources without records (`audit_finding`,
   * `management_review`, `other`) resolve to null: their `sourceId` is a free reference.
   */
  resolve(
    source: ImprovementSource,
    sourceId: string,
    ctx: RequestContext,
  ): Promise<ResolvedSource | undefined | null>;
}

/** Sources whose `sourceId` is a free reference, not a record. */
export const UNRECORDED_SOURCES: readonly ImprovementSource[] = [
  'audit_finding',
  'management_review',
  'other',
];

/** The services the sources are read through (the practices registered before). */
export type SourceServices = Pick<
  ItsmServices,
  | 'breaches'
  | 'incidents'
  | 'changes'
  | 'problems'
  | 'knownErrors'
  | 'complaints'
  | 'reviews'
  | 'reviewActions'
  | 'surveys'
  | 'satisfaction'
>;

const DAY_MS = 86_400_000;

/** Fewer incidents of the category or signature, else of the services at all. */
function recurrenceKpi(match: {
  category?: string | null;
  signature?: string | null;
}): ImprovementKpi {
  const half: ImprovementTarget = { kind: 'relative', percent: 50 };
  if (match.category || match.signature) {
    return defaultImprovementKpi('recurrence', {
      windowDays: 28,
      target: half,
      category: match.category ?? null,
      signature: match.category ? null : match.signature ?? null,
    });
  }
  return defaultImprovementKpi('incident_count', {
    windowDays: 28,
    target: half,
  });
}

const csatKpi = () =>
  defaultImprovementKpi('csat', {
    windowDays: 90,
    target: { kind: 'relative', percent: 10 },
  });

/** `component:default/payments` → `payments`. */
export function shortRef(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/** Free text as a Markdown quote. */
function quote(text: string): string {
  return text
    .trim()
    .split('\n')
    .map(line => `> ${line}`)
    .join('\n');
}

function hours(ms: number): string {
  const h = ms / 3_600_000;
  return h >= 1 ? `${+h.toFixed(2)} h` : `${Math.round(ms / 60_000)} min`;
}

function lines(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join('\n\n');
}

function draft(
  source: ImprovementSource,
  sourceId: string,
  fields: Partial<ImprovementDraft> &
    Pick<ImprovementDraft, 'title' | 'description' | 'entityRefs'>,
): ImprovementDraft {
  return {
    kind: 'improvement',
    type: 'process',
    source,
    sourceId,
    owner: null,
    nonconformity: null,
    kpi: null,
    benefit: 3,
    effort: 3,
    urgency: 3,
    targetDate: null,
    ...fields,
    title: fields.title.slice(0, 200),
  };
}

function recordId(
  id: string,
  prefixes: readonly RecordIdPrefix[],
): { prefix: RecordIdPrefix; seq: number; id: string } | undefined {
  const parsed = parseRecordId(id.trim(), prefixes);
  return parsed && { ...parsed, id: formatRecordId(parsed.prefix, parsed.seq) };
}

/**
 * The source records of improvement items, read through the other practices' services with
 * the caller's credentials (so a hidden record is as good as missing), and the drafts they
 * pre-fill. Id forms:
 * `sla_breach` `BRE-n`; `incident_trend` `INC-n`; `problem` `PRB-n` or `KE-n`;
 * `change_review` `CHG-n`; `complaint` `CMP-n`; `service_review` `REV-n` or `REV-n/A-m`;
 * `customer_feedback` `SUR-n`, or one comment as `<SUR-n or INC-n>/<submitted at>` (the
 * comment's `source.id` and `at` as `GET /satisfaction` lists them).
 */
export class ImprovementSources implements ImprovementSourceReader {
  readonly #services: SourceServices;

  constructor(services: SourceServices) {
    this.#services = services;
  }

  async resolve(
    source: ImprovementSource,
    sourceId: string,
    ctx: RequestContext,
  ): Promise<ResolvedSource | undefined | null> {
    switch (source) {
      case 'sla_breach':
        return this.#breach(sourceId, ctx);
      case 'incident_trend':
        return this.#incident(sourceId, ctx);
      case 'problem':
        return this.#problem(sourceId, ctx);
      case 'change_review':
        return this.#change(sourceId, ctx);
      case 'complaint':
        return this.#complaint(sourceId, ctx);
      case 'service_review':
        return this.#review(sourceId, ctx);
      case 'customer_feedback':
        return this.#feedback(sourceId, ctx);
      default:
        return null;
    }
  }

  async #breach(sourceId: string, ctx: RequestContext) {
    const id = recordId(sourceId, ['BRE']);
    const breach =
      id && (await ifReadable(() => this.#services.breaches.get(id.id, ctx)));
    if (!id || !breach) return undefined;
    const service = shortRef(breach.entityRef);
    const target = `${breach.clock} target of P${breach.priority} (${hours(
      breach.targetMs,
    )})`;
    const nonconformity = `${breach.id}: ${
      breach.recordId
    } breached the ${target}${
      breach.slaId ? ` of ${breach.slaId}` : ''
    } on ${service} at ${breach.breachedAt}.`;
    return {
      sourceId: id.id,
      link: { collection: 'breaches', seq: id.seq },
      breach: {
        id: breach.id,
        version: breach.version,
        improvementId: breach.improvementId,
      },
      draft: draft('sla_breach', id.id, {
        // A breach is a nonconformity against the SLA (ISO/IEC 20000-1 10.1).
        kind: 'corrective_action',
        title: `Stop ${breach.clock} breaches of P${breach.priority} on ${service}`,
        description: lines(
          `Raised from the SLA breach ${breach.id}.`,
          nonconformity,
          breach.cause &&
            `Cause recorded on the breach:\n\n${quote(breach.cause)}`,
          breach.action &&
            `Action recorded on the breach:\n\n${quote(breach.action)}`,
        ),
        entityRefs: [breach.entityRef],
        nonconformity,
        kpi: defaultImprovementKpi('breach_count', {
          windowDays: 28,
          target: { kind: 'relative', percent: 50 },
        }),
        benefit: 4,
        effort: 3,
        urgency: 4,
      }),
    };
  }

  async #incident(sourceId: string, ctx: RequestContext) {
    const id = recordId(sourceId, ['INC']);
    const incident =
      id && (await ifReadable(() => this.#services.incidents.get(id.id, ctx)));
    if (!id || !incident) return undefined;
    const review = incident.postIncidentReview;
    return {
      sourceId: id.id,
      link: { collection: 'incidents', seq: id.seq },
      breach: null,
      draft: draft('incident_trend', id.id, {
        title: `Prevent recurrence: ${incident.title}`,
        description: lines(
          `Raised from ${incident.id} (P${incident.priority}${
            incident.category ? `, ${incident.category}` : ''
          }${incident.major ? ', major incident' : ''}) on ${shortRef(
            incident.entityRef,
          )}: ${incident.title}.`,
          review && `Post-incident review:\n\n${quote(review.summary)}`,
          review?.rootCause && `Root cause:\n\n${quote(review.rootCause)}`,
          review?.lessonsLearned &&
            `Lessons learned:\n\n${quote(review.lessonsLearned)}`,
        ),
        entityRefs: [incident.entityRef],
        kpi: recurrenceKpi(incident),
        benefit: incident.major ? 4 : 3,
        urgency: incident.priority <= 2 ? 4 : 3,
      }),
    };
  }

  async #problem(sourceId: string, ctx: RequestContext) {
    const id = recordId(sourceId, ['PRB', 'KE']);
    if (!id) return undefined;
    if (id.prefix === 'KE') {
      const error = await ifReadable(() =>
        this.#services.knownErrors.get(id.id, ctx),
      );
      if (!error) return undefined;
      return {
        sourceId: id.id,
        link: { collection: 'known-errors', seq: id.seq },
        breach: null,
        draft: draft('problem', id.id, {
          title: `Remove the known error: ${error.title}`,
          description: lines(
            `Raised from the known error ${error.id}: ${error.title}.`,
            `Symptom:\n\n${quote(error.symptom)}`,
            `Root cause:\n\n${quote(error.rootCause)}`,
            `Workaround in use:\n\n${quote(error.workaround)}`,
          ),
          entityRefs: error.entityRefs.slice(0, 20),
          kpi: recurrenceKpi({
            category: error.matchRules.categories[0],
            signature: error.matchRules.signatures[0],
          }),
        }),
      };
    }
    const problem = await ifReadable(() =>
      this.#services.problems.get(id.id, ctx),
    );
    if (!problem) return undefined;
    return {
      sourceId: id.id,
      link: { collection: 'problems', seq: id.seq },
      breach: null,
      draft: draft('problem', id.id, {
        title: `Prevent recurrence: ${problem.title}`,
        description: lines(
          `Raised from the problem ${problem.id} (P${problem.priority}): ${problem.title}.`,
          quote(problem.statement),
          problem.rootCause && `Root cause:\n\n${quote(problem.rootCause)}`,
        ),
        entityRefs: problem.entityRefs.slice(0, 20),
        owner: problem.owner,
        kpi: recurrenceKpi(problem),
        urgency: problem.priority <= 2 ? 4 : 3,
      }),
    };
  }

  async #change(sourceId: string, ctx: RequestContext) {
    const id = recordId(sourceId, ['CHG']);
    const change =
      id && (await ifReadable(() => this.#services.changes.get(id.id, ctx)));
    if (!id || !change) return undefined;
    const failed =
      change.outcome === 'failed' || change.outcome === 'backed_out';
    const review = change.review;
    const nonconformity = failed
      ? `${change.id} ${
          change.outcome === 'failed' ? 'failed' : 'was backed out'
        }: ${change.title}.`
      : null;
    return {
      sourceId: id.id,
      link: { collection: 'changes', seq: id.seq },
      breach: null,
      draft: draft('change_review', id.id, {
        kind: failed ? 'corrective_action' : 'improvement',
        title: `Learn from ${change.id}: ${change.title}`,
        description: lines(
          `Raised from the post-implementation review of ${change.id} (${
            change.type
          }, outcome ${change.outcome ?? 'not recorded'}): ${change.title}.`,
          review && `Review:\n\n${quote(review.summary)}`,
          review?.lessonsLearned &&
            `Lessons learned:\n\n${quote(review.lessonsLearned)}`,
        ),
        entityRefs: change.entityRefs.slice(0, 20),
        nonconformity,
        kpi: defaultImprovementKpi('change_failure_rate', {
          windowDays: 90,
          target: { kind: 'relative', percent: 50 },
        }),
        urgency: failed ? 4 : 2,
      }),
    };
  }

  async #complaint(sourceId: string, ctx: RequestContext) {
    const id = recordId(sourceId, ['CMP']);
    const complaint =
      id && (await ifReadable(() => this.#services.complaints.get(id.id, ctx)));
    if (!id || !complaint) return undefined;
    return {
      sourceId: id.id,
      link: { collection: 'complaints', seq: id.seq },
      breach: null,
      draft: draft('complaint', id.id, {
        title: `Address the complaint: ${complaint.title}`,
        description: lines(
          `Raised from the complaint ${complaint.id} about ${shortRef(
            complaint.entityRef,
          )}${complaint.category ? ` (${complaint.category})` : ''}.`,
          quote(complaint.description),
          complaint.response &&
            `Response given:\n\n${quote(complaint.response)}`,
        ),
        entityRefs: [complaint.entityRef],
        owner: complaint.owner,
        kpi: csatKpi(),
        benefit: 4,
      }),
    };
  }

  async #review(sourceId: string, ctx: RequestContext) {
    const [reviewPart, actionPart, ...rest] = sourceId.trim().split('/');
    const id = recordId(reviewPart, ['REV']);
    const number =
      actionPart === undefined ? undefined : parseReviewActionKey(actionPart);
    if (!id || rest.length || (actionPart !== undefined && !number)) {
      return undefined;
    }
    const review = await ifReadable(() =>
      this.#services.reviews.get(id.id, ctx),
    );
    if (!review) return undefined;
    const base = {
      link: { collection: 'reviews', seq: id.seq },
      breach: null,
    };
    if (number === undefined) {
      return {
        ...base,
        sourceId: id.id,
        draft: draft('service_review', id.id, {
          title: `Improvement from ${review.id}: ${review.title}`,
          description: `Raised at the service review ${review.id} of ${shortRef(
            review.entityRef,
          )} (${review.period.from.slice(0, 10)} – ${review.period.to.slice(
            0,
            10,
          )}).`,
          entityRefs: [review.entityRef],
        }),
      };
    }
    const { items } = await this.#services.reviewActions.ofReview(id.id, ctx);
    const action = items.find(a => a.number === number);
    if (!action) return undefined;
    return {
      ...base,
      sourceId: action.id,
      draft: draft('service_review', action.id, {
        title: action.title,
        description: lines(
          `Raised from the action ${action.id} agreed at the service review ${
            review.id
          } of ${shortRef(review.entityRef)}.`,
          action.note && quote(action.note),
        ),
        entityRefs: [review.entityRef],
        owner: action.owner,
        targetDate: action.dueDate,
      }),
    };
  }

  async #feedback(sourceId: string, ctx: RequestContext) {
    const slash = sourceId.indexOf('/');
    const head = slash === -1 ? sourceId : sourceId.slice(0, slash);
    const at = slash === -1 ? undefined : sourceId.slice(slash + 1);
    const id = recordId(head, at === undefined ? ['SUR'] : ['SUR', 'INC']);
    if (!id) return undefined;
    if (at === undefined) {
      const survey = await ifReadable(() =>
        this.#services.surveys.get(id.id, ctx),
      );
      if (!survey) return undefined;
      return {
        sourceId: id.id,
        link: { collection: 'surveys', seq: id.seq },
        breach: null,
        draft: draft('customer_feedback', id.id, {
          title: `Act on the survey ${survey.id}: ${survey.title}`,
          description: `Raised from the survey campaign ${
            survey.id
          } about ${shortRef(survey.entityRef)}: ${survey.title}.`,
          entityRefs: [survey.entityRef],
          kpi: csatKpi(),
          benefit: 4,
        }),
      };
    }
    const instant = new Date(at);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(at) || Number.isNaN(instant.getTime())) {
      return undefined;
    }
    const given =
      id.prefix === 'SUR'
        ? await ifReadable(() => this.#services.surveys.get(id.id, ctx))
        : await ifReadable(() => this.#services.incidents.get(id.id, ctx));
    if (!given) return undefined;
    const comments = await this.#services.satisfaction.comments({
      entityRef: given.entityRef,
      from: instant,
      to: new Date(instant.getTime() + 1),
      limit: 50,
    });
    const comment = comments.find(c => c.source.id === id.id);
    if (!comment) return undefined;
    const score = [
      comment.rating !== null && `rating ${comment.rating}/5`,
      comment.nps !== null && `NPS ${comment.nps}/10`,
    ]
      .filter(Boolean)
      .join(', ');
    return {
      sourceId: `${id.id}/${instant.toISOString()}`,
      link: {
        collection: id.prefix === 'SUR' ? 'surveys' : 'incidents',
        seq: id.seq,
      },
      breach: null,
      draft: draft('customer_feedback', `${id.id}/${instant.toISOString()}`, {
        title: `Act on feedback about ${shortRef(given.entityRef)}: ${firstLine(
          comment.comment,
        )}`,
        description: lines(
          `Raised from a customer's comment on ${id.id}${
            score ? ` (${score})` : ''
          } given at ${comment.at}:`,
          quote(comment.comment),
        ),
        entityRefs: [given.entityRef],
        kpi: csatKpi(),
        benefit: 4,
      }),
    };
  }
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0];
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/** Today's date in UTC, `YYYY-MM-DD`. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** `at` plus `days`. */
export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}
