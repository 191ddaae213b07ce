import { z } from 'zod';
import { recordIdSchema } from '../records/recordIds';
import { entityRefSchema, MAX_DESCRIPTION_LENGTH } from '../incidents/schemas';
import { parseDuration } from './duration';
import {
  PRIORITY_KEYS,
  REVIEW_CADENCES,
  SLM_CLOCKS,
  SUPPORTING_AGREEMENT_KINDS,
} from './types';

const instant = z.iso.datetime();
const title = z.string().trim().min(1).max(200);
const text = z.string().max(MAX_DESCRIPTION_LENGTH);
const percent = z.number().min(0).max(100);

/** A calendar id as used in `itsm.calendars` and the calendars API. @public */
export const calendarIdSchema = z
  .string()
  .regex(
    /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}$/,
    'must be a calendar id like 24x7 or office-hours',
  );

/** A target duration like `30m`, `4h`, `3d` (see `parseDuration`). @public */
export const durationSchema = z.string().refine(
  value => {
    try {
      parseDuration(value);
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be a duration > 0 like '30m', '4h', '3d' or '1h30m'" },
);

/** @public */
export const slaIdSchema = recordIdSchema(
  'SLA',
  'must be an SLA id like SLA-2',
);

/** @public */
export const supportingAgreementIdSchema = z
  .string()
  .regex(/^(OLA|UC)-\d+$/, 'must be an agreement id like OLA-3 or UC-4');

const durationTargetSchema = z.strictObject({
  duration: durationSchema,
  calendarId: calendarIdSchema.optional(),
});

const clockTargetsSchema = z.strictObject(
  Object.fromEntries(
    SLM_CLOCKS.map(clock => [clock, durationTargetSchema.optional()]),
  ) as Record<
    (typeof SLM_CLOCKS)[number],
    z.ZodOptional<typeof durationTargetSchema>
  >,
);

const incidentTargetsSchema = z.strictObject(
  Object.fromEntries(
    PRIORITY_KEYS.map(key => [key, clockTargetsSchema.optional()]),
  ) as Record<
    (typeof PRIORITY_KEYS)[number],
    z.ZodOptional<typeof clockTargetsSchema>
  >,
);

/** Targets of an OLA or UC: every metric optional. @public */
export const serviceLevelTargetsSchema = z.strictObject({
  incidents: incidentTargetsSchema.default({}),
  availabilityPercent: percent.optional(),
  changeSuccessRatePercent: percent.optional(),
  csatPercent: percent.optional(),
});

/** Targets of an SLA: availability is always agreed. @public */
export const slaTargetsSchema = serviceLevelTargetsSchema.extend({
  availabilityPercent: percent,
});

/** @public */
export const workloadLimitsSchema = z.strictObject({
  incidentsPerMonth: z.number().int().min(0).optional(),
  majorIncidentsPerMonth: z.number().int().min(0).optional(),
  changesPerMonth: z.number().int().min(0).optional(),
});

function checkEffective(
  value: { effectiveFrom?: string; effectiveTo?: string | null },
  ctx: z.RefinementCtx,
) {
  if (
    value.effectiveFrom &&
    value.effectiveTo &&
    Date.parse(value.effectiveTo) <= Date.parse(value.effectiveFrom)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['effectiveTo'],
      message: 'effectiveTo must be after effectiveFrom',
    });
  }
}

const termFields = {
  title,
  calendarId: calendarIdSchema,
  workloadLimits: workloadLimitsSchema.default({}),
  exceptions: text.default(''),
  reviewCadence: z.enum(REVIEW_CADENCES).default('quarterly'),
  /** Default: now (server time). Terms cannot be backdated: an earlier instant is a 400. */
  effectiveFrom: instant.optional(),
  effectiveTo: instant.nullish(),
  lastReviewedAt: instant.nullish(),
};

/**
 * Body of `POST /slas`. Id, version, revision and timestamps are never accepted from a client;
 * calendars and cross-field rules are checked by `validateSla` after parsing. `effectiveFrom`
 * defaults to now; the server refuses one before its now (terms apply from when they are agreed).
 *
 * @public
 */
