import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { entityRefSchema } from '../incidents/schemas';
import type {
  Approval,
  Change,
  ChangeType,
  RequiredApproval,
  RiskLevel,
} from './types';

/**
 * One approver entry of a policy rule (DESIGN §3): `count` members of a group (default 1), a
 * quorum of a group (a number, or a percentage such as `'50%'` of the members, the requester
 * excluded), or `ownerGroups: true` for one approval from each owner group of the affected services.
 *
 * @public
 */
export type ApprovalPolicyApprover =
  | { group: string; count?: number; quorum?: never; ownerGroups?: never }
  | {
      group: string;
      quorum: number | string;
      count?: never;
      ownerGroups?: never;
    }
  | { ownerGroups: true; group?: never; count?: never; quorum?: never };

/**
 * One rule of `itsm.changes.approvalPolicy`. The first rule whose `match` fits the change applies;
 * a rule without `risk` matches any risk. Standard changes are pre-approved and need no rule.
 *
 * @public
 */
export interface ApprovalPolicyRule {
  match: { type: Exclude<ChangeType, 'standard'>; risk?: RiskLevel };
  approvers: ApprovalPolicyApprover[];
}

/** The approval policy used when the config sets none (DESIGN §3). @public */
export const DEFAULT_APPROVAL_POLICY: readonly ApprovalPolicyRule[] = [
  {
    match: { type: 'normal', risk: 'low' },
    approvers: [{ group: 'group:default/change-managers', count: 1 }],
  },
  {
    match: { type: 'normal', risk: 'medium' },
    approvers: [
      { ownerGroups: true },
      { group: 'group:default/change-managers', count: 1 },
    ],
  },
  {
    match: { type: 'normal', risk: 'high' },
    approvers: [{ group: 'group:default/cab', quorum: '50%' }],
  },
  {
    match: { type: 'emergency' },
    approvers: [{ group: 'group:default/ecab', count: 1 }],
  },
];

const RISKS: readonly RiskLevel[] = ['low', 'medium', 'high'];
const POLICY_TYPES = ['normal', 'emergency'] as const;
const PERCENT = /^(\d+(?:\.\d+)?)%$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isPositiveInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1;

const sameRef = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function checkKeys(
  value: Record<string, unknown>,
  allowed: string[],
  field: string,
) {
  const unknown = Object.keys(value).find(key => !allowed.includes(key));
  if (unknown !== undefined) {
    throw new InputError(`${field}.${unknown} is not a known setting`);
  }
}

function checkApprover(value: unknown, field: string): void {
  if (!isObject(value)) throw new InputError(`${field} must be an object`);
  if ('ownerGroups' in value) {
    checkKeys(value, ['ownerGroups'], field);
    if (value.ownerGroups !== true) {
      throw new InputError(`${field}.ownerGroups must be true`);
    }
    return;
  }
  checkKeys(value, ['group', 'count', 'quorum'], field);
  if (
    typeof value.group !== 'string' ||
    !/^group:/i.test(value.group) ||
    !entityRefSchema.safeParse(value.group).success
  ) {
    throw new InputError(
      `${field}.group must be a full group ref like group:default/cab`,
    );
  }
  if ('count' in value && 'quorum' in value) {
    throw new InputError(`${field} takes count or quorum, not both`);
  }
  if ('count' in value && !isPositiveInteger(value.count)) {
    throw new InputError(`${field}.count must be a positive integer`);
  }
  if ('quorum' in value) {
    const match =
      typeof value.quorum === 'string' ? PERCENT.exec(value.quorum) : null;
    const percent = match ? Number(match[1]) : NaN;
    if (!isPositiveInteger(value.quorum) && !(percent > 0 && percent <= 100)) {
      throw new InputError(
        `${field}.quorum must be a positive integer or a percentage like 50%`,
      );
    }
  }
}

function ruleMatches(
  rule: ApprovalPolicyRule,
  type: ChangeType,
  risk: RiskLevel | null,
): boolean {
  return (
    rule.match.type === type &&
    (rule.match.risk === undefined || rule.match.risk === risk)
  );
}

