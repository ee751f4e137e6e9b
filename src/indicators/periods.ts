/**
 * Reporting periods of an indicator, written as sortable text: "2025-06" (month), "2025-Q2"
 * (quarter), "2025-H1" (the six months Vietnamese reports count: "6 tháng đầu năm"), "2025"
 * (year). Pure.
 */
export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const SHAPES: Record<PeriodKind, RegExp> = {
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  half: /^(\d{4})-H([12])$/,
  year: /^(\d{4})$/,
};

export const PERIOD_KIND_VI: Record<PeriodKind, string> = { month: 'tháng', quarter: 'quý', half: '6 tháng', year: 'năm' };
export const PERIOD_EXAMPLE: Record<PeriodKind, string> = { month: '2025-06', quarter: '2025-Q2', half: '2025-H1', year: '2025' };

export function isPeriod(kind: PeriodKind, period: string): boolean {
  const m = SHAPES[kind].exec(period);
  return !!m && Number(m[1]) >= 1900 && Number(m[1]) <= 2200;
}

/** "2025-Q2" → "Quý II/2025", "2025-H1" → "6 tháng đầu năm 2025". */
export function periodLabel(kind: PeriodKind, period: string): string {
  const m = SHAPES[kind].exec(period);
  if (!m) return period;
  const roman = ['I', 'II', 'III', 'IV'];
  switch (kind) {
    case 'month':
      return `Tháng ${Number(m[2])}/${m[1]}`;
    case 'quarter':
      return `Quý ${roman[Number(m[2]) - 1]}/${m[1]}`;
    case 'half':
      return `6 tháng ${m[2] === '1' ? 'đầu' : 'cuối'} năm ${m[1]}`;
    case 'year':
      return `Năm ${m[1]}`;
  }
}

/** The same period one year earlier ("cùng kỳ năm trước"). */
export function sameTimeLastYear(period: string): string {
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}

/** The period of `kind` that holds a date (YYYY-MM-DD). */
export function periodOf(kind: PeriodKind, isoDate: string): string {
  const y = isoDate.slice(0, 4);
  const month = Number(isoDate.slice(5, 7));
  switch (kind) {
    case 'month':
      return isoDate.slice(0, 7);
    case 'quarter':
      return `${y}-Q${Math.ceil(month / 3)}`;
    case 'half':
      return `${y}-H${month <= 6 ? 1 : 2}`;
    case 'year':
      return y;
  }
}
