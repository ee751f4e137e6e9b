/**
 * The indicator chart: for each of the last N months, the tasks completed on time and late in
 * that month (by completion date) and the tasks still open and overdue at the month's end
 * (today for the running month). A task completed or cancelled after a month's end counts as
 * open in that month, so past months do not change when work is finished later. Same scope
 * and same bucket rule as the list (a deadline day is on time; overdue from the next day).
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { queryRows } from '../db/sql';
import { assignmentWhere } from '../assignments/list-assignments';
import { BUCKET_RULE_VI } from '../assignments/buckets';
import { addMonths, monthEnd } from './format';

export interface TrendPoint {
  month: string;
  /** The day "open overdue" is measured on: the month's last day, or today. */
  asOf: string;
  doneOnTime: number;
  doneLate: number;
  openOverdue: number;
}

export async function buildTrend(db: DbOrTx, actor: Actor, p: { months: number; agencyId?: string; today: string }): Promise<{ months: TrendPoint[]; rule: string }> {
  const last = p.today.slice(0, 7);
  const months = Array.from({ length: p.months }, (_, i) => addMonths(last, i - p.months + 1));
  const points: TrendPoint[] = [];
  // One small indexed query per month keeps the SQL plain and portable (PGlite and PostgreSQL).
  for (const month of months) {
    const start = `${month}-01`;
    const end = monthEnd(month);
    const asOf = end < p.today ? end : p.today;
    const where = assignmentWhere(actor, { asOf, agencyId: p.agencyId });
    const [r] = await queryRows<{ done_on_time: number; done_late: number; open_overdue: number }>(db, sql`
      select
        count(*) filter (where a.state = 'done' and a.completed_on between ${start}::date and ${end}::date and a.due is not null and a.completed_on <= a.due)::int as done_on_time,
        count(*) filter (where a.state = 'done' and a.completed_on between ${start}::date and ${end}::date and a.due is not null and a.completed_on > a.due)::int as done_late,
        count(*) filter (where a.due < ${asOf}::date
          and (a.state <> 'cancelled' or a.cancelled_at >= ${end}::date + 1)
          and (a.state <> 'done' or a.completed_on > ${asOf}::date))::int as open_overdue
      from assignments a
      where ${where} and a.due is not null and (a.completed_on between ${start}::date and ${end}::date or a.due < ${asOf}::date)`);
    points.push({ month, asOf, doneOnTime: Number(r?.done_on_time ?? 0), doneLate: Number(r?.done_late ?? 0), openOverdue: Number(r?.open_overdue ?? 0) });
  }
  return {
    months: points,
    rule: `Hoàn thành đúng hạn/quá hạn tính theo ngày hoàn thành trong tháng; quá hạn chưa hoàn thành tính tại ngày cuối tháng (tháng hiện tại: hôm nay), nhiệm vụ hoàn thành hoặc bị hủy sau ngày đó vẫn tính là chưa hoàn thành. ${BUCKET_RULE_VI}`,
  };
}
