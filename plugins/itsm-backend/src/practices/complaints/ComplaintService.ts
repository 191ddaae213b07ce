import { ConflictError, InputError } from '@backstage/errors';
import {
  COMPLAINTS_SIGNAL_CHANNEL,
  Complaint,
  ComplaintSummary,
  HistoryEvent,
  Page,
  complaintCreateSchema,
  complaintListQuerySchema,
  complaintPatchSchema,
  complaintSignalChannel,
  complaintTransitionSchema,
  isComplainantMove,
  isComplaintLocked,
  planComplaintTransition,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import { ItsmCatalog } from '../../catalog/ItsmCatalog';
import { canonicalEntityRef, ownerRefOf } from '../../catalog/entities';
import { RequestContext, WriteContext, actorOf } from '../../records/context';
import { LinkableRecordType, linkableRecordType } from '../../records/links';
import { RecordNotifier } from '../../records/notifier';
import {
  createdChanges,
  toDateField,
  toHistoryEvent,
} from '../../records/rows';
import { parseInput } from '../../records/validation';
import {
  expectedVersionOf,
  requireVersion,
  unlessStale,
} from '../../records/versions';
import { ComplaintAccess } from './ComplaintAccess';
import type { ComplaintFields, ComplaintRecord } from './ComplaintStore';
import type { KnexComplaintStore } from './KnexComplaintStore';
import { complaintRecordType, complaintTable } from './complaintRecordType';
import { complaintChanges, toComplaint } from './complaintViews';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');
const PREFIX = 'CMP';
/** The review pack lists at most this many complaints of a period. */
export const SUMMARY_ITEMS_LIMIT = 50;

/** A validated `POST /complaints` body. */
export type ComplaintCreateInput = z.output<typeof complaintCreateSchema>;

/** The link of a complaint's page, as notifications carry it. */
export const complaintLink = (id: string) => `/itsm/complaints/${id}`;

/**
 * Complaints against a service (DESIGN §3 "Complaints"): anyone raises one, its owner (the
 * service's owner unless reassigned) investigates and answers it, the complainant accepts the
 * answer or sends it back. The lifecycle and the fields each move needs come from `-common`;
 * storage is the store's, links the kernel's. Escalation is the job's.
 */
export class ComplaintService {
  readonly #store: KnexComplaintStore;
  readonly #access: ComplaintAccess;
  readonly #catalog: ItsmCatalog;
  readonly #notifier: RecordNotifier;
  readonly #now: () => Date;

  constructor(options: {
    store: KnexComplaintStore;
    access: ComplaintAccess;
    catalog: ItsmCatalog;
    notifier: RecordNotifier;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#access = options.access;
    this.#catalog = options.catalog;
    this.#notifier = options.notifier;
    this.#now = options.now ?? (() => new Date());
  }

  get access(): ComplaintAccess {
    return this.#access;
  }

  /** Raises a complaint as the caller, owned by the service's owner, who is told. */
  async create(
    input: ComplaintCreateInput,
    ctx: RequestContext,
  ): Promise<Complaint> {
    await this.#access.requireCreate(ctx.credentials);
    const entity = await this.#catalog.getEntity(lower(input.entityRef));
    if (!entity) {
      throw new InputError(
        `entityRef: unknown catalog entity '${input.entityRef}'`,
      );
    }
    const serviceOwnerRef = ownerRefOf(entity);
    const now = this.#now();
    const actor = lower(actorOf(ctx.credentials));
    const fields: ComplaintFields = {
      status: 'open',
      title: input.title,
      description: input.description,
      entityRef: canonicalEntityRef(entity),
      complainant: actor,
      owner: serviceOwnerRef,
      channel: input.channel ?? null,
      category: input.category ?? null,
      response: null,
      escalatedAt: null,
      resolvedAt: null,
      closedAt: null,
    };
    const preview = toComplaint({
      ...fields,
      seq: 0,
      version: 1,
      serviceOwnerRef,
      createdAt: now,
      createdBy: actor,
      updatedAt: now,
    });
    const record = await this.#store.createComplaint({
      complaint: fields,
      serviceOwnerRef,
      createdAt: now,
      createdBy: actor,
      event: {
        at: now,
        actor,
        action: 'create',
        changes: createdChanges(preview),
      },
    });
    const complaint = toComplaint(record);
    await this.#changed(complaint);
    if (complaint.owner && complaint.owner !== actor) {
      await this.#notifier.notify(
        `notify ${complaint.owner} of ${complaint.id}`,
        { type: 'entity', entityRef: complaint.owner },
        {
          title: `Complaint ${complaint.id} about ${shortRef(
            complaint.entityRef,
          )}: ${complaint.title}`,
          description: `Raised by ${shortRef(
            complaint.complainant,
          )}. You own it: investigate and answer it.`,
          link: complaintLink(complaint.id),
          severity: 'normal',
          topic: 'itsm-complaint-raised',
          scope: `itsm:complaint:${complaint.id}:raised`,
        },
      );
    }
    return complaint;
  }

  async get(id: string, ctx: RequestContext): Promise<Complaint> {
    return toComplaint(await this.#readable(id, ctx));
  }

  async list(query: unknown, ctx: RequestContext): Promise<Page<Complaint>> {
    const parsed = parseInput(complaintListQuerySchema, query, 'query');
    const access = await this.#access.requireRead(ctx.credentials);
    const page = await this.#store.listComplaints(
      parsed,
      access.permissionFilter,
    );
    return { items: page.items.map(toComplaint), nextCursor: page.nextCursor };
  }

  async history(
    id: string,
    query: { limit: number; cursor?: string },
    ctx: RequestContext,
  ): Promise<Page<HistoryEvent>> {
    const record = await this.#readable(id, ctx);
    const page = await this.#store.complaintHistory(record.seq, query);
    return {
      items: page.items.map(toHistoryEvent),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * Edits title, description, owner, response and category; a no-op writes nothing. Closed
   * complaints: 409. A new owner is told.
   */
  async patch(
    id: string,
    body: unknown,
    ctx: WriteContext,
  ): Promise<Complaint> {
    const input = parseInput(complaintPatchSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'complaint');
    const record = await this.#readable(id, ctx);
    await this.#access.requireUpdate(record, ctx.credentials);
    const changes = await unlessStale(
      record,
      expected,
      () => {
        if (isComplaintLocked(record.status)) {
          throw new ConflictError(
            `The complaint is ${record.status} and cannot change`,
          );
        }
        const planned: Partial<ComplaintFields> = {
          ...input,
          owner: input.owner === undefined ? undefined : lower(input.owner),
        };
        return planned;
      },
      PREFIX,
    );
    const diff = complaintChanges(record, changes);
    if (Object.keys(diff).length === 0) {
      requireVersion(record, expected, PREFIX);
      return toComplaint(record);
    }
    const now = this.#now();
    const actor = lower(actorOf(ctx.credentials));
    const updated = await this.#store.updateComplaint({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes,
      at: now,
      event: { at: now, actor, action: 'update', changes: diff },
    });
    const complaint = toComplaint(updated);
    await this.#changed(complaint);
    if (diff.owner && complaint.owner && complaint.owner !== actor) {
      await this.#notifyOwner(complaint, {
        what: 'assigned',
        description: `${shortRef(actor)} made you its owner.`,
      });
    }
    return complaint;
  }

  /**
   * Moves a complaint through its lifecycle. Its owners (`itsm.complaint.manage`) make every
   * move; the complainant may also accept a resolved complaint or send it back.
   */
  async transition(
    id: string,
    body: unknown,
    ctx: WriteContext,
  ): Promise<Complaint> {
    const input = parseInput(complaintTransitionSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'complaint');
    const record = await this.#readable(id, ctx);
    const actor = lower(actorOf(ctx.credentials));
    // The complainant's own moves carry at most a comment: reassigning or answering is the
    // owners' business.
    const byComplainant =
      actor === record.complainant &&
      isComplainantMove(record.status, input.to) &&
      input.owner === undefined &&
      input.response === undefined;
    if (!byComplainant) {
      await this.#access.requireUpdate(record, ctx.credentials);
    }
    const now = this.#now();
    const planned = await unlessStale(
      record,
      expected,
      () =>
        planComplaintTransition(
          record,
          input.to,
          { ...input, owner: input.owner && lower(input.owner) },
          { now },
        ),
      PREFIX,
    );
    const changes: Partial<ComplaintFields> = {
      ...planned,
      resolvedAt: toDateField(planned.resolvedAt),
      closedAt: toDateField(planned.closedAt),
    };
    const updated = await this.#store.updateComplaint({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes,
      at: now,
      event: {
        at: now,
        actor,
        action: 'transition',
        changes: complaintChanges(record, changes),
        ...(input.comment ? { comment: input.comment } : {}),
      },
    });
    const complaint = toComplaint(updated);
    await this.#changed(complaint);
    await this.#notifyMove(record, complaint, actor, input.comment);
    return complaint;
  }

  /**
   * The complaints of a service for `[from, to)` as a report or the review pack shows them:
   * counted in SQL (raised in the period, open at its end, resolved in it, escalated in it)
   * and the complaints raised in it or still open at its end, newest first, at most 50. Read
   * as the plugin: whoever may read the pack sees its complaints.
   */
  async summary(options: {
    entityRef: string;
    from: Date;
    to: Date;
  }): Promise<ComplaintSummary> {
    const { from, to } = options;
    if (!(from.getTime() < to.getTime())) {
      throw new InputError('from must be before to');
    }
    let entityRef: string;
    try {
      entityRef = canonicalEntityRef(options.entityRef);
    } catch {
      throw new InputError(
        `entityRef: '${options.entityRef}' is not an entity ref`,
      );
    }
    const [counts, records] = await Promise.all([
      this.#store.countComplaints({ entityRef, from, to }),
      this.#store.periodComplaints({
        entityRef,
        from,
        to,
        limit: SUMMARY_ITEMS_LIMIT,
      }),
    ]);
    return {
      ...counts,
      items: records.map(record => ({
        id: complaintRecordType.id(record.seq),
        title: record.title,
        status: record.status,
        owner: record.owner,
        raisedAt: record.createdAt.toISOString(),
        resolvedAt: record.resolvedAt?.toISOString() ?? null,
        closedAt: record.closedAt?.toISOString() ?? null,
        escalated: record.escalatedAt !== null,
      })),
    };
  }

  /** Complaints take links; changing them needs `itsm.complaint.manage` on the complaint. */
  linkable(): LinkableRecordType {
    return linkableRecordType({
      table: complaintTable,
      read: (id, ctx) => this.#readable(id, ctx),
      access: this.#access,
    });
  }

  /** True while no complaint exists. */
  isEmpty(): Promise<boolean> {
    return this.#store.isEmpty();
  }

  /** Publishes the complaint's new version (after a commit). */
  async changed(complaint: Pick<Complaint, 'id' | 'version'>): Promise<void> {
    await this.#changed(complaint);
  }

  async #notifyMove(
    before: ComplaintRecord,
    complaint: Complaint,
    actor: string,
    comment?: string,
  ): Promise<void> {
    if (complaint.status === 'resolved' && complaint.complainant !== actor) {
      await this.#notifier.notify(
        `notify ${complaint.complainant} that ${complaint.id} was answered`,
        { type: 'entity', entityRef: complaint.complainant },
        {
          title: `Your complaint ${complaint.id} was answered`,
          description: `${complaint.title}: accept the response or tell the owner why it is not enough.`,
          link: complaintLink(complaint.id),
          severity: 'normal',
          topic: 'itsm-complaint-resolved',
          scope: `itsm:complaint:${complaint.id}:resolved:${complaint.version}`,
        },
      );
    }
    if (
      before.status === 'resolved' &&
      complaint.status === 'investigating' &&
      actor === complaint.complainant
    ) {
      await this.#notifyOwner(complaint, {
        what: `reopened:${complaint.version}`,
        description: `${shortRef(actor)} is not satisfied with the response${
          comment ? `: ${comment}` : ''
        }`,
      });
    } else if (complaint.owner !== before.owner && complaint.owner !== actor) {
      await this.#notifyOwner(complaint, {
        what: 'assigned',
        description: `${shortRef(actor)} made you its owner.`,
      });
    }
  }

  async #notifyOwner(
    complaint: Complaint,
    options: { what: string; description: string },
  ): Promise<void> {
    if (!complaint.owner) return;
    await this.#notifier.notify(
      `notify ${complaint.owner} of ${complaint.id}`,
      { type: 'entity', entityRef: complaint.owner },
      {
        title: `Complaint ${complaint.id}: ${complaint.title}`,
        description: options.description,
        link: complaintLink(complaint.id),
        severity: 'normal',
        topic: 'itsm-complaint',
        scope: `itsm:complaint:${complaint.id}:${options.what}`,
      },
    );
  }

  async #readable(id: string, ctx: RequestContext): Promise<ComplaintRecord> {
    return this.#access.readable({
      id,
      label: 'Complaint',
      parse: complaintRecordType.parse,
      credentials: ctx.credentials,
      load: (seq, permissionFilter) =>
        this.#store.getComplaint(seq, permissionFilter),
    });
  }

  async #changed(complaint: Pick<Complaint, 'id' | 'version'>): Promise<void> {
    await this.#notifier.changed({
      record: complaint,
      recordChannel: complaintSignalChannel(complaint.id),
      collectionChannel: COMPLAINTS_SIGNAL_CHANNEL,
    });
  }
}

/** `user:default/sofia.rossi` → `sofia.rossi`. */
function shortRef(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}