export const slaCreateSchema = z
  .strictObject({
    ...termFields,
    entityRef: entityRefSchema,
    customerGroups: z.array(entityRefSchema).max(100).default([]),
    targets: slaTargetsSchema,
  })
  .superRefine(checkEffective);

/** @public */
export type SlaCreateRequest = z.input<typeof slaCreateSchema>;

/**
 * Body of `PATCH /slas/{id}`: the editable terms. The service (`entityRef`), id, version,
 * revision and timestamps are not among them, so sending one is a 400.
 *
 * @public
 */
export const slaPatchSchema = z
  .strictObject({
    title,
    calendarId: calendarIdSchema,
    customerGroups: z.array(entityRefSchema).max(100),
    targets: slaTargetsSchema,
    workloadLimits: workloadLimitsSchema,
    exceptions: text,
    reviewCadence: z.enum(REVIEW_CADENCES),
    effectiveFrom: instant,
    effectiveTo: instant.nullable(),
    lastReviewedAt: instant.nullable(),
  })
  .partial()
  .superRefine(checkEffective);

/** @public */
export type SlaPatchRequest = z.input<typeof slaPatchSchema>;

function checkParty(
  value: {
    kind?: string;
    internalGroup?: string | null;
    supplier?: string | null;
  },
  ctx: z.RefinementCtx,
) {
  if (value.kind === 'ola' && !value.internalGroup) {
    ctx.addIssue({
      code: 'custom',
      path: ['internalGroup'],
      message: 'internalGroup is required for an OLA',
    });
  }
  if (value.kind === 'uc' && !value.supplier) {
    ctx.addIssue({
      code: 'custom',
      path: ['supplier'],
      message: 'supplier is required for an underpinning contract',
    });
  }
}

/** Body of `POST /supporting-agreements`. @public */
export const supportingAgreementCreateSchema = z
  .strictObject({
    ...termFields,
    kind: z.enum(SUPPORTING_AGREEMENT_KINDS),
    entityRef: entityRefSchema,
    internalGroup: entityRefSchema.nullish(),
    supplier: z.string().trim().min(1).max(200).nullish(),
    contractRef: z.string().trim().min(1).max(200).nullish(),
    slaIds: z.array(slaIdSchema).max(100).default([]),
    targets: serviceLevelTargetsSchema,
  })
  .superRefine((value, ctx) => {
    checkParty(value, ctx);
    checkEffective(value, ctx);
  });

/** @public */
export type SupportingAgreementCreateRequest = z.input<
  typeof supportingAgreementCreateSchema
>;

/**
 * Body of `PATCH /supporting-agreements/{id}`; `kind` and `entityRef` are fixed at creation.
 *
 * @public
 */
export const supportingAgreementPatchSchema = z
  .strictObject({
    title,
    calendarId: calendarIdSchema,
    internalGroup: entityRefSchema.nullable(),
    supplier: z.string().trim().min(1).max(200).nullable(),
    contractRef: z.string().trim().min(1).max(200).nullable(),
    slaIds: z.array(slaIdSchema).max(100),
    targets: serviceLevelTargetsSchema,
    workloadLimits: workloadLimitsSchema,
    exceptions: text,
    reviewCadence: z.enum(REVIEW_CADENCES),
    effectiveFrom: instant,
    effectiveTo: instant.nullable(),
    lastReviewedAt: instant.nullable(),
  })
  .partial()
  .superRefine(checkEffective);

/** @public */
export type SupportingAgreementPatchRequest = z.input<
  typeof supportingAgreementPatchSchema
>;

/**
 * Body of `PATCH /breaches/{id}`: cause, action, the improvement item raised, and a waiver
 * (reason and approver both required; `null` withdraws it).
 *
 * @public
 */
export const breachPatchSchema = z
  .strictObject({
    cause: text.nullable(),
    action: text.nullable(),
    improvementId: recordIdSchema(
      'IMP',
      'must be an improvement id like IMP-8',
    ).nullable(),
    waiver: z
      .strictObject({
        reason: z.string().trim().min(1).max(MAX_DESCRIPTION_LENGTH),
        approver: entityRefSchema,
      })
      .nullable(),
  })
  .partial();

/** @public */
export type BreachPatchRequest = z.input<typeof breachPatchSchema>;
