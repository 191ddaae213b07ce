import type { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  changeConditions,
  createChangeConditionalDecision,
  createIncidentConditionalDecision,
  createProblemConditionalDecision,
  incidentConditions,
  problemConditions,
} from '@backstage-itsm/plugin-itsm-backend';
import {
  calendarManagePermission,
  changeApprovePermission,
  changeCreatePermission,
  changeReadPermission,
  changeTemplateManagePermission,
  changeUpdatePermission,
  incidentCreatePermission,
  incidentReadPermission,
  incidentUpdatePermission,
  knownErrorManagePermission,
  problemCreatePermission,
  problemReadPermission,
  problemUpdatePermission,
  slaManagePermission,
  slaReadPermission,
} from '@backstage-itsm/plugin-itsm-common';

/** Support engineers, incident and problem managers: may work every incident and problem. */
export const INCIDENT_MANAGERS = 'group:default/sre-team';
/** Change managers: may edit and move every change. */
export const CHANGE_MANAGERS = 'group:default/change-managers';
/** ITSM administrators: manage what all services share, calendars and standard change templates. */
export const ITSM_ADMINS = 'group:default/itsm-admins';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/** Decides one ITSM permission for a signed-in user with these ownership refs (lowercase). */
type ItsmRule = (claims: string[]) => PolicyDecision;

const allowAll: ItsmRule = () => ALLOW;
const membersOf =
  (group: string, otherwise: ItsmRule): ItsmRule =>
  claims =>
    claims.includes(group) ? ALLOW : otherwise(claims);

/**
 * One rule per permission the ITSM plugins declare. A permission of the plugins that is missing
 * here is denied (see `handle`), so a new permission is closed until someone decides on it.
 */
export const itsmRules: Record<string, ItsmRule> = {
  [incidentReadPermission.name]: allowAll,
  [incidentCreatePermission.name]: allowAll,
  // The owners of the incident's service, its assignee and its assignment group work it.
  [incidentUpdatePermission.name]: membersOf(INCIDENT_MANAGERS, claims =>
    createIncidentConditionalDecision(incidentUpdatePermission, {
      anyOf: [
        incidentConditions.isServiceOwner({ claims }),
        incidentConditions.isAssignee({ claims }),
      ],
    }),
  ),
  [changeReadPermission.name]: allowAll,
  [changeCreatePermission.name]: allowAll,
  // The requester and the owners of an affected entity plan and implement it.
  [changeUpdatePermission.name]: membersOf(CHANGE_MANAGERS, claims =>
    createChangeConditionalDecision(changeUpdatePermission, {
      anyOf: [
        changeConditions.isChangeRequester({ claims }),
        changeConditions.isChangeEntityOwner({ claims }),
      ],
    }),
  ),
  // Who votes is the approval policy's business (required groups, never the requester).
  [changeApprovePermission.name]: allowAll,
  [changeTemplateManagePermission.name]: membersOf(ITSM_ADMINS, () => DENY),
  [slaReadPermission.name]: allowAll,
  // The plugin lets only the owners of a service change its agreements, whatever this says.
  [slaManagePermission.name]: allowAll,
  // Every service counting in a calendar is affected by its hours and holidays.
  [calendarManagePermission.name]: membersOf(ITSM_ADMINS, () => DENY),
  [problemReadPermission.name]: allowAll,
  [problemCreatePermission.name]: allowAll,
  // The owners of the problem's services, its owner and assignment group analyse it.
  [problemUpdatePermission.name]: membersOf(INCIDENT_MANAGERS, claims =>
    createProblemConditionalDecision(problemUpdatePermission, {
      anyOf: [
        problemConditions.isProblemServiceOwner({ claims }),
        problemConditions.isProblemOwner({ claims }),
      ],
    }),
  ),
  // Known errors are the engineers' shared knowledge: any signed-in engineer records one.
  [knownErrorManagePermission.name]: allowAll,
};

/** Whether a permission belongs to the ITSM plugins (`itsm.` names). */
export function isItsmPermission(permission: { name: string }): boolean {
  return permission.name.startsWith('itsm.');
}

/**
 * The demo portal's permission policy. Everything outside ITSM is allowed, as the allow-all
 * policy did. Inside ITSM, every signed-in user reads everything and raises incidents and
 * changes; writes go to the people responsible for the record (see {@link itsmRules});
 * anonymous callers and ITSM permissions without a rule are denied.
 */
export class ItsmPermissionPolicy implements PermissionPolicy {
  readonly #userInfo: UserInfoService;

  constructor(options: { userInfo: UserInfoService }) {
    this.#userInfo = options.userInfo;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!isItsmPermission(request.permission)) {
      return ALLOW;
    }
    const rule = itsmRules[request.permission.name];
    if (!rule || !user) {
      return DENY;
    }
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      user.credentials,
    );
    return rule(ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US')));
  }
}
