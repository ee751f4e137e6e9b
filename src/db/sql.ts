import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './client';

/** Runs hand-written SQL and returns its rows; PGlite and node-postgres both answer `{rows}`. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
