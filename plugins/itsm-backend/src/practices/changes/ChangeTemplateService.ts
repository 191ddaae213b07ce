import { readableRecord } from '../../records/access';
import { changeTemplateRecordType } from './changeRecordTypes';
import { RequestContext, WriteContext, actorOf } from '../../records/context';
import { InputError } from '@backstage/errors';
import {
  ChangeTemplate,
  ChangeTemplatePatchRequest,
  HistoryEvent,
  Page,
  changeTemplateCreateSchema,
  changeTemplatePatchSchema,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import type {
  ChangeTemplateFields,
  ChangeTemplateRecord,
  ChangeTemplateStore,
} from './ChangeTemplateStore';
import { parseInput } from '../../records/validation';
import { ChangeAccess } from './ChangeAccess';
import { ChangeAssessor } from './ChangeAssessor';
import { changedChangeFields, toChangeTemplate } from './changeViews';
import { toHistoryEvent } from '../../records/rows';
import {
  expectedVersionOf,
  requireVersion,
  unlessStale,
} from '../../records/versions';

/** A validated `POST /change-templates` body. */
export type ChangeTemplateCreateInput = z.output<
  typeof changeTemplateCreateSchema
>;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * Standard change templates: pre-approved, owned and versioned recipes.
 * Reading needs `itsm.change.read` in any form; creating and editing needs
 * `itsm.change.template.manage`.
 */
export class ChangeTemplateService {
  readonly #store: ChangeTemplateStore;
  readonly #access: ChangeAccess;
  readonly #assessor: ChangeAssessor;
  readonly #now: () => Date;

  constructor(options: {
    store: ChangeTemplateStore;
    access: ChangeAccess;
    assessor: ChangeAssessor;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#access = options.access;
    this.#assessor = options.assessor;
    this.#now = options.now ?? (() => new Date());
  }

  async create(
    input: ChangeTemplateCreateInput,
    ctx: RequestContext,
  ): Promise<ChangeTemplate> {
    await this.#access.requireTemplateManage(ctx.credentials);
    const template: ChangeTemplateFields = {
      title: input.title,
      description: input.description,
      owner: await this.#owner(input.owner),
      entityRefs: await this.#entityRefs(input.entityRefs),
      implementationPlan: input.implementationPlan,
      backoutPlan: input.backoutPlan,
      testPlan: input.testPlan,
      durationMinutes: input.durationMinutes,
      active: true,
    };
    const now = this.#now();
    const actor = lower(actorOf(ctx.credentials));
    const record = await this.#store.createTemplate({
      template,
      createdAt: now,
      createdBy: actor,
      event: {
        at: now,
        actor,
        action: 'create',
        changes: Object.fromEntries(
          Object.entries(template).map(([key, value]) => [key, [null, value]]),
        ),
      },
    });
    return toChangeTemplate(record);
  }

  async get(id: string, ctx: RequestContext): Promise<ChangeTemplate> {
    return toChangeTemplate(await this.#readable(id, ctx));
  }

  async list(
    query: {
      entityRef?: string[];
      active?: 'true' | 'false';
      limit: number;
      cursor?: string;
    },
    ctx: RequestContext,
  ): Promise<Page<ChangeTemplate>> {
    await this.#access.requireRead(ctx.credentials);
    const page = await this.#store.listTemplates({
      entityRefs: query.entityRef
        ? this.#assessor.canonicalRefs(query.entityRef, 'entityRef')
        : undefined,
      active: query.active === undefined ? undefined : query.active === 'true',
      limit: query.limit,
      cursor: query.cursor,
    });
    return {
      items: page.items.map(toChangeTemplate),
      nextCursor: page.nextCursor,
    };
  }

  /** Edits a template; every edit raises its version. A no-op writes nothing. */
  async patch(
    id: string,
    body: ChangeTemplatePatchRequest,
    ctx: WriteContext,
  ): Promise<ChangeTemplate> {
    const input = parseInput(changeTemplatePatchSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'template');
    const record = await this.#readable(id, ctx);
    await this.#access.requireTemplateManage(ctx.credentials);
    const next = await unlessStale(
      record,
      expected,
      async (): Promise<Partial<ChangeTemplateFields>> => ({
        ...input,
        owner:
          input.owner === undefined
            ? undefined
            : await this.#owner(input.owner),
        entityRefs:
          input.entityRefs === undefined
            ? undefined
            : await this.#entityRefs(input.entityRefs),
      }),
      'STD',
    );
    const changes = changedChangeFields<ChangeTemplateFields>(record, next);
    if (Object.keys(changes).length === 0) {
      requireVersion(record, expected, 'STD');
      return toChangeTemplate(record);
    }
    const now = this.#now();
    const updated = await this.#store.updateTemplate({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes,
      event: {
        at: now,
        actor: lower(actorOf(ctx.credentials)),
        action: 'update',
        changes: Object.fromEntries(
          Object.entries(changes).map(([key, value]) => [
            key,
            [record[key as keyof ChangeTemplateFields], value],
          ]),
        ),
      },
    });
    return toChangeTemplate(updated);
  }

  async history(
    id: string,
    query: { limit: number; cursor?: string },
    ctx: RequestContext,
  ): Promise<Page<HistoryEvent>> {
    const record = await this.#readable(id, ctx);
    const page = await this.#store.listHistory({ seq: record.seq, ...query });
    return {
      items: page.items.map(toHistoryEvent),
      nextCursor: page.nextCursor,
    };
  }

  async #readable(
    id: string,
    ctx: RequestContext,
  ): Promise<ChangeTemplateRecord> {
    return readableRecord({
      id,
      label: 'Change template',
      parse: changeTemplateRecordType.parse,
      access: async () =>
        (await this.#access.read(ctx.credentials)).allowed ? {} : false,
      load: seq => this.#store.getTemplate(seq),
    });
  }

  async #owner(ref: string): Promise<string> {
    const [owner] = this.#assessor.canonicalRefs([ref], 'owner');
    if (!owner.startsWith('group:')) {
      throw new InputError(`owner: '${ref}' is not a group`);
    }
    const { infos } = await this.#assessor
      .entities([owner])
      .catch(() => ({ infos: [] }));
    if (infos.length === 0) {
      throw new InputError(`owner: unknown catalog group '${ref}'`);
    }
    return owner;
  }

  async #entityRefs(refs: string[]): Promise<string[]> {
    const canonical = this.#assessor.canonicalRefs(refs);
    await this.#assessor.entities(canonical);
    return canonical;
  }
}
