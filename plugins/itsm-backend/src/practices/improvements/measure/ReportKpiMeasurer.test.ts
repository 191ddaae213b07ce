import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  ImprovementKpi,
  ImprovementKpiName,
  IMPROVEMENT_KPI_DEFINITIONS,
  incidentTrendQuerySchema,
  slaCreateSchema,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { newSla, setNow } from '../../../__testUtils__/slaApi';
import type { ItsmServiceDeps, ItsmServices } from '../../../services';
import { createKpiMeasurer } from '.';
import { itsmServicesOn } from './__testUtils__/itsmServices';
import {
  insertBreach,
  insertChange,
  insertDecidedClock,
  insertIncident,
  insertRating,
} from './__testUtils__/kpiRows';
import type { KpiMeasurer } from './KpiMeasurer';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const PAYMENTS = 'component:default/payments';
const CART = 'component:default/cart';
const SEARCH = 'component:default/search';
const BOTH = [PAYMENTS, CART];
const HL = 'alertmanager:HighLatency';

const HOUR = 3_600_000;
/** The window: Monday 2 to Monday 9 February 2026, UTC (Berlin is UTC+1 all week). */
const FROM = new Date('2026-02-02T00:00:00.000Z');
const TO = new Date('2026-02-09T00:00:00.000Z');
const at = (iso: string) => new Date(iso);
const before = (d: Date) => new Date(d.getTime() - 1);
const later = (d: Date, hours: number) => new Date(d.getTime() + hours * HOUR);

function kpi(
  name: ImprovementKpiName,
  filters: Partial<
    Pick<ImprovementKpi, 'category' | 'priority' | 'signature'>
  > = {},
): ImprovementKpi {
  return {
    kpi: name,
    category: filters.category ?? null,
    priority: filters.priority ?? null,
    signature: filters.signature ?? null,
    windowDays: 7,
    settleDays: 7,
    direction: IMPROVEMENT_KPI_DEFINITIONS[name].direction,
    target: { kind: 'relative', percent: 20 },
  };
}

/**
 * The fixture, by hand. Payments has an SLA on EU business hours (Mon–Fri 08–18 Berlin, so
 * 07–17 UTC in February: 50 hours of service in the window); cart has none (24x7: 168 hours);
 * search is never in scope. Each row sits inside the window, on its boundaries (`FROM` is in,
 * `TO` is out) or outside it, and the comments say which figure counts it.
 */
