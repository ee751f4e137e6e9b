/**
 * The assignment list behind the table, the dashboard links, the exports and the API: filtered,
 * sorted, scoped to what the actor may see, and cursor-paginated. Hand-written SQL because it is
 * the hot path (1,000,000 rows in the benchmark).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { queryRows, queryRowsPrepared } from '../db/sql';
import type { Actor } from '../auth/actor';
import { agencyScope, can } from '../auth/policy';
import { AppError } from '../shared/errors';
import { parseSearch, searchMatchSql, searchPhraseSql, searchTierSql, SEARCH_TIERS, type SearchTier } from '../shared/text-search';
import { isIsoDate } from '../shared/dates';
import { BUCKETS, agencyAsOfSql, agencyInSql, bucketInSql, bucketSql, dueAsOfSql, publishedBySql, workingDaysLate, type Bucket } from './buckets';
import { loadCalendar } from '../reminders/reminder-settings';
import type { NotifiedCache } from '../shared/notified-cache';
import type { Calendar } from '../calendar';
import { summaryCounts } from './bucket-summary';
import { ON_TIME_RATE_FORMULA_VI, onTimeRate, onTimeRateArithmetic } from './on-time-rate';
import { agencies as agenciesTable } from '../directory/directory.schema';
import { inArray } from 'drizzle-orm';
import type { AssignmentState } from './state-machine';
import { roleOfAgency, supportsSql, type AgencyRole } from './assignment-scope';
import { allowedActions, type AssignmentAction } from './assignment-actions';

export interface AssignmentFilter {
  agencyId?: string;
  /** The agency's tasks as lead (default) or as supporting agency (phối hợp). */
  role?: AgencyRole;
  bucket?: Bucket[];
  state?: AssignmentState[];
  dueFrom?: string;
  dueTo?: string;
  documentId?: string;
  leaderId?: string;
  /** An agency group (groups table): the lead agency on the as-of day is one of its members. */
  groupId?: string;
  q?: string;
  /** Waiting for the office: a completion report to review, or an extension request to decide. */
  pending?: 'completion' | 'extension';
  /** Exactly the tasks one reminder message named (its list link), if it was addressed to the caller. */
  deliveryId?: string;
  sort?: 'due' | '-due' | 'updated';
  limit?: number;
  cursor?: string;
  asOf: string;
  /** Today's date where the caller knows it (see changesAfter). */
  today?: string;
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
  /** How the actor's agency stands to the task (null for readers of the whole province). */
  myRole: AgencyRole | null;
  /** What the actor may do with the task now (assignment-actions.ts). */
  actions: AssignmentAction[];
}

/** Where a page ended: the sort key and id of its last row, and its search level (searches only). */
type Cursor = { t?: SearchTier; k: string | null; id: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
/**
 * A cursor comes back from the client, so every part is checked before it reaches SQL: a key
 * that is not a date (or, sorted by update, a timestamp), an id that is not a UUID or a level
 * that is not one of the four is the caller's mistake (400), not a database error (500).
 */
function decode(s: string, key: 'date' | 'timestamp'): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString()) as { t?: unknown; k?: unknown; id?: unknown };
    const keyOk =
      key === 'date'
        ? c.k === null || (typeof c.k === 'string' && isIsoDate(c.k))
        : typeof c.k === 'string' && TIMESTAMP_RE.test(c.k) && !Number.isNaN(Date.parse(c.k)) && isIsoDate(c.k.slice(0, 10));
    const tierOk = c.t === undefined || SEARCH_TIERS.includes(c.t as SearchTier);
    if (keyOk && tierOk && typeof c.id === 'string' && UUID_RE.test(c.id)) return { t: c.t as SearchTier | undefined, k: c.k as string | null, id: c.id };
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION', 'Tham số cursor không hợp lệ.');
}

/** Whether any task changed lead agency, or deadline, after the as-of day. */
export interface ChangesAfter {
  agencies: boolean;
  deadlines: boolean;
}

/** Nothing known: the as-of rule reads every history. */
const ANY_CHANGES: ChangesAfter = { agencies: true, deadlines: true };

/**
 * What changed after `asOf`? Where nothing did, the columns are read as they are (the agency's
 * with its indexes) and the histories are not named in the SQL. Changes are dated the day they
 * are made, so none can be after today: asked for today (`today` given), the answer is known
 * without asking the database. For an earlier day, one index probe tells whether a task changed
 * agency after it (almost never); deadlines have no such index and are read as of the day.
 */
