import { errorMapResolver } from './errorMapResolver';

interface Values {
  reason: string;
  comment: string;
}

const resolver = errorMapResolver<Values>(values =>
  values.reason.trim() ? {} : { reason: 'Required' },
);
const options = { fields: {}, shouldUseNativeValidation: false } as const;

describe('errorMapResolver', () => {
  it('puts each message on its field and passes no values', async () => {
    await expect(
      resolver({ reason: ' ', comment: 'c' }, undefined, options),
    ).resolves.toEqual({
      values: {},
      errors: { reason: { type: 'validate', message: 'Required' } },
    });
  });

  it('passes the values as they are when the check finds nothing', async () => {
    const values = { reason: 'Duplicate', comment: '' };
    await expect(resolver(values, undefined, options)).resolves.toEqual({
      values,
      errors: {},
    });
  });
});
