import {
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Page,
  PreconditionFailedError,
  ReviewAction,
  isReviewLocked,
  parseRecordId,
  parseReviewActionKey,
  planReviewActionPatch,
  reviewActionCreateSchema,
  reviewActionId,
  reviewActionListQuerySchema,
  reviewActionPatchSchema,
  reviewManagePermission,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { notAllowed } from '../../records/access';
import {
  RequestContext,
  WriteContext,
  actorOf,
  isPluginItself,
} from '../../records/context';
import type {
  LinkableRecordType,
  RecordLinkService,
} from '../../records/links';
import { parseInput } from '../../records/validation';
import { expectedVersionOf } from '../../records/versions';
import type { KnexReviewStore } from './KnexReviewStore';
import type { ReviewActionFields, ReviewRecord } from './ReviewStore';
import type { ReviewService } from './ReviewService';
import { reviewRecordType } from './reviewRecordType';
import { toReview, toReviewAction, wireChanges } from './reviewViews';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** A validated `POST /reviews/{id}/actions` body. */
export type ReviewActionCreateInput = z.output<typeof reviewActionCreateSchema>;

const ACTION_FIELDS = [
  'title',
  'owner',
  'dueDate',
  'status',
  'note',
  'recordId',
  'completedAt',
] as const;

/**
 * Actions recorded at service reviews: owner, due date and status, tracked until done or
 * dropped, also after their review has closed. Each write is a history event on its review
 * (whose version stays); an action's `PATCH` takes the action's own version as `If-Match`.
 * Recording one needs `itsm.review.manage` on the review; its owner may also update it.
 */
export class ReviewActionService {
  readonly #store: KnexReviewStore;
  readonly #reviews: ReviewService;
  readonly #links: RecordLinkService;
  readonly #userInfo: UserInfoService;

  constructor(options: {
    store: KnexReviewStore;
    reviews: ReviewService;
    links: RecordLinkService;
    userInfo: UserInfoService;
  }) {
    this.#store = options.store;
    this.#reviews = options.reviews;
    this.#links = options.links;
    this.#userInfo = options.userInfo;
  }

  /** The actions of a review the caller may read, in the order they were recorded. */
  async ofReview(
    id: string,
    ctx: RequestContext,
  ): Promise<{ items: ReviewAction[] }> {
    const review = await this.#reviews.readable(id, ctx);
    const now = this.#reviews.now();
    const actions = await this.#store.actionsOfReview(review.seq);
    return { items: actions.map(a => toReviewAction(a, now)) };
  }

  /** Actions of the reviews the caller may read ("My actions", the reviews page). */
  async list(query: unknown, ctx: RequestContext): Promise<Page<ReviewAction>> {
    const parsed = parseInput(reviewActionListQuerySchema, query, 'query');
    const access = await this.#reviews.access.requireRead(ctx.credentials);
    const now = this.#reviews.now();
    const page = await this.#store.listActions(
      parsed,
      now,
      access.permissionFilter,
    );
    return {
      items: page.items.map(a => toReviewAction(a, now)),
      nextCursor: page.nextCursor,
    };
  }

  /** Records an action (open); 409 on a closed or cancelled review. */
  async create(
    id: string,
    body: unknown,
    ctx: RequestContext,
  ): Promise<ReviewAction> {
    const input = parseInput(reviewActionCreateSchema, body, 'body');
    const review = await this.#reviews.readable(id, ctx);
    await this.#reviews.access.requireUpdate(review, ctx.credentials);
    if (isReviewLocked(review.status)) {
      throw new ConflictError(
        `The review is ${review.status}: actions are recorded before it closes`,
      );
    }
    const target = input.recordId
      ? await this.#linkTarget(input.recordId, ctx)
      : undefined;
    const now = this.#reviews.now();
    const actor = lower(actorOf(ctx.credentials));
    const reviewId = reviewRecordType.id(review.seq);
    const fields: ReviewActionFields = {
      title: input.title,
      owner: lower(input.owner),
      dueDate: input.dueDate,
      status: 'open',
      note: null,
      recordId: target?.id ?? null,
      completedAt: null,
    };
    const action = await this.#store.createAction({
      reviewSeq: review.seq,
      action: fields,
      at: now,
      actor,
      event: number => ({
        at: now,
        actor,
        action: 'action-added',
        changes: {
          [`actions.${reviewActionId(reviewId, number).split('/')[1]}`]: [
            null,
            {
              title: fields.title,
              owner: fields.owner,
              dueDate: fields.dueDate,
            },
          ],
        },
      }),
      within: target
        ? (tx, number) =>
            this.#link(tx, review, target, reviewActionId(reviewId, number), {
              title: fields.title,
              actor,
              at: now,
            })
        : undefined,
    });
    await this.#reviews.changed(toReview(review, now));
    return toReviewAction(action, now);
  }

  /**
   * Edits an action or moves it through its lifecycle, at the action's own version (428 /
   * 412). Allowed with `itsm.review.manage` on the review or to the action's owner.
   */
  async patch(
    id: string,
    actionKey: string,
    body: unknown,
    ctx: WriteContext,
  ): Promise<ReviewAction> {
    const input = parseInput(reviewActionPatchSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'action');
    const review = await this.#reviews.readable(id, ctx);
    const number = parseReviewActionKey(actionKey);
    const action =
      number === undefined
        ? undefined
        : await this.#store.getAction(review.seq, number);
    const reviewId = reviewRecordType.id(review.seq);
    if (!action) {
      throw new NotFoundError(`Action ${reviewId}/${actionKey} not found`);
    }
    const label = reviewActionId(reviewId, action.number);
    await this.#requireActionWrite(review, action.owner, ctx.credentials);
    const now = this.#reviews.now();
    const stale = () =>
      new PreconditionFailedError(
        `${label} is not at version ${expected}; reload it and try again`,
      );
    let planned;
    try {
      planned = planReviewActionPatch(
        toReviewAction(action, now),
        { ...input, owner: input.owner && lower(input.owner) },
        { now },
      );
    } catch (error) {
      const name = (error as Error)?.name;
      if (
        expected !== undefined &&
        expected !== action.version &&
        (name === 'ConflictError' || name === 'InputError')
      ) {
        throw stale();
      }
      throw error;
    }
    if (Object.keys(planned).length === 0) {
      if (expected !== undefined && expected !== action.version) throw stale();
      return toReviewAction(action, now);
    }
    const target =
      planned.recordId !== undefined && planned.recordId !== null
        ? await this.#linkTarget(planned.recordId, ctx)
        : undefined;
    const changes: Partial<ReviewActionFields> = {
      ...planned,
      recordId: target ? target.id : undefined,
      completedAt: planned.completedAt
        ? new Date(planned.completedAt)
        : undefined,
    };
    const before = toReviewAction(action, now);
    const after = toReviewAction(
      { ...action, ...stripUndefined(changes) },
      now,
    );
    const actor = lower(actorOf(ctx.credentials));
    const diff = wireChanges(before, after, ACTION_FIELDS);
    const updated = await this.#store.updateAction({
      action,
      label,
      expectedVersion: expected ?? action.version,
      changes,
      at: now,
      event: {
        at: now,
        actor,
        action: 'action-updated',
        changes: Object.fromEntries(
          Object.entries(diff).map(([field, pair]) => [
            `actions.${label.split('/')[1]}.${field}`,
            pair,
          ]),
        ),
        ...(input.note ? { comment: input.note } : {}),
      },
      within: target
        ? tx =>
            this.#link(tx, review, target, label, {
              title: after.title,
              actor,
              at: now,
            })
        : undefined,
    });
    await this.#reviews.changed(toReview(review, now));
    return toReviewAction(updated, now);
  }

  /** 403 unless the caller may manage the review or owns the action (a domain right). */
  async #requireActionWrite(
    review: ReviewRecord,
    owner: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (
      isPluginItself(credentials) ||
      (await this.#reviews.access.allows(
        reviewManagePermission,
        review,
        credentials,
      ))
    ) {
      return;
    }
    const principal = credentials.principal as { type: string };
    if (principal.type === 'user') {
      const info = await this.#userInfo.getUserInfo(
        credentials as BackstageCredentials<BackstageUserPrincipal>,
      );
      const mine = new Set(
        [info.userEntityRef, ...info.ownershipEntityRefs].map(lower),
      );
      if (mine.has(owner)) return;
    }
    throw notAllowed(reviewManagePermission);
  }

  /** The record an action is tracked in: a registered, readable record (else 400). */
  async #linkTarget(
    recordId: string,
    ctx: RequestContext,
  ): Promise<LinkTarget> {
    const parsed = parseRecordId(recordId);
    const target = parsed
      ? this.#links
          .collections()
          .find(c => c.type.table.type.prefix === parsed.prefix)
      : undefined;
    if (!parsed || !target || !(await target.type.mayRead(parsed.seq, ctx))) {
      throw new InputError(`recordId: unknown record '${recordId}'`);
    }
    return {
      id: target.type.table.type.id(parsed.seq),
      seq: parsed.seq,
      type: target.type,
    };
  }

  /** Links the review to the record an action is tracked in, once, naming the action. */
  async #link(
    tx: Knex.Transaction,
    review: ReviewRecord,
    target: LinkTarget,
    actionId: string,
    options: { title: string; actor: string; at: Date },
  ): Promise<void> {
    const existing = await this.#links.linksOf(
      reviewRecordType.recordType,
      review.seq,
      { otherType: target.type.table.type.recordType },
      tx,
    );
    if (
      existing.some(l => l.toSeq === target.seq || l.fromSeq === target.seq)
    ) {
      return;
    }
    await this.#links.insert(tx, {
      from: this.#reviews.linkable(),
      fromSeq: review.seq,
      to: target.type,
      toSeq: target.seq,
      relation: 'relates_to',
      note: `Action ${actionId}: ${options.title}`,
      actor: options.actor,
      at: options.at,
    });
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/** A record an action is tracked in. */
interface LinkTarget {
  id: string;
  seq: number;
  type: LinkableRecordType;
}
