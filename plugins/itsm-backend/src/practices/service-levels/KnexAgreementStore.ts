import { toDate } from '../../records/rows';
import {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';
import {
  DatabaseService,
  isDatabaseConflictError,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { SupportingAgreementKind } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import {
  AgreementListOptions,
  AgreementRecord,
  AgreementStore,
  AgreementType,
  AgreementUpdate,
  NewAgreement,
  RevisionRecord,
  SlaRecord,
  SlaTerms,
  SupportingAgreementRecord,
  SupportingTerms,
} from './AgreementStore';
import { decodeCursor, encodeCursor } from '../../records/cursor';

/** Tables of service level agreements. */
import { KnexRecordTable } from '../../records/recordTable';
import {
  slaRecordType,
  slaTable,
  supportingAgreementRecordType,
  supportingAgreementTable,
} from './serviceLevelRecordTypes';

export const AGREEMENT_TABLES = {
  slas: 'itsm_slas',
  supporting: 'itsm_supporting_agreements',
  links: 'itsm_supporting_agreement_slas',
  revisions: 'itsm_agreement_revisions',
} as const;

/** `record_type` of SLAs and supporting agreements in the shared history table. */
export const SLA_RECORD_TYPE = slaRecordType.recordType;
export const SUPPORTING_AGREEMENT_RECORD_TYPE =
  supportingAgreementRecordType.recordType;

const { slas: SLAS, supporting: SUPPORTING, links: LINKS } = AGREEMENT_TABLES;
const REVISIONS = AGREEMENT_TABLES.revisions;

type Db = Knex | Knex.Transaction;
type Row = Record<string, any>;

const RECORD_TABLE_OF: Record<AgreementType, KnexRecordTable> = {
  sla: slaTable,
  supporting: supportingAgreementTable,
};

const optionalDate = (value: unknown) =>
  value === null || value === undefined ? null : toDate(value);

function parseTerms<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function toRecord<T>(row: Row): AgreementRecord<T> {
  return {
    seq: Number(row.seq),
    version: Number(row.version),
    revision: Number(row.revision),
    entityRef: row.entity_ref,
    ownerRef: row.owner_ref ?? null,
    terms: parseTerms<T>(row.terms),
    effectiveFrom: toDate(row.effective_from),
    effectiveTo: optionalDate(row.effective_to),
    lastReviewedAt: optionalDate(row.last_reviewed_at),
    createdAt: toDate(row.created_at),
    createdBy: row.created_by,
    updatedAt: toDate(row.updated_at),
  };
}

function headerRow(
  agreement: NewAgreement<{ title: string }>,
  createdAt: Date,
  createdBy: string,
) {
  return {
    version: 1,
    revision: 1,
    entity_ref: agreement.entityRef,
    owner_ref: agreement.ownerRef,
    title: agreement.terms.title,
    terms: JSON.stringify(agreement.terms),
    effective_from: agreement.effectiveFrom,
    effective_to: agreement.effectiveTo,
    last_reviewed_at: agreement.lastReviewedAt,
    created_at: createdAt,
    created_by: createdBy,
    updated_at: createdAt,
  };
}

function revisionRow(
  type: AgreementType,
  seq: number,
  revision: RevisionRecord<unknown>,
) {
  return {
    agreement_type: type,
    agreement_seq: seq,
    revision: revision.revision,
    terms: JSON.stringify(revision.terms),
    effective_from: revision.effectiveFrom,
    effective_to: revision.effectiveTo,
    created_at: revision.createdAt,
    created_by: revision.createdBy,
  };
}

/**
 * Knex implementation of {@link AgreementStore}. It shares the plugin's database, whose
 * migrations the incident and change stores run.
 */
export class KnexAgreementStore implements AgreementStore {
  readonly #db: Knex;

  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexAgreementStore> {
    return new KnexAgreementStore(await options.database.getClient());
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async createSla(options: {
    sla: NewAgreement<SlaTerms>;
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
  }): Promise<SlaRecord> {
    const { sla, createdAt, createdBy, event } = options;
    try {
      return await this.#db.transaction(async tx => {
        const seq = await this.#insertAgreement(tx, {
          type: 'sla',
          header: headerRow(sla, createdAt, createdBy),
          agreement: sla,
          createdAt,
          createdBy,
          event,
        });
        return (await readSla(tx, seq))!;
      });
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        throw new ConflictError(`${sla.entityRef} already has an SLA`);
      }
      throw error;
    }
  }

  async getSla(seq: number): Promise<SlaRecord | undefined> {
    return readSla(this.#db, seq);
  }

  async getSlaByEntity(entityRef: string): Promise<SlaRecord | undefined> {
    const row = await this.#db(SLAS).where('entity_ref', entityRef).first();
    return row ? toRecord<SlaTerms>(row) : undefined;
  }

  async listSlas(options: AgreementListOptions): Promise<StorePage<SlaRecord>> {
    const query = this.#db(SLAS).select('*');
    if (options.entityRefs?.length) {
      query.whereIn('entity_ref', options.entityRefs);
    }
    return page(query, options, async rows => rows.map(toRecord<SlaTerms>));
  }

  async existingSlaSeqs(seqs: number[]): Promise<number[]> {
    if (seqs.length === 0) {
      return [];
    }
    const rows = await this.#db(SLAS).whereIn('seq', seqs).select('seq');
    return rows.map(row => Number(row.seq));
  }

  async updateSla(options: AgreementUpdate<SlaTerms>): Promise<SlaRecord> {
    return this.#db.transaction(async tx => {
      await this.#updateAgreement(tx, 'sla', options);
      return (await readSla(tx, options.seq))!;
    });
  }

  async recordSlaReview(options: {
    seq: number;
    reviewedAt: Date;
    at: Date;
    event: Omit<NewHistoryEvent, 'changes'>;
    tx?: Knex.Transaction;
  }): Promise<boolean> {
    const write = async (tx: Knex.Transaction) => {
      const version = await slaTable.lock(tx, options.seq);
      const row = await tx(SLAS)
        .first('last_reviewed_at')
        .where('seq', options.seq);
      if (version === undefined || !row) {
        throw new NotFoundError(`${slaRecordType.id(options.seq)} not found`);
      }
      const last = optionalDate(row.last_reviewed_at);
      if (last && last.getTime() >= options.reviewedAt.getTime()) {
        return false;
      }
      await slaTable.update(tx, {
        seq: options.seq,
        expectedVersion: version,
        row: { last_reviewed_at: options.reviewedAt, updated_at: options.at },
        event: {
          ...options.event,
          changes: {
            lastReviewedAt: [
              last?.toISOString() ?? null,
              options.reviewedAt.toISOString(),
            ],
          },
        },
      });
      return true;
    };
    return options.tx ? write(options.tx) : this.#db.transaction(write);
  }

  async createSupportingAgreement(options: {
    agreement: NewAgreement<SupportingTerms> & {
      kind: SupportingAgreementKind;
      slaSeqs: number[];
    };
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
  }): Promise<SupportingAgreementRecord> {
    const { agreement, createdAt, createdBy, event } = options;
    return this.#db.transaction(async tx => {
      const seq = await this.#insertAgreement(tx, {
        type: 'supporting',
        header: {
          ...headerRow(agreement, createdAt, createdBy),
          kind: agreement.kind,
        },
        agreement,
        createdAt,
        createdBy,
        event,
      });
      await replaceLinks(tx, seq, agreement.slaSeqs);
      return (await readSupporting(tx, [seq]))[0];
    });
  }

  async getSupportingAgreement(
    seq: number,
  ): Promise<SupportingAgreementRecord | undefined> {
    return (await readSupporting(this.#db, [seq]))[0];
  }

  async listSupportingAgreements(
    options: AgreementListOptions & {
      slaSeqs?: number[];
      kinds?: SupportingAgreementKind[];
    },
  ): Promise<StorePage<SupportingAgreementRecord>> {
    const db = this.#db;
    const query = db(SUPPORTING).select('*');
    if (options.entityRefs?.length) {
      query.whereIn('entity_ref', options.entityRefs);
    }
    if (options.kinds?.length) {
      query.whereIn('kind', options.kinds);
    }
    if (options.slaSeqs?.length) {
      query.whereIn(
        'seq',
        db(LINKS).select('agreement_seq').whereIn('sla_seq', options.slaSeqs),
      );
    }
    return page(query, options, rows => hydrateSupporting(db, rows));
  }

  async listSupportingAgreementsOfSla(
    slaSeq: number,
  ): Promise<SupportingAgreementRecord[]> {
    const db = this.#db;
    const rows = await db(SUPPORTING)
      .whereIn(
        'seq',
        db(LINKS).select('agreement_seq').where('sla_seq', slaSeq),
      )
      .orderBy('seq', 'asc');
    return hydrateSupporting(db, rows);
  }

  async updateSupportingAgreement(
    options: AgreementUpdate<SupportingTerms> & { slaSeqs?: number[] },
  ): Promise<SupportingAgreementRecord> {
    return this.#db.transaction(async tx => {
      await this.#updateAgreement(tx, 'supporting', options);
      if (options.slaSeqs) {
        await replaceLinks(tx, options.seq, options.slaSeqs);
      }
      return (await readSupporting(tx, [options.seq]))[0];
    });
  }

  async listRevisions<T>(options: {
    type: AgreementType;
    seq: number;
  }): Promise<RevisionRecord<T>[]> {
    const rows = await this.#db(REVISIONS)
      .where({ agreement_type: options.type, agreement_seq: options.seq })
      .orderBy('revision', 'asc');
    return rows.map(row => ({
      revision: Number(row.revision),
      terms: parseTerms<T>(row.terms),
      effectiveFrom: toDate(row.effective_from),
      effectiveTo: optionalDate(row.effective_to),
      createdAt: toDate(row.created_at),
      createdBy: row.created_by,
    }));
  }

  async listHistory(options: {
    type: AgreementType;
    seq: number;
    limit: number;
    cursor?: string;
  }): Promise<StorePage<HistoryEventRecord>> {
    const { type, ...rest } = options;
    return RECORD_TABLE_OF[type].history(this.#db, rest);
  }

  async #insertAgreement(
    tx: Knex.Transaction,
    options: {
      type: AgreementType;
      header: Row;
      agreement: NewAgreement<unknown>;
      createdAt: Date;
      createdBy: string;
      event: NewHistoryEvent;
    },
  ): Promise<number> {
    const { type, agreement } = options;
    const seq = await RECORD_TABLE_OF[type].insert(
      tx,
      options.header,
      options.event,
    );
    await tx(REVISIONS).insert(
      revisionRow(type, seq, {
        revision: 1,
        terms: agreement.terms,
        effectiveFrom: agreement.effectiveFrom,
        effectiveTo: agreement.effectiveTo,
        createdAt: options.createdAt,
        createdBy: options.createdBy,
      }),
    );
    return seq;
  }

  async #updateAgreement(
    tx: Knex.Transaction,
    type: AgreementType,
    options: AgreementUpdate<unknown>,
  ): Promise<void> {
    const { seq, expectedVersion, revision, event } = options;
    const changes: Row = { updated_at: options.at };
    if (options.ownerRef !== undefined) {
      changes.owner_ref = options.ownerRef;
    }
    if (options.lastReviewedAt !== undefined) {
      changes.last_reviewed_at = options.lastReviewedAt;
    }
    if (revision) {
      Object.assign(changes, {
        revision: revision.revision,
        title: (revision.terms as { title: string }).title,
        terms: JSON.stringify(revision.terms),
        effective_from: revision.effectiveFrom,
        effective_to: revision.effectiveTo,
      });
    }
    // The revision rows follow the versioned update, inside the same transaction.
    await RECORD_TABLE_OF[type].update(tx, {
      seq,
      expectedVersion,
      row: changes,
      event,
      label: type === 'sla' ? undefined : `Supporting agreement ${seq}`,
    });
    if (revision) {
      if (revision.closePreviousAt) {
        await tx(REVISIONS)
          .where({
            agreement_type: type,
            agreement_seq: seq,
            revision: revision.revision - 1,
          })
          .update({ effective_to: revision.closePreviousAt });
      }
      await tx(REVISIONS).insert(revisionRow(type, seq, revision));
    }
  }
}

