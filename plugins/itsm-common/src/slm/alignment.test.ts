import type { ServiceCalendar } from '../calendar/types';
import { checkAlignment } from './alignment';

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
};
const calendars = new Map([[office.id, office]]);

const sla = {
  id: 'SLA-1',
  calendarId: 'office-hours',
  targets: {
    availabilityPercent: 99.5,
    changeSuccessRatePercent: 90,
    incidents: {
      p1: {
        response: { duration: '15m', calendarId: '24x7' },
        resolution: { duration: '4h', calendarId: '24x7' },
      },
      p2: { response: { duration: '30m' }, resolution: { duration: '8h' } },
    },
  },
};

describe('checkAlignment', () => {
  it('finds nothing when every supporting target is as tight or tighter', () => {
    const ola = {
      id: 'OLA-1',
      calendarId: 'office-hours',
      targets: {
        availabilityPercent: 99.9,
        incidents: {
          p1: { resolution: { duration: '2h', calendarId: '24x7' } },
          p2: {
            response: { duration: '30m' },
            resolution: { duration: '8h', calendarId: '24x7' },
          },
          p4: { resolution: { duration: '10d' } }, // the SLA sets no P4 target
        },
      },
    };
    expect(checkAlignment(sla, ola, { calendars })).toEqual([]);
  });

  it('flags looser durations on the same calendar and on another calendar, and lower percentages', () => {
    const uc = {
      id: 'UC-2',
      calendarId: 'office-hours',
      targets: {
        availabilityPercent: 99,
        changeSuccessRatePercent: 95,
        incidents: {
          // 4 business hours can take 68 wall hours (Fri 17:00 → Mon 13:00), the SLA's 4h on 24x7 not.
          p1: { resolution: { duration: '4h' } },
          p2: { response: { duration: '45m' } },
        },
      },
    };
    const findings = checkAlignment(sla, [uc], { calendars });
    expect(findings.map(f => [f.field, f.slaField])).toEqual([
      ['targets.incidents.p1.resolution', 'targets.incidents.p1.resolution'],
      ['targets.incidents.p2.response', 'targets.incidents.p2.response'],
      ['targets.availabilityPercent', 'targets.availabilityPercent'],
    ]);
    expect(findings.every(f => f.agreementId === 'UC-2')).toBe(true);
    expect(findings[2].message).toBe(
      "UC-2 availability 99% is below SLA-1's 99.5%",
    );
  });

  it('rejects an unknown calendar with the field named', () => {
    const ola = {
      id: 'OLA-3',
      calendarId: 'office-hours',
      targets: {
        incidents: { p1: { response: { duration: '1h', calendarId: 'nope' } } },
      },
    };
    expect(() => checkAlignment(sla, ola, { calendars })).toThrow(
      /targets\.incidents\.p1\.response\.calendarId/,
    );
  });
});
