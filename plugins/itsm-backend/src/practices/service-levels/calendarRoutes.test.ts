import { setNow } from '../../__testUtils__/slaApi';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { calendarManagePermission } from '@backstage-itsm/plugin-itsm-common';
import {
  ItsmTestBackend,
  asUser,
  databases,
  startItsmBackend,
} from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

// Monday 2026-03-02, 10:00 in Berlin.
const T0 = new Date('2026-03-02T09:00:00.000Z');

/** The first `count` days of 2027, as holiday dates. */
function daysOf2027(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
  );
}

const UK = {
  id: 'support-uk',
  title: 'UK support desk',
  timezone: 'Europe/London',
  hours: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
  },
  holidays: ['2026-12-28', '2026-08-31', '2026-12-28'],
};

function calendarsApi(backend: ItsmTestBackend) {
  const { api } = backend;
  return {
    list: () => api().get('/api/itsm/calendars').set('Authorization', asUser()),
    get: (id: string) =>
      api().get(`/api/itsm/calendars/${id}`).set('Authorization', asUser()),
    create: (body: object) =>
      api()
        .post('/api/itsm/calendars')
        .set('Authorization', asUser())
        .send(body),
    patch: (id: string, ifMatch: string | undefined, body: object) => {
      const req = api()
        .patch(`/api/itsm/calendars/${id}`)
        .set('Authorization', asUser());
      if (ifMatch !== undefined) {
        req.set('If-Match', ifMatch);
      }
      return req.send(body);
    },
  };
}

