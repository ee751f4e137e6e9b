/**
 * Vietnamese lunisolar calendar (âm lịch), time zone UTC+7.
 *
 * The standard astronomical algorithm published by Hồ Ngọc Đức ("Lịch Việt Nam", 2004):
 * new moons from Meeus' series, the sun's longitude for the major solar terms, month 11 is the
 * month containing the winter solstice, and in a year with 13 months the leap month is the first
 * month after month 11 without a major solar term. Computed for UTC+7, which is why Vietnamese
 * Tết can differ from the Chinese New Year (e.g. 1985, 2007).
 */
import { JDN_EPOCH, calendarError, dayNumberToIso, isoToDayNumber, ymdToDayNumber } from './dates';

/** Vietnam's time zone, hours east of UTC. */
export const VIETNAM_TZ = 7;

export interface LunarDate {
  day: number;
  month: number;
  /** The lunar year, named by the Gregorian year in which its month 1 begins. */
  year: number;
  /** True for a day of the leap (nhuận) month. */
  leap: boolean;
}

const PI = Math.PI;
const INT = Math.floor;

/** Julian day number → time of the k-th new moon after 1900-01-01 13:52 UT (Julian day, fractional). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + C1 - deltaT;
}

/** Sun's apparent longitude in radians, [0, 2π), at Julian day `jdn` (fractional, UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L = L - PI * 2 * INT(L / (PI * 2));
  return L;
}

/** Julian day number of the local day on which the k-th new moon falls. */
function getNewMoonDay(k: number, tz: number): number {
  return INT(newMoon(k) + 0.5 + tz / 24);
}

/** Sector 0–11 (each 30°) of the sun's longitude at the start of local day `dayNumber`. */
function getSunLongitudeSector(dayNumber: number, tz: number): number {
  return INT((sunLongitude(dayNumber - 0.5 - tz / 24) / PI) * 6);
}

const jdOf = (y: number, m: number, d: number) => ymdToDayNumber(y, m, d) + JDN_EPOCH;

/** Julian day number of the first day of lunar month 11 (the month holding the winter solstice) of Gregorian year `yy`. */
function getLunarMonth11(yy: number, tz: number): number {
  const off = jdOf(yy, 12, 31) - 2415021;
  const k = INT(off / 29.530588853);
  let nm = getNewMoonDay(k, tz);
  const sunLong = getSunLongitudeSector(nm, tz);
  if (sunLong >= 9) nm = getNewMoonDay(k - 1, tz);
  return nm;
}

