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
import { withAudit } from './audit';
import { RequestContext, actorOf } from './context';
import { credentialsOf } from './http';
import { historyQuerySchema, parseInput } from './parse';
import { KnexRecordTable, keysetPage } from './recordTable';
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
}

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
    const at = this.#now();
    const actor = actorOf(ctx.credentials);
    const fromId = type.table.type.id(seq);
    const toId = targetType.table.type.id(target.seq);
    try {
      return await this.#db.transaction(async tx => {
        const [inserted] = await tx(LINKS)
          .insert({
            from_type: type.table.type.recordType,
            from_seq: seq,
            to_type: targetType.table.type.recordType,
            to_seq: target.seq,
            relation: input.relation,
            created_at: at,
            created_by: actor,
          })
          .returning('seq');
        const linkSeq = Number(
          typeof inserted === 'object' ? inserted.seq : inserted,
        );
        const text = `${input.relation} ${toId}`;
        await this.#event(tx, type, seq, {
          at,
          actor,
          action: 'linked',
          changes: { links: [null, text] },
        });
        await this.#event(tx, targetType, target.seq, {
          at,
          actor,
          action: 'linked',
          changes: { links: [null, `${fromId} ${input.relation} this`] },
        });
        return this.#toWire(
          {
            seq: linkSeq,
            fromType: type.table.type.recordType,
            fromSeq: seq,
            toType: targetType.table.type.recordType,
            toSeq: target.seq,
            relation: input.relation,
            createdAt: at,
            createdBy: actor,
          },
          'outgoing',
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`${fromId} already ${input.relation} ${toId}`);
      }
      throw error;
    }
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

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'ER_DUP_ENTRY' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
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
 * caller may see it (throwing `NotFoundError` or `NotAllowedError` otherwise) and
 * `requireWrite` throws unless the caller may change it.
 */
export function linkableRecordType(options: {
  table: KnexRecordTable;
  read: (id: string, ctx: RequestContext) => Promise<unknown>;
  requireWrite: (id: string, ctx: RequestContext) => Promise<void>;
}): LinkableRecordType {
  const { table } = options;
  return {
    table,
    async mayRead(seq, ctx) {
      try {
        await options.read(table.type.id(seq), ctx);
        return true;
      } catch (error) {
        const name = (error as Error)?.name;
        if (name === 'NotFoundError' || name === 'NotAllowedError') {
          return false;
        }
        throw error;
      }
    },
    requireLinkWrite: (seq, ctx) =>
      options.requireWrite(table.type.id(seq), ctx),
  };
}
