import { ITSM_CHANGE_RESOURCE_TYPE } from '@backstage-itsm/plugin-itsm-common';
import { rulesetOf } from '../../records/permissionQuery';
import { createClaimsRule } from '../../records/rules';
import { changePermissionResourceRef } from './changePermissionResource';

/** Changes requested by one of the claims. */
export const isChangeRequester = createClaimsRule({
  name: 'IS_CHANGE_REQUESTER',
  description: 'Allow changes requested by one of the given entity refs',
  resourceRef: changePermissionResourceRef,
  property: 'requester',
  refsOf: change => [change.requester],
});

/** Changes affecting an entity owned by one of the claims. */
export const isChangeEntityOwner = createClaimsRule({
  name: 'IS_CHANGE_ENTITY_OWNER',
  description:
    'Allow changes that affect an entity owned by one of the given entity refs',
  resourceRef: changePermissionResourceRef,
  property: 'entityOwnerRef',
  refsOf: change => change.entities.map(e => e.ownerRef),
});

/** The permission rules of the `itsm-change` resource type. */
export const changePermissionRules = {
  isChangeRequester,
  isChangeEntityOwner,
};

/** The built-in rules as a ruleset, for services built without the registry. */
export const builtInChangeRuleset = () =>
  rulesetOf(ITSM_CHANGE_RESOURCE_TYPE, Object.values(changePermissionRules));
