import { effectiveInstant } from './agreementForm';

describe('effectiveInstant', () => {
  const now = new Date('2026-11-27T14:05:09.120Z');

  it('takes effect now when the chosen day is today', () => {
    expect(effectiveInstant('2026-11-27', now)).toBe(
      '2026-11-27T14:05:09.120Z',
    );
  });

  it('takes effect at the start of another day (UTC)', () => {
    expect(effectiveInstant('2026-12-01', now)).toBe(
      '2026-12-01T00:00:00.000Z',
    );
    expect(effectiveInstant('2026-11-01', now)).toBe(
      '2026-11-01T00:00:00.000Z',
    );
  });

  it('passes anything else through for validation to name', () => {
    expect(effectiveInstant('', now)).toBe('');
    expect(effectiveInstant('2026-11-27T10:00:00Z', now)).toBe(
      '2026-11-27T10:00:00Z',
    );
  });
});
