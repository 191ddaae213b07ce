import {
  AuthService,
  DatabaseService,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import { ChangeCatalog } from './catalog/ChangeCatalog';
import { ImpactAnalyzer } from './catalog/ImpactAnalyzer';
import { ItsmCatalog } from './catalog/ItsmCatalog';
import { ItsmConfig } from './config';
import { KnexChangeStore } from './database/KnexChangeStore';
import { KnexChangeTemplateStore } from './database/KnexChangeTemplateStore';
import { KnexIncidentStore } from './database/KnexIncidentStore';
import { ChangeAssessor } from './domain/ChangeAssessor';
import { ChangeInsights } from './domain/ChangeInsights';
import { ChangeService } from './domain/ChangeService';
import { ChangeTemplateService } from './domain/ChangeTemplateService';
import { IncidentService } from './domain/IncidentService';
import { registerChangePermissions } from './permissions/registerChangePermissions';
import { registerIncidentPermissions } from './permissions/registerIncidentPermissions';

/** What an import may override: the permissions and the clock. */
export interface ServiceOverrides {
  permissions: PermissionsService;
  now: () => Date;
}

/** The domain services of the plugin, and factories for quiet copies (imports). */
export interface ItsmServices {
  incidents: IncidentService;
  changes: ChangeService;
  changeInsights: ChangeInsights;
  changeTemplates: ChangeTemplateService;
  impactAnalyzer: ImpactAnalyzer;
  /** Services without signals or notifications, with the given permissions and clock. */
  quiet(overrides: ServiceOverrides): {
    incidents: IncidentService;
    changes: ChangeService;
    changeTemplates: ChangeTemplateService;
  };
}

/**
 * Builds the stores (running the migrations), registers the permission
 * resource types and wires the domain services.
 */
export async function createItsmServices(deps: {
  database: DatabaseService;
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  userInfo: UserInfoService;
  logger: LoggerService;
  signals: SignalsService;
  notifications: NotificationService;
  config: ItsmConfig;
}): Promise<ItsmServices> {
  const { config, logger } = deps;
  const incidentStore = await KnexIncidentStore.create(deps);
  // The change store runs the same migrations; the template store shares its database.
  const changeStore = await KnexChangeStore.create(deps);
  const templateStore = await KnexChangeTemplateStore.create(deps);
  const incidentRuleset = registerIncidentPermissions(
    deps.permissionsRegistry,
    incidentStore,
  );
  const changeRuleset = registerChangePermissions(
    deps.permissionsRegistry,
    changeStore,
  );
  const impactAnalyzer = new ImpactAnalyzer(deps);
  const assessor = new ChangeAssessor({
    catalog: new ChangeCatalog({ ...deps, impactAnalyzer }),
    store: changeStore,
    config: config.changes,
  });

  const build = (options: {
    permissions: PermissionsService;
    now?: () => Date;
    signals?: SignalsService;
    notifications?: NotificationService;
  }) => {
    const changes = ChangeService.create({
      store: changeStore,
      templates: templateStore,
      assessor,
      permissionRuleset: changeRuleset,
      logger,
      ...options,
    });
    const incidents = IncidentService.create({
      store: incidentStore,
      catalog: new ItsmCatalog(deps),
      permissionRuleset: incidentRuleset,
      userInfo: deps.userInfo,
      logger,
      config,
      impactAnalyzer,
      changes,
      ...options,
    });
    const changeTemplates = new ChangeTemplateService({
      store: templateStore,
      access: changes.access,
      assessor,
      now: options.now,
    });
    return { incidents, changes, changeTemplates };
  };

  const live = build({
    permissions: deps.permissions,
    signals: deps.signals,
    notifications: deps.notifications,
  });
  return {
    ...live,
    changeInsights: new ChangeInsights({
      changes: live.changes,
      store: changeStore,
      assessor,
    }),
    impactAnalyzer,
    quiet: overrides => build(overrides),
  };
}
