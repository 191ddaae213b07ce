import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  HistoryEvent,
  Page,
  SURVEYS_SIGNAL_CHANNEL,
  Survey,
  SurveyTemplate,
  builtInSurveyTemplate,
  BUILT_IN_SURVEY_TEMPLATES,
  checkSurveyPatch,
  planSurveyTransition,
  surveyCreateSchema,
  surveyListQuerySchema,
  surveyManagePermission,
  surveyPatchSchema,
  surveySignalChannel,
  surveyTemplateCreateSchema,
  surveyTemplatePatchSchema,
  surveyTransitionSchema,
} from '@backstage-itsm/plugin-itsm-common';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ItsmCatalog } from '../../catalog/ItsmCatalog';
import { canonicalEntityRef, ownerRefOf } from '../../catalog/entities';
import { requireBasic } from '../../records/access';
import { RequestContext, WriteContext, actorOf } from '../../records/context';
import { LinkableRecordType, linkableRecordType } from '../../records/links';
import type { RecordNotifier } from '../../records/notifier';
import { createdChanges, toHistoryEvent } from '../../records/rows';
import { parseInput } from '../../records/validation';
import {
  expectedVersionOf,
  requireVersion,
  unlessStale,
} from '../../records/versions';
import { isChangedMeanwhile } from '../incidents/IncidentOperations';
import type { InvitationDelivery } from './InvitationDelivery';
import type { KnexSatisfactionStore } from './KnexSatisfactionStore';
import type {
  NewInvitation,
  SurveyFields,
  SurveyRecord,
  TemplateFields,
} from './SatisfactionStore';
import type { SurveyAudienceResolver } from './SurveyAudienceResolver';
import {
  surveyRecordType,
  surveyTable,
  surveyTemplateTable,
} from './surveyRecordTypes';
import { surveyChanges, toSurvey, toTemplate } from './surveyViews';

const PREFIX = 'SUR';
const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** A validated `POST /surveys` body. */
export type SurveyCreateInput = z.output<typeof surveyCreateSchema>;

/** A validated `POST /survey-templates` body. */
export type SurveyTemplateCreateInput = z.output<
  typeof surveyTemplateCreateSchema
>;

/** Who owns a service, as agreements check it (`AgreementAccess.requireOwner`). */
export interface ServiceOwnership {
  requireOwner(
    credentials: BackstageCredentials,
    service: { entityRef: string; ownerRef: string | null },
    what: string,
  ): Promise<void>;
}

/** The one-way key of a person's invitation: one answer per person, no identity in the answer. */
export function inviteeHash(sourceId: string, invitee: string): string {
  return createHash('sha256')
    .update(`${sourceId}|${lower(invitee)}`)
    .digest('hex');
}

/** The answer page of an invitation, as the notification links to it. */
export function answerPageLink(source: {
  type: 'campaign' | 'incident';
  id: string;
}): string {
  const key = source.type === 'campaign' ? 'survey' : 'incident';
  return `/itsm/surveys/respond?${key}=${encodeURIComponent(source.id)}`;
}

/**
 * Survey templates and campaigns (`SUR-n`) on the record kernel: a campaign is made as a draft
 * from a template (its questions are copied), opened with a closing time, which resolves its
 * audience to the people invited and records and sends their invitations in the same write,
 * and closed. Reading needs no permission (campaigns hold no answers); writing needs
 * `itsm.survey.manage`.
 */
export class SurveyService {
  readonly #store: KnexSatisfactionStore;
  readonly #permissions: PermissionsService;
  readonly #catalog: ItsmCatalog;
  readonly #audience: SurveyAudienceResolver;
  readonly #delivery: InvitationDelivery;
  readonly #notifier: RecordNotifier;
  readonly #auth?: AuthService;
  readonly #owners: ServiceOwnership;
  readonly #now: () => Date;

