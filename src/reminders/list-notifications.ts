/** The bell: a user's own in-app notifications, newest first, and how many are unread. */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { requireUser } from '../auth/policy';
import { notifications } from './reminders.schema';

export async function listNotifications(opts: { db: DbOrTx; actor: Actor; unread?: boolean; limit?: number }) {
  const userId = requireUser(opts.actor);
  const own = eq(notifications.userId, userId);
  const [items, [{ n }]] = await Promise.all([
    opts.db
      .select({ id: notifications.id, kind: notifications.kind, title: notifications.title, body: notifications.body, link: notifications.link, readAt: notifications.readAt, createdAt: notifications.createdAt })
      .from(notifications)
      .where(opts.unread ? and(own, isNull(notifications.readAt)) : own)
      .orderBy(desc(notifications.createdAt))
      .limit(opts.limit ?? 50),
    opts.db.select({ n: count() }).from(notifications).where(and(own, isNull(notifications.readAt))),
  ]);
  return { items, unread: Number(n) };
}
