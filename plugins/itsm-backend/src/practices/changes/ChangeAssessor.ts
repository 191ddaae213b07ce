import { InputError } from '@backstage/errors';
import {
  CONFLICTING_CHANGE_STATUSES,
  ChangeConflict,
  ChangeRiskAssessment,
  ChangeType,
  RISK_QUESTIONNAIRE,
  RequiredApproval,
  RiskLevel,
  assessChangeRisk,
  findChangeConflicts,
  requiredApprovalsFor,
  scoreRiskAnswers,
} from '@backstage-itsm/plugin-itsm-common';
import { ChangeCatalog, ChangeEntityInfo } from './ChangeCatalog';
import { canonicalEntityRef } from '../../catalog/entities';
import type { ChangesConfig } from '../../config';
import type { ChangeEntity, ChangeRecord, ChangeStore } from './ChangeStore';
import { changeId } from './changeViews';

/** Hops of the downstream blast radius that feeds the risk (DESIGN §3). */
export const BLAST_RADIUS_DEPTH = 3;
/** Days of finished changes the recent-failure risk rule looks at. */
export const RECENT_FAILURE_DAYS = 90;
/** Most candidate changes one conflict query reads. */
const MAX_CONFLICT_CANDIDATES = 10_000;

const DAY = 86_400_000;

/** A risk assessment with the blast radius it used. */
export type ChangeRisk = ChangeRiskAssessment & { blastRadius: number };

/** The planned window and entities of a change, as conflict detection reads them. */
export interface ChangePlan {
  seq?: number;
  type: ChangeType;
  entityRefs: string[];
  plannedStart: Date | null;
  plannedEnd: Date | null;
}

/** Whether every required question of the questionnaire has an answer. */
export function riskAnswersComplete(answers: Record<string, string>): boolean {
  return RISK_QUESTIONNAIRE.every(q => !q.required || q.id in answers);
}

/**
 * The answers a risk assessment reads. A standard change is a pre-approved recipe: questions its
 * requester left open count with their lowest-weight answer, so its risk still reflects the blast
 * radius, the tiers and recent failures. Other types are assessed on their own answers.
 */
export function riskAnswersFor(
  type: ChangeType,
  answers: Record<string, string>,
): Record<string, string> {
  if (type !== 'standard') {
    return answers;
  }
  const filled: Record<string, string> = {};
  for (const q of RISK_QUESTIONNAIRE) {
    filled[q.id] = q.answers.reduce((a, b) => (b.weight < a.weight ? b : a)).id;
  }
  return { ...filled, ...answers };
}

/**
 * Checks answers that may still be incomplete (a draft): unknown questions
 * and answers are a 400, unanswered questions are not.
 */
export function checkPartialRiskAnswers(answers: Record<string, string>) {
  const filled: Record<string, string> = {};
  for (const q of RISK_QUESTIONNAIRE) {
    filled[q.id] = q.answers[0].id;
  }
  scoreRiskAnswers({ ...filled, ...answers });
}

/**
 * What change decisions read from the catalog and from other changes: the
 * affected entities, the risk, the conflicts and the approvals the policy
 * asks for. The rules themselves are the pure functions of `-common`.
 */
export class ChangeAssessor {
  readonly #catalog: ChangeCatalog;
  readonly #store: ChangeStore;
  readonly #config: ChangesConfig;

  constructor(options: {
    catalog: ChangeCatalog;
    store: ChangeStore;
    config: ChangesConfig;
  }) {
    this.#catalog = options.catalog;
    this.#store = options.store;
    this.#config = options.config;
  }

  get freezeWindows() {
    return this.#config.freezeWindows;
  }

  /** Canonical, distinct, sorted refs; 400 naming `field` for a malformed one. */
  canonicalRefs(refs: string[], field = 'entityRefs'): string[] {
    return [
      ...new Set(
        refs.map(ref => {
          try {
            return canonicalEntityRef(ref);
          } catch {
            throw new InputError(`${field}: '${ref}' is not an entity ref`);
          }
        }),
      ),
    ].sort();
  }

