import type { FieldErrors, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { KnownErrorFieldValues } from './knownErrorForm';

/** Request fields whose issues show on another form field. */
const FIELD_OF: Record<string, keyof KnownErrorFieldValues> = {
  text: 'phrases',
};

/**
 * Checks the request the form would send against a -common schema; issues show on the
 * form's fields (a match rule's issue on its chips).
 */
export function knownErrorResolver(
  schema: z.ZodType,
  toRequest: (values: KnownErrorFieldValues) => unknown,
): Resolver<KnownErrorFieldValues> {
  return async values => {
    const parsed = schema.safeParse(toRequest(values));
    if (parsed.success) {
      return { values, errors: {} };
    }
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const [first, second] = issue.path.map(String);
      const name =
        first === 'matchRules' ? FIELD_OF[second] ?? second : first ?? 'title';
      if (!errors[name]) {
        errors[name] = {
          type: 'validate',
          message:
            issue.code === 'too_small' && issue.origin === 'string'
              ? 'Required'
              : issue.message,
        };
      }
    }
    return { values: {}, errors: errors as FieldErrors<KnownErrorFieldValues> };
  };
}