  constructor(options: {
    store: KnexSatisfactionStore;
    permissions: PermissionsService;
    catalog: ItsmCatalog;
    audience: SurveyAudienceResolver;
    delivery: InvitationDelivery;
    notifier: RecordNotifier;
    /** The plugin's own credentials, for closing campaigns whose time is up. */
    auth?: AuthService;
    /** Only the owners of a service run campaigns on it (the SLAs' rule). */
    owners: ServiceOwnership;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#permissions = options.permissions;
    this.#catalog = options.catalog;
    this.#audience = options.audience;
    this.#delivery = options.delivery;
    this.#notifier = options.notifier;
    this.#auth = options.auth;
    this.#owners = options.owners;
    this.#now = options.now ?? (() => new Date());
  }

  // Campaigns ----------------------------------------------------------------------------

  async list(query: unknown, _ctx: RequestContext): Promise<Page<Survey>> {
    const parsed = parseInput(surveyListQuerySchema, query, 'query');
    const page = await this.#store.listSurveys(parsed);
    return { items: page.items.map(toSurvey), nextCursor: page.nextCursor };
  }

  async get(id: string, _ctx: RequestContext): Promise<Survey> {
    return toSurvey(await this.#record(id));
  }

  async create(input: SurveyCreateInput, ctx: RequestContext): Promise<Survey> {
    await this.#requireManage(ctx);
    const entityRef = canonicalEntityRef(input.entityRef);
    const [entity, template] = await Promise.all([
      this.#catalog.getEntity(entityRef),
      this.#template(input.templateId),
    ]);
    if (!entity) {
      throw new InputError(
        `entityRef: unknown catalog entity '${input.entityRef}'`,
      );
    }
    if (!template) {
      throw new InputError(
        `templateId: unknown template '${input.templateId}'`,
      );
    }
    await this.#requireOwner(ctx, { entityRef, ownerRef: ownerRefOf(entity) });
    const now = this.#now();
    const closesAt = input.closesAt ? new Date(input.closesAt) : null;
    if (closesAt && closesAt <= now) {
      throw new InputError('closesAt must be in the future');
    }
    const fields: SurveyFields = {
      status: 'draft',
      title: input.title,
      description: input.description,
      entityRef,
      templateId: template.id,
      questions: template.questions,
      anonymous: input.anonymous,
      audience: { ...input.audience, extra: input.audience.extra.map(lower) },
      closesAt,
      openedAt: null,
      closedAt: null,
    };
    const actor = lower(actorOf(ctx.credentials));
    const preview = toSurvey({
      ...fields,
      seq: 0,
      version: 1,
      ownerRef: null,
      invited: 0,
      responses: 0,
      createdAt: now,
      createdBy: actor,
      updatedAt: now,
    });
    const record = await this.#store.createSurvey({
      survey: fields,
      ownerRef: ownerRefOf(entity),
      createdAt: now,
      createdBy: actor,
      event: {
        at: now,
        actor,
        action: 'create',
        changes: createdChanges(preview, ['invited', 'responses']),
      },
    });
    return this.#changed(record);
  }

