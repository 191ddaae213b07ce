import type { Complaint } from '@backstage-itsm/plugin-itsm-common';
import type { ComplaintFields, ComplaintRecord } from './ComplaintStore';
import { complaintRecordType } from './complaintRecordType';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A stored complaint as the API sends it. */
export function toComplaint(record: ComplaintRecord): Complaint {
  return {
    id: complaintRecordType.id(record.seq),
    version: record.version,
    title: record.title,
    description: record.description,
    entityRef: record.entityRef,
    complainant: record.complainant,
    owner: record.owner,
    channel: record.channel,
    category: record.category,
    status: record.status,
    response: record.response,
    escalatedAt: iso(record.escalatedAt),
    resolvedAt: iso(record.resolvedAt),
    closedAt: iso(record.closedAt),
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** A value as history shows it: dates as ISO strings. */
function historyValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value ?? null;
}

/**
 * The `[from, to]` pairs of the fields a write changes, for the history and for telling a
 * no-op from a write.
 */
export function complaintChanges(
  before: ComplaintFields,
  changes: Partial<ComplaintFields>,
): Record<string, [unknown, unknown]> {
  const result: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const from = historyValue(before[key as keyof ComplaintFields]);
    const to = historyValue(value);
    if (from !== to) {
      result[key] = [from, to];
    }
  }
  return result;
}
