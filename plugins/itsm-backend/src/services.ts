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
import { ChangeCatalog } from './practices/changes/ChangeCatalog';
import { ImpactAnalyzer } from './catalog/ImpactAnalyzer';
import { ItsmCatalog } from './catalog/ItsmCatalog';
import { ItsmConfig } from './config';
import { KnexChangeStore } from './practices/changes/KnexChangeStore';
import { KnexChangeTemplateStore } from './practices/changes/KnexChangeTemplateStore';
import { KnexIncidentStore } from './practices/incidents/KnexIncidentStore';
import { KnexBreachStore } from './practices/service-levels/KnexBreachStore';
import { KnexSlaReportStore } from './practices/service-levels/KnexSlaReportStore';
import { BreachService } from './practices/service-levels/BreachService';
import { SlaReportService } from './practices/service-levels/SlaReportService';
import { KnexAgreementStore } from './practices/service-levels/KnexAgreementStore';
import { AgreementAccess } from './practices/service-levels/AgreementAccess';
import { AgreementService } from './practices/service-levels/AgreementService';
import { SupportingAgreementService } from './practices/service-levels/SupportingAgreementService';
import { KnexCalendarStore } from './practices/service-levels/KnexCalendarStore';
import { KnexSlaTargetStore } from './practices/service-levels/KnexSlaTargetStore';
import { CalendarRegistry } from './practices/service-levels/CalendarRegistry';
import { CalendarService } from './practices/service-levels/CalendarService';
import { ChangeAssessor } from './practices/changes/ChangeAssessor';
import { ChangeInsights } from './practices/changes/ChangeInsights';
import { ChangeService } from './practices/changes/ChangeService';
import { ChangeTemplateService } from './practices/changes/ChangeTemplateService';
import { IncidentService } from './practices/incidents/IncidentService';
import { registerChangePermissions } from './practices/changes/registerChangePermissions';
import { RecordLinkService } from './records/links';
import { PRACTICES } from './practices';
import { registerIncidentPermissions } from './practices/incidents/registerIncidentPermissions';
import { ReferenceLinkRegistry } from './records/referenceLinks';

/** What an import may override: the permissions and the clock. */
export interface ServiceOverrides {
  permissions: PermissionsService;
  now: () => Date;
}

/** What the plugin's services are built from: core services and the plugin's config. */
export interface ItsmServiceDeps {
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
}

/**
 * The domain services of the plugin, and factories for quiet copies (imports). A practice
 * registered with services of its own adds them here by module augmentation.
 */
export interface ItsmServices {
  incidents: IncidentService;
  changes: ChangeService;
  changeInsights: ChangeInsights;
  changeTemplates: ChangeTemplateService;
  impactAnalyzer: ImpactAnalyzer;
  /** Service level agreements. */
  slas: AgreementService;
  /** OLAs and underpinning contracts. */
  supportingAgreements: SupportingAgreementService;
  /** Every calendar clocks count in: built in, configured, and managed through the API. */
  calendars: CalendarRegistry;
  /** The calendars API. */
  calendarService: CalendarService;
  /** The breach register. */
  breaches: BreachService;
  /** SLA reports and the SLA figures of service health. */
  slaReports: SlaReportService;
  /** Links between records of every practice. */
  links: RecordLinkService;
  /** Problems named by other records (reviews, on hold awaiting a problem) become links. */
  problemReferences: ReferenceLinkRegistry;
  /** Improvement items named by other records (a breach's `improvementId`) become links. */
  improvementReferences: ReferenceLinkRegistry;
  /** Services without signals or notifications, with the given permissions and clock. */
  quiet(overrides: ServiceOverrides): {
    incidents: IncidentService;
    changes: ChangeService;
    changeTemplates: ChangeTemplateService;
    slas: AgreementService;
    supportingAgreements: SupportingAgreementService;
  };
}

/**
 * Builds the stores (running the migrations), registers the permission
 * resource types and wires the domain services.
 */
