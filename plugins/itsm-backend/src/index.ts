/**
 * The ITSM backend plugin for Backstage.
 *
 * @packageDocumentation
 */

export { itsmPlugin as default } from './plugin';
export {
  createIncidentConditionalDecision,
  incidentConditions,
} from './permissions/conditionExports';
export {
  incidentPermissionResourceRef,
  type IncidentPermissionFilter,
} from './permissions/incidentPermissionResource';
