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
  incidentConditions,
} from './permissions/conditionExports';
export {
  changePermissionResourceRef,
  type ChangePermissionFilter,
} from './practices/changes/changePermissionResource';
export {
  incidentPermissionResourceRef,
  type IncidentPermissionFilter,
} from './practices/incidents/incidentPermissionResource';
