import { isDeepStrictEqual } from 'node:util';
import {
  Approval,
  Change,
  ChangeTemplate,
} from '@backstage-itsm/plugin-itsm-common';
import type { ApprovalRecord, ChangeFields, ChangeRecord } from './ChangeStore';
import type { ChangeTemplateRecord } from './ChangeTemplateStore';

// Wire forms of stored changes and templates, and the history changes of writes.

const CHANGE_ID = /^CHG-([1-9]\d{0,15})$/i;
const TEMPLATE_ID = /^STD-([1-9]\d{0,15})$/i;

function parseId(pattern: RegExp, id: string): number | undefined {
  const match = pattern.exec(id);
  const seq = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(seq) ? seq : undefined;
}

/** The wire id of a change, `CHG-<seq>`. */
export const changeId = (seq: number) => `CHG-${seq}`;

/** The sequence number of a `CHG-<n>` id, or undefined for anything else. */
export const parseChangeId = (id: string) => parseId(CHANGE_ID, id);

/** The wire id of a standard change template, `STD-<seq>`. */
export const templateId = (seq: number) => `STD-${seq}`;

/** The sequence number of an `STD-<n>` id, or undefined for anything else. */
export const parseTemplateId = (id: string) => parseId(TEMPLATE_ID, id);

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The wire form of a vote. */
export function toApproval(approval: ApprovalRecord): Approval {
  return { ...approval, at: approval.at.toISOString() };
}

/** The wire form of a stored change, without the per-request fields. */
export function toChange(record: ChangeRecord): Change {
  return {
    id: changeId(record.seq),
    version: record.version,
    planRevision: record.planRevision,
    type: record.type,
    title: record.title,
    justification: record.justification,
    entityRefs: record.entities.map(e => e.entityRef),
    plannedStart: iso(record.plannedStart),
    plannedEnd: iso(record.plannedEnd),
    actualStart: iso(record.actualStart),
    actualEnd: iso(record.actualEnd),
    implementationPlan: record.implementationPlan,
    backoutPlan: record.backoutPlan,
    testPlan: record.testPlan,
    riskAnswers: record.riskAnswers,
    risk: record.risk,
    riskReasons: record.riskReasons,
    status: record.status,
    templateId:
      record.templateSeq === null ? null : templateId(record.templateSeq),
    templateVersion: record.templateVersion,
    requester: record.requester,
    requiredApprovals: record.requiredApprovals,
    approvals: record.approvals.map(toApproval),
    conflicts: record.conflicts,
    outcome: record.outcome,
    review: record.review,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** The wire form of a stored template. */
export function toChangeTemplate(record: ChangeTemplateRecord): ChangeTemplate {
  return {
    id: templateId(record.seq),
    version: record.version,
    title: record.title,
    description: record.description,
    owner: record.owner,
    entityRefs: record.entityRefs,
    implementationPlan: record.implementationPlan,
    backoutPlan: record.backoutPlan,
    testPlan: record.testPlan,
    durationMinutes: record.durationMinutes,
    active: record.active,
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** The wire name and value of a stored change field, as history events record them. */
function wireField(
  field: keyof ChangeFields,
  value: unknown,
): [string, unknown] {
  if (field === 'templateSeq') {
    return ['templateId', value === null ? null : templateId(value as number)];
  }
  return [field, value instanceof Date ? value.toISOString() : value];
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return (
      a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
    );
  }
  return isDeepStrictEqual(a, b);
}

/** The fields of `next` whose values differ from `current`. */
export function changedChangeFields<T extends object>(
  current: T,
  next: Partial<T>,
): Partial<T> {
  const changed: Partial<T> = {};
  for (const [key, value] of Object.entries(next) as Array<[keyof T, any]>) {
    if (value !== undefined && !same(current[key], value)) {
      changed[key] = value;
    }
  }
  return changed;
}

/**
 * A history event's `changes` for a change: `{ wireField: [from, to] }`, with
 * `entityRefs` when the entities changed.
 */
export function changeHistory(
  current: ChangeFields & { entityRefs: string[] },
  changed: Partial<ChangeFields> & { entityRefs?: string[] },
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(changed) as Array<keyof ChangeFields>) {
    if ((key as string) === 'entityRefs') {
      changes.entityRefs = [current.entityRefs, changed.entityRefs];
      continue;
    }
    const [name, from] = wireField(key, current[key]);
    changes[name] = [from, wireField(key, changed[key])[1]];
  }
  return changes;
}

/** The create event lists every business field on the wire as `[null, value]`. */
export function changeCreationHistory(
  change: ChangeFields,
  entityRefs: string[],
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {
    entityRefs: [null, entityRefs],
  };
  for (const key of Object.keys(change) as Array<keyof ChangeFields>) {
    const [name, value] = wireField(key, change[key]);
    changes[name] = [null, value];
  }
  return changes;
}
