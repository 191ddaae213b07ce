import type { FieldErrors, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type {
  Problem,
  ProblemPatchRequest,
} from '@backstage-itsm/plugin-itsm-common';
import type { ProblemFieldValues } from './ProblemFields';

/** The form of a problem as it stands. */
export function problemFieldValues(problem: Problem): ProblemFieldValues {
  return {
    title: problem.title,
    statement: problem.statement,
    entityRefs: problem.entityRefs,
    impact: problem.impact,
    urgency: problem.urgency,
    category: problem.category ?? '',
    owner: problem.owner,
    assignmentGroup: problem.assignmentGroup,
    targetDate: problem.targetDate ?? '',
  };
}

const orNull = (value: string | null) =>
  value === null || value.trim() === '' ? null : value.trim();

/** The form as request fields: empty optional texts are `null`. */
export function problemFieldsRequest(values: ProblemFieldValues) {
  return {
    title: values.title,
    statement: values.statement,
    entityRefs: values.entityRefs,
    impact: values.impact,
    urgency: values.urgency,
    category: orNull(values.category),
    owner: orNull(values.owner),
    assignmentGroup: orNull(values.assignmentGroup),
    targetDate: orNull(values.targetDate),
  };
}

/** Only what changed: a PATCH names the fields it edits. */
export function changedProblemFields(
  problem: Problem,
  values: ProblemFieldValues,
): ProblemPatchRequest {
  const before = problemFieldsRequest(problemFieldValues(problem));
  const after = problemFieldsRequest(values);
  const patch: Record<string, unknown> = {};
  for (const field of Object.keys(after) as (keyof typeof after)[]) {
    if (JSON.stringify(after[field]) !== JSON.stringify(before[field])) {
      patch[field] = after[field];
    }
  }
  return patch as ProblemPatchRequest;
}

/**
 * A react-hook-form resolver that checks the request a form would send against a -common
 * schema and reports the issues on the form's fields.
 */
export function requestResolver<V extends Record<string, any>>(
  schema: z.ZodType,
  toRequest: (values: V) => unknown,
): Resolver<V> {
  return async values => {
    const parsed = schema.safeParse(toRequest(values));
    if (parsed.success) {
      return { values, errors: {} };
    }
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'root');
      if (!errors[field]) {
        errors[field] = {
          type: 'validate',
          message:
            issue.code === 'too_small' && issue.origin === 'string'
              ? 'Required'
              : issue.message,
        };
      }
    }
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}
