/**
 * The Vietnamese working-day calendar: public holidays (Labour Code 2019 art. 112, lunar dates
 * for UTC+7), each year's official decisions as overrides, and periods counted in working days
 * as the Civil Code 2015 says (arts. 147–148). Pure: no I/O; dates are 'YYYY-MM-DD' strings.
 *
 *   import { addWorkingDays } from '../calendar';
 *   addWorkingDays('2025-07-14', 10) // '2025-07-28'
 */
import { createCalendar, type Calendar } from './working-days';

export { createCalendar, type Calendar } from './working-days';
export { parseOverrides, validateOverrides, mergeOverrides, defaultOverrides } from './overrides';
export type { CalendarOverrides, YearOverrides, DatedName } from './overrides';
export { statutoryHolidays, HOLIDAY_NAMES, type Holiday, type HolidayKind } from './holidays';
export { solarToLunar, lunarToSolar, tetDate, leapMonthOf, lunarMonthLength, canChiOfYear, type LunarDate } from './lunar';
export { todayInVietnam, formatViDate, weekdayNameVi, tryParseIso } from './dates';

let defaultCalendar: Calendar | undefined;

/** The calendar with the official decisions shipped in overrides.default.json. */
export function getDefaultCalendar(): Calendar {
  defaultCalendar ??= createCalendar();
  return defaultCalendar;
}

/** The n-th working day after `isoDate` (day 1 is the first working day after it); see Calendar.addWorkingDays. */
export function addWorkingDays(isoDate: string, n: number): string {
  return getDefaultCalendar().addWorkingDays(isoDate, n);
}

/** True when `isoDate` is a working day by the default calendar. */
export function isWorkingDay(isoDate: string): boolean {
  return getDefaultCalendar().isWorkingDay(isoDate);
}

/** The first working day strictly after `isoDate` by the default calendar. */
export function nextWorkingDay(isoDate: string): string {
  return getDefaultCalendar().nextWorkingDay(isoDate);
}

/** The day a period ending on `isoDate` really ends (the next working day if it is not one). */
export function periodEnd(isoDate: string): string {
  return getDefaultCalendar().periodEnd(isoDate);
}

/** Working days in (a, b] by the default calendar. */
export function workingDaysBetween(a: string, b: string): number {
  return getDefaultCalendar().workingDaysBetween(a, b);
}

/** The Vietnamese name of the holiday on `isoDate`, or null. */
export function holidayName(isoDate: string): string | null {
  return getDefaultCalendar().holidayName(isoDate);
}
