import { PLUGIN_SUBJECT } from './records/context';
import {
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  ItsmAgreementImporter,
  ItsmChangeImporter,
  ItsmChangeTemplateImporter,
  ItsmImportContext,
  ItsmIncidentImporter,
  ItsmProblemImporter,
  ItsmReviewImporter,
} from '@backstage-itsm/plugin-itsm-node';
import type { ItsmComplaintImporter } from '@backstage-itsm/plugin-itsm-node';
import type { ItsmSatisfactionImporter } from '@backstage-itsm/plugin-itsm-node';
import type { ItsmImprovementImporter } from '@backstage-itsm/plugin-itsm-node';
import { surveyCreateSchema } from '@backstage-itsm/plugin-itsm-common';
import { complaintCreateSchema } from '@backstage-itsm/plugin-itsm-common';
import {
  changeCreateSchema,
  changeTemplateCreateSchema,
  problemCreateSchema,
  slaCreateSchema,
  supportingAgreementCreateSchema,
} from '@backstage-itsm/plugin-itsm-common';
import { ChangeService } from './practices/changes/ChangeService';
import { AgreementService } from './practices/service-levels/AgreementService';
import { ChangeTemplateService } from './practices/changes/ChangeTemplateService';
import { SupportingAgreementService } from './practices/service-levels/SupportingAgreementService';
import { IncidentService } from './practices/incidents/IncidentService';
import { incidentCreateSchema } from '@backstage-itsm/plugin-itsm-common';
import { parseInput } from './records/validation';
import { PRACTICES } from './practices';
import { reviewImporter } from './practices/reviews/reviewImports';
import { improvementImporter } from './practices/improvements/improvementImports';
import type { ItsmServices } from './services';

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

const as = (actor: string) => ({ credentials: credentialsOf(actor) });

/** The services an import writes through: quiet (no signals, no notifications). */
export interface ImportServices {
  incidents: IncidentService;
  changes: ChangeService;
  changeTemplates: ChangeTemplateService;
  slas: AgreementService;
  supportingAgreements: SupportingAgreementService;
}

