import { z } from 'zod';
import { recordIdSchema } from '../records/recordIds';
import { INCIDENT_SOURCES, INCIDENT_STATUSES, ON_HOLD_REASONS } from './types';
import { RESOLUTION_CODES } from './lifecycle';

/** Largest accepted Markdown description, in characters. @public */
export const MAX_DESCRIPTION_LENGTH = 65536;

/** A catalog entity ref in full form, `kind:namespace/name`. @public */
export const entityRefSchema = z
  .string()
  .regex(
    /^[a-zA-Z][a-zA-Z0-9-]*:[a-zA-Z0-9][a-zA-Z0-9._-]*\/[a-zA-Z0-9][a-zA-Z0-9._-]*$/,
    'must be a full entity ref like component:default/payments',
  )
  .max(255);

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** A change id, `CHG-n`: the change that caused an incident. @public */
export const changeIdSchema = recordIdSchema(
  'CHG',
  'must be a change id like CHG-42',
);

/**
 * Body of `POST /incidents`. Priority, status and SLA are never accepted from a client.
 *
 * @public
 */
export const incidentCreateSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(MAX_DESCRIPTION_LENGTH).default(''),
  entityRef: entityRefSchema,
  affectedEntityRefs: z.array(entityRefSchema).max(100).default([]),
  impact: level,
  urgency: level,
  /** One of the taxonomy's categories; checked against it by the backend. */
  category: z.string().trim().min(1).max(100).nullish(),
  /** One of the category's subcategories; null without a category. */
  subcategory: z.string().trim().min(1).max(100).nullish(),
  assignee: entityRefSchema.nullish(),
  assignmentGroup: entityRefSchema.nullish(),
  source: z.enum(INCIDENT_SOURCES).default('portal'),
  externalId: z.string().min(1).max(255).nullish(),
  causedByChangeId: changeIdSchema.nullish(),
});

/** @public */
export type IncidentCreateRequest = z.input<typeof incidentCreateSchema>;

/** Query of `GET /incidents`. @public */
export const incidentListQuerySchema = z.strictObject({
  entityRef: z.array(z.string().min(1).max(255)).optional(),
  status: z.array(z.enum(INCIDENT_STATUSES)).optional(),
  priority: z.array(z.coerce.number().int().min(1).max(5)).optional(),
  assignee: z.array(z.string().min(1).max(255)).optional(),
  assignmentGroup: z.array(z.string().min(1).max(255)).optional(),
  major: z.enum(['true', 'false']).optional(),
  causedByChangeId: z.array(changeIdSchema).optional(),
  q: z.string().max(200).optional(),
  /** `mine`: assigned to the caller or to one of the caller's groups. */
  queue: z.enum(['mine']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});

/**
 * Body of `PATCH /incidents/{id}`: the editable fields. Status, priority, SLA, version, id and
 * timestamps are not among them, so sending one is a 400.
 *
 * @public
 */
export const incidentPatchSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(MAX_DESCRIPTION_LENGTH),
    affectedEntityRefs: z.array(entityRefSchema).max(100),
    impact: level,
    urgency: level,
    category: z.string().trim().min(1).max(100).nullable(),
    subcategory: z.string().trim().min(1).max(100).nullable(),
    assignee: entityRefSchema.nullable(),
    assignmentGroup: entityRefSchema.nullable(),
    major: z.boolean(),
    incidentManager: entityRefSchema.nullable(),
    parentId: recordIdSchema(
      'INC',
      'must be an incident id like INC-7',
    ).nullable(),
    causedByChangeId: changeIdSchema.nullable(),
    outageStart: z.iso.datetime().nullable(),
    outageEnd: z.iso.datetime().nullable(),
    postIncidentReview: z
      .strictObject({
        summary: z.string().trim().min(1).max(MAX_DESCRIPTION_LENGTH),
        rootCause: z.string().max(MAX_DESCRIPTION_LENGTH).optional(),
        lessonsLearned: z.string().max(MAX_DESCRIPTION_LENGTH).optional(),
        problemId: recordIdSchema(
          'PRB',
          'must be a problem id like PRB-3',
        ).optional(),
      })
      .nullable(),
  })
  .partial();

/** @public */
export type IncidentPatchRequest = z.input<typeof incidentPatchSchema>;

/** Body of `POST /incidents/{id}/transitions`. @public */
export const incidentTransitionSchema = z.strictObject({
  to: z.enum(INCIDENT_STATUSES),
  onHoldReason: z.enum(ON_HOLD_REASONS).optional(),
  resolutionCode: z.enum(RESOLUTION_CODES).optional(),
  resolutionNotes: z
    .string()
    .trim()
    .min(1)
    .max(MAX_DESCRIPTION_LENGTH)
    .optional(),
  comment: z.string().max(MAX_DESCRIPTION_LENGTH).optional(),
  /** On hold `awaiting_problem`: the problem waited for (linked to the incident). */
  problemId: recordIdSchema(
    'PRB',
    'must be a problem id like PRB-3',
  ).optional(),
});

/** @public */
export type IncidentTransitionRequest = z.input<
  typeof incidentTransitionSchema
>;

/** Body of `POST /incidents/{id}/work-notes` and of major-incident status updates. @public */
export const incidentNoteSchema = z.strictObject({
  text: z.string().trim().min(1).max(MAX_DESCRIPTION_LENGTH),
});
