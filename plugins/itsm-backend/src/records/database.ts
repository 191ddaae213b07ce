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