/** Offset (in months after month 11 starting at `a11`) of the first month without a major solar term. */
function getLeapMonthOffset(a11: number, tz: number): number {
  const k = INT((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let last: number;
  let i = 1;
  let arc = getSunLongitudeSector(getNewMoonDay(k + i, tz), tz);
  do {
    last = arc;
    i++;
    arc = getSunLongitudeSector(getNewMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

function solarJdToLunar(dayNumber: number, yy: number, tz: number): LunarDate {
  // The original takes k+1 or k; its estimate of k can be one too high (e.g. 2054-05-07,
  // 2062-04-09 gave "day 0"), so settle k on the new moon that starts the month of dayNumber.
  let k = INT((dayNumber - 2415021.076998695) / 29.530588853);
  while (getNewMoonDay(k, tz) > dayNumber) k--;
  while (getNewMoonDay(k + 1, tz) <= dayNumber) k++;
  const monthStart = getNewMoonDay(k, tz);
  let a11 = getLunarMonth11(yy, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = yy;
    a11 = getLunarMonth11(yy - 1, tz);
  } else {
    lunarYear = yy + 1;
    b11 = getLunarMonth11(yy + 1, tz);
  }
  const lunarDay = dayNumber - monthStart + 1;
  const diff = INT((monthStart - a11) / 29);
  let leap = false;
  let lunarMonth = diff + 11;
  if (b11 - a11 > 365) {
    const leapMonthDiff = getLeapMonthOffset(a11, tz);
    if (diff >= leapMonthDiff) {
      lunarMonth = diff + 10;
      if (diff === leapMonthDiff) leap = true;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { day: lunarDay, month: lunarMonth, year: lunarYear, leap };
}

/** Solar (Gregorian) 'YYYY-MM-DD' → Vietnamese lunar date. */
export function solarToLunar(iso: string): LunarDate {
  const n = isoToDayNumber(iso);
  const yy = Number(iso.slice(0, 4));
  return solarJdToLunar(n + JDN_EPOCH, yy, VIETNAM_TZ);
}

function checkLunarInput(l: { day: number; month: number; year: number }): void {
  const ok = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;
  if (!ok(l.day, 1, 30) || !ok(l.month, 1, 12) || !ok(l.year, 1900, 2199)) {
    throw calendarError(
      `Ngày âm lịch không hợp lệ: ${l.day}/${l.month}/${l.year} (ngày 1–30, tháng 1–12, năm 1900–2199).`,
    );
  }
}

/**
 * Vietnamese lunar date → solar 'YYYY-MM-DD'. Throws when the date does not exist
 * (day 30 of a 29-day month, or a leap month the year does not have).
 */
export function lunarToSolar(l: { day: number; month: number; year: number; leap?: boolean }): string {
  checkLunarInput(l);
  const tz = VIETNAM_TZ;
  const leapAsked = l.leap === true;
  let a11: number;
  let b11: number;
  if (l.month < 11) {
    a11 = getLunarMonth11(l.year - 1, tz);
    b11 = getLunarMonth11(l.year, tz);
  } else {
    a11 = getLunarMonth11(l.year, tz);
    b11 = getLunarMonth11(l.year + 1, tz);
  }
  const k = INT(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = l.month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = getLeapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth <= 0) leapMonth += 12;
    if (leapAsked && l.month !== leapMonth) {
      throw calendarError(`Tháng ${l.month} năm âm lịch ${l.year} không có tháng nhuận.`);
    } else if (leapAsked || off >= leapOff) {
      off += 1;
    }
  } else if (leapAsked) {
    throw calendarError(`Tháng ${l.month} năm âm lịch ${l.year} không có tháng nhuận.`);
  }
  const monthStart = getNewMoonDay(k + off, tz);
  const iso = dayNumberToIso(monthStart + l.day - 1 - JDN_EPOCH);
  if (l.day === 30) {
    const back = solarToLunar(iso);
    if (back.day !== 30) {
      throw calendarError(`Tháng ${l.month}${leapAsked ? ' nhuận' : ''} năm âm lịch ${l.year} chỉ có 29 ngày.`);
    }
  }
  return iso;
}

/** Solar date of Tết Nguyên đán (1/1 lunar) of lunar year `year`. */
export function tetDate(year: number): string {
  return lunarToSolar({ day: 1, month: 1, year });
}

/** The leap month (1–12) of lunar year `year`, or null when the year has 12 months. */
export function leapMonthOf(year: number): number | null {
  checkLunarInput({ day: 1, month: 1, year });
  const end = isoToDayNumber(tetDate(year + 1));
  // Walk the first days of the months of this lunar year (12 or 13 of them).
  for (let n = isoToDayNumber(tetDate(year)); n < end; ) {
    const l = solarToLunar(dayNumberToIso(n));
    if (l.leap) return l.month;
    n += solarToLunar(dayNumberToIso(n + 29)).day === 1 ? 29 : 30;
  }
  return null;
}

/** Number of days (29 or 30) of a lunar month. */
export function lunarMonthLength(year: number, month: number, leap = false): 29 | 30 {
  const first = isoToDayNumber(lunarToSolar({ day: 1, month, year, leap }));
  return solarToLunar(dayNumberToIso(first + 29)).day === 30 ? 30 : 29;
}

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** The sexagenary name of a lunar year, e.g. 2025 → 'Ất Tỵ', 2026 → 'Bính Ngọ'. */
export function canChiOfYear(year: number): string {
  return `${CAN[(((year + 6) % 10) + 10) % 10]} ${CHI[(((year + 8) % 12) + 12) % 12]}`;
}

/** 'ngày 29 tháng Chạp', 'mùng 1 tháng Giêng': how Vietnamese name a lunar day near Tết. */
export function lunarDayLabel(l: LunarDate): string {
  const monthName = l.month === 1 ? 'Giêng' : l.month === 12 ? 'Chạp' : String(l.month);
  const dayName = l.day <= 10 ? `mùng ${l.day}` : `ngày ${l.day}`;
  return `${dayName} tháng ${monthName}${l.leap ? ' nhuận' : ''}`;
}
