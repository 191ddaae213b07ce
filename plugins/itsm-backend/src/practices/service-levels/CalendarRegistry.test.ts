import { mockServices } from '@backstage/backend-test-utils';
import { ALWAYS_ON, ServiceCalendar } from '@backstage-itsm/plugin-itsm-common';
import type { CalendarStore, StoredCalendar } from './CalendarStore';
import { CalendarRegistry } from './CalendarRegistry';

const OFFICE: ServiceCalendar = {
  id: 'office',
  timezone: 'Europe/Berlin',
  hours: { mon: [['08:00', '18:00']] },
  holidays: ['2026-12-25'],
};

const T0 = new Date('2026-03-02T09:00:00.000Z');

function row(overrides: Partial<StoredCalendar>): StoredCalendar {
  return {
    id: 'x',
    version: 1,
    source: 'api',
    title: null,
    timezone: null,
    hours: null,
    holidays: [],
    createdAt: T0,
    createdBy: 'user:default/alice',
    updatedAt: T0,
    ...overrides,
  };
}

function memoryStore(rows: StoredCalendar[]) {
  const store = {
    rows,
    reads: 0,
    async listCalendars() {
      store.reads++;
      return store.rows;
    },
  };
  return store as typeof store & CalendarStore;
}

const configured = new Map([
  [ALWAYS_ON.id, ALWAYS_ON],
  [OFFICE.id, OFFICE],
]);

describe('CalendarRegistry', () => {
  afterEach(() => jest.useRealTimers());

  it('merges built-in, configured and stored calendars', async () => {
    const logger = mockServices.logger.mock();
    const store = memoryStore([
      row({ id: 'office', source: 'config', holidays: ['2026-05-01'] }),
      row({
        id: 'uk',
        title: 'UK',
        timezone: 'Europe/London',
        hours: { tue: [['09:00', '17:00']] },
        holidays: ['2026-08-31'],
      }),
      row({ id: 'gone', source: 'config', holidays: ['2026-01-01'] }),
    ]);
    const registry = await CalendarRegistry.create({
      configured,
      defaultCalendarId: 'office',
      store,
      logger,
    });

    expect(registry.entries().map(e => [e.id, e.source])).toEqual([
      ['24x7', 'builtin'],
      ['office', 'config'],
      ['uk', 'api'],
    ]);
    expect(registry.get('office')).toEqual({
      ...OFFICE,
      holidays: ['2026-05-01', '2026-12-25'],
    });
    expect(registry.entry('office')?.configuredHolidays).toEqual([
      '2026-12-25',
    ]);
    expect(registry.get('uk')).toEqual({
      id: 'uk',
      timezone: 'Europe/London',
      hours: { tue: [['09:00', '17:00']] },
      holidays: ['2026-08-31'],
    });
    expect(registry.get('24x7')).toBe(ALWAYS_ON);
    expect(registry.has('gone')).toBe(false);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining("calendar 'gone'"),
    );

    // Unknown ids evaluate on the default calendar.
    expect(registry.calendarOrDefault('gone')).toEqual({
      calendar: registry.get('office'),
      known: false,
    });
    expect(registry.lookup().get('uk')).toBe(registry.get('uk'));
  });

  it('keeps the calendar object of an unchanged row across reloads', async () => {
    const store = memoryStore([
      row({ id: 'office', source: 'config', holidays: ['2026-05-01'] }),
    ]);
    const registry = await CalendarRegistry.create({
      configured,
      defaultCalendarId: 'office',
      store,
    });
    const before = registry.get('office');
    await registry.refresh();
    expect(registry.get('office')).toBe(before);

    store.rows = [
      row({
        id: 'office',
        source: 'config',
        version: 2,
        holidays: ['2026-05-01', '2026-10-03'],
      }),
    ];
    await registry.refresh();
    expect(registry.get('office')).not.toBe(before);
    expect(registry.get('office')?.holidays).toEqual([
      '2026-05-01',
      '2026-10-03',
      '2026-12-25',
    ]);
  });

  it('reloads on ensureFresh only once the snapshot is older than its maximum age', async () => {
    jest.useFakeTimers({ now: T0 });
    const store = memoryStore([]);
    const registry = await CalendarRegistry.create({
      configured,
      defaultCalendarId: 'office',
      store,
      maxAgeMs: 10_000,
    });
    expect(store.reads).toBe(1);

    store.rows = [
      row({
        id: 'uk',
        timezone: 'Europe/London',
        hours: { mon: [['09:00', '17:00']] },
      }),
    ];
    jest.setSystemTime(T0.getTime() + 9_000);
    await registry.ensureFresh();
    expect(store.reads).toBe(1);
    expect(registry.has('uk')).toBe(false);

    jest.setSystemTime(T0.getTime() + 11_000);
    await Promise.all([registry.ensureFresh(), registry.ensureFresh()]);
    expect(store.reads).toBe(2);
    expect(registry.has('uk')).toBe(true);
  });

  it('keeps the last snapshot when a reload fails', async () => {
    jest.useFakeTimers({ now: T0 });
    const logger = mockServices.logger.mock();
    const store = memoryStore([
      row({
        id: 'uk',
        timezone: 'Europe/London',
        hours: { mon: [['09:00', '17:00']] },
      }),
    ]);
    const registry = await CalendarRegistry.create({
      configured,
      defaultCalendarId: 'office',
      store,
      logger,
    });
    store.listCalendars = async () => {
      throw new Error('database down');
    };
    jest.setSystemTime(T0.getTime() + 60_000);
    await registry.ensureFresh();
    expect(registry.has('uk')).toBe(true);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('database down'),
    );
  });
});
