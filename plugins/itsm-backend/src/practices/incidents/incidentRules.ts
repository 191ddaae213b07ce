import {
  PermissionRule,
  PermissionRuleset,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';
import type { IncidentRecord } from './IncidentStore';
import {
  IncidentPermissionFilter,
  incidentPermissionResourceRef,
} from './incidentPermissionResource';

const claimsSchema = z.object({
  claims: z
    .array(z.string())
    .describe(
      "Entity refs to match, usually the user's ownership refs (user.identity.ownershipEntityRefs)",
    ),
});

const lower = (refs: string[]) => refs.map(r => r.toLocaleLowerCase('en-US'));

/** Incidents whose service (primary entity) is owned by one of the claims. */
export const isServiceOwner = createPermissionRule({
  name: 'IS_SERVICE_OWNER',
  description:
    'Allow incidents on services owned by one of the given entity refs',
  resourceRef: incidentPermissionResourceRef,
  paramsSchema: claimsSchema,
  apply: (incident, { claims }) =>
    incident.serviceOwnerRef !== null &&
    lower(claims).includes(incident.serviceOwnerRef),
  toQuery: ({ claims }) => ({
    property: 'serviceOwnerRef',
    values: lower(claims),
  }),
});

/** Incidents assigned to one of the claims, as assignee or assignment group. */
export const isAssignee = createPermissionRule({
  name: 'IS_ASSIGNEE',
  description:
    'Allow incidents assigned to one of the given entity refs, as assignee or assignment group',
  resourceRef: incidentPermissionResourceRef,
  paramsSchema: claimsSchema,
  apply: (incident, { claims }) => {
    const refs = lower(claims);
    return (
      (incident.assignee !== null && refs.includes(incident.assignee)) ||
      (incident.assignmentGroup !== null &&
        refs.includes(incident.assignmentGroup))
    );
  },
  toQuery: ({ claims }) => ({
    property: 'assigneeOrGroup',
    values: lower(claims),
  }),
});

/** The permission rules of the `itsm-incident` resource type. */
export const incidentPermissionRules = { isServiceOwner, isAssignee };

/** The built-in rules as a ruleset, for services built without the registry. */
export function builtInIncidentRuleset(): PermissionRuleset<
  IncidentRecord,
  IncidentPermissionFilter,
  string
> {
  const rules = Object.values(incidentPermissionRules);
  return {
    getRuleByName(name) {
      const rule = rules.find(r => r.name === name);
      if (!rule) {
        throw new Error(`Unknown permission rule '${name}' for itsm-incident`);
      }
      return rule as PermissionRule<
        IncidentRecord,
        IncidentPermissionFilter,
        string
      >;
    },
  };
}
