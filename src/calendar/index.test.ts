import { describe, expect, it } from 'vitest';
import * as calendar from './index';
import { addWorkingDays, createCalendar, isWorkingDay, nextWorkingDay, parseOverrides, mergeOverrides, defaultOverrides } from './index';

describe('the public API', () => {
  it('keeps the signature the reader uses: addWorkingDays(isoDate, n): string', () => {
    const f: (isoDate: string, n: number) => string = addWorkingDays;
    expect(f('2025-07-14', 10)).toBe('2025-07-28');
    expect(isWorkingDay('2025-04-26')).toBe(true);
    expect(nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(calendar.periodEnd('2025-09-01')).toBe('2025-09-03');
    expect(calendar.workingDaysBetween('2025-07-14', '2025-07-28')).toBe(10);
    expect(calendar.holidayName('2025-04-07')).toBe('Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(calendar.todayInVietnam(new Date('2025-07-14T20:00:00Z'))).toBe('2025-07-15');
  });

  it('an admin file layered over the defaults', () => {
    const mine = parseOverrides({
      years: {
        '2027': {
          daysOff: [{ date: '2027-02-12', name: 'Nghỉ hoán đổi dịp Tết' }],
          workingDays: [{ date: '2027-02-20', name: 'Làm bù ngày 12/2/2027' }],
        },
      },
    });
    const cal = createCalendar(mergeOverrides(defaultOverrides, mine));
    expect(cal.isWorkingDay('2025-04-26')).toBe(true); // default kept
    expect(cal.nextWorkingDay('2027-02-04')).toBe('2027-02-15'); // 5/2–14/2/2027 off
    expect(cal.isWorkingDay('2027-02-20')).toBe(true);
  });
});
