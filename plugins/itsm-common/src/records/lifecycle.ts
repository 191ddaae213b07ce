import { ConflictError } from '@backstage/errors';

/**
 * A lifecycle as a table: the statuses each status may move to, and the final statuses after
 * which a record takes no more writes. Each practice keeps its own table and the fields its
 * moves require; the table answers the moves the same way for all of them.
 *
 * @public
 */
export interface LifecycleTable<S extends string> {
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  readonly final: readonly S[];
  /** The statuses a record in `status` may move to. */
  allowed(status: S): readonly S[];
  isFinal(status: S): boolean;
  /**
   * `ConflictError` (409) for a move of a record in a final status, a same-status move, or a
   * move the table does not allow, worded for `noun` (`incident`, `problem`, ...).
   */
  check(from: S, to: S, noun: string): void;
}

/** Builds a {@link LifecycleTable}. @public */
export function defineLifecycle<S extends string>(
  transitions: Readonly<Record<S, readonly S[]>>,
  final: readonly S[],
): LifecycleTable<S> {
  return {
    transitions,
    final,
    allowed: status => transitions[status] ?? [],
    isFinal: status => final.includes(status),
    check(from, to, noun) {
      if (final.includes(from)) {
        throw new ConflictError(`The ${noun} is ${from} and cannot change`);
      }
      if (from === to) {
        throw new ConflictError(`The ${noun} is already ${to}`);
      }
      const allowed = transitions[from] ?? [];
      if (!allowed.includes(to)) {
        const article = /^[aeiou]/i.test(noun) ? 'An' : 'A';
        throw new ConflictError(
          `${article} ${noun} cannot move from ${from} to ${to}; allowed: ${
            allowed.join(', ') || 'none'
          }`,
        );
      }
    },
  };
}
