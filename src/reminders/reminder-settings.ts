/** Reads and writes the reminder settings (rules, templates, calendar overrides) in `settings`. */
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { settings } from '../events/events.schema';
import { NO_EXPIRY, type NotifiedCache } from '../shared/notified-cache';
import { createCalendar, defaultOverrides, mergeOverrides, parseOverrides, type Calendar, type CalendarOverrides } from '../calendar';
import { DEFAULT_REMINDER_RULES, parseReminderRules, REMINDER_RULES_KEY, type ReminderRules } from './reminder-rules';
import { DEFAULT_TEMPLATES, parseTemplates, REMINDER_TEMPLATES_KEY, type MessageTemplates } from './message-templates';

export const CALENDAR_OVERRIDES_KEY = 'calendar.overrides';
/** Every settings write notifies it, so that each instance drops what it cached (the calendar). */
export const SETTINGS_CHANNEL = 'dondoc_settings';

export async function readSetting(db: DbOrTx, key: string): Promise<unknown> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row?.value;
}

export async function writeSetting(tx: DbOrTx, key: string, value: unknown): Promise<void> {
  await tx
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
  // Delivered when the transaction commits (app/cache-listener.ts clears the instances' caches).
  await tx.execute(sql`select pg_notify(${SETTINGS_CHANNEL}, ${key})`);
}

export async function loadRules(db: DbOrTx): Promise<ReminderRules> {
  const v = await readSetting(db, REMINDER_RULES_KEY);
  return v === undefined ? DEFAULT_REMINDER_RULES : parseReminderRules(v);
}

export async function loadTemplates(db: DbOrTx): Promise<MessageTemplates> {
  const v = await readSetting(db, REMINDER_TEMPLATES_KEY);
  return v === undefined ? DEFAULT_TEMPLATES : parseTemplates(v);
}

/** The admin's overrides only (null when none were saved). */
export async function loadOverrides(db: DbOrTx): Promise<CalendarOverrides | null> {
  const v = await readSetting(db, CALENDAR_OVERRIDES_KEY);
  return v === undefined ? null : parseOverrides(v);
}

/** The last calendar built and the overrides it was built from (see loadCalendar). */
let lastCalendar: { key: string; calendar: Calendar } | undefined;

/**
 * The calendar in force: the shipped official decisions, with the admin's years on top. Lists
 * and pages ask for it on every request (days overdue): with the server's cache (a
 * NotifiedCache that every settings write clears) it is read once per change, and the one built
 * from the same saved overrides is reused, so its per-year holiday tables (lunar dates) are
 * computed once.
 */
export async function loadCalendar(db: DbOrTx, cache?: NotifiedCache<Calendar>): Promise<Calendar> {
  const cached = cache?.get(CALENDAR_OVERRIDES_KEY);
  if (cached) return cached;
  const generation = cache?.generation ?? 0;
  const v = await readSetting(db, CALENDAR_OVERRIDES_KEY);
  const key = v === undefined ? '' : JSON.stringify(v);
  if (lastCalendar?.key !== key) {
    const calendar = v === undefined ? createCalendar() : createCalendar(mergeOverrides(defaultOverrides, parseOverrides(v)));
    lastCalendar = { key, calendar };
  }
  cache?.set(CALENDAR_OVERRIDES_KEY, lastCalendar.calendar, NO_EXPIRY, generation);
  return lastCalendar.calendar;
}
