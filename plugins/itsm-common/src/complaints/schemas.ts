import { z } from 'zod';
import { MAX_DESCRIPTION_LENGTH, entityRefSchema } from '../incidents/schemas';
import { COMPLAINT_CHANNELS, COMPLAINT_STATUSES } from './types';

const markdown = z.string().max(MAX_DESCRIPTION_LENGTH);
const filled = markdown.refine(s => s.trim().length > 0, 'must not be empty');
const title = z.string().trim().min(1).max(200);
const category = z.string().trim().min(1).max(100);

/**
 * Body of `POST /complaints`: anyone may raise one. The complainant is the caller; the owner
 * starts as the service's owner in the catalog.
 *
 * @public
 */
export const complaintCreateSchema = z.strictObject({
  title,
  description: filled,
  entityRef: entityRefSchema,
  channel: z.enum(COMPLAINT_CHANNELS).nullish(),
  category: category.nullish(),
});

/** @public */
export type ComplaintCreateRequest = z.input<typeof complaintCreateSchema>;

/**
 * Body of `PATCH /complaints/{id}`: the editable fields. The owner is reassigned, never
 * removed; a recorded response is replaced, never cleared.
 *
 * @public
 */
export const complaintPatchSchema = z
  .strictObject({
    title,
    description: filled,
    owner: entityRefSchema,
    response: filled,
    category: category.nullable(),
  })
  .partial();

/** @public */
export type ComplaintPatchRequest = z.input<typeof complaintPatchSchema>;

/** Body of `POST /complaints/{id}/transitions`. @public */
export const complaintTransitionSchema = z.strictObject({
  to: z.enum(COMPLAINT_STATUSES),
  comment: z.string().max(MAX_DESCRIPTION_LENGTH).optional(),
  owner: entityRefSchema.optional(),
  response: markdown.optional(),
});

/** @public */
export type ComplaintTransitionRequest = z.input<
  typeof complaintTransitionSchema
>;

const refs = z.array(z.string().min(1).max(255)).optional();

/** Query of `GET /complaints`. @public */
export const complaintListQuerySchema = z.strictObject({
  entityRef: refs,
  status: z.array(z.enum(COMPLAINT_STATUSES)).optional(),
  owner: refs,
  complainant: refs,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});

/** @public */
export type ComplaintListQuery = z.infer<typeof complaintListQuerySchema>;
