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
const created = {
  at: T0,
  actor: 'user:default/alice',
  action: 'created',
  changes: {},
};
const holidaysAdded = {
  at: T1,
  actor: 'user:default/alice',
  action: 'updated',
  changes: {
    holidays: [['2026-05-01'], ['2026-05-01', '2026-10-03']] as [
      unknown,
      unknown,
    ],
  },
};

describe('KnexCalendarStore', () => {
  it.each(databases.eachSupportedId())(
    'inserts, reads, lists and updates calendars under their version, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      const store = KnexCalendarStore.fromKnex(knex);

      const api = await store.insertCalendar(
        {
          id: 'support-uk',
          source: 'api',
          title: 'UK support',
          timezone: 'Europe/London',
          hours: { mon: [['09:00', '17:00']] },
          holidays: ['2026-12-25'],
          createdAt: T0,
          createdBy: 'user:default/alice',
        },
        created,
      );
      expect(api.version).toBe(1);
      await store.insertCalendar(
        {
          id: 'business-hours-eu',
          source: 'config',
          title: null,
          timezone: null,
          hours: null,
          holidays: ['2026-05-01'],
          createdAt: T0,
          createdBy: 'user:default/alice',
        },
        created,
      );

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
        .insertCalendar(
          {
            id: 'support-uk',
            source: 'api',
            title: 'again',
            timezone: 'UTC',
            hours: {},
            holidays: [],
            createdAt: T0,
            createdBy: 'user:default/bob',
          },
          created,
        )
        .catch(e => e);
      expect(isDatabaseConflictError(duplicate)).toBe(true);

      const updated = await store.updateCalendar({
        id: 'business-hours-eu',
        expectedVersion: 1,
        changes: { holidays: ['2026-05-01', '2026-10-03'] },
        updatedAt: T1,
        event: holidaysAdded,
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
          event: holidaysAdded,
        }),
      ).rejects.toBeInstanceOf(PreconditionFailedError);
      expect((await store.getCalendar('business-hours-eu'))?.holidays).toEqual([
        '2026-05-01',
        '2026-10-03',
      ]);

      // Each write is an event of the calendar's history; the rejected ones left none.
      const history = await store.listHistory({
        id: 'business-hours-eu',
        limit: 10,
      });
      expect(history.items.map(e => [e.version, e.action])).toEqual([
        [1, 'created'],
        [2, 'updated'],
      ]);
      expect(history.items[1].changes).toEqual(holidaysAdded.changes);
      expect(
        (await store.listHistory({ id: 'support-uk', limit: 10 })).items,
      ).toHaveLength(1);
      expect(
        (await store.listHistory({ id: 'nope', limit: 10 })).items,
      ).toEqual([]);
    },
  );
});
