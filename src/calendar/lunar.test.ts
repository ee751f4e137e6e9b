import { describe, expect, it } from 'vitest';
import { canChiOfYear, leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar, tetDate } from './lunar';
import { dayNumberToIso, isoToDayNumber } from './dates';

describe('Tết Nguyên đán (1/1 lunar, UTC+7)', () => {
  it.each([
    [2020, '2020-01-25'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
  ])('Tết %i falls on %s', (year, iso) => {
    expect(tetDate(year)).toBe(iso);
    expect(solarToLunar(iso)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it('uses Vietnam time, not China time: Tết 1985 and 2007 differ from the Chinese New Year', () => {
    expect(tetDate(1985)).toBe('1985-01-21'); // China: 1985-02-20
    expect(tetDate(2007)).toBe('2007-02-17'); // China: 2007-02-18
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('%i → %s', (year, iso) => {
    expect(lunarToSolar({ day: 10, month: 3, year })).toBe(iso);
    expect(solarToLunar(iso)).toEqual({ day: 10, month: 3, year, leap: false });
  });
});

describe('leap months', () => {
  it('2023 had a leap 2nd month', () => {
    expect(leapMonthOf(2023)).toBe(2);
    expect(solarToLunar('2023-02-20')).toEqual({ day: 1, month: 2, year: 2023, leap: false });
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true })).toBe('2023-03-22');
    expect(solarToLunar('2023-04-20')).toEqual({ day: 1, month: 3, year: 2023, leap: false });
  });

  it('2025 had a leap 6th month', () => {
    expect(leapMonthOf(2025)).toBe(6);
    expect(solarToLunar('2025-06-25')).toEqual({ day: 1, month: 6, year: 2025, leap: false });
    expect(solarToLunar('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true })).toBe('2025-07-25');
    // Mid-autumn (15/8) comes late in a year with a leap month.
    expect(lunarToSolar({ day: 15, month: 8, year: 2025 })).toBe('2025-10-06');
  });

  it('other years', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2028)).toBe(5);
    expect(leapMonthOf(2024)).toBeNull();
    expect(leapMonthOf(2026)).toBeNull();
    expect(lunarToSolar({ day: 15, month: 8, year: 2024 })).toBe('2024-09-17');
  });

  it('rejects a leap month the year does not have, and a day 30 of a short month', () => {
    expect(() => lunarToSolar({ day: 1, month: 3, year: 2023, leap: true })).toThrow(/không có tháng nhuận/);
    expect(() => lunarToSolar({ day: 1, month: 1, year: 2026, leap: true })).toThrow(/không có tháng nhuận/);
    expect(lunarMonthLength(2025, 12)).toBe(29); // Tết 2026 has no "30 Tết"
    expect(() => lunarToSolar({ day: 30, month: 12, year: 2025 })).toThrow(/29 ngày/);
    expect(lunarMonthLength(2023, 12)).toBe(30);
    expect(lunarToSolar({ day: 30, month: 12, year: 2023 })).toBe('2024-02-09');
    expect(() => lunarToSolar({ day: 0, month: 1, year: 2025 })).toThrow(/không hợp lệ/);
    expect(() => lunarToSolar({ day: 1, month: 13, year: 2025 })).toThrow(/không hợp lệ/);
  });
});

describe('round trip', () => {
  it('solar → lunar → solar is the identity for every day of 1990–2070', () => {
    const start = isoToDayNumber('1990-01-01');
    const end = isoToDayNumber('2070-12-31');
    let prev = solarToLunar(dayNumberToIso(start - 1));
    for (let n = start; n <= end; n++) {
      const iso = dayNumberToIso(n);
      const l = solarToLunar(iso);
      // Lunar days advance by one, or start a new month after day 29 or 30.
      if (l.day === 1) expect([29, 30]).toContain(prev.day);
      else expect(l.day).toBe(prev.day + 1);
      if (l.day === 1 || l.day === 15) expect(lunarToSolar(l)).toBe(iso);
      prev = l;
    }
  });

  it('never yields a "day 0" where the original estimate of the new moon is one month off', () => {
    expect(solarToLunar('2054-05-07')).toEqual({ day: 30, month: 3, year: 2054, leap: false });
    expect(solarToLunar('2054-05-08').day).toBe(1);
    expect(solarToLunar('2062-04-09').day).toBeGreaterThanOrEqual(29);
    expect(solarToLunar('2062-04-10').day).toBe(1);
  });
});

describe('can chi', () => {
  it('names the years', () => {
    expect(canChiOfYear(2024)).toBe('Giáp Thìn');
    expect(canChiOfYear(2025)).toBe('Ất Tỵ');
    expect(canChiOfYear(2026)).toBe('Bính Ngọ');
    expect(canChiOfYear(2027)).toBe('Đinh Mùi');
  });
});
