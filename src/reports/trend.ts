/**
 * The indicator chart: for each of the last N months, the tasks completed on time and late in
 * that month and the tasks open and overdue at the month's end (today for the running month).
 * Nothing of its own: each point is the difference of the counts of the one as-of rule
 * (buckets.ts) at two month ends — a task is done from the day its completion is accepted and
 * stays done — so the trend, the monthly report and the dashboard always agree, and a closed
 * month never changes.
 */
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { countAssignments } from '../assignments/list-assignments';
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

const prevDay = (d: string) => new Date(Date.parse(d) - 86_400_000).toISOString().slice(0, 10);

export async function buildTrend(db: DbOrTx, actor: Actor, p: { months: number; agencyId?: string; today: string }): Promise<{ months: TrendPoint[]; rule: string }> {
  const last = p.today.slice(0, 7);
  const months = Array.from({ length: p.months }, (_, i) => addMonths(last, i - p.months + 1));
  const at = async (day: string) => (await countAssignments(db, actor, { asOf: day, agencyId: p.agencyId })).totals;
  const points: TrendPoint[] = [];
  let before = await at(prevDay(`${months[0]}-01`));
  for (const month of months) {
    const end = monthEnd(month);
    const asOf = end < p.today ? end : p.today;
    const now = await at(asOf);
    points.push({ month, asOf, doneOnTime: now.done_on_time - before.done_on_time, doneLate: now.done_late - before.done_late, openOverdue: now.open_overdue });
    before = now;
  }
  return {
    months: points,
    rule: `Hoàn thành đúng hạn/quá hạn: số nhiệm vụ được công nhận hoàn thành trong tháng; quá hạn chưa hoàn thành: tại ngày cuối tháng (tháng hiện tại: hôm nay). ${BUCKET_RULE_VI}`,
  };
}
