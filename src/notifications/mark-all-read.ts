/** Marks every unread notification of the user read ("Đánh dấu tất cả đã đọc"). */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { requireUser } from '../auth/policy';
import { queryRows } from '../db/sql';

export async function markAllNotificationsRead(opts: { db: DbOrTx; actor: Actor }): Promise<{ marked: number }> {
  const userId = requireUser(opts.actor);
  const rows = await queryRows<{ id: string }>(opts.db, sql`update notifications set read_at = now() where user_id = ${userId} and read_at is null returning id`);
  return { marked: rows.length };
}
