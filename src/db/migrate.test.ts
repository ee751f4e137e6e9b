import { describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, testBackends } from './testing';
import { migrate } from './migrate';
import { events } from './schema';
import { queryRows } from './sql';

const appendOnlyRefusal = (e: unknown) => /append-only/.test(String((e as Error).cause ?? e));

describe.each(testBackends)('migrations on %s', (backend) => {
  it('create every table, can run twice, and keep the event log append-only', async () => {
    const database = await openTestDatabase(backend);
    try {
      await migrate(database); // idempotent: a second start must not fail
      const rows = await queryRows<{ table_name: string }>(
        database.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
      );
      expect(rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(['agencies', 'assignments', 'documents', 'directive_items', 'events', 'users', 'sessions']),
      );
      await database.db.insert(events).values({ actorName: 't', action: 'x', entity: 'e', entityId: '1' });
      await expect(database.db.execute(sql`update events set action = 'y'`)).rejects.toSatisfy(appendOnlyRefusal);
      await expect(database.db.execute(sql`delete from events`)).rejects.toSatisfy(appendOnlyRefusal);
    } finally {
      await database.close();
    }
  });
});
