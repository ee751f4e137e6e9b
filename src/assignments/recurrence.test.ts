import { describe, it, expect } from 'vitest';
import { dueAfterPeriodicReport, firstDue, nextOccurrence, parseRecurrence, previousOccurrence, type Recurrence } from './recurrence';

const monthly5: Recurrence = { freq: 'monthly', day: 5, text: 'trước ngày 05 hằng tháng' };
const friday: Recurrence = { freq: 'weekly', day: 5, text: '16 giờ thứ Sáu hằng tuần' };
const quarterlyEnd: Recurrence = { freq: 'quarterly', day: 31, text: 'trước ngày cuối quý' };
const yearly: Recurrence = { freq: 'yearly', day: 15, month: 12, text: 'trước ngày 15/12 hằng năm' };

describe('recurrence', () => {
  it('reads the stored JSON and refuses what is not a recurrence', () => {
    expect(parseRecurrence(JSON.stringify(monthly5))).toEqual(monthly5);
    expect(parseRecurrence(monthly5)).toEqual(monthly5);
    expect(parseRecurrence('thường xuyên')).toBeNull();
    expect(parseRecurrence({ freq: 'daily', text: '' })).toBeNull();
    expect(parseRecurrence(null)).toBeNull();
    // a weekday beyond 7 is dropped rather than trusted
    expect(parseRecurrence({ freq: 'weekly', day: 9, text: 'x' })).toEqual({ freq: 'weekly', text: 'x' });
  });

  it('finds the next and previous monthly occurrence, strictly', () => {
    expect(nextOccurrence(monthly5, '2025-07-04')).toBe('2025-07-05');
    expect(nextOccurrence(monthly5, '2025-07-05')).toBe('2025-08-05');
    expect(nextOccurrence(monthly5, '2025-12-20')).toBe('2026-01-05');
    expect(previousOccurrence(monthly5, '2025-07-05')).toBe('2025-06-05');
  });

  it('clamps day 31 to the month’s last day and keeps quarters on their last month', () => {
    expect(nextOccurrence({ freq: 'monthly', day: 31, text: '' }, '2026-02-01')).toBe('2026-02-28');
    expect(nextOccurrence({ freq: 'monthly', day: 31, text: '' }, '2028-02-01')).toBe('2028-02-29');
    expect(nextOccurrence(quarterlyEnd, '2025-07-14')).toBe('2025-09-30');
    expect(nextOccurrence(quarterlyEnd, '2025-09-30')).toBe('2025-12-31');
  });

  it('falls on the named weekday of a weekly duty (Friday = 5, Sunday = 7)', () => {
    // 2025-07-14 is a Monday
    expect(nextOccurrence(friday, '2025-07-14')).toBe('2025-07-18');
    expect(nextOccurrence(friday, '2025-07-18')).toBe('2025-07-25');
    expect(nextOccurrence({ freq: 'weekly', day: 7, text: '' }, '2025-07-14')).toBe('2025-07-20');
    expect(previousOccurrence(friday, '2025-07-18')).toBe('2025-07-11');
    expect(nextOccurrence({ freq: 'weekly', text: '' }, '2025-07-14')).toBeNull();
  });

  it('a yearly duty falls once a year in its month', () => {
    expect(firstDue(yearly, '2025-07-14')).toBe('2025-12-15');
    expect(nextOccurrence(yearly, '2025-12-15')).toBe('2026-12-15');
  });

  it('a report in the open period closes it; a second report in that period changes nothing', () => {
    // due 2025-08-05: the period runs from 2025-07-05 (exclusive) to 2025-08-05
    expect(dueAfterPeriodicReport(monthly5, '2025-08-05', '2025-08-01')).toBe('2025-09-05');
    expect(dueAfterPeriodicReport(monthly5, '2025-09-05', '2025-08-02')).toBeUndefined();
    // a late report closes only the oldest open period
    expect(dueAfterPeriodicReport(monthly5, '2025-08-05', '2025-10-20')).toBe('2025-09-05');
    // a duty without a deadline yet starts at its next occurrence
    expect(dueAfterPeriodicReport(monthly5, null, '2025-08-06')).toBe('2025-09-05');
  });
});
