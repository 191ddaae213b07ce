import type {
  KnownError,
  KnownErrorMatch,
  Problem,
  ProblemEffectiveness,
} from '@backstage-itsm/plugin-itsm-common';
import type { IncidentTrend, ProblemIncident } from '../api';

export function makeProblem(overrides: Partial<Problem> = {}): Problem {
  return {
    id: 'PRB-1',
    version: 1,
    title: 'Payments API connection pool exhausted',
    statement: 'Checkout times out when the **pool** runs dry.',
    entityRefs: ['component:default/payments-api'],
    category: 'database',
    signature: null,
    impact: 2,
    urgency: 2,
    priority: 3,
    status: 'new',
    owner: null,
    assignmentGroup: null,
    origin: 'reactive',
    detection: null,
    rcaMethod: null,
    rcaNotes: [],
    contributingFactors: [],
    rootCause: null,
    workaround: null,
    targetDate: null,
    closureCode: null,
    cancelReason: null,
    resolvedAt: null,
    observationUntil: null,
    closedAt: null,
    incidentCount: 0,
    createdAt: '2026-11-02T09:00:00.000Z',
    createdBy: 'user:default/olivia',
    updatedAt: '2026-11-02T09:00:00.000Z',
    ...overrides,
  };
}

/** A candidate the detection job proposed: 4 incidents in 7 days on the same category. */
export function makeCandidate(overrides: Partial<Problem> = {}): Problem {
  return makeProblem({
    id: 'PRB-2',
    title: 'Recurring database incidents on payments-api',
    status: 'candidate',
    origin: 'trend',
    detection: {
      rule: 'recurrence',
      key: 'category:database',
      windowHours: 168,
      windowStart: '2026-10-26T00:00:00.000Z',
      windowEnd: '2026-11-02T00:00:00.000Z',
      incidentCount: 4,
    },
    incidentCount: 4,
    createdBy: 'user:default/itsm-detection',
    ...overrides,
  });
}

export function makeKnownError(
  overrides: Partial<KnownError> = {},
): KnownError {
  return {
    id: 'KE-1',
    version: 1,
    title: 'Connection pool exhausted under load',
    symptom: 'Checkout answers 504 after 30 seconds.',
    rootCause: 'The pool is sized for 20 connections.',
    workaround: 'Restart the **payments-api** pods one by one.',
    entityRefs: ['component:default/payments-api'],
    matchRules: {
      categories: ['database'],
      signatures: [],
      text: ['connection pool'],
    },
    status: 'active',
    reviewBy: '2027-03-01',
    problemId: 'PRB-1',
    offeredCount: 5,
    appliedCount: 2,
    createdAt: '2026-11-03T09:00:00.000Z',
    createdBy: 'user:default/olivia',
    updatedAt: '2026-11-03T09:00:00.000Z',
    ...overrides,
  };
}

export function makeKnownErrorMatch(
  overrides: Partial<KnownErrorMatch> = {},
): KnownErrorMatch {
  return {
    knownError: makeKnownError(),
    score: 4,
    reasons: ['category database', 'text "connection pool"'],
    matchedEntityRef: 'component:default/payments-api',
    upstream: false,
    ...overrides,
  };
}

export function makeProblemIncident(
  overrides: Partial<ProblemIncident> = {},
): ProblemIncident {
  return {
    linkId: 'LNK-1',
    incidentId: 'INC-7',
    title: 'Checkout times out',
    status: 'resolved',
    priority: 2,
    entityRef: 'component:default/payments-api',
    createdAt: '2026-10-30T08:00:00.000Z',
    resolvedAt: '2026-10-30T10:00:00.000Z',
    linkedAt: '2026-11-02T09:00:00.000Z',
    linkedBy: 'user:default/olivia',
    reason: 'Same pool errors in the logs',
    ...overrides,
  };
}

export function makeEffectiveness(
  overrides: Partial<ProblemEffectiveness> = {},
): ProblemEffectiveness {
  return {
    windowDays: 30,
    before: {
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-10-31T00:00:00.000Z',
      count: 8,
    },
    after: {
      from: '2026-10-31T00:00:00.000Z',
      to: '2026-11-30T00:00:00.000Z',
      count: 2,
    },
    partial: false,
    verdict: 'fewer',
    reduction: 0.75,
    ...overrides,
  };
}

export function makeIncidentTrend(
  overrides: Partial<IncidentTrend> = {},
): IncidentTrend {
  return {
    groupBy: 'entity',
    interval: 'week',
    from: '2026-10-19T00:00:00.000Z',
    to: '2026-11-09T00:00:00.000Z',
    periods: ['2026-10-19', '2026-10-26', '2026-11-02'],
    rows: [
      {
        key: 'component:default/payments-api',
        total: 9,
        counts: [1, 6, 2],
      },
      { key: 'component:default/ledger', total: 1, counts: [0, 0, 1] },
    ],
    ...overrides,
  };
}
