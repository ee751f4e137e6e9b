/**
 * Public holidays of the Labour Code 2019 (Bộ luật Lao động số 45/2019/QH14), art. 112, for one
 * Gregorian year, with the compensation rule of art. 112 khoản 3 and each year's official
 * decisions applied as overrides. Pure: no I/O.
 *
 * Art. 112 khoản 1 (days off with full pay):
 *   a) Tết Dương lịch: 1 day (1/1);
 *   b) Tết Âm lịch: 5 days (which ones: decided by the government each year — by default here the
 *      last day of the lunar year and lunar 1/1–4/1);
 *   c) Ngày Chiến thắng: 1 day (30/4);
 *   d) Ngày Quốc tế lao động: 1 day (1/5);
 *   đ) Quốc khánh: 2 days (2/9 and one adjacent day before or after — by default 1/9);
 *   e) Giỗ Tổ Hùng Vương: 1 day (10/3 lunar).
 * Art. 112 khoản 3: a holiday that falls on the weekly rest day is compensated on the next working
 * day(s). Weekly rest for state offices: Saturday and Sunday.
 *
 * Overrides are taken literally: `holidays` listed for a year are days off as given (no automatic
 * compensation for them — an official decision names its compensation days itself),
 * `removeHolidays` drops a computed statutory day (and so its automatic compensation) or a computed
 * compensation day, `daysOff` are swapped weekdays off and `workingDays` are make-up weekend days.
 */
import {
  calendarError,
  dayNumberToIso,
  formatViDate,
  isoToDayNumber,
  isWeekendDayNumber,
  MAX_YEAR,
  MIN_YEAR,
  ymdToDayNumber,
} from './dates';
import { canChiOfYear, lunarDayLabel, lunarToSolar, solarToLunar, tetDate } from './lunar';
import type { DatedName, YearOverrides } from './overrides';

export type HolidayKind =
  /** a day of art. 112 khoản 1, as computed */
  | 'statutory'
  /** the working day given back for a statutory day that fell on a weekend (khoản 3) */
  | 'compensatory'
  /** a holiday set by an official decision (override `holidays`) */
  | 'decided'
  /** a working day swapped into a day off (override `daysOff`), worked back on a make-up day */
  | 'swapped';

export interface Holiday {
  date: string;
  name: string;
  kind: HolidayKind;
}

/** Everything the calendar needs to know about one year. */
export interface YearCalendar {
  year: number;
  /** Every holiday of the year, sorted by date; includes statutory days that fall on a weekend. */
  holidays: Holiday[];
  /** Make-up working days (usually Saturdays), sorted by date. */
  workingDays: DatedName[];
  /** Day numbers of every holiday above (a make-up day in `makeUpDays` is worked regardless). */
  readonly offDays: ReadonlySet<number>;
  readonly makeUpDays: ReadonlyMap<number, string>;
  /** Day number → the holiday's name (the first listed when two coincide). */
  readonly names: ReadonlyMap<number, string>;
}

export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
  victory: 'Ngày Chiến thắng (30/4)',
  labour: 'Ngày Quốc tế lao động (1/5)',
  nationalDay: 'Quốc khánh (2/9)',
  nationalDayAdjacent: 'Quốc khánh (ngày liền kề 2/9)',
  compensation: 'Nghỉ bù',
} as const;

export function checkYear(year: unknown): number {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw calendarError(`Năm không hợp lệ: ${String(year)}. Lịch hỗ trợ các năm ${MIN_YEAR}–${MAX_YEAR}.`);
  }
  return year;
}

const iso = (y: number, m: number, d: number) => dayNumberToIso(ymdToDayNumber(y, m, d));

