import { ConflictError } from '@backstage/errors';
import { z } from 'zod';
import { isImprovementLocked } from './lifecycle';
import type { improvementPatchSchema } from './schemas';
import type { ImprovementScoreInputs } from './scores';
import {
  IMPROVEMENT_KPI_DEFINITIONS,
  Improvement,
  ImprovementKpi,
  ImprovementKpiName,
} from './types';
import type { ImprovementTarget } from './verdict';

/** A validated `PATCH /improvements/{id}` body. @public */
export type ImprovementPatchInput = z.output<typeof improvementPatchSchema>;

/** The fields a patch writes besides the services (resolved from the catalog). @public */
export type ImprovementPatchChanges = Partial<
  Pick<
    Improvement,
    | 'kind'
    | 'type'
    | 'title'
    | 'description'
    | 'owner'
    | 'owningGroup'
    | 'targetDate'
    | 'nonconformity'
    | 'correction'
    | 'rootCause'
    | 'effectivenessReview'
    | 'kpi'
  > &
    ImprovementScoreInputs
>;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** Whether two JSON values are equal, whatever the order of their keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return false;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every(
      key =>
        Object.prototype.hasOwnProperty.call(b, key) &&
        sameJson(
          (a as Record<string, unknown>)[key],
          (b as Record<string, unknown>)[key],
        ),
    )
  );
}

/**
 * Plans an edit of `item`: a 409 when it is closed or rejected, and when it names another KPI
 * once the item left `proposed` (the baseline was measured for the KPI it had at approval;
 * the same KPI again is no change). Refs are lowercase; a change to one input of the score
 * writes all three. The services (`entityRefs`) are left to the caller.
 *
 * @public
 */
export function planImprovementPatch(
  item: Pick<Improvement, 'status' | 'kpi'> & ImprovementScoreInputs,
  input: ImprovementPatchInput,
): ImprovementPatchChanges {
  if (isImprovementLocked(item.status)) {
    throw new ConflictError(
      `The improvement is ${item.status} and cannot change`,
    );
  }
  if (
    input.kpi !== undefined &&
    item.status !== 'proposed' &&
    !sameJson(item.kpi, input.kpi)
  ) {
    throw new ConflictError(
      'The KPI is fixed once the improvement is approved: its baseline was measured for it',
    );
  }
  const planned: ImprovementPatchChanges & { entityRefs?: string[] } = {
    ...input,
  };
  delete planned.entityRefs;
  if (input.owner !== undefined) planned.owner = lower(input.owner);
  if (input.owningGroup !== undefined) {
    planned.owningGroup = input.owningGroup && lower(input.owningGroup);
  }
  if (
    planned.benefit !== undefined ||
    planned.effort !== undefined ||
    planned.urgency !== undefined
  ) {
    planned.benefit ??= item.benefit;
    planned.effort ??= item.effort;
    planned.urgency ??= item.urgency;
  }
  return planned;
}

/** The ref when it is a group's, else null. */
function groupOf(ref: string | null): string | null {
  return ref && ref.startsWith('group:') ? ref : null;
}

/**
 * Who owns a new item (lowercase): its owner is the one given, else the owner of its first
 * service when that is a group; its owning group the one given, else the owner when a group,
 * else the first service's owner group.
 *
 * @public
 */
export function improvementOwnership(options: {
  owner?: string | null;
  owningGroup?: string | null;
  /** The owner of the item's first service. */
  serviceOwnerRef: string | null;
}): { owner: string | null; owningGroup: string | null } {
  const serviceGroup = groupOf(
    options.serviceOwnerRef && lower(options.serviceOwnerRef),
  );
  const owner = options.owner ? lower(options.owner) : serviceGroup;
  const owningGroup = options.owningGroup
    ? lower(options.owningGroup)
    : groupOf(owner) ?? serviceGroup;
  return { owner, owningGroup };
}

/** Days a suggested or drafted KPI lets a change settle before it is measured. @public */
export const DEFAULT_IMPROVEMENT_SETTLE_DAYS = 7;

/**
 * A KPI as drafts and suggestions propose it: measured over `windowDays` after a week of
 * settling, in the KPI's usual direction, scoped only by the filters given.
 *
 * @public
 */
export function defaultImprovementKpi(
  name: ImprovementKpiName,
  options: {
    windowDays: number;
    target: ImprovementTarget;
    category?: string | null;
    priority?: number | null;
    signature?: string | null;
  },
): ImprovementKpi {
  return {
    kpi: name,
    category: options.category ?? null,
    priority: options.priority ?? null,
    signature: options.signature ?? null,
    windowDays: options.windowDays,
    settleDays: DEFAULT_IMPROVEMENT_SETTLE_DAYS,
    direction: IMPROVEMENT_KPI_DEFINITIONS[name].direction,
    target: options.target,
  };
}
