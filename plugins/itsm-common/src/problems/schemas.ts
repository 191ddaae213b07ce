import { z } from 'zod';
import { recordIdSchema } from '../records/recordIds';
import { MAX_DESCRIPTION_LENGTH, entityRefSchema } from '../incidents/schemas';
import {
  CONTRIBUTING_FACTORS,
  KNOWN_ERROR_STATUSES,
  PROBLEM_CLOSURE_CODES,
  PROBLEM_ORIGINS,
  PROBLEM_STATUSES,
  RCA_METHODS,
} from './types';

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const markdown = z.string().max(MAX_DESCRIPTION_LENGTH);
const date = z.iso.date();

/** A problem id, `PRB-n`. @public */
export const problemIdSchema = recordIdSchema(
  'PRB',
  'must be a problem id like PRB-3',
);

/** A known error id, `KE-n`. @public */
export const knownErrorIdSchema = recordIdSchema(
  'KE',
  'must be a known error id like KE-2',
);

/** An incident id, `INC-n`. @public */
export const incidentIdSchema = recordIdSchema(
  'INC',
  'must be an incident id like INC-7',
);

/** Structured RCA notes. @public */
export const rcaEntrySchema = z.strictObject({
  label: z.string().trim().min(1).max(200),
  text: z.string().max(10000),
  at: z.iso.datetime().optional(),
  parent: z.string().trim().min(1).max(200).optional(),
  factor: z.enum(CONTRIBUTING_FACTORS).optional(),
});

const entityRefs = z.array(entityRefSchema).min(1).max(100);
const factors = z.array(z.enum(CONTRIBUTING_FACTORS)).max(5);

/**
 * Body of `POST /problems`. People raise problems as `new`; only the detection job proposes
 * candidates. Priority comes from impact × urgency.
 *
 * @public
 */
export const problemCreateSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  statement: markdown.default(''),
  entityRefs,
  category: z.string().trim().min(1).max(100).nullish(),
  signature: z.string().trim().min(1).max(200).nullish(),
  impact: level,
  urgency: level,
  owner: entityRefSchema.nullish(),
  assignmentGroup: entityRefSchema.nullish(),
  origin: z.enum(PROBLEM_ORIGINS).default('reactive'),
  targetDate: date.nullish(),
  /** Incidents to link at once (`caused_by` the problem), e.g. from a post-incident review. */
  incidentIds: z.array(incidentIdSchema).max(100).default([]),
  /** Why those incidents are linked. */
  linkReason: z.string().trim().min(1).max(500).optional(),
});

/** @public */
export type ProblemCreateRequest = z.input<typeof problemCreateSchema>;

/**
 * Body of `PATCH /problems/{id}`: the editable fields; status, priority, closure and version
 * are not among them.
 *
 * @public
 */
export const problemPatchSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    statement: markdown,
    entityRefs,
    category: z.string().trim().min(1).max(100).nullable(),
    signature: z.string().trim().min(1).max(200).nullable(),
    impact: level,
    urgency: level,
    owner: entityRefSchema.nullable(),
    assignmentGroup: entityRefSchema.nullable(),
    rcaMethod: z.enum(RCA_METHODS).nullable(),
    rcaNotes: z.array(rcaEntrySchema).max(100),
    contributingFactors: factors,
    rootCause: markdown.nullable(),
    workaround: markdown.nullable(),
    targetDate: date.nullable(),
  })
  .partial();

/** @public */
export type ProblemPatchRequest = z.input<typeof problemPatchSchema>;

/** Body of `POST /problems/{id}/transitions`. @public */
export const problemTransitionSchema = z.strictObject({
  to: z.enum(PROBLEM_STATUSES),
  comment: z.string().max(MAX_DESCRIPTION_LENGTH).optional(),
  owner: entityRefSchema.optional(),
  rootCause: markdown.optional(),
  workaround: markdown.optional(),
  closureCode: z.enum(PROBLEM_CLOSURE_CODES).optional(),
  cancelReason: z.string().trim().min(1).max(2000).optional(),
  contributingFactors: factors.optional(),
});

/** @public */
export type ProblemTransitionRequest = z.input<typeof problemTransitionSchema>;

/** Body of `POST /problems/{id}/incidents`: link an incident, with why. @public */
export const problemIncidentLinkSchema = z.strictObject({
  incidentId: incidentIdSchema,
  reason: z.string().trim().min(1).max(500).optional(),
});

