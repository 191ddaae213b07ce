/**
 * Pure rules of customer satisfaction (DESIGN §3 "Customer satisfaction, complaints and service
 * review"): the scores of a set of responses, always with n, and the deterministic sample of
 * resolved incidents whose reporters are invited to rate them. The backend computes the same
 * figures in SQL; these are the reference its tests compare with.
 */

/** Fewer responses than this are shown with a "too few responses" flag. @public */
export const MIN_SATISFACTION_RESPONSES = 5;

/** One response as scores see it: a 1–5 rating and/or a 0–10 NPS answer. @public */
export interface SatisfactionAnswer {
  rating?: number | null;
  nps?: number | null;
}

/** The scores of a set of responses. @public */
export interface SatisfactionScores {
  /** Responses with a rating. */
  ratings: number;
  /** Share of ratings of 4 or 5, 0–100; null without ratings. */
  csatPercent: number | null;
  /** Mean rating, 1–5; null without ratings. */
  meanRating: number | null;
  /** Responses with an NPS answer. */
  npsAnswers: number;
  /** % promoters (9–10) minus % detractors (0–6), −100 to 100; null without answers. */
  nps: number | null;
  /** True when either count is below the minimum (the figures are shown, flagged). */
  tooFew: boolean;
}

function isRating(value: unknown): value is number {
  return (
    Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5
  );
}

function isNps(value: unknown): value is number {
  return (
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10
  );
}

/**
 * CSAT % (share of 4–5 ratings), mean rating and NPS of `answers`, with their counts. Answers
 * outside the scales are not counted. `tooFew` when fewer than `minResponses` ratings (or NPS
 * answers, when there are any) back the figures.
 *
 * @public
 */
export function satisfactionScores(
  answers: readonly SatisfactionAnswer[],
  options: { minResponses?: number } = {},
): SatisfactionScores {
  const ratings = answers.map(a => a.rating).filter(isRating);
  const npsAnswers = answers.map(a => a.nps).filter(isNps);
  return scoresFromCounts(
    {
      ratings: ratings.length,
      satisfied: ratings.filter(r => r >= 4).length,
      ratingSum: ratings.reduce((sum, r) => sum + r, 0),
      npsAnswers: npsAnswers.length,
      promoters: npsAnswers.filter(n => n >= 9).length,
      detractors: npsAnswers.filter(n => n <= 6).length,
    },
    options,
  );
}

/**
 * The counts scores are made of, as a database aggregates them (the backend counts in SQL and
 * scores with {@link scoresFromCounts}, so both ways give the same figures).
 *
 * @public
 */
export interface SatisfactionCounts {
  /** Ratings 1–5. */
  ratings: number;
  /** Ratings of 4 or 5. */
  satisfied: number;
  /** Sum of the ratings. */
  ratingSum: number;
  /** NPS answers 0–10. */
  npsAnswers: number;
  /** NPS answers of 9 or 10. */
  promoters: number;
  /** NPS answers of 0–6. */
  detractors: number;
}

/** The scores of counted responses (see {@link satisfactionScores}). @public */
export function scoresFromCounts(
  counts: SatisfactionCounts,
  options: { minResponses?: number } = {},
): SatisfactionScores {
  const min = options.minResponses ?? MIN_SATISFACTION_RESPONSES;
  const { ratings, npsAnswers } = counts;
  return {
    ratings,
    csatPercent: ratings ? (100 * counts.satisfied) / ratings : null,
    meanRating: ratings ? counts.ratingSum / ratings : null,
    npsAnswers,
    nps: npsAnswers
      ? (100 * (counts.promoters - counts.detractors)) / npsAnswers
      : null,
    tooFew: ratings < min || (npsAnswers > 0 && npsAnswers < min),
  };
}

/** Responses per invitation, 0–100; null when nobody was invited. @public */
export function responseRate(
  invited: number,
  responded: number,
): number | null {
  if (invited <= 0) return null;
  return (100 * Math.min(responded, invited)) / invited;
}

/** A rating low enough that the survey asks why (1 or 2 of 5, or an NPS of 0–6). @public */
export function isLowScore(answer: SatisfactionAnswer): boolean {
  return (
    (isRating(answer.rating) && answer.rating <= 2) ||
    (isNps(answer.nps) && answer.nps <= 6)
  );
}

/**
 * 32-bit FNV-1a of a string with MurmurHash3's finaliser, as an unsigned integer. FNV-1a alone
 * barely moves its high bits when only the last character changes (`INC-7#1`, `INC-7#2`), so the
 * cycles of one incident would be sampled alike; the finaliser spreads every input bit.
 */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * Whether the reporter of an incident is invited to rate its resolution: a deterministic sample
 * at `rate` (0–1) keyed by the incident and its resolution cycle (a reopened incident asks again
 * after its next resolution, independently), so every replica and every retry decides the same.
 *
 * @public
 */
export function isInvitationSampled(
  incidentId: string,
  resolutionCycle: number,
  rate: number,
): boolean {
  if (!(rate > 0)) return false;
  if (rate >= 1) return true;
  const bucket = hash32(`${incidentId}#${resolutionCycle}`) / 0x100000000;
  return bucket < rate;
}