/** Runs the import tasks of modules in the background once the backend has started. */
export function createImportRunner(options: {
  tasks: Array<{
    name: string;
    task: (context: ItsmImportContext) => Promise<void>;
  }>;
  /** The live services, to tell whether the portal holds any record yet. */
  services: ItsmServices;
  createServices: (overrides: {
    permissions: PermissionsService;
    now: () => Date;
  }) => ImportServices;
  auth: AuthService;
  logger: LoggerService;
}): () => void {
  const services = (now: () => Date) =>
    options.createServices({ permissions: allowAll, now });

  const context: ItsmImportContext = {
    async isEmpty() {
      const ctx = {
        credentials: await options.auth.getOwnServiceCredentials(),
      };
      const empty = await Promise.all(
        PRACTICES.map(
          practice => practice.isEmpty?.(options.services, ctx) ?? true,
        ),
      );
      return empty.every(Boolean);
    },
    incidents({ now }): ItsmIncidentImporter {
      const service = services(now).incidents;
      const current = async (id: string, actor: string) =>
        (await service.get(id, as(actor))).version;
      return {
        create: (input, actor) => {
          // A category from another tool is mapped onto the taxonomy (unknown: uncategorised,
          // noted in the create event), never refused; without one the incident has none.
          const { category, subcategory, ...rest } = input;
          const reported =
            (category ?? subcategory ?? null) !== null
              ? { mapCategory: { category, subcategory } }
              : {};
          return service.create(
            parseInput(incidentCreateSchema, rest, 'body'),
            {
              ...as(actor),
              ...reported,
            },
          );
        },
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
    changes({ now }): ItsmChangeImporter {
      const service = services(now).changes;
      const current = async (id: string, actor: string) =>
        (await service.get(id, as(actor))).version;
      return {
        create: (input, actor) =>
          service.create(
            parseInput(changeCreateSchema, input, 'body'),
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
        decide: (id, body, actor) => service.decide(id, body, as(actor)),
      };
    },
    agreements({ now }): ItsmAgreementImporter {
      const { slas, supportingAgreements } = services(now);
      return {
        createSla: (input, actor) =>
          slas.create(parseInput(slaCreateSchema, input, 'body'), as(actor)),
        patchSla: async (id, body, actor) =>
          slas.patch(id, body, {
            ...as(actor),
            expectedVersion: (await slas.get(id, as(actor))).version,
          }),
        createSupportingAgreement: (input, actor) =>
          supportingAgreements.create(
            parseInput(supportingAgreementCreateSchema, input, 'body'),
            as(actor),
          ),
      };
    },
    problems({ now }): ItsmProblemImporter {
      const { problems, knownErrors, detection } =
        options.services.problemImports({ permissions: allowAll, now });
      const write = async (id: string, actor: string) => ({
        ...as(actor),
        expectedVersion: (await problems.get(id, as(actor))).version,
      });
      return {
        create: (input, actor) =>
          problems.create(
            parseInput(problemCreateSchema, input, 'body'),
            as(actor),
          ),
        get: id => problems.get(id, as(PLUGIN_SUBJECT)),
        patch: async (id, body, actor) =>
          problems.patch(id, body, await write(id, actor)),
        transition: async (id, body, actor) =>
          problems.transition(id, body, await write(id, actor)),
        linkIncident: (id, body, actor) =>
          problems.linkIncident(id, body, as(actor)),
        createKnownError: (input, actor) =>
          knownErrors.create(input, as(actor)),
        recordKnownErrorUse: (id, body, actor) =>
          knownErrors.recordUse(id, body, as(actor)),
        detect: async () => (await detection.run()).proposed,
      };
    },
    reviews({ now }): ItsmReviewImporter {
      return reviewImporter(
        options.services.reviewImports({ permissions: allowAll, now }),
        as,
      );
    },
    complaints({ now }): ItsmComplaintImporter {
      const { complaints } = options.services.complaintImports({
        permissions: allowAll,
        now,
      });
      const write = async (id: string, actor: string) => ({
        ...as(actor),
        expectedVersion: (await complaints.get(id, as(actor))).version,
      });
      return {
        create: (input, actor) =>
          complaints.create(
            parseInput(complaintCreateSchema, input, 'body'),
            as(actor),
          ),
        get: id => complaints.get(id, as(PLUGIN_SUBJECT)),
        patch: async (id, body, actor) =>
          complaints.patch(id, body, await write(id, actor)),
        transition: async (id, body, actor) =>
          complaints.transition(id, body, await write(id, actor)),
        link: (id, body, actor) => {
          // The link's target is read with the import's permissions, like the complaint, and
          // the link made at the import's clock.
          const quiet = services(now);
          const { problems } = options.services.problemImports({
            permissions: allowAll,
            now,
          });
          return options.services.links
            .withTypes(
              [
                quiet.incidents.linkable(),
                quiet.changes.linkable(),
                problems.linkable(),
                complaints.linkable(),
              ],
              { now },
            )
            .create(complaints.linkable(), id, body, as(actor));
        },
      };
    },
    satisfaction({ now }): ItsmSatisfactionImporter {
      const { surveys, satisfaction } = options.services.satisfactionImports({
        permissions: allowAll,
        now,
      });
      return {
        createSurvey: (input, actor) =>
          surveys.create(
            parseInput(surveyCreateSchema, input, 'body'),
            as(actor),
          ),
        transitionSurvey: async (id, body, actor) =>
          surveys.transition(id, body, {
            ...as(actor),
            expectedVersion: (await surveys.get(id, as(actor))).version,
          }),
        respondToSurvey: (id, body, actor) =>
          satisfaction.respondToSurvey(id, body, as(actor)),
        rateIncident: (id, body, actor) =>
          satisfaction.importIncidentRating(id, body, as(actor)),
      };
    },
    improvements({ now }): ItsmImprovementImporter {
      const { improvements } = options.services.improvementImports({
        permissions: allowAll,
        now,
      });
      // Links are checked with the import's permissions and made at its clock.
      const quiet = services(now);
      const { problems } = options.services.problemImports({
        permissions: allowAll,
        now,
      });
      const links = options.services.links.withTypes(
        [
          quiet.incidents.linkable(),
          quiet.changes.linkable(),
          problems.linkable(),
          improvements.linkable(),
        ],
        { now },
      );
      return improvementImporter(improvements, as, links);
    },
    changeTemplates({ now }): ItsmChangeTemplateImporter {
      const service = services(now).changeTemplates;
      return {
        create: (input, actor) =>
          service.create(
            parseInput(changeTemplateCreateSchema, input, 'body'),
            as(actor),
          ),
        patch: async (id, body, actor) =>
          service.patch(id, body, {
            ...as(actor),
            expectedVersion: (await service.get(id, as(actor))).version,
          }),
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
