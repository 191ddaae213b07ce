import {
  CHANGE_RISK_LEVELS,
  CHANGE_STATUSES,
  CHANGE_TYPES,
  changeCreateSchema,
  entityRefSchema,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';

// Query and body schemas of the change API that `-common` does not define
// (the wire types are there; these only parse what the routers receive).

const refs = z.array(z.string().min(1).max(255)).optional();

/** Query of `GET /changes`. */
export const changeListQuerySchema = z.strictObject({
  entityRef: refs,
  status: z.array(z.enum(CHANGE_STATUSES)).optional(),
  type: z.array(z.enum(CHANGE_TYPES)).optional(),
  risk: z
    .array(z.enum(CHANGE_RISK_LEVELS as ['low', 'medium', 'high']))
    .optional(),
  requester: refs,
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});

/** A validated `GET /changes` query. */
export type ChangeListQuery = z.output<typeof changeListQuerySchema>;

/** A validated `POST /changes` body. */
export type ChangeCreateInput = z.output<typeof changeCreateSchema>;

/** Body of `POST /change-assessments`: a change as the form has it so far. */
export const changeAssessmentSchema = z
  .strictObject({
    type: z.enum(CHANGE_TYPES),
    entityRefs: z.array(entityRefSchema).min(1).max(100),
    riskAnswers: z
      .record(z.string().min(1).max(100), z.string().min(1).max(100))
      .default({}),
    plannedStart: z.iso.datetime().nullish(),
    plannedEnd: z.iso.datetime().nullish(),
    templateId: z.string().trim().min(1).max(100).optional(),
  })
  .superRefine((value, ctx) => {
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
  });

/** A validated `POST /change-assessments` body. */
export type ChangeAssessmentInput = z.output<typeof changeAssessmentSchema>;

/** Longest range of one calendar request. */
export const MAX_CALENDAR_DAYS = 100;

/** Query of `GET /change-calendar`. */
export const changeCalendarQuerySchema = z
  .strictObject({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    entityRef: refs,
    owner: refs,
    system: refs,
  })
  .superRefine((value, ctx) => {
    const days = (Date.parse(value.to) - Date.parse(value.from)) / 86_400_000;
    if (!(days > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'to must be after from',
      });
    } else if (days > MAX_CALENDAR_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `the range may span at most ${MAX_CALENDAR_DAYS} days`,
      });
    }
  });

/** A validated `GET /change-calendar` query. */
export type ChangeCalendarQuery = z.output<typeof changeCalendarQuerySchema>;

/** Query of `GET /change-stats`. */
export const changeStatsQuerySchema = z.strictObject({
  entityRef: z.string().min(1).max(255),
  days: z.coerce.number().int().min(1).max(730).default(90),
});

/** Query of `GET /change-templates`. */
export const changeTemplateListQuerySchema = z.strictObject({
  entityRef: refs,
  active: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
