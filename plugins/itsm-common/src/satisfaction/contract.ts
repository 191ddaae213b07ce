import type { SatisfactionScores } from './scores';

/**
 * The satisfaction figures of a service over a period, from the responses stored in it
 * (transactional CSAT after incident resolution and campaign answers): the scores with their
 * counts, the invitations sent and the response rate. Computed in SQL by the backend.
 *
 * @public
 */
export interface SatisfactionFigures extends SatisfactionScores {
  /** Invitations (transactional and campaign) sent in the period. */
  invited: number;
  /** Responses received in the period. */
  responses: number;
  /** 100 × responses / invited, 0–100; null when nobody was invited. */
  responseRatePercent: number | null;
}

/** Satisfaction figures for one period of a trend, oldest first. @public */
export interface SatisfactionTrendPoint extends SatisfactionFigures {
  label: string;
  from: string;
  to: string;
}

/** A free-text answer with the scores given beside it. @public */
export interface SatisfactionComment {
  at: string;
  rating: number | null;
  nps: number | null;
  comment: string;
  /** Where it was given: the rated incident or the campaign. */
  source: { type: 'incident' | 'campaign'; id: string };
}
