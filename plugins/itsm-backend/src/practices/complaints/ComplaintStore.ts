import type {
  ComplaintChannel,
  ComplaintStatus,
} from '@backstage-itsm/plugin-itsm-common';

/** The fields of a complaint a write sets (everything but keys, version and timestamps). */
export interface ComplaintFields {
  status: ComplaintStatus;
  title: string;
  description: string;
  /** Lowercase canonical. */
  entityRef: string;
  /** Lowercase. */
  complainant: string;
  owner: string | null;
  channel: ComplaintChannel | null;
  category: string | null;
  response: string | null;
  escalatedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
}

/** A stored complaint. */
export interface ComplaintRecord extends ComplaintFields {
  seq: number;
  version: number;
  /** Owner of its service as last stored (lowercase), for the service-owner rule. */
  serviceOwnerRef: string | null;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

/** The notification an escalation records in the ledger and sends once. */
export interface ComplaintEscalationNotice {
  /** The ledger row, to mark it sent. */
  ledgerId: number;
  scope: string;
  recipients: string[];
}

/** Counts of a service's complaints in a period, as the summary reports them. */
export interface ComplaintCounts {
  raised: number;
  open: number;
  resolved: number;
  escalated: number;
}
