import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Resource type of incidents in the permission framework.
 *
 * @public
 */
export const ITSM_INCIDENT_RESOURCE_TYPE = 'itsm-incident';

/** @public */
export const incidentReadPermission = createPermission({
  name: 'itsm.incident.read',
  attributes: { action: 'read' },
  resourceType: ITSM_INCIDENT_RESOURCE_TYPE,
});

/** @public */
export const incidentCreatePermission = createPermission({
  name: 'itsm.incident.create',
  attributes: { action: 'create' },
});

/** @public */
export const incidentUpdatePermission = createPermission({
  name: 'itsm.incident.update',
  attributes: { action: 'update' },
  resourceType: ITSM_INCIDENT_RESOURCE_TYPE,
});

/**
 * Resource type of changes in the permission framework.
 *
 * @public
 */
export const ITSM_CHANGE_RESOURCE_TYPE = 'itsm-change';

/** @public */
export const changeReadPermission = createPermission({
  name: 'itsm.change.read',
  attributes: { action: 'read' },
  resourceType: ITSM_CHANGE_RESOURCE_TYPE,
});

/** Submitting a change (and creating or editing standard change templates is `update`). @public */
export const changeCreatePermission = createPermission({
  name: 'itsm.change.create',
  attributes: { action: 'create' },
});

/** @public */
export const changeUpdatePermission = createPermission({
  name: 'itsm.change.update',
  attributes: { action: 'update' },
  resourceType: ITSM_CHANGE_RESOURCE_TYPE,
});

/**
 * Deciding on a change. The policy may deny it; it can never grant more than the approval
 * rules allow (the requester never approves, only required approvers vote).
 *
 * @public
 */
export const changeApprovePermission = createPermission({
  name: 'itsm.change.approve',
  attributes: { action: 'update' },
  resourceType: ITSM_CHANGE_RESOURCE_TYPE,
});

/** Creating and editing standard change templates. @public */
export const changeTemplateManagePermission = createPermission({
  name: 'itsm.change.template.manage',
  attributes: { action: 'update' },
});

/**
 * Reading SLAs, supporting agreements, calendars, breaches and SLA reports.
 *
 * @public
 */
export const slaReadPermission = createPermission({
  name: 'itsm.sla.read',
  attributes: { action: 'read' },
});

/**
 * Defining and editing SLAs and supporting agreements, and recording cause, action and
 * waivers in the breach register (calendars: {@link calendarManagePermission}). Whatever the policy says,
 * only an owner of the service may change its agreements (a domain rule).
 *
 * @public
 */
export const slaManagePermission = createPermission({
  name: 'itsm.sla.manage',
  attributes: { action: 'update' },
});

/**
 * Creating calendars and editing their holidays. Calendars are shared: every service that
 * counts its clocks in one is affected, so this is an administrator's permission, apart
 * from `itsm.sla.manage`.
 *
 * @public
 */
export const calendarManagePermission = createPermission({
  name: 'itsm.calendar.manage',
  attributes: { action: 'update' },
});

/**
 * Resource type of problems in the permission framework.
 *
 * @public
 */
export const ITSM_PROBLEM_RESOURCE_TYPE = 'itsm-problem';

/** @public */
export const problemReadPermission = createPermission({
  name: 'itsm.problem.read',
  attributes: { action: 'read' },
  resourceType: ITSM_PROBLEM_RESOURCE_TYPE,
});

/** @public */
export const problemCreatePermission = createPermission({
  name: 'itsm.problem.create',
  attributes: { action: 'create' },
});

/** @public */
export const problemUpdatePermission = createPermission({
  name: 'itsm.problem.update',
  attributes: { action: 'update' },
  resourceType: ITSM_PROBLEM_RESOURCE_TYPE,
});

/**
 * Creating, editing and retiring known errors. Reading them needs only `itsm.incident.read`:
 * whoever can report an incident sees the workarounds.
 *
 * @public
 */
export const knownErrorManagePermission = createPermission({
  name: 'itsm.knownError.manage',
  attributes: { action: 'update' },
});

/**
 * Resource type of service reviews (`REV-n`) in the permission framework.
 *
 * @public
 */
