/**
 * The five report buckets every Vietnamese task report uses, computed — never stored — from what
 * was true ON THE DAY ASKED. ONE rule, used by the list, the dashboard, the monthly report, the
 * ranking, the trend and the reminders; written once in TypeScript (`bucketAsOf`) and once in SQL
 * (`bucketSql`), the two tested to agree on generated cases (buckets.sql.test.ts).
 *
 * THE RULE for a task on day D:
 * - only assignments published by D count (published after D: not in any bucket);
 * - cancelled by D → "đã hủy" (left out of reports);
 * - the deadline is the one in force on D: extensions and corrections approved on or before D
 *   count, later ones do not; no deadline in force → "không có hạn";
 * - done = a completion report accepted by the office on or before D; its completion date is the
 *   date of that report, so a late acceptance does not make the agency late; it is on time when
 *   that date is on or before the deadline;
 * - otherwise open: the deadline day itself is on time, overdue from the next day.
 * Days overdue are counted in working days by `workingDaysLate`, the only definition.
 * Every fact is a date that never changes once written (`published_on`, `accepted_on`,
 * `cancelled_on`, and the deadline history), so a closed month's figures never change.
 *
 * WHOSE task on day D: the lead agency on D. A reassignment (giao lại) takes effect on its day;
 * before it the task counts for the agency that led it then (`agency_history`, like the
 * deadline's), so reassigning in August leaves July's figures with July's agency.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Calendar } from '../calendar';

export const BUCKETS = ['done_on_time', 'done_late', 'open_on_time', 'open_overdue', 'no_deadline', 'cancelled'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const BUCKET_LABELS: Record<Bucket, string> = {
  done_on_time: 'Đã hoàn thành đúng hạn',
  done_late: 'Đã hoàn thành quá hạn',
  open_on_time: 'Chưa hoàn thành, trong hạn',
  open_overdue: 'Chưa hoàn thành, quá hạn',
  no_deadline: 'Không có hạn',
  cancelled: 'Đã hủy',
};

export const BUCKET_RULE_VI =
  'Số liệu tính theo tình trạng tại ngày báo cáo: chỉ tính nhiệm vụ đã giao đến ngày đó, theo thời hạn đang có hiệu lực vào ngày đó (gia hạn được duyệt sau ngày đó không tính), hoàn thành được công nhận và hủy đến ngày đó. ' +
  'Ngày hết hạn vẫn tính là đúng hạn; nhiệm vụ quá hạn từ ngày kế tiếp sau hạn. Ngày hoàn thành là ngày báo cáo hoàn thành được Văn phòng công nhận; nhiệm vụ chưa được công nhận vẫn là chưa hoàn thành.';

/** One change of deadline: from day `on` (inclusive) the deadline is no longer `from`. */
export interface DueChange {
  on: string;
  from: string | null;
}

/** The dated facts of one assignment the rule reads (ISO dates compare correctly as strings). */
export interface AsOfFacts {
  /** Day the assignment was published; null = counted from the start (rows older than the rule). */
  publishedOn: string | null;
  /** The deadline in force now (after every change). */
  due: string | null;
  /** Deadline changes in the order they were made (days never decrease). */
  dueHistory: readonly DueChange[];
  /** Day the office accepted the completion report. */
  acceptedOn: string | null;
  /** Date of that accepted completion report. */
  completedOn: string | null;
  cancelledOn: string | null;
}

/** The deadline in force on `day`: the first change made after `day` tells what it was then. */
export function dueAsOf(f: Pick<AsOfFacts, 'due' | 'dueHistory'>, day: string): string | null {
  for (const h of f.dueHistory) if (h.on > day) return h.from;
  return f.due;
}

/** THE RULE. Null: not yet published on `day`. */
export function bucketAsOf(f: AsOfFacts, day: string): Bucket | null {
  if (f.publishedOn !== null && f.publishedOn > day) return null;
  if (f.cancelledOn !== null && f.cancelledOn <= day) return 'cancelled';
  const due = dueAsOf(f, day);
  if (due === null) return 'no_deadline';
  if (f.acceptedOn !== null && f.acceptedOn <= day) return f.completedOn !== null && f.completedOn <= due ? 'done_on_time' : 'done_late';
  return day <= due ? 'open_on_time' : 'open_overdue';
}

/**
 * THE count of days overdue, the one every screen, report and reminder shows: working days
 * (Vietnamese calendar: weekends, Tết and the other lunar and solar holidays, the year's
 * decisions) after the deadline, up to and including `day`. Overdue starts the day after the
 * deadline (the rule above), even when that day is a Saturday: it then counts as 1, never 0.
 */
export function workingDaysLate(due: string, day: string, calendar: Pick<Calendar, 'workingDaysBetween'>): number {
  if (day <= due) return 0;
  return Math.max(1, calendar.workingDaysBetween(due, day));
}