  /** The affected entities with owner, system and tier; 400 naming an unknown one. */
  async entities(
    refs: string[],
  ): Promise<{ entities: ChangeEntity[]; infos: ChangeEntityInfo[] }> {
    const infos = await this.#catalog.describe(refs);
    const missing = infos.findIndex(info => !info);
    if (missing !== -1) {
      throw new InputError(
        `entityRefs: unknown catalog entity '${refs[missing]}'`,
      );
    }
    const known = infos as ChangeEntityInfo[];
    return {
      infos: known,
      entities: known.map(({ entityRef, ownerRef, systemRef }) => ({
        entityRef,
        ownerRef,
        systemRef,
      })),
    };
  }

  /**
   * The risk of a change from its answers, the blast radius, the tiers of
   * its entities and recent failures on them; 400 naming an unanswered or
   * unknown question.
   */
  async risk(options: {
    answers: Record<string, string>;
    infos: ChangeEntityInfo[];
    now: Date;
  }): Promise<ChangeRisk> {
    const { answers, infos, now } = options;
    // Unknown answers are a 400 before any catalog traversal.
    scoreRiskAnswers(answers);
    const refs = infos.map(i => i.entityRef);
    const [blastRadius, recent] = await Promise.all([
      this.#catalog.blastRadius(refs, BLAST_RADIUS_DEPTH),
      this.#store.countFinishedChanges({
        entityRefs: refs,
        since: new Date(now.getTime() - RECENT_FAILURE_DAYS * DAY),
      }),
    ]);
    const assessment = assessChangeRisk({
      answers,
      blastRadius,
      affectedTiers: infos.flatMap(i => (i.tier ? [i.tier] : [])),
      recentChanges: { total: recent.total, failed: recent.failed },
      entityRefs: refs,
    });
    return { ...assessment, blastRadius: blastRadius.count };
  }

  /**
   * The risk when the questionnaire is complete, else `null` (a draft); unknown
   * answers are a 400 either way.
   */
  async riskIfAnswered(options: {
    answers: Record<string, string>;
    infos: ChangeEntityInfo[];
    now: Date;
  }): Promise<ChangeRisk | null> {
    if (!riskAnswersComplete(options.answers)) {
      checkPartialRiskAnswers(options.answers);
      return null;
    }
    return this.risk(options);
  }

  /** The approvals the policy asks of a change of this type and risk, the requester excluded. */
  async requiredApprovals(options: {
    type: ChangeType;
    risk: RiskLevel | null;
    entities: ChangeEntity[];
    requester: string;
  }): Promise<RequiredApproval[]> {
    const { policy, groups } = this.#policyGroups(options.type);
    const members = await this.#catalog.membersOf(groups);
    const ownerGroups = [
      ...new Set(
        options.entities
          .map(e => e.ownerRef)
          .filter((g): g is string => g?.startsWith('group:') ?? false),
      ),
    ].sort();
    const required = requiredApprovalsFor({
      policy,
      type: options.type,
      risk: options.risk,
      ownerGroups,
      groupMembers: group =>
        members.get(group.toLocaleLowerCase('en-US')) ?? [],
      requester: options.requester,
    });
    if (options.type !== 'standard' && required.length === 0) {
      throw new InputError(
        'entityRefs: the approval policy asks the owner groups of the affected entities, and none of them is owned by a group',
      );
    }
    return required;
  }

  /** The group memberships of users, as the approval rules read them. */
  async memberships(
    userRefs: string[],
  ): Promise<(userRef: string) => readonly string[]> {
    const groups = await this.#catalog.groupsOf(userRefs);
    return user => groups.get(user.toLocaleLowerCase('en-US')) ?? [];
  }

  /** Directly related entities of each ref, from the catalog. */
  async related(refs: string[]): Promise<Map<string, string[]>> {
    return this.#catalog.related(refs);
  }

  /** The conflicts of one change's window: other changes (one query) and freezes. */
  async conflicts(plan: ChangePlan): Promise<ChangeConflict[]> {
    const { plannedStart, plannedEnd } = plan;
    if (!plannedStart || !plannedEnd || plan.entityRefs.length === 0) {
      return [];
    }
    const related = await this.#catalog.related(plan.entityRefs);
    const others = await this.candidates({
      from: plannedStart,
      to: plannedEnd,
      entityRefs: [...plan.entityRefs, ...[...related.values()].flat()],
      excludeSeqs: plan.seq === undefined ? [] : [plan.seq],
    });
    return this.conflictsAmong(plan, others, related);
  }

  /**
   * The conflicts of many changes, computed now with one query for the candidates of all of
   * them and one catalog read of their related entities; by change seq. Changes without a
   * window have none.
   */
  async conflictsOfMany(
    records: ChangeRecord[],
  ): Promise<Map<number, ChangeConflict[]>> {
    const result = new Map<number, ChangeConflict[]>();
    const planned = records.filter(c => c.plannedStart && c.plannedEnd);
    if (planned.length === 0) {
      return result;
    }
    const refs = [
      ...new Set(planned.flatMap(c => c.entities.map(e => e.entityRef))),
    ];
    const related = await this.related(refs);
    const start = Math.min(...planned.map(c => c.plannedStart!.getTime()));
    const end = Math.max(...planned.map(c => c.plannedEnd!.getTime()));
    const candidates = await this.candidates({
      from: new Date(start),
      to: new Date(end),
      entityRefs: [...refs, ...[...related.values()].flat()],
    });
    const byEntity = new Map<string, ChangeRecord[]>();
    for (const candidate of candidates) {
      for (const { entityRef } of candidate.entities) {
        byEntity.set(entityRef, [
          ...(byEntity.get(entityRef) ?? []),
          candidate,
        ]);
      }
    }
    for (const record of planned) {
      const entityRefs = record.entities.map(e => e.entityRef);
      const near = new Set<ChangeRecord>();
      for (const ref of [
        ...entityRefs,
        ...entityRefs.flatMap(r => related.get(r) ?? []),
      ]) {
        for (const candidate of byEntity.get(ref) ?? []) {
          near.add(candidate);
        }
      }
      result.set(
        record.seq,
        this.conflictsAmong({ ...record, entityRefs }, [...near], related),
      );
    }
    return result;
  }

  /** Changes that can conflict (in {@link CONFLICTING_CHANGE_STATUSES}) on entities in a window. */
  async candidates(options: {
    from: Date;
    to: Date;
    entityRefs: string[];
    excludeSeqs?: number[];
  }): Promise<ChangeRecord[]> {
    if (options.entityRefs.length === 0) {
      return [];
    }
    return this.#store.listChangesInWindow({
      from: options.from,
      to: options.to,
      statuses: CONFLICTING_CHANGE_STATUSES,
      entityRefs: [...new Set(options.entityRefs)],
      excludeSeqs: options.excludeSeqs,
      limit: MAX_CONFLICT_CANDIDATES,
    });
  }

  /** The conflicts of a change with candidates already read. */
  conflictsAmong(
    plan: ChangePlan,
    others: ChangeRecord[],
    related: Map<string, string[]>,
  ): ChangeConflict[] {
    if (!plan.plannedStart || !plan.plannedEnd) {
      return [];
    }
    return findChangeConflicts({
      change: {
        id: plan.seq === undefined ? '' : changeId(plan.seq),
        entityRefs: plan.entityRefs,
        plannedStart: plan.plannedStart,
        plannedEnd: plan.plannedEnd,
        type: plan.type,
      },
      others: others.flatMap(o =>
        o.plannedStart && o.plannedEnd
          ? [
              {
                id: changeId(o.seq),
                entityRefs: o.entities.map(e => e.entityRef),
                plannedStart: o.plannedStart,
                plannedEnd: o.plannedEnd,
                status: o.status,
              },
            ]
          : [],
      ),
      related: ref => related.get(ref) ?? [],
      freezeWindows: this.#config.freezeWindows,
    });
  }

  #policyGroups(type: ChangeType) {
    const policy = this.#config.approvalPolicy;
    const groups = policy
      .filter(rule => rule.match.type === type)
      .flatMap(rule => rule.approvers)
      .flatMap(a => (a.quorum !== undefined && a.group ? [a.group] : []));
    return { policy, groups };
  }
}
