import {
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ConflictError } from '@backstage/errors';
import { PreconditionFailedError } from '@backstage-itsm/plugin-itsm-common';
import { insertIncidentRow } from '../../__testUtils__/incidentRows';
import { readItsmConfig } from '../../config';
import { KnexLedgerStore } from '../service-levels/KnexLedgerStore';
import { IncidentOperations } from './IncidentOperations';
import { IncidentAutoCloseJob } from './IncidentAutoCloseJob';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const NOW = new Date('2026-03-20T12:00:00.000Z');
const DAY = 24 * 3_600_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

describe('IncidentAutoCloseJob', () => {
  it.each(databases.eachSupportedId())(
    'closes resolved non-major incidents older than autoCloseDays as the plugin, skipping ones that changed meanwhile, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await KnexLedgerStore.create({
        database: { getClient: async () => knex },
      });
      const row = (resolvedDaysAgo: number, extra: object = {}) =>
        insertIncidentRow(knex, {
          startedAt: daysAgo(30),
          status: 'resolved',
          stoppedAt: daysAgo(resolvedDaysAgo),
          resolvedAt: daysAgo(resolvedDaysAgo),
          version: 2,
          ...extra,
        });
      const old = await row(8);
      const changed = await row(9);
      const reopened = await row(7);
      const broken = await row(6);
      await row(2); // too recent with autoCloseDays 3
      await row(10, { major: true }); // major incidents close after their review
      await insertIncidentRow(knex, { startedAt: daysAgo(10) }); // open

      const transition = jest.fn<
        ReturnType<IncidentOperations['transition']>,
        Parameters<IncidentOperations['transition']>
      >(async id => {
        if (id === `INC-${changed}`) {
          throw new PreconditionFailedError('stale');
        }
        if (id === `INC-${reopened}`) {
          throw new ConflictError('The incident is in_progress');
        }
        if (id === `INC-${broken}`) {
          throw new Error('database on fire');
        }
        return {} as any;
      });
      const logger = mockServices.logger.mock();
      const job = IncidentAutoCloseJob.create({
        store,
        incidents: { transition } as unknown as IncidentOperations,
        auth: mockServices.auth({ pluginId: 'itsm' }),
        config: readItsmConfig(
          new ConfigReader({ itsm: { incidents: { autoCloseDays: 3 } } }),
        ),
        logger,
        now: () => NOW,
      });

      expect(await job.run()).toEqual({
        closed: [`INC-${old}`],
        skipped: [`INC-${changed}`, `INC-${reopened}`, `INC-${broken}`],
      });
      expect(transition).toHaveBeenCalledTimes(4);
      expect(transition).toHaveBeenCalledWith(
        `INC-${old}`,
        {
          to: 'closed',
          comment: 'Closed automatically 3 days after resolution.',
        },
        {
          credentials: mockCredentials.service('plugin:itsm'),
          expectedVersion: 2,
        },
      );
      // Lost races are expected; anything else is worth a warning.
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(`INC-${broken}`),
      );
    },
  );
});
