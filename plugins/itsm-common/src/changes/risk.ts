import { InputError } from '@backstage/errors';

/*
 * Change risk (DESIGN §3 "Change and CAB"): computed from the risk questionnaire answers, the blast
 * radius from the catalog graph, the tiers of the affected entities and the recent failure rate of
 * changes on the same services. ServiceNow-like: every rule proposes a level and the highest wins; a
 * high recent failure rate then raises the result by one level.
 */

/** The risk of a change. @public */
export type ChangeRiskLevel = 'low' | 'medium' | 'high';

/** Risk levels from lowest to highest. @public */
export const CHANGE_RISK_LEVELS: readonly ChangeRiskLevel[] = [
  'low',
  'medium',
  'high',
];

/** One possible answer to a risk question; a higher weight means more risk. @public */
export interface RiskAnswerOption {
  id: string;
  text: string;
  weight: number;
}

/** One question of the risk questionnaire. @public */
export interface RiskQuestion {
  id: string;
  text: string;
  /** A change cannot be assessed without an answer to a required question. */
  required: boolean;
  answers: readonly RiskAnswerOption[];
}

/**
 * The risk questionnaire answers of a change (the `riskAnswers` wire field): question id → answer id.
 *
 * @public
 */
export type RiskAnswers = Readonly<Record<string, string>>;

/**
 * The risk questionnaire. The score is the sum of the weights of the chosen answers, from 0 to
 * 24 ({@link RISK_QUESTIONNAIRE_MAX_SCORE}); see {@link RISK_SCORE_THRESHOLDS}.
 *
 * @public
 */
export const RISK_QUESTIONNAIRE: readonly RiskQuestion[] = [
  {
    id: 'tested',
    text: 'Has this change been tested in a production-like environment?',
    required: true,
    answers: [
      { id: 'yes', text: 'Yes', weight: 0 },
      { id: 'partially', text: 'Partially', weight: 2 },
      { id: 'no', text: 'No', weight: 4 },
    ],
  },
  {
    id: 'outage',
    text: 'Is a service outage expected while the change is implemented?',
    required: true,
    answers: [
      { id: 'no', text: 'No', weight: 0 },
      { id: 'degraded', text: 'Degraded service only', weight: 2 },
      { id: 'yes', text: 'Yes, a full outage', weight: 4 },
    ],
  },
  {
    id: 'backout',
    text: 'Can the change be backed out within 15 minutes?',
    required: true,
    answers: [
      { id: 'yes', text: 'Yes', weight: 0 },
      { id: 'slower', text: 'Yes, but it takes longer', weight: 2 },
      { id: 'no', text: 'No, it cannot be backed out', weight: 5 },
    ],
  },
  {
    id: 'implementers',
    text: 'How many people or teams are needed to implement it?',
    required: true,
    answers: [
      { id: 'one_person', text: 'One person', weight: 0 },
      { id: 'one_team', text: 'Several people of one team', weight: 1 },
      { id: 'several_teams', text: 'Several teams', weight: 3 },
    ],
  },
  {
    id: 'failed_before',
    text: 'Has the same kind of change failed here before?',
    required: true,
    answers: [
      { id: 'no', text: 'No, it has been done here successfully', weight: 0 },
      { id: 'never_done', text: 'It has never been done here', weight: 2 },
      { id: 'yes', text: 'Yes', weight: 4 },
    ],
  },
  {
    id: 'data_change',
    text: 'Does it change data or schemas?',
    required: true,
    answers: [
      { id: 'no', text: 'No', weight: 0 },
      {
        id: 'compatible',
        text: 'Yes, backward compatible or reversible',
        weight: 2,
      },
      { id: 'irreversible', text: 'Yes, irreversibly', weight: 4 },
    ],
  },
];

/** The highest possible questionnaire score. @public */
export const RISK_QUESTIONNAIRE_MAX_SCORE: number = RISK_QUESTIONNAIRE.reduce(
  (sum, q) => sum + Math.max(...q.answers.map(a => a.weight)),
  0,
);

/**
 * Questionnaire score thresholds: a score of at least `medium` is medium risk, at least `high`
 * is high risk, anything lower is low.
 *
 * @public
 */
export const RISK_SCORE_THRESHOLDS = { medium: 6, high: 12 } as const;

/**
 * Blast radius thresholds (entities depending on the affected ones, directly or through the
 * catalog graph): at least `mediumDependents` dependents, or any dependent of tier
 * `criticalTier`, is at least medium risk; at least `highDependents` dependents is high risk.
 *
 * @public
 */
export const BLAST_RADIUS_THRESHOLDS = {
  mediumDependents: 10,
  highDependents: 25,
  criticalTier: 1,
} as const;

