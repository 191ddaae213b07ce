import { InputError } from '@backstage/errors';

/** The 1–5 inputs of an improvement item's priority (5 = most benefit, effort, urgency). @public */
export interface ImprovementScoreInputs {
  /** What it gains: customers, SLA attainment, cost, risk. 1 (little) – 5 (a lot). */
  benefit: number;
  /** What it takes: people, time, money. 1 (little) – 5 (a lot). */
  effort: number;
  /** How soon it matters: 1 (some day) – 5 (now: a breach or nonconformity recurs). */
  urgency: number;
}

/** An improvement item's priority with the figures it comes from. @public */
export interface ImprovementScore extends ImprovementScoreInputs {
  /** benefit + urgency: what waiting costs (2–10). */
  costOfDelay: number;
  /** costOfDelay / effort, to one decimal: 0.4 (wait) – 10 (do first). */
  score: number;
}

function checkLevel(value: unknown, field: string): number {
  if (
    !Number.isInteger(value) ||
    (value as number) < 1 ||
    (value as number) > 5
  ) {
    throw new InputError(`${field} must be an integer from 1 to 5`);
  }
  return value as number;
}

/**
 * The documented priority of an improvement item: weighted shortest job first (WSJF), the cost
 * of delay (`benefit + urgency`) divided by the job size (`effort`), rounded to one decimal.
 * A big gain that cannot wait and costs little comes first (5 + 5) / 1 = 10; a small gain
 * that can wait and costs a lot comes last (1 + 1) / 5 = 0.4. Each input is an integer 1–5;
 * anything else throws an `InputError` naming the field (an API answers 400).
 *
 * @public
 */
export function improvementScore(
  inputs: ImprovementScoreInputs,
): ImprovementScore {
  const benefit = checkLevel(inputs.benefit, 'benefit');
  const effort = checkLevel(inputs.effort, 'effort');
  const urgency = checkLevel(inputs.urgency, 'urgency');
  const costOfDelay = benefit + urgency;
  return {
    benefit,
    effort,
    urgency,
    costOfDelay,
    score: Math.round((10 * costOfDelay) / effort) / 10,
  };
}
