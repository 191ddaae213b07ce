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
  complaintConditions,
  createChangeConditionalDecision,
  createComplaintConditionalDecision,
  createImprovementConditionalDecision,
  createIncidentConditionalDecision,
  createProblemConditionalDecision,
  createReviewConditionalDecision,
  improvementConditions,
  incidentConditions,
  problemConditions,
  reviewConditions,
} from '@backstage-itsm/plugin-itsm-backend';
import {
  calendarManagePermission,
  changeApprovePermission,
  changeCreatePermission,
  changeReadPermission,
  changeTemplateManagePermission,
  changeUpdatePermission,
  complaintCreatePermission,
  complaintManagePermission,
  complaintReadPermission,
  improvementApprovePermission,
  improvementCreatePermission,
  improvementReadPermission,
  improvementUpdatePermission,
  incidentCreatePermission,
  incidentReadPermission,
  incidentUpdatePermission,
  knownErrorManagePermission,
  problemCreatePermission,
  problemReadPermission,
  problemUpdatePermission,
  reviewManagePermission,
  reviewReadPermission,
  slaManagePermission,
  slaReadPermission,
  surveyManagePermission,
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
  // Service reviews are read by everybody like the SLA reports they build on; the owners of the
  // service prepare and run them. Signing off is the plugin's rule (a member of the SLA's
  // customer groups), and an action's owner updates their action whatever this says.
  [reviewReadPermission.name]: allowAll,
  [reviewManagePermission.name]: claims =>
    createReviewConditionalDecision(
      reviewManagePermission,
      reviewConditions.isReviewServiceOwner({ claims }),
    ),
  // The plugin lets only the owners of a service run its campaigns, whatever this says.
  [surveyManagePermission.name]: allowAll,
  // A complaint is read by whoever raised it, its owner and the owners of its service (and the
  // support engineers); the owner and the service owners answer and close it.
  [complaintReadPermission.name]: membersOf(INCIDENT_MANAGERS, claims =>
    createComplaintConditionalDecision(complaintReadPermission, {
      anyOf: [
        complaintConditions.isComplainant({ claims }),
        complaintConditions.isComplaintOwner({ claims }),
        complaintConditions.isComplaintServiceOwner({ claims }),
      ],
    }),
  ),
  [complaintCreatePermission.name]: allowAll,
  [complaintManagePermission.name]: membersOf(INCIDENT_MANAGERS, claims =>
    createComplaintConditionalDecision(complaintManagePermission, {
      anyOf: [
        complaintConditions.isComplaintOwner({ claims }),
        complaintConditions.isComplaintServiceOwner({ claims }),
      ],
    }),
  ),
  // The improvement register is open: everybody reads it (auditors included) and raises items.
  [improvementReadPermission.name]: allowAll,
  [improvementCreatePermission.name]: allowAll,
  // An item's owner or owning group and the owners of its services work it; the ITSM admins
  // (the continual improvement process owners) work every item.
  [improvementUpdatePermission.name]: membersOf(ITSM_ADMINS, claims =>
    createImprovementConditionalDecision(improvementUpdatePermission, {
      anyOf: [
        improvementConditions.isImprovementOwner({ claims }),
        improvementConditions.isImprovementServiceOwner({ claims }),
      ],
    }),
  ),
  // The ITSM admins approve any item, a service's owners the items on their service; never
  // their own: the plugin refuses the owner and the owning group whatever this says.
  [improvementApprovePermission.name]: membersOf(ITSM_ADMINS, claims =>
    createImprovementConditionalDecision(
      improvementApprovePermission,
      improvementConditions.isImprovementServiceOwner({ claims }),
    ),
  ),
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
