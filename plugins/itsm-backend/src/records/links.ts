import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Page,
  RecordLink,
  RecordLinkRelation,
  parseRecordId,
  recordLinkCreateSchema,
} from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import { ifReadable } from './access';
import { withAudit } from './audit';
import { RequestContext, actorOf } from './context';
import { credentialsOf } from './http';
import { historyQuerySchema, parseInput } from './parse';
import { KnexRecordTable, keysetPage } from './recordTable';
import { isUniqueViolation } from './database';
import { toDate } from './rows';
import { RECORD_TABLES } from './tables';

const LINKS = RECORD_TABLES.links;

/**
 * A record type that takes links, as its practice registers it: its table (for the row lock
 * and the history event) and who may see and change it.
 */
export interface LinkableRecordType {
  table: KnexRecordTable;
  /** Whether the record exists and the caller may read it (false: 404 / not listed). */
  mayRead(seq: number, ctx: RequestContext): Promise<boolean>;
  /** Throws `NotAllowedError` unless the caller may change the record's links. */
  requireLinkWrite(seq: number, ctx: RequestContext): Promise<void>;
}

/** A stored link. */
interface LinkRow {
  seq: number;
  fromType: string;
  fromSeq: number;
  toType: string;
  toSeq: number;
  relation: RecordLinkRelation;
  createdAt: Date;
  createdBy: string;
  note: string | null;
}

/** A stored link as a practice reads it (its own reads, not the caller's). */
export type StoredRecordLink = LinkRow;

const LINK_ID = /^[1-9]\d{0,9}$/;

function rowToLink(row: Record<string, any>): LinkRow {
  return {
    seq: Number(row.seq),
    fromType: row.from_type,
    fromSeq: Number(row.from_seq),
    toType: row.to_type,
    toSeq: Number(row.to_seq),
    relation: row.relation,
    createdAt: toDate(row.created_at),
    createdBy: row.created_by,
    note: row.note ?? null,
  };
}

/**
 * Links between records of any practice: `GET/POST /{collection}/{id}/links` and
 * `DELETE /{collection}/{id}/links/{linkId}`. A link is made on one record and points at
 * another; both list it. Linking and unlinking take no `If-Match` and bump no version (like
 * work notes), and each appends a history event to both records in one transaction. A caller
 * sees only the links whose other record they may read, and may link only to records they may
 * read, so links reveal nothing about records hidden from them.
 */
export class RecordLinkService {
  readonly #db: Knex;
  readonly #types = new Map<string, LinkableRecordType>();
  readonly #now: () => Date;

  constructor(options: { db: Knex; now?: () => Date }) {
    this.#db = options.db;
    this.#now = options.now ?? (() => new Date());
  }

  /** Registers a record type as linkable. */
  register(type: LinkableRecordType): void {
    this.#types.set(type.table.type.recordType, type);
  }