export async function changesAfter(db: DbOrTx, asOf: string, today?: string): Promise<ChangesAfter> {
  if (today !== undefined && asOf >= today) return { agencies: false, deadlines: false };
  const rows = await queryRows<{ one: number }>(db, sql`select 1 as one from assignments where agency_changed_on > ${asOf}::date limit 1`);
  return { agencies: rows.length > 0, deadlines: true };
}

/**
 * The WHERE clause shared by the list and the counts, so both always agree. Everything is as of
 * `asOf` (buckets.ts): only tasks published by then, deadlines as they were then, and the lead
 * agency of that day (`changed`: what changed after `asOf`, see changesAfter).
 */
export function assignmentWhere(actor: Actor, f: Omit<AssignmentFilter, 'sort' | 'limit' | 'cursor'>, changed: ChangesAfter = ANY_CHANGES): SQL {
  const conds: SQL[] = [publishedBySql(f.asOf)];
  conds.push(...agencyConditions(actor, f, changed.agencies));
  if (f.documentId) conds.push(sql`a.document_id = ${f.documentId}`);
  if (f.leaderId) conds.push(sql`a.leader_id = ${f.leaderId}`);
  if (f.dueFrom) conds.push(sql`${dueAsOfSql(f.asOf, 'a', changed.deadlines)} >= ${f.dueFrom}::date`);
  if (f.dueTo) conds.push(sql`${dueAsOfSql(f.asOf, 'a', changed.deadlines)} <= ${f.dueTo}::date`);
  if (f.state?.length) conds.push(sql`a.state in (${sql.join(f.state.map((s) => sql`${s}`), sql`, `)})`);
  if (f.bucket?.length) conds.push(bucketInSql(f.bucket, f.asOf, 'a', changed.deadlines));
  if (f.pending === 'completion') {
    conds.push(sql`exists (select 1 from progress_reports p where p.assignment_id = a.id and p.kind = 'completion' and p.review_status = 'pending')`);
  } else if (f.pending === 'extension') {
    conds.push(sql`exists (select 1 from extension_requests x where x.assignment_id = a.id and x.status = 'pending')`);
  }
  if (f.deliveryId) conds.push(deliveryCondition(actor, f.deliveryId));
  const search = parseSearch(f.q);
  if (search) conds.push(...searchMatchSql(search, SEARCH_COLUMN));
  return sql.join(conds, sql` AND `);
}

/**
 * The tasks a reminder message named when it was sent (not the lines it left out because the task
 * had closed or been re-dated). A message addressed to someone else lists nothing, except for the
 * office, which keeps the reminders and sees every delivery's history anyway; the agency scope
 * above still applies on top.
 */
function deliveryCondition(actor: Actor, deliveryId: string): SQL {
  const addressed = can(actor, 'manage_reminders')
    ? sql``
    : sql` and (rd.user_id = ${actor.id ?? '00000000-0000-0000-0000-000000000000'}::uuid or rd.recipient_key = ${`agency:${actor.agencyId ?? ''}`})`;
  return sql`a.id in (select ri.assignment_id from reminder_items ri join reminder_deliveries rd on rd.id = ri.delivery_id
                      where ri.delivery_id = ${deliveryId}::uuid and not ri.left_out${addressed})`;
}

/**
 * Whose tasks: an agency officer's own agency (never another's, whatever the filter says), or the
 * agency asked by a reader of the whole province; as lead — the lead agency of the as-of day —
 * or with `role: 'support'` as supporting agency. Each list shows one role, so the lead list keeps
 * its (agency, due) index walk; a task an agency supports is found through the GIN index on its
 * supporting agencies.
 */
function agencyConditions(actor: Actor, f: { agencyId?: string; groupId?: string; role?: AgencyRole; asOf: string }, moved: boolean): SQL[] {
  const scope = agencyScope(actor);
  if (scope && f.agencyId && f.agencyId !== scope) return [sql`false`];
  const agency = scope ?? f.agencyId;
  const out: SQL[] = [];
  if (f.role === 'support') out.push(agency ? supportsSql(sql`a.support_agency_ids`, agency) : sql`a.support_agency_ids <> '[]'::jsonb`);
  else if (agency) out.push(agencyInSql(sql`${agency}::uuid`, f.asOf, moved));
  if (f.groupId) out.push(agencyInSql(sql`select gm.agency_id from group_members gm where gm.group_id = ${f.groupId}::uuid`, f.asOf, moved));
  return out;
}

/** The folded copy of item, agency and document (publish-document.ts writes it). */
const SEARCH_COLUMN = sql.raw('a.search_text');

