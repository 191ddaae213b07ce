import { DEFAULT_INCIDENT_TARGETS } from '../../config';
import {
  IncidentClockTarget,
  SlaRevisionRef,
  incidentTargets,
} from './slaTargets';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const SLA: SlaRevisionRef = {
  slaSeq: 3,
  revision: 2,
  terms: {
    calendarId: 'office-hours',
    targets: {
      incidents: {
        p1: {
          response: { duration: '10m', calendarId: '24x7' },
          resolution: { duration: '2h', calendarId: '24x7' },
        },
        p2: { response: { duration: '20m' }, resolution: { duration: '6h' } },
        p3: { resolution: { duration: '2d' } },
        p4: { response: { duration: 'soon' } },
      },
    },
  },
};

const fromSla = (
  targetMs: number,
  calendarId: string,
): IncidentClockTarget => ({
  targetMs,
  calendarId,
  slaSeq: 3,
  slaRevision: 2,
});
const fromDefaults = (
  targetMs: number,
  calendarId: string,
): IncidentClockTarget => ({
  targetMs,
  calendarId,
  slaSeq: null,
  slaRevision: null,
});

describe('incidentTargets', () => {
  it.each<
    [
      string,
      SlaRevisionRef | undefined,
      1 | 2 | 3 | 4 | 5,
      Record<'response' | 'resolution', IncidentClockTarget>,
    ]
  >([
    [
      'no SLA: P1 defaults count around the clock',
      undefined,
      1,
      {
        response: fromDefaults(15 * MINUTE, '24x7'),
        resolution: fromDefaults(4 * HOUR, '24x7'),
      },
    ],
    [
      'no SLA: P2 defaults count on the service calendar',
      undefined,
      2,
      {
        response: fromDefaults(30 * MINUTE, 'service-cal'),
        resolution: fromDefaults(8 * HOUR, 'service-cal'),
      },
    ],
    [
      'SLA targets with their own calendar',
      SLA,
      1,
      {
        response: fromSla(10 * MINUTE, '24x7'),
        resolution: fromSla(2 * HOUR, '24x7'),
      },
    ],
    [
      "SLA targets without a calendar count on the SLA's calendar, not the service's",
      SLA,
      2,
      {
        response: fromSla(20 * MINUTE, 'office-hours'),
        resolution: fromSla(6 * HOUR, 'office-hours'),
      },
    ],
    [
      "a clock the SLA leaves out takes the default, on the SLA's calendar",
      SLA,
      3,
      {
        response: fromDefaults(4 * HOUR, 'office-hours'),
        resolution: fromSla(48 * HOUR, 'office-hours'),
      },
    ],
    [
      'a damaged duration falls back to the default',
      SLA,
      4,
      {
        response: fromDefaults(8 * HOUR, 'office-hours'),
        resolution: fromDefaults(40 * HOUR, 'office-hours'),
      },
    ],
    [
      'a priority the SLA leaves out takes the defaults',
      SLA,
      5,
      {
        response: fromDefaults(16 * HOUR, 'office-hours'),
        resolution: fromDefaults(80 * HOUR, 'office-hours'),
      },
    ],
  ])('%s', (_name, sla, priority, expected) => {
    expect(
      incidentTargets(
        sla,
        priority,
        DEFAULT_INCIDENT_TARGETS[priority],
        'service-cal',
      ),
    ).toEqual(expected);
  });

  it("keeps a configured default's own calendar under an SLA", () => {
    expect(
      incidentTargets(
        SLA,
        5,
        {
          response: { targetMs: HOUR, calendarId: '24x7' },
          resolution: { targetMs: 2 * HOUR },
        },
        'service-cal',
      ),
    ).toEqual({
      response: fromDefaults(HOUR, '24x7'),
      resolution: fromDefaults(2 * HOUR, 'office-hours'),
    });
  });
});
