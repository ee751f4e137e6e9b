/**
 * ISO date strings ('YYYY-MM-DD') and day numbers. Pure, no time zones: every calculation is on
 * whole days counted in UTC, so the host's TZ can never shift a date.
 */
import { AppError } from '../shared/errors';

/** The years the calendar supports (the lunar algorithm is accurate well beyond this). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Julian Day Number of 1970-01-01. */
export const JDN_EPOCH = 2_440_588;

export function calendarError(detail: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError('VALIDATION', detail, extra);
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Parses 'YYYY-MM-DD' strictly (a real date, years MIN_YEAR–MAX_YEAR); null when it is not one. */
export function tryParseIso(iso: unknown): Ymd | null {
  if (typeof iso !== 'string') return null;
  const m = ISO_RE.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return { year, month, day };
}

/** Parses 'YYYY-MM-DD' or throws a VALIDATION AppError with a Vietnamese message. */
export function parseIso(iso: unknown, what = 'Ngày'): Ymd {
  const ymd = tryParseIso(iso);
  if (ymd) return ymd;
  if (typeof iso === 'string' && ISO_RE.test(iso)) {
    const year = Number(iso.slice(0, 4));
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw calendarError(`${what} "${iso}" nằm ngoài phạm vi lịch hỗ trợ (năm ${MIN_YEAR}–${MAX_YEAR}).`, { value: iso });
    }
    throw calendarError(`${what} "${iso}" không tồn tại trên lịch.`, { value: iso });
  }
  throw calendarError(`${what} không hợp lệ: ${JSON.stringify(iso) ?? String(iso)}. Cần định dạng YYYY-MM-DD, ví dụ 2025-07-14.`, {
    value: typeof iso === 'string' ? iso : String(iso),
  });
}

/** Days since 1970-01-01 (UTC) of a calendar date. */
export function ymdToDayNumber(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / MS_PER_DAY);
}

export function dayNumberToYmd(n: number): Ymd {
  const t = new Date(n * MS_PER_DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatYmd(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function dayNumberToIso(n: number): string {
  const { year, month, day } = dayNumberToYmd(n);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw calendarError(`Kết quả nằm ngoài phạm vi lịch hỗ trợ (năm ${MIN_YEAR}–${MAX_YEAR}).`);
  }
  return formatYmd(year, month, day);
}

/** Strict ISO → day number; throws on invalid input. */
export function isoToDayNumber(iso: unknown, what = 'Ngày'): number {
  const { year, month, day } = parseIso(iso, what);
  return ymdToDayNumber(year, month, day);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function isWeekendDayNumber(n: number): boolean {
  const w = weekdayOfDayNumber(n);
  return w === 0 || w === 6;
}

const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** 'thứ Hai' … 'Chủ nhật' for a date. */
export function weekdayNameVi(iso: string): string {
  return WEEKDAY_VI[weekdayOfDayNumber(isoToDayNumber(iso))];
}

/** 'd/m/yyyy', the way Vietnamese documents write dates. */
export function formatViDate(iso: string): string {
  const { year, month, day } = parseIso(iso);
  return `${day}/${month}/${year}`;
}

/** Today's date in Vietnam (UTC+7, no daylight saving), as 'YYYY-MM-DD'. */
export function todayInVietnam(now: Date = new Date()): string {
  const t = now.getTime();
  if (!Number.isFinite(t)) throw calendarError('Thời điểm không hợp lệ (Invalid Date).');
  const v = new Date(t + 7 * 3_600_000);
  return formatYmd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
}
