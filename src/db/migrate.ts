/**
 * Applies the committed drizzle-kit migrations in code (never the drizzle-kit CLI on PGlite).
 * On a server, an advisory lock lets several instances start at once without racing.
 */
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client';
import { rebuildBucketSummaryIfAsked } from '../assignments/bucket-summary';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const LOCK_KEY = 4_242_001;

export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    await database.db.transaction((tx) => rebuildBucketSummaryIfAsked(tx));
    return;
  }
  // A session-level lock needs one connection for its whole life: a dedicated client.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    await migratePg(drizzle(client), { migrationsFolder });
    // A migration that changes the rule's facts asks for the summary to be recomputed (once).
    await drizzle(client).transaction((tx) => rebuildBucketSummaryIfAsked(tx as never));
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
