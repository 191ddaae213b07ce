import { describeEvents } from '../records';
import { changeHistoryLabels } from './changes/record/changeKind';
import { incidentHistoryLabels } from './incidents/record/incidentKind';
import { problemHistoryLabels } from './problems/record/problemKinds';
import { serviceLevelHistoryLabels } from './service-levels/record/serviceLevelKinds';
import { complaintHistoryLabels } from './complaints/record/complaintKind';
import { reviewHistoryLabels } from './reviews/record/reviewKind';
import { improvementHistoryLabels } from './improvements/record/improvementKind';

/**
 * Every practice's history words at once, for text that mixes records (a change review
 * naming incidents, a search over all records). A record's own timeline reads with its
 * kind's labels only.
 */
export const practiceHistory = describeEvents([
  incidentHistoryLabels,
  changeHistoryLabels,
  serviceLevelHistoryLabels,
  problemHistoryLabels,
  complaintHistoryLabels,
  reviewHistoryLabels,
  improvementHistoryLabels,
]);

export const { actionLabel, changeLines, formatFieldValue } = practiceHistory;
