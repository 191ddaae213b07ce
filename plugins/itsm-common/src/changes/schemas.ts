import { z } from 'zod';
import { recordIdSchema } from '../records/recordIds';
import { entityRefSchema, MAX_DESCRIPTION_LENGTH } from '../incidents/schemas';
import {
  APPROVAL_DECISIONS,
  CHANGE_OUTCOMES,
  CHANGE_STATUSES,
  CHANGE_TYPES,
} from './types';

const title = z.string().trim().min(1).max(200);
const text = z.string().max(MAX_DESCRIPTION_LENGTH);
const instant = z.iso.datetime();
const riskAnswers = z
  .record(z.string().min(1).max(100), z.string().min(1).max(100))
  .refine(answers => Object.keys(answers).length <= 100, 'too many answers');

function checkWindow(
  value: { plannedStart?: string | null; plannedEnd?: string | null },
  ctx: z.RefinementCtx,
) {
  if (
    value.plannedStart &&
    value.plannedEnd &&
    Date.parse(value.plannedStart) >= Date.parse(value.plannedEnd)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['plannedEnd'],
      message: 'plannedEnd must be after plannedStart',
    });
  }
}

/** The post-implementation review (PIR) as a client sends it. @public */
export const postImplementationReviewSchema = z.strictObject({
  summary: z.string().trim().min(1).max(MAX_DESCRIPTION_LENGTH),
  objectivesMet: z.boolean().optional(),
  lessonsLearned: text.optional(),
  incidentIds: z
    .array(recordIdSchema('INC', 'must be an incident id like INC-7'))
    .max(100)
    .optional(),
  problemId: recordIdSchema(
    'PRB',
    'must be a problem id like PRB-3',
  ).optional(),
});

/**
 * Body of `POST /changes`. A standard change names the pre-approved template it comes from
 * (`templateId`); other types must not. Status, risk, approvals and plan revision are never
 * accepted from a client.
 *
 * @public
 */
export const changeCreateSchema = z
  .strictObject({
    type: z.enum(CHANGE_TYPES),
    title,
    justification: text.default(''),
    entityRefs: z.array(entityRefSchema).min(1).max(100),
    plannedStart: instant.nullish(),
    plannedEnd: instant.nullish(),
    implementationPlan: text.nullish(),
    backoutPlan: text.nullish(),
    testPlan: text.nullish(),
    riskAnswers: riskAnswers.default({}),
    templateId: z.string().trim().min(1).max(100).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.type === 'standard' && !value.templateId) {
      ctx.addIssue({
        code: 'custom',
        path: ['templateId'],
        message: 'templateId is required for a standard change',
      });
    }
    if (value.type !== 'standard' && value.templateId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['templateId'],
        message: 'templateId is only accepted for a standard change',
      });
    }
    checkWindow(value, ctx);
  });

/** @public */
export type ChangeCreateRequest = z.input<typeof changeCreateSchema>;

/**
 * The patch fields that make up the plan: editing any of them raises `planRevision`, so
 * approvals given on the previous revision no longer count.
 *
 * @public
 */
export const CHANGE_PLAN_FIELDS = [
  'entityRefs',
  'plannedStart',
  'plannedEnd',
  'implementationPlan',
  'backoutPlan',
  'testPlan',
] as const;

/** @public */
export type ChangePlanField = (typeof CHANGE_PLAN_FIELDS)[number];

/**
 * Body of `PATCH /changes/{id}`: the editable fields. Status, risk, approvals, plan revision,
 * outcome, version, id and timestamps are not among them, so sending one is a 400.
 *
 * @public
 */
export const changePatchSchema = z
  .strictObject({
    title,
    justification: text,
    entityRefs: z.array(entityRefSchema).min(1).max(100),
    plannedStart: instant.nullable(),
    plannedEnd: instant.nullable(),
    implementationPlan: text.nullable(),
    backoutPlan: text.nullable(),
    testPlan: text.nullable(),
    riskAnswers,
    review: postImplementationReviewSchema.nullable(),
  })
  .partial()
  .superRefine(checkWindow);

/** @public */
export type ChangePatchRequest = z.input<typeof changePatchSchema>;

/**
 * The plan fields a patch really changes, compared with the current values (a field sent with
 * its current value is no edit). Non-empty means the write raises `planRevision`.
 *
 * @public
 */
export function changedPlanFields(
  current: Partial<Record<ChangePlanField, unknown>>,
  patch: Partial<Record<ChangePlanField, unknown>>,
): ChangePlanField[] {
  return CHANGE_PLAN_FIELDS.filter(
    field =>
      field in patch &&
      patch[field] !== undefined &&
      JSON.stringify(patch[field]) !== JSON.stringify(current[field] ?? null),
  );
}

/** Body of `POST /changes/{id}/transitions`. @public */
export const changeTransitionSchema = z.strictObject({
  to: z.enum(CHANGE_STATUSES),
  outcome: z.enum(CHANGE_OUTCOMES).optional(),
  actualStart: instant.optional(),
  actualEnd: instant.optional(),
  review: postImplementationReviewSchema.optional(),
  comment: text.optional(),
});

/** @public */
export type ChangeTransitionRequest = z.input<typeof changeTransitionSchema>;

/** Body of `POST /changes/{id}/approvals`. @public */
export const approvalDecisionSchema = z.strictObject({
  decision: z.enum(APPROVAL_DECISIONS),
  comment: text.optional(),
});

/** @public */
export type ApprovalDecisionRequest = z.input<typeof approvalDecisionSchema>;

/** Body of `POST /change-templates`. @public */
export const changeTemplateCreateSchema = z.strictObject({
  title,
  description: text.default(''),
  owner: entityRefSchema,
  entityRefs: z.array(entityRefSchema).max(100).default([]),
  implementationPlan: z.string().trim().min(1).max(MAX_DESCRIPTION_LENGTH),
  backoutPlan: z.string().trim().min(1).max(MAX_DESCRIPTION_LENGTH),
  testPlan: z.string().trim().min(1).max(MAX_DESCRIPTION_LENGTH),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
});

/** @public */
export type ChangeTemplateCreateRequest = z.input<
  typeof changeTemplateCreateSchema
>;

/** Body of `PATCH /change-templates/{id}` (raises the template's version). @public */
export const changeTemplatePatchSchema = z
  .strictObject({
    title,
    description: text,
    owner: entityRefSchema,
    entityRefs: z.array(entityRefSchema).max(100),
    implementationPlan: z.string().trim().min(1).max(MAX_DESCRIPTION_LENGTH),
    backoutPlan: z.string().trim().min(1).max(MAX_DESCRIPTION_LENGTH),
    testPlan: z.string().trim().min(1).max(MAX_DESCRIPTION_LENGTH),
    durationMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
    active: z.boolean(),
  })
  .partial();

/** @public */
export type ChangeTemplatePatchRequest = z.input<
  typeof changeTemplatePatchSchema
>;
