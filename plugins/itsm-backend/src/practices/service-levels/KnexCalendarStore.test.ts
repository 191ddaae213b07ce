import {
  isDatabaseConflictError,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { PreconditionFailedError } from '@backstage-itsm/plugin-itsm-common';
import { KnexCalendarStore } from './KnexCalendarStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const migrationsDir = resolvePackagePath(
  '@backstage-itsm/plugin-itsm-backend',
  'migrations',
);

const T0 = new Date('2026-03-02T09:00:00.000Z');
const T1 = new Date('2026-03-03T09:00:00.000Z');

describe('KnexCalendarStore', () => {
  it.each(databases.eachSupportedId())(
    'inserts, reads, lists and updates calendars under their version, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      const store = KnexCalendarStore.fromKnex(knex);

      const api = await store.insertCalendar({
        id: 'support-uk',
        source: 'api',
        title: 'UK support',
        timezone: 'Europe/London',
        hours: { mon: [['09:00', '17:00']] },
        holidays: ['2026-12-25'],
        createdAt: T0,
        createdBy: 'user:default/alice',
      });
      expect(api.version).toBe(1);
      await store.insertCalendar({
        id: 'business-hours-eu',
        source: 'config',
        title: null,
        timezone: null,
        hours: null,
        holidays: ['2026-05-01'],
        createdAt: T0,
        createdBy: 'user:default/alice',
      });

      expect(await store.getCalendar('support-uk')).toEqual({
        id: 'support-uk',
        version: 1,
        source: 'api',
        title: 'UK support',
        timezone: 'Europe/London',
        hours: { mon: [['09:00', '17:00']] },
        holidays: ['2026-12-25'],
        createdAt: T0,
        createdBy: 'user:default/alice',
        updatedAt: T0,
      });
      expect(await store.getCalendar('nope')).toBeUndefined();
      expect((await store.listCalendars()).map(c => [c.id, c.source])).toEqual([
        ['business-hours-eu', 'config'],
        ['support-uk', 'api'],
      ]);

      const duplicate = await store
        .insertCalendar({
          id: 'support-uk',
          source: 'api',
          title: 'again',
          timezone: 'UTC',
          hours: {},
          holidays: [],
          createdAt: T0,
          createdBy: 'user:default/bob',
        })
        .catch(e => e);
      expect(isDatabaseConflictError(duplicate)).toBe(true);

      const updated = await store.updateCalendar({
        id: 'business-hours-eu',
        expectedVersion: 1,
        changes: { holidays: ['2026-05-01', '2026-10-03'] },
        updatedAt: T1,
      });
      expect(updated).toMatchObject({
        version: 2,
        holidays: ['2026-05-01', '2026-10-03'],
        createdAt: T0,
        updatedAt: T1,
        timezone: null,
        hours: null,
      });

      await expect(
        store.updateCalendar({
          id: 'business-hours-eu',
          expectedVersion: 1,
          changes: { holidays: [] },
          updatedAt: T1,
        }),
      ).rejects.toBeInstanceOf(PreconditionFailedError);
      expect((await store.getCalendar('business-hours-eu'))?.holidays).toEqual([
        '2026-05-01',
        '2026-10-03',
      ]);
    },
  );
});
