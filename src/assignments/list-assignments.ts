/**
 * The assignment list behind the table, the dashboard links, the exports and the API: filtered,
 * sorted, scoped to what the actor may see, and cursor-paginated. Hand-written SQL because it is
 * the hot path (1,000,000 rows in the benchmark).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { queryRows } from '../db/sql';
import type { Actor } from '../auth/actor';
import { agencyScope } from '../auth/policy';
import { AppError } from '../shared/errors';
import { foldText } from '../shared/text';
import { isIsoDate } from '../shared/dates';
import { BUCKETS, bucketInSql, bucketSql, dueAsOfSql, publishedBySql, workingDaysLate, type Bucket } from './buckets';
import { loadCalendar } from '../reminders/reminder-settings';
import { summaryCounts } from './bucket-summary';
import { ON_TIME_RATE_FORMULA_VI, onTimeRate, onTimeRateArithmetic } from './on-time-rate';
import { agencies as agenciesTable } from '../directory/directory.schema';
import { inArray } from 'drizzle-orm';
import type { AssignmentState } from './state-machine';

export interface AssignmentFilter {
  agencyId?: string;
  bucket?: Bucket[];
  state?: AssignmentState[];
  dueFrom?: string;
  dueTo?: string;
  documentId?: string;
  leaderId?: string;
  q?: string;
  sort?: 'due' | '-due' | 'updated';
  limit?: number;
  cursor?: string;
  asOf: string;
}

export interface AssignmentListRow {
  id: string;
  itemId: string;
  documentId: string;
  agencyId: string;
  agencyName: string;
  ref: string | null;
  text: string;
  due: string | null;
  /** The deadline in force on the day asked (differs from `due` when it changed after that day). */
  dueAsOf: string | null;
  dueText: string | null;
  state: AssignmentState;
  /** Null only for a task published after the day asked (never listed). */
  bucket: Bucket;
  /** Working days past the deadline on the day asked (buckets.ts `workingDaysLate`; 0 unless overdue). */
  daysOverdue: number;
  progressPercent: number;
  outlook: string | null;
  extensionCount: number;
  completedOn: string | null;
  leaderId: string | null;
  documentNumber: string | null;
  documentSubject: string | null;
  updatedAt: string;
}

type Cursor = { k: string | null; id: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
/**
 * A cursor comes back from the client, so every part is checked before it reaches SQL: a key
 * that is not a date (or, sorted by update, a timestamp) or an id that is not a UUID is the
 * caller's mistake (400), not a database error (500).
 */
function decode(s: string, key: 'date' | 'timestamp'): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString()) as { k?: unknown; id?: unknown };
    const keyOk =
      key === 'date'
        ? c.k === null || (typeof c.k === 'string' && isIsoDate(c.k))
        : typeof c.k === 'string' && TIMESTAMP_RE.test(c.k) && !Number.isNaN(Date.parse(c.k)) && isIsoDate(c.k.slice(0, 10));
    if (keyOk && typeof c.id === 'string' && UUID_RE.test(c.id)) return { k: c.k as string | null, id: c.id };
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION', 'Tham số cursor không hợp lệ.');
}

/**
 * The WHERE clause shared by the list and the counts, so both always agree. Everything is as of
 * `asOf` (buckets.ts): only tasks published by then, deadlines as they were then.
 */
export function assignmentWhere(actor: Actor, f: Omit<AssignmentFilter, 'sort' | 'limit' | 'cursor'>): SQL {
  const conds: SQL[] = [publishedBySql(f.asOf)];
  const scope = agencyScope(actor);
  if (scope) conds.push(sql`a.agency_id = ${scope}`);
  if (f.agencyId) conds.push(sql`a.agency_id = ${f.agencyId}`);
  if (f.documentId) conds.push(sql`a.document_id = ${f.documentId}`);
  if (f.leaderId) conds.push(sql`a.leader_id = ${f.leaderId}`);
  if (f.dueFrom) conds.push(sql`${dueAsOfSql(f.asOf)} >= ${f.dueFrom}::date`);
  if (f.dueTo) conds.push(sql`${dueAsOfSql(f.asOf)} <= ${f.dueTo}::date`);
  if (f.state?.length) conds.push(sql`a.state in (${sql.join(f.state.map((s) => sql`${s}`), sql`, `)})`);
  if (f.bucket?.length) conds.push(bucketInSql(f.bucket, f.asOf));
  conds.push(...textConditions(f.q));
  return sql.join(conds, sql` AND `);
}

