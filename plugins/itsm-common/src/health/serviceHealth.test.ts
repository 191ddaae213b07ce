import { deriveServiceStatus } from './serviceHealth';

const none = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };

describe('deriveServiceStatus', () => {
  it.each([
    ['operational with nothing open', none, false, 0, 'operational'],
    [
      'operational with only low-priority incidents',
      { ...none, 3: 2, 4: 1, 5: 7 },
      false,
      0,
      'operational',
    ],
    ['degraded by an open P1', { ...none, 1: 1 }, false, 0, 'degraded'],
    ['degraded by an open P2', { ...none, 2: 1 }, false, 0, 'degraded'],
    ['degraded by a breached clock', { ...none, 4: 1 }, false, 1, 'degraded'],
    [
      'a major outage with an active major incident',
      { ...none, 1: 1 },
      true,
      0,
      'major_outage',
    ],
  ] as const)(
    'is %s',
    (_name, openByPriority, hasActiveMajorIncident, clocksBreached, status) => {
      expect(
        deriveServiceStatus({
          openByPriority,
          hasActiveMajorIncident,
          clocksBreached,
        }),
      ).toBe(status);
    },
  );
});
