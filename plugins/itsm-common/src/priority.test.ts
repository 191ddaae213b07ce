import { InputError } from '@backstage/errors';
import { DEFAULT_PRIORITY_MATRIX, priorityOf } from './priority';

describe('priorityOf', () => {
  it.each([
    [1, 1, 1],
    [1, 2, 2],
    [1, 3, 3],
    [2, 1, 2],
    [2, 2, 3],
    [2, 3, 4],
    [3, 1, 3],
    [3, 2, 4],
    [3, 3, 5],
  ] as const)(
    'impact %i × urgency %i is P%i by default',
    (impact, urgency, priority) => {
      expect(priorityOf(impact, urgency)).toBe(priority);
    },
  );

  it('reads matrix[impact - 1][urgency - 1] of a custom matrix', () => {
    const matrix = [
      [1, 1, 2],
      [2, 3, 4],
      [4, 5, 5],
    ];
    expect(priorityOf(1, 2, matrix)).toBe(1);
    expect(priorityOf(3, 1, matrix)).toBe(4);
    expect(priorityOf(2, 3, matrix)).toBe(4);
  });

  it.each([
    [
      '2 rows',
      [
        [1, 2, 3],
        [2, 3, 4],
      ],
    ],
    [
      'a short row',
      [
        [1, 2],
        [2, 3, 4],
        [3, 4, 5],
      ],
    ],
    [
      'a 0',
      [
        [0, 2, 3],
        [2, 3, 4],
        [3, 4, 5],
      ],
    ],
    [
      'a 6',
      [
        [1, 2, 3],
        [2, 3, 6],
        [3, 4, 5],
      ],
    ],
    [
      'a fraction',
      [
        [1, 2.5, 3],
        [2, 3, 4],
        [3, 4, 5],
      ],
    ],
    [
      'a string',
      [
        [1, '2', 3],
        [2, 3, 4],
        [3, 4, 5],
      ],
    ],
  ])('rejects a matrix with %s', (_name, matrix) => {
    expect(() => priorityOf(1, 1, matrix as number[][])).toThrow(InputError);
    expect(() => priorityOf(1, 1, matrix as number[][])).toThrow(/matrix/);
  });

  it.each([0, 4, 1.5, '1'])('rejects impact %p', impact => {
    expect(() => priorityOf(impact as 1, 1)).toThrow(/impact/);
  });

  it('does not let callers change the default matrix by accident', () => {
    expect(DEFAULT_PRIORITY_MATRIX).toEqual([
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 5],
    ]);
  });
});
