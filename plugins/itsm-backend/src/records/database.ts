import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The plugin's knex migrations (plain JS, additive). */
export const MIGRATIONS_DIR = resolvePackagePath(
  '@backstage-itsm/plugin-itsm-backend',
  'migrations',
);

/**
 * The plugin's database client with its migrations run, unless the database service says to
 * skip them. Every store may be the first to connect, so each asks through here; knex runs the
 * migrations once.
 */
export async function migratedClient(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: MIGRATIONS_DIR });
  }
  return client;
}

/** Whether a database error is a unique or primary key violation, on every supported database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'ER_DUP_ENTRY' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}

/**
 * A store (or anything async) made on first use and kept; a failure is not kept, so the
 * next call tries again (a database that was not reachable yet).
 */
export function onFirstUse<T>(create: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= create().catch(error => {
      value = undefined;
      throw error;
    });
    return value;
  };
}
