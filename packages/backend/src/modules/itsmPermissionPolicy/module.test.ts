import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionModuleItsmPolicy } from './module';

const groups: Record<string, string[]> = {
  'user:default/marcus.reed': ['group:default/itsm-admins'],
  'user:default/daniel.kim': ['group:default/payments-team'],
};

describe('permissionModuleItsmPolicy', () => {
  it('installs the ITSM policy in the permission backend', async () => {
    const { server } = await startTestBackend({
      features: [
        permissionPlugin,
        permissionModuleItsmPolicy,
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true } },
        }),
        mockServices.userInfo.mock({
          async getUserInfo(credentials) {
            const userEntityRef = (
              credentials.principal as { userEntityRef: string }
            ).userEntityRef;
            return {
              userEntityRef,
              ownershipEntityRefs: [
                userEntityRef,
                ...(groups[userEntityRef] ?? []),
              ],
            };
          },
        }).factory,
      ],
    });
    const { port } = server.address() as { port: number };
    const authorize = async (user: string) => {
      const res = await fetch(
        `http://localhost:${port}/api/permission/authorize`,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: mockCredentials.user.header(user),
          },
          body: JSON.stringify({
            items: [
              {
                id: 'template',
                permission: {
                  type: 'basic',
                  name: 'itsm.change.template.manage',
                  attributes: { action: 'update' },
                },
              },
              {
                id: 'catalog',
                permission: {
                  type: 'basic',
                  name: 'catalog.entity.create',
                  attributes: { action: 'create' },
                },
              },
            ],
          }),
        },
      );
      expect(res.status).toBe(200);
      return (await res.json()).items;
    };

    expect(await authorize('user:default/marcus.reed')).toEqual([
      { id: 'template', result: AuthorizeResult.ALLOW },
      { id: 'catalog', result: AuthorizeResult.ALLOW },
    ]);
    expect(await authorize('user:default/daniel.kim')).toEqual([
      { id: 'template', result: AuthorizeResult.DENY },
      { id: 'catalog', result: AuthorizeResult.ALLOW },
    ]);
  });
});
