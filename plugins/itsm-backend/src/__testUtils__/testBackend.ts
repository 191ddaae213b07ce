import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  BackendFeature,
  ServiceFactory,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
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
  /** `publish` of the signals service, unless a test brought its own. */
  signals: { publish: jest.Mock };
  /** `send` of the notification service, unless a test brought its own. */
  notifications: { send: jest.Mock };
}

/** A factory for `service` that returns `impl`, for services without a mock in mockServices. */
export function mockServiceFactory<T>(
  service: Parameters<typeof createServiceFactory>[0]['service'],
  impl: T,
): ServiceFactory {
  return createServiceFactory({
    service: service as any,
    deps: {},
    factory: () => impl as any,
  }) as ServiceFactory;
}

/** Starts a backend with the ITSM plugin, a mock catalog and the given database. */
export async function startItsmBackend(
  options: {
    databaseId?: TestDatabaseId;
    config?: object;
    /** Catalog entities; defaults to {@link testEntities}. */
    entities?: Entity[];
    /** Service factories and modules to add. */
    features?: BackendFeature[];
  } = {},
): Promise<ItsmTestBackend> {
  const knex = options.databaseId
    ? await databases.init(options.databaseId)
    : undefined;
  const signals = { publish: jest.fn(async () => {}) };
  const notifications = { send: jest.fn(async () => {}) };
  const provided = new Set(
    (options.features ?? []).map(feature => (feature as any).service?.id),
  );
  const { server } = await startTestBackend({
    features: [
      itsmPlugin,
      mockServices.rootConfig.factory({
        data: (options.config ?? testConfig) as any,
      }),
      catalogServiceMock.factory({
        entities: options.entities ?? testEntities,
      }),
      ...(knex ? [mockServices.database.factory({ knex })] : []),
      ...(provided.has(signalsServiceRef.id)
        ? []
        : [mockServiceFactory(signalsServiceRef, signals)]),
      ...(provided.has(notificationService.id)
        ? []
        : [mockServiceFactory(notificationService, notifications)]),
      ...(options.features ?? []),
    ],
  });
  return {
    server,
    api: () => request(server),
    knex,
    signals,
    notifications,
  };
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
