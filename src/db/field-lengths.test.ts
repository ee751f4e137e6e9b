/**
 * Migration 0011: every text and JSON column has a length CHECK, the database refuses an
 * over-long value written past the application, and the migration shortens existing over-long
 * values instead of failing on them.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openTestDatabase, testBackends, type Backend } from './testing';
import type { Database } from './client';
import { FIELD } from '../shared/field-limits';

const migration = readFileSync(new URL('./migrations/0011_field_lengths.sql', import.meta.url), 'utf8');
const statements = migration
  .split('--> statement-breakpoint')
  .map((s) => s.replace(/^--.*$/gm, '').trim())
  .filter(Boolean);

async function rows<T>(database: Database, q: ReturnType<typeof sql>): Promise<T[]> {
  const r = (await database.db.execute(q)) as unknown as { rows: T[] };
  return r.rows;
}

/** The error a statement fails with, or undefined. */
async function failureOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    const err = e as { message?: string; cause?: { message?: string; constraint?: string } };
    return [err.message, err.cause?.message, err.cause?.constraint].filter(Boolean).join(' | ');
  }
}

describe.each(testBackends)('text field lengths on %s', (backend: Backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(() => database.close());

  it('has a length CHECK on every text and JSON column of every table', async () => {
    const columns = await rows<{ table_name: string; column_name: string }>(
      database,
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and data_type in ('text', 'jsonb', 'character varying')`,
    );
    const checks = new Set(
      (await rows<{ conname: string }>(database, sql`select conname from pg_constraint where contype = 'c' and conname like '%\_length'`)).map((r) => r.conname),
    );
    const missing = columns.map((c) => `${c.table_name}_${c.column_name}_length`).filter((name) => !checks.has(name));
    expect(columns.length).toBeGreaterThan(80);
    expect(missing).toEqual([]);
  });

  it('refuses a direct over-long insert, and takes one at the limit', async () => {
    const long = 'A'.repeat(FIELD.name + 1);
    const refused = await failureOf(
      database.db.execute(sql`insert into users (username, display_name, password_hash, role) values ('dai-qua', ${long}, 'x', 'viewer')`),
    );
    expect(refused).toMatch(/users_display_name_length/);
    await database.db.execute(sql`insert into users (username, display_name, password_hash, role) values ('vua-du', ${long.slice(1)}, 'x', 'viewer')`);
    const agency = await failureOf(database.db.execute(sql`insert into agencies (code, name, kind) values (${'C'.repeat(FIELD.code + 1)}, 'Sở Thử', 'department')`));
    expect(agency).toMatch(/agencies_code_length/);
    const event = await failureOf(
      database.db.execute(sql`insert into events (actor_name, action, entity, entity_id, after) values ('x', 'user.updated', 'user', '1', ${JSON.stringify({ displayName: 'x'.repeat(300_000) })}::jsonb)`),
    );
    expect(event).toMatch(/events_after_length/);
  });

  it('shortens existing over-long values (codes stay unique) instead of failing', async () => {
    // The state of a database before 0011: no length checks, over-long values written.
    for (const s of statements.filter((s) => s.startsWith('ALTER TABLE') && !s.includes('"events"'))) {
      const m = /ALTER TABLE "(\w+)" ADD CONSTRAINT "(\w+)"/.exec(s)!;
      await database.db.execute(sql.raw(`ALTER TABLE "${m[1]}" DROP CONSTRAINT "${m[2]}"`));
    }
    const prefix = 'X'.repeat(70);
    await database.db.execute(sql`insert into agencies (code, name, kind) values (${prefix + '1'}, ${'Tên rất dài '.repeat(100)}, 'department'), (${prefix + '2'}, 'Sở B', 'department')`);
    await database.db.execute(sql`insert into users (username, display_name, password_hash, role) values ('ten-dai', ${'N'.repeat(1_900_000)}, 'x', 'viewer')`);
    for (const s of statements) {
      // The history's checks were not dropped above (append-only, NOT VALID): skip re-adding them.
      if (s.includes('"events"')) continue;
      await database.db.execute(sql.raw(s));
    }
    const agencies = await rows<{ code: string; name: string }>(database, sql`select code, name from agencies where code like 'XXXX%' order by code`);
    expect(agencies).toHaveLength(2);
    expect(new Set(agencies.map((a) => a.code)).size).toBe(2);
    for (const a of agencies) expect(a.code.length).toBeLessThanOrEqual(FIELD.code);
    expect(agencies.every((a) => a.name.length <= FIELD.name)).toBe(true);
    const [user] = await rows<{ n: number }>(database, sql`select char_length(display_name) as n from users where username = 'ten-dai'`);
    expect(Number(user.n)).toBe(FIELD.name);
  });
});
