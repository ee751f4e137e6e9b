/**
 * Opens the database: embedded PGlite in DATA_DIR by default, a PostgreSQL server when a URL is
 * given. Both speak the same SQL, and the rest of dondoc sees one drizzle `Db` type.
 */
import { mkdirSync, writeFileSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';
import { AppError } from '../shared/errors';

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
 * PGlite takes no lock on its folder and two processes on one folder corrupt it, so we keep
 * a pid file and refuse to open a folder whose owner is still alive.
 */
export async function openPglite(dataDir: string | null, opts: { template?: Blob } = {}): Promise<Database> {
  let lockFile: string | null = null;
  let client: PGlite;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    lockFile = join(dataDir, 'dondoc.pid');
    if (existsSync(lockFile)) {
      const pid = Number(readFileSync(lockFile, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new AppError(
          'DATA_DIR_LOCKED',
          `Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} sử dụng. Hãy dừng tiến trình đó, hoặc dùng DATABASE_URL để nhiều máy chủ dùng chung một PostgreSQL.`,
        );
      }
    }
    writeFileSync(lockFile, String(process.pid));
    client = new PGlite(join(dataDir, 'pg'), { extensions: { pg_trgm } });
  } else {
    // A dump of an already-migrated database skips initdb, which is most of PGlite's start time.
    client = new PGlite({ extensions: { pg_trgm }, ...(opts.template ? { loadDataDir: opts.template } : {}) });
  }
  await client.waitReady;
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    pglite: client,
    close: async () => {
      await client.close();
      if (lockFile) rmSync(lockFile, { force: true });
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
