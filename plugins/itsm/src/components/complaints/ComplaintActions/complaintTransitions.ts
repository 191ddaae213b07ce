import {
  allowedComplaintTransitions,
  isComplainantMove,
  isComplaintLocked,
  planComplaintTransition,
  type Complaint,
  type ComplaintStatus,
  type ComplaintTransitionRequest,
} from '@backstage-itsm/plugin-itsm-common';
import type { OfferedMove } from '../../../records';
import type { Viewer } from './useViewer';

/** How the viewer stands to a complaint. */
export interface ComplaintRole {
  /** The viewer raised it. */
  complainant: boolean;
  /**
   * The owners' moves and "Edit" are offered: to everyone but a complainant who does not own
   * it (the server decides who manages it: its owner, its service's owners, as the policy says).
   */
  manages: boolean;
}

/** The viewer's role; without a viewer, everything is offered and the server decides. */
export function complaintRoleOf(
  complaint: Pick<Complaint, 'complainant' | 'owner'>,
  viewer: Viewer | undefined,
): ComplaintRole {
  if (!viewer) return { complainant: false, manages: true };
  const complainant = complaint.complainant === viewer.userEntityRef;
  const owns =
    complaint.owner !== null &&
    (complaint.owner === viewer.userEntityRef ||
      viewer.ownershipEntityRefs.includes(complaint.owner));
  return { complainant, manages: !complainant || owns };
}

/** The words of the button that moves a complaint from `from` to `to`. */
export function complaintTransitionLabel(
  from: ComplaintStatus,
  to: ComplaintStatus,
  byComplainant = false,
): string {
  switch (to) {
    case 'investigating':
      if (from !== 'resolved') return 'Start investigation';
      return byComplainant ? 'Not satisfied' : 'Re-open';
    case 'resolved':
      return 'Resolve';
    case 'closed':
      return byComplainant ? 'Accept response' : 'Close';
    default:
      return `Move to ${to}`;
  }
}

/** What a move's dialog asks for. */
export type ComplaintTransitionField = 'owner' | 'response' | 'comment';

/**
 * What each move asks for (the rules of `planComplaintTransition`): an owner to start
 * investigating, the response to resolve, why, to re-open; a comment otherwise.
 */
export function complaintTransitionFields(
  from: ComplaintStatus,
  to: ComplaintStatus,
): ComplaintTransitionField[] {
  if (to === 'investigating') {
    return from === 'resolved' ? ['comment'] : ['owner'];
  }
  return to === 'resolved' ? ['response'] : ['comment'];
}

/** What the move dialog holds. */
export interface ComplaintTransitionValues {
  owner: string | null;
  response: string;
  comment: string;
}

/** Starts from what the complaint already holds. */
export function initialComplaintTransitionValues(
  complaint: Complaint,
): ComplaintTransitionValues {
  return {
    owner: complaint.owner,
    response: complaint.response ?? '',
    comment: '',
  };
}

/** The transition body: only the fields this move asks for, and only when filled in. */
export function toComplaintTransitionRequest(
  complaint: Pick<Complaint, 'status' | 'owner' | 'response'>,
  to: ComplaintStatus,
  values: ComplaintTransitionValues,
): ComplaintTransitionRequest {
  const fields = complaintTransitionFields(complaint.status, to);
  const request: ComplaintTransitionRequest = { to };
  const owner = values.owner?.trim().toLocaleLowerCase('en-US');
  if (fields.includes('owner') && owner && owner !== complaint.owner) {
    request.owner = owner;
  }
  if (
    fields.includes('response') &&
    values.response.trim() &&
    values.response !== complaint.response
  ) {
    request.response = values.response;
  }
  if (fields.includes('comment') && values.comment.trim()) {
    request.comment = values.comment.trim();
  }
  return request;
}

/**
 * The problems of a move before it is sent, by form field: the -common rule (the server's
 * own), whose messages start with the field's name. A 409 has no field: the server says so.
 */
export function complaintTransitionErrors(
  complaint: Complaint,
  to: ComplaintStatus,
  values: ComplaintTransitionValues,
): Partial<Record<keyof ComplaintTransitionValues, string>> {
  const request = toComplaintTransitionRequest(complaint, to, values);
  try {
    planComplaintTransition(complaint, to, request, { now: new Date() });
  } catch (e) {
    const message = (e as Error).message;
    const field = message.split(/\s/)[0] as keyof ComplaintTransitionValues;
    if (field in values) {
      return { [field]: message };
    }
  }
  return {};
}

/**
 * The moves offered on a complaint, from the -common lifecycle: a complainant who does not
 * own it is offered only their own moves (accept or send back a resolved complaint).
 */
export function offeredComplaintTransitions(
  complaint: Complaint,
  role: ComplaintRole,
): OfferedMove<ComplaintStatus>[] {
  return allowedComplaintTransitions(complaint.status)
    .filter(
      to =>
        role.manages ||
        (role.complainant && isComplainantMove(complaint.status, to)),
    )
    .map(to => ({
      to,
      label: complaintTransitionLabel(
        complaint.status,
        to,
        role.complainant && !role.manages,
      ),
    }));
}

/** Whether "Edit" is offered: to whoever may manage it, until it is closed. */
export function isComplaintEditable(
  complaint: Complaint,
  role: ComplaintRole,
): boolean {
  return role.manages && !isComplaintLocked(complaint.status);
}
