import { ALWAYS_ON, type ServiceCalendar } from '../calendar/types';
import { validateSla, validateSupportingAgreement } from './validate';
import { worstCaseWallMs } from './wallTime';

const HOUR = 3_600_000;
const office: ServiceCalendar = {
  id: 'office-hours',
  timezone: 'Europe/Berlin',
  hours: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
  holidays: ['2026-01-06'],
};
const calendars = new Map([[office.id, office]]);

const sla = {
  calendarId: 'office-hours',
  effectiveFrom: '2026-01-01T00:00:00Z',
  effectiveTo: null,
  targets: {
    availabilityPercent: 99.5,
    incidents: {
      p1: {
        response: { duration: '15m', calendarId: '24x7' },
        resolution: { duration: '4h', calendarId: '24x7' },
      },
      p2: { response: { duration: '30m' }, resolution: { duration: '8h' } },
    },
  },
  workloadLimits: { incidentsPerMonth: 200 },
};

describe('validateSla', () => {
  it('accepts a consistent SLA, with 24x7 always known', () => {
    expect(() => validateSla(sla, { calendars })).not.toThrow();
    expect(() =>
      validateSla(sla, { calendars: { [office.id]: office } }),
    ).not.toThrow();
  });

  it.each([
    [{ calendarId: 'nope' }, /^calendarId: unknown calendar "nope"/],
    [
      { targets: { ...sla.targets, availabilityPercent: 100.1 } },
      /targets\.availabilityPercent must be a percentage/,
    ],
    [
      { targets: { incidents: {} } },
      /targets\.availabilityPercent is required/,
    ],
    [
      { targets: { ...sla.targets, csatPercent: -1 } },
      /targets\.csatPercent must be a percentage/,
    ],
    [
      {
        targets: {
          ...sla.targets,
          incidents: {
            p2: { resolution: { duration: '8h', calendarId: 'weekend' } },
          },
        },
      },
      /targets\.incidents\.p2\.resolution\.calendarId: unknown calendar 'weekend'/,
    ],
    [
      {
        targets: {
          ...sla.targets,
          incidents: { p3: { resolution: { duration: '0h' } } },
        },
      },
      /targets\.incidents\.p3\.resolution\.duration/,
    ],
    [
      { targets: { ...sla.targets, incidents: { p0: {} } } },
      /targets\.incidents\.p0 is not a priority/,
    ],
    [
      {
        targets: {
          ...sla.targets,
          incidents: {
            p2: {
              response: { duration: '9h' },
              resolution: { duration: '8h' },
            },
          },
        },
      },
      /targets\.incidents\.p2\.response must not be longer than targets\.incidents\.p2\.resolution/,
    ],
    [
      // 1 business hour can take 65 wall hours (Fri 17:00 → Mon 10:00): longer than 24h on 24x7.
      {
        targets: {
          ...sla.targets,
          incidents: {
            p3: {
              response: { duration: '1h' },
              resolution: { duration: '24h', calendarId: '24x7' },
            },
          },
        },
      },
      /targets\.incidents\.p3\.response must not be longer/,
    ],
    [
      { effectiveTo: '2025-06-01T00:00:00Z' },
      /effectiveTo must be after effectiveFrom/,
    ],
    [{ effectiveFrom: 'soon' }, /effectiveFrom must be an ISO-8601 timestamp/],
    [{ lastReviewedAt: 'yesterday' }, /lastReviewedAt must be an ISO-8601/],
    [
      { workloadLimits: { incidentsPerMonth: -1 } },
      /workloadLimits\.incidentsPerMonth must be/,
    ],
    [
      { workloadLimits: { tickets: 1 } },
      /workloadLimits\.tickets is not a workload metric/,
    ],
  ])('rejects %j', (change, message) => {
    expect(() =>
      validateSla({ ...sla, ...change } as any, { calendars }),
    ).toThrow(message);
  });

  it('throws InputError so the API answers 400', () => {
    expect(() =>
      validateSla({ ...sla, calendarId: 'x' }, { calendars }),
    ).toThrow(expect.objectContaining({ name: 'InputError' }));
  });
});

describe('validateSupportingAgreement', () => {
  it('accepts an OLA without availability', () => {
    expect(() =>
      validateSupportingAgreement(
        {
          ...sla,
          kind: 'ola',
          internalGroup: 'group:default/dba',
          targets: { incidents: {} },
        },
        { calendars },
      ),
    ).not.toThrow();
  });

  it('names the missing party', () => {
    expect(() =>
      validateSupportingAgreement(
        { ...sla, kind: 'uc', supplier: null },
        { calendars },
      ),
    ).toThrow(/^supplier is required/);
  });
});

describe('worstCaseWallMs', () => {
  it('is the duration itself on 24x7', () => {
    expect(worstCaseWallMs(ALWAYS_ON, 4 * HOUR)).toBe(4 * HOUR);
  });

  it('starts at Friday closing on office hours, ignoring holidays', () => {
    expect(worstCaseWallMs(office, 8 * HOUR)).toBe(72 * HOUR); // Fri 17:00 → Mon 17:00
    expect(worstCaseWallMs(office, HOUR)).toBe(65 * HOUR); // Fri 17:00 → Mon 10:00
  });
});
