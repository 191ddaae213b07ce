/**
 * Scaffolder actions for ITSM for Backstage: `itsm:change:create` and `itsm:incident:create`.
 *
 * @packageDocumentation
 */

export { scaffolderModuleItsm as default } from './module';
export { createItsmChangeCreateAction } from './actions/createChange';
export { createItsmIncidentCreateAction } from './actions/createIncident';
