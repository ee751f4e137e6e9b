/** Marks one of the user's own notifications read; another user's answers "not found". */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { requireUser } from '../auth/policy';
import { notFound } from '../shared/errors';
import { notifications } from './reminders.schema';

export async function markNotificationRead(opts: { db: DbOrTx; actor: Actor; id: string }) {
  const userId = requireUser(opts.actor);
  const [row] = await opts.db
    .update(notifications)
    // Reading twice keeps the first time it was read.
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, opts.id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id, readAt: notifications.readAt });
  if (!row) throw notFound('thông báo');
  return row;
}