/** How the count is written everywhere, so that nobody reads it as calendar days. */
export const workingDaysLateVi = (n: number): string => `quá hạn ${n} ngày làm việc`;

/** Working days past the deadline in force on `day` for a task open and overdue that day (else 0). */
export function daysOverdue(f: AsOfFacts, day: string, calendar: Pick<Calendar, 'workingDaysBetween'>): number {
  const due = dueAsOf(f, day);
  if (bucketAsOf(f, day) !== 'open_overdue' || !due) return 0;
  return workingDaysLate(due, day, calendar);
}

/** The facts of an assignment row (drizzle's camelCase row). */
export function factsOf(a: {
  publishedOn: string | null;
  due: string | null;
  dueHistory: readonly DueChange[] | null;
  acceptedOn: string | null;
  completedOn: string | null;
  cancelledOn: string | null;
}): AsOfFacts {
  return { publishedOn: a.publishedOn, due: a.due, dueHistory: a.dueHistory ?? [], acceptedOn: a.acceptedOn, completedOn: a.completedOn, cancelledOn: a.cancelledOn };
}

/** The columns to write when the deadline in force changes on `today` (history only grows). */
export function dueChange(a: { due: string | null; dueHistory: readonly DueChange[] | null }, newDue: string | null, today: string) {
  const history = a.dueHistory ?? [];
  const last = history[history.length - 1];
  // A clock set back (tests, imports) must not make the history go backwards.
  const on = last && last.on > today ? last.on : today;
  return { due: newDue, dueHistory: [...history, { on, from: a.due }], dueChangedOn: on };
}

/** One change of lead agency: from day `on` (inclusive) the task is no longer `from`'s. */
export interface AgencyChange {
  on: string;
  from: string;
}

/** The lead agency on `day`: the first change made after `day` tells who led it then. */
export function agencyAsOf(a: { agencyId: string; agencyHistory?: readonly AgencyChange[] | null }, day: string): string {
  for (const h of a.agencyHistory ?? []) if (h.on > day) return h.from;
  return a.agencyId;
}

/** The columns to write when the task moves to another lead agency on `today` (history only grows). */
export function agencyChange(a: { agencyId: string; agencyHistory: readonly AgencyChange[] | null }, newAgencyId: string, today: string) {
  const history = a.agencyHistory ?? [];
  const last = history[history.length - 1];
  const on = last && last.on > today ? last.on : today;
  return { agencyId: newAgencyId, agencyHistory: [...history, { on, from: a.agencyId }], agencyChangedOn: on };
}

const day = (d: string | SQL): SQL => (typeof d === 'string' ? sql`${d}::date` : d);
const col = (t: string, c: string) => sql.raw(`${t}.${c}`);

/** Published by D, as SQL (the rule's first line; also the WHERE of every as-of query). */
export function publishedBySql(asOf: string | SQL, t = 'a'): SQL {
  return sql`(${col(t, 'published_on')} IS NULL OR ${col(t, 'published_on')} <= ${day(asOf)})`;
}

/**
 * The deadline in force on D, as SQL. Almost every row has had no change after D, so the
 * history is only read for the few that have (CASE evaluates lazily). When the caller knows
 * that no deadline changed after D (`changedAfter` false: D is today, and changes are dated the
 * day they are made), the column is the answer and the history is not named at all: its
 * subquery, repeated in every use of the rule, costs PostgreSQL more to parse and plan than a
 * page of the list costs to run.
 */
export function dueAsOfSql(asOf: string | SQL, t = 'a', changedAfter = true): SQL {
  if (!changedAfter) return col(t, 'due');
  const d = day(asOf);
  return sql`(CASE WHEN ${col(t, 'due_changed_on')} IS NULL OR ${col(t, 'due_changed_on')} <= ${d} THEN ${col(t, 'due')}
    ELSE (SELECT (h.v->>'from')::date FROM jsonb_array_elements(${col(t, 'due_history')}) WITH ORDINALITY AS h(v, i)
          WHERE (h.v->>'on')::date > ${d} ORDER BY h.i LIMIT 1) END)`;
}

/** The lead agency on D, as SQL (same shape as the deadline: history read only for rows moved after D). */
export function agencyAsOfSql(asOf: string | SQL, t = 'a'): SQL {
  const d = day(asOf);
  return sql`(CASE WHEN ${col(t, 'agency_changed_on')} IS NULL OR ${col(t, 'agency_changed_on')} <= ${d} THEN ${col(t, 'agency_id')}
    ELSE (SELECT (h.v->>'from')::uuid FROM jsonb_array_elements(${col(t, 'agency_history')}) WITH ORDINALITY AS h(v, i)
          WHERE (h.v->>'on')::date > ${d} ORDER BY h.i LIMIT 1) END)`;
}

/**
 * "The lead agency on D is one of `agencies`" (`agencies`: a list or a subquery of uuids). When
 * no task changed agency after D (`moved` false, the usual case: D is today or no reassignment
 * since), the current column answers and its index is used; otherwise the rows moved after D
 * are asked their agency then.
 */
