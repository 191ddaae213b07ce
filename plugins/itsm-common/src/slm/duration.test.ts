import fc from 'fast-check';
import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['30m', 30 * 60_000],
    ['4h', 4 * 3_600_000],
    ['3d', 3 * 86_400_000],
    ['1w', 7 * 86_400_000],
    ['1h30m', 90 * 60_000],
    ['45s', 45_000],
  ])('reads %s', (value, ms) => {
    expect(parseDuration(value)).toBe(ms);
  });

  it.each(['', '4', 'h', '4 h', '4H', '-1h', '1.5h', '30m1h', '1h1h', '0m', 4])(
    'rejects %p naming the field',
    value => {
      expect(() =>
        parseDuration(value, 'targets.incidents.p1.response.duration'),
      ).toThrow(/targets\.incidents\.p1\.response\.duration/);
    },
  );

  it('round-trips with formatDuration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), seconds => {
        const ms = seconds * 1000;
        expect(parseDuration(formatDuration(ms))).toBe(ms);
      }),
    );
  });

  it('formats the largest units first', () => {
    expect(formatDuration(90 * 60_000)).toBe('1h30m');
    expect(formatDuration(8 * 86_400_000)).toBe('1w1d');
    expect(formatDuration(0)).toBe('0s');
  });
});
