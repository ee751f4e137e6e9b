/**
 * The numbers behind an indicator's charts: for each period, what was achieved, the target, and
 * the same period of the year before. Pure; the screen, the .xlsx and the tests read the same rows.
 */
import type { Direction } from './indicators.schema';
import { periodLabel, sameTimeLastYear, type PeriodKind } from './periods';

export interface SeriesRow {
  period: string;
  label: string;
  actual: number | null;
  target: number | null;
  lastYear: number | null;
  /** Share of the target achieved, in %: actual/target (more is better) or target/actual (less is better). */
  attainment: number | null;
  /** Whether the target is met (the target itself counts as met); null without both figures. */
  met: boolean | null;
  /** Change against the same period last year, in % of last year's figure. */
  changeVsLastYear: number | null;
}

export const ATTAINMENT_RULE_VI =
  'Tỷ lệ đạt = thực hiện / kế hoạch × 100 (chỉ tiêu càng cao càng tốt) hoặc kế hoạch / thực hiện × 100 (càng thấp càng tốt); bằng kế hoạch là đạt. So với cùng kỳ = (kỳ này − cùng kỳ năm trước) / |cùng kỳ năm trước| × 100.';

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

export function attainment(direction: Direction, actual: number | null, target: number | null): { attainment: number | null; met: boolean | null } {
  if (actual === null || target === null) return { attainment: null, met: null };
  const met = direction === 'higher' ? actual >= target : actual <= target;
  const ratio = direction === 'higher' ? (target === 0 ? null : actual / target) : actual === 0 ? null : target / actual;
  return { attainment: ratio === null ? null : round(ratio * 100), met };
}

export function buildSeries(
  kind: PeriodKind,
  direction: Direction,
  values: Map<string, number>,
  targets: Map<string, number>,
): SeriesRow[] {
  const periods = new Set<string>();
  for (const p of values.keys()) periods.add(p);
  for (const p of targets.keys()) periods.add(p);
  return [...periods].sort().map((period) => {
    const actual = values.get(period) ?? null;
    const target = targets.get(period) ?? null;
    const lastYear = values.get(sameTimeLastYear(period)) ?? null;
    const change = actual !== null && lastYear !== null && lastYear !== 0 ? round(((actual - lastYear) / Math.abs(lastYear)) * 100) : null;
    return { period, label: periodLabel(kind, period), actual, target, lastYear, ...attainment(direction, actual, target), changeVsLastYear: change };
  });
}