/**
 * Checks an approval policy read from config and returns it typed. Throws `InputError` naming
 * the field (e.g. `approvalPolicy[2].approvers[0].quorum`) for a malformed rule, a rule for
 * standard changes (they are pre-approved), or a policy that leaves a normal or emergency change
 * of some risk without a rule.
 *
 * @public
 */
export function validateApprovalPolicy(
  rules: unknown,
  field = 'approvalPolicy',
): ApprovalPolicyRule[] {
  if (!Array.isArray(rules)) throw new InputError(`${field} must be a list`);
  rules.forEach((rule, i) => {
    const at = `${field}[${i}]`;
    if (!isObject(rule)) throw new InputError(`${at} must be an object`);
    checkKeys(rule, ['match', 'approvers'], at);
    if (!isObject(rule.match)) {
      throw new InputError(`${at}.match must be an object`);
    }
    checkKeys(rule.match, ['type', 'risk'], `${at}.match`);
    if (!POLICY_TYPES.includes(rule.match.type as any)) {
      throw new InputError(
        `${at}.match.type must be normal or emergency (standard changes are pre-approved)`,
      );
    }
    if (
      rule.match.risk !== undefined &&
      !RISKS.includes(rule.match.risk as any)
    ) {
      throw new InputError(`${at}.match.risk must be low, medium or high`);
    }
    if (!Array.isArray(rule.approvers) || rule.approvers.length === 0) {
      throw new InputError(`${at}.approvers must be a non-empty list`);
    }
    rule.approvers.forEach((approver, j) =>
      checkApprover(approver, `${at}.approvers[${j}]`),
    );
  });
  const typed = rules as ApprovalPolicyRule[];
  for (const type of POLICY_TYPES) {
    for (const risk of RISKS) {
      if (!typed.some(rule => ruleMatches(rule, type, risk))) {
        throw new InputError(
          `${field} has no rule for ${type} changes of ${risk} risk`,
        );
      }
    }
  }
  return typed;
}

/**
 * How many distinct approvers a requirement needs.
 *
 * @public
 */
export function approvalsNeeded(requirement: RequiredApproval): number {
  switch (requirement.kind) {
    case 'group':
      return requirement.count;
    case 'quorum':
      return requirement.quorum;
    default:
      return 1;
  }
}

/**
 * The approvals a change needs, snapshotted when it enters `authorization`: the first policy rule
 * that matches its type and risk, with quorums counted from the group's members minus the
 * requester (a percentage rounded up, at least 1) and `ownerGroups: true` expanded to one
 * requirement per owner group. Standard changes need none. Throws `InputError` when no rule
 * matches.
 *
 * @public
 */
export function requiredApprovalsFor(options: {
  policy: readonly ApprovalPolicyRule[];
  type: ChangeType;
  risk: RiskLevel | null;
  /** Owner groups of the affected services. */
  ownerGroups: readonly string[];
  /** The user refs of a group's members. */
  groupMembers: (groupRef: string) => readonly string[];
  requester: string;
}): RequiredApproval[] {
  const { policy, type, risk, ownerGroups, groupMembers, requester } = options;
  if (type === 'standard') return [];
  const rule = policy.find(r => ruleMatches(r, type, risk));
  if (!rule) {
    throw new InputError(
      `approvalPolicy has no rule for ${type} changes of ${
        risk ?? 'unassessed'
      } risk`,
    );
  }
  const required: RequiredApproval[] = [];
  for (const approver of rule.approvers) {
    if (approver.ownerGroups) {
      const seen: string[] = [];
      for (const group of ownerGroups) {
        if (!seen.some(g => sameRef(g, group))) {
          seen.push(group);
          required.push({ kind: 'ownerGroup', group });
        }
      }
    } else if (approver.quorum !== undefined) {
      const eligible: string[] = [];
      for (const member of groupMembers(approver.group)) {
        if (
          !sameRef(member, requester) &&
          !eligible.some(m => sameRef(m, member))
        ) {
          eligible.push(member);
        }
      }
      const of = eligible.length;
      const percent =
        typeof approver.quorum === 'string'
          ? PERCENT.exec(approver.quorum)
          : null;
      const quorum = percent
        ? Math.max(1, Math.ceil((Number(percent[1]) * of) / 100))
        : Number(approver.quorum);
      required.push({ kind: 'quorum', group: approver.group, quorum, of });
    } else {
      required.push({
        kind: 'group',
        group: approver.group!,
        count: approver.count ?? 1,
      });
    }
  }
  return required;
}