  /** Edits a draft; an open campaign takes a new closing time only. A no-op writes nothing. */
  async patch(id: string, body: unknown, ctx: WriteContext): Promise<Survey> {
    const input = parseInput(surveyPatchSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'survey');
    const record = await this.#record(id);
    await this.#requireManage(ctx);
    await this.#requireOwner(ctx, record);
    const now = this.#now();
    const changes = await unlessStale(
      record,
      expected,
      async () => {
        checkSurveyPatch(record, Object.keys(input), {
          closesAt: input.closesAt,
          now,
        });
        const next: Partial<SurveyFields> = {
          title: input.title,
          description: input.description,
          anonymous: input.anonymous,
          audience: input.audience && {
            ...input.audience,
            extra: input.audience.extra.map(lower),
          },
          closesAt: closesAtOf(input.closesAt),
        };
        if (input.templateId && input.templateId !== record.templateId) {
          const template = await this.#template(input.templateId);
          if (!template) {
            throw new InputError(
              `templateId: unknown template '${input.templateId}'`,
            );
          }
          next.templateId = template.id;
          next.questions = template.questions;
        }
        return next;
      },
      PREFIX,
    );
    const diff = surveyChanges(record, changes);
    if (Object.keys(diff).length === 0) {
      requireVersion(record, expected, PREFIX);
      return toSurvey(record);
    }
    const { survey } = await this.#store.updateSurvey({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes,
      at: now,
      event: {
        at: now,
        actor: lower(actorOf(ctx.credentials)),
        action: 'update',
        changes: diff,
      },
    });
    return this.#changed(survey);
  }

  /**
   * Opens or closes a campaign. Opening resolves the audience to people, and records their
   * invitations in the same write as the move (each once per person), then sends them.
   */
  async transition(
    id: string,
    body: unknown,
    ctx: WriteContext,
  ): Promise<Survey> {
    const input = parseInput(surveyTransitionSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'survey');
    const record = await this.#record(id);
    await this.#requireManage(ctx);
    await this.#requireOwner(ctx, record);
    const now = this.#now();
    const planned = await unlessStale(
      record,
      expected,
      async () => {
        const changes = planSurveyTransition(
          {
            status: record.status,
            closesAt: record.closesAt?.toISOString() ?? null,
          },
          input.to,
          input,
          { now },
        );
        const fields: Partial<SurveyFields> = {
          status: changes.status,
          closesAt: changes.closesAt ? new Date(changes.closesAt) : undefined,
          openedAt: changes.openedAt ? new Date(changes.openedAt) : undefined,
          closedAt: changes.closedAt ? new Date(changes.closedAt) : undefined,
        };
        const invitations =
          input.to === 'open'
            ? await this.#invitations(
                record,
                fields.closesAt ?? record.closesAt!,
                now,
              )
            : [];
        if (input.to === 'open' && invitations.length === 0) {
          throw new InputError(
            'audience: it names nobody (no SLA customer group, consumer owner or extra member); add people to ask',
          );
        }
        return { fields, invitations };
      },
      PREFIX,
    );
    const { fields, invitations } = planned;
    const comments = [
      input.comment?.trim(),
      input.to === 'open' ? `Invited ${invitations.length}` : undefined,
    ].filter(Boolean);
    const { survey, invitations: recorded } = await this.#store.updateSurvey({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes: fields,
      at: now,
      event: {
        at: now,
        actor: lower(actorOf(ctx.credentials)),
        action: 'transition',
        changes: surveyChanges(record, fields),
        ...(comments.length ? { comment: comments.join('; ') } : {}),
      },
      invitations,
    });
    await this.#delivery.send(recorded, now);
    return this.#changed(survey);
  }

  async history(
    id: string,
    query: { limit: number; cursor?: string },
    _ctx: RequestContext,
  ): Promise<Page<HistoryEvent>> {
    const record = await this.#record(id);
    const page = await this.#store.surveyHistory(record.seq, query);
    return {
      items: page.items.map(toHistoryEvent),
      nextCursor: page.nextCursor,
    };
  }

  /** Closes the open campaigns whose closing time has passed, as the plugin; their ids. */
  async closeExpired(): Promise<string[]> {
    const auth = this.#auth;
    if (!auth) {
      return [];
    }
    const now = this.#now();
    const page = await this.#store.listSurveys({
      status: ['open'],
      limit: 200,
      order: 'asc',
    });
    const credentials = await auth.getOwnServiceCredentials();
    const closed: string[] = [];
    for (const record of page.items) {
      if (!record.closesAt || record.closesAt > now) {
        continue;
      }
      const id = surveyRecordType.id(record.seq);
      try {
        await this.transition(
          id,
          { to: 'closed', comment: 'Closing time reached' },
          { credentials, expectedVersion: record.version },
        );
        closed.push(id);
      } catch (error) {
        // Someone closed or changed it meanwhile; the next run sees it as it is.
        if (!isChangedMeanwhile(error)) {
          throw error;
        }
      }
    }
    return closed;
  }

  /** Campaigns take links; changing them needs `itsm.survey.manage`. */
  linkable(): LinkableRecordType {
    return linkableRecordType({
      table: surveyTable,
      read: (id: string) => this.#record(id),
      requireWrite: async (_id, ctx) => this.#requireManage(ctx),
    });
  }

  /** A campaign by id (404 when unknown), for the responses. */
  async record(id: string): Promise<SurveyRecord> {
    return this.#record(id);
  }

  // Templates ----------------------------------------------------------------------------

  /** Built-in templates first, then one's own, oldest first. */
  async listTemplates(
    _query: unknown,
    _ctx: RequestContext,
  ): Promise<Page<SurveyTemplate>> {
    const own = await this.#store.listTemplates();
    return {
      items: [...BUILT_IN_SURVEY_TEMPLATES, ...own.map(toTemplate)],
      nextCursor: null,
    };
  }

  async getTemplate(id: string, _ctx: RequestContext): Promise<SurveyTemplate> {
    const template = await this.#template(id);
    if (!template) {
      throw new NotFoundError(`Survey template '${id}' not found`);
    }
    return template;
  }

  async createTemplate(
    input: SurveyTemplateCreateInput,
    ctx: RequestContext,
  ): Promise<SurveyTemplate> {
    await this.#requireManage(ctx);
    if (builtInSurveyTemplate(input.id)) {
      throw new ConflictError(`'${input.id}' is a built-in template`);
    }
    const now = this.#now();
    const actor = lower(actorOf(ctx.credentials));
    const fields: TemplateFields = {
      title: input.title,
      description: input.description,
      questions: input.questions,
    };
    const created = await this.#store.createTemplate({
      id: input.id,
      template: fields,
      createdAt: now,
      createdBy: actor,
      event: {
        at: now,
        actor,
        action: 'create',
        changes: createdChanges({ id: input.id, ...fields }, []),
      },
    });
    if (!created) {
      throw new ConflictError(`A template '${input.id}' exists already`);
    }
    return toTemplate(created);
  }

  /** Edits a template of one's own; campaigns made from it keep their questions. */
  async patchTemplate(
    id: string,
    body: unknown,
    ctx: WriteContext,
  ): Promise<SurveyTemplate> {
    const input = parseInput(surveyTemplatePatchSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'survey template');
    const builtIn = builtInSurveyTemplate(id);
    const record = builtIn ? undefined : await this.#store.getTemplate(id);
    if (!builtIn && !record) {
      throw new NotFoundError(`Survey template '${id}' not found`);
    }
    await this.#requireManage(ctx);
    if (!record) {
      throw new ConflictError(
        `'${id}' is a built-in template and cannot change; create one of your own`,
      );
    }
    const changes: Record<string, [unknown, unknown]> = {};
    for (const key of ['title', 'description', 'questions'] as const) {
      const value = input[key];
      if (
        value !== undefined &&
        JSON.stringify(value) !== JSON.stringify(record[key])
      ) {
        changes[key] = [record[key], value];
      }
    }
    if (Object.keys(changes).length === 0) {
      if (expected !== undefined && expected !== record.version) {
        throw surveyTemplateStale(id, expected);
      }
      return toTemplate(record);
    }
    const now = this.#now();
    const updated = await this.#store.updateTemplate({
      seq: record.seq,
      id,
      expectedVersion: expected ?? record.version,
      changes: input,
      at: now,
      event: {
        at: now,
        actor: lower(actorOf(ctx.credentials)),
        action: 'update',
        changes,
      },
    });
    return toTemplate(updated);
  }

  async templateHistory(
    id: string,
    query: { limit: number; cursor?: string },
    _ctx: RequestContext,
  ): Promise<Page<HistoryEvent>> {
    if (builtInSurveyTemplate(id)) {
      return { items: [], nextCursor: null };
    }
    const record = await this.#store.getTemplate(id);
    if (!record) {
      throw new NotFoundError(`Survey template '${id}' not found`);
    }
    const page = await this.#store.templateHistory(record.seq, query);
    return {
      items: page.items.map(toHistoryEvent),
      nextCursor: page.nextCursor,
    };
  }

  // Helpers ------------------------------------------------------------------------------

  async #record(id: string): Promise<SurveyRecord> {
    const seq = surveyRecordType.parse(id);
    const record =
      seq === undefined ? undefined : await this.#store.getSurvey(seq);
    if (!record) {
      throw new NotFoundError(`Survey '${id}' not found`);
    }
    return record;
  }

  async #template(id: string): Promise<SurveyTemplate | undefined> {
    const builtIn = builtInSurveyTemplate(id);
    if (builtIn) {
      return builtIn;
    }
    const own = await this.#store.getTemplate(id);
    return own && toTemplate(own);
  }

  async #requireManage(ctx: RequestContext): Promise<void> {
    await requireBasic(
      this.#permissions,
      surveyManagePermission,
      ctx.credentials,
    );
  }

  /** 403 unless the caller owns the campaign's service now (or is the plugin, or an import). */
  async #requireOwner(
    ctx: RequestContext,
    service: { entityRef: string; ownerRef: string | null },
  ): Promise<void> {
    const entity = await this.#catalog.getEntity(service.entityRef);
    await this.#owners.requireOwner(
      ctx.credentials,
      {
        entityRef: service.entityRef,
        ownerRef: entity ? ownerRefOf(entity) : service.ownerRef,
      },
      'survey campaigns',
    );
  }

  /** The invitations of a campaign opening: its audience resolved to people, now. */
  async #invitations(
    record: SurveyRecord,
    closesAt: Date,
    now: Date,
  ): Promise<NewInvitation[]> {
    const { invitees } = await this.#audience.resolve({
      entityRef: record.entityRef,
      audience: record.audience,
      at: now,
    });
    const id = surveyRecordType.id(record.seq);
    const entity = await this.#catalog.getEntity(record.entityRef);
    const service = entity?.metadata.title ?? entity?.metadata.name;
    const payload = {
      title: `${id}: ${record.title}`,
      description: `How satisfied are you with ${
        service ?? record.entityRef
      }? Open until ${closesAt.toISOString().slice(0, 10)}${
        record.anonymous ? '; your answers are anonymous' : ''
      }.`,
      link: answerPageLink({ type: 'campaign', id }),
      severity: 'normal' as const,
      topic: 'itsm:survey:invitation',
      scope: `itsm:survey:${id}:invitation`,
    };
    return invitees.map(invitee => ({
      source: { type: 'campaign', surveySeq: record.seq },
      entityRef: record.entityRef,
      invitee,
      inviteeHash: inviteeHash(id, invitee),
      invitedAt: now,
      expiresAt: closesAt,
      scope: payload.scope,
      payload,
    }));
  }

  async #changed(record: SurveyRecord): Promise<Survey> {
    const survey = toSurvey(record);
    await this.#notifier.changed({
      record: survey,
      recordChannel: surveySignalChannel(survey.id),
      collectionChannel: SURVEYS_SIGNAL_CHANNEL,
    });
    return survey;
  }
}

function surveyTemplateStale(id: string, expected: number) {
  return surveyTemplateTable.stale(id, expected);
}

/** A requested closing time: unchanged (undefined), none (null) or the instant. */
function closesAtOf(value: string | null | undefined): Date | null | undefined {
  if (value === undefined || value === null) {
    return value;
  }
  return new Date(value);
}
