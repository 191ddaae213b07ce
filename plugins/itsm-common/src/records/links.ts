import { z } from 'zod';
import { parseRecordId } from './recordIds';

/**
 * How one record relates to another. A link reads from the record it was made on: `INC-7`
 * `caused_by` `CHG-3`; the other record lists it with `direction: 'incoming'`.
 *
 * @public
 */
export const RECORD_LINK_RELATIONS = [
  'relates_to',
  'caused_by',
  'fixes',
  'duplicates',
  'implements',
  'addresses',
  'reviews',
] as const;

/** @public */
export type RecordLinkRelation = (typeof RECORD_LINK_RELATIONS)[number];

/**
 * A link between two records, as either record lists it.
 *
 * @public
 */
export interface RecordLink {
  /** The link's own id, for `DELETE /{collection}/{id}/links/{linkId}`. */
  id: string;
  /** The record the link was made on. */
  from: string;
  /** The record it points at. */
  to: string;
  relation: RecordLinkRelation;
  /** `outgoing` on the record the link was made on, `incoming` on the other. */
  direction: 'outgoing' | 'incoming';
  createdAt: string;
  createdBy: string;
  /** Why the records were linked, when the person or job linking said so. */
  note?: string;
}

/**
 * The body of `POST /{collection}/{id}/links`.
 *
 * @public
 */
export const recordLinkCreateSchema = z
  .object({
    to: z
      .string()
      .max(32)
      .refine(id => parseRecordId(id) !== undefined, {
        message: 'must be a record id like INC-7',
      }),
    relation: z.enum(RECORD_LINK_RELATIONS),
    /** Why the records are linked; kept on the link and in both histories. */
    note: z.string().trim().min(1).max(500).optional(),
  })
  .strict();

/** @public */
export type RecordLinkCreate = z.infer<typeof recordLinkCreateSchema>;
