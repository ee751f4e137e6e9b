/**
 * The agency ranking for the year-end rating (xếp loại): among the tasks whose deadline falls in
 * the period, the share each lead agency completed on time. Counts come from
 * `countAssignments` (due-date filter of the list), so they match the list for the same dates.
 */
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { countAssignments } from '../assignments/list-assignments';
import { BUCKET_RULE_VI } from '../assignments/buckets';
import { formatDateVi } from '../shared/dates';

export const RANKING_RULE_VI =
  'Xếp hạng theo tỷ lệ hoàn thành đúng hạn = số nhiệm vụ đã hoàn thành đúng hạn ÷ tổng số nhiệm vụ có hạn xử lý trong kỳ (không tính nhiệm vụ đã hủy), từ cao xuống thấp; ' +
  'cùng tỷ lệ thì cơ quan có ít nhiệm vụ quá hạn hơn (hoàn thành quá hạn + chưa hoàn thành quá hạn) xếp trên; vẫn bằng nhau thì đồng hạng. ' +
  'Cơ quan không có nhiệm vụ đến hạn trong kỳ không được xếp hạng.';

export interface RankedAgency {
  rank: number;
  agencyId: string;
  agencyName: string;
  /** Tasks with a deadline in the period (not cancelled). */
  due: number;
  doneOnTime: number;
  doneLate: number;
  openOnTime: number;
  openOverdue: number;
  /** doneLate + openOverdue. */
  overdue: number;
  onTimeRate: number;
}

export interface Ranking {
  from: string;
  to: string;
  asOf: string;
  rule: string;
  agencies: RankedAgency[];
}

export async function rankAgencies(db: DbOrTx, actor: Actor, p: { from: string; to: string; asOf: string }): Promise<Ranking> {
  const counted = await countAssignments(db, actor, { dueFrom: p.from, dueTo: p.to, asOf: p.asOf });
  const rows = counted.agencies
    .map((a) => {
      const c = a.counts;
      const due = c.done_on_time + c.done_late + c.open_on_time + c.open_overdue;
      return {
        rank: 0,
        agencyId: a.agencyId,
        agencyName: a.agencyName,
        due,
        doneOnTime: c.done_on_time,
        doneLate: c.done_late,
        openOnTime: c.open_on_time,
        openOverdue: c.open_overdue,
        overdue: c.done_late + c.open_overdue,
        onTimeRate: due ? c.done_on_time / due : 0,
      };
    })
    .filter((r) => r.due > 0)
    .sort((a, b) => b.onTimeRate - a.onTimeRate || a.overdue - b.overdue || a.agencyName.localeCompare(b.agencyName, 'vi'));
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    // Competition ranking: equal rate and equal overdue share a rank (1, 1, 3).
    r.rank = prev && prev.onTimeRate === r.onTimeRate && prev.overdue === r.overdue ? prev.rank : i + 1;
  });
  return {
    from: p.from,
    to: p.to,
    asOf: p.asOf,
    rule: `${RANKING_RULE_VI} Kỳ xét: hạn xử lý từ ${formatDateVi(p.from)} đến ${formatDateVi(p.to)}, tình trạng tính đến ${formatDateVi(p.asOf)}. ${BUCKET_RULE_VI}`,
    agencies: rows,
  };
}
