import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar';
import { DEFAULT_REMINDER_RULES, parseReminderRules, type ReminderRules } from './reminder-rules';
import { dueDayReminderDate, isFirstWorkingDayOfWeek, occurrenceKey, planReminders, type Addressee, type PlanAssignment, type PlanInput } from './plan-reminders';

const cal = createCalendar();
const AG = 'ag-syt';
const AG2 = 'ag-stc';
const syt: Addressee = { key: 'user:syt', userId: 'syt', name: 'Cán bộ Sở Y tế', email: 'syt@test.vn', channels: ['email', 'inapp'] };
const sytBox: Addressee = { key: `agency:${AG}`, userId: null, name: 'Thủ trưởng Sở Y tế', email: 'soyte@test.vn', channels: ['email'] };
const stc: Addressee = { key: 'user:stc', userId: 'stc', name: 'Cán bộ Sở Tài chính', email: 'stc@test.vn', channels: ['email'] };
const office: Addressee = { key: 'user:office', userId: 'office', name: 'Văn phòng', email: 'vp@test.vn', channels: ['email'] };
const leader: Addressee = { key: 'user:leader', userId: 'leader', name: 'Phó Chủ tịch', email: 'pct@test.vn', channels: ['email', 'webhook'] };

function input(date: string, assignments: PlanAssignment[], over: Partial<PlanInput> = {}, rules: Partial<ReminderRules> = {}): PlanInput {
  return {
    date,
    rules: { ...DEFAULT_REMINDER_RULES, dailyOfficeDigest: false, weeklyAgencyDigest: false, catchUpDays: 0, ...rules },
    calendar: cal,
    assignments,
    directory: {
      agency: (id) => (id === AG ? [sytBox, syt] : id === AG2 ? [stc] : []),
      office: [office],
      user: (id) => (id === 'leader' ? leader : undefined),
      webhookIds: ['hook-1'],
    },
    alreadyPlanned: () => false,
    plannedCount: () => 0,
    ...over,
  };
}
const task = (id: string, due: string | null, extra: Partial<PlanAssignment> = {}): PlanAssignment => ({
  id,
  agencyId: AG,
  leaderId: 'leader',
  publishedOn: null,
  due,
  dueHistory: [],
  acceptedOn: null,
  completedOn: null,
  cancelledOn: null,
  ...extra,
});
/** rule ids planned for each target on `date` */
function rulesOn(date: string, a: PlanAssignment[], over: Partial<PlanInput> = {}, rules: Partial<ReminderRules> = {}) {
  const out: Record<string, string[]> = {};
  for (const m of planReminders(input(date, a, over, rules))) out[`${m.channel}:${m.target}`] = m.items.map((i) => `${i.assignmentId}:${i.rule}`).sort();
  return out;
}

describe('planReminders — the default schedule around Friday 25/07/2025', () => {
  const a = [task('t1', '2025-07-25')];
  it('5 and 1 working days before, to the agency mailbox and each officer on their channels', () => {
    expect(rulesOn('2025-07-18', a)).toEqual({ 'email:soyte@test.vn': ['t1:before_5'], 'email:syt@test.vn': ['t1:before_5'], 'inapp:syt': ['t1:before_5'] });
    expect(rulesOn('2025-07-24', a)['email:syt@test.vn']).toEqual(['t1:before_1']);
    expect(rulesOn('2025-07-21', a)).toEqual({});
  });
  it('on the day', () => {
    expect(rulesOn('2025-07-25', a)['email:syt@test.vn']).toEqual(['t1:due_day']);
  });
  it('first overdue working day (Monday): escalation to the agency head and the office', () => {
    const r = rulesOn('2025-07-28', a);
    expect(r['email:soyte@test.vn']).toEqual(['t1:escalate_agency']);
    expect(r['email:vp@test.vn']).toEqual(['t1:escalate_office']);
    expect(r['email:pct@test.vn']).toBeUndefined();
  });
  it('every 3 working days while overdue, and the leader in charge after 5 working days', () => {
    expect(rulesOn('2025-07-30', a)['email:syt@test.vn']).toEqual(['t1:overdue']);
    expect(rulesOn('2025-07-30', a)['email:vp@test.vn']).toBeUndefined();
    expect(rulesOn('2025-07-29', a)).toEqual({});
    const fri = rulesOn('2025-08-01', a);
    expect(fri['email:pct@test.vn']).toEqual(['t1:escalate_leader']);
    expect(fri['webhook:hook-1']).toEqual(['t1:escalate_leader']);
    expect(rulesOn('2025-08-04', a)['email:syt@test.vn']).toEqual(['t1:overdue']);
  });
  it('nothing on a weekend pass', () => {
    expect(rulesOn('2025-07-26', a)).toEqual({});
  });
});

