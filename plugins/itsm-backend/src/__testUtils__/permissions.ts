import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  changeReadPermission,
  changeUpdatePermission,
  incidentReadPermission,
  incidentUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import {
  changeConditions,
  createChangeConditionalDecision,
  createIncidentConditionalDecision,
  incidentConditions,
} from '../permissions/conditionExports';

/**
 * A permissions mock that allows everyone everything, except for `user`: incidents they read
 * and update only on services owned by `incidentOwners` (when given), changes only when they
 * requested them (`changeRequesters`), and `deny` denied outright.
 */
export function permissionsFor(
  user: string,
  rules: {
    incidentOwners?: string[];
    changeRequesters?: string[];
    deny?: string[];
  },
) {
  return mockServices.permissions.mock({
    authorize: async (requests, options) =>
      requests.map(r => ({
        result:
          userOf(options) === user && rules.deny?.includes(r.permission.name)
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
    authorizeConditional: async (queries, options) =>
      queries.map((q): PolicyDecision => {
        const name = q.permission.name;
        if (userOf(options) !== user) {
          return { result: AuthorizeResult.ALLOW };
        }
        if (rules.deny?.includes(name)) {
          return { result: AuthorizeResult.DENY };
        }
        if (
          rules.incidentOwners &&
          (name === incidentReadPermission.name ||
            name === incidentUpdatePermission.name)
        ) {
          return createIncidentConditionalDecision(
            q.permission as typeof incidentReadPermission,
            incidentConditions.isServiceOwner({ claims: rules.incidentOwners }),
          );
        }
        if (
          rules.changeRequesters &&
          (name === changeReadPermission.name ||
            name === changeUpdatePermission.name)
        ) {
          return createChangeConditionalDecision(
            q.permission as typeof changeReadPermission,
            changeConditions.isChangeRequester({
              claims: rules.changeRequesters,
            }),
          );
        }
        return { result: AuthorizeResult.ALLOW };
      }),
  });
}

function userOf(options: unknown): string | undefined {
  return (
    options as { credentials?: { principal?: { userEntityRef?: string } } }
  )?.credentials?.principal?.userEntityRef;
}
