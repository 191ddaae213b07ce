import {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';
import type {
  IncidentSource,
  IncidentStatus,
  Level,
  OnHoldReason,
  PostIncidentReview,
  Priority,
  SlaClockState,
} from '@backstage-itsm/plugin-itsm-common';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type { IncidentPermissionFilter } from './incidentPermissionResource';

/** Kinds of records that share the entity, history and clock tables. */
export type RecordType = 'incident';

/** A persisted SLA clock: its target and calendar, and its state as last evaluated. */
export interface SlaClockRecord {
  clock: 'response' | 'resolution';
  targetMs: number;
  calendarId: string;
  startedAt: Date;
  stoppedAt: Date | null;
  pauses: Array<{ from: Date; to?: Date }>;
  state: SlaClockState;
  dueAt: Date | null;
  breachedAt: Date | null;
  evaluatedAt: Date;
  /**
   * The priority whose target the clock runs against: set when it starts or is re-targeted,
   * kept once it stopped (a later priority change does not move a decided clock). Absent on
   * records built before it existed: the incident's priority.
   */
  priority?: Priority;
  /** The SLA (seq and revision) the target came from; null or absent: the configured defaults. */
  slaSeq?: number | null;
  slaRevision?: number | null;
}

/** A catalog entity a record is attached to. */
export interface RecordEntity {
  /** Lowercase canonical entity ref. */
  entityRef: string;
  ownerRef: string | null;
  primary: boolean;
}

/** The business fields of an incident as stored. */
export interface IncidentFields {
  title: string;
  description: string;
  /** The service, lowercase canonical. */
  entityRef: string;
  affectedEntityRefs: string[];
  reporter: string;
  assignee: string | null;
  assignmentGroup: string | null;
  category: string | null;
  /** A subcategory of the category (null: none, or stored before subcategories). */
  subcategory: string | null;
  impact: Level;
  urgency: Level;
  priority: Priority;
  status: IncidentStatus;
  onHoldReason: OnHoldReason | null;
  resolutionCode: string | null;
  resolutionNotes: string | null;
  major: boolean;
  parentSeq: number | null;
  problemSeq: number | null;
  causedByChangeSeq: number | null;
  source: IncidentSource;
  externalId: string | null;
  /** What makes incidents the same thing happening again (null: stored before signatures). */
  signature: string | null;
  impactedServices: unknown;
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** Major incidents: who runs the response. */
  incidentManager: string | null;
  outageStart: Date | null;
  outageEnd: Date | null;
  postIncidentReview: PostIncidentReview | null;
}

/** A stored incident with its bookkeeping and clocks. */
export interface IncidentRecord extends IncidentFields {
  seq: number;
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  clocks: SlaClockRecord[];
  /** Owner of the primary entity as stored in `itsm_record_entities`, for permission rules. */
  serviceOwnerRef: string | null;
}

/** Filters and paging of an incident list; multi-value filters match any value. */
export interface IncidentListOptions {
  /** Lowercase canonical refs, matched against primary and affected entities. */
  entityRefs?: string[];
  statuses?: string[];
  priorities?: number[];
  assignees?: string[];
  assignmentGroups?: string[];
  major?: boolean;
  /** Caused by one of these changes. */
  causedByChangeSeqs?: number[];
  /** Free text searched in title and description. */
  q?: string;
  /** "My queue": assigned to `assignee`, or to one of `groups` (lowercase refs). */
  queue?: { assignee: string; groups: string[] };
  /** Criteria from a conditional permission decision. */
  permissionFilter?: PermissionCriteria<IncidentPermissionFilter>;
  limit: number;
  /** Opaque cursor from a previous page; an invalid one throws `InputError`. */
  cursor?: string;
  order: 'asc' | 'desc';
}

/** What service health is computed from, aggregated in the database. */
export interface EntityHealthRows {
  openByPriority: Partial<Record<Priority, number>>;
  activeMajorIncident: {
    seq: number;
    title: string;
    priority: Priority;
    createdAt: Date;
  } | null;
  /** Clocks of open incidents that have not stopped. */
  runningClocks: SlaClockRecord[];
  /** Stopped clocks of open incidents whose final state is breached. */
  stoppedBreachedClocks: number;
}

/** One business write: applied only if the record is still at `expectedVersion`. */
export interface IncidentWrite {
  seq: number;
  expectedVersion: number;
  /** Changed columns; affected entities change through `entities`. */
  changes: Partial<Omit<IncidentFields, 'affectedEntityRefs'>>;
  /** When given, replace the stored entities. */
  entities?: RecordEntity[];
  /** When given, replace the stored clocks of the same names. */
  clocks?: SlaClockRecord[];
  event: NewHistoryEvent;
}

/** The reads and writes available inside one transaction. */
export interface IncidentStoreTransaction {
  getIncident(seq: number): Promise<IncidentRecord | undefined>;

  /** Children of an incident in the given statuses, oldest first. */
  listChildren(
    parentSeq: number,
    statuses: readonly string[],
  ): Promise<IncidentRecord[]>;

  /**
   * Applies a business write if the record is still at `expectedVersion`
   * (`UPDATE ... WHERE seq = ? AND version = ?`), bumping the version; zero
   * rows throws `PreconditionFailedError`.
   */
  updateIncident(write: IncidentWrite): Promise<IncidentRecord>;
}

/**
 * Persistence of incidents. Every write is one transaction that also appends
 * its history event; the store makes no business decisions.
 */
export interface IncidentStore {
  /** Inserts an incident at version 1 with its entities, clocks and history event. */
  createIncident(options: {
    incident: IncidentFields;
    entities: RecordEntity[];
    clocks: SlaClockRecord[];
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
  }): Promise<IncidentRecord>;

  /** One incident; `undefined` when unknown or outside `permissionFilter`. */
  getIncident(
    seq: number,
    options?: {
      permissionFilter?: PermissionCriteria<IncidentPermissionFilter>;
    },
  ): Promise<IncidentRecord | undefined>;

  /** The incident raised from an outside system's alert, for deduplication. */
  findByExternalId(
    source: string,
    externalId: string,
  ): Promise<IncidentRecord | undefined>;

  listIncidents(
    options: IncidentListOptions,
  ): Promise<StorePage<IncidentRecord>>;

  /** {@link IncidentStoreTransaction.updateIncident} in a transaction of its own. */
  updateIncident(write: IncidentWrite): Promise<IncidentRecord>;

  /** Runs `fn` in one transaction; it commits when `fn` resolves. */
  transaction<T>(fn: (tx: IncidentStoreTransaction) => Promise<T>): Promise<T>;

  /**
   * Appends an event that is not a business write (a work note, a status
   * update) at the record's current version, if the record still matches
   * `where`. The row is locked while the event is written, so a concurrent
   * business write cannot slip in between. `undefined` when nothing matched.
   */
  appendEvent(options: {
    seq: number;
    where: { statuses: readonly string[]; major?: boolean };
    event: NewHistoryEvent;
  }): Promise<HistoryEventRecord | undefined>;

  /** History of one record, oldest first. */
  listHistory(options: {
    recordType: RecordType;
    recordSeq: number;
    limit: number;
    cursor?: string;
  }): Promise<StorePage<HistoryEventRecord>>;

  /** Aggregates over the incidents in `statuses` attached to an entity. */
  getEntityHealth(options: {
    entityRef: string;
    statuses: readonly string[];
    permissionFilter?: PermissionCriteria<IncidentPermissionFilter>;
  }): Promise<EntityHealthRows>;
}
