import type { DbOrTx } from '../db/client';
import { agencies, agencyAliases, groups, groupMembers } from './directory.schema';
import { DirectoryIndex } from './directory-index';

/** Reads the whole directory (a province has a few hundred rows) into a name index. */
export async function loadDirectoryIndex(db: DbOrTx): Promise<DirectoryIndex> {
  const [agencyRows, aliasRows, groupRows, memberRows] = await Promise.all([
    db.select().from(agencies),
    db.select().from(agencyAliases),
    db.select().from(groups),
    db.select().from(groupMembers),
  ]);
  const aliasesOf = new Map<string, string[]>();
  for (const r of aliasRows) aliasesOf.set(r.agencyId, [...(aliasesOf.get(r.agencyId) ?? []), r.alias]);
  const membersOf = new Map<string, string[]>();
  for (const m of memberRows) membersOf.set(m.groupId, [...(membersOf.get(m.groupId) ?? []), m.agencyId]);
  return new DirectoryIndex(
    agencyRows.map((a) => ({ id: a.id, name: a.name, aliases: [...(aliasesOf.get(a.id) ?? []), ...(a.shortName ? [a.shortName] : [])], successorId: a.successorId, validTo: a.validTo })),
    groupRows.map((g) => ({ id: g.id, name: g.name, aliases: g.aliases, memberIds: membersOf.get(g.id) ?? [] })),
  );
}
