/**
 * What publishing a draft would do, before it is done: the assignments per agency (groups such
 * as "UBND cấp xã" expanded, with their member count), the names still unresolved (each once,
 * with the items that use it), what blocks publishing, and the "6 rõ" check of every item.
 * Read-only. The expansion is the one publishDocument applies: one assignment per lead agency of
 * each item, a group's members each counted once, an agency named twice counted once.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { AppError } from '../shared/errors';
import { foldText } from '../shared/text';
import { agencies, groupMembers, groups } from '../directory/directory.schema';
import { getDocument, getItems } from './document-queries';
import { CLARITY_VI, unclearOf, type Clarity } from './six-clarities';

export interface PublishPreview {
  documentId: string;
  items: number;
  assignments: number;
  canPublish: boolean;
  problems: string[];
  byAgency: { agencyId: string; name: string; assignments: number }[];
  groups: { groupId: string; name: string; members: number; items: number; assignments: number }[];
  unresolved: { name: string; role: 'lead' | 'support'; itemIds: string[]; refs: string[] }[];
  perItem: {
    itemId: string;
    ref: string;
    assignments: number;
    agencies: string[];
    unclear: Clarity[];
    unclearLabels: string[];
  }[];
}

const labelOf = (it: { ref: string | null; position: number }) => it.ref || `#${it.position + 1}`;

export async function previewPublish(db: Db, actor: Actor, documentId: string): Promise<PublishPreview> {
  authorize(actor, 'manage_documents');
  const doc = await getDocument(db, documentId);
  if (doc.status !== 'draft') throw new AppError('CONFLICT', 'Văn bản này đã được ban hành.');
  const items = await getItems(db, documentId);
  const groupIds = [...new Set(items.flatMap((i) => i.leads.map((l) => l.groupId).filter((g): g is string => !!g)))];
  const members = groupIds.length ? await db.select().from(groupMembers).where(inArray(groupMembers.groupId, groupIds)) : [];
  const groupRows = groupIds.length ? await db.select({ id: groups.id, name: groups.name }).from(groups).where(inArray(groups.id, groupIds)) : [];
  const agencyName = new Map((await db.select({ id: agencies.id, name: agencies.name }).from(agencies)).map((a) => [a.id, a.name]));
  const membersOf = new Map<string, string[]>();
  for (const m of members) membersOf.set(m.groupId, [...(membersOf.get(m.groupId) ?? []), m.agencyId]);

  const problems: string[] = [];
  const perAgency = new Map<string, number>();
  const perGroup = new Map<string, { items: number; assignments: number }>();
  const unresolved = new Map<string, PublishPreview['unresolved'][number]>();
  const perItem: PublishPreview['perItem'] = [];
  let total = 0;
  for (const it of items) {
    const label = it.ref ? `Nhiệm vụ ${it.ref}` : `Nhiệm vụ thứ ${it.position + 1}`;
    if (!it.leads.length) problems.push(`${label}: chưa có cơ quan chủ trì`);
    const leadIds = new Set<string>();
    for (const l of it.leads) {
      if (l.agencyId) leadIds.add(l.agencyId);
      else if (l.groupId) {
        const ids = membersOf.get(l.groupId) ?? [];
        for (const a of ids) leadIds.add(a);
        const g = perGroup.get(l.groupId) ?? { items: 0, assignments: 0 };
        perGroup.set(l.groupId, { items: g.items + 1, assignments: g.assignments + ids.length });
      } else problems.push(`${label}: "${l.name}" chưa có trong danh mục cơ quan`);
    }
    for (const [role, list] of [['lead', it.leads], ['support', it.supports]] as const) {
      for (const a of list) {
        if (a.agencyId || a.groupId) continue;
        if (role === 'support' && /lien quan/.test(foldText(a.name))) continue; // "các cơ quan liên quan": nobody to resolve
        const key = `${role}|${foldText(a.name)}`;
        const u = unresolved.get(key) ?? { name: a.name, role, itemIds: [], refs: [] };
        if (!u.itemIds.includes(it.id)) {
          u.itemIds.push(it.id);
          u.refs.push(labelOf(it));
        }
        unresolved.set(key, u);
      }
    }
    for (const a of leadIds) perAgency.set(a, (perAgency.get(a) ?? 0) + 1);
    total += leadIds.size;
    const unclear = unclearOf(it);
    perItem.push({
      itemId: it.id,
      ref: labelOf(it),
      assignments: leadIds.size,
      agencies: [...leadIds].map((a) => agencyName.get(a) ?? a),
      unclear,
      unclearLabels: unclear.map((c) => CLARITY_VI[c]),
    });
  }
  if (!items.length) problems.push('Văn bản chưa có nhiệm vụ nào để giao');
  return {
    documentId,
    items: items.length,
    assignments: total,
    canPublish: problems.length === 0,
    problems,
    byAgency: [...perAgency]
      .map(([agencyId, n]) => ({ agencyId, name: agencyName.get(agencyId) ?? agencyId, assignments: n }))
      .sort((a, b) => b.assignments - a.assignments || a.name.localeCompare(b.name, 'vi')),
    groups: groupRows.map((g) => ({ groupId: g.id, name: g.name, members: membersOf.get(g.id)?.length ?? 0, ...(perGroup.get(g.id) ?? { items: 0, assignments: 0 }) })),
    unresolved: [...unresolved.values()].sort((a, b) => b.itemIds.length - a.itemIds.length || a.name.localeCompare(b.name, 'vi')),
    perItem,
  };
}
