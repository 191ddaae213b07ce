import { calendar24x7 } from '../../../__testUtils__/fixtures';
import { calendarLookup } from './calendars';
import {
  AgreementFormValues,
  changedFields,
  effectiveInstant,
  formValuesOf,
  toSlaCreateRequest,
  validateAgreementForm,
} from './agreementForm';

const now = new Date('2026-11-27T14:05:09.120Z');

describe('effectiveInstant', () => {
  it('sends nothing when the chosen day is today: the server agrees the terms from its now', () => {
    expect(effectiveInstant('2026-11-27', now)).toBeUndefined();
    // Today is the UTC day, whatever the browser's zone.
    expect(
      effectiveInstant('2026-11-27', new Date('2026-11-27T23:59:59.999Z')),
    ).toBeUndefined();
    expect(
      effectiveInstant('2026-11-27', new Date('2026-11-28T00:00:00.000Z')),
    ).toBe('2026-11-27T00:00:00.000Z');
  });

  it('takes effect at the start of another day (UTC)', () => {
    expect(effectiveInstant('2026-12-01', now)).toBe(
      '2026-12-01T00:00:00.000Z',
    );
  });

  it('passes anything else through for validation to name', () => {
    expect(effectiveInstant('', now)).toBe('');
    expect(effectiveInstant('2026-11-27T10:00:00Z', now)).toBe(
      '2026-11-27T10:00:00Z',
    );
  });
});

describe('the effective day of a form', () => {
  const entityRef = 'component:default/payments';
  const form = (effectiveFrom: string): AgreementFormValues => ({
    ...formValuesOf(undefined, now),
    title: 'Payments',
    availabilityPercent: '99.9',
    effectiveFrom,
  });
  const options = {
    kind: 'sla' as const,
    entityRef,
    calendars: calendarLookup([calendar24x7]),
    now,
  };

  it('starts at today and leaves effectiveFrom out of the request for it', () => {
    const values = formValuesOf(undefined, now);
    expect(values.effectiveFrom).toBe('2026-11-27');
    const request = toSlaCreateRequest(form('2026-11-27'), entityRef, now);
    expect(request).not.toHaveProperty('effectiveFrom');
    expect(validateAgreementForm(form('2026-11-27'), options)).toEqual({});
  });

  it('refuses a day in the past before sending anything', () => {
    expect(validateAgreementForm(form('2026-11-26'), options)).toEqual({
      effectiveFrom: 'Terms cannot be backdated: pick today or a later day',
    });
    expect(validateAgreementForm(form('2026-12-01'), options)).toEqual({});
  });

  it('adds effectiveFrom to a patch only for a later day', () => {
    const base = toSlaCreateRequest(form('2026-11-27'), entityRef, now);
    const today = toSlaCreateRequest(
      { ...form('2026-11-27'), exceptions: 'None' },
      entityRef,
      now,
    );
    expect(changedFields(today, base, ['exceptions'])).toEqual({
      exceptions: 'None',
    });
    const later = toSlaCreateRequest(
      { ...form('2026-12-01'), exceptions: 'None' },
      entityRef,
      now,
    );
    expect(changedFields(later, base, ['exceptions'])).toEqual({
      exceptions: 'None',
      effectiveFrom: '2026-12-01T00:00:00.000Z',
    });
  });
});
