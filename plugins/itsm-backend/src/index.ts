/**
 * The ITSM backend plugin for Backstage.
 *
 * @packageDocumentation
 */

export { itsmPlugin as default } from './plugin';
export {
  changeConditions,
  createChangeConditionalDecision,
  createIncidentConditionalDecision,
  createProblemConditionalDecision,
  incidentConditions,
  problemConditions,
} from './permissions/conditionExports';
export {
  complaintConditions,
  createComplaintConditionalDecision,
  complaintPermissionResourceRef,
  type ComplaintPermissionFilter,
} from './practices/complaints/complaintPermissions';
export {
  createReviewConditionalDecision,
  reviewConditions,
  reviewPermissionResourceRef,
  type ReviewPermissionFilter,
} from './practices/reviews/reviewPermissions';
export {
  createImprovementConditionalDecision,
  improvementConditions,
  improvementPermissionResourceRef,
  type ImprovementPermissionFilter,
} from './practices/improvements/improvementPermissions';
export {
  problemPermissionResourceRef,
  type ProblemPermissionFilter,
} from './practices/problems/problemPermissions';
export {
  changePermissionResourceRef,
  type ChangePermissionFilter,
} from './practices/changes/changePermissionResource';
export {
  incidentPermissionResourceRef,
  type IncidentPermissionFilter,
} from './practices/incidents/incidentPermissionResource';
