import { createConditionExports } from '@backstage/plugin-permission-node';
import { changePermissionResourceRef } from '../practices/changes/changePermissionResource';
import { changePermissionRules } from '../practices/changes/changeRules';
import { incidentPermissionResourceRef } from '../practices/incidents/incidentPermissionResource';
import { incidentPermissionRules } from '../practices/incidents/incidentRules';
import {
  problemPermissionResourceRef,
  problemPermissionRules,
} from '../practices/problems/problemPermissions';

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: incidentPermissionResourceRef,
  rules: incidentPermissionRules,
});

/**
 * Conditions on incidents for permission policies, e.g.
 * `incidentConditions.isServiceOwner({ claims: user.identity.ownershipEntityRefs })`.
 *
 * @public
 */
export const incidentConditions = conditions;

/**
 * Wraps incident conditions into a conditional policy decision for
 * `itsm.incident.read` or `itsm.incident.update`.
 *
 * @public
 */
export const createIncidentConditionalDecision = createConditionalDecision;

const changeExports = createConditionExports({
  resourceRef: changePermissionResourceRef,
  rules: changePermissionRules,
});

/**
 * Conditions on changes for permission policies, e.g.
 * `changeConditions.isChangeRequester({ claims: user.identity.ownershipEntityRefs })`.
 *
 * @public
 */
export const changeConditions = changeExports.conditions;

/**
 * Wraps change conditions into a conditional policy decision for
 * `itsm.change.read`, `itsm.change.update` or `itsm.change.approve`.
 *
 * @public
 */
export const createChangeConditionalDecision =
  changeExports.createConditionalDecision;

const problemExports = createConditionExports({
  resourceRef: problemPermissionResourceRef,
  rules: problemPermissionRules,
});

/**
 * Conditions on problems for permission policies, e.g.
 * `problemConditions.isProblemOwner({ claims: user.identity.ownershipEntityRefs })`.
 *
 * @public
 */
export const problemConditions = problemExports.conditions;

/**
 * Wraps problem conditions into a conditional policy decision for `itsm.problem.read` or
 * `itsm.problem.update`.
 *
 * @public
 */
export const createProblemConditionalDecision =
  problemExports.createConditionalDecision;
