import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';

/** What a practice's check of a form finds: a message for each field that is wrong. */
export type FieldMessages<V> = Partial<Record<keyof V, string>>;

/**
 * A react-hook-form resolver from a practice's check that answers `{field: message}`: each
 * message lands on its field (type `validate`); none, and the values pass as they are.
 */
export function errorMapResolver<V extends FieldValues>(
  validate: (values: V) => FieldMessages<V>,
): Resolver<V> {
  return async values => {
    const errors = Object.fromEntries(
      Object.entries(validate(values)).map(([field, message]) => [
        field,
        { type: 'validate', message },
      ]),
    ) as FieldErrors<V>;
    return Object.keys(errors).length
      ? { values: {}, errors }
      : { values, errors: {} };
  };
}
