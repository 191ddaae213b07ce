import { localToInstant } from './localTime';

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
