import { z } from 'zod';
import { entityRefSchema } from '../incidents/schemas';
import { recordIdSchema } from '../records/recordIds';
import { MAX_SURVEY_TEXT_LENGTH, surveyQuestionsProblem } from './answers';
import { DEFAULT_CAMPAIGN_TEMPLATE_ID } from './templates';
import { SURVEY_QUESTION_TYPES, SURVEY_STATUSES } from './types';

/** A survey campaign id, `SUR-n`. @public */
export const surveyIdSchema = recordIdSchema(
  'SUR',
  'must be a survey id like SUR-4',
);

const slug = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,59}$/,
    'must be lowercase letters, digits, - and _ (at most 60)',
  );

const questionId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,39}$/,
    'must be lowercase letters, digits, - and _ (at most 40)',
  );

/** One question of a template. @public */
export const surveyQuestionSchema = z.strictObject({
  id: questionId,
  type: z.enum(SURVEY_QUESTION_TYPES),
  text: z.string().trim().min(1).max(500),
  required: z.boolean().default(false),
  options: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  multiple: z.boolean().optional(),
});

/** The questions of a template, checked together. @public */
export const surveyQuestionsSchema = z
  .array(surveyQuestionSchema)
  .min(1)
  .max(30)
  .superRefine((questions, ctx) => {
    const problem = surveyQuestionsProblem(questions);
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        message: problem.message,
        path: problem.field.split('.').slice(1),
      });
    }
  });

/** Body of `POST /survey-templates`. @public */
export const surveyTemplateCreateSchema = z.strictObject({
  id: slug,
  title: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  questions: surveyQuestionsSchema,
});

/** @public */
export type SurveyTemplateCreateRequest = z.input<
  typeof surveyTemplateCreateSchema
>;

/** Body of `PATCH /survey-templates/{id}`. @public */
export const surveyTemplatePatchSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(2000),
    questions: surveyQuestionsSchema,
  })
  .partial();

/** @public */
export type SurveyTemplatePatchRequest = z.input<
  typeof surveyTemplatePatchSchema
>;

/** Who a campaign invites. @public */
export const surveyAudienceSchema = z.strictObject({
  slaCustomers: z.boolean().default(true),
  consumerOwners: z.boolean().default(true),
  extra: z
    .array(
      entityRefSchema.refine(
        ref => /^(user|group):/i.test(ref),
        'must be a user or group ref',
      ),
    )
    .max(200)
    .default([]),
});

const closesAt = z.iso.datetime({ offset: true });

/** Body of `POST /surveys`: a draft campaign on a service. @public */
export const surveyCreateSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(MAX_SURVEY_TEXT_LENGTH).default(''),
  entityRef: entityRefSchema,
  templateId: slug.default(DEFAULT_CAMPAIGN_TEMPLATE_ID),
  anonymous: z.boolean().default(false),
  audience: surveyAudienceSchema.default({
    slaCustomers: true,
    consumerOwners: true,
    extra: [],
  }),
  closesAt: closesAt.nullish(),
});

/** @public */
export type SurveyCreateRequest = z.input<typeof surveyCreateSchema>;

/**
 * Body of `PATCH /surveys/{id}`: a draft's fields; an open campaign takes only a new
 * `closesAt`.
 *
 * @public
 */
export const surveyPatchSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(MAX_SURVEY_TEXT_LENGTH),
    templateId: slug,
    anonymous: z.boolean(),
    audience: surveyAudienceSchema,
    closesAt: closesAt.nullable(),
  })
  .partial();

/** @public */
export type SurveyPatchRequest = z.input<typeof surveyPatchSchema>;

/** Body of `POST /surveys/{id}/transitions`. @public */
export const surveyTransitionSchema = z.strictObject({
  to: z.enum(SURVEY_STATUSES),
  /** Opening: when it closes, unless the draft has it already. */
  closesAt: closesAt.optional(),
  comment: z.string().max(MAX_SURVEY_TEXT_LENGTH).optional(),
});

/** @public */
export type SurveyTransitionRequest = z.input<typeof surveyTransitionSchema>;

/** Query of `GET /surveys`. @public */
export const surveyListQuerySchema = z.strictObject({
  entityRef: z.array(z.string().min(1).max(255)).optional(),
  status: z.array(z.enum(SURVEY_STATUSES)).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});

/** @public */
export type SurveyListQuery = z.infer<typeof surveyListQuerySchema>;

const answerValue = z.union([
  z.number(),
  z.string().max(MAX_SURVEY_TEXT_LENGTH),
  z.array(z.string().max(200)).max(20),
]);

/**
 * Body of `POST /surveys/{id}/responses` and `POST /incidents/{id}/satisfaction`: answers by
 * question id and why. The answers are checked against the survey's questions after the
 * invitation is (`checkSurveyAnswers`).
 *
 * @public
 */
export const surveyResponseSchema = z.strictObject({
  answers: z.record(questionId, answerValue),
  comment: z.string().max(MAX_SURVEY_TEXT_LENGTH).nullish(),
});

/** @public */
export type SurveyResponseRequest = z.input<typeof surveyResponseSchema>;

const instant = z.iso.datetime({ offset: true });

/** Query of `GET /satisfaction`. @public */
export const satisfactionQuerySchema = z.strictObject({
  entityRef: entityRefSchema,
  /** Defaults to 90 days before `to`. */
  from: instant.optional(),
  /** Defaults to now. */
  to: instant.optional(),
  /** Latest comments returned. */
  comments: z.coerce.number().int().min(0).max(50).default(10),
});

/** Query of `GET /satisfaction/summary`. @public */
export const satisfactionSummaryQuerySchema = z.strictObject({
  entityRef: entityRefSchema,
});

/** Query of `GET /survey-invitations`: the caller's own invitations. @public */
export const surveyInvitationQuerySchema = z.strictObject({
  surveyId: surveyIdSchema.optional(),
  incidentId: recordIdSchema(
    'INC',
    'must be an incident id like INC-7',
  ).optional(),
  /** Only pending ones (default), or all. */
  state: z.enum(['pending', 'all']).default('pending'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
