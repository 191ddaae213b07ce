import {
  HistoryEvent,
  Incident,
  ServiceCalendar,
  SlaClockView,
  computeSlaClock,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  HistoryEventRecord,
  IncidentRecord,
  SlaClockRecord,
} from '../database/IncidentStore';

// Wire forms of stored records. SLA views are computed at request time.

const ID_PATTERN = /^INC-([1-9]\d{0,15})$/i;

/** The wire id of an incident, `INC-<seq>`. */
export function incidentId(seq: number): string {
  return `INC-${seq}`;
}

/** The sequence number of an `INC-<n>` id, or undefined for anything else. */
export function parseIncidentId(id: string): number | undefined {
  const match = ID_PATTERN.exec(id);
  const seq = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(seq) ? seq : undefined;
}

/** Evaluates a stored clock at `now`. */
export function slaClockView(
  clock: SlaClockRecord,
  calendar: ServiceCalendar,
  now: Date,
): SlaClockView {
  const result = computeSlaClock({
    targetMs: clock.targetMs,
    calendar,
    startedAt: clock.startedAt,
    pauses: clock.pauses,
    stoppedAt: clock.stoppedAt ?? undefined,
    now,
  });
  return {
    targetMs: clock.targetMs,
    elapsedMs: result.elapsedMs,
    remainingMs: result.remainingMs,
    percent: result.percent,
    state: result.state,
    dueAt: result.dueAt?.toISOString() ?? null,
    breachedAt: result.breachedAt?.toISOString() ?? null,
    calendarId: clock.calendarId,
  };
}

/** The wire form of a stored incident, with its SLA clocks evaluated at `now`. */
export function toIncident(
  record: IncidentRecord,
  options: { now: Date; calendarOf: (id: string) => ServiceCalendar },
): Incident {
  const clock = (name: SlaClockRecord['clock']) => {
    const stored = record.clocks.find(c => c.clock === name);
    return stored
      ? slaClockView(stored, options.calendarOf(stored.calendarId), options.now)
      : null;
  };
  return {
    id: incidentId(record.seq),
    version: record.version,
    title: record.title,
    description: record.description,
    entityRef: record.entityRef,
    affectedEntityRefs: record.affectedEntityRefs,
    reporter: record.reporter,
    assignee: record.assignee,
    assignmentGroup: record.assignmentGroup,
    category: record.category,
    impact: record.impact,
    urgency: record.urgency,
    priority: record.priority,
    status: record.status,
    onHoldReason: record.onHoldReason,
    resolutionCode: record.resolutionCode,
    resolutionNotes: record.resolutionNotes,
    major: record.major,
    parentId: record.parentSeq === null ? null : incidentId(record.parentSeq),
    problemId: record.problemSeq === null ? null : `PRB-${record.problemSeq}`,
    causedByChangeId:
      record.causedByChangeSeq === null
        ? null
        : `CHG-${record.causedByChangeSeq}`,
    source: record.source,
    externalId: record.externalId,
    incidentManager: null,
    outageStart: null,
    outageEnd: null,
    postIncidentReview: null,
    impactedServices: Array.isArray(record.impactedServices)
      ? (record.impactedServices as string[])
      : [],
    sla: { response: clock('response'), resolution: clock('resolution') },
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** The wire form of a stored history event. */
export function toHistoryEvent(event: HistoryEventRecord): HistoryEvent {
  return {
    version: event.version,
    at: event.at.toISOString(),
    actor: event.actor,
    action: event.action,
    changes: event.changes,
    ...(event.comment !== undefined ? { comment: event.comment } : {}),
  };
}
