import { StorePage } from '../../records/types';
import { requireBasic } from '../../records/access';
import { breachRecordType } from './serviceLevelRecordTypes';
import {
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  HistoryEvent,
  Page,
  SlaBreach,
  breachPatchSchema,
  recordIdSchema,
  slaManagePermission,
  slaReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import { canonicalEntityRef } from '../../catalog/entities';
import type { BreachChanges, BreachStore } from './BreachStore';
import { parseInput } from '../../records/validation';
import { canonical } from './AgreementAccess';
import {
  expectedVersionOf,
  requireVersion,
  staleError,
} from '../../records/versions';
import { toHistoryEvent } from '../../records/rows';
import { breachTable } from './serviceLevelRecordTypes';
import { LinkableRecordType, linkableRecordType } from '../../records/links';
import type { ReferenceLinks } from '../../records/referenceLinks';
import type { Knex } from 'knex';

/** Query of `GET /breaches` (multi-value `entityRef` already turned into an array). */
export const breachListQuerySchema = z.strictObject({
  entityRef: z.array(z.string().min(1).max(255)).max(50).optional(),
  recordId: recordIdSchema(
    'INC',
    'must be an incident id like INC-42',
  ).optional(),
  clock: z.enum(['response', 'resolution']).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  waived: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** @internal */
export type BreachListQuery = z.infer<typeof breachListQuerySchema>;

/** The breach register's rules: who reads, who records cause and action, who waives. */
export class BreachService {
  readonly #store: BreachStore;
  readonly #permissions: PermissionsService;
  readonly #userInfo: UserInfoService;
  readonly #improvements?: ReferenceLinks;
  readonly #now: () => Date;

  constructor(options: {
    store: BreachStore;
    permissions: PermissionsService;
    userInfo: UserInfoService;
    /** Improvement items a breach names (`improvementId`): checked and linked. */
    improvements?: ReferenceLinks;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#permissions = options.permissions;
    this.#userInfo = options.userInfo;
    this.#improvements = options.improvements;
    this.#now = options.now ?? (() => new Date());
  }

  async list(
    query: BreachListQuery,
    ctx: { credentials: BackstageCredentials },
  ): Promise<StorePage<SlaBreach>> {
    await this.#require(slaReadPermission, ctx.credentials);
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && to <= from) {
      throw new InputError('to must be after from');
    }
    return this.#store.list({
      entityRefs: query.entityRef?.map(ref => canonical(ref, 'entityRef')),
      recordSeq: query.recordId ? Number(query.recordId.slice(4)) : undefined,
      clock: query.clock,
      from,
      to,
      waived: query.waived === undefined ? undefined : query.waived === 'true',
      limit: query.limit,
      cursor: query.cursor,
    });
  }

  async get(
    id: string,
    ctx: { credentials: BackstageCredentials },
  ): Promise<SlaBreach> {
    await this.#require(slaReadPermission, ctx.credentials);
    return (await this.#find(id)).breach;
  }

  /** The append-only history of a breach (cause, action and waiver edits), oldest first. */
  async history(
    id: string,
    query: { limit: number; cursor?: string },
    ctx: { credentials: BackstageCredentials },
  ): Promise<Page<HistoryEvent>> {
    await this.#require(slaReadPermission, ctx.credentials);
    const { seq } = await this.#find(id);
    const page = await this.#store.listHistory({ seq, ...query });
    return {
      items: page.items.map(toHistoryEvent),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * Records cause, action, the improvement item or a waiver. Only owners of the service
   * who may manage SLAs write here; a waiver is approved by who records it.
   */
  async patch(
    id: string,
    body: unknown,
    ctx: { credentials: BackstageCredentials; ifMatch?: string },
  ): Promise<SlaBreach> {
    const input = parseInput(breachPatchSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'breach');
    const { seq, breach, ownerRef } = await this.#find(id);
    await this.#require(slaManagePermission, ctx.credentials);
    const { actor, owns } = await this.#caller(ownerRef, ctx.credentials);
    const edits = (['cause', 'action', 'improvementId'] as const).some(
      field => input[field] !== undefined,
    );
    if (edits && !owns) {
      throw new NotAllowedError(
        'Only the owners of the service edit its breaches',
      );
    }
    if (input.waiver !== undefined && owns) {
      // The measured do not excuse their own breach (as a requester does not approve a change).
      throw new NotAllowedError(
        "a waiver is approved by someone outside the service's owner group",
      );
    }
    if (input.waiver && canonicalEntityRef(input.waiver.approver) !== actor) {
      throw new NotAllowedError('a waiver is approved by who records it');
    }
    requireVersion({ seq, version: breach.version }, expected, 'BRE');
    const improvementSeq =
      input.improvementId && input.improvementId !== breach.improvementId
        ? await this.#resolveImprovement(input.improvementId, ctx)
        : undefined;

    const now = this.#now();
    const changes: BreachChanges = {};
    const diff: Record<string, [unknown, unknown]> = {};
    for (const field of ['cause', 'action', 'improvementId'] as const) {
      const value = input[field];
      if (value !== undefined && value !== breach[field]) {
        changes[field] = value;
        diff[field] = [breach[field], value];
      }
    }
    if (input.waiver !== undefined) {
      const before = breach.waiver;
      const same = input.waiver
        ? before?.reason === input.waiver.reason && before?.approver === actor
        : before === null;
      if (!same) {
        const waiver = input.waiver && {
          reason: input.waiver.reason,
          approver: actor,
          at: now,
        };
        changes.waiver = waiver;
        diff.waiver = [
          before,
          waiver && { ...waiver, at: waiver.at.toISOString() },
        ];
      }
    }
    if (Object.keys(diff).length === 0) {
      return breach; // a no-op writes nothing
    }
    const written = await this.#store.update({
      seq,
      expectedVersion: expected ?? breach.version,
      changes,
      now,
      event: { at: now, actor, action: 'update', changes: diff },
    });
    if (!written) {
      throw staleError(seq, expected ?? breach.version, 'BRE');
    }
    if (improvementSeq !== undefined) {
      await this.#improvements?.link({
        from: this.#linkable(),
        fromSeq: seq,
        toSeq: improvementSeq,
        relation: 'relates_to',
        note: `Improvement raised for ${breach.id}`,
        actor,
      });
    }
    return (await this.#store.get(seq))!.breach;
  }

  /**
   * Names the improvement item raised from a breach, inside the transaction that creates the
   * item, with the breach's history event. The breach must still be at `expectedVersion` and
   * name no other item (409). The caller has checked that the breach may be read.
   */
  async linkImprovement(
    tx: Knex.Transaction,
    options: {
      id: string;
      expectedVersion: number;
      improvementId: string;
      actor: string;
      at: Date;
    },
  ): Promise<void> {
    const { seq, breach } = await this.#find(options.id, tx);
    if (
      breach.improvementId &&
      breach.improvementId !== options.improvementId
    ) {
      throw new ConflictError(
        `${breach.id} already names the improvement ${breach.improvementId}`,
      );
    }
    const written = await this.#store.update({
      seq,
      expectedVersion: options.expectedVersion,
      changes: { improvementId: options.improvementId },
      now: options.at,
      event: {
        at: options.at,
        actor: options.actor,
        action: 'update',
        changes: {
          improvementId: [breach.improvementId, options.improvementId],
        },
      },
      tx,
    });
    if (!written) {
      throw new ConflictError(
        `${breach.id} changed meanwhile; reload it and raise the improvement again`,
      );
    }
  }

  /** The improvement item `improvementId` names, as the caller may read it (400 otherwise). */
  async #resolveImprovement(
    improvementId: string,
    ctx: { credentials: BackstageCredentials },
  ): Promise<number> {
    if (!this.#improvements) {
      throw new InputError(
        'improvementId: improvement items are not available',
      );
    }
    return this.#improvements.resolve(improvementId, 'improvementId', ctx);
  }

  /** Breaches as the source of a link (the improvement named by one). */
  #linkable(): LinkableRecordType {
    return linkableRecordType({
      table: breachTable,
      read: (id, ctx) => this.get(id, ctx),
      requireWrite: (_id, ctx) =>
        this.#require(slaManagePermission, ctx.credentials),
    });
  }

  async #find(id: string, tx?: Knex.Transaction) {
    const seq = breachRecordType.parse(id);
    const record =
      seq === undefined ? undefined : await this.#store.get(seq, tx);
    if (!record) {
      throw new NotFoundError(`Breach '${id}' not found`);
    }
    return record;
  }

  async #require(
    permission: typeof slaReadPermission,
    credentials: BackstageCredentials,
  ): Promise<void> {
    await requireBasic(this.#permissions, permission, credentials);
  }

  /** The calling user and whether they are in the breached service's owner group; 403 for others. */
  async #caller(
    ownerRef: string | null,
    credentials: BackstageCredentials,
  ): Promise<{ actor: string; owns: boolean }> {
    const principal = credentials.principal as { type: string };
    if (principal.type !== 'user') {
      throw new NotAllowedError('Only people edit breaches');
    }
    const info = await this.#userInfo.getUserInfo(
      credentials as BackstageCredentials<{
        type: 'user';
        userEntityRef: string;
      }>,
    );
    const owns =
      ownerRef !== null &&
      info.ownershipEntityRefs
        .map(ref => ref.toLocaleLowerCase('en-US'))
        .includes(ownerRef);
    return { actor: info.userEntityRef.toLocaleLowerCase('en-US'), owns };
  }
}
