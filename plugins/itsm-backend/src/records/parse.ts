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