/** Query of `GET /problems`. @public */
export const problemListQuerySchema = z.strictObject({
  entityRef: z.array(z.string().min(1).max(255)).optional(),
  status: z.array(z.enum(PROBLEM_STATUSES)).optional(),
  origin: z.array(z.enum(PROBLEM_ORIGINS)).optional(),
  priority: z.array(z.coerce.number().int().min(1).max(5)).optional(),
  owner: z.array(z.string().min(1).max(255)).optional(),
  category: z.array(z.string().min(1).max(100)).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});

/** @public */
export type ProblemListQuery = z.infer<typeof problemListQuerySchema>;

const phrase = z.string().trim().min(2).max(100);

/** Match rules of a known error. @public */
export const knownErrorMatchRulesSchema = z.strictObject({
  categories: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  signatures: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  text: z.array(phrase).max(20).default([]),
});

/** Body of `POST /known-errors`. @public */
export const knownErrorCreateSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  symptom: markdown.refine(s => s.trim().length > 0, 'must not be empty'),
  rootCause: markdown.default(''),
  workaround: markdown.refine(s => s.trim().length > 0, 'must not be empty'),
  entityRefs,
  matchRules: knownErrorMatchRulesSchema.default({
    categories: [],
    signatures: [],
    text: [],
  }),
  reviewBy: date.nullish(),
  /** The problem it comes from: linked (`KE relates_to PRB`) in the same write. */
  problemId: problemIdSchema.nullish(),
});

/** @public */
export type KnownErrorCreateRequest = z.input<typeof knownErrorCreateSchema>;

/** Body of `PATCH /known-errors/{id}`. @public */
export const knownErrorPatchSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    symptom: markdown.refine(s => s.trim().length > 0, 'must not be empty'),
    rootCause: markdown,
    workaround: markdown.refine(s => s.trim().length > 0, 'must not be empty'),
    entityRefs,
    matchRules: knownErrorMatchRulesSchema,
    reviewBy: date.nullable(),
  })
  .partial();

/** @public */
export type KnownErrorPatchRequest = z.input<typeof knownErrorPatchSchema>;

/** Body of `POST /known-errors/{id}/transitions` (`active ⇄ retired`). @public */
export const knownErrorTransitionSchema = z.strictObject({
  to: z.enum(KNOWN_ERROR_STATUSES),
  comment: z.string().max(MAX_DESCRIPTION_LENGTH).optional(),
});

/** Query of `GET /known-errors`. @public */
export const knownErrorListQuerySchema = z.strictObject({
  entityRef: z.array(z.string().min(1).max(255)).optional(),
  status: z.array(z.enum(KNOWN_ERROR_STATUSES)).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});

/** @public */
export type KnownErrorListQuery = z.infer<typeof knownErrorListQuerySchema>;

/** Query of `GET /known-errors/matches`. @public */
export const knownErrorMatchQuerySchema = z.strictObject({
  entityRef: entityRefSchema,
  text: z.string().max(5000).default(''),
  category: z.string().max(100).optional(),
  signature: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

/** @public */
export type KnownErrorMatchQuery = z.infer<typeof knownErrorMatchQuerySchema>;

/**
 * Body of `POST /known-errors/{id}/uses`: the known error was `offered` to, or its workaround
 * `applied` on, an incident. Counted once per incident and kind; `applied` links the incident.
 *
 * @public
 */
export const knownErrorUseSchema = z.strictObject({
  incidentId: incidentIdSchema,
  kind: z.enum(['offered', 'applied']),
});

/** Query of `GET /reports/incident-trends`. @public */
export const incidentTrendQuerySchema = z.strictObject({
  groupBy: z.enum(['entity', 'category', 'signature', 'upstream']),
  interval: z.enum(['week', 'month']).default('week'),
  from: z.iso.datetime({ offset: true }).or(date).optional(),
  to: z.iso.datetime({ offset: true }).or(date).optional(),
  entityRef: z.array(z.string().min(1).max(255)).optional(),
  /** The most frequent groups kept (the rest are summed under `(other)`). */
  top: z.coerce.number().int().min(1).max(200).default(50),
  format: z.enum(['json', 'csv']).optional(),
});

/** @public */
export type IncidentTrendQuery = z.infer<typeof incidentTrendQuerySchema>;

/** Query of `GET /problem-counts`. @public */
export const problemCountsQuerySchema = z.strictObject({
  entityRef: entityRefSchema,
});
