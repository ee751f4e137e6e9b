import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fmtDate, fmtNumber, fmtPercent, parseVnDate } from './format';
import { t } from './i18n';

describe('web formats', () => {
  it('writes dates as dd/mm/yyyy and reads them back', () => {
    expect(fmtDate('2025-07-14')).toBe('14/07/2025');
    expect(fmtDate(null)).toBe('');
    expect(parseVnDate('14/7/2025')).toBe('2025-07-14');
    expect(parseVnDate('03/07/2025')).toBe('2025-07-03');
    expect(parseVnDate('31/02/2025')).toBeNull();
    expect(parseVnDate('2025-07-14')).toBeNull();
  });
  it('writes Vietnamese numbers: comma decimals, dot thousands', () => {
    expect(fmtPercent(6.56)).toBe('6,56%');
    expect(fmtNumber(2394)).toBe('2.394');
  });
  it('counts days in UTC, not the browser zone', () => {
    expect(addDays('2025-07-31', 1)).toBe('2025-08-01');
    expect(daysBetween('2025-07-14', '2025-07-22')).toBe(8);
  });
  it('translates with parameters', () => {
    expect(t('daysOverdue', { n: 3 })).toBe('Quá hạn 3 ngày làm việc');
  });
});
