import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client';

/** Runs hand-written SQL and returns its rows; PGlite and node-postgres both answer `{rows}`. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const dialect = new PgDialect();

/**
 * `queryRows` as a named prepared statement, named after its text: on a PostgreSQL server each
 * connection parses it once and, after five runs, keeps one plan for it unless plans made for the
 * values at hand were estimated cheaper. Only for hot queries whose text takes few shapes (each
 * shape stays prepared on every connection of the pool) and whose kept plan has been measured
 * good for any values. PGlite ignores the name.
 */
export async function queryRowsPrepared<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const q = dialect.sqlToQuery(query);
  const name = `q_${createHash('sha1').update(q.sql).digest('base64url')}`;
  const result = (await db._.session.prepareQuery(q, undefined, name, false).execute()) as unknown as { rows: T[] };
  return result.rows;
}