/** The statutory holidays of art. 112 khoản 1 for `year`, default choices, before compensation and overrides. */
export function statutoryHolidays(year: number): Holiday[] {
  checkYear(year);
  const out: Holiday[] = [{ date: iso(year, 1, 1), name: HOLIDAY_NAMES.newYear, kind: 'statutory' }];
  // Tết: the last day of the previous lunar year and lunar 1/1–4/1, all in January or February.
  const tet = isoToDayNumber(tetDate(year));
  const tetName = `${HOLIDAY_NAMES.tet} ${canChiOfYear(year)}`;
  for (let n = tet - 1; n <= tet + 3; n++) {
    const date = dayNumberToIso(n);
    out.push({ date, name: `${tetName} (${lunarDayLabel(solarToLunar(date))})`, kind: 'statutory' });
  }
  out.push({ date: lunarToSolar({ day: 10, month: 3, year }), name: HOLIDAY_NAMES.hungKings, kind: 'statutory' });
  out.push({ date: iso(year, 4, 30), name: HOLIDAY_NAMES.victory, kind: 'statutory' });
  out.push({ date: iso(year, 5, 1), name: HOLIDAY_NAMES.labour, kind: 'statutory' });
  out.push({ date: iso(year, 9, 1), name: HOLIDAY_NAMES.nationalDayAdjacent, kind: 'statutory' });
  out.push({ date: iso(year, 9, 2), name: HOLIDAY_NAMES.nationalDay, kind: 'statutory' });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Compensation days (art. 112 khoản 3) for the statutory days in `statutory` that fall on a
 * weekend: each gets the next weekday that is not already off, in date order.
 */
export function compensationDays(statutory: Holiday[], alsoOff: Iterable<number>): Holiday[] {
  const taken = new Set<number>(alsoOff);
  for (const h of statutory) taken.add(isoToDayNumber(h.date));
  const out: Holiday[] = [];
  const sorted = [...statutory].sort((a, b) => (a.date < b.date ? -1 : 1));
  for (const h of sorted) {
    const n = isoToDayNumber(h.date);
    if (!isWeekendDayNumber(n)) continue;
    let c = n + 1;
    while (isWeekendDayNumber(c) || taken.has(c)) c++;
    taken.add(c);
    out.push({ date: dayNumberToIso(c), name: `${HOLIDAY_NAMES.compensation} ngày ${formatViDate(h.date)} – ${h.name}`, kind: 'compensatory' });
  }
  return out;
}

/** The holidays and make-up days of one year, with its overrides applied. */
export function computeYear(year: number, yo: YearOverrides = {}): YearCalendar {
  checkYear(year);
  const removals = new Set((yo.removeHolidays ?? []).map((d) => isoToDayNumber(d)));
  const computed = statutoryHolidays(year);
  const statutory = computed.filter((h) => !removals.has(isoToDayNumber(h.date)));
  // Removals that named a statutory day; the others name compensation days.
  const usedRemovals = new Set(computed.map((h) => isoToDayNumber(h.date)).filter((n) => removals.has(n)));
  const decided: Holiday[] = (yo.holidays ?? []).map((h) => ({ date: h.date, name: h.name, kind: 'decided' }));
  const swapped: Holiday[] = (yo.daysOff ?? []).map((h) => ({ date: h.date, name: h.name, kind: 'swapped' }));
  const occupied = [...decided, ...swapped].map((h) => isoToDayNumber(h.date));
  const compensation = compensationDays(statutory, occupied).filter((h) => {
    const n = isoToDayNumber(h.date);
    return !(removals.has(n) && !usedRemovals.has(n));
  });

  // A decided holiday on the date of a statutory one replaces it (the decision names the day).
  const decidedDays = new Set(decided.map((h) => isoToDayNumber(h.date)));
  const all = [...statutory.filter((h) => !decidedDays.has(isoToDayNumber(h.date))), ...decided, ...compensation, ...swapped];
  all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const offDays = new Set<number>();
  const names = new Map<number, string>();
  for (const h of all) {
    const n = isoToDayNumber(h.date);
    offDays.add(n);
    if (!names.has(n)) names.set(n, h.name);
  }
  const workingDays = [...(yo.workingDays ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1));
  const makeUpDays = new Map<number, string>();
  for (const w of workingDays) makeUpDays.set(isoToDayNumber(w.date), w.name);
  return { year, holidays: all, workingDays, offDays, makeUpDays, names };
}
