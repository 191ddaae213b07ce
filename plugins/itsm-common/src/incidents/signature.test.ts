import fc from 'fast-check';
import {
  MAX_SIGNATURE_LENGTH,
  incidentSignature,
  normaliseIncidentTitle,
} from './signature';

describe('incidentSignature', () => {
  it.each([
    [
      'the same title with other numbers and ids',
      'Checkout fails for 12 users (error 500) at 09:14',
      'Checkout fails for 3 users (error 503) at 17:02',
    ],
    ['case and punctuation', 'Payments API: DOWN!!', 'payments api down'],
    [
      'a request id',
      'Timeout on request 5f3c9a1e2b4d',
      'Timeout on request a1b2c3d4e5f6a7',
    ],
  ])('counts %s as a recurrence', (_, a, b) => {
    expect(incidentSignature({ title: a })).toBe(
      incidentSignature({ title: b }),
    );
  });

  it('tells different titles apart', () => {
    expect(incidentSignature({ title: 'Checkout fails' })).not.toBe(
      incidentSignature({ title: 'Search is slow' }),
    );
  });

  it('keys alerts by alert name, PagerDuty incidents by service and title', () => {
    expect(
      incidentSignature({ title: 'Error rate 7%', alertname: 'HighErrorRate' }),
    ).toBe('alertmanager:HighErrorRate');
    expect(
      incidentSignature({
        title: 'Card payments failing (42)',
        pagerDutyService: 'Payments API',
      }),
    ).toBe('pagerduty:Payments API:card payments failing #');
    expect(incidentSignature({ title: 'Checkout fails for 12 users' })).toBe(
      'title:checkout fails for # users',
    );
  });

  it('is bounded and stable for any title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), title => {
        const signature = incidentSignature({ title });
        expect(signature.length).toBeLessThanOrEqual(MAX_SIGNATURE_LENGTH);
        expect(signature.startsWith('title:')).toBe(true);
        // Normalising twice changes nothing.
        const normal = normaliseIncidentTitle(title);
        expect(normaliseIncidentTitle(normal)).toBe(normal);
      }),
    );
  });
});
