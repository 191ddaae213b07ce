import { Knex } from 'knex';

/**
 * One table of entities attached to records, with the owner stored when the entity was
 * attached, and which of its records are still open.
 */
export interface OwnedEntityTable {
  /** For logs: `incident`, `change`. */
  name: string;
  table: string;
  /** The column holding the record's sequence number. */
  seqColumn: string;
  /** Only rows of this record type, for tables shared by several (`record_type`). */
  recordType?: string;
  /** The records' table and the statuses in which they are open. */
  records: string;
  openStatuses: readonly string[];
}

/** The stored owners of the entities of open records, and their update. */
export class KnexOwnerRefStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  #openRows(spec: OwnedEntityTable) {
    const db = this.#db;
    const query = db(spec.table).whereIn(
      spec.seqColumn,
      db(spec.records).select('seq').whereIn('status', spec.openStatuses),
    );
    if (spec.recordType) {
      query.where('record_type', spec.recordType);
    }
    return query;
  }

  /** The distinct entities of open records, ascending, after `after`. */
  async listEntityRefs(
    spec: OwnedEntityTable,
    options: { after?: string; limit: number },
  ): Promise<string[]> {
    const query = this.#openRows(spec)
      .distinct('entity_ref')
      .orderBy('entity_ref')
      .limit(options.limit);
    if (options.after !== undefined) {
      query.where('entity_ref', '>', options.after);
    }
    return (await query).map(row => row.entity_ref);
  }

  /** Sets the owner of an entity on the open records that store another; the rows changed. */
  async setOwner(
    spec: OwnedEntityTable,
    entityRef: string,
    ownerRef: string | null,
  ): Promise<number> {
    const query = this.#openRows(spec).where('entity_ref', entityRef);
    if (ownerRef === null) {
      query.whereNotNull('owner_ref');
    } else {
      query.where(q =>
        q.whereNull('owner_ref').orWhereNot('owner_ref', ownerRef),
      );
    }
    return query.update({ owner_ref: ownerRef });
  }
}
