import {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';
import type { SlaBreach } from '@backstage-itsm/plugin-itsm-common';
import type { Knex } from 'knex';

/** A breach register row with what the domain rules need besides the wire record. */
export interface BreachRecord {
  seq: number;
  breach: SlaBreach;
  /** Stored owner of the incident's service, lowercase; null when unknown. */
  ownerRef: string | null;
}

/** Filters and paging of the breach register; newest first. */
export interface BreachListOptions {
  /** Lowercase canonical refs. */
  entityRefs?: string[];
  recordSeq?: number;
  clock?: 'response' | 'resolution';
  /** On `breachedAt`, `[from, to)`. */
  from?: Date;
  to?: Date;
  waived?: boolean;
  limit: number;
  cursor?: string;
}

/** The editable columns of a breach; `undefined` leaves a column as it is. */
export interface BreachChanges {
  cause?: string | null;
  action?: string | null;
  improvementId?: string | null;
  waiver?: { reason: string; approver: string; at: Date } | null;
}

/** The breach register (`itsm_sla_breaches`). Makes no business decisions. */
export interface BreachStore {
  list(options: BreachListOptions): Promise<StorePage<SlaBreach>>;
  /** One breach; inside `tx` when given (a write of another record that names it). */
  get(seq: number, tx?: Knex.Transaction): Promise<BreachRecord | undefined>;
  /**
   * Applies `changes` if the row is still at `expectedVersion`, bumping the version and
   * appending the history event (record type 'breach'); false, writing nothing, when stale.
   */
  update(options: {
    seq: number;
    expectedVersion: number;
    changes: BreachChanges;
    event: NewHistoryEvent;
    now: Date;
    /** The transaction of a write of another record this one is part of. */
    tx?: Knex.Transaction;
  }): Promise<boolean>;
  /** A page of the breach's history (record type 'breach'), oldest first. */
  listHistory(options: {
    seq: number;
    limit: number;
    cursor?: string;
  }): Promise<StorePage<HistoryEventRecord>>;
}