/**
 * How many rows, in deadline order, a search looks through before it asks the trigram index.
 * PostgreSQL estimates a search of several words by multiplying the words' frequencies, and a
 * regular expression (the levels of text-search.ts) as rare; words that always come together
 * ("nông thôn mới") are then thought rare, and it sorts every match (100,000 rows at national
 * scale: 100–300 ms) instead of walking the deadline index for the first page (1–5 ms). Walking a
 * bounded window first gives the page at once when the best matches are common; otherwise the
 * whole table is asked, the trigram index finding the matches and the levels ordering them.
 */
const SEARCH_WINDOW = 5000;

export async function listAssignments(
  db: DbOrTx,
  actor: Actor,
  f: AssignmentFilter,
  /** Tests shrink the window to exercise both ways of answering on a small table. */
  opts: { searchWindow?: number; calendarCache?: NotifiedCache<Calendar> } = {},
): Promise<{ items: AssignmentListRow[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
  const sort = f.sort ?? 'due';
  const search = parseSearch(f.q);
  // The filters without the words, and the position after the cursor's row in the chosen order:
  // the search needs them apart (window; levels before the order); the plain list ANDs them.
  const changed = await changesAfter(db, f.asOf, f.today);
  const base = assignmentWhere(actor, { ...f, q: undefined }, changed);
  const agencyCol = changed.agencies ? agencyAsOfSql(f.asOf) : sql`a.agency_id`;
  const cursor = f.cursor ? decode(f.cursor, sort === 'updated' ? 'timestamp' : 'date') : null;
  let order: SQL;
  let after: SQL | null = null;
  if (sort === 'updated') {
    order = sql`a.updated_at desc, a.id desc`;
    if (cursor) after = sql`(a.updated_at, a.id) < (${cursor.k}::timestamptz, ${cursor.id}::uuid)`;
  } else if (sort === '-due') {
    order = sql`a.due desc nulls first, a.id desc`;
    if (cursor) after = cursor.k === null ? sql`(a.due is not null or a.id < ${cursor.id}::uuid)` : sql`(a.due < ${cursor.k}::date or (a.due = ${cursor.k}::date and a.id < ${cursor.id}::uuid))`;
  } else {
    order = sql`a.due asc nulls last, a.id asc`;
    if (cursor) after = cursor.k === null ? sql`(a.due is null and a.id > ${cursor.id}::uuid)` : sql`(a.due > ${cursor.k}::date or (a.due = ${cursor.k}::date and a.id > ${cursor.id}::uuid) or a.due is null)`;
  }
  const tier = search ? searchTierSql(search, SEARCH_COLUMN) : sql`null::int`;
  const columns = sql`a.id, a.item_id, a.document_id, ${agencyCol} as agency_id, g.name as agency_name, i.ref, i.text, a.due, ${dueAsOfSql(f.asOf, 'a', changed.deadlines)} as due_as_of, a.due_text,
           a.state, ${bucketSql(f.asOf, 'a', changed.deadlines)} as bucket, a.progress_percent, a.outlook, a.extension_count, a.completed_on,
           a.leader_id, d.number as document_number, d.subject as document_subject, a.updated_at, a.support_agency_ids, ${tier} as tier`;
  const joins = sql`join agencies g on g.id = ${agencyCol}
    join directive_items i on i.id = a.item_id
    join documents d on d.id = a.document_id`;
  // Which of the page's tasks wait for an extension decision (for their `actions`): asked of the
  // page's rows only, after its limit, so the planner cannot run it for every row it sorts.
  const page = (query: SQL, pageOrder: SQL, run = queryRows<Record<string, unknown>>) => run(db, sql`
      select a.*, exists (select 1 from extension_requests x where x.assignment_id = a.id and x.status = 'pending') as has_pending_extension
      from (${query}) a
      order by ${pageOrder}`);
  let result: Record<string, unknown>[] | null = null;
  if (!search) {
    // Prepared: parsing and planning this query cost PostgreSQL several times what running a
    // page of it does. The plan kept after five runs does not see the values, which matters
    // little here: a bucket is computed from the row (no index narrows it) and the page follows
    // an index's order. At national scale the kept plan walks the agency's deadline index where
    // plans made per call read and sorted all the agency's rows (README, design notes). Searches
    // stay planned per call: their text varies with the number of words, and their window was
    // tuned on plans made per call.
    result = await page(sql`
      select ${columns}
      from assignments a
      ${joins}
      where ${sql.join(after ? [base, after] : [base], sql` AND `)}
      order by ${order}
      limit ${limit + 1}`, order, queryRowsPrepared);
  } else {
    const match = searchMatchSql(search, SEARCH_COLUMN);
    const startTier: SearchTier = cursor?.t ?? 1;
    // The window is a prefix of the rows in the chosen order, so its best-level rows are the
    // first rows of that level overall: a full page of them is exact. Asking for the best level
    // only keeps both orders the same, so the scan stops at the page's last row.
    if (sort !== 'updated' && startTier === 1) {
      const rows = await page(sql`
        with w as (select a.* from assignments a where ${sql.join(after ? [base, after] : [base], sql` AND `)} order by ${order} limit ${opts.searchWindow ?? SEARCH_WINDOW})
        select ${columns} from w a ${joins}
        where ${sql.join([...match, searchPhraseSql(search, SEARCH_COLUMN)], sql` AND `)}
        order by ${order}
        limit ${limit + 1}`, order);
      if (rows.length > limit) result = rows;
    }
    // Later levels, or a best level too rare for the window: every match, best level first.
    const position = after ? sql`(${tier} > ${startTier} or (${tier} = ${startTier} and ${after}))` : sql`${tier} >= ${startTier}`;
    result ??= await page(sql`
      select ${columns}
      from assignments a
      ${joins}
      where ${sql.join([base, ...match, position], sql` AND `)}
      order by tier, ${order}
      limit ${limit + 1}`, sql`a.tier, ${order}`);
  }
  // Working days overdue need the calendar, only when a row of the page is overdue.
  const calendar = result.some((r) => r.bucket === 'open_overdue') ? await loadCalendar(db, opts.calendarCache) : null;
  const rows = result.map((r) => {
    const row = toRow(r, actor, r.has_pending_extension === true);
    if (calendar && row.bucket === 'open_overdue' && row.dueAsOf) row.daysOverdue = workingDaysLate(row.dueAsOf, f.asOf, calendar);
    return row;
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const lastTier = result[items.length - 1]?.tier;
  const nextCursor =
    rows.length > limit && last
      ? encode({ ...(search ? { t: Number(lastTier) as SearchTier } : {}), k: sort === 'updated' ? last.updatedAt : last.due, id: last.id })
      : null;
  return { items, nextCursor };
}

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const ts = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

function toRow(r: Record<string, unknown>, actor: Actor, hasPendingExtension: boolean): AssignmentListRow {
  const subject = {
    state: r.state as AssignmentState,
    agencyId: String(r.agency_id),
    supportAgencyIds: (typeof r.support_agency_ids === 'string' ? JSON.parse(r.support_agency_ids) : (r.support_agency_ids ?? [])) as string[],
    due: iso(r.due),
    hasPendingExtension,
  };
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
    myRole: roleOfAgency(actor.role === 'agency' ? actor.agencyId : null, subject),
    actions: allowedActions(actor, subject),
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
  // The per-day summary is kept per lead agency: the tasks an agency supports are counted from the rows.
  const summarised = f.role !== 'support' && !f.pending && !f.deliveryId && !f.documentId && !f.leaderId && !f.dueFrom && !f.dueTo && !f.state?.length && !f.q?.trim();
  let cells: { agencyId: string; bucket: Bucket; n: number }[];
  if (summarised) {
    // The summary is kept per agency (the lead agency of each day): scope, agency and group
    // narrow the agencies it is summed over.
    const sets: string[][] = [];
    const scope = agencyScope(actor);
    if (scope) sets.push([scope]);
    if (f.agencyId) sets.push([f.agencyId]);
    if (f.groupId) sets.push((await queryRows<{ agency_id: string }>(db, sql`select agency_id from group_members where group_id = ${f.groupId}::uuid`)).map((r) => r.agency_id));
    const ids = sets.length ? sets.reduce((a, b) => a.filter((id) => b.includes(id))) : null;
    // Disjoint sets (an officer asking for another agency): nothing to count.
    cells = ids && ids.length === 0 ? [] : await summaryCounts(db, f.asOf, ids);
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
  const changed = await changesAfter(db, f.asOf, f.today);
  const rows = await queryRows<{ agency_id: string; bucket: Bucket; n: number }>(
    db,
    sql`select ${changed.agencies ? agencyAsOfSql(f.asOf) : sql`a.agency_id`} as agency_id, ${bucketSql(f.asOf, 'a', changed.deadlines)} as bucket, count(*)::int as n
        from assignments a where ${assignmentWhere(actor, f, changed)}
        group by 1, 2`,
  );
  return rows.filter((r) => r.bucket !== null).map((r) => ({ agencyId: r.agency_id, bucket: r.bucket, n: Number(r.n) }));
}