/**
 * Affected entity tier rule: changing an entity of tier `criticalTier` is at least medium risk,
 * and high risk when its blast radius alone is already medium or more (at least
 * {@link BLAST_RADIUS_THRESHOLDS}.mediumDependents dependents or a tier-1 dependent).
 *
 * @public
 */
export const AFFECTED_TIER_RULE = { criticalTier: 1 } as const;

/**
 * Recent failure rule: when at least `minChanges` recent changes on the same services are known and
 * at least `failureRate` (a fraction) of them failed, the risk is raised one level.
 *
 * @public
 */
export const RECENT_FAILURE_RULE = { minChanges: 5, failureRate: 0.2 } as const;

/**
 * Scores questionnaire answers: the sum of the weights of the chosen answers. Throws an
 * `InputError` naming an unknown question or answer, or a required question left unanswered.
 *
 * @public
 */
export function scoreRiskAnswers(answers: RiskAnswers): number {
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) {
    throw new InputError('riskAnswers must be an object of question → answer');
  }
  for (const [questionId, answerId] of Object.entries(answers)) {
    if (answerId === undefined) {
      continue; // an unanswered question, checked below
    }
    const question = RISK_QUESTIONNAIRE.find(q => q.id === questionId);
    if (!question) {
      throw new InputError(
        `riskAnswers.${questionId}: unknown risk question '${questionId}'`,
      );
    }
    if (!question.answers.some(a => a.id === answerId)) {
      throw new InputError(
        `riskAnswers.${questionId}: unknown answer '${String(
          answerId,
        )}'; allowed: ${question.answers.map(a => a.id).join(', ')}`,
      );
    }
  }
  let score = 0;
  for (const question of RISK_QUESTIONNAIRE) {
    const answerId = Object.prototype.hasOwnProperty.call(answers, question.id)
      ? answers[question.id]
      : undefined;
    if (answerId === undefined) {
      if (question.required) {
        throw new InputError(
          `riskAnswers.${question.id} is required: ${question.text}`,
        );
      }
      continue;
    }
    score += question.answers.find(a => a.id === answerId)!.weight;
  }
  return score;
}

/** What {@link assessChangeRisk} reads. @public */
export interface ChangeRiskInput {
  answers: RiskAnswers;
  /**
   * The entities depending on the affected ones (downstream impact analysis): how many, and the
   * `itsm/tier` of those that have one.
   */
  blastRadius: { count: number; tiers: readonly number[] };
  /** The `itsm/tier` of the affected entities that have one. */
  affectedTiers: readonly number[];
  /** Recent changes on the same services and how many of them failed (or were backed out). */
  recentChanges: { total: number; failed: number };
  /** Refs of the affected entities, only used to word the reasons. */
  entityRefs?: readonly string[];
}

/** The result of {@link assessChangeRisk}. @public */
export interface ChangeRiskAssessment {
  risk: ChangeRiskLevel;
  /** The questionnaire score. */
  score: number;
  /** Why, one human-readable line per contributing rule. */
  reasons: string[];
}

const rank = (level: ChangeRiskLevel) => CHANGE_RISK_LEVELS.indexOf(level);
const higher = (a: ChangeRiskLevel, b: ChangeRiskLevel) =>
  rank(a) >= rank(b) ? a : b;

function checkCount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InputError(`${field} must be a non-negative integer`);
  }
  return value;
}

function checkTiers(value: unknown, field: string): readonly number[] {
  if (!Array.isArray(value)) {
    throw new InputError(`${field} must be an array of tiers`);
  }
  value.forEach((tier, i) => {
    if (tier !== 1 && tier !== 2 && tier !== 3 && tier !== 4) {
      throw new InputError(`${field}[${i}] must be a tier from 1 to 4`);
    }
  });
  return value;
}

