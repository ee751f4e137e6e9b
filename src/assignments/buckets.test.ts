import { describe, it, expect } from 'vitest';
import { bucketAsOf, bucketTimeline, daysOverdue, dueAsOf, dueChange, workingDaysLate, workingDaysLateVi, type AsOfFacts } from './buckets';
import { getDefaultCalendar } from '../calendar';

const cal = getDefaultCalendar();

const facts = (f: Partial<AsOfFacts>): AsOfFacts => ({ publishedOn: '2025-07-01', due: null, dueHistory: [], acceptedOn: null, completedOn: null, cancelledOn: null, ...f });

describe('the as-of rule', () => {
  it('keeps the deadline day on time and is overdue from the next day', () => {
    const open = facts({ due: '2025-07-22' });
    expect(bucketAsOf(open, '2025-07-22')).toBe('open_on_time');
    expect(bucketAsOf(open, '2025-07-23')).toBe('open_overdue');
    expect(daysOverdue(open, '2025-07-25', cal)).toBe(3);
    expect(daysOverdue(open, '2025-07-22', cal)).toBe(0);
  });

  it('counts days overdue in working days of the Vietnamese calendar, labelled as such', () => {
    // Tết Ất Tỵ (lunar holidays 25/1–2/2/2025): ten calendar days, one working day.
    expect(workingDaysLate('2025-01-24', '2025-02-03', cal)).toBe(1);
    // Quốc khánh 2025 (1–2/9 off) and the weekend before it.
    expect(workingDaysLate('2025-08-29', '2025-09-03', cal)).toBe(1);
    // A full week after a Tuesday deadline: five working days, not seven.
    expect(workingDaysLate('2025-07-22', '2025-07-29', cal)).toBe(5);
    // Overdue from the day after the deadline, even a Saturday: 1, never 0.
    expect(workingDaysLate('2025-07-25', '2025-07-26', cal)).toBe(1);
    expect(workingDaysLate('2025-07-25', '2025-07-25', cal)).toBe(0);
    // Done or cancelled tasks are not overdue, whatever the calendar says.
    expect(daysOverdue(facts({ due: '2025-07-22', acceptedOn: '2025-07-28', completedOn: '2025-07-28' }), '2025-07-29', cal)).toBe(0);
    expect(workingDaysLateVi(4)).toBe('quá hạn 4 ngày làm việc');
  });

  it('counts only what was published by the day asked', () => {
    expect(bucketAsOf(facts({ publishedOn: '2025-08-01', due: '2025-08-10' }), '2025-07-31')).toBeNull();
    expect(bucketAsOf(facts({ publishedOn: '2025-08-01', due: '2025-08-10' }), '2025-08-01')).toBe('open_on_time');
    expect(bucketAsOf(facts({ publishedOn: null, due: '2025-08-10' }), '2000-01-01')).toBe('open_on_time');
  });

  it('is done only from the day the completion is accepted, judged by the report’s date', () => {
    const f = facts({ due: '2025-07-22', completedOn: '2025-07-22', acceptedOn: '2025-07-25' });
    expect(bucketAsOf(f, '2025-07-22')).toBe('open_on_time');
    expect(bucketAsOf(f, '2025-07-24')).toBe('open_overdue');
    expect(bucketAsOf(f, '2025-07-25')).toBe('done_on_time');
    expect(bucketAsOf(facts({ due: '2025-07-22', completedOn: '2025-07-23', acceptedOn: '2025-07-23' }), '2026-01-01')).toBe('done_late');
    expect(bucketAsOf(facts({ due: null, completedOn: '2025-07-01', acceptedOn: '2025-07-01' }), '2025-07-22')).toBe('no_deadline');
  });

  it('uses the deadline in force on the day: an extension approved later does not count', () => {
    const ext = dueChange({ due: '2025-07-22', dueHistory: [] }, '2025-08-15', '2025-07-28');
    const f = facts({ due: ext.due, dueHistory: ext.dueHistory });
    expect(dueAsOf(f, '2025-07-27')).toBe('2025-07-22');
    expect(bucketAsOf(f, '2025-07-27')).toBe('open_overdue');
    expect(bucketAsOf(f, '2025-07-28')).toBe('open_on_time');
    const twice = dueChange(ext, null, '2025-08-10');
    const g = facts({ due: twice.due, dueHistory: twice.dueHistory });
    expect([dueAsOf(g, '2025-07-01'), dueAsOf(g, '2025-08-01'), dueAsOf(g, '2025-08-10')]).toEqual(['2025-07-22', '2025-08-15', null]);
    expect(bucketAsOf(g, '2025-09-01')).toBe('no_deadline');
    // A clock set back never makes the history go backwards.
    expect(dueChange(ext, '2025-09-01', '2025-07-01').dueChangedOn).toBe('2025-07-28');
  });

  it('counts a cancellation from its day on', () => {
    const f = facts({ due: '2025-07-10', cancelledOn: '2025-07-20' });
    expect(bucketAsOf(f, '2025-07-19')).toBe('open_overdue');
    expect(bucketAsOf(f, '2025-07-20')).toBe('cancelled');
  });

  it('gives a timeline whose steps are the bucket on every day', () => {
    const ext = dueChange({ due: '2025-07-10', dueHistory: [] }, '2025-07-31', '2025-07-15');
    const f = facts({ publishedOn: '2025-07-02', due: ext.due, dueHistory: ext.dueHistory, completedOn: '2025-08-03', acceptedOn: '2025-08-04' });
    const steps = bucketTimeline(f);
    expect(steps.map((s) => [s.day, s.bucket])).toEqual([
      ['1900-01-01', null],
      ['2025-07-02', 'open_on_time'],
      ['2025-07-11', 'open_overdue'],
      ['2025-07-15', 'open_on_time'],
      ['2025-08-01', 'open_overdue'],
      ['2025-08-04', 'done_late'],
    ]);
    for (let t = Date.parse('2025-06-25'); t <= Date.parse('2025-08-10'); t += 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10);
      const step = [...steps].reverse().find((s) => s.day <= d)!;
      expect(step.bucket, d).toBe(bucketAsOf(f, d));
    }
  });
});
