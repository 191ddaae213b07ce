import { parseEntityRef } from '@backstage/catalog-model';
import {
  RISK_QUESTIONNAIRE,
  changeCreateSchema,
  type Change,
  type ChangeCreateRequest,
  type ChangeStatus,
  type ChangeType,
} from '@backstage-itsm/plugin-itsm-common';
import type { ChangeAssessmentRequest, ItsmApi } from '../../../api';

/** What the "Request a change" form holds; instants are ISO strings (or null). */
export interface RequestChangeValues {
  type: ChangeType;
  templateId: string;
  title: string;
  justification: string;
  entityRefs: string[];
  plannedStart: string | null;
  plannedEnd: string | null;
  implementationPlan: string;
  backoutPlan: string;
  testPlan: string;
  riskAnswers: Record<string, string>;
}

export function defaultValues(entityRefs: string[]): RequestChangeValues {
  return {
    type: 'normal',
    templateId: '',
    title: '',
    justification: '',
    entityRefs,
    plannedStart: null,
    plannedEnd: null,
    implementationPlan: '',
    backoutPlan: '',
    testPlan: '',
    riskAnswers: {},
  };
}

const textOrNull = (text: string) => (text.trim() ? text : null);

/** The `POST /changes` body: a template only for a standard change, empty plans as null. */
export function toCreateRequest(
  values: RequestChangeValues,
): ChangeCreateRequest {
  return {
    type: values.type,
    title: values.title,
    justification: values.justification,
    entityRefs: values.entityRefs,
    plannedStart: values.plannedStart,
    plannedEnd: values.plannedEnd,
    implementationPlan: textOrNull(values.implementationPlan),
    backoutPlan: textOrNull(values.backoutPlan),
    testPlan: textOrNull(values.testPlan),
    riskAnswers: values.type === 'standard' ? {} : values.riskAnswers,
    ...(values.type === 'standard' && values.templateId
      ? { templateId: values.templateId }
      : {}),
  };
}

/** Whether every required risk question has an answer. */
export function riskAnswersComplete(answers: Record<string, string>): boolean {
  return RISK_QUESTIONNAIRE.every(q => !q.required || Boolean(answers[q.id]));
}

function isEntityRef(ref: string): boolean {
  try {
    parseEntityRef(ref);
    return ref.includes(':') && ref.includes('/');
  } catch {
    return false;
  }
}

/**
 * The preview (`POST /change-assessments`) body for what the form holds so far, or
 * `undefined` while there is nothing to assess: no valid entity, a standard change without
 * its template, or a normal or emergency change whose risk questionnaire is not complete
 * (the server scores only complete answers). The window is sent only when complete and in
 * order.
 */
export function toAssessmentRequest(
  values: RequestChangeValues,
): ChangeAssessmentRequest | undefined {
  const entityRefs = values.entityRefs.filter(isEntityRef);
  if (entityRefs.length === 0) return undefined;
  const standard = values.type === 'standard';
  if (standard && !values.templateId) return undefined;
  if (!standard && !riskAnswersComplete(values.riskAnswers)) return undefined;
  const request: ChangeAssessmentRequest = standard
    ? { type: values.type, entityRefs, templateId: values.templateId }
    : { type: values.type, entityRefs, riskAnswers: values.riskAnswers };
  const { plannedStart, plannedEnd } = values;
  if (
    plannedStart &&
    plannedEnd &&
    Date.parse(plannedStart) < Date.parse(plannedEnd)
  ) {
    request.plannedStart = plannedStart;
    request.plannedEnd = plannedEnd;
  }
  return request;
}

/** What a submission must have on top of a draft: what leaving draft needs, and the answers. */
export const submitSchema = changeCreateSchema.superRefine((value, ctx) => {
  for (const field of [
    'implementationPlan',
    'backoutPlan',
    'testPlan',
    'plannedStart',
    'plannedEnd',
  ] as const) {
    if (!value[field]?.trim()) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: 'Required to submit',
      });
    }
  }
  if (value.type !== 'standard') {
    for (const question of RISK_QUESTIONNAIRE) {
      if (question.required && !value.riskAnswers[question.id]) {
        ctx.addIssue({
          code: 'custom',
          path: ['riskAnswers', question.id],
          message: 'Answer this question to submit',
        });
      }
    }
  }
});

/** The moves "Submit" makes after creating the draft, per type (DESIGN §3). */
export const SUBMIT_MOVES: Record<ChangeType, ChangeStatus[]> = {
  normal: ['assessment', 'authorization'],
  emergency: ['authorization'],
  standard: ['scheduled'],
};

/**
 * Creates the draft and, for a submission, moves it out of draft as far as its type goes
 * (each move with the version the previous answer carried). A failed move leaves the change
 * where it got to: the result carries both the change and the error.
 */
export async function submitChange(
  api: ItsmApi,
  request: ChangeCreateRequest,
  intent: 'draft' | 'submit',
): Promise<{ change: Change; error?: unknown }> {
  let change = await api.createChange(request);
  if (intent === 'draft') return { change };
  try {
    for (const to of SUBMIT_MOVES[change.type]) {
      change = await api.transitionChange({
        id: change.id,
        version: change.version,
        transition: { to },
      });
    }
    return { change };
  } catch (error) {
    return { change, error };
  }
}
