import { z } from 'zod';
import { MAX_DESCRIPTION_LENGTH, entityRefSchema } from '../incidents/schemas';
import { parseRecordId } from '../records/recordIds';
import { slaIdSchema } from '../slm/schemas';
import { REVIEW_ACTION_STATUSES, REVIEW_STATUSES } from './types';

const instant = z.iso.datetime();
const title = z.string().trim().min(1).max(200);
const markdown = z.string().max(MAX_DESCRIPTION_LENGTH);
const refs = z.array(entityRefSchema).max(50);
/** A query flag: `true` / `false` (an already parsed boolean passes through). */
const flag = z.union([
  z.boolean(),
  z.enum(['true', 'false']).transform(v => v === 'true'),
]);
const recordId = z
  .string()
  .max(32)
  .refine(id => parseRecordId(id) !== undefined, {
    message: 'must be a record id like IMP-8',
  });

/** One agenda item. @public */
export const reviewAgendaItemSchema = z.strictObject({
  title,
  notes: z.string().max(10000).optional(),
});

/** One decision. @public */
export const reviewDecisionSchema = z.strictObject({
  text: z.string().trim().min(1).max(2000),
});

/** A review period `[from, to)`. @public */
export const reviewPeriodSchema = z
  .strictObject({ from: instant, to: instant })
  .refine(p => Date.parse(p.from) < Date.parse(p.to), {
    message: 'from must be before to',
    path: ['to'],
  });

const agenda = z.array(reviewAgendaItemSchema).max(50);

/**
 * Body of `POST /reviews`: a review scheduled by hand. The SLA is the service's; the period
 * defaults to the last review (or the SLA's start) up to `scheduledFor`, the agenda to
 * `DEFAULT_REVIEW_AGENDA`.
 *
 * @public
 */
export const reviewCreateSchema = z.strictObject({
  entityRef: entityRefSchema,
  title: title.optional(),
  scheduledFor: instant,
  period: reviewPeriodSchema.optional(),
  attendees: refs.default([]),
  agenda: agenda.optional(),
});

/** @public */
export type ReviewCreateRequest = z.input<typeof reviewCreateSchema>;

/** Body of `PATCH /reviews/{id}`. @public */
export const reviewPatchSchema = z
  .strictObject({
    title,
    scheduledFor: instant,
    attendees: refs,
    agenda,
    minutes: markdown,
    decisions: z.array(reviewDecisionSchema).max(100),
  })
  .partial();

/** @public */
export type ReviewPatchRequest = z.input<typeof reviewPatchSchema>;

/** Body of `POST /reviews/{id}/transitions`. @public */
export const reviewTransitionSchema = z.strictObject({
  to: z.enum(REVIEW_STATUSES),
  comment: markdown.optional(),
  minutes: markdown.optional(),
  attendees: refs.optional(),
  heldAt: instant.optional(),
  cancelReason: z.string().trim().min(1).max(2000).optional(),
});

/** @public */
export type ReviewTransitionRequest = z.input<typeof reviewTransitionSchema>;

/** Body of `POST /reviews/{id}/pack` (freezing). @public */
export const reviewPackFreezeSchema = z.strictObject({
  comment: z.string().max(2000).optional(),
});

/** Body of `POST /reviews/{id}/sign-off`. @public */
export const reviewSignOffSchema = z.strictObject({
  comment: z.string().trim().min(1).max(2000).optional(),
});

/** @public */
export type ReviewSignOffRequest = z.input<typeof reviewSignOffSchema>;

/** Query of `GET /reviews`. @public */
export const reviewListQuerySchema = z.strictObject({
  entityRef: z.array(z.string().min(1).max(255)).optional(),
  status: z.array(z.enum(REVIEW_STATUSES)).optional(),
  overdue: flag.optional(),
  slaId: slaIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});

/** @public */
export type ReviewListQuery = z.infer<typeof reviewListQuerySchema>;

/** Query of `GET /reviews/{id}/pack`. @public */
export const reviewPackQuerySchema = z.strictObject({
  /** Default: live while the review is open, not once it is closed or cancelled. */
  live: flag.optional(),
});

/** Body of `POST /reviews/{id}/actions`. @public */
export const reviewActionCreateSchema = z.strictObject({
  title,
  owner: entityRefSchema,
  dueDate: z.iso.date(),
  /** A record the action is tracked in (an improvement item, a problem): linked from the review. */
  recordId: recordId.optional(),
});

/** @public */
export type ReviewActionCreateRequest = z.input<
  typeof reviewActionCreateSchema
>;

/** Body of `PATCH /reviews/{id}/actions/{actionId}`. @public */
export const reviewActionPatchSchema = z
  .strictObject({
    title,
    owner: entityRefSchema,
    dueDate: z.iso.date(),
    status: z.enum(REVIEW_ACTION_STATUSES),
    note: z.string().trim().min(1).max(2000),
    recordId,
  })
  .partial();

/** @public */
export type ReviewActionPatchRequest = z.input<typeof reviewActionPatchSchema>;

/** Query of `GET /review-actions`. @public */
export const reviewActionListQuerySchema = z.strictObject({
  owner: z.array(z.string().min(1).max(255)).optional(),
  status: z.array(z.enum(REVIEW_ACTION_STATUSES)).optional(),
  entityRef: z.array(z.string().min(1).max(255)).optional(),
  overdue: flag.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});

/** @public */
export type ReviewActionListQuery = z.infer<typeof reviewActionListQuerySchema>;