describe('planReminders — grouping, caps, closed tasks, re-planning', () => {
  it('35 tasks of one notice → ONE message per recipient address and channel', () => {
    const many = Array.from({ length: 35 }, (_, i) => task(`t${i}`, '2025-07-25'));
    const msgs = planReminders(input('2025-07-24', many));
    expect(msgs.map((m) => `${m.channel}:${m.target}:${m.items.length}`).sort()).toEqual(['email:soyte@test.vn:35', 'email:syt@test.vn:35', 'inapp:syt:35']);
  });
  it('two addressees sharing one address get one message, each task once', () => {
    const shared = { ...sytBox, email: 'SYT@test.vn ' };
    const msgs = planReminders(input('2025-07-24', [task('t1', '2025-07-25')], { directory: { agency: () => [shared, syt], office: [], user: () => undefined, webhookIds: [] } }));
    expect(msgs.filter((m) => m.channel === 'email')).toHaveLength(1);
    expect(msgs[0].items).toHaveLength(1);
  });
  it('never for done or cancelled tasks, nor for tasks without a deadline', () => {
    const a = [task('d', '2025-07-25', { acceptedOn: '2025-07-22', completedOn: '2025-07-21' }), task('c', '2025-07-25', { cancelledOn: '2025-07-23' }), task('n', null)];
    expect(planReminders(input('2025-07-25', a, {}, { dailyOfficeDigest: true, weeklyAgencyDigest: true }))).toEqual([]);
  });
  it('reads the task as it was on the pass date (the as-of rule): not yet published, done or cancelled later, deadline then in force', () => {
    const later = [
      task('p', '2025-07-25', { publishedOn: '2025-07-25' }), // published on the day: reminded
      task('q', '2025-07-25', { publishedOn: '2025-07-28' }), // not yet published: nothing
      task('d', '2025-07-25', { acceptedOn: '2025-07-28', completedOn: '2025-07-28' }), // accepted later: still open on 25/07
      task('c', '2025-07-25', { cancelledOn: '2025-07-28' }), // cancelled later: still open on 25/07
    ];
    expect(rulesOn('2025-07-25', later)['email:syt@test.vn']).toEqual(['c:due_day', 'd:due_day', 'p:due_day']);
    // Extended on 28/07 from 25/07 to 08/08: on 25/07 the due day is still 25/07, on 28/07 it is no longer overdue.
    const extended = task('e', '2025-08-08', { dueHistory: [{ on: '2025-07-28', from: '2025-07-25' }] });
    expect(rulesOn('2025-07-25', [extended])['email:syt@test.vn']).toEqual(['e:due_day']);
    expect(planReminders(input('2025-07-28', [extended], {}, { catchUpDays: 0 })).flatMap((m) => m.items.map((i) => i.rule))).not.toContain('escalate_office');
    expect(rulesOn('2025-07-28', [task('f', '2025-07-25')], {}, { catchUpDays: 0 })['email:syt@test.vn']).toEqual(['f:escalate_agency']);
  });
  it('caps reminders per assignment and rule', () => {
    const a = [task('t1', '2025-06-02')];
    expect(rulesOn('2025-07-30', a, {}, { escalateLeaderAfterDays: 0 })).not.toEqual({});
    expect(rulesOn('2025-07-30', a, { plannedCount: (_id, rule) => (rule === 'overdue' ? 5 : 0) })).toEqual({});
    expect(rulesOn('2025-07-30', a, { plannedCount: () => 4 })['email:syt@test.vn']).toEqual(['t1:overdue']);
  });
  it('an occurrence already planned is not planned again; a changed deadline plans afresh', () => {
    const planned = new Set([occurrenceKey({ assignmentId: 't1', rule: 'before_1', occurrence: '2025-07-24', plannedDue: '2025-07-25' })]);
    expect(rulesOn('2025-07-24', [task('t1', '2025-07-25')], { alreadyPlanned: (k) => planned.has(k) })).toEqual({});
    // Deadline moved to 24/07: the same day is now the due day — a new occurrence.
    expect(rulesOn('2025-07-24', [task('t1', '2025-07-24')], { alreadyPlanned: (k) => planned.has(k) })['email:syt@test.vn']).toEqual(['t1:due_day']);
    // Extension to 31/07: 24/07 is now 5 working days before, 30/07 the eve.
    expect(rulesOn('2025-07-24', [task('t1', '2025-07-31')])['email:syt@test.vn']).toEqual(['t1:before_5']);
    expect(planReminders(input('2025-07-30', [task('t1', '2025-07-31')]))[0].items[0]).toEqual({ assignmentId: 't1', rule: 'before_1', occurrence: '2025-07-30', plannedDue: '2025-07-31' });
  });
  it('catches up a day missed while down, but sends the latest reminder of a task only', () => {
    const a = [task('t1', '2025-07-25')];
    // The pass of Fri 18/07 (before_5) did not run; Mon 21/07 plans it.
    expect(planReminders(input('2025-07-21', a, {}, { catchUpDays: 2 }))[0].items).toEqual([{ assignmentId: 't1', rule: 'before_5', occurrence: '2025-07-18', plannedDue: '2025-07-25' }]);
    // The passes of 24/07 and 25/07 missed: on 28/07 the task is overdue — only the escalation goes.
    expect(rulesOn('2025-07-28', a, {}, { catchUpDays: 2 })['email:syt@test.vn']).toEqual(['t1:escalate_agency']);
    expect(rulesOn('2025-07-24', a, {}, { catchUpDays: 0 })['email:syt@test.vn']).toEqual(['t1:before_1']);
    expect(rulesOn('2025-07-21', a, {}, { catchUpDays: 0 })).toEqual({});
    // Already planned on its day: the catch-up does not plan it twice.
    const planned = new Set([occurrenceKey({ assignmentId: 't1', rule: 'before_5', occurrence: '2025-07-18', plannedDue: '2025-07-25' })]);
    expect(rulesOn('2025-07-21', a, { alreadyPlanned: (k) => planned.has(k) }, { catchUpDays: 2 })).toEqual({});
  });
  it('digests: daily to the office (overdue and due within the horizon), weekly to each agency on the first working day', () => {
    const a = [task('late', '2025-07-01'), task('soon', '2025-07-25'), task('far', '2025-09-30'), task('other', '2025-09-30', { agencyId: AG2 })];
    const tue = rulesOn('2025-07-22', a, {}, { beforeDays: [], dailyOfficeDigest: true, weeklyAgencyDigest: true, overdueEveryDays: 0, escalateLeaderAfterDays: 0, escalateOnFirstOverdueDay: false });
    expect(tue).toEqual({ 'email:vp@test.vn': ['late:digest_daily', 'soon:digest_daily'] });
    const mon = rulesOn('2025-07-21', a, {}, { dailyOfficeDigest: false, weeklyAgencyDigest: true, overdueEveryDays: 0, escalateLeaderAfterDays: 0, escalateOnFirstOverdueDay: false, beforeDays: [] });
    expect(mon['email:syt@test.vn']).toEqual(['far:digest_weekly', 'late:digest_weekly', 'soon:digest_weekly']);
    expect(mon['email:stc@test.vn']).toEqual(['other:digest_weekly']);
  });
});

