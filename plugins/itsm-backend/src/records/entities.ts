import { Knex } from 'knex';
import { RECORD_TABLES } from './tables';

const ENTITIES = RECORD_TABLES.entities;

/** A catalog entity a record is filed under, with its owner when it was filed (lowercase). */
export interface FiledEntity {
  entityRef: string;
  ownerRef: string | null;
}

/**
 * Files a record under `entities` in the shared entity table, replacing what it was filed
 * under; the first one is its primary entity. Part of the caller's write transaction.
 */
export async function replaceRecordEntities(
  tx: Knex | Knex.Transaction,
  recordType: string,
  seq: number,
  entities: readonly FiledEntity[],
): Promise<void> {
  await tx(ENTITIES)
    .where({ record_type: recordType, record_seq: seq })
    .delete();
  if (entities.length) {
    await tx(ENTITIES).insert(
      entities.map((e, i) => ({
        record_type: recordType,
        record_seq: seq,
        entity_ref: e.entityRef,
        owner_ref: e.ownerRef,
        is_primary: i === 0,
      })),
    );
  }
}

/**
 * The entities records of `recordType` are filed under, by sequence number: the primary one
 * first, then by ref. Records filed under none are absent from the map.
 */
export async function readRecordEntities(
  db: Knex | Knex.Transaction,
  recordType: string,
  seqs: readonly number[],
): Promise<Map<number, FiledEntity[]>> {
  const result = new Map<number, FiledEntity[]>();
  if (seqs.length === 0) return result;
  const rows = await db(ENTITIES)
    .select('record_seq', 'entity_ref', 'owner_ref', 'is_primary')
    .where('record_type', recordType)
    .whereIn('record_seq', seqs);
  rows.sort(
    (a, b) =>
      Number(b.is_primary) - Number(a.is_primary) ||
      String(a.entity_ref).localeCompare(String(b.entity_ref)),
  );
  for (const row of rows) {
    const seq = Number(row.record_seq);
    const list = result.get(seq) ?? [];
    list.push({ entityRef: row.entity_ref, ownerRef: row.owner_ref ?? null });
    result.set(seq, list);
  }
  return result;
}

/** The owners of filed entities, those without one left out. */
export function ownersOf(entities: readonly FiledEntity[]): string[] {
  return entities
    .map(e => e.ownerRef)
    .filter((owner): owner is string => !!owner);
}
