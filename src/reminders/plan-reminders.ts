/**
 * The reminder planner, pure (no I/O): from the rules, the calendar, the pass date, the open
 * assignments and the addressees, it answers which reminders are due on that day, grouped into
 * ONE message per recipient address and channel, listing all of that recipient's items.
 *
 * Dates (all counted on the working-day calendar; the deadline day itself is on time, see buckets.ts):
 * - before_N   — the N-th working day before the deadline (always a working day);
 * - due_day    — the deadline day; when the deadline is a day off (weekend, Tết…), the LAST WORKING
 *                DAY BEFORE it: a reminder must come while there is still time to act, never after;
 * - overdue    — every `overdueEveryDays` working days after the deadline, while open;
 * - escalate_agency / escalate_office — the first working day after the deadline (first overdue day);
 * - escalate_leader — `escalateLeaderAfterDays` working days after the deadline;
 * - digest_daily (office, each working day), digest_weekly (agency, first working day of the week).
 * A pass on a day off plans nothing: every occurrence above falls on a working day.
 *
 * Each occurrence is identified by (assignment, rule, occurrence date, planned due). Planning from
 * the deadline IN FORCE on the pass date each pass means a changed deadline or an approved
 * extension produces new occurrences, and the ones planned for the old due are dropped at send time.
 *
 * Which tasks are open, in time or overdue on the pass date is the one as-of rule (buckets.ts),
 * the same the dashboard and the reports count with: a task is reminded while it is "chưa hoàn
 * thành, trong hạn" (before_N, due_day) or "chưa hoàn thành, quá hạn" (overdue, escalations) on
 * that day, with the deadline then in force.
 */
import type { Calendar } from '../calendar';
import type { Channel } from '../auth/auth.schema';
import { bucketAsOf, dueAsOf, type AsOfFacts } from '../assignments/buckets';
import { isCapped, type ReminderRules } from './reminder-rules';

/** An assignment with the dated facts the as-of rule reads. */
export interface PlanAssignment extends AsOfFacts {
  id: string;
  agencyId: string;
  leaderId: string | null;
}

export interface Addressee {
  /** 'user:<uuid>' or 'agency:<uuid>' */
  key: string;
  userId: string | null;
  name: string;
  email: string | null;
  channels: Channel[];
}

export interface PlanDirectory {
  /** The lead agency's head: its mailbox and its officers. */
  agency(agencyId: string): Addressee[];
  office: Addressee[];
  user(userId: string): Addressee | undefined;
  webhookIds: string[];
}

export interface PlannedItem {
  assignmentId: string;
  rule: string;
  occurrence: string;
  plannedDue: string;
}

export interface PlannedMessage {
  recipientKey: string;
  userId: string | null;
  recipientName: string;
  channel: Channel;
  /** E-mail address, user id (in-app) or webhook id. */
  target: string;
  items: PlannedItem[];
}

export interface PlanInput {
  date: string;
  rules: ReminderRules;
  calendar: Calendar;
  assignments: PlanAssignment[];
  directory: PlanDirectory;
  /** Occurrences already planned, as occurrenceKey(...) — they are never planned again. */
  alreadyPlanned: (key: string) => boolean;
  /** How many occurrences of (assignment, rule) were planned before, for the cap. */
  plannedCount: (assignmentId: string, rule: string) => number;
}

export const occurrenceKey = (i: { assignmentId: string; rule: string; occurrence: string; plannedDue: string }) =>
  `${i.assignmentId}|${i.rule}|${i.occurrence}|${i.plannedDue}`;

/** The date the due-day reminder goes out: the deadline, or the last working day before it. */
export function dueDayReminderDate(cal: Calendar, due: string): string {
  return cal.isWorkingDay(due) ? due : cal.previousWorkingDay(due);
}

/** Is `date` the first working day of its ISO week (Monday, or later when Monday is a day off)? */
export function isFirstWorkingDayOfWeek(cal: Calendar, date: string): boolean {
  if (!cal.isWorkingDay(date)) return false;
  const dow = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const prev = cal.previousWorkingDay(date);
  const days = Math.round((Date.parse(date) - Date.parse(prev)) / 86_400_000);
  return days > dow;
}

interface Candidate extends PlannedItem {
  audience: 'agency' | 'office' | 'leader';
}

