import type { RequiredApproval } from '@backstage-itsm/plugin-itsm-common';
import { shortRef } from '../../shared/format';

const approvals = (n: number) => `${n} approval${n === 1 ? '' : 's'}`;

/**
 * A requirement in words: `1 approval from change-managers`, `Quorum of cab: 2 of 4`,
 * `1 approval from owner group payments-team`.
 */
export function describeRequirement(requirement: RequiredApproval): string {
  const group = shortRef(requirement.group);
  switch (requirement.kind) {
    case 'quorum':
      return `Quorum of ${group}: ${requirement.quorum} of ${requirement.of}`;
    case 'ownerGroup':
      return `${approvals(1)} from owner group ${group}`;
    default:
      return `${approvals(requirement.count)} from ${group}`;
  }
}

/** What an outstanding requirement still needs: `change-managers: 1 more approval`. */
export function describeOutstanding(
  requirement: RequiredApproval & { remaining: number },
): string {
  const what =
    requirement.kind === 'ownerGroup'
      ? `owner group ${shortRef(requirement.group)}`
      : shortRef(requirement.group);
  return `${what}: ${requirement.remaining} more ${
    requirement.remaining === 1 ? 'approval' : 'approvals'
  }`;
}
