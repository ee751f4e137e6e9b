/** The benches' own PostgreSQL database: dropped and created empty before each run. */
import pg from 'pg';

export async function recreateDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  // The database is named by the bench itself; quoted so that no name can reach SQL unescaped.
  const quoted = `"${name.replace(/"/g, '""')}"`;
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await c.end();
  }
}
