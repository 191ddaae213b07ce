import { InputError } from '@backstage/errors';

/*
 * Change conflicts (DESIGN §3 "Change and CAB"): overlapping windows on the same entity or on
 * entities directly related in the catalog, and freeze (blackout) windows from config
 * (`itsm.changes.freezeWindows`). ServiceNow-like: a conflict is reported, not enforced, except
 * that a freeze blocks scheduling for every change type but emergency.
 */

/** An instant: a `Date` or an ISO 8601 string. @public */
export type ChangeInstant = Date | string;

/**
 * A freeze (blackout) window from config. `entityRefs: []` freezes every entity.
 *
 * @public
 */
export interface ChangeFreezeWindow {
  name: string;
  start: ChangeInstant;
  end: ChangeInstant;
  entityRefs: readonly string[];
}

/** The kind of a change conflict. @public */
export type ChangeConflictKind = 'overlap' | 'related_overlap' | 'freeze';

/** One conflict of a change (the `conflicts` wire field). @public */
export interface ChangeConflict {
  kind: ChangeConflictKind;
  /** The id of the other change (`overlap`, `related_overlap`). */
  with?: string;
  /** The entity of this change the conflict is on; absent for a freeze of all entities. */
  entityRef?: string;
  /** The name of the freeze window (`freeze`). */
  window?: string;
  message: string;
}

/**
 * Statuses of other changes whose windows count for conflicts: those on their way to or in
 * implementation. Drafts, changes in assessment and finished changes do not block anything.
 *
 * @public
 */
export const CONFLICTING_CHANGE_STATUSES: readonly string[] = [
  'authorization',
  'scheduled',
  'implementing',
];

/** What {@link findChangeConflicts} reads. @public */
export interface FindChangeConflictsInput {
  change: {
    id: string;
    entityRefs: readonly string[];
    plannedStart: ChangeInstant;
    plannedEnd: ChangeInstant;
    type: 'standard' | 'normal' | 'emergency';
  };
  others: ReadonlyArray<{
    id: string;
    entityRefs: readonly string[];
    plannedStart: ChangeInstant;
    plannedEnd: ChangeInstant;
    status: string;
  }>;
  /** The entities directly related to an entity in the catalog (either direction). */
  related: (entityRef: string) => readonly string[];
  freezeWindows: readonly ChangeFreezeWindow[];
}

function toMs(value: unknown, field: string): number {
  let ms = NaN;
  if (value instanceof Date) {
    ms = value.getTime();
  } else if (typeof value === 'string' && value.trim() !== '') {
    ms = Date.parse(value);
  }
  if (!Number.isFinite(ms)) {
    throw new InputError(`${field} must be a valid date`);
  }
  return ms;
}

function toWindow(
  start: unknown,
  end: unknown,
  startField: string,
  endField: string,
): [number, number] {
  const s = toMs(start, startField);
  const e = toMs(end, endField);
  if (s >= e) {
    throw new InputError(`${endField} must be after ${startField}`);
  }
  return [s, e];
}

/**
 * Whether the half-open windows `[aStart, aEnd)` and `[bStart, bEnd)` overlap: windows that only
 * touch (one ends when the other starts) do not.
 *
 * @public
 */
export function changeWindowsOverlap(
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
): boolean {
  return aStart < bEnd && bStart < aEnd;
}

/**
 * Checks freeze windows (from config): each needs a name, valid `start` and `end` dates with
 * `start` before `end`, and an `entityRefs` array. Throws an `InputError` naming the field, e.g.
 * `freezeWindows[1].end`. Returns the windows.
 *
 * @public
 */
