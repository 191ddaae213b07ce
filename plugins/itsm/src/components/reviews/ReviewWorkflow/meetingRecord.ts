import type {
  ReviewAgendaItem,
  ReviewDecision,
  ReviewPatchRequest,
  ServiceReview,
} from '@backstage-itsm/plugin-itsm-common';

/** What the meeting record form holds. */
export interface MeetingValues {
  attendees: string[];
  agenda: ReviewAgendaItem[];
  minutes: string;
  /** One line per decision; blank lines are left out. */
  decisions: string[];
}

/** The form starts from the review. */
export function meetingValuesOf(review: ServiceReview): MeetingValues {
  return {
    attendees: review.attendees,
    agenda: review.agenda.map(item => ({ ...item })),
    minutes: review.minutes,
    decisions: review.decisions.map(d => d.text),
  };
}

/** Agenda items with a title, notes only where written. */
function cleanAgenda(agenda: ReviewAgendaItem[]): ReviewAgendaItem[] {
  return agenda
    .filter(item => item.title.trim())
    .map(item =>
      item.notes?.trim()
        ? { title: item.title.trim(), notes: item.notes }
        : { title: item.title.trim() },
    );
}

function cleanDecisions(decisions: string[]): ReviewDecision[] {
  return decisions
    .map(text => text.trim())
    .filter(Boolean)
    .map(text => ({
      text,
    }));
}

const same = (a: unknown, b: unknown) =>
  JSON.stringify(a) === JSON.stringify(b);

/** Only the parts of the meeting record that changed (a `PATCH` body; `{}` when none did). */
export function meetingPatch(
  review: ServiceReview,
  values: MeetingValues,
): ReviewPatchRequest {
  const patch: ReviewPatchRequest = {};
  if (!same(values.attendees, review.attendees)) {
    patch.attendees = values.attendees;
  }
  const agenda = cleanAgenda(values.agenda);
  if (!same(agenda, cleanAgenda(review.agenda))) patch.agenda = agenda;
  if (values.minutes !== review.minutes) patch.minutes = values.minutes;
  const decisions = cleanDecisions(values.decisions);
  if (!same(decisions, review.decisions)) patch.decisions = decisions;
  return patch;
}
