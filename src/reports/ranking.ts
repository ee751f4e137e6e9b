/**
 * The agency ranking for the year-end rating (xếp loại): among the tasks whose deadline (in force
 * on the ranking's day) falls in the period, each lead agency's score, with its arithmetic.
 *
 *     score = (wOnTime × done on time + wLate × done late − wOverdue × open overdue)
 *             ÷ (done on time + done late + open overdue)
 *
 * With the default weights (1, 0, 0) the score IS the one on-time rate (on-time-rate.ts); the
 * office may weigh late completions and open overdue tasks differently. The ranking's day is the
 * period's last day (today while the period runs), so a closed period's ranking never changes.
 * Ties are broken by a stated rule (RANKING_RULE_VI); what is still equal shares a rank.
 */
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { countAssignments } from '../assignments/list-assignments';
import { BUCKET_RULE_VI } from '../assignments/buckets';
import { ON_TIME_RATE_FORMULA_VI, onTimeRate } from '../assignments/on-time-rate';
import { formatDateVi } from '../shared/dates';

export interface RankingWeights {
  onTime: number;
  late: number;
  overdue: number;
}
export const DEFAULT_RANKING_WEIGHTS: RankingWeights = { onTime: 1, late: 0, overdue: 0 };

export const RANKING_FORMULA_VI =
  'Điểm = (hệ số đúng hạn × số hoàn thành đúng hạn + hệ số quá hạn × số hoàn thành quá hạn − hệ số tồn đọng × số chưa hoàn thành quá hạn) ÷ (số hoàn thành đúng hạn + số hoàn thành quá hạn + số chưa hoàn thành quá hạn)';

export const RANKING_RULE_VI =
  `Xếp hạng theo điểm, từ cao xuống thấp. ${RANKING_FORMULA_VI}; với hệ số mặc định (1; 0; 0) điểm chính là tỷ lệ hoàn thành đúng hạn (${ON_TIME_RATE_FORMULA_VI}). ` +
  'Chỉ tính nhiệm vụ có hạn xử lý (đang có hiệu lực tại ngày xét) trong kỳ, không tính nhiệm vụ đã hủy. ' +
  'Bằng điểm thì xét lần lượt: tỷ lệ hoàn thành đúng hạn cao hơn; ít nhiệm vụ quá hạn hơn (hoàn thành quá hạn + chưa hoàn thành quá hạn); nhiều nhiệm vụ hoàn thành đúng hạn hơn; vẫn bằng nhau thì đồng hạng. ' +
  'Cơ quan chưa có nhiệm vụ nào đến hạn hoặc hoàn thành trong kỳ không được xếp hạng.';

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
  /** doneOnTime + doneLate + openOverdue: the denominator of the rate and the score. */
  counted: number;
  /** The one on-time rate (on-time-rate.ts). */
  onTimeRate: number;
  score: number;
  /** The score's arithmetic with this agency's numbers. */
  arithmetic: string;
}

export interface Ranking {
  from: string;
  to: string;
  asOf: string;
  weights: RankingWeights;
  formula: string;
  rule: string;
  agencies: RankedAgency[];
  /** Agencies with tasks in the period of which none has come due or been finished yet. */
  unranked: { agencyId: string; agencyName: string; due: number }[];
}

const num = (x: number) => (Math.round(x * 10000) / 10000).toLocaleString('vi-VN', { maximumFractionDigits: 4 });

export async function rankAgencies(
  db: DbOrTx,
  actor: Actor,
  p: { from: string; to: string; today: string; weights?: Partial<RankingWeights> },
): Promise<Ranking> {
  const w: RankingWeights = { ...DEFAULT_RANKING_WEIGHTS, ...p.weights };
  const asOf = p.to < p.today ? p.to : p.today;
  const counted = await countAssignments(db, actor, { dueFrom: p.from, dueTo: p.to, asOf });
  const all = counted.agencies.map((a) => {
    const c = a.counts;
    const n = c.done_on_time + c.done_late + c.open_overdue;
    const score = n ? (w.onTime * c.done_on_time + w.late * c.done_late - w.overdue * c.open_overdue) / n : 0;
    return {
      rank: 0,
      agencyId: a.agencyId,
      agencyName: a.agencyName,
      due: c.done_on_time + c.done_late + c.open_on_time + c.open_overdue,
      doneOnTime: c.done_on_time,
      doneLate: c.done_late,
      openOnTime: c.open_on_time,
      openOverdue: c.open_overdue,
      overdue: c.done_late + c.open_overdue,
      counted: n,
      onTimeRate: onTimeRate(c) ?? 0,
      score,
      arithmetic: `(${num(w.onTime)} × ${c.done_on_time} + ${num(w.late)} × ${c.done_late} − ${num(w.overdue)} × ${c.open_overdue}) ÷ ${n} = ${num(score)}`,
    };
  });
  const rows = all
    .filter((r) => r.counted > 0)
    .sort((a, b) => cmp(a, b) || a.agencyName.localeCompare(b.agencyName, 'vi'));
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    // Competition ranking: what the tie rule cannot separate shares a rank (1, 1, 3).
    r.rank = prev && cmp(prev, r) === 0 ? prev.rank : i + 1;
  });
  return {
    from: p.from,
    to: p.to,
    asOf,
    weights: w,
    formula: RANKING_FORMULA_VI,
    rule: `${RANKING_RULE_VI} Kỳ xét: hạn xử lý từ ${formatDateVi(p.from)} đến ${formatDateVi(p.to)}, tình trạng tính đến ${formatDateVi(asOf)}. ${BUCKET_RULE_VI}`,
    agencies: rows,
    unranked: all
      .filter((r) => r.counted === 0 && r.due > 0)
      .map((r) => ({ agencyId: r.agencyId, agencyName: r.agencyName, due: r.due }))
      .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi')),
  };
}

/** The stated order: score, then rate, then fewer overdue, then more done on time. */
function cmp(a: RankedAgency, b: RankedAgency): number {
  return b.score - a.score || b.onTimeRate - a.onTimeRate || a.overdue - b.overdue || b.doneOnTime - a.doneOnTime;
}