describe('calendars API', () => {
  afterEach(() => jest.useRealTimers());

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('lists built-in, configured and API calendars; creates with validation naming the field', async () => {
      setNow(T0);
      const backend = await startItsmBackend({ databaseId });
      const calendars = calendarsApi(backend);

      const created = await calendars.create(UK);
      expect(created.status).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      expect(created.body).toEqual({
        id: 'support-uk',
        version: 1,
        source: 'api',
        title: 'UK support desk',
        timezone: 'Europe/London',
        hours: UK.hours,
        configuredHolidays: [],
        holidays: ['2026-08-31', '2026-12-28'],
        createdAt: T0.toISOString(),
        updatedAt: T0.toISOString(),
      });

      const list = await calendars.list();
      expect(list.status).toBe(200);
      expect(list.body.nextCursor).toBeNull();
      expect(
        list.body.items.map((c: any) => [c.id, c.source, c.version]),
      ).toEqual([
        ['24x7', 'builtin', 0],
        ['business-hours-eu', 'config', 0],
        ['support-uk', 'api', 1],
      ]);
      expect(list.body.items[1]).toMatchObject({
        title: 'business-hours-eu',
        timezone: 'Europe/Berlin',
        configuredHolidays: ['2026-12-25', '2026-12-26'],
        holidays: [],
        createdAt: null,
      });

      const got = await calendars.get('business-hours-eu');
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"0"');
      expect((await calendars.get('no-such')).status).toBe(404);

      // Bad definitions: 400 naming the field, nothing written.
      const bad: Array<[object, string]> = [
        [{ ...UK, id: 'x1', timezone: 'Mars/Olympus' }, 'timezone'],
        [
          { ...UK, id: 'x2', hours: { mon: [['17:00', '09:00']] } },
          'hours.mon[0]',
        ],
        [
          { ...UK, id: 'x3', hours: { mon: [['09:00', '25:00']] } },
          'hours.mon[0][1]',
        ],
        [{ ...UK, id: 'x4', holidays: ['2026-02-30'] }, 'holidays'],
        [{ ...UK, id: 'x5', holidays: ['30.12.2026'] }, 'holidays'],
        [{ ...UK, id: 'x6', colour: 'blue' }, 'colour'],
        // No service hours at all: every clock in it would wait forever.
        [{ ...UK, id: 'x7', hours: {} }, 'hours must give service hours'],
        [{ ...UK, id: 'x8', hours: { mon: [], sat: [] } }, 'hours'],
        // A year of holidays would stop the clocks of every service in the calendar.
        [{ ...UK, id: 'x9', holidays: daysOf2027(61) }, 'holidays'],
        [{ ...UK, id: 'not an id' }, 'id'],
      ];
      for (const [body, field] of bad) {
        const res = await calendars.create(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(field);
      }

      // An id that is taken, in any case, by a config, built-in or API calendar.
      for (const id of ['business-hours-eu', '24x7', 'Support-UK']) {
        const res = await calendars.create({ ...UK, id });
        expect(res.status).toBe(409);
        expect(res.body.error.message).toMatch(/already exists/);
      }
      expect((await calendars.list()).body.items).toHaveLength(3);

      // Calendars are not deleted.
      const del = await backend
        .api()
        .delete('/api/itsm/calendars/support-uk')
        .set('Authorization', asUser());
      expect(del.status).toBe(405);
    });

    it('edits holiday lists under If-Match and refuses what would rewrite past clocks', async () => {
      setNow(T0);
      const backend = await startItsmBackend({ databaseId });
      const calendars = calendarsApi(backend);

      // A config calendar nothing was stored for is at version 0.
      const body = { holidays: ['2026-05-01', '2026-10-03'] };
      expect(
        (await calendars.patch('business-hours-eu', undefined, body)).status,
      ).toBe(428);
      expect(
        (await calendars.patch('business-hours-eu', '0', body)).status,
      ).toBe(400);
      expect(
        (await calendars.patch('business-hours-eu', '"1"', body)).status,
      ).toBe(412);

      const first = await calendars.patch('business-hours-eu', '"0"', body);
      expect(first.status).toBe(200);
      expect(first.headers.etag).toBe('"1"');
      expect(first.body).toMatchObject({
        version: 1,
        source: 'config',
        configuredHolidays: ['2026-12-25', '2026-12-26'],
        holidays: ['2026-05-01', '2026-10-03'],
        createdAt: T0.toISOString(),
      });
      // A second first-edit from a stale read.
      expect(
        (await calendars.patch('business-hours-eu', '"0"', { holidays: [] }))
          .status,
      ).toBe(412);

      // No-op: nothing written.
      const same = await calendars.patch('business-hours-eu', '"1"', {
        holidays: ['2026-10-03', '2026-05-01', '2026-05-01'],
      });
      expect(same.status).toBe(200);
      expect(same.body.version).toBe(1);

      // Holidays before today (2026-03-02 in Berlin) are neither added nor removed.
      const past = await calendars.patch('business-hours-eu', '"1"', {
        holidays: ['2026-01-06', '2026-05-01', '2026-10-03'],
      });
      expect(past.status).toBe(409);
      expect(past.body.error.message).toContain('2026-01-06');
      // Nor today: clocks have counted its service time so far.
      const today = await calendars.patch('business-hours-eu', '"1"', {
        holidays: ['2026-03-02', '2026-05-01', '2026-10-03'],
      });
      expect(today.status).toBe(409);
      expect(today.body.error.message).toContain('2026-03-02');
      // Tomorrow and later are fine.
      const later = await calendars.patch('business-hours-eu', '"1"', {
        holidays: ['2026-03-03', '2026-10-03'],
      });
      expect(later.status).toBe(200);
      expect(later.body).toMatchObject({
        version: 2,
        holidays: ['2026-03-03', '2026-10-03'],
      });
      const invalid = await calendars.patch('business-hours-eu', '"2"', {
        holidays: ['2026-04-31'],
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.message).toContain('holidays');
      const tooMany = await calendars.patch('business-hours-eu', '"2"', {
        holidays: daysOf2027(61),
      });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error.message).toMatch(/holidays.*at most 60/);

      // A config calendar keeps its hours, time zone and title.
      for (const patch of [
        { hours: { mon: [['07:00', '19:00']] } },
        { timezone: 'Europe/Paris' },
        { title: 'EU office' },
      ]) {
        const res = await calendars.patch('business-hours-eu', '"2"', patch);
        expect(res.status).toBe(409);
        expect(res.body.error.message).toContain('defined in app-config');
      }
      // The built-in 24x7 is never edited.
      const builtin = await calendars.patch('24x7', '"0"', {
        holidays: ['2026-12-25'],
      });
      expect(builtin.status).toBe(409);

      // An API calendar: title and holidays; time zone and hours are fixed.
      expect((await calendars.create(UK)).status).toBe(201);
      const renamed = await calendars.patch('support-uk', '"1"', {
        title: 'UK desk',
        holidays: ['2026-08-31'],
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({
        version: 2,
        title: 'UK desk',
        holidays: ['2026-08-31'],
      });
      const tz = await calendars.patch('support-uk', '"2"', {
        timezone: 'UTC',
      });
      expect(tz.status).toBe(409);
      expect(tz.body.error.message).toMatch(/create a new calendar/);
      const hours = await calendars.patch('support-uk', '"2"', {
        hours: { mon: [['08:00', '17:00']] },
      });
      expect(hours.status).toBe(409);
      // The same hours in another key order change nothing.
      const sameHours = await calendars.patch('support-uk', '"2"', {
        hours: { tue: [['09:00', '17:00']], mon: [['09:00', '17:00']] },
      });
      expect(sameHours.status).toBe(200);
      expect(sameHours.body.version).toBe(2);

      expect((await calendars.patch('no-such', '"0"', body)).status).toBe(404);
      expect(
        (await calendars.patch('support-uk', '"2"', { source: 'config' }))
          .status,
      ).toBe(400);

      // What the list shows after the edits.
      const list = (await calendars.list()).body.items;
      expect(list.map((c: any) => [c.id, c.version])).toEqual([
        ['24x7', 0],
        ['business-hours-eu', 2],
        ['support-uk', 2],
      ]);
    });
  });

  it('needs itsm.calendar.manage, not itsm.sla.manage, to create or edit calendars', async () => {
    setNow(T0);
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result:
            r.permission.name === calendarManagePermission.name
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
      authorizeConditional: async queries =>
        queries.map(() => ({ result: AuthorizeResult.ALLOW })),
    });
    const backend = await startItsmBackend({ features: [permissions.factory] });
    const calendars = calendarsApi(backend);
    expect((await calendars.create(UK)).status).toBe(403);
    expect(
      (
        await calendars.patch('business-hours-eu', '"0"', {
          holidays: ['2026-05-01'],
        })
      ).status,
    ).toBe(403);
    const list = await calendars.list();
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: any) => c.version)).toEqual([0, 0]);
  });
});
