/** Dates in dondoc are ISO 'YYYY-MM-DD' strings in Vietnam's time zone (UTC+7, no DST). */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD with a year from 1900 to 2199 (the shape; isIsoDate also checks the day exists). */
export const DATE_PATTERN_SOURCE = '^(19|20|21)\\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const DATE_PATTERN = new RegExp(DATE_PATTERN_SOURCE);

/**
 * A real calendar date in the years dondoc deals with (1900–2199). Year 0000 is refused here
 * because PostgreSQL has no year 0: it would fail in the query instead of in validation.
 */
export function isIsoDate(s: string): boolean {
  if (!DATE_PATTERN.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** 2025-07-14 → 14/07/2025, the way Vietnamese offices write dates. */
export function formatDateVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
