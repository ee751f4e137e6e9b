/**
 * A prepared query answers like the plain one: with the values of each call, past the runs after
 * which PostgreSQL may keep one plan for the statement, after the rows changed, and inside a
 * transaction (whose connection had not prepared it).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testBackends, openTestDatabase } from './testing';
import type { Database } from './client';
import { queryRows, queryRowsPrepared } from './sql';

describe.each(testBackends)('prepared queries on %s', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await database.db.execute(sql`insert into agencies (code, name, kind) select 'P' || g, 'Cơ quan ' || g, 'department' from generate_series(1, 20) g`);
  });
  afterAll(() => database?.close());

  const byCode = (from: string) => sql`select code, name from agencies where code like 'P%' and code > ${from} order by code limit ${3}`;

  it('gives the rows of the values asked, on every call and after the data changed', async () => {
    for (const from of ['P1', 'P12', 'P3', 'P5', 'P1', 'P17', 'P8', 'P2', 'P9']) {
      expect(await queryRowsPrepared(database.db, byCode(from)), from).toEqual(await queryRows(database.db, byCode(from)));
    }
    await database.db.execute(sql`update agencies set name = 'Đổi tên' where code = 'P13'`);
    expect(await queryRowsPrepared(database.db, byCode('P12'))).toEqual([
      { code: 'P13', name: 'Đổi tên' },
      { code: 'P14', name: 'Cơ quan 14' },
      { code: 'P15', name: 'Cơ quan 15' },
    ]);
    const inside = await database.db.transaction(async (tx) => {
      await tx.execute(sql`update agencies set name = 'Trong giao dịch' where code = 'P14'`);
      return queryRowsPrepared(tx, byCode('P12'));
    });
    expect(inside).toEqual([
      { code: 'P13', name: 'Đổi tên' },
      { code: 'P14', name: 'Trong giao dịch' },
      { code: 'P15', name: 'Cơ quan 15' },
    ]);
  });
});