export async function createItsmServices(
  deps: ItsmServiceDeps,
): Promise<ItsmServices> {
  const { config, logger } = deps;
  const incidentStore = await KnexIncidentStore.create(deps);
  // The change store runs the same migrations; the template store shares its database.
  const changeStore = await KnexChangeStore.create(deps);
  const templateStore = await KnexChangeTemplateStore.create(deps);
  const calendarStore = await KnexCalendarStore.create(deps);
  const calendars = await CalendarRegistry.create({
    configured: config.calendars,
    defaultCalendarId: config.incidents.defaultCalendarId,
    store: calendarStore,
    logger,
  });
  const slaTargets = await KnexSlaTargetStore.create(deps);
  const incidentRuleset = registerIncidentPermissions(
    deps.permissionsRegistry,
    incidentStore,
  );
  const changeRuleset = registerChangePermissions(
    deps.permissionsRegistry,
    changeStore,
  );
  const impactAnalyzer = new ImpactAnalyzer({
    ...deps,
    kinds: config.cmdb.kinds.map(k => k.kind),
  });
  const assessor = new ChangeAssessor({
    catalog: new ChangeCatalog({ ...deps, impactAnalyzer }),
    store: changeStore,
    config: config.changes,
  });

  const problemReferences = new ReferenceLinkRegistry('problem');
  const improvementReferences = new ReferenceLinkRegistry('improvement');
  const build = (options: {
    permissions: PermissionsService;
    now?: () => Date;
    signals?: SignalsService;
    notifications?: NotificationService;
    trustedImport?: boolean;
  }) => {
    const changes = ChangeService.create({
      store: changeStore,
      templates: templateStore,
      assessor,
      permissionRuleset: changeRuleset,
      logger,
      problemLinks: problemReferences,
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
      calendars,
      slaTargets,
      problemLinks: problemReferences,
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
  const agreementStore = await KnexAgreementStore.create(deps);
  const buildAgreements = (options: {
    permissions: PermissionsService;
    now?: () => Date;
    trustedImport?: boolean;
  }) => {
    const agreementOptions = {
      store: agreementStore,
      access: new AgreementAccess({
        permissions: options.permissions,
        catalog: new ItsmCatalog(deps),
        userInfo: deps.userInfo,
        trustedImport: options.trustedImport,
      }),
      // Calendars another replica created are known before a definition names them.
      calendars: async () => {
        await calendars.ensureFresh();
        return calendars.lookup();
      },
      now: options.now,
    };
    return {
      slas: new AgreementService(agreementOptions),
      supportingAgreements: new SupportingAgreementService(agreementOptions),
    };
  };
  const agreements = buildAgreements({ permissions: deps.permissions });
  const breaches = new BreachService({
    store: await KnexBreachStore.create(deps),
    permissions: deps.permissions,
    userInfo: deps.userInfo,
    improvements: improvementReferences,
  });

  // The practices' own services (declared on ItsmServices by module augmentation) are added
  // below, before anything reads them.
  const services = {
    links: new RecordLinkService({ db: await deps.database.getClient() }),
    problemReferences,
    improvementReferences,
    ...live,
    changeInsights: new ChangeInsights({
      changes: live.changes,
      store: changeStore,
      assessor,
    }),
    impactAnalyzer,
    calendars,
    calendarService: new CalendarService({
      store: calendarStore,
      registry: calendars,
      permissions: deps.permissions,
    }),
    ...agreements,
    breaches,
    slaReports: new SlaReportService({
      store: await KnexSlaReportStore.create(deps),
      permissions: deps.permissions,
      calendarOf: id => calendars.calendarOrDefault(id).calendar,
      refreshCalendars: () => calendars.ensureFresh(),
    }),
    quiet: overrides => ({
      ...build({ ...overrides, trustedImport: true }),
      ...buildAgreements({ ...overrides, trustedImport: true }),
    }),
  } as ItsmServices;
  // Practices registered with services of their own build them on what is there so far.
  for (const practice of PRACTICES) {
    Object.assign(services, await practice.services?.(deps, services));
  }
  // Every record type that takes links, with who may see and change it.
  for (const practice of PRACTICES) {
    for (const linkable of practice.linkables?.(services) ?? []) {
      services.links.register(linkable);
    }
  }
  return services;
}
