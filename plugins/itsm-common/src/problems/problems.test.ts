import fc from 'fast-check';
import { detectionKey, detectionWindow, upstreamClusters } from './detection';
import { effectivenessWindows, problemEffectiveness } from './effectiveness';
import {
  PROBLEM_TRANSITIONS,
  isProblemLocked,
  planProblemTransition,
} from './lifecycle';
import { matchKnownErrors } from './matching';
import { PROBLEM_STATUSES, KnownError, ProblemStatus } from './types';

const NOW = new Date('2026-12-07T12:00:00Z');
const options = { now: NOW, observationDays: 14 };
const base = {
  status: 'new' as ProblemStatus,
  owner: null,
  rootCause: null,
  workaround: null,
  closureCode: null,
  observationUntil: null,
  contributingFactors: [],
};

describe('planProblemTransition', () => {
  it.each([
    ['candidate', 'new', {}, { status: 'new' }],
    [
      'candidate',
      'cancelled',
      { cancelReason: ' Load test ' },
      { cancelReason: 'Load test' },
    ],
    [
      'new',
      'investigating',
      { owner: 'user:default/alice' },
      { owner: 'user:default/alice' },
    ],
    [
      'investigating',
      'known_error',
      { rootCause: 'pool', workaround: 'restart' },
      { rootCause: 'pool', workaround: 'restart' },
    ],
    [
      'investigating',
      'resolved',
      { closureCode: 'risk_accepted' },
      { closureCode: 'risk_accepted', observationUntil: null },
    ],
  ] as const)('%s → %s with %j writes %j', (from, to, fields, expected) => {
    expect(
      planProblemTransition({ ...base, status: from }, to, fields, options),
    ).toMatchObject({ status: to, ...expected });
  });

  it.each([
    ['candidate', 'cancelled', {}, /cancelReason/],
    ['new', 'investigating', {}, /owner/],
    ['investigating', 'known_error', { rootCause: 'x' }, /workaround/],
    ['investigating', 'known_error', { workaround: 'x' }, /rootCause/],
    ['investigating', 'resolved', {}, /closureCode/],
    ['investigating', 'resolved', { closureCode: 'fixed' }, /rootCause/],
    ['resolved', 'investigating', {}, /comment/],
    ['closed', 'investigating', { comment: ' ' }, /comment/],
  ] as const)(
    '%s → %s with %j is a 400 naming %s',
    (from, to, fields, message) => {
      expect(() =>
        planProblemTransition({ ...base, status: from }, to, fields, options),
      ).toThrow(
        expect.objectContaining({
          name: 'InputError',
          message: expect.stringMatching(message),
        }),
      );
    },
  );

  it('observes a fixed problem before it closes, then closes it', () => {
    const resolved = planProblemTransition(
      { ...base, status: 'investigating', rootCause: 'pool' },
      'resolved',
      { closureCode: 'fixed' },
      options,
    );
    expect(resolved.observationUntil).toBe('2026-12-21T12:00:00.000Z');
    const problem = {
      ...base,
      status: 'resolved' as const,
      observationUntil: resolved.observationUntil!,
    };
    expect(() => planProblemTransition(problem, 'closed', {}, options)).toThrow(
      /observed until/,
    );
    expect(
      planProblemTransition(
        problem,
        'closed',
        {},
        {
          ...options,
          now: new Date('2026-12-21T12:00:00Z'),
        },
      ),
    ).toMatchObject({ status: 'closed', closedAt: '2026-12-21T12:00:00.000Z' });
  });

  it('answers every move the table does not allow with a 409, and locks closed and cancelled problems', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROBLEM_STATUSES),
        fc.constantFrom(...PROBLEM_STATUSES),
        (from, to) => {
          const allowed = PROBLEM_TRANSITIONS[from].includes(to);
          const fields = {
            owner: 'user:default/a',
            rootCause: 'r',
            workaround: 'w',
            closureCode: 'risk_accepted' as const,
            cancelReason: 'c',
            comment: 'again',
          };
          let outcome: string;
          try {
            outcome = planProblemTransition(
              { ...base, status: from },
              to,
              fields,
              options,
            ).status!;
          } catch (error) {
            outcome = (error as Error).name;
          }
          expect(outcome).toBe(allowed ? to : 'ConflictError');
        },
      ),
    );
    expect(PROBLEM_STATUSES.filter(isProblemLocked)).toEqual([
      'closed',
      'cancelled',
    ]);
  });
});

