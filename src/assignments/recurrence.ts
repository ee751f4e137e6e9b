/**
 * Recurring duties ("báo cáo trước ngày 05 hằng tháng", "16 giờ thứ Sáu hằng tuần"): a task that
 * is due again every period, not once. Pure.
 *
 * How follow-up treats one, in the terms of the one as-of rule (buckets.ts): the assignment's
 * deadline in force is the occurrence that closes the current period. A periodic report filed in
 * that period closes it and moves the deadline to the next occurrence — an ordinary deadline
 * change, recorded in the deadline history on the day of the report, so any past day's bucket is
 * still what it was that day. A period left without a report makes the task overdue from the day
 * after its occurrence, by as many days as that period is late — never "overdue 302 days" for a
 * duty that has been reported every month. A late report closes the oldest open period only:
 * each period needs its own report.
 */
import { daysInMonth, dayNumberToIso, isoToDayNumber, weekdayOfDayNumber, ymdToDayNumber, parseIso } from '../calendar/dates';

export interface Recurrence {
  freq: 'weekly' | 'monthly' | 'quarterly' | 'yearly';
  /** Day of the month; for a weekly duty the ISO weekday (1 = Monday … 7 = Sunday). */
  day?: number;
  /** Month of a yearly duty. */
  month?: number;
  /** The words of the document that say it ("trước ngày 05 hằng tháng"). */
  text: string;
}

const FREQS = new Set(['weekly', 'monthly', 'quarterly', 'yearly']);

/**
 * A recurrence as stored with a draft item (the reader's JSON), or null for anything else — a
 * clerk's free text such as "thường xuyên" is a duty without a date, not a recurrence.
 */
export function parseRecurrence(stored: unknown): Recurrence | null {
  let v = stored;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (!v || typeof v !== 'object') return null;
  const r = v as Record<string, unknown>;
  if (typeof r.freq !== 'string' || !FREQS.has(r.freq)) return null;
  const int = (x: unknown, lo: number, hi: number) => (typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi ? x : undefined);
  const day = int(r.day, 1, r.freq === 'weekly' ? 7 : 31);
  const month = int(r.month, 1, 12);
  return { freq: r.freq as Recurrence['freq'], ...(day !== undefined ? { day } : {}), ...(month !== undefined ? { month } : {}), text: typeof r.text === 'string' ? r.text : '' };
}

/** The occurrence of a monthly-type duty in month `m` of year `y` (day 31 → the month's last day). */
function inMonth(y: number, m: number, day: number | undefined): number {
  return ymdToDayNumber(y, m, Math.min(day ?? daysInMonth(y, m), daysInMonth(y, m)));
}

/** Months in which the duty falls: every month, the last month of each quarter, or one month. */
function months(r: Recurrence): number[] | null {
  if (r.freq === 'monthly') return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  if (r.freq === 'quarterly') return [3, 6, 9, 12];
  if (r.freq === 'yearly') return r.month ? [r.month] : null;
  return null;
}

/**
 * The occurrence nearest `from` in direction `step` (+1: first one strictly after; −1: last one
 * strictly before). Null when the recurrence names no day to fall on (a weekly duty without its
 * weekday).
 */
function occurrence(r: Recurrence, from: string, step: 1 | -1): string | null {
  const n = isoToDayNumber(from);
  if (r.freq === 'weekly') {
    if (!r.day) return null;
    const target = r.day % 7; // ISO 7 (Sunday) is 0 in weekdayOfDayNumber
    const wd = weekdayOfDayNumber(n);
    const gap = step === 1 ? (target - wd + 7) % 7 || 7 : (wd - target + 7) % 7 || 7;
    return dayNumberToIso(n + step * gap);
  }
  const ms = months(r);
  if (!ms) return null;
  const { year } = parseIso(from);
  // Three years either side hold the answer for every frequency.
  const candidates: number[] = [];
  for (let y = year - 2; y <= year + 2; y++) for (const m of ms) candidates.push(inMonth(y, m, r.day));
  const hit = step === 1 ? candidates.find((c) => c > n) : candidates.reverse().find((c) => c < n);
  return hit === undefined ? null : dayNumberToIso(hit);
}

/** The first occurrence strictly after `day`. */
export function nextOccurrence(r: Recurrence, day: string): string | null {
  return occurrence(r, day, 1);
}

/** The last occurrence strictly before `day`: where the period `day` closes began. */
export function previousOccurrence(r: Recurrence, day: string): string | null {
  return occurrence(r, day, -1);
}

/**
 * The deadline after a periodic report filed on `reportedOn`, or undefined when it stays. A
 * report closes the period its deadline ends when it is filed after that period began; the
 * deadline then moves to the next occurrence. A second report in the same period changes nothing.
 */
export function dueAfterPeriodicReport(r: Recurrence, due: string | null, reportedOn: string): string | undefined {
  if (!due) {
    const first = nextOccurrence(r, reportedOn);
    return first ?? undefined;
  }
  const began = previousOccurrence(r, due);
  if (began !== null && reportedOn <= began) return undefined;
  return nextOccurrence(r, due) ?? undefined;
}

/** The deadline a recurring duty starts with when published on `day`: its first occurrence after. */
export function firstDue(r: Recurrence, day: string): string | null {
  return nextOccurrence(r, day);
}
