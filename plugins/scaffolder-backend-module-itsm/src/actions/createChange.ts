import type {
  AuthService,
  DiscoveryService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  type Change,
  type ChangeStatus,
  type ChangeType,
  type RequiredApproval,
  changeCreateSchema,
  checkChangeTransition,
} from '@backstage-itsm/plugin-itsm-common';
import { ItsmApiClient } from '../client/ItsmApiClient';
import { examples } from './createChange.examples';
import {
  optionalText,
  parseBody,
  recordUrl,
  toEntityRef,
  toInstant,
  withContext,
} from './inputs';

/**
 * The moves that take a new draft to where its approvers (or, for a standard change, the
 * schedule) pick it up: the lifecycle of DESIGN §3 per type.
 */
const SUBMIT_STEPS: Record<ChangeType, ChangeStatus[]> = {
  normal: ['assessment', 'authorization'],
  emergency: ['authorization'],
  standard: ['scheduled'],
};

/** What the action keeps of a change between checkpoints (JSON, so a retried task reuses it). */
type ChangeState = {
  id: string;
  version: number;
  status: ChangeStatus;
  risk: 'low' | 'medium' | 'high' | null;
  requiredApprovals: RequiredApproval[];
};

const stateOf = (change: Change): ChangeState => ({
  id: change.id,
  version: change.version,
  status: change.status,
  risk: change.risk,
  requiredApprovals: change.requiredApprovals,
});

/** Id shown instead of a real one by a dry run, which creates nothing. */
const DRY_RUN_ID = 'CHG-0';

/**
 * `itsm:change:create`: records a change in ITSM for Backstage as the user running the template
 * and, unless `submit` is false, sends it on from draft (normal → assessment → authorization,
 * emergency → authorization, standard → scheduled).
 *
 * @public
 */
