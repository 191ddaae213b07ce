import type {
  KnownError,
  KnownErrorCreateRequest,
  KnownErrorPatchRequest,
  Problem,
} from '@backstage-itsm/plugin-itsm-common';

/** What the known-error dialogs hold. */
export interface KnownErrorFieldValues {
  title: string;
  symptom: string;
  rootCause: string;
  workaround: string;
  entityRefs: string[];
  categories: string[];
  signatures: string[];
  phrases: string[];
  /** `YYYY-MM-DD` or empty. */
  reviewBy: string;
}

/** A known error's form as it stands. */
export function knownErrorFieldValues(
  knownError: KnownError,
): KnownErrorFieldValues {
  return {
    title: knownError.title,
    symptom: knownError.symptom,
    rootCause: knownError.rootCause ?? '',
    workaround: knownError.workaround,
    entityRefs: knownError.entityRefs,
    categories: knownError.matchRules.categories,
    signatures: knownError.matchRules.signatures,
    phrases: knownError.matchRules.text,
    reviewBy: knownError.reviewBy ?? '',
  };
}

/**
 * A new known error from its problem: title, statement as symptom, root cause, workaround,
 * entities, and the problem's category and signature as match rules.
 */
export function knownErrorValuesFromProblem(
  problem: Problem,
): KnownErrorFieldValues {
  return {
    title: problem.title,
    symptom: problem.statement,
    rootCause: problem.rootCause ?? '',
    workaround: problem.workaround ?? '',
    entityRefs: problem.entityRefs,
    categories: problem.category ? [problem.category] : [],
    signatures: problem.signature ? [problem.signature] : [],
    phrases: [],
    reviewBy: '',
  };
}

/** An empty known error on `entityRefs`. */
export function emptyKnownErrorValues(
  entityRefs: string[] = [],
): KnownErrorFieldValues {
  return {
    title: '',
    symptom: '',
    rootCause: '',
    workaround: '',
    entityRefs,
    categories: [],
    signatures: [],
    phrases: [],
    reviewBy: '',
  };
}

function fieldsOf(values: KnownErrorFieldValues) {
  return {
    title: values.title,
    symptom: values.symptom,
    rootCause: values.rootCause,
    workaround: values.workaround,
    entityRefs: values.entityRefs,
    matchRules: {
      categories: values.categories,
      signatures: values.signatures,
      text: values.phrases,
    },
    reviewBy: values.reviewBy.trim() ? values.reviewBy.trim() : null,
  };
}

/** The body of `POST /known-errors`. */
export function knownErrorCreateRequest(
  values: KnownErrorFieldValues,
  problemId?: string,
): KnownErrorCreateRequest {
  return { ...fieldsOf(values), ...(problemId ? { problemId } : {}) };
}

/** Only what changed: a PATCH names the fields it edits. */
export function changedKnownErrorFields(
  knownError: KnownError,
  values: KnownErrorFieldValues,
): KnownErrorPatchRequest {
  const before = fieldsOf(knownErrorFieldValues(knownError));
  const after = fieldsOf(values);
  const patch: Record<string, unknown> = {};
  for (const field of Object.keys(after) as (keyof typeof after)[]) {
    if (JSON.stringify(after[field]) !== JSON.stringify(before[field])) {
      patch[field] = after[field];
    }
  }
  return patch as KnownErrorPatchRequest;
}
