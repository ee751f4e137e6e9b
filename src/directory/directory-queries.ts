/** Reads shared by the directory's use cases. */
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { AppError, notFound } from '../shared/errors';
import { agencies, agencyAliases, groupMembers, groups } from './directory.schema';
import { presentAgency, presentGroup, type GroupView } from './directory-presenters';

export async function agencyView(db: DbOrTx, id: string) {
  const [a] = await db.select().from(agencies).where(eq(agencies.id, id));
  if (!a) throw notFound('cơ quan');
  const aliases = await db.select({ alias: agencyAliases.alias }).from(agencyAliases).where(eq(agencyAliases.agencyId, id));
  return presentAgency(a, aliases.map((r) => r.alias));
}

export async function groupView(db: DbOrTx, id: string): Promise<GroupView> {
  const [g] = await db.select().from(groups).where(eq(groups.id, id));
  if (!g) throw notFound('nhóm cơ quan');
  const members = await db.select({ agencyId: groupMembers.agencyId }).from(groupMembers).where(eq(groupMembers.groupId, id));
  return presentGroup(g, members.map((m) => m.agencyId));
}

/** Refuses member ids that name no agency, with the ids, before anything is written. */
export async function checkMembers(db: DbOrTx, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const found = new Set((await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, ids))).map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw new AppError('VALIDATION', `Không có cơ quan với mã định danh: ${missing.join(', ')}.`, { missing });
}

/** Locks a group for the rest of the transaction; "not found" when there is none. */
export async function lockGroup(db: DbOrTx, id: string): Promise<string> {
  const [g] = await db.select({ id: groups.id }).from(groups).where(eq(groups.id, id)).for('update');
  if (!g) throw notFound('nhóm cơ quan');
  return g.id;
}
