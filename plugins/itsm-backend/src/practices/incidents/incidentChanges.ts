import { isDeepStrictEqual } from 'node:util';
import type { IncidentFields } from './IncidentStore';
import { wireField } from './incidentViews';

/** Stored fields that the wire shows (resolvedAt and closedAt are bookkeeping). */
const WIRE_FIELDS: Array<keyof IncidentFields> = [
  'title',
  'description',
  'entityRef',
  'affectedEntityRefs',
  'reporter',
  'assignee',
  'assignmentGroup',
  'category',
  'subcategory',
  'impact',
  'urgency',
  'priority',
  'status',
  'onHoldReason',
  'resolutionCode',
  'resolutionNotes',
  'major',
  'parentSeq',
  'problemSeq',
  'causedByChangeSeq',
  'source',
  'externalId',
  'signature',
  'incidentManager',
  'outageStart',
  'outageEnd',
  'postIncidentReview',
  'impactedServices',
];

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return (
      a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
    );
  }
  return isDeepStrictEqual(a, b);
}

/** The fields of `next` whose values differ from `current`. */
export function changedFields(
  current: IncidentFields,
  next: Partial<IncidentFields>,
): Partial<IncidentFields> {
  const changed: Partial<IncidentFields> = {};
  for (const [key, value] of Object.entries(next) as Array<
    [keyof IncidentFields, unknown]
  >) {
    if (value !== undefined && !same(current[key], value)) {
      (changed as Record<string, unknown>)[key] = value;
    }
  }
  return changed;
}

/** A history event's `changes`: `{ wireField: [from, to] }` for each changed field. */
export function historyChanges(
  current: IncidentFields,
  changed: Partial<IncidentFields>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(changed) as Array<keyof IncidentFields>) {
    const [name, from] = wireField(key, current[key]);
    changes[name] = [from, wireField(key, changed[key])[1]];
  }
  return changes;
}

/** The create event lists every business field on the wire as `[null, value]`. */
export function creationChanges(
  incident: IncidentFields,
): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    WIRE_FIELDS.map(key => {
      const [name, value] = wireField(key, incident[key]);
      return [name, [null, value]];
    }),
  );
}
