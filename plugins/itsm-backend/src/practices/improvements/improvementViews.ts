import {
  Improvement,
  ImprovementFigure,
  improvementScore,
  isImprovementOverdue,
} from '@backstage-itsm/plugin-itsm-common';
import { updatedChanges } from '../../records/rows';
import type {
  ImprovementFigureRecord,
  ImprovementRecord,
} from './ImprovementStore';
import { improvementRecordType } from './improvementRecordType';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toFigure(
  figure: ImprovementFigureRecord | null,
): ImprovementFigure | null {
  return figure
    ? {
        from: figure.from.toISOString(),
        to: figure.to.toISOString(),
        value: figure.value,
        n: figure.n,
        unit: figure.unit,
        measuredAt: figure.measuredAt.toISOString(),
      }
    : null;
}

/** A stored item as the API sends it; `overdue` as of `now`. */
export function toImprovement(
  record: ImprovementRecord,
  now: Date,
): Improvement {
  const item: Omit<Improvement, 'overdue'> = {
    id: improvementRecordType.id(record.seq),
    version: record.version,
    kind: record.kind,
    type: record.type,
    status: record.status,
    title: record.title,
    description: record.description,
    source: record.source,
    sourceId: record.sourceId,
    sourceKey: record.sourceKey,
    entityRefs: record.entityRefs,
    owner: record.owner,
    owningGroup: record.owningGroup,
    priority: improvementScore({
      benefit: record.benefit,
      effort: record.effort,
      urgency: record.urgency,
    }),
    targetDate: record.targetDate,
    nonconformity: record.nonconformity,
    correction: record.correction,
    rootCause: record.rootCause,
    effectivenessReview: record.effectivenessReview,
    kpi: record.kpi,
    baseline: toFigure(record.baseline),
    measured: toFigure(record.measured),
    goal: record.goal,
    verdict: record.verdict,
    evaluation: record.evaluation,
    approvedBy: record.approvedBy,
    approvedAt: iso(record.approvedAt),
    startedAt: iso(record.startedAt),
    implementedAt: iso(record.implementedAt),
    evaluatedAt: iso(record.evaluatedAt),
    closedAt: iso(record.closedAt),
    rejectedAt: iso(record.rejectedAt),
    rejectionReason: record.rejectionReason,
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    updatedAt: record.updatedAt.toISOString(),
  };
  return {
    ...item,
    overdue: isImprovementOverdue(item, now),
  };
}

/**
 * The `[from, to]` pairs of the wire fields that differ between two versions of an item, for
 * the history and for telling a no-op from a write (`overdue` is computed on read).
 */
export function improvementChanges(
  before: Improvement,
  after: Improvement,
): Record<string, [unknown, unknown]> {
  return updatedChanges(before, after, ['overdue']);
}