function knownError(overrides: Partial<KnownError>): KnownError {
  return {
    id: 'KE-1',
    version: 1,
    title: 'Pool exhausted',
    symptom: 'Timeouts',
    rootCause: '',
    workaround: 'Restart',
    entityRefs: ['component:default/payments'],
    matchRules: { categories: [], signatures: [], text: [] },
    status: 'active',
    reviewBy: null,
    problemId: null,
    offeredCount: 0,
    appliedCount: 0,
    createdAt: NOW.toISOString(),
    createdBy: 'user:default/alice',
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

describe('matchKnownErrors', () => {
  const pool = knownError({
    matchRules: {
      categories: ['performance'],
      signatures: ['alertmanager:PoolExhausted'],
      text: ['connection pool'],
    },
  });
  const upstreamOnly = knownError({
    id: 'KE-2',
    entityRefs: ['resource:default/db'],
    matchRules: { categories: [], signatures: [], text: ['timeout'] },
  });

  it('matches by category, signature and whole-word phrases, own entity first', () => {
    const matches = matchKnownErrors([pool, upstreamOnly], {
      entityRef: 'Component:default/Payments',
      upstreamRefs: ['resource:default/db'],
      text: 'Checkout TIMEOUT: Connection-pool exhausted',
      category: 'performance',
      signature: 'alertmanager:PoolExhausted',
    });
    expect(matches.map(m => [m.knownError.id, m.score, m.upstream])).toEqual([
      ['KE-1', 7, false],
      ['KE-2', 1, true],
    ]);
    expect(matches[0].reasons).toEqual([
      'category performance',
      'signature alertmanager:PoolExhausted',
      'text "connection pool"',
    ]);
    expect(matches[1].matchedEntityRef).toBe('resource:default/db');
  });

  it.each([
    [
      'another entity',
      { entityRef: 'component:default/cart', text: 'connection pool' },
    ],
    [
      'no rule matching',
      { entityRef: 'component:default/payments', text: 'pooling connections' },
    ],
  ])('offers nothing for %s', (_name, input) => {
    expect(matchKnownErrors([pool], input)).toEqual([]);
  });

  it('never offers a retired known error, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), (text, category) => {
        expect(
          matchKnownErrors([{ ...pool, status: 'retired' }], {
            entityRef: 'component:default/payments',
            text,
            category,
          }),
        ).toEqual([]);
      }),
    );
  });
});

describe('effectiveness', () => {
  it('compares same-length windows around the resolution', () => {
    const windows = effectivenessWindows({
      resolvedAt: NOW,
      firstIncidentAt: new Date('2026-11-01T00:00:00Z'),
    });
    expect(windows.windowDays).toBe(37);
    expect(windows.before[0].toISOString()).toBe('2026-10-31T12:00:00.000Z');
    expect(effectivenessWindows({ resolvedAt: NOW }).windowDays).toBe(14);
    expect(
      effectivenessWindows({
        resolvedAt: NOW,
        firstIncidentAt: new Date('2020-01-01T00:00:00Z'),
      }).windowDays,
    ).toBe(90);
    const result = problemEffectiveness({
      ...windows,
      beforeCount: 4,
      afterCount: 1,
      now: new Date(windows.after[1].getTime() + 1),
    });
    expect(result).toMatchObject({
      verdict: 'fewer',
      reduction: 0.75,
      partial: false,
    });
    expect(
      problemEffectiveness({
        ...windows,
        beforeCount: 0,
        afterCount: 2,
        now: NOW,
      }),
    ).toMatchObject({ verdict: 'more', reduction: null, partial: true });
  });
});

describe('detection', () => {
  it('names the same window for every instant inside it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 1, max: 24 * 30 }),
        (ms, hours) => {
          const window = detectionWindow(new Date(ms), hours);
          expect(window.start.getTime()).toBeLessThanOrEqual(ms);
          expect(window.end.getTime()).toBeGreaterThan(ms);
          expect(
            detectionWindow(new Date(window.end.getTime() - 1), hours).start,
          ).toEqual(window.start);
        },
      ),
    );
    expect(
      detectionKey('recurrence', 'Component:default/Cart', 'category:x'),
    ).toBe('recurrence|component:default/cart|category:x');
  });

  it('clusters failing services by a shared upstream dependency', () => {
    const upstreamOf = new Map([
      [
        'component:default/a',
        ['resource:default/db', 'component:default/auth'],
      ],
      ['component:default/b', ['resource:default/db']],
      [
        'component:default/c',
        ['resource:default/db', 'component:default/auth'],
      ],
    ]);
    const incidents = [
      { id: '1', entityRef: 'component:default/a' },
      { id: '2', entityRef: 'component:default/b' },
      { id: '3', entityRef: 'component:default/c' },
      { id: '4', entityRef: 'component:default/a' },
    ];
    expect(upstreamClusters(incidents, upstreamOf, 3)).toEqual([
      {
        dependency: 'resource:default/db',
        services: [
          'component:default/a',
          'component:default/b',
          'component:default/c',
        ],
        incidentIds: ['1', '2', '3', '4'],
      },
    ]);
    // auth explains a and c only, which db explains too: db alone is proposed.
    expect(
      upstreamClusters(incidents, upstreamOf, 2).map(c => c.dependency),
    ).toEqual(['resource:default/db']);
    // Two dependencies explaining the same services: the resource before the API.
    const same = new Map([
      ['component:default/a', ['api:default/db-api', 'resource:default/db']],
      ['component:default/b', ['api:default/db-api', 'resource:default/db']],
    ]);
    expect(
      upstreamClusters(incidents.slice(0, 2), same, 2).map(c => c.dependency),
    ).toEqual(['resource:default/db']);
  });
});
