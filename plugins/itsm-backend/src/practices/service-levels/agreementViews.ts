import { isDeepStrictEqual } from 'node:util';
import {
  AgreementRevision,
  HistoryEvent,
  Page,
  SUPPORTING_AGREEMENT_KINDS,
  ServiceLevelAgreement,
  SupportingAgreement,
  SupportingAgreementKind,
  nextReviewDate,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import type {
  AgreementRecord,
  AgreementStore,
  AgreementType,
  RevisionRecord,
  SlaRecord,
  SupportingAgreementRecord,
} from './AgreementStore';
import { toHistoryEvent } from '../../records/rows';

// Wire forms of stored agreements, their ids, and the query schemas of their lists.

const SLA_ID = /^SLA-([1-9]\d{0,15})$/i;
const SUPPORTING_ID = /^(OLA|UC)-([1-9]\d{0,15})$/i;

/** The wire id of an SLA, `SLA-<seq>`. */
export const slaId = (seq: number) => `SLA-${seq}`;

/** The sequence number of an `SLA-<n>` id, or undefined for anything else. */
export function parseSlaId(id: string): number | undefined {
  const match = SLA_ID.exec(id);
  const seq = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(seq) ? seq : undefined;
}

/** The wire id of an OLA or UC: `OLA-<seq>` or `UC-<seq>` by kind. */
export const supportingAgreementId = (
  kind: SupportingAgreementKind,
  seq: number,
) => `${kind.toUpperCase()}-${seq}`;

/** The kind and sequence number of an `OLA-<n>` or `UC-<n>` id, or undefined. */
export function parseSupportingAgreementId(
  id: string,
): { kind: SupportingAgreementKind; seq: number } | undefined {
  const match = SUPPORTING_ID.exec(id);
  const seq = match ? Number(match[2]) : NaN;
  return match && Number.isSafeInteger(seq)
    ? { kind: match[1].toLowerCase() as SupportingAgreementKind, seq }
    : undefined;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function headerFields(record: AgreementRecord<{ reviewCadence: any }>) {
  const effectiveFrom = record.effectiveFrom.toISOString();
  const lastReviewedAt = iso(record.lastReviewedAt);
  return {
    effectiveFrom,
    effectiveTo: iso(record.effectiveTo),
    lastReviewedAt,
    nextReviewAt: nextReviewDate({
      reviewCadence: record.terms.reviewCadence,
      lastReviewedAt,
      effectiveFrom,
    }).toISOString(),
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** The wire form of a stored SLA. */
export function toSla(record: SlaRecord): ServiceLevelAgreement {
  const { terms } = record;
  return {
    id: slaId(record.seq),
    version: record.version,
    revision: record.revision,
    entityRef: record.entityRef,
    title: terms.title,
    customerGroups: terms.customerGroups,
    calendarId: terms.calendarId,
    targets: terms.targets,
    workloadLimits: terms.workloadLimits,
    exceptions: terms.exceptions,
    reviewCadence: terms.reviewCadence,
    ...headerFields(record),
  };
}

/** The wire form of a stored OLA or UC. */
export function toSupportingAgreement(
  record: SupportingAgreementRecord,
): SupportingAgreement {
  const { terms } = record;
  return {
    id: supportingAgreementId(record.kind, record.seq),
    version: record.version,
    revision: record.revision,
    kind: record.kind,
    entityRef: record.entityRef,
    title: terms.title,
    internalGroup: terms.internalGroup,
    supplier: terms.supplier,
    contractRef: terms.contractRef,
    slaIds: record.slaSeqs.map(slaId),
    calendarId: terms.calendarId,
    targets: terms.targets,
    workloadLimits: terms.workloadLimits,
    exceptions: terms.exceptions,
    reviewCadence: terms.reviewCadence,
    ...headerFields(record),
  };
}

/** The wire form of a revision; OLA and UC revisions also carry their party. */
export function toAgreementRevision(
  revision: RevisionRecord<object>,
): AgreementRevision {
  return {
    revision: revision.revision,
    ...(revision.terms as Omit<AgreementRevision, 'revision'>),
    effectiveFrom: revision.effectiveFrom.toISOString(),
    effectiveTo: iso(revision.effectiveTo),
    createdAt: revision.createdAt.toISOString(),
    createdBy: revision.createdBy,
  };
}

/** Values as JSON would carry them, so stored and requested terms compare equal. */
export function sameValue(a: unknown, b: unknown): boolean {
  const plain = (value: unknown) =>
    value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  return isDeepStrictEqual(plain(a), plain(b));
}

const refs = z.array(z.string().min(1).max(255)).optional();
const paging = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
};

/** Query of `GET /slas`. */
export const slaListQuerySchema = z.strictObject({
  entityRef: refs,
  ...paging,
});

/** Query of `GET /supporting-agreements`. */
export const supportingAgreementListQuerySchema = z.strictObject({
  entityRef: refs,
  slaId: z.array(z.string().min(1).max(32)).optional(),
  kind: z.array(z.enum(SUPPORTING_AGREEMENT_KINDS)).optional(),
  ...paging,
});

/** A validated `GET /slas` query. */
export type SlaListQuery = z.output<typeof slaListQuerySchema>;

/** A validated `GET /supporting-agreements` query. */
export type SupportingAgreementListQuery = z.output<
  typeof supportingAgreementListQuerySchema
>;

/** Every agreed revision of an agreement, oldest first, in wire form. */
export async function agreementRevisions(
  store: AgreementStore,
  type: AgreementType,
  seq: number,
): Promise<{ items: AgreementRevision[] }> {
  const revisions = await store.listRevisions<object>({ type, seq });
  return { items: revisions.map(toAgreementRevision) };
}

/** A page of an agreement's history, oldest first, in wire form. */
export async function agreementHistory(
  store: AgreementStore,
  type: AgreementType,
  seq: number,
  query: { limit: number; cursor?: string },
): Promise<Page<HistoryEvent>> {
  const page = await store.listHistory({ type, seq, ...query });
  return { items: page.items.map(toHistoryEvent), nextCursor: page.nextCursor };
}
