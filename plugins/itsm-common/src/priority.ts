import { InputError } from '@backstage/errors';
import type { Level, Priority } from './incidents/types';

/**
 * The default impact × urgency matrix (rows: impact 1–3, columns: urgency 1–3).
 *
 * @public
 */
export const DEFAULT_PRIORITY_MATRIX: number[][] = [
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 5],
];

/**
 * Throws an `InputError` naming the field unless `matrix` is 3×3 with integer values 1–5.
 *
 * @public
 */
export function validatePriorityMatrix(
  matrix: unknown,
  field = 'matrix',
): asserts matrix is number[][] {
  if (!Array.isArray(matrix) || matrix.length !== 3) {
    throw new InputError(`${field} must be a 3×3 array of priorities 1–5`);
  }
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== 3) {
      throw new InputError(`${field}[${i}] must be an array of 3 priorities`);
    }
    row.forEach((value, j) => {
      if (!Number.isInteger(value) || value < 1 || value > 5) {
        throw new InputError(
          `${field}[${i}][${j}] must be an integer priority 1–5, got ${JSON.stringify(
            value,
          )}`,
        );
      }
    });
  });
}

function checkLevel(value: unknown, field: string): asserts value is Level {
  if (value !== 1 && value !== 2 && value !== 3) {
    throw new InputError(
      `${field} must be 1, 2 or 3, got ${JSON.stringify(value)}`,
    );
  }
}

/**
 * Priority derived from impact and urgency: `matrix[impact - 1][urgency - 1]`.
 *
 * @public
 */
export function priorityOf(
  impact: 1 | 2 | 3,
  urgency: 1 | 2 | 3,
  matrix: number[][] = DEFAULT_PRIORITY_MATRIX,
): Priority {
  checkLevel(impact, 'impact');
  checkLevel(urgency, 'urgency');
  if (matrix !== DEFAULT_PRIORITY_MATRIX) {
    validatePriorityMatrix(matrix);
  }
  return matrix[impact - 1][urgency - 1] as Priority;
}
