import { InputError } from '@backstage/errors';
import { isLowScore } from './scores';
import type { SurveyAnswerValue, SurveyQuestion } from './types';

/** Longest free-text answer or comment, in characters. @public */
export const MAX_SURVEY_TEXT_LENGTH = 5000;

/** A response as it is sent: answers by question id, and why. @public */
export interface SurveyAnswerInput {
  answers: Record<string, SurveyAnswerValue | null | undefined>;
  comment?: string | null;
}

/** A checked response: the scores it gives, its answers and comment. @public */
export interface CheckedSurveyAnswers {
  /** The answer to the first rating question (the CSAT question). */
  rating: number | null;
  /** The answer to the NPS question. */
  nps: number | null;
  comment: string | null;
  /** Answered questions only; text trimmed. */
  answers: Record<string, SurveyAnswerValue>;
}

/** One thing wrong with a response, naming the field. @public */
export interface SurveyAnswerProblem {
  /** `answers.<questionId>` or `comment`. */
  field: string;
  message: string;
}

const isInteger = (value: unknown): value is number => Number.isInteger(value);

function answerProblem(
  question: SurveyQuestion,
  value: SurveyAnswerValue,
): string | undefined {
  switch (question.type) {
    case 'rating':
      return isInteger(value) && value >= 1 && value <= 5
        ? undefined
        : 'must be a whole number from 1 to 5';
    case 'nps':
      return isInteger(value) && value >= 0 && value <= 10
        ? undefined
        : 'must be a whole number from 0 to 10';
    case 'choice': {
      const options = question.options ?? [];
      if (question.multiple) {
        if (!Array.isArray(value)) return 'must be a list of options';
        if (new Set(value).size !== value.length)
          return 'lists an option twice';
        const unknown = value.find(v => !options.includes(v));
        return unknown === undefined
          ? undefined
          : `'${unknown}' is not an option`;
      }
      return typeof value === 'string' && options.includes(value)
        ? undefined
        : `must be one of ${options.join(', ')}`;
    }
    default:
      if (typeof value !== 'string') return 'must be text';
      return value.length > MAX_SURVEY_TEXT_LENGTH
        ? `must be at most ${MAX_SURVEY_TEXT_LENGTH} characters`
        : undefined;
  }
}

const isBlank = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/**
 * Checks a response against the survey's questions: every answer to a question of the survey
 * and on its scale, every required question answered, and a comment saying why when the score
 * is low ({@link isLowScore}). Returns the problems (empty when it is fine) and the scores.
 *
 * @public
 */
export function checkSurveyAnswers(
  questions: readonly SurveyQuestion[],
  input: SurveyAnswerInput,
): { problems: SurveyAnswerProblem[]; checked: CheckedSurveyAnswers } {
  const problems: SurveyAnswerProblem[] = [];
  const byId = new Map(questions.map(q => [q.id, q]));
  const answers: Record<string, SurveyAnswerValue> = {};
  for (const id of Object.keys(input.answers)) {
    if (!byId.has(id)) {
      problems.push({
        field: `answers.${id}`,
        message: 'is not a question of this survey',
      });
    }
  }
  for (const question of questions) {
    const value = input.answers[question.id];
    const field = `answers.${question.id}`;
    if (isBlank(value)) {
      if (question.required) {
        problems.push({ field, message: 'is required' });
      }
      continue;
    }
    const problem = answerProblem(question, value as SurveyAnswerValue);
    if (problem) {
      problems.push({ field, message: problem });
    } else {
      answers[question.id] =
        typeof value === 'string' ? value.trim() : (value as SurveyAnswerValue);
    }
  }
  const first = (type: SurveyQuestion['type']) => {
    const question = questions.find(q => q.type === type);
    const value = question ? answers[question.id] : undefined;
    return typeof value === 'number' ? value : null;
  };
  const rating = first('rating');
  const nps = first('nps');
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > MAX_SURVEY_TEXT_LENGTH) {
    problems.push({
      field: 'comment',
      message: `must be at most ${MAX_SURVEY_TEXT_LENGTH} characters`,
    });
  }
  if (!comment && isLowScore({ rating, nps })) {
    problems.push({
      field: 'comment',
      message: 'is required with a low score: say what went wrong',
    });
  }
  return { problems, checked: { rating, nps, comment, answers } };
}

/**
 * {@link checkSurveyAnswers} for a server: the checked response, or an `InputError` (400)
 * naming every field that is wrong.
 *
 * @public
 */
export function validateSurveyAnswers(
  questions: readonly SurveyQuestion[],
  input: SurveyAnswerInput,
): CheckedSurveyAnswers {
  const { problems, checked } = checkSurveyAnswers(questions, input);
  if (problems.length) {
    throw new InputError(
      problems.map(p => `${p.field}: ${p.message}`).join('; '),
    );
  }
  return checked;
}

/**
 * What is wrong with a set of questions, or undefined: ids unique, a choice with at least two
 * distinct options (and only a choice with options), a rating or NPS question to score, and at
 * most one NPS question.
 *
 * @public
 */
export function surveyQuestionsProblem(
  questions: readonly SurveyQuestion[],
): { field: string; message: string } | undefined {
  const seen = new Set<string>();
  for (const [i, q] of questions.entries()) {
    if (seen.has(q.id)) {
      return { field: `questions.${i}.id`, message: `'${q.id}' is used twice` };
    }
    seen.add(q.id);
    if (q.type === 'choice') {
      const options = q.options ?? [];
      if (options.length < 2 || new Set(options).size !== options.length) {
        return {
          field: `questions.${i}.options`,
          message: 'a choice needs at least two different options',
        };
      }
    } else if (q.options !== undefined || q.multiple !== undefined) {
      return {
        field: `questions.${i}.options`,
        message: `only a choice question has options`,
      };
    }
  }
  if (!questions.some(q => q.type === 'rating' || q.type === 'nps')) {
    return {
      field: 'questions',
      message: 'needs a rating or an NPS question to score',
    };
  }
  if (questions.filter(q => q.type === 'nps').length > 1) {
    return { field: 'questions', message: 'may hold one NPS question only' };
  }
  return undefined;
}
