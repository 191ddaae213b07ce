import { InputError } from '@backstage/errors';
import { LifecycleTable, defineLifecycle } from '../records/lifecycle';
import type { IncidentStatus, OnHoldReason } from './types';

/**
 * The incident lifecycle (DESIGN §3): which statuses each status may move to.
 * `closed` and `cancelled` are final.
 *
 * @public
 */
export const INCIDENT_TRANSITIONS: Readonly<
  Record<IncidentStatus, readonly IncidentStatus[]>
> = {
  new: ['in_progress', 'resolved', 'cancelled'],
  in_progress: ['on_hold', 'resolved', 'cancelled'],
  on_hold: ['in_progress', 'resolved', 'cancelled'],
  resolved: ['in_progress', 'closed'],
  closed: [],
  cancelled: [],
};

/** Statuses after which a record takes no more writes. @public */
export const FINAL_INCIDENT_STATUSES: readonly IncidentStatus[] = [
  'closed',
  'cancelled',
];

/** The incident lifecycle as a table. @public */
export const INCIDENT_LIFECYCLE: LifecycleTable<IncidentStatus> =
  defineLifecycle(INCIDENT_TRANSITIONS, FINAL_INCIDENT_STATUSES);

/** How an incident was resolved. @public */
export const RESOLUTION_CODES = [
  'fixed',
  'workaround',
  'change_rolled_back',
  'resolved_by_supplier',
  'duplicate',
  'not_reproducible',
  'user_error',
  'no_fault_found',
] as const;

/** @public */
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

/** What a transition request carries besides `to`. @public */
export interface IncidentTransitionFields {
  onHoldReason?: OnHoldReason | null;
  resolutionCode?: ResolutionCode | null;
  resolutionNotes?: string | null;
  comment?: string | null;
}

/** The statuses an incident in `status` may move to. @public */
export function allowedIncidentTransitions(
  status: IncidentStatus,
): readonly IncidentStatus[] {
  return INCIDENT_LIFECYCLE.allowed(status);
}

/**
 * Checks a move against the lifecycle, in the order the API answers (DESIGN §5):
 * `ConflictError` (409) for a move not allowed from the current status, a same-status move or
 * any move of a closed or cancelled incident; then `InputError` (400) naming a field the move
 * requires: `onHoldReason` to go on hold, `resolutionCode` and `resolutionNotes` to resolve,
 * a post-incident review to close a major incident.
 *
 * @public
 */
export function checkIncidentTransition(
  incident: {
    status: IncidentStatus;
    major: boolean;
    hasPostIncidentReview?: boolean;
  },
  to: IncidentStatus,
  fields: IncidentTransitionFields,
): void {
  INCIDENT_LIFECYCLE.check(incident.status, to, 'incident');
  if (to === 'on_hold' && !fields.onHoldReason) {
    throw new InputError('onHoldReason is required to put an incident on hold');
  }
  if (to === 'resolved') {
    if (!fields.resolutionCode) {
      throw new InputError('resolutionCode is required to resolve an incident');
    }
    if (!fields.resolutionNotes?.trim()) {
      throw new InputError(
        'resolutionNotes is required to resolve an incident',
      );
    }
  }
  if (to === 'closed' && incident.major && !incident.hasPostIncidentReview) {
    throw new InputError(
      'postIncidentReview is required before a major incident is closed',
    );
  }
}
