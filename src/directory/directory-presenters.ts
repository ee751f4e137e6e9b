/** Agencies and groups as the API shows them: named fields, never a raw row. */
import type { agencies, groups } from './directory.schema';

export function presentAgency(a: typeof agencies.$inferSelect, aliases: string[]) {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    shortName: a.shortName,
    kind: a.kind,
    parentId: a.parentId,
    email: a.email,
    validFrom: a.validFrom,
    validTo: a.validTo,
    successorId: a.successorId,
    createdAt: a.createdAt,
    aliases,
  };
}
export type AgencyView = ReturnType<typeof presentAgency>;

export function presentGroup(g: typeof groups.$inferSelect, memberIds: string[]) {
  return { id: g.id, code: g.code, name: g.name, aliases: g.aliases, memberIds };
}
export type GroupView = ReturnType<typeof presentGroup>;
