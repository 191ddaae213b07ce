import type {
  ReviewActionStatus,
  ReviewAgendaItem,
  ReviewDecision,
  ReviewStatus,
} from '@backstage-itsm/plugin-itsm-common';

/** The fields of a review a write sets (everything but keys, version and timestamps). */
export interface ReviewFields {
  status: ReviewStatus;
  title: string;
  /** Lowercase canonical. */
  entityRef: string;
  slaSeq: number;
  periodFrom: Date;
  periodTo: Date;
  scheduledFor: Date;
  /** Lowercase entity refs. */
  attendees: string[];
  agenda: ReviewAgendaItem[];
  minutes: string;
  decisions: ReviewDecision[];
  heldAt: Date | null;
  cancelReason: string | null;
  packFrozenAt: Date | null;
  packHash: string | null;
  packGeneratorVersion: string | null;
  signedOffBy: string | null;
  signedOffAt: Date | null;
  signOffComment: string | null;
  closedAt: Date | null;
}

/** A stored review. */
export interface ReviewRecord extends ReviewFields {
  seq: number;
  version: number;
  /** Owner of the service when it was last refreshed (lowercase), for the service-owner rule. */
  ownerRef: string | null;
  /** The SLA's customer groups stored with the review (lowercase), for the customer rule. */
  customerGroups: string[];
  openActionCount: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

/** The fields of an action a write sets. */
export interface ReviewActionFields {
  title: string;
  /** Lowercase entity ref. */
  owner: string;
  dueDate: string | null;
  status: ReviewActionStatus;
  note: string | null;
  recordId: string | null;
  completedAt: Date | null;
}

/** A stored action, with what it shows of its review. */
export interface ReviewActionRecord extends ReviewActionFields {
  seq: number;
  reviewSeq: number;
  number: number;
  version: number;
  /** The reviewed service. */
  entityRef: string;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

/** An unheld review the scheduling job may announce, with its service's stored owner. */
export interface ReviewNoticeCandidate {
  seq: number;
  title: string;
  entityRef: string;
  ownerRef: string | null;
  status: ReviewStatus;
  scheduledFor: Date;
}

/** An open action the scheduling job may remind its owner of. */
export interface ReviewActionNoticeCandidate {
  seq: number;
  reviewSeq: number;
  number: number;
  title: string;
  owner: string;
  dueDate: string | null;
  status: ReviewActionStatus;
  entityRef: string;
}