/** Agency-track occurrences of one assignment in the window [from, date]; the latest only. */
function agencyTrack(a: PlanAssignment, due: string, overdue: boolean, input: PlanInput, from: string): Candidate[] {
  const { date, rules, calendar: cal } = input;
  const found: Candidate[] = [];
  const consider = (rule: string, occurrence: string) => {
    if (occurrence < from || occurrence > date) return;
    found.push({ assignmentId: a.id, rule, occurrence, plannedDue: due, audience: 'agency' });
  };
  if (!overdue) {
    for (const n of rules.beforeDays) consider(`before_${n}`, cal.addWorkingDays(due, -n));
    if (rules.onDueDay) consider('due_day', dueDayReminderDate(cal, due));
  } else if (rules.overdueEveryDays > 0) {
    const late = cal.workingDaysBetween(due, date); // working days overdue so far
    const k = Math.floor(late / rules.overdueEveryDays);
    for (let j = k; j >= 1 && j >= k - 2; j--) consider('overdue', cal.addWorkingDays(due, j * rules.overdueEveryDays));
  }
  const open = found.filter((c) => !input.alreadyPlanned(occurrenceKey(c)) && input.plannedCount(a.id, c.rule) < rules.capPerRule);
  // Several agency reminders of one task on one day (after a catch-up) say the same thing: keep the latest.
  // On a tie (before_1 and due_day both on the eve of a holiday deadline) the later rule wins.
  let best: Candidate | undefined;
  for (const c of open) if (!best || c.occurrence >= best.occurrence) best = c;
  return best ? [best] : [];
}

function escalations(a: PlanAssignment, due: string, overdue: boolean, input: PlanInput, from: string): Candidate[] {
  const { date, rules, calendar: cal } = input;
  const out: Candidate[] = [];
  if (!overdue) return out;
  const add = (rule: string, occurrence: string, audience: Candidate['audience']) => {
    if (occurrence < from || occurrence > date) return;
    const c: Candidate = { assignmentId: a.id, rule, occurrence, plannedDue: due, audience };
    if (input.alreadyPlanned(occurrenceKey(c)) || input.plannedCount(a.id, rule) >= rules.capPerRule) return;
    out.push(c);
  };
  if (rules.escalateOnFirstOverdueDay) {
    const first = cal.nextWorkingDay(due);
    add('escalate_agency', first, 'agency');
    add('escalate_office', first, 'office');
  }
  if (rules.escalateLeaderAfterDays > 0 && a.leaderId) add('escalate_leader', cal.addWorkingDays(due, rules.escalateLeaderAfterDays), 'leader');
  return out;
}

/** Which reminders are due on `input.date`, one message per recipient address and channel. */
export function planReminders(input: PlanInput): PlannedMessage[] {
  const { date, rules, calendar: cal, directory } = input;
  if (!cal.isWorkingDay(date)) return [];
  const from = rules.catchUpDays > 0 ? cal.addWorkingDays(date, -rules.catchUpDays) : date;
  const horizon = cal.addWorkingDays(date, rules.digestHorizonDays);
  const weekly = rules.weeklyAgencyDigest && isFirstWorkingDayOfWeek(cal, date);

  const messages = new Map<string, PlannedMessage>();
  const seenItem = new Set<string>();
  const send = (to: Addressee, item: PlannedItem) => {
    for (const channel of to.channels) {
      const targets: { target: string; group: string }[] =
        channel === 'email'
          ? to.email
            ? [{ target: to.email.trim().toLowerCase(), group: `email:${to.email.trim().toLowerCase()}` }]
            : []
          : channel === 'inapp'
            ? to.userId
              ? [{ target: to.userId, group: `inapp:${to.userId}` }]
              : []
            : directory.webhookIds.map((w) => ({ target: w, group: `webhook:${w}:${to.key}` }));
      for (const { target, group } of targets) {
        // The same task under the same rule reaches one address once, even if two addressees share it.
        const dedupe = `${group}|${occurrenceKey(item)}`;
        if (seenItem.has(dedupe)) continue;
        seenItem.add(dedupe);
        let m = messages.get(group);
        if (!m) {
          m = { recipientKey: to.key, userId: to.userId, recipientName: to.name, channel, target, items: [] };
          messages.set(group, m);
        }
        m.items.push(item);
      }
    }
  };
  const audience = (a: PlanAssignment, who: Candidate['audience']): Addressee[] => {
    if (who === 'agency') return directory.agency(a.agencyId);
    if (who === 'office') return directory.office;
    const leader = a.leaderId ? directory.user(a.leaderId) : undefined;
    return leader ? [leader] : [];
  };

  for (const a of input.assignments) {
    const bucket = bucketAsOf(a, date);
    if (bucket !== 'open_on_time' && bucket !== 'open_overdue') continue;
    const due = dueAsOf(a, date)!;
    const overdue = bucket === 'open_overdue';
    for (const c of [...agencyTrack(a, due, overdue, input, from), ...escalations(a, due, overdue, input, from)]) {
      const { audience: who, ...item } = c;
      for (const to of audience(a, who)) send(to, item);
    }
    if (rules.dailyOfficeDigest && (overdue || due <= horizon)) {
      const item = { assignmentId: a.id, rule: 'digest_daily', occurrence: date, plannedDue: due };
      if (!input.alreadyPlanned(occurrenceKey(item))) for (const to of directory.office) send(to, item);
    }
    if (weekly) {
      const item = { assignmentId: a.id, rule: 'digest_weekly', occurrence: date, plannedDue: due };
      if (!input.alreadyPlanned(occurrenceKey(item))) for (const to of directory.agency(a.agencyId)) send(to, item);
    }
  }
  return [...messages.values()];
}

export { isCapped };
