/**
 * The complaints of a service that a report or a review pack shows for a period: counts of those
 * raised in it, and the items raised in it or still open at its end (newest first, at most 50).
 *
 * @public
 */
export interface ComplaintSummary {
  raised: number;
  open: number;
  resolved: number;
  escalated: number;
  items: ComplaintSummaryItem[];
}

/** @public */
export interface ComplaintSummaryItem {
  id: string;
  title: string;
  status: string;
  owner: string | null;
  raisedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  escalated: boolean;
}