  /**
   * A copy whose record types are these where given and the registered ones otherwise: imports
   * link through the quiet copies of the practices' services (their own permissions), not
   * through the types registered with the caller-facing permissions, at the import's clock.
   */
  withTypes(
    types: readonly LinkableRecordType[],
    options: {
      /** The clock of the links it makes (an import's), when not this service's. */
      now?: () => Date;
    } = {},
  ): RecordLinkService {
    const copy = new RecordLinkService({
      db: this.#db,
      now: options.now ?? this.#now,
    });
    for (const type of [...this.#types.values(), ...types]) {
      copy.register(type);
    }
    return copy;
  }

  /** The registered record types, by collection. */
  collections(): Array<{ collection: string; type: LinkableRecordType }> {
    return [...this.#types.values()].map(type => ({
      collection: type.table.type.collection,
      type,
    }));
  }

  #typeOfPrefix(prefix: string): LinkableRecordType | undefined {
    return [...this.#types.values()].find(t => {
      const p = t.table.type.prefix;
      // OLAs and UCs share one table and sequence.
      return p === prefix || (p === 'OLA' && prefix === 'UC');
    });
  }

  #idOf(recordType: string, seq: number): string {
    const type = this.#types.get(recordType);
    return type ? type.table.type.id(seq) : `${recordType}-${seq}`;
  }

  async #readable(
    type: LinkableRecordType,
    id: string,
    ctx: RequestContext,
  ): Promise<number> {
    const seq = type.table.type.parse(id) ?? parseUc(type, id);
    if (seq === undefined || !(await type.mayRead(seq, ctx))) {
      throw new NotFoundError(`${id} not found`);
    }
    return seq;
  }

  async list(
    type: LinkableRecordType,
    id: string,
    query: unknown,
    ctx: RequestContext,
  ): Promise<Page<RecordLink>> {
    const { limit, cursor } = parseInput(historyQuerySchema, query, 'query');
    const seq = await this.#readable(type, id, ctx);
    const recordType = type.table.type.recordType;
    const db = this.#db;
    const page = await keysetPage(
      db(LINKS).where(inner =>
        inner
          .where({ from_type: recordType, from_seq: seq })
          .orWhere({ to_type: recordType, to_seq: seq }),
      ),
      { order: 'asc', limit, cursor },
      rows => rows.map(rowToLink),
    );
    const items: RecordLink[] = [];
    for (const link of page.items) {
      const outgoing = link.fromType === recordType && link.fromSeq === seq;
      const otherType = this.#types.get(outgoing ? link.toType : link.fromType);
      const otherSeq = outgoing ? link.toSeq : link.fromSeq;
      if (otherType && (await otherType.mayRead(otherSeq, ctx))) {
        items.push(this.#toWire(link, outgoing ? 'outgoing' : 'incoming'));
      }
    }
    return { items, nextCursor: page.nextCursor };
  }

  async create(
    type: LinkableRecordType,
    id: string,
    body: unknown,
    ctx: RequestContext,
  ): Promise<RecordLink> {
    const input = parseInput(recordLinkCreateSchema, body, 'body');
    const seq = await this.#readable(type, id, ctx);
    await type.requireLinkWrite(seq, ctx);
    const target = parseRecordId(input.to)!;
    const targetType = this.#typeOfPrefix(target.prefix);
    if (
      !targetType ||
      target.prefix === 'VER' ||
      !(await targetType.mayRead(target.seq, ctx))
    ) {
      throw new InputError(`to: unknown record '${input.to}'`);
    }
    if (targetType === type && target.seq === seq) {
      throw new InputError('to: a record cannot link to itself');
    }
    return this.#db.transaction(tx =>
      this.insert(tx, {
        from: type,
        fromSeq: seq,
        to: targetType,
        toSeq: target.seq,
        relation: input.relation,
        note: input.note ?? null,
        actor: actorOf(ctx.credentials),
      }),
    );
  }

  /**
   * Links two records inside the caller's transaction (a practice linking as part of its own
   * write: a problem raised with its incidents, a known error from its problem), with the
   * history event on both records. A duplicate link is a 409. Permission checks are the
   * caller's.
   */
  async insert(
    tx: Knex.Transaction,
    link: {
      from: LinkableRecordType;
      fromSeq: number;
      to: LinkableRecordType;
      toSeq: number;
      relation: RecordLinkRelation;
      note?: string | null;
      actor: string;
      at?: Date;
    },
  ): Promise<RecordLink> {
    const { from, fromSeq, to, toSeq, relation, actor } = link;
    const at = link.at ?? this.#now();
    const note = link.note ?? null;
    const fromId = from.table.type.id(fromSeq);
    const toId = to.table.type.id(toSeq);
    let linkSeq: number;
    try {
      const [inserted] = await tx(LINKS)
        .insert({
          from_type: from.table.type.recordType,
          from_seq: fromSeq,
          to_type: to.table.type.recordType,
          to_seq: toSeq,
          relation,
          created_at: at,
          created_by: actor,
          note,
        })
        .returning('seq');
      linkSeq = Number(typeof inserted === 'object' ? inserted.seq : inserted);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`${fromId} already ${relation} ${toId}`);
      }
      throw error;
    }
    await this.#event(tx, from, fromSeq, {
      at,
      actor,
      action: 'linked',
      changes: { links: [null, `${relation} ${toId}`] },
      ...(note ? { comment: note } : {}),
    });
    await this.#event(tx, to, toSeq, {
      at,
      actor,
      action: 'linked',
      changes: { links: [null, `${fromId} ${relation} this`] },
      ...(note ? { comment: note } : {}),
    });
    return this.#toWire(
      {
        seq: linkSeq,
        fromType: from.table.type.recordType,
        fromSeq,
        toType: to.table.type.recordType,
        toSeq,
        relation,
        createdAt: at,
        createdBy: actor,
        note,
      },
      'outgoing',
    );
  }

  /**
   * Links two records inside the caller's transaction unless they are linked already (in
   * either direction, whatever the relation); returns whether it linked. Permission checks are
   * the caller's; a link made meanwhile by a concurrent writer is still a 409 from the insert.
   */
  async insertOnce(
    tx: Knex.Transaction,
    link: Parameters<RecordLinkService['insert']>[1],
  ): Promise<boolean> {
    const fromType = link.from.table.type.recordType;
    const toType = link.to.table.type.recordType;
    const existing = await this.linksOf(
      fromType,
      link.fromSeq,
      { otherType: toType },
      tx,
    );
    const linked = existing.some(l =>
      l.fromType === fromType && l.fromSeq === link.fromSeq
        ? l.toSeq === link.toSeq
        : l.fromSeq === link.toSeq,
    );
    if (linked) {
      return false;
    }
    await this.insert(tx, link);
    return true;
  }

  /**
   * The stored links of a record (either direction), optionally only those with the other
   * record of `otherType` and of a `relation`; oldest first. No permission filter: the
   * practice filters what it shows.
   */
  async linksOf(
    recordType: string,
    seq: number,
    filter: { otherType?: string; relation?: RecordLinkRelation } = {},
    db: Knex | Knex.Transaction = this.#db,
  ): Promise<StoredRecordLink[]> {
    const query = db(LINKS).where(inner => {
      inner
        .where(q => {
          q.where({ from_type: recordType, from_seq: seq });
          if (filter.otherType) q.andWhere('to_type', filter.otherType);
        })
        .orWhere(q => {
          q.where({ to_type: recordType, to_seq: seq });
          if (filter.otherType) q.andWhere('from_type', filter.otherType);
        });
    });
    if (filter.relation) {
      query.andWhere('relation', filter.relation);
    }
    const rows = await query.orderBy('seq', 'asc');
    return rows.map(rowToLink);
  }

  async remove(
    type: LinkableRecordType,
    id: string,
    linkId: string,
    ctx: RequestContext,
  ): Promise<void> {
    const seq = await this.#readable(type, id, ctx);
    const recordType = type.table.type.recordType;
    const row = LINK_ID.test(linkId)
      ? await this.#db(LINKS)
          .where('seq', Number(linkId))
          .andWhere(inner =>
            inner
              .where({ from_type: recordType, from_seq: seq })
              .orWhere({ to_type: recordType, to_seq: seq }),
          )
          .first()
      : undefined;
    if (!row) {
      throw new NotFoundError(`Link ${linkId} of ${id} not found`);
    }
    await type.requireLinkWrite(seq, ctx);
    const link = rowToLink(row);
    const at = this.#now();
    const actor = actorOf(ctx.credentials);
    const fromId = this.#idOf(link.fromType, link.fromSeq);
    const toId = this.#idOf(link.toType, link.toSeq);
    await this.#db.transaction(async tx => {
      const deleted = await tx(LINKS).where('seq', link.seq).delete();
      if (deleted === 0) {
        throw new NotFoundError(`Link ${linkId} of ${id} not found`);
      }
      const fromType = this.#types.get(link.fromType);
      const toType = this.#types.get(link.toType);
      if (fromType) {
        await this.#event(tx, fromType, link.fromSeq, {
          at,
          actor,
          action: 'unlinked',
          changes: { links: [`${link.relation} ${toId}`, null] },
        });
      }
      if (toType) {
        await this.#event(tx, toType, link.toSeq, {
          at,
          actor,
          action: 'unlinked',
          changes: { links: [`${fromId} ${link.relation} this`, null] },
        });
      }
    });
  }

  /** Appends a history event at the record's current version, under its row lock. */
  async #event(
    tx: Knex.Transaction,
    type: LinkableRecordType,
    seq: number,
    event: Parameters<KnexRecordTable['appendEvent']>[3],
  ): Promise<void> {
    const version = await type.table.lock(tx, seq);
    if (version === undefined) {
      throw new NotFoundError(`${type.table.type.id(seq)} not found`);
    }
    await type.table.appendEvent(tx, seq, version, event);
  }

  #toWire(link: LinkRow, direction: RecordLink['direction']): RecordLink {
    return {
      id: String(link.seq),
      from: this.#idOf(link.fromType, link.fromSeq),
      to: this.#idOf(link.toType, link.toSeq),
      relation: link.relation,
      direction,
      createdAt: link.createdAt.toISOString(),
      createdBy: link.createdBy,
      ...(link.note ? { note: link.note } : {}),
    };
  }
}

