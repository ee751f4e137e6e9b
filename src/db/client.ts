/**
 * Opens the database: embedded PGlite in DATA_DIR by default, a PostgreSQL server when a URL is
 * given. Both speak the same SQL, and the rest of dondoc sees one drizzle `Db` type.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';
import { lockDataDir, type DataDirLock } from './data-dir-lock';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The server URL, for work that needs its own connection (migrations, locks). */
  url?: string;
  /** The embedded engine, when it is one. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closes (restart, failover, pg_terminate_backend) is dropped
  // from the pool and replaced on the next query; without a listener it would crash the process.
  pool.on('error', (err) => console.warn(`PostgreSQL: kết nối rảnh bị đóng (${err.message}); sẽ mở lại khi cần.`));
  await pool.query('select 1');
  return { db: drizzlePg(pool, { schema }) as unknown as Db, kind: 'postgres', url, close: () => pool.end() };
}

/**
 * PGlite takes no lock on its folder and two processes on one folder lose each other's writes,
 * so the folder is locked first (data-dir-lock.ts) and released when the database is closed.
 */
export async function openPglite(dataDir: string | null, opts: { template?: Blob } = {}): Promise<Database> {
  let lock: DataDirLock | null = null;
  let client: PGlite;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    lock = lockDataDir(dataDir);
    try {
      client = new PGlite(join(dataDir, 'pg'), { extensions: { pg_trgm } });
      await client.waitReady;
    } catch (e) {
      lock.release();
      throw e;
    }
  } else {
    // A dump of an already-migrated database skips initdb, which is most of PGlite's start time.
    client = new PGlite({ extensions: { pg_trgm }, ...(opts.template ? { loadDataDir: opts.template } : {}) });
    await client.waitReady;
  }
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    pglite: client,
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
