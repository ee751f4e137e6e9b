/** Small Vietnamese formatting helpers shared by the report renderers. */

/** 0.8571 → "85,71%"; null (nothing to rate) → "–". Comma decimals, as Vietnamese documents write. */
export function formatPercentVi(rate: number | null, digits = 2): string {
  if (rate === null) return '–';
  const fixed = (rate * 100).toFixed(digits).replace(/\.?0+$/, '');
  return `${fixed.replace('.', ',')}%`;
}

/** 2394 → "2.394": dot thousands. */
export function formatIntVi(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "2025-07-31" → "ngày 31 tháng 7 năm 2025" (no leading zero on day ≥ 10 or month ≥ 3, per NĐ 30/2020). */
export function longDateVi(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m < 3 ? `0${m}` : String(m);
  return `ngày ${dd} tháng ${mm} năm ${y}`;
}

/** "2025-07" → "07/2025". */
export function monthLabelVi(month: string): string {
  const [y, m] = month.split('-');
  return `${m}/${y}`;
}

/** The last day of a month "YYYY-MM" as ISO date. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function monthStart(month: string): string {
  return `${month}-01`;
}

/** The month `n` months after "YYYY-MM" (negative goes back). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}
