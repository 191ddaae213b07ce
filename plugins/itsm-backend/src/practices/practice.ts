import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { ItsmConfig } from '../config';
import express from 'express';
import type { RequestContext } from '../records/context';
import type { LinkableRecordType } from '../records/links';
import type { OwnedEntityTable } from '../records/ownerRefStore';
import type { ItsmServiceDeps, ItsmServices } from '../services';

/** What a practice's routes get: the plugin's services and the HTTP plumbing. */
export type PracticeRouteContext = ItsmServices & {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
};

/**
 * One practice as the plugin registers it: its name (the folder under `src/practices/`), its
 * services, its sub-routers (mounted in order under the validated API router), the record types
 * it lets others link to, and whether it holds any record yet. Its OpenAPI fragment sits beside
 * it (`openapi.yaml`) and is composed into the spec by `yarn generate`.
 *
 * A practice with services of its own declares them on {@link ItsmServices} by module
 * augmentation in its folder (`declare module '../../services' { interface ItsmServices {…} }`),
 * so the registration stays one line in `practices/index.ts`.
 */
export interface ItsmPractice {
  name: string;
  /**
   * Builds the practice's services from the plugin's dependencies and the services of the
   * practices registered before it; the result is merged into {@link ItsmServices}.
   */
  services?(
    deps: ItsmServiceDeps,
    before: ItsmServices,
  ): Promise<Partial<ItsmServices>>;
  routers(context: PracticeRouteContext): express.Router[];
  /** The practice's record types that take record links, with who may see and change them. */
  linkables?(services: ItsmServices): LinkableRecordType[];
  /** True when the practice holds no record yet (imports seed an empty portal only). */
  isEmpty?(services: ItsmServices, ctx: RequestContext): Promise<boolean>;
  /** Tables storing the owners of the entities of its records, kept current while open. */
  ownedEntities?: readonly OwnedEntityTable[];
  /** Schedules the practice's jobs (global scope: once across replicas). */
  jobs?(
    services: ItsmServices,
    deps: {
      scheduler: SchedulerService;
      logger: LoggerService;
      config: ItsmConfig;
    },
  ): Promise<void>;
}
