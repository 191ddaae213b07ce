import type { KnownError, Problem } from '@backstage-itsm/plugin-itsm-common';
import type {
  KnownErrorFields,
  KnownErrorRecord,
  ProblemFields,
  ProblemRecord,
} from './ProblemStore';
import { problemRecordType, knownErrorRecordType } from './problemRecordTypes';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A stored problem as the API sends it. */
export function toProblem(record: ProblemRecord): Problem {
  return {
    id: problemRecordType.id(record.seq),
    version: record.version,
    title: record.title,
    statement: record.statement,
    entityRefs: record.entityRefs,
    category: record.category,
    signature: record.signature,
    impact: record.impact,
    urgency: record.urgency,
    priority: record.priority,
    status: record.status,
    owner: record.owner,
    assignmentGroup: record.assignmentGroup,
    origin: record.origin,
    detection: record.detection,
    rcaMethod: record.rcaMethod,
    rcaNotes: record.rcaNotes,
    contributingFactors: record.contributingFactors,
    rootCause: record.rootCause,
    workaround: record.workaround,
    targetDate: record.targetDate,
    closureCode: record.closureCode,
    cancelReason: record.cancelReason,
    resolvedAt: iso(record.resolvedAt),
    observationUntil: iso(record.observationUntil),
    closedAt: iso(record.closedAt),
    incidentCount: record.incidentCount,
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** A stored known error as the API sends it. */
export function toKnownError(record: KnownErrorRecord): KnownError {
  return {
    id: knownErrorRecordType.id(record.seq),
    version: record.version,
    title: record.title,
    symptom: record.symptom,
    rootCause: record.rootCause,
    workaround: record.workaround,
    entityRefs: record.entityRefs,
    matchRules: record.matchRules,
    status: record.status,
    reviewBy: record.reviewBy,
    problemId:
      record.problemSeq === null
        ? null
        : problemRecordType.id(record.problemSeq),
    offeredCount: record.offeredCount,
    appliedCount: record.appliedCount,
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
 * The `[from, to]` pairs of the fields a write changes (deep-compared), for the history and
 * for telling a no-op from a write.
 */
export function fieldChanges<T extends ProblemFields | KnownErrorFields>(
  before: T,
  changes: Partial<T>,
): Record<string, [unknown, unknown]> {
  const result: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const from = historyValue(
      (before as unknown as Record<string, unknown>)[key],
    );
    const to = historyValue(value);
    if (JSON.stringify(from) !== JSON.stringify(to)) {
      result[key] = [from, to];
    }
  }
  return result;
}
