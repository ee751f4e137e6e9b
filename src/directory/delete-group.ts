/**
 * Deletes a group, with the event. Assignments already published keep their agencies: a group
 * is only expanded when publishing.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { recordEvent } from '../events/record-event';
import { groups } from './directory.schema';
import { groupView, lockGroup } from './directory-queries';

export async function deleteGroup(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor } = opts;
  authorize(actor, 'manage_directory');
  await db.transaction(async (tx) => {
    const id = await lockGroup(tx, opts.id);
    const before = await groupView(tx, id);
    await tx.delete(groups).where(eq(groups.id, id));
    await recordEvent(tx, actor, { action: 'group.deleted', entity: 'group', entityId: id, before });
  });
  return { ok: true as const };
}
