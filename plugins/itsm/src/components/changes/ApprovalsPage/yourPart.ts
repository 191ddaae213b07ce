import type { Change } from '@backstage-itsm/plugin-itsm-common';
import { describeOutstanding } from '../ChangeApprovals';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The outstanding requirements a vote of the caller could fill, in words, from their
 * groups (`ownershipEntityRefs`). When none of their groups is named (membership the
 * identity does not list), every outstanding requirement is shown: the server put the
 * change in the caller's queue, so one of them is theirs.
 */
export function yourPart(change: Change, groups: readonly string[]): string[] {
  const outstanding =
    change.outstandingApprovals ??
    change.requiredApprovals.map(r => ({ ...r, remaining: 1 }));
  const mine = new Set(groups.map(lower));
  const matching = outstanding.filter(r => mine.has(lower(r.group)));
  return (matching.length ? matching : outstanding).map(describeOutstanding);
}