export function validateFreezeWindows(
  windows: readonly ChangeFreezeWindow[],
): readonly ChangeFreezeWindow[] {
  if (!Array.isArray(windows)) {
    throw new InputError('freezeWindows must be an array');
  }
  windows.forEach((w, i) => {
    const field = `freezeWindows[${i}]`;
    if (!w || typeof w !== 'object') {
      throw new InputError(`${field} must be an object`);
    }
    if (typeof w.name !== 'string' || !w.name.trim()) {
      throw new InputError(`${field}.name is required`);
    }
    toWindow(w.start, w.end, `${field}.start`, `${field}.end`);
    if (
      !Array.isArray(w.entityRefs) ||
      w.entityRefs.some((ref: unknown) => typeof ref !== 'string' || !ref)
    ) {
      throw new InputError(
        `${field}.entityRefs must be an array of entity refs ([] = all)`,
      );
    }
  });
  return windows;
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * Finds the conflicts of a change's planned window (DESIGN §3), in this order:
 *
 * - for each other change in {@link CONFLICTING_CHANGE_STATUSES} (not the change itself) whose
 *   window overlaps ({@link changeWindowsOverlap}), and for each entity of this change: `overlap`
 *   when the other change affects the same entity (refs compared case-insensitively), otherwise
 *   `related_overlap` when it affects an entity that `related(entity)` lists (entities of this
 *   change itself are left out: they are reported as overlaps on themselves);
 * - for each freeze window overlapping the planned window: one `freeze` without `entityRef` when
 *   it freezes all entities, otherwise one per affected entity it lists.
 *
 * Throws an `InputError` naming the field for an invalid date or an empty window.
 *
 * @public
 */
export function findChangeConflicts(
  input: FindChangeConflictsInput,
): ChangeConflict[] {
  const { change, others, related, freezeWindows } = input;
  const [start, end] = toWindow(
    change.plannedStart,
    change.plannedEnd,
    'plannedStart',
    'plannedEnd',
  );
  const ours = new Set<string>();
  // this change's refs, the first spelling of each (refs compare case-insensitively)
  const ourRefs = change.entityRefs.filter(ref => {
    const key = lower(ref);
    if (ours.has(key)) {
      return false;
    }
    ours.add(key);
    return true;
  });
  const conflicts: ChangeConflict[] = [];

  const relatedOf = new Map<string, string[]>();
  const relatedTo = (ref: string) => {
    let list = relatedOf.get(ref);
    if (!list) {
      list = [...related(ref)].filter(r => !ours.has(lower(r)));
      relatedOf.set(ref, list);
    }
    return list;
  };

  others.forEach((other, i) => {
    if (
      other.id === change.id ||
      !CONFLICTING_CHANGE_STATUSES.includes(other.status)
    ) {
      return;
    }
    const [otherStart, otherEnd] = toWindow(
      other.plannedStart,
      other.plannedEnd,
      `others[${i}].plannedStart`,
      `others[${i}].plannedEnd`,
    );
    if (!changeWindowsOverlap(start, end, otherStart, otherEnd)) {
      return;
    }
    const theirs = new Map(other.entityRefs.map(r => [lower(r), r]));
    for (const ref of ourRefs) {
      if (theirs.has(lower(ref))) {
        conflicts.push({
          kind: 'overlap',
          with: other.id,
          entityRef: ref,
          message: `Change ${other.id} (${other.status}) also changes ${ref} in an overlapping window`,
        });
        continue;
      }
      const hits = relatedTo(ref)
        .map(r => theirs.get(lower(r)))
        .filter((r): r is string => r !== undefined);
      if (hits.length > 0) {
        conflicts.push({
          kind: 'related_overlap',
          with: other.id,
          entityRef: ref,
          message: `Change ${other.id} (${other.status}) changes ${hits.join(
            ', ',
          )}, directly related to ${ref}, in an overlapping window`,
        });
      }
    }
  });

  freezeWindows.forEach((w, i) => {
    const [freezeStart, freezeEnd] = toWindow(
      w.start,
      w.end,
      `freezeWindows[${i}].start`,
      `freezeWindows[${i}].end`,
    );
    if (!changeWindowsOverlap(start, end, freezeStart, freezeEnd)) {
      return;
    }
    if (w.entityRefs.length === 0) {
      conflicts.push({
        kind: 'freeze',
        window: w.name,
        message: `The planned window falls in the freeze window "${w.name}" for all services`,
      });
      return;
    }
    const frozen = new Set(w.entityRefs.map(lower));
    for (const ref of ourRefs) {
      if (frozen.has(lower(ref))) {
        conflicts.push({
          kind: 'freeze',
          window: w.name,
          entityRef: ref,
          message: `The planned window falls in the freeze window "${w.name}" for ${ref}`,
        });
      }
    }
  });

  return conflicts;
}

/**
 * Whether the conflicts block scheduling a change of the type: a freeze does, except for
 * emergency changes; overlaps are reported but never block.
 *
 * @public
 */
export function freezeBlocksScheduling(
  conflicts: readonly ChangeConflict[],
  type: 'standard' | 'normal' | 'emergency',
): boolean {
  return type !== 'emergency' && conflicts.some(c => c.kind === 'freeze');
}
