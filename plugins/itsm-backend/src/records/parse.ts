import { z } from 'zod';

export { parseInput } from './validation';

/** Turns the given multi-value query parameters into arrays, however often they were repeated. */
export function withArrays(
  query: Record<string, unknown>,
  keys: readonly string[],
): Record<string, unknown> {
  const result = { ...query };
  for (const key of keys) {
    const value = result[key];
    if (value !== undefined && !Array.isArray(value)) {
      result[key] = [value];
    }
  }
  return result;
}

/** Query of the history and links routes: a page size and the previous page's cursor. */
export const historyQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
