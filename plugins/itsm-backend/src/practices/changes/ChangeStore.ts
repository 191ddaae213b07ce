import {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';
import type {
  ApprovalDecision,
  ChangeConflict,
  ChangeOutcome,
  ChangeStatus,
  ChangeType,
  PostImplementationReview,
  RequiredApproval,
  RiskLevel,
} from '@backstage-itsm/plugin-itsm-common';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type { ChangePermissionFilter } from './changePermissionResource';

/** A catalog entity a change affects, with what filters and permission rules need. */
export interface ChangeEntity {
  /** Lowercase canonical entity ref. */
  entityRef: string;
  ownerRef: string | null;
  systemRef: string | null;
}

/** The business fields of a change as stored. */
export interface ChangeFields {
  type: ChangeType;
  status: ChangeStatus;
  planRevision: number;
  title: string;
  justification: string;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  actualStart: Date | null;
  actualEnd: Date | null;
  implementationPlan: string | null;
  backoutPlan: string | null;
  testPlan: string | null;
  riskAnswers: Record<string, string>;
  risk: RiskLevel | null;
  riskReasons: string[];
  requiredApprovals: RequiredApproval[];
  conflicts: ChangeConflict[];
  outcome: ChangeOutcome | null;
  review: PostImplementationReview | null;
  /** User ref, lowercase. */
  requester: string;
  templateSeq: number | null;
  templateVersion: number | null;
}

/** One stored vote. */
export interface ApprovalRecord {
  approver: string;
  decision: ApprovalDecision;
  comment: string | null;
  at: Date;
  planRevision: number;
}

/** A stored change with its bookkeeping, entities and votes (oldest first). */
export interface ChangeRecord extends ChangeFields {
  seq: number;
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
  /** Sorted by entity ref. */
  entities: ChangeEntity[];
  approvals: ApprovalRecord[];
}

/** Filters and paging of a change list; multi-value filters match any value. */
export interface ChangeListOptions {
  /** Lowercase refs of affected entities. */
  entityRefs?: string[];
  statuses?: string[];
  types?: string[];
  risks?: string[];
  requesters?: string[];
  /** Free text in title and justification. */
  q?: string;
  permissionFilter?: PermissionCriteria<ChangePermissionFilter>;
  limit: number;
  cursor?: string;
  order: 'asc' | 'desc';
}

/** Changes whose planned window overlaps `[from, to)`. */
export interface ChangeWindowQuery {
  from: Date;
  to: Date;
  statuses: readonly string[];
  /** Any affected entity among these (lowercase). */
  entityRefs?: string[];
  /** Any affected entity owned by one of these groups (lowercase). */
  owners?: string[];
  /** Any affected entity part of one of these systems (lowercase). */
  systems?: string[];
  /** Leave these changes out. */
  excludeSeqs?: number[];
  permissionFilter?: PermissionCriteria<ChangePermissionFilter>;
  /** Safety bound on the number of rows. */
  limit: number;
}

/** One business write: applied only if the change is still at `expectedVersion`. */
export interface ChangeWrite {
  seq: number;
  expectedVersion: number;
  changes: Partial<ChangeFields>;
  /** When given, replace the stored entities. */
  entities?: ChangeEntity[];
  event: NewHistoryEvent;
}

/** The reads and writes available inside one transaction. */
export interface ChangeStoreTransaction {
  /**
   * The change, its row locked until the transaction ends (PostgreSQL, MySQL;
   * SQLite serialises writers), so concurrent votes are evaluated one after the other.
   */
  lockChange(seq: number): Promise<ChangeRecord | undefined>;

  /** Inserts a vote; a second vote on the same plan revision is a database conflict. */
  insertApproval(seq: number, approval: ApprovalRecord): Promise<void>;

  /** {@link ChangeStore.updateChange} inside this transaction. */
  updateChange(write: ChangeWrite): Promise<ChangeRecord>;
}

/** Recent finished changes on some entities, for the risk rule and the failure figures. */
export interface ChangeFailureCounts {
  /** Changes in review or closed whose actual end lies in the period. */
  total: number;
  /** Of those, with outcome failed or backed out, or named by an incident as its cause. */
  failed: number;
  /** Of those, named by at least one incident as its cause. */
  causedIncidents: number;
}

/**
 * Persistence of changes. Every write is one transaction that also appends its
 * history event; the store makes no business decisions.
 */
export interface ChangeStore {
  createChange(options: {
    change: ChangeFields;
    entities: ChangeEntity[];
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
  }): Promise<ChangeRecord>;

  /** One change; `undefined` when unknown or outside `permissionFilter`. */
  getChange(
    seq: number,
    options?: {
      permissionFilter?: PermissionCriteria<ChangePermissionFilter>;
    },
  ): Promise<ChangeRecord | undefined>;

  listChanges(options: ChangeListOptions): Promise<StorePage<ChangeRecord>>;

  /** Which of `seqs` exist and match the permission conditions, in one read. */
  permittedChangeSeqs(
    seqs: number[],
    permissionFilter: PermissionCriteria<ChangePermissionFilter>,
  ): Promise<number[]>;

  /** Changes overlapping a window, in one query, ordered by planned start. */
  listChangesInWindow(query: ChangeWindowQuery): Promise<ChangeRecord[]>;

  /**
   * Applies a business write if the change is still at `expectedVersion`
   * (`UPDATE ... WHERE seq = ? AND version = ?`), bumping the version; zero
   * rows throws `PreconditionFailedError`.
   */
  updateChange(write: ChangeWrite): Promise<ChangeRecord>;

  /** Runs `fn` in one transaction; it commits when `fn` resolves. */
  transaction<T>(fn: (tx: ChangeStoreTransaction) => Promise<T>): Promise<T>;

  /** History of one change, oldest first. */
  listHistory(options: {
    seq: number;
    limit: number;
    cursor?: string;
  }): Promise<StorePage<HistoryEventRecord>>;

  /** Failure figures of changes on any of `entityRefs` finished since `since`. */
  countFinishedChanges(options: {
    entityRefs: string[];
    since: Date;
    /** Count only the changes matching the caller's permission conditions. */
    permissionFilter?: PermissionCriteria<ChangePermissionFilter>;
  }): Promise<ChangeFailureCounts>;
}