/** Every word must appear; the folded text makes "giai ngan" find "giải ngân". */
function textConditions(q: string | undefined): SQL[] {
  if (!q) return [];
  return foldText(q)
    .split(' ')
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => sql`a.search_text like ${'%' + word.replace(/[\\%_]/g, (m) => '\\' + m) + '%'}`);
}

/**
 * How many rows, in deadline order, a search of several words looks through before it asks the
 * trigram index. PostgreSQL estimates such a search by multiplying the words' frequencies; words
 * that always come together ("nông thôn mới") are then thought rare, and it sorts every match
 * (100,000 rows at national scale: 100–300 ms) instead of walking the deadline index for the first
 * page (1–5 ms). Walking a bounded window first gives the page at once when the words are common;
 * when they are rare the window comes back short and the planner's own choice, the trigram
 * index, is right.
 */
const SEARCH_WINDOW = 5000;

export async function listAssignments(
  db: DbOrTx,
  actor: Actor,
  f: AssignmentFilter,
  /** Tests shrink the window to exercise both ways of answering on a small table. */
  opts: { searchWindow?: number } = {},
): Promise<{ items: AssignmentListRow[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
  const sort = f.sort ?? 'due';
  // The filters without the words, the words, and the cursor's position: the search window needs
  // them apart; the plain query ANDs all three.
  const base = assignmentWhere(actor, { ...f, q: undefined });
  const words = textConditions(f.q);
  const after: SQL[] = [];
  let order: SQL;
  if (sort === 'updated') {
    order = sql`a.updated_at desc, a.id desc`;
    if (f.cursor) {
      const c = decode(f.cursor, 'timestamp');
      after.push(sql`(a.updated_at, a.id) < (${c.k}::timestamptz, ${c.id}::uuid)`);
    }
  } else if (sort === '-due') {
    order = sql`a.due desc nulls first, a.id desc`;
    if (f.cursor) {
      const c = decode(f.cursor, 'date');
      after.push(c.k === null ? sql`(a.due is not null or a.id < ${c.id}::uuid)` : sql`(a.due < ${c.k}::date or (a.due = ${c.k}::date and a.id < ${c.id}::uuid))`);
    }
  } else {
    order = sql`a.due asc nulls last, a.id asc`;
    if (f.cursor) {
      const c = decode(f.cursor, 'date');
      after.push(c.k === null ? sql`(a.due is null and a.id > ${c.id}::uuid)` : sql`(a.due > ${c.k}::date or (a.due = ${c.k}::date and a.id > ${c.id}::uuid) or a.due is null)`);
    }
  }
  const columns = sql`a.id, a.item_id, a.document_id, a.agency_id, g.name as agency_name, i.ref, i.text, a.due, ${dueAsOfSql(f.asOf)} as due_as_of, a.due_text,
           a.state, ${bucketSql(f.asOf)} as bucket, a.progress_percent, a.outlook, a.extension_count, a.completed_on,
           a.leader_id, d.number as document_number, d.subject as document_subject, a.updated_at`;
  const joins = sql`join agencies g on g.id = a.agency_id
    join directive_items i on i.id = a.item_id
    join documents d on d.id = a.document_id`;
  let result: Record<string, unknown>[] | null = null;
  if (words.length > 1 && sort !== 'updated') {
    const inWindow = [base, ...after];
    result = await queryRows<Record<string, unknown>>(db, sql`
      with w as (select a.* from assignments a where ${sql.join(inWindow, sql` AND `)} order by ${order} limit ${opts.searchWindow ?? SEARCH_WINDOW})
      select ${columns} from w a ${joins}
      where ${sql.join(words, sql` AND `)}
      order by ${order}
      limit ${limit + 1}`);
    // A short page may only mean the window ended: then the whole table is asked.
    if (result.length <= limit) result = null;
  }
  result ??= await queryRows<Record<string, unknown>>(db, sql`
    select ${columns}
    from assignments a
    ${joins}
    where ${sql.join([base, ...words, ...after], sql` AND `)}
    order by ${order}
    limit ${limit + 1}`);
  const calendar = await loadCalendar(db);
  const rows = result.map((r) => {
    const row = toRow(r);
    if (row.bucket === 'open_overdue' && row.dueAsOf) row.daysOverdue = workingDaysLate(row.dueAsOf, f.asOf, calendar);
    return row;
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last ? encode({ k: sort === 'updated' ? last.updatedAt : last.due, id: last.id }) : null;
  return { items: page, nextCursor };
}

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const ts = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

function toRow(r: Record<string, unknown>): AssignmentListRow {
  return {
    id: String(r.id),
    itemId: String(r.item_id),
    documentId: String(r.document_id),
    agencyId: String(r.agency_id),
    agencyName: String(r.agency_name),
    ref: (r.ref as string) ?? null,
    text: String(r.text),
    due: iso(r.due),
    dueAsOf: iso(r.due_as_of),
    dueText: (r.due_text as string) ?? null,
    state: r.state as AssignmentState,
    bucket: r.bucket as Bucket,
    daysOverdue: 0,
    progressPercent: Number(r.progress_percent),
    outlook: (r.outlook as string) ?? null,
    extensionCount: Number(r.extension_count),
    completedOn: iso(r.completed_on),
    leaderId: (r.leader_id as string) ?? null,
    documentNumber: (r.document_number as string) ?? null,
    documentSubject: (r.document_subject as string) ?? null,
    updatedAt: ts(r.updated_at),
  };
}

type CountFilter = Omit<AssignmentFilter, 'sort' | 'limit' | 'cursor' | 'bucket'>;
const zero = (): Record<Bucket, number> => ({ done_on_time: 0, done_late: 0, open_on_time: 0, open_overdue: 0, no_deadline: 0, cancelled: 0 });

/**
 * Per-agency bucket counts on `asOf` for dashboards, reports, rankings and the trend (same WHERE
 * as the list). Without filters other than the agency they come from the per-day summary
 * (bucket-summary.ts); with any other filter, from the rule over the rows.
 */
export async function countAssignments(db: DbOrTx, actor: Actor, f: CountFilter) {
  const summarised = !f.documentId && !f.leaderId && !f.dueFrom && !f.dueTo && !f.state?.length && !f.q?.trim();
  let cells: { agencyId: string; bucket: Bucket; n: number }[];
  if (summarised) {
    const scope = agencyScope(actor);
    const ids = [scope, f.agencyId].filter((x): x is string => !!x);
    // Two different agencies asked (an officer asking for another's): nothing to count.
    cells = ids.length === 2 && ids[0] !== ids[1] ? [] : await summaryCounts(db, f.asOf, ids.length ? [ids[0]] : null);
  } else {
    cells = await countByRule(db, actor, f);
  }
  const agencyIds = [...new Set(cells.map((c) => c.agencyId))];
  const names = agencyIds.length ? await db.select({ id: agenciesTable.id, name: agenciesTable.name }).from(agenciesTable).where(inArray(agenciesTable.id, agencyIds)) : [];
  const nameOf = new Map(names.map((r) => [r.id, r.name]));
  const byAgency = new Map<string, { agencyId: string; agencyName: string; counts: Record<Bucket, number>; total: number }>();
  for (const c of cells) {
    let e = byAgency.get(c.agencyId);
    if (!e) {
      e = { agencyId: c.agencyId, agencyName: nameOf.get(c.agencyId) ?? '', counts: zero(), total: 0 };
      byAgency.set(c.agencyId, e);
    }
    e.counts[c.bucket] += c.n;
    if (c.bucket !== 'cancelled') e.total += c.n;
  }
  const agencies = [...byAgency.values()].sort((a, b) => b.counts.open_overdue - a.counts.open_overdue || a.agencyName.localeCompare(b.agencyName, 'vi'));
  const totals = zero();
  for (const a of agencies) for (const k of BUCKETS) totals[k] += a.counts[k];
  return {
    asOf: f.asOf,
    totals,
    onTimeRate: onTimeRate(totals),
    onTimeRateArithmetic: onTimeRateArithmetic(totals),
    onTimeRateFormula: ON_TIME_RATE_FORMULA_VI,
    agencies: agencies.map((a) => ({ ...a, onTimeRate: onTimeRate(a.counts) })),
  };
}

/** The counts straight from the rows, with the SQL rendering of the rule. */
export async function countByRule(db: DbOrTx, actor: Actor, f: CountFilter): Promise<{ agencyId: string; bucket: Bucket; n: number }[]> {
  const rows = await queryRows<{ agency_id: string; bucket: Bucket; n: number }>(
    db,
    sql`select a.agency_id, ${bucketSql(f.asOf)} as bucket, count(*)::int as n
        from assignments a where ${assignmentWhere(actor, f)}
        group by 1, 2`,
  );
  return rows.filter((r) => r.bucket !== null).map((r) => ({ agencyId: r.agency_id, bucket: r.bucket, n: Number(r.n) }));
}
