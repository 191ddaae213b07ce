/**
 * The complaint lifecycle's statuses (DESIGN §3 "Complaints"): raised `open`, `investigating`
 * by its owner, `resolved` with a response, and `closed` (final). A complainant who is not
 * satisfied with the response sends a resolved complaint back to `investigating`.
 *
 * @public
 */
export const COMPLAINT_STATUSES = [
  'open',
  'investigating',
  'resolved',
  'closed',
] as const;

/** @public */
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Statuses in which a complaint still waits for an answer (and may be escalated). @public */
export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = [
  'open',
  'investigating',
];

/** How a complaint reached the service. @public */
export const COMPLAINT_CHANNELS = [
  'portal',
  'email',
  'phone',
  'meeting',
  'service_review',
  'other',
] as const;

/** @public */
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/**
 * A complaint against a service (`CMP-n`), as the API sends it.
 *
 * @public
 */
export interface Complaint {
  id: string;
  version: number;
  title: string;
  /** Markdown. */
  description: string;
  /** The service complained about, lowercase canonical. */
  entityRef: string;
  /** Who raised it (the caller of the create), lowercase. */
  complainant: string;
  /** The user or group answering it; the service owner unless reassigned. */
  owner: string | null;
  channel: ComplaintChannel | null;
  category: string | null;
  status: ComplaintStatus;
  /** The answer to the complainant (Markdown); required to resolve. */
  response: string | null;
  /** When the escalation job escalated it (not resolved in time); set once. */
  escalatedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/**
 * Channel of one complaint's live updates: a `RecordSignal` on every write.
 *
 * @public
 */
export function complaintSignalChannel(id: string): string {
  return `itsm:complaint:${id}`;
}

/** Channel of all complaints: a `RecordSignal` on every complaint write. @public */
export const COMPLAINTS_SIGNAL_CHANNEL = 'itsm:complaints';
