/**
 * An action recorded at a service review as the next review pack carries it: still open
 * actions of earlier reviews of the service.
 *
 * @public
 */
export interface ReviewActionSummary {
  /** `REV-n` of the review that recorded it. */
  reviewId: string;
  /** The action's id within the plugin (stable, e.g. `REV-4/A-2`). */
  id: string;
  title: string;
  owner: string;
  dueDate: string | null;
  status: string;
}
