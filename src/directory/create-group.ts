/** Adds a group of agencies, with the event, in one transaction; unknown members are refused. */
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { recordEvent } from '../events/record-event';
import { groupMembers, groups } from './directory.schema';
import { checkMembers, groupView } from './directory-queries';

export interface GroupInput {
  code: string;
  name: string;
  aliases?: string[];
  memberIds?: string[];
}

export async function createGroup(opts: { db: Db; actor: Actor; group: GroupInput }) {
  const { db, actor } = opts;
  authorize(actor, 'manage_directory');
  const { memberIds = [], aliases = [], ...values } = opts.group;
  return db.transaction(async (tx) => {
    await checkMembers(tx, memberIds);
    const [g] = await tx.insert(groups).values({ ...values, aliases }).returning({ id: groups.id });
    for (const agencyId of new Set(memberIds)) await tx.insert(groupMembers).values({ groupId: g.id, agencyId });
    const after = await groupView(tx, g.id);
    await recordEvent(tx, actor, { action: 'group.created', entity: 'group', entityId: g.id, after });
    return after;
  });
}
