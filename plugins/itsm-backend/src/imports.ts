import {
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  ItsmImportContext,
  ItsmIncidentImporter,
} from '@backstage-itsm/plugin-itsm-node';
import { incidentCreateSchema } from '@backstage-itsm/plugin-itsm-common';
import { IncidentService } from './domain/IncidentService';
import { parseInput } from './validation';
import { PLUGIN_SUBJECT } from './domain/IncidentAccess';

// Imports are trusted code installed by the portal's operator: they write with the full domain
// rules but without permission checks, as the actor they name, at the time their clock says.
const allowAll: PermissionsService = {
  async authorize(requests) {
    return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
  },
  async authorizeConditional(requests) {
    return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
  },
};

function credentialsOf(actor: string): BackstageCredentials {
  const principal =
    actor === PLUGIN_SUBJECT || !actor.startsWith('user:')
      ? { type: 'service' as const, subject: actor }
      : { type: 'user' as const, userEntityRef: actor };
  return {
    $$type: '@backstage/BackstageCredentials',
    principal,
  } as BackstageCredentials;
}

/** Runs the import tasks of modules in the background once the backend has started. */
export function createImportRunner(options: {
  tasks: Array<{
    name: string;
    task: (context: ItsmImportContext) => Promise<void>;
  }>;
  incidents: IncidentService;
  createIncidentService: (overrides: {
    permissions: PermissionsService;
    now: () => Date;
  }) => IncidentService;
  auth: AuthService;
  logger: LoggerService;
}): () => void {
  const context: ItsmImportContext = {
    async isEmpty() {
      const page = await options.incidents.list(
        { limit: 1, order: 'desc' },
        { credentials: await options.auth.getOwnServiceCredentials() },
      );
      return page.items.length === 0;
    },
    incidents({ now }): ItsmIncidentImporter {
      const service = options.createIncidentService({
        permissions: allowAll,
        now,
      });
      const as = (actor: string) => ({ credentials: credentialsOf(actor) });
      const current = async (id: string, actor: string) =>
        (await service.get(id, as(actor))).version;
      return {
        create: (input, actor) =>
          service.create(
            parseInput(incidentCreateSchema, input, 'body'),
            as(actor),
          ),
        patch: async (id, body, actor) =>
          service.patch(id, body, {
            ...as(actor),
            expectedVersion: await current(id, actor),
          }),
        transition: async (id, body, actor) =>
          service.transition(id, body, {
            ...as(actor),
            expectedVersion: await current(id, actor),
          }),
        addWorkNote: (id, text, actor) =>
          service.addWorkNote(id, { text }, as(actor)),
        addStatusUpdate: (id, text, actor) =>
          service.addStatusUpdate(id, { text }, as(actor)),
      };
    },
  };
  return () => {
    for (const { name, task } of options.tasks) {
      task(context).then(
        () => options.logger.info(`ITSM import '${name}' finished`),
        error => options.logger.error(`ITSM import '${name}' failed`, error),
      );
    }
  };
}
