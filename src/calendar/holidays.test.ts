import { describe, expect, it } from 'vitest';
import { computeYear, statutoryHolidays } from './holidays';

const dates = (hs: { date: string }[]) => hs.map((h) => h.date);

describe('statutory holidays (Labour Code 2019 art. 112 khoản 1)', () => {
  it('lists the 11 days of 2026 with Vietnamese names, before compensation', () => {
    const hs = statutoryHolidays(2026);
    expect(hs).toHaveLength(11);
    expect(hs.map((h) => [h.date, h.name])).toEqual([
      ['2026-01-01', 'Tết Dương lịch'],
      ['2026-02-16', 'Tết Nguyên đán Bính Ngọ (ngày 29 tháng Chạp)'],
      ['2026-02-17', 'Tết Nguyên đán Bính Ngọ (mùng 1 tháng Giêng)'],
      ['2026-02-18', 'Tết Nguyên đán Bính Ngọ (mùng 2 tháng Giêng)'],
      ['2026-02-19', 'Tết Nguyên đán Bính Ngọ (mùng 3 tháng Giêng)'],
      ['2026-02-20', 'Tết Nguyên đán Bính Ngọ (mùng 4 tháng Giêng)'],
      ['2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['2026-04-30', 'Ngày Chiến thắng (30/4)'],
      ['2026-05-01', 'Ngày Quốc tế lao động (1/5)'],
      ['2026-09-01', 'Quốc khánh (ngày liền kề 2/9)'],
      ['2026-09-02', 'Quốc khánh (2/9)'],
    ]);
    expect(hs.every((h) => h.kind === 'statutory')).toBe(true);
  });

  it('takes the last day of the lunar year, whether 29 or 30 tháng Chạp', () => {
    expect(statutoryHolidays(2024)[1]).toMatchObject({ date: '2024-02-09', name: 'Tết Nguyên đán Giáp Thìn (ngày 30 tháng Chạp)' });
    expect(statutoryHolidays(2025)[1]).toMatchObject({ date: '2025-01-28', name: 'Tết Nguyên đán Ất Tỵ (ngày 29 tháng Chạp)' });
  });

  it('rejects years outside the supported range', () => {
    expect(() => statutoryHolidays(1800)).toThrow(/Năm không hợp lệ/);
    expect(() => statutoryHolidays(2025.5)).toThrow(/Năm không hợp lệ/);
  });
});

describe('compensation (art. 112 khoản 3), no overrides', () => {
  it('1/1/2023 on a Sunday is compensated on Monday 2/1', () => {
    const y = computeYear(2023);
    expect(y.holidays.find((h) => h.date === '2023-01-02')).toMatchObject({
      kind: 'compensatory',
      name: 'Nghỉ bù ngày 1/1/2023 – Tết Dương lịch',
    });
  });

  it('2022: 1/1 on Saturday, Giỗ Tổ on Sunday, 30/4 and 1/5 on a weekend', () => {
    const comp = computeYear(2022).holidays.filter((h) => h.kind === 'compensatory');
    // 3/1, 11/4, 2/5 and 3/5/2022 were indeed the official compensation days.
    expect(dates(comp)).toEqual(['2022-01-03', '2022-04-11', '2022-05-02', '2022-05-03']);
  });

  it('Tết days on a weekend are compensated after the last Tết day (2027)', () => {
    const y = computeYear(2027);
    const tet = y.holidays.filter((h) => h.date >= '2027-02-01' && h.date <= '2027-02-28');
    expect(dates(tet)).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']);
    expect(tet.filter((h) => h.kind === 'compensatory')).toHaveLength(2);
  });

  it('Giỗ Tổ on Sunday 26/4/2026 is compensated on Monday 27/4', () => {
    expect(computeYear(2026).names.get(Date.UTC(2026, 3, 27) / 86_400_000)).toBe(
      'Nghỉ bù ngày 26/4/2026 – Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    );
  });
});

describe('overrides applied to a year', () => {
  it('removeHolidays drops a statutory day and its compensation; holidays are added literally', () => {
    const base = computeYear(2025);
    expect(dates(base.holidays.filter((h) => h.date < '2025-03-01'))).toEqual([
      '2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-03',
    ]);
    const y = computeYear(2025, {
      removeHolidays: ['2025-02-01'],
      holidays: [{ date: '2025-01-27', name: 'Tết Nguyên đán Ất Tỵ (ngày 28 tháng Chạp)' }],
    });
    expect(dates(y.holidays.filter((h) => h.date < '2025-03-01'))).toEqual([
      '2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
    ]);
  });

  it('removeHolidays on a compensation day drops only that day', () => {
    const y = computeYear(2027, { removeHolidays: ['2027-02-11'] });
    expect(dates(y.holidays.filter((h) => h.kind === 'compensatory' && h.date < '2027-03-01'))).toEqual(['2027-02-10']);
  });

  it('compensation skips days already off by decision', () => {
    const y = computeYear(2027, { daysOff: [{ date: '2027-02-10', name: 'Nghỉ hoán đổi' }] });
    expect(dates(y.holidays.filter((h) => h.kind === 'compensatory' && h.date < '2027-03-01'))).toEqual(['2027-02-11', '2027-02-12']);
  });

  it('a decided holiday on a statutory date renames it', () => {
    const y = computeYear(2026, { holidays: [{ date: '2026-09-01', name: 'Quốc khánh (nghỉ theo quyết định)' }] });
    expect(y.holidays.filter((h) => h.date === '2026-09-01')).toEqual([
      { date: '2026-09-01', name: 'Quốc khánh (nghỉ theo quyết định)', kind: 'decided' },
    ]);
  });
});
