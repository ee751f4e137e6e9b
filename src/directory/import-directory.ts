import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { recordEvent } from '../events/record-event';
import { agencies, agencyAliases, groups, groupMembers } from './directory.schema';
import { nameKey } from './directory-index';
import type { DirectoryData } from './directory-file';

/**
 * Upserts a province's directory by code, in one transaction. Predecessors listed under
 * "formerly" become retired agencies whose successor is the current one, so older documents
 * still resolve and report under the agency that carries their work now.
 */
export async function importDirectory(db: Db, actor: Actor, data: DirectoryData): Promise<{ agencies: number; groups: number }> {
  authorize(actor, 'manage_directory');
  return db.transaction(async (tx) => {
    const idByCode = new Map<string, string>();
    const upsert = async (code: string, values: Omit<typeof agencies.$inferInsert, 'code'>) => {
      const [row] = await tx
        .insert(agencies)
        .values({ code, ...values })
        .onConflictDoUpdate({ target: agencies.code, set: values })
        .returning({ id: agencies.id });
      idByCode.set(code, row.id);
      return row.id;
    };
    for (const a of data.agencies) {
      const id = await upsert(a.code, { name: a.name, shortName: a.shortName ?? null, kind: a.kind, email: a.email ?? null, validTo: null, successorId: null });
      await tx.delete(agencyAliases).where(eq(agencyAliases.agencyId, id));
      const keys = new Set<string>();
      for (const alias of a.aliases) {
        const key = nameKey(alias);
        if (key && !keys.has(key)) {
          keys.add(key);
          await tx.insert(agencyAliases).values({ agencyId: id, alias, key });
        }
      }
      for (const [i, old] of a.formerly.entries()) {
        await upsert(`${a.code}~${i + 1}`, { name: old, kind: a.kind, validTo: '2025-06-30', successorId: id });
      }
    }
    for (const a of data.agencies) {
      if (a.parentCode && idByCode.has(a.parentCode)) {
        await tx.update(agencies).set({ parentId: idByCode.get(a.parentCode)! }).where(eq(agencies.id, idByCode.get(a.code)!));
      }
    }
    for (const g of data.groups) {
      const [row] = await tx
        .insert(groups)
        .values({ code: g.code, name: g.name, aliases: g.aliases })
        .onConflictDoUpdate({ target: groups.code, set: { name: g.name, aliases: g.aliases } })
        .returning({ id: groups.id });
      await tx.delete(groupMembers).where(eq(groupMembers.groupId, row.id));
      const memberIds = g.memberCodes.map((c) => idByCode.get(c)).filter((x): x is string => !!x);
      if (memberIds.length) {
        const existing = await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, memberIds));
        await tx.insert(groupMembers).values(existing.map((m) => ({ groupId: row.id, agencyId: m.id })));
      }
    }
    await recordEvent(tx, actor, {
      action: 'directory.imported',
      entity: 'directory',
      entityId: 'directory',
      after: { agencies: data.agencies.length, groups: data.groups.length },
    });
    return { agencies: data.agencies.length, groups: data.groups.length };
  });
}
