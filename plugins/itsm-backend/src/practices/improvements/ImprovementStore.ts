import type {
  ImprovementFigure,
  ImprovementKind,
  ImprovementKpi,
  ImprovementSource,
  ImprovementStatus,
  ImprovementType,
  ImprovementVerdict,
} from '@backstage-itsm/plugin-itsm-common';
import type { FiledEntity } from '../../records/entities';

/** A KPI figure as stored: `[from, to)`, value, n, unit and when it was measured. */
export interface ImprovementFigureRecord {
  from: Date;
  to: Date;
  value: number | null;
  n: number;
  unit: ImprovementFigure['unit'];
  measuredAt: Date;
}

/** The fields of an improvement item a write sets (everything but keys, services and timestamps). */
export interface ImprovementFields {
  kind: ImprovementKind;
  type: ImprovementType;
  status: ImprovementStatus;
  title: string;
  description: string;
  source: ImprovementSource;
  sourceId: string | null;
  sourceKey: string | null;
  /** Lowercase. */
  owner: string | null;
  /** Lowercase. */
  owningGroup: string | null;
  benefit: number;
  effort: number;
  urgency: number;
  targetDate: string | null;
  nonconformity: string | null;
  correction: string | null;
  rootCause: string | null;
  effectivenessReview: string | null;
  kpi: ImprovementKpi | null;
  baseline: ImprovementFigureRecord | null;
  measured: ImprovementFigureRecord | null;
  /** When the measurement window ends (set on implementation of an item with a KPI). */
  measureDueAt: Date | null;
  goal: number | null;
  verdict: ImprovementVerdict | null;
  evaluation: string | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  startedAt: Date | null;
  implementedAt: Date | null;
  evaluatedAt: Date | null;
  closedAt: Date | null;
  rejectedAt: Date | null;
  rejectionReason: string | null;
}

/** A service of an item with its owner when it was attached (lowercase). */
export type ImprovementEntity = FiledEntity;

/** A stored improvement item. */
export interface ImprovementRecord extends ImprovementFields {
  seq: number;
  version: number;
  /** Its services, the first one first (lowercase canonical). */
  entityRefs: string[];
  /** The stored owners of its services (lowercase), for the service-owner rule. */
  entityOwnerRefs: string[];
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

/** Open items on an entity and how many of them are overdue (the service health card). */
export interface ImprovementCounts {
  open: number;
  overdue: number;
}