/** `UC-<n>` names a row of the supporting agreements table too. */
function parseUc(type: LinkableRecordType, id: string): number | undefined {
  if (type.table.type.prefix !== 'OLA') {
    return undefined;
  }
  const parsed = parseRecordId(id, ['UC']);
  return parsed?.seq;
}

/** Audit events of record links. */
export const linkAuditEvents = {
  fetch: { eventId: 'record-link-fetch', severityLevel: 'low' },
  mutate: { eventId: 'record-link-mutate', severityLevel: 'medium' },
} as const;

/** The link routes of every registered record type. */
export function createLinkRoutes(options: {
  links: RecordLinkService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { links, httpAuth, auditor } = options;
  const router = Router();
  for (const { collection, type } of links.collections()) {
    const path = `/${collection}/:id/links`;
    router.get(path, async (req, res) => {
      const ctx = await credentialsOf(httpAuth, req);
      res.json(
        await withAudit(
          auditor,
          {
            ...linkAuditEvents.fetch,
            request: req,
            meta: { recordId: req.params.id },
          },
          () => links.list(type, req.params.id, req.query, ctx),
        ),
      );
    });
    router.post(path, async (req, res) => {
      const ctx = await credentialsOf(httpAuth, req);
      const link = await withAudit(
        auditor,
        {
          ...linkAuditEvents.mutate,
          request: req,
          meta: { actionType: 'link', recordId: req.params.id },
          successMeta: (created: RecordLink) => ({
            linkId: created.id,
            to: created.to,
          }),
        },
        () => links.create(type, req.params.id, req.body, ctx),
      );
      res.status(201).json(link);
    });
    router.delete(`${path}/:linkId`, async (req: express.Request, res) => {
      const ctx = await credentialsOf(httpAuth, req);
      await withAudit(
        auditor,
        {
          ...linkAuditEvents.mutate,
          request: req,
          meta: {
            actionType: 'unlink',
            recordId: req.params.id,
            linkId: req.params.linkId,
          },
        },
        () => links.remove(type, req.params.id, req.params.linkId, ctx),
      );
      res.status(204).end();
    });
  }
  return router;
}

/**
 * A {@link LinkableRecordType} from a practice's own reads: `read` loads the record as the
 * caller may see it (throwing `NotFoundError` or `NotAllowedError` otherwise); changing its
 * links needs `requireWrite`, or, for record types whose access checks updates on the loaded
 * record, `access.requireUpdate` on what `read` returned.
 */
export function linkableRecordType<TRecord>(
  options: {
    table: KnexRecordTable;
    read: (id: string, ctx: RequestContext) => Promise<TRecord>;
  } & (
    | { requireWrite: (id: string, ctx: RequestContext) => Promise<void> }
    | {
        access: {
          requireUpdate(
            record: TRecord,
            credentials: RequestContext['credentials'],
          ): Promise<void>;
        };
      }
  ),
): LinkableRecordType {
  const { table } = options;
  const requireWrite =
    'requireWrite' in options
      ? options.requireWrite
      : async (id: string, ctx: RequestContext) =>
          options.access.requireUpdate(
            await options.read(id, ctx),
            ctx.credentials,
          );
  return {
    table,
    async mayRead(seq, ctx) {
      const read = await ifReadable(async () => {
        await options.read(table.type.id(seq), ctx);
        return true;
      });
      return read ?? false;
    },
    requireLinkWrite: (seq, ctx) => requireWrite(table.type.id(seq), ctx),
  };
}
