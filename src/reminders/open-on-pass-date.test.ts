/**
 * The reminders' SQL picks the same tasks as the dashboard and the reports: on each pass date,
 * the tasks loaded for planning are exactly those the list counts "chưa hoàn thành" (in time or
 * overdue) on that day, and the planner's overdue reminders go to exactly the overdue ones — one
 * rule (buckets.ts), whatever the task's state column says.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testBackends, openTestDatabase } from '../db/testing';
import type { Database } from '../db/client';
import { SYSTEM_ACTOR } from '../auth/actor';
import { listAssignments } from '../assignments/list-assignments';
import { bucketAsOf, dueAsOf } from '../assignments/buckets';
import { seedBulk } from './testing/seed-bulk';
import { loadOpenAssignments } from './plan-pass';

/** Facts per task (all due 25/07/2025 unless said); comments give the bucket on 31/07. */
const FACTS: Record<string, string> = {
  plain: '', // open, overdue
  publishedLate: `published_on = '2025-08-04'`, // not yet published on 31/07
  acceptedBefore: `state = 'done', completed_on = '2025-07-20', accepted_on = '2025-07-21'`, // done
  acceptedAfter: `state = 'done', completed_on = '2025-07-30', accepted_on = '2025-08-02'`, // still open on 31/07
  cancelledBefore: `state = 'cancelled', cancelled_on = '2025-07-28'`, // cancelled
  cancelledAfter: `state = 'cancelled', cancelled_on = '2025-08-02'`, // still open on 31/07
  extendedBefore: `due = '2025-08-20', due_history = '[{"on":"2025-07-24","from":"2025-07-25"}]'::jsonb, due_changed_on = '2025-07-24'`, // open, in time
  extendedAfter: `due = '2025-08-20', due_history = '[{"on":"2025-08-01","from":"2025-07-25"}]'::jsonb, due_changed_on = '2025-08-01'`, // overdue on 31/07
  reportedNotAccepted: `state = 'reported', completed_on = '2025-07-22'`, // open: not accepted yet
  noDeadline: `due = null`, // never reminded
};

describe.each(testBackends)('tasks picked for reminders on %s', (backend) => {
  let database: Database;
  const name = new Map<string, string>();
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const seed = await seedBulk(database.db, { n: Object.keys(FACTS).length, due: '2025-07-25' });
    await database.db.execute(sql`update assignments set published_on = '2025-07-01'`);
    for (const [i, [key, set]] of Object.entries(FACTS).entries()) {
      const id = seed.assignmentIds[i];
      name.set(id, key);
      if (set) await database.db.execute(sql`update assignments set ${sql.raw(set)} where id = ${id}`);
    }
  }, 120_000);
  afterAll(() => database?.close());

  const days = ['2025-07-02', '2025-07-23', '2025-07-24', '2025-07-25', '2025-07-26', '2025-07-31', '2025-08-01', '2025-08-02', '2025-08-05', '2025-08-21'];

  it('loads exactly the tasks the list counts open (in time or overdue) on each pass date, with the deadline then', async () => {
    for (const d of days) {
      const loaded = await loadOpenAssignments(database.db, d);
      const listed = await listAssignments(database.db, SYSTEM_ACTOR, { asOf: d, bucket: ['open_on_time', 'open_overdue'], limit: 500 });
      const names = (ids: string[]) => ids.map((id) => name.get(id)).sort();
      expect(names(loaded.map((a) => a.id)), d).toEqual(names(listed.items.map((a) => a.id)));
      const listedDue = new Map(listed.items.map((a) => [a.id, [a.bucket, a.dueAsOf]]));
      for (const a of loaded) expect([bucketAsOf(a, d), dueAsOf(a, d)], `${d} ${name.get(a.id)}`).toEqual(listedDue.get(a.id));
    }
  });

  it('on 31/07 holds the tasks the report counts open, and not the others', async () => {
    const loaded = (await loadOpenAssignments(database.db, '2025-07-31')).map((a) => name.get(a.id)).sort();
    expect(loaded).toEqual(['acceptedAfter', 'cancelledAfter', 'extendedAfter', 'extendedBefore', 'plain', 'reportedNotAccepted']);
  });
});
