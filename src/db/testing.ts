/**
 * Databases for tests: a fresh in-memory PGlite always, and a fresh database on the PostgreSQL
 * server when TEST_DATABASE_URL or DATABASE_URL is set. Tests run once per backend:
 *
 *   describe.each(testBackends)('%s', (backend) => { ... openTestDatabase(backend) ... })
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from './client';
import { migrate } from './migrate';

export const testServerUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;
export type Backend = 'pglite' | 'postgres';
export const testBackends: Backend[] = testServerUrl ? ['pglite', 'postgres'] : ['pglite'];

/**
 * Where the test run keeps a dump of a freshly migrated PGlite database (made once per run by
 * the global setup, keyed by the migrations so a new migration makes a new template).
 */
export function pgliteTemplatePath(): string {
  const dir = fileURLToPath(new URL('./migrations', import.meta.url));
  const hash = createHash('sha256');
  for (const f of readdirSync(dir, { recursive: true }).map(String).sort()) {
    if (f.endsWith('.sql') || f.endsWith('.json')) hash.update(f).update(readFileSync(join(dir, f)));
  }
  return join(tmpdir(), `dondoc-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
}

export async function makePgliteTemplate(): Promise<void> {
  const path = pgliteTemplatePath();
  if (existsSync(path)) return;
  const database = await openPglite(null);
  await migrate(database);
  const blob = await database.pglite!.dumpDataDir('none');
  writeFileSync(`${path}.${process.pid}`, Buffer.from(await blob.arrayBuffer()));
  renameSync(`${path}.${process.pid}`, path);
  await database.close();
}

/** Creates an empty, migrated database; `close` drops it again. */
export async function openTestDatabase(backend: Backend): Promise<Database & { url?: string }> {
  if (backend === 'pglite') {
    const path = pgliteTemplatePath();
    const template = existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
    const database = await openPglite(null, { template });
    await migrate(database); // a no-op on the template; the real work without one
    return database;
  }
  const { url, drop } = await createServerDatabase();
  const database = await openPostgres(url, 5);
  await migrate(database);
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

/** A throw-away database on the test server, for tests that need several connections. */
export async function createServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!testServerUrl) throw new Error('no TEST_DATABASE_URL');
  const name = `dondoc_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testServerUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(testServerUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: testServerUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