async function seed(knex: Knex, services: ItsmServices, deps: ItsmServiceDeps) {
  setNow('2026-01-01T00:00:00.000Z');
  const sla = await services.slas.create(
    slaCreateSchema.parse(
      newSla({
        targets: {
          incidents: {
            p2: {
              response: { duration: '1h' },
              resolution: { duration: '8h' },
            },
          },
          availabilityPercent: 99.5,
          csatPercent: 80,
          changeSuccessRatePercent: 90,
        },
      }),
    ),
    { credentials: await deps.auth.getOwnServiceCredentials() },
  );
  expect(sla.id).toBe('SLA-1');

  // Incidents (incident_count, mttr, recurrence).
  const incident = (o: Parameters<typeof insertIncident>[1]) =>
    insertIncident(knex, o);
  // I1: counted; resolved in 2 h; HL, network.
  await incident({
    entityRef: PAYMENTS,
    createdAt: FROM,
    priority: 3,
    category: 'network',
    signature: HL,
    status: 'resolved',
    resolvedAt: later(FROM, 2),
  });
  // I2: counted (P2, database); closed, resolved in 6 h.
  await incident({
    entityRef: PAYMENTS,
    createdAt: at('2026-02-03T10:00:00Z'),
    priority: 2,
    category: 'database',
    status: 'closed',
    resolvedAt: at('2026-02-03T16:00:00Z'),
  });
  // I3: cancelled — not an incident count, but a recurrence (the trend report counts it).
  await incident({
    entityRef: PAYMENTS,
    createdAt: at('2026-02-04T09:00:00Z'),
    priority: 3,
    category: 'network',
    signature: HL,
    status: 'cancelled',
  });
  // I4: created at TO (out); resolved after the window.
  await incident({
    entityRef: PAYMENTS,
    createdAt: TO,
    priority: 3,
    category: 'network',
    signature: HL,
    status: 'resolved',
    resolvedAt: later(TO, 1),
  });
  // I5: created 1 ms before FROM (out); resolved at TO (out of mttr).
  await incident({
    entityRef: PAYMENTS,
    createdAt: before(FROM),
    priority: 3,
    category: 'network',
    signature: HL,
    status: 'resolved',
    resolvedAt: TO,
  });
  // I6: cart, counted, uncategorised, HL.
  await incident({
    entityRef: CART,
    createdAt: at('2026-02-05T12:00:00Z'),
    priority: 3,
    signature: HL,
  });
  // I7: cart, created before the window, resolved in it after 76 h (mttr only).
  await incident({
    entityRef: CART,
    createdAt: at('2026-01-30T00:00:00Z'),
    priority: 2,
    category: 'database',
    status: 'resolved',
    resolvedAt: at('2026-02-02T04:00:00Z'),
  });
  // I8: search (out of scope everywhere).
  await incident({
    entityRef: SEARCH,
    createdAt: at('2026-02-05T00:00:00Z'),
    category: 'network',
    signature: HL,
    status: 'resolved',
    resolvedAt: at('2026-02-05T01:00:00Z'),
  });

  // Hosts of clocks and outages, created long before the window (no incident figure sees them).
  const host = (entityRef: string, outage?: { start: Date; end: Date }) =>
    incident({ entityRef, createdAt: at('2026-01-20T00:00:00Z'), outage });
  const [h1, h2, h3, h4, h6, h7] = [
    await host(PAYMENTS),
    await host(PAYMENTS),
    await host(PAYMENTS),
    await host(PAYMENTS),
    await host(CART),
    await host(SEARCH),
  ];

  // Clocks (sla_attainment): payments met A, F, I and breached B; cart breached G.
  const clock = (o: Parameters<typeof insertDecidedClock>[1]) =>
    insertDecidedClock(knex, { slaSeq: 1, ...o });
  await clock({
    incidentSeq: h1,
    entityRef: PAYMENTS,
    clock: 'resolution',
    priority: 2,
    decidedAt: FROM,
  }); // A met
  await clock({
    incidentSeq: h1,
    entityRef: PAYMENTS,
    clock: 'response',
    priority: 2,
    decidedAt: at('2026-02-03T00:00:00Z'),
    breached: true,
  }); // B breached
  await clock({
    incidentSeq: h2,
    entityRef: PAYMENTS,
    clock: 'resolution',
    priority: 3,
    decidedAt: at('2026-02-03T00:00:00Z'),
    breached: true,
    waived: true,
  }); // C waived: out
  await clock({
    incidentSeq: h2,
    entityRef: PAYMENTS,
    clock: 'response',
    priority: 3,
    decidedAt: TO,
  }); // D at TO: out
  await clock({
    incidentSeq: h3,
    entityRef: PAYMENTS,
    clock: 'resolution',
    priority: 3,
    decidedAt: at('2026-02-04T00:00:00Z'),
    counts: false,
  }); // E cancelled: out
  await clock({
    incidentSeq: h3,
    entityRef: PAYMENTS,
    clock: 'response',
    priority: 3,
    decidedAt: at('2026-02-05T00:00:00Z'),
  }); // F met
  await clock({
    incidentSeq: h4,
    entityRef: PAYMENTS,
    clock: 'resolution',
    priority: 3,
    decidedAt: at('2026-02-07T00:00:00Z'),
  }); // I met
  await clock({
    incidentSeq: h6,
    entityRef: CART,
    clock: 'resolution',
    priority: 3,
    decidedAt: at('2026-02-06T00:00:00Z'),
    breached: true,
    slaSeq: null,
  }); // G breached
  await clock({
    incidentSeq: h7,
    entityRef: SEARCH,
    clock: 'resolution',
    priority: 3,
    decidedAt: at('2026-02-06T00:00:00Z'),
    slaSeq: null,
  }); // H: out of scope

  // Breach register (breach_count): b1, b3, b5 count.
  const breach = (o: Parameters<typeof insertBreach>[1]) =>
    insertBreach(knex, o);
  await breach({
    incidentSeq: h1,
    entityRef: PAYMENTS,
    priority: 2,
    breachedAt: at('2026-02-03T00:00:00Z'),
    clock: 'response',
    slaSeq: 1,
  }); // b1
  await breach({
    incidentSeq: h2,
    entityRef: PAYMENTS,
    priority: 3,
    breachedAt: at('2026-02-03T00:00:00Z'),
    waived: true,
    slaSeq: 1,
  }); // b2 waived
  await breach({
    incidentSeq: h4,
    entityRef: PAYMENTS,
    priority: 3,
    breachedAt: FROM,
    clock: 'response',
    slaSeq: 1,
  }); // b3 at FROM
  await breach({
    incidentSeq: h4,
    entityRef: PAYMENTS,
    priority: 3,
    breachedAt: TO,
    slaSeq: 1,
  }); // b4 at TO: out
  await breach({
    incidentSeq: h6,
    entityRef: CART,
    priority: 3,
    breachedAt: at('2026-02-06T00:00:00Z'),
  }); // b5
  await breach({
    incidentSeq: h7,
    entityRef: SEARCH,
    priority: 3,
    breachedAt: at('2026-02-06T00:00:00Z'),
  }); // b6 scope

  // Outages of major incidents (availability).
  await host(PAYMENTS, {
    start: at('2026-02-03T12:00:00Z'),
    end: at('2026-02-03T14:00:00Z'),
  }); // 2 h in service hours
  await host(PAYMENTS, {
    start: at('2026-02-07T10:00:00Z'),
    end: at('2026-02-07T12:00:00Z'),
  }); // Saturday: 0
  await host(PAYMENTS, {
    start: at('2026-02-01T20:00:00Z'),
    end: at('2026-02-02T08:00:00Z'),
  }); // Monday 07–08 UTC: 1 h
  await host(CART, {
    start: at('2026-02-05T00:00:00Z'),
    end: at('2026-02-05T02:00:00Z'),
  }); // 2 h of 24x7
  await host(SEARCH, {
    start: at('2026-02-05T00:00:00Z'),
    end: at('2026-02-05T10:00:00Z'),
  }); // scope

  // Ratings (csat): payments 5 4 2 4 1 5 in the window (4 satisfied of 6); cart 3 4.
  const rate = (
    entityRef: string,
    submittedAt: Date,
    rating: number | null,
    nps?: number,
  ) => insertRating(knex, { entityRef, submittedAt, rating, nps });
  await rate(PAYMENTS, FROM, 5);
  await rate(PAYMENTS, at('2026-02-03T09:00:00Z'), 4);
  await rate(PAYMENTS, at('2026-02-03T10:00:00Z'), 2);
  await rate(PAYMENTS, at('2026-02-04T10:00:00Z'), 4);
  await rate(PAYMENTS, at('2026-02-05T10:00:00Z'), 1);
  await rate(PAYMENTS, at('2026-02-06T10:00:00Z'), 5);
  await rate(PAYMENTS, at('2026-02-06T11:00:00Z'), null, 9); // NPS only: no rating
  await rate(PAYMENTS, TO, 5); // out
  await rate(PAYMENTS, before(FROM), 1); // out
  await rate(CART, at('2026-02-04T10:00:00Z'), 3);
  await rate(CART, at('2026-02-05T10:00:00Z'), 4);
  await rate(SEARCH, at('2026-02-05T10:00:00Z'), 1); // scope

  // Changes (change_failure_rate): C1–C4 count; C3 names both services.
  const change = (
    entityRefs: string[],
    outcome: string,
    updatedAt: Date,
    status = 'closed',
  ) => insertChange(knex, { entityRefs, outcome, updatedAt, status });
  await change([PAYMENTS], 'successful', at('2026-02-03T00:00:00Z')); // C1
  await change([PAYMENTS], 'failed', at('2026-02-04T00:00:00Z')); // C2
  await change([PAYMENTS, CART], 'backed_out', at('2026-02-05T00:00:00Z')); // C3
  await change([CART], 'successful_with_issues', FROM); // C4
  await change([PAYMENTS], 'failed', TO); // C5 at TO: out
  await change([PAYMENTS], 'failed', at('2026-02-04T00:00:00Z'), 'review'); // C6 not closed
  await change([SEARCH], 'failed', at('2026-02-04T00:00:00Z')); // C7 scope

  // Measured long after the window: the reports' "up to now" clips nothing.
  setNow('2026-06-01T00:00:00.000Z');
}

