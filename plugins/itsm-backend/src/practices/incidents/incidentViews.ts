import {
  Incident,
  ServiceCalendar,
  SlaClockView,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  IncidentFields,
  IncidentRecord,
  SlaClockRecord,
} from './IncidentStore';
import { computeStoredClock } from './incidentClocks';

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
  const result = computeStoredClock(clock, calendar, now);
  return {
    targetMs: clock.targetMs,
    elapsedMs: result.elapsedMs,
    remainingMs: result.remainingMs,
    percent: result.percent,
    state: result.state,
    dueAt: result.dueAt?.toISOString() ?? null,
    breachedAt: result.breachedAt?.toISOString() ?? null,
    calendarId: clock.calendarId,
    agreement:
      typeof clock.slaSeq === 'number' && typeof clock.slaRevision === 'number'
        ? { slaId: `SLA-${clock.slaSeq}`, revision: clock.slaRevision }
        : null,
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
    subcategory: record.subcategory,
    impact: record.impact,
    urgency: record.urgency,
    priority: record.priority,
    status: record.status,
    onHoldReason: record.onHoldReason,
    resolutionCode: record.resolutionCode,
    resolutionNotes: record.resolutionNotes,
    major: record.major,
    parentId: optionalId('INC', record.parentSeq),
    problemId: optionalId('PRB', record.problemSeq),
    causedByChangeId: optionalId('CHG', record.causedByChangeSeq),
    source: record.source,
    externalId: record.externalId,
    signature: record.signature,
    incidentManager: record.incidentManager,
    outageStart: record.outageStart?.toISOString() ?? null,
    outageEnd: record.outageEnd?.toISOString() ?? null,
    postIncidentReview: record.postIncidentReview,
    impactedServices: impactedServicesOf(record.impactedServices),
    sla: { response: clock('response'), resolution: clock('resolution') },
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** `<prefix>-<seq>`, or null. */
export function optionalId(prefix: string, seq: number | null): string | null {
  return seq === null ? null : `${prefix}-${seq}`;
}

/** The stored impact analysis snapshot as a list of entity refs. */
export function impactedServicesOf(value: unknown): string[] {
  return Array.isArray(value) ? (value as string[]) : [];
}

/**
 * The wire name and value of a stored business field, as history events
 * record them: ids instead of sequence numbers, ISO instants.
 */
export function wireField(
  field: keyof IncidentFields,
  value: unknown,
): [string, unknown] {
  switch (field) {
    case 'parentSeq':
      return ['parentId', optionalId('INC', value as number | null)];
    case 'problemSeq':
      return ['problemId', optionalId('PRB', value as number | null)];
    case 'causedByChangeSeq':
      return ['causedByChangeId', optionalId('CHG', value as number | null)];
    case 'impactedServices':
      return [field, impactedServicesOf(value)];
    default:
      return [field, value instanceof Date ? value.toISOString() : value];
  }
}