/** A requirement not yet met, with how many approvals it still needs. @public */
export type OutstandingApproval = RequiredApproval & { remaining: number };

/** An approval that counts, and the requirement it was assigned to. @public */
export interface CountedApproval {
  approver: string;
  /** Index into the required approvals. */
  requirement: number;
  group: string;
}

/** The result of {@link evaluateApprovals}. @public */
export interface ApprovalEvaluation {
  state: 'pending' | 'approved' | 'rejected';
  outstanding: OutstandingApproval[];
  counted: CountedApproval[];
  /** Required approvers who rejected the current plan revision. */
  rejectedBy: string[];
}

// Largest number of requirements for which the exact "most requirements met" search runs.
const MAX_EXACT_REQUIREMENTS = 10;

/**
 * Assigns approvers to requirement slots (one slot per approval a requirement needs), each
 * approver to at most one slot, by augmenting paths. Slots are tried requirement by requirement in
 * `order`; a slot once filled stays filled, so the requirements first in `order` are met whenever
 * they can be met together.
 */
function assign(
  order: number[],
  needs: number[],
  eligible: number[][],
  voters: number,
): { slotReq: number[]; voterSlot: number[] } {
  const slotReq: number[] = [];
  const voterSlot = new Array<number>(voters).fill(-1);
  const augment = (slot: number, seen: boolean[]): boolean => {
    for (let v = 0; v < voters; v++) {
      if (seen[v] || !eligible[v].includes(slotReq[slot])) continue;
      seen[v] = true;
      if (voterSlot[v] === -1 || augment(voterSlot[v], seen)) {
        voterSlot[v] = slot;
        return true;
      }
    }
    return false;
  };
  for (const req of order) {
    for (let k = 0; k < Math.min(needs[req], voters); k++) {
      const slot = slotReq.length;
      slotReq.push(req);
      // Slots of one requirement are interchangeable: once one fails, the rest fail too.
      if (!augment(slot, new Array<boolean>(voters).fill(false))) break;
    }
  }
  return { slotReq, voterSlot };
}

function countsPerRequirement(
  result: { slotReq: number[]; voterSlot: number[] },
  size: number,
): number[] {
  const counts = new Array<number>(size).fill(0);
  for (const slot of result.voterSlot) {
    if (slot !== -1) counts[result.slotReq[slot]]++;
  }
  return counts;
}

/**
 * Evaluates the votes on a change against its required approvals. Only votes on the current
 * `planRevision` count, the requester's never, and each person once (their first vote on the
 * revision; in several required groups they still fill one requirement only). Approvers are
 * assigned to requirements so that as many requirements as possible are met. One rejection by a
 * required approver (a member of a required group) rejects the change; otherwise it is approved
 * when every requirement is met.
 *
 * @public
 */