export const ITSM_REVIEW_RESOURCE_TYPE = 'itsm-review';

/** Reading a service review, its pack, minutes and actions. @public */
export const reviewReadPermission = createPermission({
  name: 'itsm.review.read',
  attributes: { action: 'read' },
  resourceType: ITSM_REVIEW_RESOURCE_TYPE,
});

/**
 * Scheduling, preparing, freezing, recording and closing a service review and its actions.
 * Signing a review off is a domain rule (a member of the SLA's customer groups), not this
 * permission.
 *
 * @public
 */
export const reviewManagePermission = createPermission({
  name: 'itsm.review.manage',
  attributes: { action: 'update' },
  resourceType: ITSM_REVIEW_RESOURCE_TYPE,
});

/**
 * Managing survey templates and campaigns (`SUR-n`). Answering a survey needs no permission
 * beyond being invited (a domain rule).
 *
 * @public
 */
export const surveyManagePermission = createPermission({
  name: 'itsm.survey.manage',
  attributes: { action: 'update' },
});

/**
 * Resource type of complaints (`CMP-n`) in the permission framework.
 *
 * @public
 */
export const ITSM_COMPLAINT_RESOURCE_TYPE = 'itsm-complaint';

/** Reading a complaint. @public */
export const complaintReadPermission = createPermission({
  name: 'itsm.complaint.read',
  attributes: { action: 'read' },
  resourceType: ITSM_COMPLAINT_RESOURCE_TYPE,
});

/** Raising a complaint against a service: anyone may. @public */
export const complaintCreatePermission = createPermission({
  name: 'itsm.complaint.create',
  attributes: { action: 'create' },
});

/** Owning, investigating, answering and closing a complaint. @public */
export const complaintManagePermission = createPermission({
  name: 'itsm.complaint.manage',
  attributes: { action: 'update' },
  resourceType: ITSM_COMPLAINT_RESOURCE_TYPE,
});

/**
 * Resource type of improvement items and corrective actions (`IMP-n`) in the permission
 * framework.
 *
 * @public
 */
export const ITSM_IMPROVEMENT_RESOURCE_TYPE = 'itsm-improvement';

/** Reading the improvement register. @public */
export const improvementReadPermission = createPermission({
  name: 'itsm.improvement.read',
  attributes: { action: 'read' },
  resourceType: ITSM_IMPROVEMENT_RESOURCE_TYPE,
});

/** Raising an improvement item or corrective action. @public */
export const improvementCreatePermission = createPermission({
  name: 'itsm.improvement.create',
  attributes: { action: 'create' },
});

/** Editing an item and moving it through its lifecycle (but approving it). @public */
export const improvementUpdatePermission = createPermission({
  name: 'itsm.improvement.update',
  attributes: { action: 'update' },
  resourceType: ITSM_IMPROVEMENT_RESOURCE_TYPE,
});

/**
 * Approving (or rejecting) an item. Separation of duties is a domain rule on top: never the
 * item's owner nor a member of its owning group.
 *
 * @public
 */
export const improvementApprovePermission = createPermission({
  name: 'itsm.improvement.approve',
  attributes: { action: 'update' },
  resourceType: ITSM_IMPROVEMENT_RESOURCE_TYPE,
});

/**
 * Every permission of the ITSM plugins.
 *
 * @public
 */
export const itsmPermissions = [
  incidentReadPermission,
  incidentCreatePermission,
  incidentUpdatePermission,
  changeReadPermission,
  changeCreatePermission,
  changeUpdatePermission,
  changeApprovePermission,
  changeTemplateManagePermission,
  slaReadPermission,
  slaManagePermission,
  calendarManagePermission,
  problemReadPermission,
  problemCreatePermission,
  problemUpdatePermission,
  knownErrorManagePermission,
  reviewReadPermission,
  reviewManagePermission,
  surveyManagePermission,
  complaintReadPermission,
  complaintCreatePermission,
  complaintManagePermission,
  improvementReadPermission,
  improvementCreatePermission,
  improvementUpdatePermission,
  improvementApprovePermission,
];