export function agencyInSql(agencies: SQL, asOf: string | SQL, moved: boolean, t = 'a'): SQL {
  if (!moved) return sql`${col(t, 'agency_id')} IN (${agencies})`;
  const d = day(asOf);
  return sql`((${col(t, 'agency_id')} IN (${agencies}) AND (${col(t, 'agency_changed_on')} IS NULL OR ${col(t, 'agency_changed_on')} <= ${d}))
    OR (${col(t, 'agency_changed_on')} > ${d} AND ${agencyAsOfSql(d, t)} IN (${agencies})))`;
}

/**
 * THE RULE in SQL, line for line as `bucketAsOf`; `asOf` is a date or any SQL date expression;
 * `dueChangedAfter` as in `dueAsOfSql`.
 */
export function bucketSql(asOf: string | SQL, t = 'a', dueChangedAfter = true): SQL {
  const d = day(asOf);
  const due = dueAsOfSql(d, t, dueChangedAfter);
  return sql`(CASE WHEN NOT ${publishedBySql(d, t)} THEN NULL
    WHEN ${col(t, 'cancelled_on')} <= ${d} THEN 'cancelled'
    WHEN ${due} IS NULL THEN 'no_deadline'
    WHEN ${col(t, 'accepted_on')} <= ${d} THEN CASE WHEN ${col(t, 'completed_on')} <= ${due} THEN 'done_on_time' ELSE 'done_late' END
    WHEN ${due} >= ${d} THEN 'open_on_time' ELSE 'open_overdue' END)`;
}

/** Rows in one of `buckets` on D. */
export function bucketInSql(buckets: readonly Bucket[], asOf: string | SQL, t = 'a', dueChangedAfter = true): SQL {
  return sql`${bucketSql(asOf, t, dueChangedAfter)} IN (${sql.join(buckets.map((b) => sql`${b}`), sql`, `)})`;
}

/**
 * The days on which a task's bucket can change: its facts' days and the day after each deadline
 * it ever had. Between two of them the bucket stays the same. `START` stands for "always before".
 */
export const TIMELINE_START = '1900-01-01';
const nextDay = (d: string) => new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10);

export function changeDays(f: AsOfFacts): string[] {
  const days = new Set<string>([TIMELINE_START]);
  for (const d of [f.publishedOn, f.cancelledOn, f.acceptedOn]) if (d) days.add(d);
  if (f.due) days.add(nextDay(f.due));
  for (const h of f.dueHistory) {
    days.add(h.on);
    if (h.from) days.add(nextDay(h.from));
  }
  return [...days].sort();
}

/** A task's life as steps: from `day` on, it is in `bucket` (null = not counted). */
export function bucketTimeline(f: AsOfFacts): { day: string; bucket: Bucket | null }[] {
  const steps: { day: string; bucket: Bucket | null }[] = [];
  let prev: Bucket | null | undefined;
  for (const d of changeDays(f)) {
    const b = bucketAsOf(f, d);
    if (b !== prev) steps.push({ day: d, bucket: b });
    prev = b;
  }
  return steps;
}

/** The same life with the lead agency of each step: a reassignment is a step too. */
export function agencyBucketTimeline(
  f: AsOfFacts,
  a: { agencyId: string; agencyHistory?: readonly AgencyChange[] | null },
): { day: string; agencyId: string; bucket: Bucket | null }[] {
  const days = new Set(changeDays(f));
  for (const h of a.agencyHistory ?? []) days.add(h.on);
  const steps: { day: string; agencyId: string; bucket: Bucket | null }[] = [];
  let prev = '';
  for (const d of [...days].sort()) {
    const b = bucketAsOf(f, d);
    const agencyId = agencyAsOf(a, d);
    if (`${agencyId}|${b}` !== prev) steps.push({ day: d, agencyId, bucket: b });
    prev = `${agencyId}|${b}`;
  }
  return steps;
}

/** The same days in SQL, for rebuilding the summary from the table (see bucket-summary.ts). */
export function changeDaysSql(t = 'a'): SQL {
  return sql`(SELECT array_agg(DISTINCT x) FROM unnest(ARRAY[${TIMELINE_START}::date, ${col(t, 'published_on')}, ${col(t, 'cancelled_on')}, ${col(t, 'accepted_on')}, ${col(t, 'due')} + 1]
      || ARRAY(SELECT (h->>'on')::date FROM jsonb_array_elements(${col(t, 'due_history')}) h)
      || ARRAY(SELECT (h->>'from')::date + 1 FROM jsonb_array_elements(${col(t, 'due_history')}) h)
      || ARRAY(SELECT (h->>'on')::date FROM jsonb_array_elements(${col(t, 'agency_history')}) h)) x WHERE x IS NOT NULL)`;
}
