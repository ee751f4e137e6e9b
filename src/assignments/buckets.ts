/**
 * The five report buckets every Vietnamese task report uses, computed — never stored — from
 * the deadline in force (after approved extensions), the completion date and the date asked.
 *
 * THE RULE (one definition for the list, the dashboard, the reminders and the rankings):
 * - the deadline day itself is on time: a task completed ON its deadline is "đúng hạn", and an
 *   open task becomes overdue only on the day AFTER its deadline;
 * - a task's completion date is the date of the completion report the office accepted, so a late
 *   acceptance by the office does not make the agency late; until accepted the task is open;
 * - a task with no deadline ("thường xuyên") is always "không có hạn"; cancelled tasks are left out.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AssignmentState } from './state-machine';

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
  'Ngày hết hạn vẫn tính là đúng hạn; nhiệm vụ quá hạn từ ngày kế tiếp sau hạn. Ngày hoàn thành là ngày báo cáo hoàn thành được Văn phòng công nhận; nhiệm vụ chưa được công nhận vẫn là chưa hoàn thành.';

export interface BucketInput {
  state: AssignmentState;
  due: string | null;
  completedOn: string | null;
}

/** The few facts the rule needs; counts over many rows group by these instead of by row. */
export interface BucketFacts {
  state: AssignmentState;
  hasDue: boolean;
  /** asOf ≤ due: the deadline has not passed (the deadline day itself counts as on time). */
  notPastDue: boolean;
  /** completedOn ≤ due (false when there is no completion date). */
  completedInTime: boolean;
}

export function bucketFromFacts(f: BucketFacts): Bucket {
  if (f.state === 'cancelled') return 'cancelled';
  if (!f.hasDue) return 'no_deadline';
  if (f.state === 'done') return f.completedInTime ? 'done_on_time' : 'done_late';
  return f.notPastDue ? 'open_on_time' : 'open_overdue';
}

/** ISO dates compare correctly as strings. */
export function bucketOf(a: BucketInput, asOf: string): Bucket {
  return bucketFromFacts({
    state: a.state,
    hasDue: !!a.due,
    notPastDue: !!a.due && asOf <= a.due,
    completedInTime: !!a.due && !!a.completedOn && a.completedOn <= a.due,
  });
}

/** The same facts as SQL columns (has_due, not_past_due, completed_in_time), for GROUP BY. */
export function bucketFactsSql(asOf: string, t = 'a'): SQL {
  const c = (col: string) => sql.raw(`${t}.${col}`);
  return sql`${c('due')} IS NOT NULL AS has_due,
    coalesce(${c('due')} >= ${asOf}::date, false) AS not_past_due,
    coalesce(${c('completed_on')} <= ${c('due')}, false) AS completed_in_time`;
}

/** Days past the deadline for an open task (0 when not overdue). */
export function daysOverdue(a: BucketInput, asOf: string): number {
  if (bucketOf(a, asOf) !== 'open_overdue' || !a.due) return 0;
  return Math.round((Date.parse(asOf) - Date.parse(a.due)) / 86_400_000);
}

/** The same rule in SQL, for lists and counts over millions of rows. `t` is the table alias. */
export function bucketSql(asOf: string, t = 'a'): SQL {
  const c = (col: string) => sql.raw(`${t}.${col}`);
  return sql`CASE WHEN ${c('state')} = 'cancelled' THEN 'cancelled'
    WHEN ${c('due')} IS NULL THEN 'no_deadline'
    WHEN ${c('state')} = 'done' THEN CASE WHEN ${c('completed_on')} <= ${c('due')} THEN 'done_on_time' ELSE 'done_late' END
    WHEN ${c('due')} >= ${asOf}::date THEN 'open_on_time' ELSE 'open_overdue' END`;
}

/** A sargable WHERE predicate selecting one bucket (uses the (agency, state, due) index). */
export function bucketPredicate(bucket: Bucket, asOf: string, t = 'a'): SQL {
  const c = (col: string) => sql.raw(`${t}.${col}`);
  switch (bucket) {
    case 'cancelled':
      return sql`${c('state')} = 'cancelled'`;
    case 'no_deadline':
      return sql`${c('state')} <> 'cancelled' AND ${c('due')} IS NULL`;
    case 'done_on_time':
      return sql`${c('state')} = 'done' AND ${c('due')} IS NOT NULL AND ${c('completed_on')} <= ${c('due')}`;
    case 'done_late':
      return sql`${c('state')} = 'done' AND ${c('due')} IS NOT NULL AND NOT (${c('completed_on')} IS NOT NULL AND ${c('completed_on')} <= ${c('due')})`;
    case 'open_on_time':
      return sql`${c('state')} NOT IN ('done', 'cancelled') AND ${c('due')} >= ${asOf}::date`;
    case 'open_overdue':
      return sql`${c('state')} NOT IN ('done', 'cancelled') AND ${c('due')} < ${asOf}::date`;
  }
}
