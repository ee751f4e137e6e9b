import { describe, it, expect } from 'vitest';
import { addMonths, formatIntVi, formatPercentVi, longDateVi, monthEnd, monthLabelVi } from './format';
import { letterheadFrom, numberLine, parseProvinceSettings, placeDateLine, provinceFromOfficeName } from './letterhead';
import { onTimeRate, reportAsOf } from './monthly-report';

describe('report formatting', () => {
  it('writes numbers and percentages the Vietnamese way', () => {
    expect(formatPercentVi(1 / 3)).toBe('33,33%');
    expect(formatPercentVi(0.5)).toBe('50%');
    expect(formatPercentVi(1)).toBe('100%');
    expect(formatPercentVi(null)).toBe('–');
    expect(formatIntVi(2394)).toBe('2.394');
    expect(formatIntVi(1_000_000)).toBe('1.000.000');
  });

  it('writes the date line of Nghị định 30/2020 (leading zero only for days < 10 and months < 3)', () => {
    expect(longDateVi('2025-08-05')).toBe('ngày 05 tháng 8 năm 2025');
    expect(longDateVi('2025-02-14')).toBe('ngày 14 tháng 02 năm 2025');
    expect(longDateVi('2025-12-31')).toBe('ngày 31 tháng 12 năm 2025');
    const l = letterheadFrom({ name: 'Cao Bằng' }, null);
    expect(placeDateLine(l, '2025-07-14')).toBe('Cao Bằng, ngày 14 tháng 7 năm 2025');
    expect(placeDateLine({ ...l, place: null }, '2025-07-14')).toMatch(/^…+, ngày 14 tháng 7 năm 2025$/);
  });

  it('builds the letterhead from the province’s settings, then from the office’s name', () => {
    expect(letterheadFrom({ name: 'Cao Bằng' }, 'Văn phòng UBND tỉnh')).toMatchObject({
      governingBody: 'UBND TỈNH CAO BẰNG',
      issuingBody: 'VĂN PHÒNG',
      place: 'Cao Bằng',
      symbol: 'VPUBND',
      signerTitle: 'CHÁNH VĂN PHÒNG',
      signerName: null,
    });
    const custom = letterheadFrom({ name: 'Cao Bằng', place: 'Thục Phán', issuingBody: 'Văn phòng', signerTitle: 'KT. Chánh Văn phòng', signerName: 'Nông Văn A', symbol: 'VP' }, null);
    expect(custom).toMatchObject({ place: 'Thục Phán', issuingBody: 'VĂN PHÒNG', signerTitle: 'KT. CHÁNH VĂN PHÒNG', signerName: 'Nông Văn A', symbol: 'VP' });
    expect(numberLine(custom)).toBe('Số:       /BC-VP');
    expect(letterheadFrom(null, 'Văn phòng UBND tỉnh Lạng Sơn').governingBody).toBe('UBND TỈNH LẠNG SƠN');
    expect(letterheadFrom(null, null)).toMatchObject({ governingBody: 'UBND TỈNH', place: null });
    expect(() => parseProvinceSettings({ name: '' })).toThrow(/Cấu hình tỉnh không hợp lệ/);
    expect(() => parseProvinceSettings({ name: 'Cao Bằng', color: 'red' })).toThrow(/Cấu hình tỉnh không hợp lệ/);
    expect(parseProvinceSettings({ name: '  Cao Bằng ' }).name).toBe('Cao Bằng');
  });

  it('finds the province in the office’s name', () => {
    expect(provinceFromOfficeName('Văn phòng UBND tỉnh Cao Bằng')).toBe('Cao Bằng');
    expect(provinceFromOfficeName('Văn phòng UBND tỉnh')).toBeNull();
  });

  it('handles months', () => {
    expect(monthEnd('2025-02')).toBe('2025-02-28');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2025-12')).toBe('2025-12-31');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2025-08', -11)).toBe('2024-09');
    expect(monthLabelVi('2025-07')).toBe('07/2025');
    expect(reportAsOf('2025-07', '2025-08-05')).toBe('2025-07-31');
    expect(reportAsOf('2025-08', '2025-08-05')).toBe('2025-08-05');
  });

  it('rates on time among tasks that are due or done', () => {
    expect(onTimeRate({ done_on_time: 3, done_late: 1, open_on_time: 7, open_overdue: 5, no_deadline: 9 })).toBeCloseTo(1 / 3);
    expect(onTimeRate({ done_on_time: 0, done_late: 0, open_on_time: 7, open_overdue: 0, no_deadline: 9 })).toBeNull();
  });
});