export function evaluateApprovals(options: {
  required: readonly RequiredApproval[];
  approvals: readonly Approval[];
  planRevision: number;
  requester: string;
  /** The group refs a user belongs to. */
  memberships: (userRef: string) => readonly string[];
}): ApprovalEvaluation {
  const { required, approvals, planRevision, requester, memberships } = options;

  const firstVotes: Approval[] = [];
  const current = approvals
    .map((approval, index) => ({ approval, index }))
    .filter(
      ({ approval }) =>
        approval.planRevision === planRevision &&
        !sameRef(approval.approver, requester),
    )
    .sort(
      (a, b) =>
        Date.parse(a.approval.at) - Date.parse(b.approval.at) ||
        a.index - b.index,
    );
  for (const { approval } of current) {
    if (!firstVotes.some(v => sameRef(v.approver, approval.approver))) {
      firstVotes.push(approval);
    }
  }

  const eligibleFor = (approver: string) => {
    const groups = memberships(approver);
    return required.flatMap((r, i) =>
      groups.some(g => sameRef(g, r.group)) ? [i] : [],
    );
  };

  const rejectedBy = firstVotes
    .filter(v => v.decision === 'reject' && eligibleFor(v.approver).length > 0)
    .map(v => v.approver);

  const voters = firstVotes.filter(v => v.decision === 'approve');
  const eligible = voters.map(v => eligibleFor(v.approver));
  const needs = required.map(approvalsNeeded);
  const all = required.map((_, i) => i);

  let best = assign(all, needs, eligible, voters.length);
  const metCount = (counts: number[]) =>
    counts.filter((c, i) => c >= needs[i]).length;
  let bestMet = metCount(countsPerRequirement(best, required.length));
  if (bestMet < required.length && required.length <= MAX_EXACT_REQUIREMENTS) {
    // Try every subset of requirements, largest first, for the most that can be met together.
    const masks = Array.from({ length: 1 << required.length }, (_, m) => m)
      .map(m => ({ m, size: all.filter(i => m & (1 << i)).length }))
      .filter(({ size }) => size > bestMet)
      .sort((a, b) => b.size - a.size);
    for (const { m, size } of masks) {
      if (size <= bestMet) break;
      const first = all.filter(i => m & (1 << i));
      const rest = all.filter(i => !(m & (1 << i)));
      const candidate = assign(
        [...first, ...rest],
        needs,
        eligible,
        voters.length,
      );
      const met = metCount(countsPerRequirement(candidate, required.length));
      if (met > bestMet) {
        best = candidate;
        bestMet = met;
      }
    }
  }

  const counts = countsPerRequirement(best, required.length);
  const counted: CountedApproval[] = [];
  best.voterSlot.forEach((slot, v) => {
    if (slot !== -1) {
      const requirement = best.slotReq[slot];
      counted.push({
        approver: voters[v].approver,
        requirement,
        group: required[requirement].group,
      });
    }
  });
  const outstanding = required.flatMap((r, i) =>
    counts[i] >= needs[i] ? [] : [{ ...r, remaining: needs[i] - counts[i] }],
  );

  let state: ApprovalEvaluation['state'] = 'pending';
  if (rejectedBy.length > 0) state = 'rejected';
  else if (outstanding.length === 0) state = 'approved';
  return { state, outstanding, counted, rejectedBy };
}

/**
 * Checks that `approver` may vote on `change` now, in the order the API answers (DESIGN §5):
 * `NotAllowedError` (403) for the requester or someone in none of the required groups, then
 * `ConflictError` (409) when the change is not in `authorization` or the approver already voted
 * on the current plan revision. `required` defaults to the change's snapshotted requirements.
 *
 * @public
 */
export function checkApprovalAllowed(options: {
  change: Pick<Change, 'status' | 'requester' | 'approvals' | 'planRevision'> &
    Partial<Pick<Change, 'requiredApprovals'>>;
  approver: string;
  /** The group refs a user belongs to. */
  memberships: (userRef: string) => readonly string[];
  required?: readonly RequiredApproval[];
}): void {
  const { change, approver, memberships } = options;
  const required = options.required ?? change.requiredApprovals ?? [];
  if (sameRef(approver, change.requester)) {
    throw new NotAllowedError('The requester cannot approve their own change');
  }
  const groups = memberships(approver);
  if (!required.some(r => groups.some(g => sameRef(g, r.group)))) {
    throw new NotAllowedError(
      `${approver} is not a required approver of this change`,
    );
  }
  if (change.status !== 'authorization') {
    throw new ConflictError(
      `The change is ${change.status}; approvals are taken only in authorization`,
    );
  }
  if (
    change.approvals.some(
      a =>
        a.planRevision === change.planRevision && sameRef(a.approver, approver),
    )
  ) {
    throw new ConflictError(
      `${approver} already voted on plan revision ${change.planRevision}`,
    );
  }
}
