import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { createCalendar } from './working-days';

const cal = createCalendar(); // shipped official decisions
const plain = createCalendar({ years: {} }); // Labour Code only, no decisions

/** Every day from a to b (inclusive) with its working status. */
function days(c: ReturnType<typeof createCalendar>, a: string, b: string): string[] {
  const out: string[] = [];
  for (let d = a; d <= b; d = next(d)) out.push(`${d} ${c.isWorkingDay(d) ? 'làm' : 'nghỉ'}`);
  return out;
}
function next(iso: string): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

describe('Tết Bính Ngọ 2026: 14/2–22/2 off', () => {
  it('the week around Tết', () => {
    expect(days(cal, '2026-02-12', '2026-02-24')).toEqual([
      '2026-02-12 làm',
      '2026-02-13 làm',
      '2026-02-14 nghỉ',
      '2026-02-15 nghỉ',
      '2026-02-16 nghỉ',
      '2026-02-17 nghỉ',
      '2026-02-18 nghỉ',
      '2026-02-19 nghỉ',
      '2026-02-20 nghỉ',
      '2026-02-21 nghỉ',
      '2026-02-22 nghỉ',
      '2026-02-23 làm',
      '2026-02-24 làm',
    ]);
    expect(cal.holidayName('2026-02-17')).toBe('Tết Nguyên đán Bính Ngọ (mùng 1 tháng Giêng)');
    expect(cal.holidayName('2026-02-16')).toBe('Tết Nguyên đán Bính Ngọ (ngày 29 tháng Chạp)');
    expect(cal.holidayName('2026-02-14')).toBeNull(); // a plain weekend
  });

  it('counts across Tết', () => {
    expect(cal.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(cal.addWorkingDays('2026-02-12', 1)).toBe('2026-02-13');
    expect(cal.addWorkingDays('2026-02-12', 2)).toBe('2026-02-23');
    expect(cal.addWorkingDays('2026-02-10', 5)).toBe('2026-02-24');
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    expect(cal.periodEnd('2026-02-17')).toBe('2026-02-23');
    expect(cal.addWorkingDays('2026-02-23', -1)).toBe('2026-02-13');
  });

  it('Tết Ất Tỵ 2025: 25/1–2/2 off, no make-up day', () => {
    expect(days(cal, '2025-01-24', '2025-02-03').filter((d) => d.endsWith('làm'))).toEqual(['2025-01-24 làm', '2025-02-03 làm']);
    expect(cal.holidayName('2025-01-27')).toBe('Tết Nguyên đán Ất Tỵ (ngày 28 tháng Chạp)');
    // Without the decision, art. 112 alone gives 28/1–1/2 and compensates Saturday 1/2 on Monday 3/2.
    expect(plain.isWorkingDay('2025-01-27')).toBe(true);
    expect(plain.isWorkingDay('2025-02-03')).toBe(false);
  });
});

describe('30/4–1/5 2025: Friday 2/5 swapped with Saturday 26/4', () => {
  it('the bridge', () => {
    expect(days(cal, '2025-04-25', '2025-05-05')).toEqual([
      '2025-04-25 làm',
      '2025-04-26 làm', // make-up Saturday
      '2025-04-27 nghỉ',
      '2025-04-28 làm',
      '2025-04-29 làm',
      '2025-04-30 nghỉ',
      '2025-05-01 nghỉ',
      '2025-05-02 nghỉ', // swapped
      '2025-05-03 nghỉ',
      '2025-05-04 nghỉ',
      '2025-05-05 làm',
    ]);
    expect(cal.holidayName('2025-04-30')).toBe('Ngày Chiến thắng (30/4)');
    expect(cal.holidayName('2025-05-01')).toBe('Ngày Quốc tế lao động (1/5)');
    expect(cal.holidayName('2025-05-02')).toMatch(/^Nghỉ hoán đổi/);
    expect(cal.holidayName('2025-04-26')).toBeNull();
    expect(cal.makeUpDaysOf(2025)).toEqual([{ date: '2025-04-26', name: 'Làm bù ngày nghỉ hoán đổi 2/5/2025' }]);
  });

  it('a make-up Saturday counts as a working day', () => {
    expect(cal.nextWorkingDay('2025-04-25')).toBe('2025-04-26');
    expect(cal.addWorkingDays('2025-04-24', 2)).toBe('2025-04-26');
    expect(cal.periodEnd('2025-04-26')).toBe('2025-04-26');
    expect(cal.addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
    expect(cal.addWorkingDays('2025-05-05', -3)).toBe('2025-04-26');
    expect(cal.workingDaysBetween('2025-04-25', '2025-05-05')).toBe(4); // 26, 28, 29/4, 5/5
    // Without the decision Saturday 26/4 is a weekend and Friday 2/5 a working day.
    expect(plain.isWorkingDay('2025-04-26')).toBe(false);
    expect(plain.isWorkingDay('2025-05-02')).toBe(true);
  });

  it('2024: Monday 29/4 swapped with Saturday 4/5', () => {
    expect(cal.isWorkingDay('2024-04-29')).toBe(false);
    expect(cal.isWorkingDay('2024-05-04')).toBe(true);
    expect(cal.nextWorkingDay('2024-04-26')).toBe('2024-05-02');
  });
});

describe('Quốc khánh 2/9', () => {
  it('2025: 30/8–2/9 off', () => {
    expect(days(cal, '2025-08-29', '2025-09-03')).toEqual([
      '2025-08-29 làm',
      '2025-08-30 nghỉ',
      '2025-08-31 nghỉ',
      '2025-09-01 nghỉ',
      '2025-09-02 nghỉ',
      '2025-09-03 làm',
    ]);
    expect(cal.holidayName('2025-09-01')).toBe('Quốc khánh (ngày liền kề 2/9)');
    expect(cal.holidayName('2025-09-02')).toBe('Quốc khánh (2/9)');
    expect(cal.nextWorkingDay('2025-08-29')).toBe('2025-09-03');
  });

  it('2024: the adjacent day was 3/9 (1/9 was a Sunday)', () => {
    expect(cal.isWorkingDay('2024-09-03')).toBe(false);
    expect(cal.holidayName('2024-09-01')).toBeNull();
    expect(cal.nextWorkingDay('2024-08-30')).toBe('2024-09-04');
    // Without the decision 1/9 (Sunday) would be compensated on Tuesday 3/9: the same days off.
    expect(plain.nextWorkingDay('2024-08-30')).toBe('2024-09-04');
  });
});

describe('weekends and counting (Civil Code 2015 arts. 147–148)', () => {
  it('Saturday and Sunday are not working days', () => {
    expect(cal.isWorkingDay('2025-07-18')).toBe(true); // Friday
    expect(cal.isWorkingDay('2025-07-19')).toBe(false);
    expect(cal.isWorkingDay('2025-07-20')).toBe(false);
    expect(cal.nextWorkingDay('2025-07-18')).toBe('2025-07-21');
    expect(cal.nextWorkingDay('2025-07-19')).toBe('2025-07-21');
    expect(cal.previousWorkingDay('2025-07-21')).toBe('2025-07-18');
  });

  it('counting starts the day after the event', () => {
    expect(cal.addWorkingDays('2025-07-14', 1)).toBe('2025-07-15');
    expect(cal.addWorkingDays('2025-07-14', 10)).toBe('2025-07-28');
    expect(cal.addWorkingDays('2025-07-14', 0)).toBe('2025-07-14');
  });

  it('10 working days from a Friday', () => {
    expect(cal.addWorkingDays('2025-07-18', 10)).toBe('2025-08-01');
    // Friday before 2/9/2025: 3–5/9, 8–12/9, 15–16/9.
    expect(cal.addWorkingDays('2025-08-29', 10)).toBe('2025-09-16');
    // Friday before Tết 2026.
    expect(cal.addWorkingDays('2026-02-13', 10)).toBe('2026-03-06');
  });

  it('an event on a weekend counts from the next working day', () => {
    expect(cal.addWorkingDays('2025-07-19', 1)).toBe('2025-07-21');
    expect(cal.addWorkingDays('2025-07-20', 5)).toBe('2025-07-25');
  });

  it('a period ending on a day off ends on the next working day', () => {
    expect(cal.periodEnd('2025-07-15')).toBe('2025-07-15');
    expect(cal.periodEnd('2025-07-19')).toBe('2025-07-21');
    expect(cal.periodEnd('2025-04-30')).toBe('2025-05-05');
    expect(cal.periodEnd('2026-04-26')).toBe('2026-04-28'); // Giỗ Tổ Sunday, compensated Monday
  });

  it('workingDaysBetween counts (a, b] and is the inverse of addWorkingDays', () => {
    expect(cal.workingDaysBetween('2025-07-14', '2025-07-14')).toBe(0);
    expect(cal.workingDaysBetween('2025-07-14', '2025-07-28')).toBe(10);
    expect(cal.workingDaysBetween('2025-07-28', '2025-07-14')).toBe(-10);
    let seed = 20250714;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const a = cal.addWorkingDays('2024-01-01', rand(700) + 1); // a working day in 2024–2026
      const n = rand(120) - 60;
      const b = cal.addWorkingDays(a, n);
      expect(cal.workingDaysBetween(a, b)).toBe(n);
    }
  });
});

describe('year boundaries', () => {
  it('across New Year', () => {
    expect(cal.isWorkingDay('2026-01-01')).toBe(false);
    expect(cal.holidayName('2026-01-01')).toBe('Tết Dương lịch');
    expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-02');
    expect(cal.nextWorkingDay('2024-12-31')).toBe('2025-01-02');
    expect(cal.addWorkingDays('2026-01-02', -1)).toBe('2025-12-31');
    expect(cal.workingDaysBetween('2025-12-25', '2026-01-05')).toBe(6);
    expect(cal.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('lists holidays per year, including compensation days', () => {
    const hs = cal.holidaysOf(2026);
    expect(hs.map((h) => h.date)).toContain('2026-04-27');
    expect(hs.find((h) => h.date === '2026-04-27')?.kind).toBe('compensatory');
    // the returned list is a copy
    hs.length = 0;
    expect(cal.holidaysOf(2026).length).toBeGreaterThan(0);
  });
});

describe('invalid input', () => {
  const bad: unknown[] = ['2025-02-30', '2025-13-01', '2025-7-14', '14/07/2025', '', 'abc', '2025-07-14T00:00:00Z', null, undefined, 20250714];
  it.each(bad.map((b) => [b]))('rejects %j with a Vietnamese VALIDATION error', (b) => {
    const call = () => cal.isWorkingDay(b as string);
    expect(call).toThrow(AppError);
    try {
      call();
    } catch (e) {
      expect((e as AppError).code).toBe('VALIDATION');
      expect((e as AppError).detail).toMatch(/Ngày/);
    }
  });

  it('explains what is wrong', () => {
    expect(() => cal.nextWorkingDay('2025-02-29')).toThrow('Ngày "2025-02-29" không tồn tại trên lịch.');
    expect(() => cal.nextWorkingDay('25-02-01')).toThrow(/Cần định dạng YYYY-MM-DD/);
    expect(() => cal.addWorkingDays('1800-01-01', 1)).toThrow(/ngoài phạm vi lịch hỗ trợ/);
    expect(() => cal.addWorkingDays('2025-07-14', 1.5)).toThrow('Số ngày làm việc phải là số nguyên, nhận được: 1.5.');
    expect(() => cal.addWorkingDays('2025-07-14', Number.NaN)).toThrow(/số nguyên/);
    expect(() => cal.workingDaysBetween('2025-07-14', 'x')).toThrow(/Ngày kết thúc không hợp lệ/);
    expect(() => cal.holidaysOf(3000)).toThrow(/Năm không hợp lệ/);
    expect(() => cal.nextWorkingDay('2199-12-31')).toThrow(/ngoài phạm vi/);
  });
});
