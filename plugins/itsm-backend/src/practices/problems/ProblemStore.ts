import type {
  ContributingFactor,
  KnownErrorMatchRules,
  KnownErrorStatus,
  Level,
  Priority,
  ProblemClosureCode,
  ProblemDetection,
  ProblemOrigin,
  ProblemStatus,
  RcaEntry,
  RcaMethod,
} from '@backstage-itsm/plugin-itsm-common';
import type { FiledEntity } from '../../records/entities';

/** The fields of a problem a write sets (everything but keys, version and timestamps). */
export interface ProblemFields {
  status: ProblemStatus;
  title: string;
  statement: string;
  /** Lowercase canonical refs; the first is the primary. */
  entityRefs: string[];
  category: string | null;
  signature: string | null;
  impact: Level;
  urgency: Level;
  priority: Priority;
  owner: string | null;
  assignmentGroup: string | null;
  origin: ProblemOrigin;
  detection: ProblemDetection | null;
  rcaMethod: RcaMethod | null;
  rcaNotes: RcaEntry[];
  contributingFactors: ContributingFactor[];
  rootCause: string | null;
  workaround: string | null;
  targetDate: string | null;
  closureCode: ProblemClosureCode | null;
  cancelReason: string | null;
  resolvedAt: Date | null;
  observationUntil: Date | null;
  closedAt: Date | null;
}

/** A stored problem. */
export interface ProblemRecord extends ProblemFields {
  seq: number;
  version: number;
  /** Owners of its entities (lowercase), for the service-owner rule. */
  entityOwnerRefs: string[];
  incidentCount: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

/** A catalog entity of a record, with its owner when it was attached. */
export type ProblemEntity = FiledEntity;

/** The fields of a known error a write sets. */
export interface KnownErrorFields {
  status: KnownErrorStatus;
  title: string;
  symptom: string;
  rootCause: string;
  workaround: string;
  entityRefs: string[];
  matchRules: KnownErrorMatchRules;
  reviewBy: string | null;
}

/** A stored known error. */
export interface KnownErrorRecord extends KnownErrorFields {
  seq: number;
  version: number;
  problemSeq: number | null;
  offeredCount: number;
  appliedCount: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

/** A detection proposal, as the job stores it. */
export interface CandidateKey {
  detectionKey: string;
  window: Date;
}
