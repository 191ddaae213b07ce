import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type {
  IncidentStatus,
  Priority,
} from '@backstage-itsm/plugin-itsm-common';
import type { SlaClockRecord } from '../incidents/IncidentStore';

/** Why a ledger row was written: an escalation, an SLA warning or an SLA breach. */
export type LedgerPurpose = 'escalation' | 'warning' | 'breach';

/** What a ledger row is unique on: one notification per record, clock, purpose, threshold and clock cycle. */
export interface LedgerKey {
  recordType: 'incident';
  recordSeq: number;
  clock: SlaClockRecord['clock'];
  purpose: LedgerPurpose;
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
  assignee: string | null;
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

/** A breach register row the monitor job writes with its ledger row. */
export interface NewBreachRow {
  priority: Priority;
  /** Lowercase canonical. */
  entityRef: string;
  slaSeq: number | null;
  slaRevision: number | null;
  targetMs: number;
  calendarId: string;
  breachedAt: Date;
}

/**
 * The clock a breach was evaluated on is no longer stored that way (it stopped, restarted
 * or was re-targeted in between); nothing was written and the next run sees the new clock.
 */
export class ClockChangedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClockChangedError';
  }
}

/** A clock that stopped after its due instant, with no breach register row yet. */
export type StoppedBreachedClock = OpenIncidentClock;

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

  /**
   * Records a breach: the ledger row (purpose 'breach'), the breach register row with its
   * `create` history event (record type 'breach', version 1, at and by `event`'s at and
   * actor, every wire field as `[null, value]`), the clock's bookkeeping (state, due, breach
   * and decision instants; stopped clocks stay as they are) and the incident's history
   * event, in one transaction without bumping the incident's version.
   * Undefined, writing nothing, when the ledger already holds the key.
   * Throws {@link ClockChangedError}, writing nothing, when a running `clock` is no longer
   * stored as evaluated (stopped, restarted or re-targeted since it was read).
   */
  recordBreach(options: {
    key: LedgerKey;
    scope: string;
    recipients: string[];
    payload: NotificationPayload;
    event: LedgerHistoryEvent;
    breach: NewBreachRow;
    /** The evaluated clock to store, for clocks still running. */
    clock?: SlaClockRecord;
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
    purposes: readonly LedgerPurpose[];
  }): Promise<LedgerKey[]>;

  /**
   * Clocks of non-cancelled incidents that stopped breached with `decidedAt >= decidedSince`
   * and have no breach register row for that breach, a page at a time by seq and clock.
   */
  listStoppedBreachedClocks(options: {
    decidedSince: Date;
    /** Where the previous page ended. */
    after?: { seq: number; clock: SlaClockRecord['clock'] };
    limit: number;
  }): Promise<StoppedBreachedClock[]>;

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
