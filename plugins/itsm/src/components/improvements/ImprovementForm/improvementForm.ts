import type { FieldErrors, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import {
  IMPROVEMENT_KPI_DEFINITIONS,
  improvementCreateSchema,
  improvementKpiSchema,
  improvementPatchSchema,
  isImprovementLocked,
  type Improvement,
  type ImprovementCreateRequest,
  type ImprovementDirection,
  type ImprovementDraft,
  type ImprovementKind,
  type ImprovementKpi,
  type ImprovementKpiName,
  type ImprovementKpiRequest,
  type ImprovementPatchRequest,
  type ImprovementSource,
  type ImprovementType,
} from '@backstage-itsm/plugin-itsm-common';
import { formErrorMap } from '../../shared/forms';
import { SOURCES_WITH_RECORD } from '../record/improvementKind';

/** What the raise form and the edit dialog hold (numbers typed as text). */
export interface ImprovementFormValues {
  kind: ImprovementKind;
  type: ImprovementType;
  title: string;
  description: string;
  source: ImprovementSource;
  sourceId: string;
  entityRefs: string[];
  owner: string | null;
  benefit: number;
  effort: number;
  urgency: number;
  /** `YYYY-MM-DD` or empty. */
  targetDate: string;
  nonconformity: string;
  correction: string;
  rootCause: string;
  effectivenessReview: string;
  /** Whether the item names a KPI to be measured by. */
  measured: boolean;
  kpi: ImprovementKpiName;
  category: string;
  /** `1`–`5` or empty. */
  priority: string;
  signature: string;
  windowDays: string;
  settleDays: string;
  direction: ImprovementDirection;
  targetKind: 'relative' | 'absolute';
  targetPercent: string;
  targetValue: string;
}

/** A new item: an improvement of a process, middling priority, no KPI yet. */
export function emptyImprovementValues(
  overrides: Partial<ImprovementFormValues> = {},
): ImprovementFormValues {
  return {
    kind: 'improvement',
    type: 'process',
    title: '',
    description: '',
    source: 'other',
    sourceId: '',
    entityRefs: [],
    owner: null,
    benefit: 3,
    effort: 3,
    urgency: 3,
    targetDate: '',
    nonconformity: '',
    correction: '',
    rootCause: '',
    effectivenessReview: '',
    measured: false,
    kpi: 'incident_count',
    category: '',
    priority: '',
    signature: '',
    windowDays: '28',
    settleDays: '7',
    direction: 'decrease',
    targetKind: 'relative',
    targetPercent: '30',
    targetValue: '',
    ...overrides,
  };
}

/** The form's KPI fields of a KPI (the defaults without one). */
function kpiValues(kpi: ImprovementKpi | null): Partial<ImprovementFormValues> {
  if (!kpi) return { measured: false };
  return {
    measured: true,
    kpi: kpi.kpi,
    category: kpi.category ?? '',
    priority: kpi.priority ? String(kpi.priority) : '',
    signature: kpi.signature ?? '',
    windowDays: String(kpi.windowDays),
    settleDays: String(kpi.settleDays),
    direction: kpi.direction,
    targetKind: kpi.target.kind,
    targetPercent:
      kpi.target.kind === 'relative' ? String(kpi.target.percent) : '30',
    targetValue: kpi.target.kind === 'absolute' ? String(kpi.target.value) : '',
  };
}

/** The form pre-filled from a source record's draft. */
export function valuesFromDraft(
  draft: ImprovementDraft,
): ImprovementFormValues {
  return emptyImprovementValues({
    kind: draft.kind,
    type: draft.type,
    title: draft.title,
    description: draft.description,
    source: draft.source,
    sourceId: draft.sourceId ?? '',
    entityRefs: draft.entityRefs,
    owner: draft.owner,
    nonconformity: draft.nonconformity ?? '',
    benefit: draft.benefit,
    effort: draft.effort,
    urgency: draft.urgency,
    targetDate: draft.targetDate ?? '',
    ...kpiValues(draft.kpi),
  });
}

/** The edit dialog's values of an item. */
export function valuesOfImprovement(item: Improvement): ImprovementFormValues {
  return emptyImprovementValues({
    kind: item.kind,
    type: item.type,
    title: item.title,
    description: item.description,
    source: item.source,
    sourceId: item.sourceId ?? '',
    entityRefs: item.entityRefs,
    owner: item.owner,
    benefit: item.priority.benefit,
    effort: item.priority.effort,
    urgency: item.priority.urgency,
    targetDate: item.targetDate ?? '',
    nonconformity: item.nonconformity ?? '',
    correction: item.correction ?? '',
    rootCause: item.rootCause ?? '',
    effectivenessReview: item.effectivenessReview ?? '',
    ...kpiValues(item.kpi),
  });
}

/** A number typed in a field; empty stays `undefined` (the schema says it is required). */
function numberOf(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/** Optional Markdown: empty is `null`. */
const textOrNull = (text: string) => (text.trim() ? text : null);

const lower = (ref: string) => ref.trim().toLocaleLowerCase('en-US');

/**
 * The KPI request of the form, or null without one. Only the scope filters the KPI takes
 * are sent, so switching the KPI never sends a filter it refuses.
 */
export function kpiRequestOf(
  values: ImprovementFormValues,
): ImprovementKpiRequest | null {
  if (!values.measured) return null;
  const { filters } = IMPROVEMENT_KPI_DEFINITIONS[values.kpi];
  const request: Record<string, unknown> = {
    kpi: values.kpi,
    windowDays: numberOf(values.windowDays),
    settleDays: numberOf(values.settleDays),
    direction: values.direction,
    target:
      values.targetKind === 'relative'
        ? { kind: 'relative', percent: numberOf(values.targetPercent) }
        : { kind: 'absolute', value: numberOf(values.targetValue) },
  };
  if (filters.includes('category') && values.category.trim()) {
    request.category = values.category.trim();
  }
  if (filters.includes('priority') && values.priority) {
    request.priority = Number(values.priority);
  }
  if (filters.includes('signature') && values.signature.trim()) {
    request.signature = values.signature.trim();
  }
  return request as unknown as ImprovementKpiRequest;
}

/** Whether a source names a record in `sourceId`. */
export function sourceNamesRecord(source: ImprovementSource): boolean {
  return SOURCES_WITH_RECORD.includes(source);
}

/** The `POST /improvements` body of the form. */
export function toCreateRequest(
  values: ImprovementFormValues,
): ImprovementCreateRequest {
  const corrective = values.kind === 'corrective_action';
  const request: ImprovementCreateRequest = {
    kind: values.kind,
    type: values.type,
    title: values.title.trim(),
    description: values.description,
    source: values.source,
    sourceId:
      sourceNamesRecord(values.source) && values.sourceId.trim()
        ? values.sourceId.trim()
        : null,
    entityRefs: values.entityRefs.map(lower),
    benefit: values.benefit,
    effort: values.effort,
    urgency: values.urgency,
    targetDate: values.targetDate || null,
    kpi: kpiRequestOf(values),
  };
  if (values.owner?.trim()) request.owner = lower(values.owner);
  if (corrective) {
    request.nonconformity = textOrNull(values.nonconformity);
    request.correction = textOrNull(values.correction);
    request.rootCause = textOrNull(values.rootCause);
  }
  return request;
}

/** Whether two KPIs (the item's, and the form's parsed) say the same. */
function sameKpi(a: ImprovementKpi | null, b: ImprovementKpi | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.kpi === b.kpi &&
    a.category === b.category &&
    a.priority === b.priority &&
    a.signature === b.signature &&
    a.windowDays === b.windowDays &&
    a.settleDays === b.settleDays &&
    a.direction === b.direction &&
    JSON.stringify(a.target) === JSON.stringify(b.target)
  );
}

/** Whether the KPI may still change: until the item is approved (its baseline is frozen then). */
export function isKpiEditable(item: Pick<Improvement, 'status'>): boolean {
  return item.status === 'proposed';
}

/** Whether "Edit" is offered: until the item is closed or rejected. */
export function isImprovementEditable(
  item: Pick<Improvement, 'status'>,
): boolean {
  return !isImprovementLocked(item.status);
}

/** The `PATCH` body: only what changed (the KPI only while it may change). */
export function toPatchRequest(
  item: Improvement,
  values: ImprovementFormValues,
): ImprovementPatchRequest {
  const patch: ImprovementPatchRequest = {};
  const title = values.title.trim();
  if (values.kind !== item.kind) patch.kind = values.kind;
  if (values.type !== item.type) patch.type = values.type;
  if (title !== item.title) patch.title = title;
  if (values.description !== item.description) {
    patch.description = values.description;
  }
  const refs = values.entityRefs.map(lower);
  if (JSON.stringify(refs) !== JSON.stringify(item.entityRefs)) {
    patch.entityRefs = refs;
  }
  const owner = values.owner?.trim() ? lower(values.owner) : '';
  if (owner && owner !== item.owner) patch.owner = owner;
  if (values.benefit !== item.priority.benefit) patch.benefit = values.benefit;
  if (values.effort !== item.priority.effort) patch.effort = values.effort;
  if (values.urgency !== item.priority.urgency) patch.urgency = values.urgency;
  const targetDate = values.targetDate || null;
  if (targetDate !== item.targetDate) patch.targetDate = targetDate;
  for (const field of [
    'nonconformity',
    'correction',
    'rootCause',
    'effectivenessReview',
  ] as const) {
    const next = textOrNull(values[field]);
    if (next !== item[field]) patch[field] = next;
  }
  if (isKpiEditable(item)) {
    const request = kpiRequestOf(values);
    const parsed = request ? improvementKpiSchema.safeParse(request) : null;
    if (!parsed) {
      if (item.kpi !== null) patch.kpi = null;
    } else if (!parsed.success || !sameKpi(parsed.data, item.kpi)) {
      // An invalid KPI is sent as typed, so the resolver names its field.
      patch.kpi = request;
    }
  }
  return patch;
}

/** The form field an issue of the create or patch schema is about. */
export function fieldOfIssue(
  path: readonly PropertyKey[],
): keyof ImprovementFormValues | 'root' {
  const [first, second, third] = path.map(String);
  if (first === 'kpi') {
    if (second === 'target') {
      return third === 'value' ? 'targetValue' : 'targetPercent';
    }
    if (
      second === 'windowDays' ||
      second === 'settleDays' ||
      second === 'category' ||
      second === 'priority' ||
      second === 'signature'
    ) {
      return second;
    }
    return 'kpi';
  }
  if (!first) return 'root';
  return first as keyof ImprovementFormValues;
}

/** A friendlier message: a number left empty or typed wrong asks for a number. */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.expected === 'number') {
    return 'Enter a number';
  }
  return issue.message;
}

/**
 * A react-hook-form resolver validating the request the form would send with the -common
 * schema (the server's own): each issue lands on the field it is about.
 */
export function improvementResolver(
  schema: z.ZodType,
  toRequest: (values: ImprovementFormValues) => unknown,
): Resolver<ImprovementFormValues> {
  return async values => {
    const parsed = schema.safeParse(toRequest(values), { error: formErrorMap });
    if (parsed.success) {
      return { values, errors: {} };
    }
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const field = fieldOfIssue(issue.path);
      if (!errors[field]) {
        errors[field] = { type: 'validate', message: messageOf(issue) };
      }
    }
    return {
      values: {},
      errors: errors as FieldErrors<ImprovementFormValues>,
    };
  };
}

/** The raise form's resolver. */
export const createResolver = improvementResolver(
  improvementCreateSchema,
  toCreateRequest,
);

/** The edit dialog's resolver for `item`. */
export function patchResolver(item: Improvement) {
  return improvementResolver(improvementPatchSchema, values =>
    toPatchRequest(item, values),
  );
}
