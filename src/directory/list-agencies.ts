/** The directory's agencies with their aliases; retired ones (with a successor) only on request. */
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { agencies, agencyAliases } from './directory.schema';
import { presentAgency } from './directory-presenters';

export async function listAgencies(opts: { db: DbOrTx; actor: Actor; includeRetired?: boolean }) {
  authorize(opts.actor, 'read_directory');
  const [rows, aliasRows] = await Promise.all([
    opts.db.select().from(agencies).orderBy(asc(agencies.kind), asc(agencies.name)),
    opts.db.select({ agencyId: agencyAliases.agencyId, alias: agencyAliases.alias }).from(agencyAliases),
  ]);
  const aliasesOf = new Map<string, string[]>();
  for (const a of aliasRows) aliasesOf.set(a.agencyId, [...(aliasesOf.get(a.agencyId) ?? []), a.alias]);
  return { items: rows.filter((a) => opts.includeRetired || !a.successorId).map((a) => presentAgency(a, aliasesOf.get(a.id) ?? [])) };
}
