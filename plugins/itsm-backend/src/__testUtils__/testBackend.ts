import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { Server } from 'node:http';
import request from 'supertest';
import { itsmPlugin } from '../plugin';

/** A catalog with a service on EU business hours, one without annotations and one with a bad calendar. */
export const testEntities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments',
      namespace: 'default',
      annotations: {
        'itsm/service-hours': 'business-hours-eu',
        'itsm/assignment-group': 'group:default/payments-support',
        'itsm/tier': '1',
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'cart', namespace: 'default' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team-b',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'payments-db',
      namespace: 'default',
      annotations: { 'itsm/service-hours': 'no-such-calendar' },
    },
    spec: { type: 'database', owner: 'team-a' },
  },
];

/** Config with the EU business-hours calendar the test catalog refers to. */
export const testConfig = {
  itsm: {
    calendars: {
      'business-hours-eu': {
        timezone: 'Europe/Berlin',
        hours: {
          mon: [['08:00', '18:00']],
          tue: [['08:00', '18:00']],
          wed: [['08:00', '18:00']],
          thu: [['08:00', '18:00']],
          fri: [['08:00', '18:00']],
        },
        holidays: ['2026-12-25', '2026-12-26'],
      },
    },
  },
};

export const ALICE = 'user:default/alice';

/** `Authorization` header of a user. */
export const asUser = (ref = ALICE) => mockCredentials.user.header(ref);

/** The databases the HTTP tests run on; POSTGRES_15 when its connection string is set. */
export const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
});

/** A running test backend with the ITSM plugin. */
export interface ItsmTestBackend {
  server: Server;
  /** A supertest agent on the server. */
  api: () => ReturnType<typeof request>;
  /** The database, when one was given by id. */
  knex: Knex | undefined;
}

/** Starts a backend with the ITSM plugin, a mock catalog and the given database. */
export async function startItsmBackend(
  options: {
    databaseId?: TestDatabaseId;
    config?: object;
    features?: ServiceFactory[];
  } = {},
): Promise<ItsmTestBackend> {
  const knex = options.databaseId
    ? await databases.init(options.databaseId)
    : undefined;
  const { server } = await startTestBackend({
    features: [
      itsmPlugin,
      mockServices.rootConfig.factory({
        data: (options.config ?? testConfig) as any,
      }),
      catalogServiceMock.factory({ entities: testEntities }),
      ...(knex ? [mockServices.database.factory({ knex })] : []),
      ...(options.features ?? []),
    ],
  });
  return { server, api: () => request(server), knex };
}

/** A valid `POST /incidents` body. */
export function newIncident(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Checkout fails',
    description: 'Card payments time out after 30 s',
    entityRef: 'component:default/payments',
    impact: 2,
    urgency: 2,
    ...overrides,
  };
}
