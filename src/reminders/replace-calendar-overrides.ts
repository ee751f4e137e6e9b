/** Replaces the holiday overrides after a full check, with the event, in one transaction. */
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { parseOverrides, type Calendar } from '../calendar';
import type { NotifiedCache } from '../shared/notified-cache';
import { recordEvent } from '../events/record-event';
import { CALENDAR_OVERRIDES_KEY, loadOverrides, writeSetting } from './reminder-settings';

export async function replaceCalendarOverrides(opts: { db: Db; actor: Actor; overrides: unknown; calendarCache?: NotifiedCache<Calendar> }) {
  const { db, actor } = opts;
  authorize(actor, 'manage_settings');
  const overrides = parseOverrides(opts.overrides);
  await db.transaction(async (tx) => {
    const before = await loadOverrides(tx);
    await writeSetting(tx, CALENDAR_OVERRIDES_KEY, overrides);
    await recordEvent(tx, actor, { action: 'calendar.overrides_changed', entity: 'setting', entityId: CALENDAR_OVERRIDES_KEY, before, after: overrides });
  });
  // This instance at once; the others when the notification written with the change arrives.
  opts.calendarCache?.clear();
  return { overrides };
}