describe('holidays: a week around Tết Bính Ngọ 2026 (Mon 16 – Fri 20/02/2026 off)', () => {
  it('the calendar agrees', () => {
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(cal.isWorkingDay('2026-02-23')).toBe(true);
  });
  it('a deadline inside Tết: the due-day reminder goes on the last working day before (Fri 13/02)', () => {
    expect(dueDayReminderDate(cal, '2026-02-18')).toBe('2026-02-13');
    const a = [task('tet', '2026-02-18')];
    expect(rulesOn('2026-02-13', a)['email:syt@test.vn']).toEqual(['tet:due_day']);
    // 5 working days before skips nothing here (Mon 09/02), 1 working day before is also Fri 13/02: one reminder.
    expect(rulesOn('2026-02-09', a)['email:syt@test.vn']).toEqual(['tet:before_5']);
  });
  it('nothing is planned during the holiday; the first overdue day is Monday 23/02', () => {
    const a = [task('tet', '2026-02-18'), task('fri', '2026-02-20'), task('before', '2026-02-12')];
    for (const d of ['2026-02-14', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22']) expect(rulesOn(d, a)).toEqual({});
    const mon = rulesOn('2026-02-23', a, {}, { catchUpDays: 0 });
    expect(mon['email:vp@test.vn']).toEqual(['fri:escalate_office', 'tet:escalate_office']);
    // due 12/02: first overdue day 13/02; 3 working days overdue = 13/02, 23/02, 24/02 → overdue on 24/02.
    expect(rulesOn('2026-02-24', a, {}, { catchUpDays: 0 })['email:syt@test.vn']).toEqual(['before:overdue']);
  });
  it('a due counted back across Tết: 5 working days before Tuesday 24/02 is Tuesday 10/02', () => {
    expect(rulesOn('2026-02-10', [task('x', '2026-02-24')])['email:syt@test.vn']).toEqual(['x:before_5']);
  });
  it('the weekly digest goes on the first working day of a week whose Monday is a holiday', () => {
    expect(isFirstWorkingDayOfWeek(cal, '2026-02-23')).toBe(true);
    expect(isFirstWorkingDayOfWeek(cal, '2026-02-24')).toBe(false);
    // 1–2/9/2025 (Mon, Tue) are Quốc khánh days off: Wednesday 3/9 opens the week.
    expect(isFirstWorkingDayOfWeek(cal, '2025-09-03')).toBe(true);
  });
});

describe('parseReminderRules', () => {
  it('fills defaults and refuses nonsense in Vietnamese', () => {
    expect(parseReminderRules({ beforeDays: [1, 3] }).beforeDays).toEqual([3, 1]);
    expect(() => parseReminderRules({ capPerRule: 0 })).toThrow(/capPerRule/);
    expect(() => parseReminderRules({ foo: 1 })).toThrow(/không được hỗ trợ/);
  });
});
