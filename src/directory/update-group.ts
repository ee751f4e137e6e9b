/** Changes a group; `memberIds`, when sent, replace the old members. One transaction, with the event. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { recordEvent } from '../events/record-event';
import { groupMembers, groups } from './directory.schema';
import { checkMembers, groupView, lockGroup } from './directory-queries';
import type { GroupInput } from './create-group';

export async function updateGroup(opts: { db: Db; actor: Actor; id: string; changes: Partial<GroupInput> }) {
  const { db, actor } = opts;
  authorize(actor, 'manage_directory');
  const { memberIds, ...values } = opts.changes;
  return db.transaction(async (tx) => {
    const id = await lockGroup(tx, opts.id);
    const before = await groupView(tx, id);
    if (Object.keys(values).length) await tx.update(groups).set(values).where(eq(groups.id, id));
    if (memberIds) {
      await checkMembers(tx, memberIds);
      await tx.delete(groupMembers).where(eq(groupMembers.groupId, id));
      for (const agencyId of new Set(memberIds)) await tx.insert(groupMembers).values({ groupId: id, agencyId });
    }
    const after = await groupView(tx, id);
    await recordEvent(tx, actor, { action: 'group.updated', entity: 'group', entityId: id, before, after });
    return after;
  });
}
