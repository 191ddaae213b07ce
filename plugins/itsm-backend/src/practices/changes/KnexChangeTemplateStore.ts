import { toDate } from '../../records/rows';
import {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  ChangeTemplateFields,
  ChangeTemplateRecord,
  ChangeTemplateStore,
} from './ChangeTemplateStore';
import { decodeCursor, encodeCursor } from '../../records/cursor';
import { readHistoryPage } from '../../records/history';
import {
  CHANGE_TEMPLATE_RECORD_TYPE,
  CHANGE_TABLES as TABLES,
  changeTemplateTable,
} from './changeRecordTypes';

const TEMPLATES = TABLES.changeTemplates;
const ENTITIES = TABLES.changeTemplateEntities;

const COLUMNS: Record<
  Exclude<keyof ChangeTemplateFields, 'entityRefs'>,
  string
> = {
  title: 'title',
  description: 'description',
  owner: 'owner',
  implementationPlan: 'implementation_plan',
  backoutPlan: 'backout_plan',
  testPlan: 'test_plan',
  durationMinutes: 'duration_minutes',
  active: 'active',
};

type Db = Knex | Knex.Transaction;

function toRow(fields: Partial<ChangeTemplateFields>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMNS)) {
    const value = fields[key as keyof typeof COLUMNS];
    if (value !== undefined) {
      row[column] = value;
    }
  }
  return row;
}

/**
 * Knex implementation of {@link ChangeTemplateStore}. It shares the database
 * of the change store, whose `create` runs the migrations.
 */
export class KnexChangeTemplateStore implements ChangeTemplateStore {
  readonly #db: Knex;

  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexChangeTemplateStore> {
    return new KnexChangeTemplateStore(await options.database.getClient());
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async createTemplate(options: {
    template: ChangeTemplateFields;
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
  }): Promise<ChangeTemplateRecord> {
    return this.#db.transaction(async tx => {
      const seq = await changeTemplateTable.insert(
        tx,
        {
          ...toRow(options.template),
          created_at: options.createdAt,
          created_by: options.createdBy,
          updated_at: options.createdAt,
        },
        options.event,
      );
      await replaceEntities(tx, seq, options.template.entityRefs);
      return (await readTemplate(tx, seq))!;
    });
  }

  async getTemplate(seq: number): Promise<ChangeTemplateRecord | undefined> {
    return readTemplate(this.#db, seq);
  }

  async listTemplates(options: {
    entityRefs?: string[];
    active?: boolean;
    limit: number;
    cursor?: string;
  }): Promise<StorePage<ChangeTemplateRecord>> {
    const db = this.#db;
    const query = db(TEMPLATES).select(`${TEMPLATES}.*`);
    if (options.entityRefs?.length) {
      // Usable on the entity: listed for it, or listed for no entity at all.
      query.where(inner =>
        inner
          .whereIn(
            'seq',
            db(ENTITIES)
              .select('template_seq')
              .whereIn('entity_ref', options.entityRefs!),
          )
          .orWhereNotIn('seq', db(ENTITIES).select('template_seq')),
      );
    }
    if (options.active !== undefined) {
      query.where('active', options.active);
    }
    if (options.cursor) {
      query.where('seq', '<', decodeCursor(options.cursor, 'desc').seq);
    }
    const rows = await query.orderBy('seq', 'desc').limit(options.limit + 1);
    const items = await hydrate(db, rows.slice(0, options.limit));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > options.limit && last
          ? encodeCursor({ seq: last.seq, order: 'desc' })
          : null,
    };
  }

  async updateTemplate(options: {
    seq: number;
    expectedVersion: number;
    changes: Partial<ChangeTemplateFields>;
    event: NewHistoryEvent;
  }): Promise<ChangeTemplateRecord> {
    const { seq, expectedVersion, changes, event } = options;
    return this.#db.transaction(async tx => {
      await changeTemplateTable.update(tx, {
        seq,
        expectedVersion,
        row: { ...toRow(changes), updated_at: event.at },
        event,
      });
      if (changes.entityRefs) {
        await replaceEntities(tx, seq, changes.entityRefs);
      }
      return (await readTemplate(tx, seq))!;
    });
  }

  async listHistory(options: {
    seq: number;
    limit: number;
    cursor?: string;
  }): Promise<StorePage<HistoryEventRecord>> {
    return readHistoryPage(this.#db, {
      recordType: CHANGE_TEMPLATE_RECORD_TYPE,
      ...options,
    });
  }
}

async function readTemplate(
  db: Db,
  seq: number,
): Promise<ChangeTemplateRecord | undefined> {
  const row = await db(TEMPLATES).where('seq', seq).first();
  return row ? (await hydrate(db, [row]))[0] : undefined;
}

async function hydrate(
  db: Db,
  rows: Array<Record<string, any>>,
): Promise<ChangeTemplateRecord[]> {
  if (rows.length === 0) {
    return [];
  }
  const entityRows = await db(ENTITIES)
    .whereIn(
      'template_seq',
      rows.map(row => Number(row.seq)),
    )
    .orderBy('entity_ref');
  const refs = new Map<number, string[]>();
  for (const row of entityRows) {
    const seq = Number(row.template_seq);
    refs.set(seq, [...(refs.get(seq) ?? []), row.entity_ref]);
  }
  return rows.map(row => ({
    seq: Number(row.seq),
    version: Number(row.version),
    title: row.title,
    description: row.description,
    owner: row.owner,
    entityRefs: refs.get(Number(row.seq)) ?? [],
    implementationPlan: row.implementation_plan,
    backoutPlan: row.backout_plan,
    testPlan: row.test_plan,
    durationMinutes: Number(row.duration_minutes),
    active: Boolean(row.active),
    createdAt: toDate(row.created_at),
    createdBy: row.created_by,
    updatedAt: toDate(row.updated_at),
  }));
}

async function replaceEntities(
  tx: Knex.Transaction,
  seq: number,
  entityRefs: string[],
): Promise<void> {
  await tx(ENTITIES).where({ template_seq: seq }).delete();
  if (entityRefs.length) {
    await tx(ENTITIES).insert(
      entityRefs.map(ref => ({ template_seq: seq, entity_ref: ref })),
    );
  }
}
