/*
 * Times one million computeSlaClock evaluations on a business calendar with
 * holidays and pauses, and prints evaluations per second.
 *
 *   yarn bench:sla-clock            (or: yarn bench, which runs every benchmark)
 */
import {
  computeSlaClock,
  ServiceCalendar,
} from '@backstage-itsm/plugin-itsm-common';

const EVALUATIONS = Number(process.env.BENCH_EVALUATIONS ?? 1_000_000);
const H = 3_600_000;
const DAY = 24 * H;

const calendar: ServiceCalendar = {
  id: 'business-hours-eu',
  timezone: 'Europe/Berlin',
  hours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map(day => [
      day,
      [
        ['08:00', '12:30'],
        ['13:30', '18:00'],
      ],
    ]),
  ),
  holidays: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-01',
    '2026-05-14',
    '2026-05-25',
    '2026-10-03',
    '2026-12-24',
    '2026-12-25',
    '2026-12-26',
    '2026-12-31',
    '2027-01-01',
  ],
};

// A deterministic spread of incidents over the year, each with its own pauses,
// evaluated at different moments: a mix of running, paused, met and breached clocks.
const base = Date.UTC(2026, 0, 1);
let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const inputs = Array.from({ length: 10_000 }, (_, i) => {
  const startedAt = base + Math.floor(random() * 360 * DAY);
  const pauses =
    i % 3 === 0
      ? []
      : [
          {
            from: new Date(startedAt + 2 * H),
            to: new Date(startedAt + 20 * H),
          },
          ...(i % 3 === 1 ? [{ from: new Date(startedAt + 30 * H) }] : []),
        ];
  return {
    targetMs: [4, 8, 24, 40][i % 4] * H,
    calendar,
    startedAt: new Date(startedAt),
    pauses,
    stoppedAt: i % 5 === 0 ? new Date(startedAt + 9 * H) : undefined,
    now: new Date(startedAt + Math.floor(random() * 10 * DAY)),
  };
});

function run(count: number) {
  const states: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const clock = computeSlaClock(inputs[i % inputs.length]);
    states[clock.state] = (states[clock.state] ?? 0) + 1;
  }
  return states;
}

run(20_000); // warm up: JIT and the per-zone offset tables
const started = process.hrtime.bigint();
const states = run(EVALUATIONS);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

console.log(
  `computeSlaClock: ${EVALUATIONS.toLocaleString(
    'en-US',
  )} evaluations in ${seconds.toFixed(2)} s`,
);
console.log(
  `  ${Math.round(EVALUATIONS / seconds).toLocaleString(
    'en-US',
  )} evaluations/s`,
);
console.log(
  `  calendar ${calendar.id} (${calendar.timezone}, split hours, ${
    calendar.holidays!.length
  } holidays); states ${JSON.stringify(states)}`,
);
