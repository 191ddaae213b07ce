import type {
  AuthService,
  DiscoveryService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  incidentCreateSchema,
  priorityOf,
} from '@backstage-itsm/plugin-itsm-common';
import { ItsmApiClient } from '../client/ItsmApiClient';
import { examples } from './createIncident.examples';
import { optionalText, parseBody, recordUrl, toEntityRef } from './inputs';
import {
  type OfferedKnownError,
  findKnownErrors,
  logKnownErrors,
  recordOffers,
  toOutput,
} from './knownErrorOffers';

/** Id shown instead of a real one by a dry run, which creates nothing. */
const DRY_RUN_ID = 'INC-0';

/**
 * `itsm:incident:create`: raises an incident in ITSM for Backstage, reported by the user running
 * the template.
 *
 * @public
 */
export function createItsmIncidentCreateAction(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  config: RootConfigService;
}) {
  const client = ItsmApiClient.create(options);
  const appBaseUrl = options.config.getString('app.baseUrl');

  return createTemplateAction({
    id: 'itsm:incident:create',
    description:
      'Raises an incident in ITSM for Backstage on a catalog entity, reported by the user running the template. Its priority follows from impact and urgency. The active known errors of the entity and of its upstream dependencies that match the incident are offered with their workarounds (task log and the knownErrors output).',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        title: z => z.string().min(1).max(200).describe('Short title'),
        description: z =>
          z.string().optional().describe('What is happening (Markdown)'),
        entityRef: z =>
          z
            .string()
            .describe(
              'The service the incident is raised on, e.g. component:default/payments-service',
            ),
        affectedEntityRefs: z =>
          z
            .array(z.string())
            .optional()
            .describe('Other affected catalog entities'),
        impact: z =>
          z
            .number()
            .int()
            .min(1)
            .max(3)
            .describe('1 = high (many users or a critical service) … 3 = low'),
        urgency: z =>
          z
            .number()
            .int()
            .min(1)
            .max(3)
            .describe('1 = high (needs action now) … 3 = low'),
        category: z =>
          z
            .string()
            .optional()
            .describe(
              "Category from the portal's taxonomy (itsm.incidents.categories), e.g. availability",
            ),
        subcategory: z =>
          z
            .string()
            .optional()
            .describe('Subcategory of the category, e.g. outage'),
      },
      output: {
        id: z => z.string().describe('Incident id, e.g. INC-42'),
        url: z => z.string().describe('The incident page in the portal'),
        priority: z =>
          z.number().describe('Priority 1 (critical) … 5 (planning)'),
        knownErrors: z =>
          z
            .array(
              z.object({
                id: z.string(),
                title: z.string(),
                workaround: z.string(),
                url: z.string(),
                upstream: z.boolean(),
              }),
            )
            .describe(
              'Active known errors matching the incident, best first, with their workarounds; upstream: registered on an upstream dependency. Empty when none match or they could not be looked up.',
            ),
      },
    },

    async handler(ctx) {
      const input = ctx.input;
      const body = parseBody(
        incidentCreateSchema,
        {
          title: input.title,
          description: optionalText(input.description),
          entityRef: toEntityRef(input.entityRef, 'entityRef'),
          affectedEntityRefs: (input.affectedEntityRefs ?? [])
            .map(ref => optionalText(ref))
            .filter((ref): ref is string => ref !== undefined)
            .map((ref, i) => toEntityRef(ref, `affectedEntityRefs[${i}]`)),
          impact: input.impact,
          urgency: input.urgency,
          category: optionalText(input.category),
          subcategory: optionalText(input.subcategory),
        },
        'incident',
      );
      const credentials = await ctx.getInitiatorCredentials();
      const matchOptions = {
        client,
        credentials,
        appBaseUrl,
        incident: {
          entityRef: body.entityRef,
          title: body.title,
          description: body.description,
          category: body.category,
        },
      };

      if (ctx.isDryRun) {
        // The server may configure another matrix; the default one is a fair preview.
        const priority = priorityOf(body.impact, body.urgency);
        ctx.logger.info(
          `Dry run: would raise the incident "${body.title}" on ${body.entityRef} (impact ${body.impact}, urgency ${body.urgency}, priority P${priority} by the default matrix)`,
        );
        ctx.output('id', DRY_RUN_ID);
        ctx.output('url', recordUrl(appBaseUrl, 'incidents', DRY_RUN_ID));
        ctx.output('priority', priority);
        // Reading the matches writes nothing; offers are recorded only for a real incident.
        let preview: OfferedKnownError[] = [];
        try {
          preview = await findKnownErrors(matchOptions);
        } catch (error) {
          ctx.logger.warn(`Dry run: could not look up known errors: ${error}`);
        }
        logKnownErrors(ctx.logger, preview, {});
        ctx.output('knownErrors', toOutput(preview));
        return;
      }

      // The checkpoint makes a retried task reuse the incident it already raised.
      const incident = await ctx.checkpoint({
        key: 'itsm.incident.create',
        fn: async () => {
          const created = await client.createIncident({ body, credentials });
          return { id: created.id, priority: created.priority as number };
        },
      });
      const url = recordUrl(appBaseUrl, 'incidents', incident.id);
      ctx.logger.info(`Raised ${incident.id} (P${incident.priority}): ${url}`);
      ctx.output('id', incident.id);
      ctx.output('url', url);
      ctx.output('priority', incident.priority);

      // The incident exists: from here on nothing fails the step. The checkpoint makes a
      // retried task show the same known errors without asking again (the server counts an
      // offer once per incident anyway); a failed lookup is not remembered, so a retry asks again.
      let offered: OfferedKnownError[] = [];
      try {
        ({ items: offered } = await ctx.checkpoint({
          key: 'itsm.incident.knownErrors',
          fn: async () => {
            const items = await findKnownErrors(matchOptions);
            await recordOffers({
              client,
              credentials,
              logger: ctx.logger,
              incidentId: incident.id,
              offered: items,
            });
            return { items };
          },
        }));
      } catch (error) {
        ctx.logger.warn(
          `Could not look up known errors for ${incident.id} (the incident is raised): ${error}`,
        );
      }
      logKnownErrors(ctx.logger, offered, { incidentId: incident.id });
      ctx.output('knownErrors', toOutput(offered));
    },
  });
}