describe('KPI measurement', () => {
  afterEach(() => jest.useRealTimers());

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let measurer: KpiMeasurer;
    let services: ItsmServices;
    let deps: ItsmServiceDeps;

    const measure = (
      k: ImprovementKpi,
      entityRefs: string[] = BOTH,
      window: { from: Date; to: Date } = { from: FROM, to: TO },
    ) => measurer.measure({ kpi: k, entityRefs, ...window });

    beforeAll(async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      ({ services, deps } = await itsmServicesOn(knex));
      await seed(knex, services, deps);
      measurer = createKpiMeasurer(services, deps);
    });
    beforeEach(() => setNow('2026-06-01T00:00:00.000Z'));

    it('counts incidents opened in [from, to) on the services, not cancelled, by category and priority', async () => {
      expect(await measure(kpi('incident_count'))).toEqual({ value: 3, n: 3 });
      expect(await measure(kpi('incident_count'), [PAYMENTS])).toEqual({
        value: 2,
        n: 2,
      });
      expect(
        await measure(kpi('incident_count', { category: 'network' })),
      ).toEqual({ value: 1, n: 1 });
      expect(
        await measure(kpi('incident_count', { category: 'uncategorised' })),
      ).toEqual({ value: 1, n: 1 });
      expect(await measure(kpi('incident_count', { priority: 3 }))).toEqual({
        value: 2,
        n: 2,
      });
      expect(await measure(kpi('incident_count', { priority: 2 }))).toEqual({
        value: 1,
        n: 1,
      });
      // Half-open: a window ending at FROM + 1 ms holds I1 only; one starting at TO holds I4.
      expect(
        await measure(kpi('incident_count'), [PAYMENTS], {
          from: FROM,
          to: later(FROM, 1 / HOUR),
        }),
      ).toEqual({ value: 1, n: 1 });
      expect(
        await measure(kpi('incident_count'), [PAYMENTS], {
          from: TO,
          to: later(TO, 1),
        }),
      ).toEqual({ value: 1, n: 1 });
      // Entity refs are canonicalised.
      expect(
        await measure(kpi('incident_count'), ['Component:default/Payments']),
      ).toEqual({ value: 2, n: 2 });
    });

    it('averages hours from open to resolved of incidents resolved in the window', async () => {
      // I1 2 h, I2 6 h, I7 76 h (created before the window); I4 and I5 resolve outside it.
      expect(await measure(kpi('mttr'))).toEqual({ value: 28, n: 3 });
      expect(await measure(kpi('mttr'), [PAYMENTS])).toEqual({
        value: 4,
        n: 2,
      });
      expect(await measure(kpi('mttr', { priority: 2 }))).toEqual({
        value: 41,
        n: 2,
      });
      expect(await measure(kpi('mttr', { category: 'network' }))).toEqual({
        value: 2,
        n: 1,
      });
      expect(
        await measure(kpi('mttr', { category: 'network' }), [CART]),
      ).toEqual({ value: null, n: 0 });
      // I5 resolved exactly at TO belongs to the next window.
      const next = await measure(kpi('mttr'), [PAYMENTS], {
        from: TO,
        to: later(TO, 2),
      });
      expect(next.n).toBe(2); // I4 in 1 h, I5 in 168 h and 1 ms
      expect(next.value).toBeCloseTo(
        (HOUR + TO.getTime() - before(FROM).getTime()) / HOUR / 2,
        9,
      );
    });

    it('gives SLA attainment as the SLA report counts it: decided clocks, waived and cancelled left out', async () => {
      // Met A F I, breached B G; C waived, D at TO, E cancelled, H search.
      expect(await measure(kpi('sla_attainment'))).toEqual({ value: 60, n: 5 });
      expect(await measure(kpi('sla_attainment'), [PAYMENTS])).toEqual({
        value: 75,
        n: 4,
      });
      expect(await measure(kpi('sla_attainment', { priority: 2 }))).toEqual({
        value: 50,
        n: 2,
      });
      expect(await measure(kpi('sla_attainment', { priority: 3 }))).toEqual({
        value: (100 * 2) / 3,
        n: 3,
      });
      expect(await measure(kpi('sla_attainment', { priority: 1 }))).toEqual({
        value: null,
        n: 0,
      });
    });

    it('counts breaches not waived, breached in the window, by priority', async () => {
      expect(await measure(kpi('breach_count'))).toEqual({ value: 3, n: 3 });
      expect(await measure(kpi('breach_count'), [PAYMENTS])).toEqual({
        value: 2,
        n: 2,
      });
      expect(await measure(kpi('breach_count', { priority: 3 }))).toEqual({
        value: 2,
        n: 2,
      });
      expect(await measure(kpi('breach_count', { priority: 2 }))).toEqual({
        value: 1,
        n: 1,
      });
      expect(
        await measure(kpi('breach_count'), [PAYMENTS], {
          from: TO,
          to: later(TO, 1),
        }),
      ).toEqual({ value: 1, n: 1 });
    });

    it("gives availability from outages inside each service's agreed hours; n is hours of service time", async () => {
      // Payments: 3 h of outage in 50 h of business hours; cart: 2 h in 168 h.
      expect(await measure(kpi('availability'), [PAYMENTS])).toEqual({
        value: 94,
        n: 50,
      });
      expect(await measure(kpi('availability'), [CART])).toEqual({
        value: (100 * 166) / 168,
        n: 168,
      });
      expect(await measure(kpi('availability'))).toEqual({
        value: (100 * 213) / 218,
        n: 218,
      });
      // A window without service hours (a weekend on business hours) has no figure.
      expect(
        await measure(kpi('availability'), [PAYMENTS], {
          from: at('2026-02-07T00:00:00Z'),
          to: TO,
        }),
      ).toEqual({ value: null, n: 0 });
    });

    it('gives CSAT as the satisfied share of ratings in the window', async () => {
      expect(await measure(kpi('csat'), [PAYMENTS])).toEqual({
        value: (100 * 4) / 6,
        n: 6,
      });
      expect(await measure(kpi('csat'))).toEqual({ value: 62.5, n: 8 });
      expect(
        await measure(kpi('csat'), [PAYMENTS], {
          from: at('2026-03-01T00:00:00Z'),
          to: at('2026-04-01T00:00:00Z'),
        }),
      ).toEqual({ value: null, n: 0 });
    });

    it('gives the change failure rate of changes closed in the window, each change once', async () => {
      expect(await measure(kpi('change_failure_rate'))).toEqual({
        value: 50,
        n: 4,
      });
      expect(await measure(kpi('change_failure_rate'), [PAYMENTS])).toEqual({
        value: (100 * 2) / 3,
        n: 3,
      });
      expect(await measure(kpi('change_failure_rate'), [CART])).toEqual({
        value: 50,
        n: 2,
      });
      expect(
        await measure(kpi('change_failure_rate'), [PAYMENTS], {
          from: TO,
          to: later(TO, 1),
        }),
      ).toEqual({ value: 100, n: 1 });
    });

    it('counts recurrences of a signature or category, whatever the incident status', async () => {
      expect(await measure(kpi('recurrence', { signature: HL }))).toEqual({
        value: 3,
        n: 3,
      });
      expect(
        await measure(kpi('recurrence', { signature: HL }), [PAYMENTS]),
      ).toEqual({ value: 2, n: 2 });
      expect(
        await measure(kpi('recurrence', { category: 'network' }), [PAYMENTS]),
      ).toEqual({ value: 2, n: 2 });
      expect(
        await measure(
          kpi('recurrence', { category: 'network', signature: HL }),
          [PAYMENTS],
        ),
      ).toEqual({ value: 2, n: 2 });
      expect(
        await measure(
          kpi('recurrence', { category: 'database', signature: HL }),
        ),
      ).toEqual({ value: 0, n: 0 });
    });

    it('agrees with the SLA report and the incident trend report of the same service and window', async () => {
      const ctx = { credentials: await deps.auth.getOwnServiceCredentials() };
      const report = await services.slaReports.report(
        { entityRef: PAYMENTS, from: FROM.toISOString(), to: TO.toISOString() },
        ctx,
      );
      const of = async (name: ImprovementKpiName) =>
        (await measure(kpi(name), [PAYMENTS])).value;
      expect(await of('incident_count')).toBe(
        report.workload.find(w => w.metric === 'incidentsPerMonth')!.actual,
      );
      expect(await of('sla_attainment')).toBe(report.overall.percent);
      expect(await of('breach_count')).toBe(
        report.breaches.total - report.breaches.waived,
      );
      expect(await of('availability')).toBe(report.availability.percent);
      expect(await of('csat')).toBe(report.csat.percent);
      expect(await of('change_failure_rate')).toBeCloseTo(
        100 - report.changeSuccess.percent!,
        10,
      );

      const trend = await services.incidentTrends.report(
        incidentTrendQuerySchema.parse({
          groupBy: 'signature',
          from: FROM.toISOString(),
          to: TO.toISOString(),
          entityRef: [PAYMENTS],
        }),
        ctx,
      );
      const row = trend.rows.find(r => r.key === HL)!;
      expect(
        (await measure(kpi('recurrence', { signature: HL }), [PAYMENTS])).n,
      ).toBe(row.total);
    });

    it('refuses a reversed window or no service (400), and measures the same twice', async () => {
      await expect(
        measure(kpi('incident_count'), BOTH, { from: TO, to: FROM }),
      ).rejects.toThrow(/to must be after from/);
      await expect(measure(kpi('incident_count'), [])).rejects.toThrow(
        /at least one service/,
      );
      expect(await measure(kpi('availability'))).toEqual(
        await measure(kpi('availability')),
      );
    });
  });
});
