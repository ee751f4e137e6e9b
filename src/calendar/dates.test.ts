import { describe, expect, it } from 'vitest';
import { formatViDate, isoToDayNumber, dayNumberToIso, todayInVietnam, tryParseIso, weekdayNameVi } from './dates';

describe('dates', () => {
  it('parses strictly', () => {
    expect(tryParseIso('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(tryParseIso('2025-02-29')).toBeNull();
    expect(tryParseIso('2100-02-29')).toBeNull();
    expect(tryParseIso('2000-02-29')).not.toBeNull();
    expect(tryParseIso(' 2025-01-01')).toBeNull();
  });

  it('day numbers round-trip and are UTC', () => {
    expect(isoToDayNumber('1970-01-01')).toBe(0);
    expect(dayNumberToIso(isoToDayNumber('2026-02-17'))).toBe('2026-02-17');
    expect(weekdayNameVi('2026-02-17')).toBe('thứ Ba');
    expect(weekdayNameVi('2025-07-20')).toBe('Chủ nhật');
    expect(formatViDate('2025-07-04')).toBe('4/7/2025');
  });

  it('todayInVietnam is UTC+7', () => {
    expect(todayInVietnam(new Date('2025-07-14T16:59:59Z'))).toBe('2025-07-14');
    expect(todayInVietnam(new Date('2025-07-14T17:00:00Z'))).toBe('2025-07-15');
    expect(todayInVietnam(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
    expect(todayInVietnam(new Date('2026-01-01T00:30:00+07:00'))).toBe('2026-01-01');
    expect(todayInVietnam()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(() => todayInVietnam(new Date('nope'))).toThrow(/không hợp lệ/);
  });
});
