import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type {
  IncidentStatus,
  Priority,
} from '@backstage-itsm/plugin-itsm-common';
import type { SlaClockRecord } from './IncidentStore';

/** What a ledger row is unique on: one notification per record, clock, threshold and clock cycle. */
export interface LedgerKey {
  recordType: 'incident';
  recordSeq: number;
  clock: SlaClockRecord['clock'];
  /** Percent of the clock target. */
  threshold: number;
  /** The clock run; a re-targeted or restarted clock is a new cycle. */
  cycle: string;
}

/** A notification recorded in the ledger, with what to send. */
export interface LedgerEntry extends LedgerKey {
  id: number;
  /** Notification scope: resending with it updates the notification instead of adding one. */
  scope: string;
  /** Entity refs to notify (users or groups); may be empty. */
  recipients: string[];
  payload: NotificationPayload;
}

/** A running SLA clock of an open incident, with what escalation needs to know. */
export interface OpenIncidentClock {
  seq: number;
  version: number;
  title: string;
  priority: Priority;
  status: IncidentStatus;
  entityRef: string;
  assignmentGroup: string | null;
  /** Stored owner of the primary entity, lowercase. */
  ownerRef: string | null;
  clock: SlaClockRecord;
}

/** A history event the ledger writes beside its row; it keeps the record's version. */
export interface LedgerHistoryEvent {
  at: Date;
  actor: string;
  action: string;
  changes: Record<string, [unknown, unknown]>;
  comment?: string;
}

/**
 * The notification ledger (exactly-once escalations, SLA warnings and breaches)
 * and the reads the scheduled jobs make. Makes no business decisions.
 */
export interface LedgerStore {
  /**
   * Inserts the ledger row and appends the history event in one transaction,
   * without bumping the record's version. Returns undefined, writing nothing,
   * when the key is already in the ledger: then someone else notifies.
   */
  recordNotification(options: {
    key: LedgerKey;
    scope: string;
    recipients: string[];
    payload: NotificationPayload;
    event: LedgerHistoryEvent;
    now: Date;
  }): Promise<LedgerEntry | undefined>;

  /** Marks a ledger row as sent. */
  markNotified(options: { id: number; at: Date }): Promise<void>;

  /**
   * Takes over rows never marked as sent whose claim is older than
   * `claimedBefore` (a sender crashed or failed); each row goes to one caller only.
   */
  claimUnsent(options: {
    claimedBefore: Date;
    now: Date;
    limit: number;
  }): Promise<LedgerEntry[]>;

  /** The ledger keys already recorded for some records and a clock. */
  listKeys(options: {
    recordType: LedgerKey['recordType'];
    recordSeqs: number[];
    clock: LedgerKey['clock'];
  }): Promise<LedgerKey[]>;

  /** Unstopped clocks named `clock` of incidents in `statuses`, by seq, a page at a time. */
  listOpenIncidentClocks(options: {
    clock: SlaClockRecord['clock'];
    statuses: readonly IncidentStatus[];
    afterSeq: number;
    limit: number;
  }): Promise<OpenIncidentClock[]>;

  /** Resolved, non-major incidents resolved before `resolvedBefore`, by seq, a page at a time. */
  listAutoClosable(options: {
    resolvedBefore: Date;
    afterSeq: number;
    limit: number;
  }): Promise<Array<{ seq: number; version: number }>>;
}
