/** Vietnamese formats: 14/07/2025, 6,56%, 2.394. English keeps day/month order (en-GB). */
import { getLang } from './i18n';

const nf = new Map<string, Intl.NumberFormat>();
function numberFormat(digits: number) {
  const key = `${getLang()}:${digits}`;
  let f = nf.get(key);
  if (!f) {
    f = new Intl.NumberFormat(getLang() === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
    nf.set(key, f);
  }
  return f;
}

export const fmtNumber = (n: number, digits = 2) => numberFormat(digits).format(n);
export const fmtPercent = (n: number, digits = 2) => `${fmtNumber(n, digits)}%`;

/** ISO date (yyyy-mm-dd) → dd/mm/yyyy without time-zone surprises. */
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** Timestamp → dd/mm/yyyy hh:mm in local time. */
export function fmtDateTime(ts: string | null | undefined): string {
  if (!ts) return '';
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return ts;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${fmtNumber(n / 1024, 1)} KB`;
  return `${fmtNumber(n / 1024 / 1024, 1)} MB`;
}

/** "14/7/2025" or "14/07/2025" → "2025-07-14"; null when it is not a real date. */
export function parseVnDate(s: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(s);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
