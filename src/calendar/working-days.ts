/**
 * Working days ("ngày làm việc") and periods counted as the Civil Code 2015 says:
 *  - art. 147 khoản 1: a period in days starts on the day after the event (the day of the event
 *    does not count);
 *  - art. 148 khoản 5: when the last day of a period is a weekly rest day or a public holiday,
 *    the period ends at the end of the next working day.
 * A working day is Monday–Friday minus public holidays, compensation days and swapped days off,
 * plus make-up working days (usually Saturdays) decided for the year.
 *
 * All dates are 'YYYY-MM-DD' strings; arithmetic is on UTC day numbers.
 */
import { calendarError, dayNumberToIso, dayNumberToYmd, isoToDayNumber, isWeekendDayNumber, MAX_YEAR, MIN_YEAR, ymdToDayNumber } from './dates';
import { checkYear, computeYear, type Holiday, type YearCalendar } from './holidays';
import { defaultOverrides, parseOverrides, type CalendarOverrides, type DatedName } from './overrides';

export interface Calendar {
  /** True when `iso` is a working day. */
  isWorkingDay(iso: string): boolean;
  /** The Vietnamese name of the holiday on `iso` (including one that falls on a weekend), or null. */
  holidayName(iso: string): string | null;
  /** The first working day strictly after `iso`. */
  nextWorkingDay(iso: string): string;
  /** The last working day strictly before `iso`. */
  previousWorkingDay(iso: string): string;
  /**
   * The n-th working day after `iso`, counting from the day after (Civil Code arts. 147–148):
   * 1 working day after Monday 2025-07-14 is Tuesday 2025-07-15. n = 0 returns `iso` itself;
   * a negative n counts back (the |n|-th working day strictly before `iso`).
   */
  addWorkingDays(iso: string, n: number): string;
  /**
   * Working days in (a, b] — after `a`, up to and including `b`; negative when b < a.
   * For a working day b after a: addWorkingDays(a, workingDaysBetween(a, b)) === b.
   */
  workingDaysBetween(a: string, b: string): number;
  /** The day a period whose last day is `iso` really ends: `iso` if a working day, else the next working day. */
  periodEnd(iso: string): string;
  /** Every holiday of `year` (statutory, compensation, decided, swapped), sorted by date. */
  holidaysOf(year: number): Holiday[];
  /** The make-up working days (usually Saturdays) of `year`. */
  makeUpDaysOf(year: number): DatedName[];
}

function checkCount(n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw calendarError(`Số ngày làm việc phải là số nguyên, nhận được: ${String(n)}.`);
  }
  if (Math.abs(n) > 20_000) throw calendarError(`Số ngày làm việc quá lớn: ${n}.`);
  return n;
}

/**
 * A calendar with exactly the given overrides (default: the shipped official decisions). To add an
 * admin's file to the defaults: createCalendar(mergeOverrides(defaultOverrides, parseOverrides(json))).
 * Throws AppError('VALIDATION') with Vietnamese messages when the overrides are invalid.
 */
export function createCalendar(overrides: CalendarOverrides = defaultOverrides): Calendar {
  // Validated once here, so that a hand-built object fails early with the same clear messages.
  if (overrides !== defaultOverrides) overrides = parseOverrides(overrides);
  const cache = new Map<number, YearCalendar>();
  const yearOf = (year: number): YearCalendar => {
    let y = cache.get(year);
    if (!y) {
      if (year < MIN_YEAR || year > MAX_YEAR) {
        throw calendarError(`Phép tính vượt ra ngoài phạm vi lịch hỗ trợ (năm ${MIN_YEAR}–${MAX_YEAR}).`);
      }
      y = computeYear(year, overrides.years[String(year)] ?? {});
      cache.set(year, y);
    }
    return y;
  };
  // Most calls walk day by day through one year: remember the last year's span.
  let span = { lo: 1, hi: 0, y: undefined as YearCalendar | undefined };
  const yearOfDay = (n: number): YearCalendar => {
    if (n >= span.lo && n <= span.hi && span.y) return span.y;
    const year = dayNumberToYmd(n).year;
    const y = yearOf(year);
    span = { lo: ymdToDayNumber(year, 1, 1), hi: ymdToDayNumber(year, 12, 31), y };
    return y;
  };
  const working = (n: number): boolean => {
    const y = yearOfDay(n);
    if (y.makeUpDays.has(n)) return true;
    return !isWeekendDayNumber(n) && !y.offDays.has(n);
  };
  const step = (n: number, dir: 1 | -1): number => {
    let c = n + dir;
    while (!working(c)) c += dir;
    return c;
  };

  const cal: Calendar = {
    isWorkingDay: (iso) => working(isoToDayNumber(iso)),
    holidayName(iso) {
      const n = isoToDayNumber(iso);
      return yearOfDay(n).names.get(n) ?? null;
    },
    nextWorkingDay: (iso) => dayNumberToIso(step(isoToDayNumber(iso), 1)),
    previousWorkingDay: (iso) => dayNumberToIso(step(isoToDayNumber(iso), -1)),
    addWorkingDays(iso, n) {
      let d = isoToDayNumber(iso);
      const count = checkCount(n);
      const dir = count < 0 ? -1 : 1;
      for (let i = 0; i < Math.abs(count); i++) d = step(d, dir);
      return dayNumberToIso(d);
    },
    workingDaysBetween(a, b) {
      const na = isoToDayNumber(a, 'Ngày bắt đầu');
      const nb = isoToDayNumber(b, 'Ngày kết thúc');
      const [lo, hi, sign] = na <= nb ? [na, nb, 1] : [nb, na, -1];
      let count = 0;
      for (let d = lo + 1; d <= hi; d++) if (working(d)) count++;
      return sign * count;
    },
    periodEnd(iso) {
      const n = isoToDayNumber(iso);
      return working(n) ? iso : dayNumberToIso(step(n, 1));
    },
    holidaysOf: (year) => yearOf(checkYear(year)).holidays.map((h) => ({ ...h })),
    makeUpDaysOf: (year) => yearOf(checkYear(year)).workingDays.map((w) => ({ ...w })),
  };
  return cal;
}
