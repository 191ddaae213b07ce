import { z } from 'zod';
import { MAX_DESCRIPTION_LENGTH, entityRefSchema } from '../incidents/schemas';
import {
  IMPROVEMENT_KINDS,
  IMPROVEMENT_KPIS,
  IMPROVEMENT_KPI_DEFINITIONS,
  IMPROVEMENT_SOURCES,
  IMPROVEMENT_STATUSES,
  IMPROVEMENT_TYPES,
} from './types';

const markdown = z.string().max(MAX_DESCRIPTION_LENGTH);
const filled = markdown.refine(s => s.trim().length > 0, 'must not be empty');
const title = z.string().trim().min(1).max(200);
const level = z.number().int().min(1).max(5);
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(s => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'must be a date');
const sourceId = z.string().trim().min(1).max(100);

/**
 * The KPI an item is measured by. `direction` defaults to the KPI's usual direction; a
 * filter the KPI does not take is a 400, and `recurrence` needs a category or a signature.
 *
 * @public
 */
export const improvementKpiSchema = z
  .strictObject({
    kpi: z.enum(IMPROVEMENT_KPIS),
    category: z.string().trim().min(1).max(100).nullish(),
    priority: z.number().int().min(1).max(5).nullish(),
    signature: z.string().trim().min(1).max(200).nullish(),
    windowDays: z.number().int().min(7).max(365),
    settleDays: z.number().int().min(0).max(90).default(7),
    direction: z.enum(['decrease', 'increase']).optional(),
    target: z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('relative'),
        percent: z.number().min(0).max(100),
      }),
      z.strictObject({ kind: z.literal('absolute'), value: z.number() }),
    ]),
  })
  .superRefine((kpi, ctx) => {
    const definition = IMPROVEMENT_KPI_DEFINITIONS[kpi.kpi];
    for (const filter of ['category', 'priority', 'signature'] as const) {
      if (
        kpi[filter] !== undefined &&
        kpi[filter] !== null &&
        !definition.filters.includes(filter)
      ) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [filter],
          message: `${kpi.kpi} cannot be scoped by ${filter}`,
        });
      }
    }
    if (kpi.kpi === 'recurrence' && !kpi.category && !kpi.signature) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['category'],
        message: 'recurrence needs a category or a signature',
      });
    }
  })
  .transform(kpi => ({
    kpi: kpi.kpi,
    category: kpi.category ?? null,
    priority: kpi.priority ?? null,
    signature: kpi.signature ?? null,
    windowDays: kpi.windowDays,
    settleDays: kpi.settleDays,
    direction: kpi.direction ?? IMPROVEMENT_KPI_DEFINITIONS[kpi.kpi].direction,
    target: kpi.target,
  }));

/** @public */
export type ImprovementKpiRequest = z.input<typeof improvementKpiSchema>;

/**
 * Body of `POST /improvements`. The source record, when named, must exist (400 otherwise)
 * and is linked; a breach's `improvementId` is set to the new item. The owner defaults to
 * the caller, the owning group to the first service's owner group in the catalog.
 *
 * @public
 */
export const improvementCreateSchema = z.strictObject({
  kind: z.enum(IMPROVEMENT_KINDS).default('improvement'),
  type: z.enum(IMPROVEMENT_TYPES).default('process'),
  title,
  description: filled,
  source: z.enum(IMPROVEMENT_SOURCES).default('other'),
  sourceId: sourceId.nullish(),
  entityRefs: z.array(entityRefSchema).min(1).max(20),
  owner: entityRefSchema.nullish(),
  owningGroup: entityRefSchema.nullish(),
  benefit: level,
  effort: level,
  urgency: level,
  targetDate: date.nullish(),
  nonconformity: markdown.nullish(),
  correction: markdown.nullish(),
  rootCause: markdown.nullish(),
  kpi: improvementKpiSchema.nullish(),
});

/** @public */
export type ImprovementCreateRequest = z.input<typeof improvementCreateSchema>;

/**
 * Body of `PATCH /improvements/{id}`: the editable fields. The KPI is fixed once approved
 * (409): the baseline was frozen for it.
 *
 * @public
 */
export const improvementPatchSchema = z
  .strictObject({
    kind: z.enum(IMPROVEMENT_KINDS),
    type: z.enum(IMPROVEMENT_TYPES),
    title,
    description: filled,
    entityRefs: z.array(entityRefSchema).min(1).max(20),
    owner: entityRefSchema,
    owningGroup: entityRefSchema.nullable(),
    benefit: level,
    effort: level,
    urgency: level,
    targetDate: date.nullable(),
    nonconformity: markdown.nullable(),
    correction: markdown.nullable(),
    rootCause: markdown.nullable(),
    effectivenessReview: markdown.nullable(),
    kpi: improvementKpiSchema.nullable(),
  })
  .partial();

/** @public */
export type ImprovementPatchRequest = z.input<typeof improvementPatchSchema>;

/** Body of `POST /improvements/{id}/transitions`. @public */
export const improvementTransitionSchema = z.strictObject({
  to: z.enum(IMPROVEMENT_STATUSES),
  comment: markdown.optional(),
  reason: markdown.optional(),
  implementedAt: z.string().datetime({ offset: true }).optional(),
  evaluation: markdown.optional(),
  effectivenessReview: markdown.optional(),
});

/** @public */
export type ImprovementTransitionRequest = z.input<
  typeof improvementTransitionSchema
>;

const refs = z.array(z.string().min(1).max(255)).optional();

/** Query of `GET /improvements` (and of the CSV export `GET /improvements.csv`). @public */
export const improvementListQuerySchema = z.strictObject({
  entityRef: refs,
  status: z.array(z.enum(IMPROVEMENT_STATUSES)).optional(),
  kind: z.array(z.enum(IMPROVEMENT_KINDS)).optional(),
  source: z.array(z.enum(IMPROVEMENT_SOURCES)).optional(),
  owner: refs,
  verdict: z
    .array(z.enum(['achieved', 'not_achieved', 'inconclusive', 'none']))
    .optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sort: z.enum(['score', 'created', 'targetDate']).default('created'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});

/** @public */
export type ImprovementListQuery = z.infer<typeof improvementListQuerySchema>;

/** Query of `GET /improvements/draft`. @public */
export const improvementDraftQuerySchema = z.strictObject({
  source: z.enum(IMPROVEMENT_SOURCES),
  sourceId,
});

/** @public */
export type ImprovementDraftQuery = z.infer<typeof improvementDraftQuerySchema>;
