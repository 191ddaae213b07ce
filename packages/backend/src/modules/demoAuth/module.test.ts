import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { authModuleDemoProvider } from './module';

function user(name: string, groups: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: {
      profile: { displayName: 'Marcus Reed', email: `${name}@acme.example` },
      memberOf: groups,
    },
    relations: groups.map(group => ({
      type: 'memberOf',
      targetRef: `group:default/${group}`,
    })),
  };
}

const entities: Entity[] = [
  user('marcus.reed', ['change-managers', 'cab']),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'cab', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
];

async function startBackend(options: {
  enabled: boolean;
  providerConfig?: { dangerouslyAllowOutsideDevelopment?: boolean };
}) {
  const { server } = await startTestBackend({
    features: [
      authPlugin,
      authModuleDemoProvider,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          auth: { providers: { demo: options.providerConfig ?? {} } },
          itsmDemo: { signIn: { enabled: options.enabled } },
        },
      }),
    ],
  });
  const { port } = server.address() as { port: number };
  return (userName?: string) =>
    fetch(`http://localhost:${port}/api/auth/demo/refresh`, {
      headers: {
        'X-Requested-With': 'XMLHttpRequest',
        ...(userName === undefined ? {} : { 'x-itsm-demo-user': userName }),
      },
    });
}

function claims(token: string) {
  return JSON.parse(
    Buffer.from(token.split('.')[1], 'base64url').toString('utf8'),
  );
}

describe('authModuleDemoProvider', () => {
  const nodeEnv = process.env.NODE_ENV;
  beforeEach(() => {
    process.env.NODE_ENV = 'development';
  });
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('signs in as the catalog user named in the header, with its groups', async () => {
    const refresh = await startBackend({ enabled: true });

    const res = await refresh('marcus.reed');

    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.profile).toEqual({
      displayName: 'Marcus Reed',
      email: 'marcus.reed@acme.example',
    });
    expect(body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/marcus.reed',
      ownershipEntityRefs: expect.arrayContaining([
        'user:default/marcus.reed',
        'group:default/change-managers',
        'group:default/cab',
      ]),
    });
    expect(claims(body.backstageIdentity.token).sub).toBe(
      'user:default/marcus.reed',
    );
  });

  it('answers 404 for a name that is not a User entity of the catalog', async () => {
    const refresh = await startBackend({ enabled: true });

    for (const name of ['nobody', 'cab']) {
      const res = await refresh(name);
      expect(res.status).toBe(404);
      expect((await res.json()).error.message).toBe(
        `Unknown demo user '${name}': there is no User entity user:default/${name} in the catalog`,
      );
    }
  });

  it('answers 400 without the header or with a name that is not an entity name', async () => {
    const refresh = await startBackend({ enabled: true });

    const missing = await refresh();
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toBe(
      'Missing x-itsm-demo-user header',
    );
    for (const name of ['group:default/cab', '../admin', 'a'.repeat(64)]) {
      const res = await refresh(name);
      expect(res.status).toBe(400);
    }
  });

  it('is not registered unless itsmDemo.signIn.enabled is true', async () => {
    const refresh = await startBackend({ enabled: false });

    const res = await refresh('marcus.reed');

    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toBe(
      "Unknown auth provider 'demo'",
    );
  });

  it('refuses outside development unless explicitly allowed', async () => {
    process.env.NODE_ENV = 'production';
    const refresh = await startBackend({ enabled: true });

    const res = await refresh('marcus.reed');

    expect(res.status).toBe(403);

    const allowed = await startBackend({
      enabled: true,
      providerConfig: { dangerouslyAllowOutsideDevelopment: true },
    });
    expect((await allowed('marcus.reed')).status).toBe(200);
  });
});