async function readSla(db: Db, seq: number): Promise<SlaRecord | undefined> {
  const row = await db(SLAS).where('seq', seq).first();
  return row ? toRecord<SlaTerms>(row) : undefined;
}

async function readSupporting(
  db: Db,
  seqs: number[],
): Promise<SupportingAgreementRecord[]> {
  return hydrateSupporting(db, await db(SUPPORTING).whereIn('seq', seqs));
}

async function hydrateSupporting(
  db: Db,
  rows: Row[],
): Promise<SupportingAgreementRecord[]> {
  if (rows.length === 0) {
    return [];
  }
  const links = await db(LINKS)
    .whereIn(
      'agreement_seq',
      rows.map(row => Number(row.seq)),
    )
    .orderBy('sla_seq', 'asc');
  const slaSeqs = new Map<number, number[]>();
  for (const link of links) {
    const seq = Number(link.agreement_seq);
    slaSeqs.set(seq, [...(slaSeqs.get(seq) ?? []), Number(link.sla_seq)]);
  }
  return rows.map(row => ({
    ...toRecord<SupportingTerms>(row),
    kind: row.kind,
    slaSeqs: slaSeqs.get(Number(row.seq)) ?? [],
  }));
}

async function replaceLinks(
  tx: Knex.Transaction,
  seq: number,
  slaSeqs: number[],
): Promise<void> {
  await tx(LINKS).where({ agreement_seq: seq }).delete();
  const unique = [...new Set(slaSeqs)];
  if (unique.length) {
    await tx(LINKS).insert(
      unique.map(slaSeq => ({ agreement_seq: seq, sla_seq: slaSeq })),
    );
  }
}

/** A keyset page on `seq` of `query`, hydrated by `hydrate`. */
async function page<T extends { seq: number }>(
  query: Knex.QueryBuilder,
  options: AgreementListOptions,
  hydrate: (rows: Row[]) => Promise<T[]>,
): Promise<StorePage<T>> {
  const { order, limit } = options;
  if (options.cursor) {
    query.where(
      'seq',
      order === 'asc' ? '>' : '<',
      decodeCursor(options.cursor, order).seq,
    );
  }
  const rows: Row[] = await query.orderBy('seq', order).limit(limit + 1);
  const items = await hydrate(rows.slice(0, limit));
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ seq: last.seq, order })
        : null,
  };
}
