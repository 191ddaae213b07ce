import { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { PermissionRule } from '@backstage/plugin-permission-node';
import { Knex } from 'knex';
import { readItsmConfig } from '../../../../config';
import {
  ItsmServiceDeps,
  ItsmServices,
  createItsmServices,
} from '../../../../services';
import {
  testConfig,
  testEntities,
} from '../../../../__testUtils__/testBackend';

/** A permissions registry that keeps the rules the practices register (for their rulesets). */
function permissionsRegistry(): PermissionsRegistryService {
  const rules = new Map<string, PermissionRule<any, any, string>>();
  const add = (list: PermissionRule<any, any, string>[] = []) =>
    list.forEach(rule => rules.set(`${rule.resourceType}:${rule.name}`, rule));
  return {
    addPermissions() {},
    addPermissionRules: add,
    addResourceType(options: any) {
      add(options.rules);
    },
    getPermissionRuleset(ref: any) {
      return {
        getRuleByName(name: string) {
          const rule = rules.get(`${ref.resourceType}:${name}`);
          if (!rule) throw new Error(`no rule ${name}`);
          return rule;
        },
      };
    },
  } as unknown as PermissionsRegistryService;
}

/**
 * The plugin's services, wired as the plugin wires them, on `knex`: every practice, the
 * permission policy allowing everything, the plugin's own credentials for jobs.
 */
export async function itsmServicesOn(
  knex: Knex,
  options: { entities?: any[]; config?: object } = {},
): Promise<{ services: ItsmServices; deps: ItsmServiceDeps }> {
  const deps: ItsmServiceDeps = {
    database: mockServices.database({ knex }),
    catalog: catalogServiceMock({ entities: options.entities ?? testEntities }),
    auth: mockServices.auth({ pluginId: 'itsm' }),
    permissions: mockServices.permissions(),
    permissionsRegistry: permissionsRegistry(),
    userInfo: mockServices.userInfo(),
    logger: mockServices.logger.mock(),
    signals: { publish: jest.fn(async () => {}) } as any,
    notifications: { send: jest.fn(async () => {}) } as any,
    config: readItsmConfig(
      new ConfigReader((options.config ?? testConfig) as any),
    ),
  };
  return { services: await createItsmServices(deps), deps };
}
