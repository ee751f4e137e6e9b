/**
 * Resolves an unresolved name once for the whole draft: every item that names it (as lead or as
 * supporting agency) gets the chosen agency or group, and loses the flags that name raised.
 * One transaction, one event.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { AppError } from '../shared/errors';
import { foldText } from '../shared/text';
import { recordEvent } from '../events/record-event';
import { agencies, groups } from '../directory/directory.schema';
import { directiveItems, type AddresseeRef } from './documents.schema';
import { getItems } from './document-queries';
import { reviewFlags } from './draft-items';
import { draftDocument, keepFlags } from './edit-items';

export async function resolveName(db: Db, actor: Actor, documentId: string, input: { name: string; agencyId?: string | null; groupId?: string | null }) {
  authorize(actor, 'manage_documents');
  if (!input.agencyId === !input.groupId) throw new AppError('VALIDATION', 'Chọn đúng một cơ quan hoặc một nhóm cho tên này.', { field: 'agencyId' });
  return db.transaction(async (tx) => {
    await draftDocument(tx, documentId);
    const [target] = input.agencyId
      ? await tx.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, input.agencyId))
      : await tx.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.id, input.groupId!));
    if (!target) throw new AppError('VALIDATION', 'Cơ quan hoặc nhóm đã chọn không có trong danh mục.', { field: input.agencyId ? 'agencyId' : 'groupId' });
    const ref: AddresseeRef = input.agencyId ? { name: target.name, agencyId: target.id } : { name: target.name, groupId: target.id };
    const key = foldText(input.name);
    const key_ = (a: AddresseeRef) => a.agencyId ?? a.groupId ?? `?${foldText(a.name)}`;
    const replace = (list: AddresseeRef[]) => {
      const out: AddresseeRef[] = [];
      for (const a of list.map((a) => (!a.agencyId && !a.groupId && foldText(a.name) === key ? ref : a))) if (!out.some((b) => key_(b) === key_(a))) out.push(a);
      return out;
    };
    const changedIds: string[] = [];
    for (const it of await getItems(tx, documentId)) {
      const leads = replace(it.leads);
      const supports = replace(it.supports);
      const fields = [...(JSON.stringify(leads) !== JSON.stringify(it.leads) ? ['leads'] : []), ...(JSON.stringify(supports) !== JSON.stringify(it.supports) ? ['supports'] : [])];
      if (!fields.length) continue;
      // The reader's "lead-unknown:<name>" flag for this very name goes too.
      const flags = keepFlags(it.review, fields).filter((f) => foldText(f.replace(/^lead-unknown:/, '')) !== key);
      await tx.update(directiveItems).set({ leads, supports, review: reviewFlags({ ...it, leads, supports, review: flags }) }).where(eq(directiveItems.id, it.id));
      changedIds.push(it.id);
    }
    if (!changedIds.length) throw new AppError('NOT_FOUND', `Không có nhiệm vụ nào còn tên "${input.name}" chưa xác định.`);
    await recordEvent(tx, actor, { action: 'document.name_resolved', entity: 'document', entityId: documentId, documentId, after: { name: input.name, resolvedAs: ref, items: changedIds } });
    return { name: input.name, resolvedAs: ref, items: changedIds.length, itemIds: changedIds };
  });
}
