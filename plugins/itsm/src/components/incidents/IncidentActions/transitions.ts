import {
  allowedIncidentTransitions,
  checkIncidentTransition,
  type Incident,
  type IncidentStatus,
} from '@backstage-itsm/plugin-itsm-common';

/** The words of the button that moves an incident from `from` to `to`. */
export function transitionLabel(
  from: IncidentStatus,
  to: IncidentStatus,
): string {
  switch (to) {
    case 'in_progress':
      if (from === 'on_hold') {
        return 'Resume';
      }
      return from === 'resolved' ? 'Reopen' : 'Start work';
    case 'on_hold':
      return 'Put on hold';
    case 'resolved':
      return 'Resolve';
    case 'closed':
      return 'Close';
    case 'cancelled':
      return 'Cancel incident';
    default:
      return `Move to ${to}`;
  }
}

/** The fields a move asks for in its dialog. */
export type TransitionField =
  | 'onHoldReason'
  | 'resolutionCode'
  | 'resolutionNotes'
  | 'comment';

/**
 * What each move asks for: the fields the lifecycle requires (`onHoldReason`; resolution
 * code and notes), and why a cancellation happens.
 */
export function transitionFields(to: IncidentStatus): TransitionField[] {
  switch (to) {
    case 'on_hold':
      return ['onHoldReason'];
    case 'resolved':
      return ['resolutionCode', 'resolutionNotes'];
    case 'cancelled':
      return ['comment'];
    default:
      return [];
  }
}

/** A move the incident's status allows, and why it is blocked if something else is missing. */
export interface OfferedTransition {
  to: IncidentStatus;
  label: string;
  /** Set when the move cannot be made yet, e.g. closing a major incident without its review. */
  blockedBecause?: string;
}

/**
 * The moves offered on an incident, from the -common lifecycle. A move that needs more
 * than its dialog asks for (the review of a major incident before closing) is blocked with
 * the rule's own message.
 */
export function offeredTransitions(incident: Incident): OfferedTransition[] {
  return allowedIncidentTransitions(incident.status).map(to => {
    let blockedBecause: string | undefined;
    if (to === 'closed') {
      try {
        checkIncidentTransition(
          {
            status: incident.status,
            major: incident.major,
            hasPostIncidentReview: Boolean(incident.postIncidentReview),
          },
          to,
          {},
        );
      } catch (e) {
        blockedBecause = (e as Error).message;
      }
    }
    return {
      to,
      label: transitionLabel(incident.status, to),
      blockedBecause,
    };
  });
}
