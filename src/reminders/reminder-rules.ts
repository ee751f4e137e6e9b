/**
 * The province's reminder rules, stored in `settings` under REMINDER_RULES_KEY, with defaults.
 * Pure: validation returns Vietnamese messages; the caller reads and writes the setting.
 */
import { AppError } from '../shared/errors';

export const REMINDER_RULES_KEY = 'reminders.rules';

export interface ReminderRules {
  /** Remind the lead agency this many working days before the deadline (e.g. [5, 1]). */
  beforeDays: number[];
  /** Remind on the deadline day itself (on the last working day before it when it is a day off). */
  onDueDay: boolean;
  /** While overdue, remind the agency every N working days after the deadline (0 = never). */
  overdueEveryDays: number;
  /** On the first overdue working day, tell the agency's head (its mailbox and officers) and the office. */
  escalateOnFirstOverdueDay: boolean;
  /** Tell the leader in charge after this many working days overdue (0 = never). */
  escalateLeaderAfterDays: number;
  /** A daily digest to the office on each working day: overdue items and those due within `digestHorizonDays`. */
  dailyOfficeDigest: boolean;
  digestHorizonDays: number;
  /** A weekly digest to each agency on the first working day of the week (Monday unless a holiday). */
  weeklyAgencyDigest: boolean;
  /** At most this many reminders per assignment and rule, so nobody is reminded forever. */
  capPerRule: number;
  /** A pass also plans occurrences of the last N working days it missed (instance down), never older. */
  catchUpDays: number;
  /**
   * Also remind the supporting agencies (phối hợp) of a task, on the lead agency's schedule (before
   * the deadline, on the day, while overdue). Off unless the office turns it on.
   */
  remindSupporting: boolean;
}

export const DEFAULT_REMINDER_RULES: ReminderRules = {
  beforeDays: [5, 1],
  onDueDay: true,
  overdueEveryDays: 3,
  escalateOnFirstOverdueDay: true,
  escalateLeaderAfterDays: 5,
  dailyOfficeDigest: true,
  digestHorizonDays: 5,
  weeklyAgencyDigest: true,
  capPerRule: 5,
  catchUpDays: 2,
  remindSupporting: false,
};

const INT_FIELDS: { key: keyof ReminderRules; label: string; min: number; max: number }[] = [
  { key: 'overdueEveryDays', label: 'Chu kỳ nhắc khi quá hạn (ngày làm việc)', min: 0, max: 60 },
  { key: 'escalateLeaderAfterDays', label: 'Số ngày quá hạn trước khi báo lãnh đạo phụ trách', min: 0, max: 120 },
  { key: 'digestHorizonDays', label: 'Số ngày làm việc tới trong bản tổng hợp', min: 0, max: 60 },
  { key: 'capPerRule', label: 'Số lần nhắc tối đa cho mỗi nhiệm vụ và mỗi quy tắc', min: 1, max: 100 },
  { key: 'catchUpDays', label: 'Số ngày làm việc được nhắc bù khi hệ thống ngừng chạy', min: 0, max: 10 },
];
const BOOL_FIELDS: { key: keyof ReminderRules; label: string }[] = [
  { key: 'onDueDay', label: 'Nhắc vào ngày đến hạn' },
  { key: 'escalateOnFirstOverdueDay', label: 'Báo Thủ trưởng cơ quan và Văn phòng khi quá hạn' },
  { key: 'dailyOfficeDigest', label: 'Tổng hợp hằng ngày cho Văn phòng' },
  { key: 'weeklyAgencyDigest', label: 'Tổng hợp hằng tuần cho cơ quan' },
  { key: 'remindSupporting', label: 'Nhắc cả cơ quan phối hợp theo lịch của cơ quan chủ trì' },
];

/** Checks a (partial) rules object; missing fields take the defaults. Throws AppError('VALIDATION'). */
export function parseReminderRules(value: unknown): ReminderRules {
  const errors: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AppError('VALIDATION', 'Quy tắc nhắc việc phải là một đối tượng JSON.');
  }
  const v = value as Record<string, unknown>;
  const known = new Set(Object.keys(DEFAULT_REMINDER_RULES));
  for (const k of Object.keys(v)) if (!known.has(k)) errors.push(`Khóa "${k}" không được hỗ trợ.`);
  const out: ReminderRules = { ...DEFAULT_REMINDER_RULES, beforeDays: [...DEFAULT_REMINDER_RULES.beforeDays] };
  if (v.beforeDays !== undefined) {
    const list = v.beforeDays;
    if (!Array.isArray(list) || list.some((n) => !Number.isInteger(n) || (n as number) < 1 || (n as number) > 60)) {
      errors.push('Nhắc trước hạn ("beforeDays") phải là danh sách số nguyên từ 1 đến 60 ngày làm việc, ví dụ [5, 1].');
    } else if (new Set(list).size !== list.length || list.length > 5) {
      errors.push('Nhắc trước hạn ("beforeDays"): tối đa 5 mốc, không trùng nhau.');
    } else out.beforeDays = [...(list as number[])].sort((a, b) => b - a);
  }
  for (const f of INT_FIELDS) {
    const x = v[f.key];
    if (x === undefined) continue;
    if (!Number.isInteger(x) || (x as number) < f.min || (x as number) > f.max) errors.push(`${f.label} ("${f.key}") phải là số nguyên từ ${f.min} đến ${f.max}.`);
    else (out as unknown as Record<string, unknown>)[f.key] = x;
  }
  for (const f of BOOL_FIELDS) {
    const x = v[f.key];
    if (x === undefined) continue;
    if (typeof x !== 'boolean') errors.push(`${f.label} ("${f.key}") phải là true hoặc false.`);
    else (out as unknown as Record<string, unknown>)[f.key] = x;
  }
  if (errors.length) throw new AppError('VALIDATION', `Quy tắc nhắc việc không hợp lệ:\n- ${errors.join('\n- ')}`, { errors });
  return out;
}

/** Rule identifiers, stored on each reminder item. */
export type RuleId =
  | `before_${number}`
  | 'due_day'
  | 'overdue'
  | 'escalate_agency'
  | 'escalate_office'
  | 'escalate_leader'
  | 'digest_daily'
  | 'digest_weekly';

/** Rules whose occurrences count toward `capPerRule` (digests are not reminders of one task). */
export function isCapped(rule: string): boolean {
  return !rule.startsWith('digest_');
}
