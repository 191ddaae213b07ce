import { localDayStart, localToInstant } from './localTime';

const local = (iso: string) => Date.parse(`${iso}Z`);

describe('localToInstant', () => {
  it.each([
    ['UTC', '2026-03-01T00:00:00', '2026-03-01T00:00:00.000Z'],
    ['Europe/Berlin', '2026-04-01T00:00:00', '2026-03-31T22:00:00.000Z'],
    // Skipped: Santiago jumps from 00:00 to 01:00 on 6 September 2026.
    ['America/Santiago', '2026-09-06T00:00:00', '2026-09-06T04:00:00.000Z'],
    // Repeated: 02:30 happens twice in Berlin on 25 October 2026; the first one counts.
    ['Europe/Berlin', '2026-10-25T02:30:00', '2026-10-25T00:30:00.000Z'],
  ])('%s %s is %s', (zone, wall, instant) => {
    expect(new Date(localToInstant(zone, local(wall))).toISOString()).toBe(
      instant,
    );
  });
});

describe('localDayStart', () => {
  it.each([
    ['UTC', '2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['Europe/Berlin', '2026-11-01', '2026-10-31T23:00:00.000Z'],
    ['Europe/Berlin', '2026-07-01', '2026-06-30T22:00:00.000Z'],
    // Santiago's clocks jump from 00:00 to 01:00 on 6 September 2026: the day starts at 01:00.
    ['America/Santiago', '2026-09-06', '2026-09-06T04:00:00.000Z'],
  ])('%s %s begins at %s', (zone, day, instant) => {
    expect(localDayStart(zone, day).toISOString()).toBe(instant);
  });

  it.each([['2026-02-30'], ['2026-1-01'], [''], ['tomorrow']])(
    'refuses %j naming the day',
    day => {
      expect(() => localDayStart('UTC', day)).toThrow(/day must be a date/);
    },
  );

  it('refuses an unknown time zone naming it', () => {
    expect(() => localDayStart('Mars/Olympus', '2026-11-01')).toThrow(
      /timezone/,
    );
  });
});
