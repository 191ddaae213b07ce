import { TestDatabaseId } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { databases } from '../../__testUtils__/testBackend';
import { MIGRATIONS_DIR } from '../database';
import { KnexRecordTable } from '../recordTable';
import { defineRecordType } from '../recordType';

/** Two record types of the kernel's tests, each on a table of its own beside the shared ones. */
export const alphaType = defineRecordType({
  recordType: 'alpha',
  prefix: 'PRB',
  table: 'test_alphas',
  collection: 'alphas',
  noun: 'alpha',
});

export const betaType = defineRecordType({
  recordType: 'beta',
  prefix: 'CMP',
  table: 'test_betas',
  collection: 'betas',
  noun: 'beta',
});

export const alphaTable = new KnexRecordTable(alphaType);
export const betaTable = new KnexRecordTable(betaType);

/**
 * A migrated database with the two scratch tables: a sequence, a version, an integer `score`
 * and a nullable `due` date (`YYYY-MM-DD`).
 */
export async function scratchDatabase(
  databaseId: TestDatabaseId,
): Promise<Knex> {
  const knex = await databases.init(databaseId);
  await knex.migrate.latest({ directory: MIGRATIONS_DIR });
  for (const table of [alphaType.table, betaType.table]) {
    await knex.schema.createTable(table, t => {
      t.increments('seq');
      t.integer('version').notNullable();
      t.integer('score').notNullable().defaultTo(0);
      t.string('due', 10).nullable();
    });
  }
  return knex;
}

/** Inserts a record with its create event; its sequence number. */
export function insertRecord(
  knex: Knex,
  table: KnexRecordTable,
  row: { score?: number; due?: string | null } = {},
): Promise<number> {
  return knex.transaction(tx =>
    table.insert(tx, row, {
      at: new Date('2027-01-01T00:00:00.000Z'),
      actor: 'user:default/alice',
      action: 'create',
      changes: {},
    }),
  );
}
