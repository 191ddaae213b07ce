import { toDate, toOptionalDate } from '../../records/rows';
import type { Priority } from '@backstage-itsm/plugin-itsm-common';
import type { IncidentFields, SlaClockRecord } from './IncidentStore';

// Conversions between records and table rows. Drivers differ in what they
// return: Date (PostgreSQL), epoch ms (SQLite), strings for bigint and counts.

/** Columns of `itsm_incidents` for each business field. */
export const INCIDENT_COLUMNS: Record<
  keyof IncidentFields,
  string | undefined
> = {
  title: 'title',
  description: 'description',
  entityRef: 'entity_ref',
  affectedEntityRefs: undefined, // itsm_record_entities
  reporter: 'reporter',
  assignee: 'assignee',
  assignmentGroup: 'assignment_group',
  category: 'category',
  subcategory: 'subcategory',
  impact: 'impact',
  urgency: 'urgency',
  priority: 'priority',
  status: 'status',
  onHoldReason: 'on_hold_reason',
  resolutionCode: 'resolution_code',
  resolutionNotes: 'resolution_notes',
  major: 'major',
  parentSeq: 'parent_seq',
  problemSeq: 'problem_seq',
  causedByChangeSeq: 'caused_by_change_seq',
  source: 'source',
  externalId: 'external_id',
  signature: 'signature',
  impactedServices: 'impacted_services',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  incidentManager: 'incident_manager',
  outageStart: 'outage_start',
  outageEnd: 'outage_end',
  postIncidentReview: 'post_incident_review',
};

/** Fields stored as JSON text. */
const JSON_FIELDS = new Set<string>(['impactedServices', 'postIncidentReview']);

/** @internal */
export function incidentFieldsToRow(
  fields: Partial<IncidentFields>,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const column = INCIDENT_COLUMNS[key as keyof IncidentFields];
    if (column === undefined || value === undefined) {
      continue;
    }
    row[column] =
      JSON_FIELDS.has(key) && value !== null ? JSON.stringify(value) : value;
  }
  return row;
}

/** @internal */
export function rowToIncidentFields(
  row: Record<string, any>,
  affectedEntityRefs: string[],
): IncidentFields {
  const optionalNumber = (v: unknown) => (v === null ? null : Number(v));
  return {
    title: row.title,
    description: row.description,
    entityRef: row.entity_ref,
    affectedEntityRefs,
    reporter: row.reporter,
    assignee: row.assignee,
    assignmentGroup: row.assignment_group,
    category: row.category,
    subcategory: row.subcategory ?? null,
    impact: Number(row.impact) as IncidentFields['impact'],
    urgency: Number(row.urgency) as IncidentFields['urgency'],
    priority: Number(row.priority) as IncidentFields['priority'],
    status: row.status,
    onHoldReason: row.on_hold_reason,
    resolutionCode: row.resolution_code,
    resolutionNotes: row.resolution_notes,
    major: Boolean(row.major),
    parentSeq: optionalNumber(row.parent_seq),
    problemSeq: optionalNumber(row.problem_seq),
    causedByChangeSeq: optionalNumber(row.caused_by_change_seq),
    source: row.source,
    externalId: row.external_id,
    signature: row.signature ?? null,
    impactedServices:
      row.impacted_services === null ? null : JSON.parse(row.impacted_services),
    resolvedAt: toOptionalDate(row.resolved_at),
    closedAt: toOptionalDate(row.closed_at),
    incidentManager: row.incident_manager ?? null,
    outageStart: toOptionalDate(row.outage_start),
    outageEnd: toOptionalDate(row.outage_end),
    postIncidentReview:
      row.post_incident_review === null ||
      row.post_incident_review === undefined
        ? null
        : JSON.parse(row.post_incident_review),
  };
}

/**
 * The columns a clock row copies from its record for SLA reports: the record's current
 * priority, and whether the clock counts: cancelled records are left out of reports, except
 * for a clock that had already breached (a recorded breach counts until it is waived).
 * @internal
 */
export function clockRecordColumns(
  record: { priority: number; status: string },
  clock?: { breachedAt: Date | null },
): { priority: number; counts: boolean } {
  return {
    priority: Number(record.priority),
    counts: record.status !== 'cancelled' || Boolean(clock?.breachedAt),
  };
}

/**
 * A clock row; `waived` is not written here (a new row starts unwaived and an existing
 * one keeps its flag): it follows the breach register (see `KnexIncidentStore`).
 * @internal
 */
export function clockToRow(
  recordType: string,
  recordSeq: number,
  clock: SlaClockRecord,
  record: { entityRef: string | null; priority: number; status: string },
): Record<string, unknown> {
  return {
    record_type: recordType,
    record_seq: recordSeq,
    entity_ref: record.entityRef,
    ...clockRecordColumns(record, clock),
    // The clock's own priority when it carries one (see SlaClockRecord.priority).
    ...(clock.priority === undefined ? {} : { priority: clock.priority }),
    sla_seq: clock.slaSeq ?? null,
    sla_revision: clock.slaRevision ?? null,
    // What SLA reports count by: a breached clock is decided at its breach, a met one at its stop.
    decided_at: clock.breachedAt ?? clock.stoppedAt,
    clock: clock.clock,
    target_ms: clock.targetMs,
    calendar_id: clock.calendarId,
    started_at: clock.startedAt,
    stopped_at: clock.stoppedAt,
    pauses: JSON.stringify(
      clock.pauses.map(p => ({
        from: p.from.toISOString(),
        ...(p.to ? { to: p.to.toISOString() } : {}),
      })),
    ),
    state: clock.state,
    due_at: clock.dueAt,
    breached_at: clock.breachedAt,
    evaluated_at: clock.evaluatedAt,
  };
}

/** @internal */
export function rowToClock(row: Record<string, any>): SlaClockRecord {
  const pauses = JSON.parse(row.pauses) as Array<{ from: string; to?: string }>;
  return {
    clock: row.clock,
    targetMs: Number(row.target_ms),
    calendarId: row.calendar_id,
    startedAt: toDate(row.started_at),
    stoppedAt: toOptionalDate(row.stopped_at),
    pauses: pauses.map(p => ({
      from: new Date(p.from),
      ...(p.to ? { to: new Date(p.to) } : {}),
    })),
    state: row.state,
    dueAt: toOptionalDate(row.due_at),
    breachedAt: toOptionalDate(row.breached_at),
    evaluatedAt: toDate(row.evaluated_at),
    slaSeq:
      row.sla_seq === null || row.sla_seq === undefined
        ? null
        : Number(row.sla_seq),
    ...(row.priority === null || row.priority === undefined
      ? {}
      : { priority: Number(row.priority) as Priority }),
    slaRevision:
      row.sla_revision === null || row.sla_revision === undefined
        ? null
        : Number(row.sla_revision),
  };
}
