/**
 * The per-agency, per-day bucket summary: for each day a task's bucket changes (its timeline,
 * from the one rule in buckets.ts), −1 in the bucket it leaves and +1 in the one it enters.
 * Counts on day D are the sums of the rows up to D — a few thousand rows instead of a million
 * tasks. Every write of an assignment's facts applies the difference between its timeline
 * before and after, in the same transaction (`syncBucketSummary`); `rebuildBucketSummary`
 * recomputes it all in SQL from the same rule, and the bench and tests check the two agree.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { queryRows } from '../db/sql';
import { BUCKETS, agencyAsOfSql, agencyBucketTimeline, bucketSql, changeDaysSql, factsOf, type AgencyChange, type Bucket } from './buckets';

type FactsRow = Parameters<typeof factsOf>[0] & { agencyId: string; agencyHistory?: readonly AgencyChange[] | null };

/** key "agency|day|bucket" → delta; a reassignment leaves the old agency's bucket and enters the new one's. */
function addTimeline(into: Map<string, number>, row: FactsRow, sign: 1 | -1) {
  let prev: { agencyId: string; bucket: Bucket | null } | null = null;
  for (const step of agencyBucketTimeline(factsOf(row), row)) {
    if (prev?.bucket) bump(into, `${prev.agencyId}|${step.day}|${prev.bucket}`, -sign);
    if (step.bucket) bump(into, `${step.agencyId}|${step.day}|${step.bucket}`, sign);
    prev = step;
  }
}
function bump(m: Map<string, number>, k: string, d: number) {
  const n = (m.get(k) ?? 0) + d;
  if (n === 0) m.delete(k);
  else m.set(k, n);
}

/** The summary rows to add when rows change from `before` to `after` (either may be absent). */
export function summaryDelta(before: readonly FactsRow[], after: readonly FactsRow[]): { agencyId: string; day: string; bucket: Bucket; n: number }[] {
  const m = new Map<string, number>();
  for (const r of before) addTimeline(m, r, -1);
  for (const r of after) addTimeline(m, r, 1);
  // Sorted, so concurrent transactions lock summary rows in the same order (no deadlock).
  return [...m.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, n]) => {
      const [agencyId, day, bucket] = k.split('|');
      return { agencyId, day, bucket: bucket as Bucket, n };
    });
}

/** Applies the change of some assignments' facts to the summary, inside the caller's transaction. */
export async function syncBucketSummary(tx: DbOrTx, before: readonly FactsRow[], after: readonly FactsRow[]): Promise<void> {
  const delta = summaryDelta(before, after);
  for (let i = 0; i < delta.length; i += 5000) {
    const part = delta.slice(i, i + 5000);
    await tx.execute(sql`
      insert into bucket_summary (agency_id, day, bucket, n)
      select v.agency_id, v.day, v.bucket, v.n from jsonb_to_recordset(${JSON.stringify(part.map((d) => ({ agency_id: d.agencyId, day: d.day, bucket: d.bucket, n: d.n })))}::jsonb)
        as v(agency_id uuid, day date, bucket text, n int)
      on conflict (agency_id, day, bucket) do update set n = bucket_summary.n + excluded.n`);
  }
}

/** Recomputes the whole summary from the assignments, with the SQL rendering of the rule. */
export async function rebuildBucketSummary(db: DbOrTx): Promise<void> {
  await db.execute(sql`delete from bucket_summary`);
  await db.execute(withSteps(bucketSql(sql`c.day`), agencyAsOfSql(sql`c.day`)));
}

function withSteps(b: SQL, agency: SQL): SQL {
  return sql`
    with pts as (
      select a.id, ${agency} as agency_id, c.day, ${b} as bucket
      from assignments a cross join lateral unnest(${changeDaysSql()}) as c(day)
    ), steps as (
      select agency_id, day, bucket,
        lag(bucket) over (partition by id order by day) as prev,
        lag(agency_id) over (partition by id order by day) as prev_agency
      from pts
    ), moves as (
      select * from steps where bucket is distinct from prev or agency_id is distinct from prev_agency
    )
    insert into bucket_summary (agency_id, day, bucket, n)
    select agency_id, day, bucket, sum(n)::int from (
      select agency_id, day, bucket, 1 as n from moves where bucket is not null
      union all
      select prev_agency, day, prev, -1 from moves where prev is not null
    ) d
    group by 1, 2, 3 having sum(n) <> 0`;
}

/** Rebuilds the summary when a migration asked for it (settings key), once. */
export async function rebuildBucketSummaryIfAsked(db: DbOrTx): Promise<boolean> {
  const asked = await queryRows<{ key: string }>(db, sql`delete from settings where key = 'bucket_summary_rebuild' returning key`);
  if (!asked.length) return false;
  await rebuildBucketSummary(db);
  return true;
}

/** Counts per agency and bucket on `asOf`, from the summary. */
export async function summaryCounts(db: DbOrTx, asOf: string, agencyIds: string[] | null): Promise<{ agencyId: string; bucket: Bucket; n: number }[]> {
  const rows = await queryRows<{ agency_id: string; bucket: Bucket; n: number }>(
    db,
    sql`select agency_id, bucket, sum(n)::int as n from bucket_summary
        where day <= ${asOf}::date ${agencyIds ? sql`and agency_id in (${sql.join(agencyIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
        group by 1, 2 having sum(n) <> 0`,
  );
  return rows.filter((r) => (BUCKETS as readonly string[]).includes(r.bucket)).map((r) => ({ agencyId: r.agency_id, bucket: r.bucket, n: Number(r.n) }));
}
