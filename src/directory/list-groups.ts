/** The directory's groups ("các sở, ban, ngành") with their member agencies. */
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { groupMembers, groups } from './directory.schema';
import { presentGroup } from './directory-presenters';

export async function listGroups(opts: { db: DbOrTx; actor: Actor }) {
  authorize(opts.actor, 'read_directory');
  const [rows, members] = await Promise.all([opts.db.select().from(groups).orderBy(asc(groups.name)), opts.db.select().from(groupMembers)]);
  const membersOf = new Map<string, string[]>();
  for (const m of members) membersOf.set(m.groupId, [...(membersOf.get(m.groupId) ?? []), m.agencyId]);
  return { items: rows.map((g) => presentGroup(g, membersOf.get(g.id) ?? [])) };
}