export function createItsmChangeCreateAction(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  config: RootConfigService;
}) {
  const client = ItsmApiClient.create(options);
  const appBaseUrl = options.config.getString('app.baseUrl');

  return createTemplateAction({
    id: 'itsm:change:create',
    description:
      'Records a change (normal, emergency or standard) in ITSM for Backstage, requested by the user running the template, and submits it for assessment and approval.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        type: z =>
          z
            .enum(['normal', 'emergency', 'standard'])
            .default('normal')
            .describe(
              'normal (assessed and approved by policy), emergency (emergency CAB) or standard (from a pre-approved template: set templateId)',
            ),
        title: z => z.string().min(1).max(200).describe('Short title'),
        justification: z =>
          z.string().optional().describe('Why the change is needed (Markdown)'),
        entityRefs: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Affected catalog entities, e.g. component:default/payments-service',
            ),
        entityRef: z =>
          z
            .string()
            .optional()
            .describe(
              'One affected entity (what an EntityPicker returns); merged with entityRefs',
            ),
        plannedStart: z =>
          z
            .string()
            .optional()
            .describe(
              'Start of the window, ISO-8601 with time zone, e.g. 2026-06-01T08:00:00Z',
            ),
        plannedEnd: z =>
          z
            .string()
            .optional()
            .describe(
              'End of the window, ISO-8601 with time zone; a standard change defaults it from its template',
            ),
        implementationPlan: z =>
          z.string().optional().describe('How it is done (Markdown)'),
        backoutPlan: z =>
          z.string().optional().describe('How it is undone (Markdown)'),
        testPlan: z =>
          z.string().optional().describe('How success is verified (Markdown)'),
        riskAnswers: z =>
          z
            .record(z.string())
            .optional()
            .describe(
              'Risk questionnaire answers, question id → answer id, e.g. { tested: yes, outage: no }',
            ),
        templateId: z =>
          z
            .string()
            .optional()
            .describe(
              'Standard change template (STD-n) for a standard change; its plans fill the ones not given',
            ),
        submit: z =>
          z
            .boolean()
            .default(true)
            .describe(
              'Submit the change after creating it; false leaves it in draft',
            ),
      },
      output: {
        id: z => z.string().describe('Change id, e.g. CHG-42'),
        url: z => z.string().describe('The change page in the portal'),
        status: z => z.string().describe('Status after submission'),
        risk: z =>
          z
            .enum(['low', 'medium', 'high'])
            .nullable()
            .describe('Computed risk'),
        requiredApprovals: z =>
          z
            .array(
              z.object({
                kind: z.enum(['group', 'quorum', 'ownerGroup']),
                group: z.string(),
                count: z.number().optional(),
                quorum: z.number().optional(),
                of: z.number().optional(),
              }),
            )
            .describe(
              'Who must approve (set once the change is in authorization)',
            ),
      },
    },

    async handler(ctx) {
      const input = ctx.input;
      const type: ChangeType = input.type ?? 'normal'; // the scaffolder does not apply defaults
      const submit = input.submit ?? true;

      const refs = [...(input.entityRefs ?? []), input.entityRef]
        .map(ref => optionalText(ref))
        .filter((ref): ref is string => ref !== undefined)
        .map((ref, i) => toEntityRef(ref, `entityRefs[${i}]`));
      if (refs.length === 0) {
        throw new InputError(
          'entityRefs (or entityRef) must name at least one affected entity',
        );
      }
      const body = parseBody(
        changeCreateSchema,
        {
          type,
          title: input.title,
          justification: optionalText(input.justification),
          entityRefs: [...new Set(refs)],
          plannedStart: toInstant(input.plannedStart, 'plannedStart'),
          plannedEnd: toInstant(input.plannedEnd, 'plannedEnd'),
          implementationPlan: optionalText(input.implementationPlan),
          backoutPlan: optionalText(input.backoutPlan),
          testPlan: optionalText(input.testPlan),
          riskAnswers: input.riskAnswers,
          templateId: optionalText(input.templateId),
        },
        'change',
      );

      const steps = submit ? SUBMIT_STEPS[type] : [];
      if (steps.length > 0 && type !== 'standard') {
        // What leaving draft needs is known here, so a missing plan fails before anything is
        // written rather than leaving an orphan draft. (A standard change gets its plans from
        // its template on the server.)
        checkChangeTransition({ ...body, status: 'draft' }, steps[0]);
      }
      const goal = steps.length > 0 ? steps[steps.length - 1] : 'draft';
      const credentials = await ctx.getInitiatorCredentials();

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would create the ${type} change "${
            body.title
          }" on ${body.entityRefs.join(', ')} and ${
            submit ? `submit it to ${goal}` : 'leave it in draft'
          }`,
        );
        // The assessment writes nothing and shows the risk and approvers the change would get.
        let risk: ChangeState['risk'] = null;
        let requiredApprovals: RequiredApproval[] = [];
        try {
          const assessment = await client.assessChange({
            body: {
              type,
              entityRefs: body.entityRefs,
              riskAnswers: body.riskAnswers,
              plannedStart: body.plannedStart ?? undefined,
              plannedEnd: body.plannedEnd ?? undefined,
              templateId: body.templateId,
            },
            credentials,
          });
          risk = assessment.risk;
          requiredApprovals = assessment.requiredApprovals;
          ctx.logger.info(
            `Dry run: risk ${assessment.risk} (${assessment.riskReasons.join(
              '; ',
            )})`,
          );
        } catch (error) {
          ctx.logger.warn(`Dry run: ${(error as Error).message}`);
        }
        ctx.output('id', DRY_RUN_ID);
        ctx.output('url', recordUrl(appBaseUrl, 'changes', DRY_RUN_ID));
        ctx.output('status', goal);
        ctx.output('risk', risk);
        ctx.output('requiredApprovals', requiredApprovals);
        return;
      }

      // Checkpoints make a retried task reuse the change it already created.
      let change = await ctx.checkpoint({
        key: 'itsm.change.create',
        fn: async () =>
          stateOf(await client.createChange({ body, credentials })),
      });
      ctx.logger.info(
        `Created ${change.id}: ${recordUrl(appBaseUrl, 'changes', change.id)}`,
      );

      for (const to of steps) {
        const current = change;
        try {
          change = await ctx.checkpoint({
            key: `itsm.change.${to}`,
            fn: async () =>
              stateOf(
                await client.transitionChange({
                  id: current.id,
                  version: current.version,
                  transition: { to },
                  credentials,
                }),
              ),
          });
        } catch (error) {
          throw withContext(
            error,
            `${current.id} was created but stays in ${
              current.status
            }; complete it at ${recordUrl(appBaseUrl, 'changes', current.id)}`,
          );
        }
        ctx.logger.info(`${change.id} is now in ${change.status}`);
      }

      ctx.output('id', change.id);
      ctx.output('url', recordUrl(appBaseUrl, 'changes', change.id));
      ctx.output('status', change.status);
      ctx.output('risk', change.risk);
      ctx.output('requiredApprovals', change.requiredApprovals);
    },
  });
}