function describeEntities(refs: readonly string[] | undefined): string {
  const names = (refs ?? []).map(ref => ref.slice(ref.lastIndexOf('/') + 1));
  if (names.length === 0) {
    return 'the affected entities';
  }
  if (names.length <= 3) {
    return names.length === 1
      ? names[0]
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  }
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/**
 * Computes the risk of a change (DESIGN §3), ServiceNow-like "highest wins":
 *
 * - the questionnaire score against {@link RISK_SCORE_THRESHOLDS} (always a reason);
 * - the blast radius: {@link BLAST_RADIUS_THRESHOLDS};
 * - the affected tiers: {@link AFFECTED_TIER_RULE};
 * - then {@link RECENT_FAILURE_RULE} raises the result one level (high stays high).
 *
 * Monotonic: more dependents, more critical (lower) tiers, more failures or answers of higher
 * weight never lower the risk. Throws an `InputError` for bad answers or counts.
 *
 * @public
 */
export function assessChangeRisk(input: ChangeRiskInput): ChangeRiskAssessment {
  const score = scoreRiskAnswers(input.answers);
  const dependents = checkCount(input.blastRadius?.count, 'blastRadius.count');
  const dependentTiers = checkTiers(
    input.blastRadius?.tiers,
    'blastRadius.tiers',
  );
  if (dependentTiers.length > dependents) {
    throw new InputError(
      'blastRadius.tiers cannot list more tiers than blastRadius.count dependents',
    );
  }
  const affectedTiers = checkTiers(input.affectedTiers, 'affectedTiers');
  const total = checkCount(input.recentChanges?.total, 'recentChanges.total');
  const failed = checkCount(
    input.recentChanges?.failed,
    'recentChanges.failed',
  );
  if (failed > total) {
    throw new InputError(
      'recentChanges.failed cannot exceed recentChanges.total',
    );
  }

  const subject = describeEntities(input.entityRefs);
  const depend = (n: number) => (n === 1 ? 'depends' : 'depend');
  const reasons: string[] = [];

  // Questionnaire
  let risk: ChangeRiskLevel = 'low';
  if (score >= RISK_SCORE_THRESHOLDS.high) {
    risk = 'high';
    reasons.push(
      `Risk questionnaire score ${score} of ${RISK_QUESTIONNAIRE_MAX_SCORE} is high (${RISK_SCORE_THRESHOLDS.high} or more)`,
    );
  } else if (score >= RISK_SCORE_THRESHOLDS.medium) {
    risk = 'medium';
    reasons.push(
      `Risk questionnaire score ${score} of ${RISK_QUESTIONNAIRE_MAX_SCORE} is medium (${RISK_SCORE_THRESHOLDS.medium} or more)`,
    );
  } else {
    reasons.push(
      `Risk questionnaire score ${score} of ${RISK_QUESTIONNAIRE_MAX_SCORE} is low (below ${RISK_SCORE_THRESHOLDS.medium})`,
    );
  }

  // Blast radius
  let blast: ChangeRiskLevel = 'low';
  if (dependents >= BLAST_RADIUS_THRESHOLDS.highDependents) {
    blast = 'high';
    reasons.push(
      `${plural(dependents, 'entity', 'entities')} ${depend(
        dependents,
      )} on ${subject} (high at ${
        BLAST_RADIUS_THRESHOLDS.highDependents
      } or more)`,
    );
  } else if (dependents >= BLAST_RADIUS_THRESHOLDS.mediumDependents) {
    blast = 'medium';
    reasons.push(
      `${plural(dependents, 'entity', 'entities')} ${depend(
        dependents,
      )} on ${subject} (medium at ${
        BLAST_RADIUS_THRESHOLDS.mediumDependents
      } or more)`,
    );
  }
  const criticalDependents = dependentTiers.filter(
    t => t <= BLAST_RADIUS_THRESHOLDS.criticalTier,
  ).length;
  if (criticalDependents > 0) {
    blast = higher(blast, 'medium');
    reasons.push(
      `${plural(
        criticalDependents,
        `tier-${BLAST_RADIUS_THRESHOLDS.criticalTier} service`,
        `tier-${BLAST_RADIUS_THRESHOLDS.criticalTier} services`,
      )} ${depend(criticalDependents)} on ${subject}`,
    );
  }
  risk = higher(risk, blast);

  // Affected tiers
  const criticalAffected = affectedTiers.filter(
    t => t <= AFFECTED_TIER_RULE.criticalTier,
  ).length;
  if (criticalAffected > 0) {
    const level: ChangeRiskLevel = blast === 'low' ? 'medium' : 'high';
    risk = higher(risk, level);
    const what =
      criticalAffected === 1 && input.entityRefs?.length === 1
        ? `${subject} is a tier-${AFFECTED_TIER_RULE.criticalTier} service`
        : `The change affects ${plural(
            criticalAffected,
            `tier-${AFFECTED_TIER_RULE.criticalTier} service`,
            `tier-${AFFECTED_TIER_RULE.criticalTier} services`,
          )}`;
    reasons.push(
      level === 'high' ? `${what} with a ${blast} blast radius` : `${what}`,
    );
  }

  // Recent failures
  if (
    total >= RECENT_FAILURE_RULE.minChanges &&
    failed / total >= RECENT_FAILURE_RULE.failureRate
  ) {
    const before = risk;
    risk = CHANGE_RISK_LEVELS[Math.min(rank(risk) + 1, 2)];
    reasons.push(
      `${failed} of ${total} recent changes on these services failed (${Math.round(
        (100 * failed) / total,
      )}%; ${
        before === risk ? 'already high' : `raised from ${before} to ${risk}`
      })`,
    );
  }

  return { risk, score, reasons };
}
