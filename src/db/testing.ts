/**
 * Databases for tests: a fresh in-memory PGlite always, and a fresh database on the PostgreSQL
 * server when TEST_DATABASE_URL or DATABASE_URL is set. Tests run once per backend:
 *
 *   describe.each(testBackends)('%s', (backend) => { ... openTestDatabase(backend) ... })
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from './client';
import { migrate } from './migrate';

export const testServerUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;
export type Backend = 'pglite' | 'postgres';
export const testBackends: Backend[] = testServerUrl ? ['pglite', 'postgres'] : ['pglite'];

/** Creates an empty, migrated database; `close` drops it again. */
export async function openTestDatabase(backend: Backend): Promise<Database & { url?: string }> {
  if (backend === 'pglite') {
    const database = await openPglite(null);
    await migrate(database);
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
