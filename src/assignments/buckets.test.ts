import { describe, it, expect } from 'vitest';
import { bucketOf, daysOverdue } from './buckets';

describe('report buckets', () => {
  const open = { state: 'in_progress' as const, due: '2025-07-22', completedOn: null };
  it('treats the deadline day itself as on time', () => {
    expect(bucketOf(open, '2025-07-22')).toBe('open_on_time');
    expect(bucketOf(open, '2025-07-23')).toBe('open_overdue');
    expect(daysOverdue(open, '2025-07-25')).toBe(3);
    expect(daysOverdue(open, '2025-07-22')).toBe(0);
  });
  it('judges done tasks by the accepted completion date, not by today', () => {
    expect(bucketOf({ state: 'done', due: '2025-07-22', completedOn: '2025-07-22' }, '2026-01-01')).toBe('done_on_time');
    expect(bucketOf({ state: 'done', due: '2025-07-22', completedOn: '2025-07-23' }, '2025-07-23')).toBe('done_late');
  });
  it('keeps a completion awaiting review open (and overdue once past the deadline)', () => {
    expect(bucketOf({ state: 'completion_reported', due: '2025-07-22', completedOn: null }, '2025-07-30')).toBe('open_overdue');
  });
  it('uses the deadline in force after an approved extension', () => {
    // The caller passes the current deadline; an extension to 15/8 makes 10/8 on time.
    expect(bucketOf({ state: 'in_progress', due: '2025-08-15', completedOn: null }, '2025-08-10')).toBe('open_on_time');
    expect(bucketOf({ state: 'done', due: '2025-08-15', completedOn: '2025-08-14' }, '2025-08-20')).toBe('done_on_time');
  });
  it('puts tasks without a deadline apart and leaves cancelled ones out', () => {
    expect(bucketOf({ state: 'in_progress', due: null, completedOn: null }, '2025-07-22')).toBe('no_deadline');
    expect(bucketOf({ state: 'done', due: null, completedOn: '2025-07-01' }, '2025-07-22')).toBe('no_deadline');
    expect(bucketOf({ state: 'cancelled', due: '2025-07-01', completedOn: null }, '2025-07-22')).toBe('cancelled');
  });
});
