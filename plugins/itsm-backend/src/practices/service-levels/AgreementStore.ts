import {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';
import type { Knex } from 'knex';
import type {
  ReviewCadence,
  ServiceLevelTargets,
  SupportingAgreementKind,
  WorkloadLimits,
} from '@backstage-itsm/plugin-itsm-common';

/** The terms of an SLA revision, exactly as stored in `terms` (incident targets read them). */
export interface SlaTerms {
  title: string;
  calendarId: string;
  /** Lowercase canonical group refs. */
  customerGroups: string[];
  targets: ServiceLevelTargets & { availabilityPercent: number };
  workloadLimits: WorkloadLimits;
  exceptions: string;
  reviewCadence: ReviewCadence;
}

/** The terms of an OLA or UC revision, exactly as stored in `terms`. */
export interface SupportingTerms {
  title: string;
  calendarId: string;
  targets: ServiceLevelTargets;
  workloadLimits: WorkloadLimits;
  exceptions: string;
  reviewCadence: ReviewCadence;
  /** Lowercase canonical group ref (OLAs). */
  internalGroup: string | null;
  supplier: string | null;
  contractRef: string | null;
}

/** `agreement_type` of the revisions table. */
export type AgreementType = 'sla' | 'supporting';

/** The header row of an agreement: the latest revision's terms and dates. */
export interface AgreementRecord<T> {
  seq: number;
  version: number;
  revision: number;
  /** Lowercase canonical entity ref. */
  entityRef: string;
  ownerRef: string | null;
  terms: T;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  lastReviewedAt: Date | null;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

/** A stored SLA. */
export type SlaRecord = AgreementRecord<SlaTerms>;

/** A stored OLA or UC with the SLAs it underpins. */
export interface SupportingAgreementRecord
  extends AgreementRecord<SupportingTerms> {
  kind: SupportingAgreementKind;
  /** Sequence numbers of the linked SLAs, ascending. */
  slaSeqs: number[];
}

/** One agreed revision; never edited but for closing it when the next one starts. */
export interface RevisionRecord<T> {
  revision: number;
  terms: T;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  createdAt: Date;
  createdBy: string;
}

/** A new agreement: its header fields, which also make revision 1. */
export interface NewAgreement<T> {
  entityRef: string;
  ownerRef: string | null;
  terms: T;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  lastReviewedAt: Date | null;
}

/** An edit of an agreement header, optionally adding a revision. */
export interface AgreementUpdate<T> {
  seq: number;
  expectedVersion: number;
  ownerRef?: string | null;
  lastReviewedAt?: Date | null;
  /** A new revision: the header takes its terms and dates. */
  revision?: RevisionRecord<T> & {
    /** Sets the previous revision's `effectiveTo` to this instant. */
    closePreviousAt?: Date;
  };
  at: Date;
  event: NewHistoryEvent;
}

/** Filters and paging of agreement lists, newest first unless `order` is `asc`. */
export interface AgreementListOptions {
  entityRefs?: string[];
  limit: number;
  cursor?: string;
  order: 'asc' | 'desc';
}

/**
 * Persistence of SLAs and supporting agreements (OLAs, UCs) with their revisions and
 * links. Every write appends its history event in the same transaction; updates apply only
 * at `expectedVersion` (else `PreconditionFailedError`).
 */
export interface AgreementStore {
  /** Creates an SLA with revision 1; `ConflictError` when the service already has one. */
  createSla(options: {
    sla: NewAgreement<SlaTerms>;
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
  }): Promise<SlaRecord>;

  getSla(seq: number): Promise<SlaRecord | undefined>;

  getSlaByEntity(entityRef: string): Promise<SlaRecord | undefined>;

  listSlas(options: AgreementListOptions): Promise<StorePage<SlaRecord>>;

  /** Those of `seqs` that are SLAs. */
  existingSlaSeqs(seqs: number[]): Promise<number[]>;

  updateSla(options: AgreementUpdate<SlaTerms>): Promise<SlaRecord>;

  /**
   * Records a service review of an SLA: `lastReviewedAt` moves to `reviewedAt` unless it is
   * already there or later, over the current version (a business write: the version goes up,
   * `event` is appended with the `lastReviewedAt` change; no new revision). Runs in `tx` when
   * given (the review's own close). Whether it moved.
   */
  recordSlaReview(options: {
    seq: number;
    reviewedAt: Date;
    at: Date;
    event: Omit<NewHistoryEvent, 'changes'>;
    tx?: Knex.Transaction;
  }): Promise<boolean>;

  createSupportingAgreement(options: {
    agreement: NewAgreement<SupportingTerms> & {
      kind: SupportingAgreementKind;
      slaSeqs: number[];
    };
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
  }): Promise<SupportingAgreementRecord>;

  getSupportingAgreement(
    seq: number,
  ): Promise<SupportingAgreementRecord | undefined>;

  listSupportingAgreements(
    options: AgreementListOptions & {
      slaSeqs?: number[];
      kinds?: SupportingAgreementKind[];
    },
  ): Promise<StorePage<SupportingAgreementRecord>>;

  /** Every supporting agreement linked to the SLA, oldest first. */
  listSupportingAgreementsOfSla(
    slaSeq: number,
  ): Promise<SupportingAgreementRecord[]>;

  updateSupportingAgreement(
    options: AgreementUpdate<SupportingTerms> & { slaSeqs?: number[] },
  ): Promise<SupportingAgreementRecord>;

  /** Every revision, oldest first. */
  listRevisions<T>(options: {
    type: AgreementType;
    seq: number;
  }): Promise<RevisionRecord<T>[]>;

  listHistory(options: {
    type: AgreementType;
    seq: number;
    limit: number;
    cursor?: string;
  }): Promise<StorePage<HistoryEventRecord>>;
}
