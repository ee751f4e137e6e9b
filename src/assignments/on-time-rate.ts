/**
 * THE on-time rate, defined once for every screen and export (dashboard, monthly report, ranking,
 * files): among the tasks that have come due or were finished on the day asked,
 *
 *     on-time rate = done on time ÷ (done on time + done late + open overdue)
 *
 * Tasks still within their deadline, without a deadline or cancelled are left out: they have
 * not yet been on time or late. Null (shown "—") when no task has come due.
 */
import type { Bucket } from './buckets';

export const ON_TIME_RATE_FORMULA_VI = 'Tỷ lệ đúng hạn = Đã hoàn thành đúng hạn ÷ (Đã hoàn thành đúng hạn + Đã hoàn thành quá hạn + Chưa hoàn thành quá hạn)';

export const ON_TIME_RATE_RULE_VI = `${ON_TIME_RATE_FORMULA_VI}; nhiệm vụ còn trong hạn, không có hạn hoặc đã hủy không tính.`;

type RateCounts = Pick<Record<Bucket, number>, 'done_on_time' | 'done_late' | 'open_overdue'> & Partial<Record<Bucket, number>>;

export function onTimeRate(c: RateCounts): number | null {
  const due = c.done_on_time + c.done_late + c.open_overdue;
  return due === 0 ? null : c.done_on_time / due;
}

/** The arithmetic behind one rate, for tooltips and API answers: "3 ÷ (3 + 1 + 5) = 33,33 %". */
export function onTimeRateArithmetic(c: RateCounts): string {
  const r = onTimeRate(c);
  const pct = r === null ? '—' : `${(Math.round(r * 10000) / 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 })} %`;
  return `${c.done_on_time} ÷ (${c.done_on_time} + ${c.done_late} + ${c.open_overdue}) = ${pct}`;
}
