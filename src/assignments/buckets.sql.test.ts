/**
 * The TypeScript rule and its SQL rendering agree: generated tasks (random publication,
 * deadlines and their changes, acceptance, cancellation) are written to the database, and every
 * task's bucket on many days is asked of both. The per-day summary kept by the use cases'
 * helper, and the one rebuilt in SQL, both equal the count of the rule over the rows.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testBackends, openTestDatabase } from '../db/testing';
import type { Database } from '../db/client';
import { queryRows } from '../db/sql';
import { agencyAsOf, agencyAsOfSql, agencyChange, bucketAsOf, bucketSql, dueAsOfSql, dueAsOf, dueChange, type AgencyChange, type AsOfFacts } from './buckets';
import { rebuildBucketSummary, summaryCounts, syncBucketSummary } from './bucket-summary';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const BASE = Date.parse('2025-06-01');
const dayN = (n: number) => new Date(BASE + n * 86_400_000).toISOString().slice(0, 10);

function generate(seed: number, n: number): AsOfFacts[] {
  const r = rng(seed);
  const pick = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const out: AsOfFacts[] = [];
  for (let i = 0; i < n; i++) {
    const published = r() < 0.1 ? null : pick(0, 40);
    const p = published ?? 0;
    let f: { due: string | null; dueHistory: AsOfFacts['dueHistory'] } = { due: r() < 0.15 ? null : dayN(pick(p, p + 40)), dueHistory: [] };
    let t = p;
    const changes = r() < 0.3 ? pick(1, 3) : 0;
    for (let c = 0; c < changes; c++) {
      t = pick(t, t + 15);
      f = dueChange(f, r() < 0.1 ? null : dayN(pick(t, t + 30)), dayN(t));
    }
    const end = r();
    let acceptedOn: string | null = null;
    let completedOn: string | null = null;
    let cancelledOn: string | null = null;
    if (end < 0.45) {
      const c = pick(t, t + 50);
      completedOn = dayN(c);
      acceptedOn = dayN(pick(c, c + 5));
    } else if (end < 0.55) cancelledOn = dayN(pick(t, t + 40));
    out.push({ publishedOn: published === null ? null : dayN(published), due: f.due, dueHistory: f.dueHistory, acceptedOn, completedOn, cancelledOn });
  }
  return out;
}

describe.each(testBackends)('the as-of rule in SQL on %s', (backend) => {
  let database: Database;
  const agencyIds: string[] = [];
  const owners: { agencyId: string; agencyHistory: AgencyChange[] }[] = [];
  const cases = generate(20251231, 400);
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const db = database.db;
    const ag = await queryRows<{ id: string }>(db, sql`insert into agencies (code, name, kind) select 'G' || g, 'Cơ quan ' || g, 'department' from generate_series(1, 3) g returning id`);
    agencyIds.push(...ag.map((a) => a.id));
    // Every fifth task is reassigned once or twice (giao lại), on days among the others' facts.
    for (let i = 0; i < cases.length; i++) {
      let a: { agencyId: string; agencyHistory: AgencyChange[] } = { agencyId: agencyIds[i % 3], agencyHistory: [] };
      if (i % 5 === 0) a = agencyChange(a, agencyIds[(i + 1) % 3], dayN(5 + (i % 40)));
      if (i % 10 === 0) a = agencyChange(a, agencyIds[(i + 2) % 3], dayN(30 + (i % 30)));
      owners.push(a);
    }
    const [doc] = await queryRows<{ id: string }>(db, sql`insert into documents (number, subject, text, status) values ('1/TB', 'Thử', '', 'published') returning id`);
    const [item] = await queryRows<{ id: string }>(db, sql`insert into directive_items (document_id, position, ref, text) values (${doc.id}, 0, '1', 'Nhiệm vụ') returning id`);
    const rows = cases.map((f, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      agency_id: owners[i].agencyId,
      agency_history: owners[i].agencyHistory,
      agency_changed_on: owners[i].agencyHistory.at(-1)?.on ?? null,
      published_on: f.publishedOn,
      due: f.due,
      due_history: f.dueHistory,
      due_changed_on: f.dueHistory.length ? f.dueHistory[f.dueHistory.length - 1].on : null,
      accepted_on: f.acceptedOn,
      completed_on: f.completedOn,
      cancelled_on: f.cancelledOn,
      state: f.cancelledOn ? 'cancelled' : f.acceptedOn ? 'done' : 'in_progress',
    }));
    await db.execute(sql`insert into assignments (id, item_id, document_id, agency_id, agency_history, agency_changed_on, published_on, due, due_history, due_changed_on, accepted_on, completed_on, cancelled_on, state)
      select v.id, ${item.id}, ${doc.id}, v.agency_id, v.agency_history, v.agency_changed_on, v.published_on, v.due, v.due_history, v.due_changed_on, v.accepted_on, v.completed_on, v.cancelled_on, v.state
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, agency_id uuid, agency_history jsonb, agency_changed_on date, published_on date, due date, due_history jsonb, due_changed_on date, accepted_on date, completed_on date, cancelled_on date, state text)`);
    await db.transaction((tx) =>
      syncBucketSummary(
        tx,
        [],
        cases.map((f, i) => ({ ...f, ...owners[i] })),
      ),
    );
  }, 120_000);
  afterAll(() => database?.close());

  const days = Array.from({ length: 25 }, (_, k) => dayN(k * 5 - 3));

  it('gives every generated task the same bucket and deadline as the TypeScript rule on every day', async () => {
    for (const d of days) {
      const got = await queryRows<{ id: string; bucket: string | null; due: string | null; agency: string }>(
        database.db,
        sql`select a.id, ${bucketSql(d)} as bucket, ${dueAsOfSql(d)}::text as due, ${agencyAsOfSql(d)}::text as agency from assignments a order by a.id`,
      );
      const want = cases.map((f, i) => [bucketAsOf(f, d), dueAsOf(f, d), agencyAsOf(owners[i], d)]);
      expect(got.map((g) => [g.bucket, g.due, g.agency]), d).toEqual(want);
    }
  });

  it('gives the same buckets and deadlines without the deadline history for the tasks whose deadline did not change after the day', async () => {
    for (const d of days) {
      const got = await queryRows<{ id: string; bucket: string | null; due: string | null }>(
        database.db,
        sql`select a.id, ${bucketSql(d, 'a', false)} as bucket, ${dueAsOfSql(d, 'a', false)}::text as due from assignments a
            where a.due_changed_on is null or a.due_changed_on <= ${d}::date order by a.id`,
      );
      const unchanged = cases.filter((f) => f.dueHistory.every((h) => h.on <= d));
      expect(got.length, d).toBe(unchanged.length);
      expect(got.map((g) => [g.bucket, g.due]), d).toEqual(unchanged.map((f) => [bucketAsOf(f, d), dueAsOf(f, d)]));
    }
  });

  it('keeps a per-day summary equal to the rule counted over the rows, incrementally and rebuilt', async () => {
    const recount = async (d: string) =>
      (await queryRows<{ agency_id: string; bucket: string; n: number }>(database.db, sql`select ${agencyAsOfSql(d)} as agency_id, ${bucketSql(d)} as bucket, count(*)::int as n from assignments a group by 1, 2`))
        .filter((r) => r.bucket)
        .map((r) => `${r.agency_id} ${r.bucket} ${r.n}`)
        .sort();
    const fromSummary = async (d: string) => (await summaryCounts(database.db, d, null)).map((c) => `${c.agencyId} ${c.bucket} ${c.n}`).sort();
    for (const d of days) expect(await fromSummary(d), d).toEqual(await recount(d));
    const incremental = await queryRows(database.db, sql`select agency_id, day::text, bucket, n from bucket_summary order by 1, 2, 3`);
    await rebuildBucketSummary(database.db);
    expect(await queryRows(database.db, sql`select agency_id, day::text, bucket, n from bucket_summary order by 1, 2, 3`)).toEqual(incremental);
  });
});
