import {
  PermissionRule,
  PermissionRuleset,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';
import type { ChangeRecord } from './ChangeStore';
import {
  ChangePermissionFilter,
  changePermissionResourceRef,
} from './changePermissionResource';

const claimsSchema = z.object({
  claims: z
    .array(z.string())
    .describe(
      "Entity refs to match, usually the user's ownership refs (user.identity.ownershipEntityRefs)",
    ),
});

const lower = (refs: string[]) => refs.map(r => r.toLocaleLowerCase('en-US'));

/** Changes requested by one of the claims. */
export const isChangeRequester = createPermissionRule({
  name: 'IS_CHANGE_REQUESTER',
  description: 'Allow changes requested by one of the given entity refs',
  resourceRef: changePermissionResourceRef,
  paramsSchema: claimsSchema,
  apply: (change, { claims }) => lower(claims).includes(change.requester),
  toQuery: ({ claims }) => ({ property: 'requester', values: lower(claims) }),
});

/** Changes affecting an entity owned by one of the claims. */
export const isChangeEntityOwner = createPermissionRule({
  name: 'IS_CHANGE_ENTITY_OWNER',
  description:
    'Allow changes that affect an entity owned by one of the given entity refs',
  resourceRef: changePermissionResourceRef,
  paramsSchema: claimsSchema,
  apply: (change, { claims }) => {
    const refs = lower(claims);
    return change.entities.some(
      e => e.ownerRef !== null && refs.includes(e.ownerRef),
    );
  },
  toQuery: ({ claims }) => ({
    property: 'entityOwnerRef',
    values: lower(claims),
  }),
});

/** The permission rules of the `itsm-change` resource type. */
export const changePermissionRules = {
  isChangeRequester,
  isChangeEntityOwner,
};

/** The built-in rules as a ruleset, for services built without the registry. */
export function builtInChangeRuleset(): PermissionRuleset<
  ChangeRecord,
  ChangePermissionFilter,
  string
> {
  const rules = Object.values(changePermissionRules);
  return {
    getRuleByName(name) {
      const rule = rules.find(r => r.name === name);
      if (!rule) {
        throw new Error(`Unknown permission rule '${name}' for itsm-change`);
      }
      return rule as PermissionRule<
        ChangeRecord,
        ChangePermissionFilter,
        string
      >;
    },
  };
}
