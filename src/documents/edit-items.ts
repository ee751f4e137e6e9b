/**
 * The office's corrections to a draft: edit, add and delete items. A published document's
 * items are frozen; changes then go through the assignments (deadline change, reassignment).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { queryRows } from '../db/sql';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { AppError, notFound } from '../shared/errors';
import { recordEvent } from '../events/record-event';
import { loadDirectoryIndex } from '../directory/load-directory-index';
import { directiveItems, documents, type AddresseeRef } from './documents.schema';
import { resolveAddressees, reviewFlags } from './draft-items';
import { getDocument } from './document-queries';
import type { Recurrence } from '../assignments/recurrence';

export interface ItemPatch {
  ref?: string | null;
  text?: string;
  leads?: (string | AddresseeRef)[];
  supports?: (string | AddresseeRef)[];
  due?: string | null;
  dueText?: string | null;
  recurrence?: Recurrence | null;
  leaderId?: string | null;
  expectedResult?: string | null;
  reportTo?: string | null;
  startOffset?: number | null;
  endOffset?: number | null;
}

/**
 * The field each review flag points at: the reader's ("lead-inherited", "lead-unknown:Sở X",
 * "due-several-dates") and the review's own ("lead_unresolved"). A flag whose field is in the
 * patch has been dealt with; reviewFlags() then re-adds what the new value still leaves open.
 */
export function flagField(flag: string): string | null {
  if (/^lead[-_]/.test(flag)) return 'leads';
  if (/^support[-_]/.test(flag)) return 'supports';
  if (/^due[-_]/.test(flag) || flag === 'due') return 'due';
  return null;
}

export function keepFlags(flags: string[], patched: string[]): string[] {
  const touched = new Set(patched.map((k) => (k === 'dueText' ? 'due' : k)));
  return flags.filter((f) => {
    const field = flagField(f);
    return !(field && touched.has(field)) && !['lead_missing', 'lead_unresolved', 'support_unresolved'].includes(f);
  });
}

export async function draftDocument(tx: DbOrTx, documentId: string) {
  const doc = await getDocument(tx, documentId);
  if (doc.status !== 'draft') throw new AppError('CONFLICT', 'Văn bản đã ban hành; không thể sửa các nhiệm vụ của nó.');
  await tx.execute(sql`select id from documents where id = ${documentId} for update`);
  return doc;
}

async function resolvedPatch(tx: DbOrTx, patch: ItemPatch) {
  const index = await loadDirectoryIndex(tx);
  const { leads, supports, recurrence, ...rest } = patch;
  return {
    ...rest,
    // stored as the reader stores it: its JSON text
    ...(recurrence !== undefined ? { recurrence: recurrence && JSON.stringify(recurrence) } : {}),
    ...(leads ? { leads: resolveAddressees(leads, index) } : {}),
    ...(supports ? { supports: resolveAddressees(supports, index) } : {}),
  };
}

export async function updateItem(db: Db, actor: Actor, documentId: string, itemId: string, patch: ItemPatch) {
  authorize(actor, 'manage_documents');
  return db.transaction(async (tx) => {
    await draftDocument(tx, documentId);
    const [before] = await tx.select().from(directiveItems).where(and(eq(directiveItems.id, itemId), eq(directiveItems.documentId, documentId)));
    if (!before) throw notFound('nhiệm vụ');
    const changes = await resolvedPatch(tx, patch);
    const merged = { ...before, ...changes };
    // Flags on a field the clerk has just set go; what is still unresolved is flagged again.
    // A form sends every field: only those whose value changed count as fixed.
    const changed = Object.keys(changes).filter((k) => JSON.stringify(changes[k as keyof typeof changes]) !== JSON.stringify(before[k as keyof typeof before]));
    const review = reviewFlags({ ...merged, review: keepFlags(before.review, changed) });
    const [after] = await tx.update(directiveItems).set({ ...changes, review }).where(eq(directiveItems.id, itemId)).returning();
    await recordEvent(tx, actor, { action: 'item.updated', entity: 'item', entityId: itemId, documentId, before, after });
    return after;
  });
}

export async function addItem(db: Db, actor: Actor, documentId: string, input: ItemPatch & { text: string; afterPosition?: number }) {
  authorize(actor, 'manage_documents');
  return db.transaction(async (tx) => {
    await draftDocument(tx, documentId);
    const [{ max }] = await queryRows<{ max: number | null }>(tx, sql`select max(position) as max from directive_items where document_id = ${documentId}`);
    let position = (max ?? -1) + 1;
    if (input.afterPosition !== undefined) {
      position = input.afterPosition + 1;
      await tx.execute(sql`update directive_items set position = position + 1 where document_id = ${documentId} and position >= ${position}`);
    }
    const { afterPosition: _a, ...patch } = input;
    const changes = await resolvedPatch(tx, patch);
    const values = { leads: [], supports: [], ...changes, text: input.text, documentId, position };
    const [item] = await tx
      .insert(directiveItems)
      .values({ ...values, review: reviewFlags(values) })
      .returning();
    await recordEvent(tx, actor, { action: 'item.added', entity: 'item', entityId: item.id, documentId, after: item });
    return item;
  });
}

export async function deleteItem(db: Db, actor: Actor, documentId: string, itemId: string) {
  authorize(actor, 'manage_documents');
  await db.transaction(async (tx) => {
    await draftDocument(tx, documentId);
    const [before] = await tx.delete(directiveItems).where(and(eq(directiveItems.id, itemId), eq(directiveItems.documentId, documentId))).returning();
    if (!before) throw notFound('nhiệm vụ');
    await recordEvent(tx, actor, { action: 'item.deleted', entity: 'item', entityId: itemId, documentId, before });
  });
}

export async function updateDocumentMeta(db: Db, actor: Actor, documentId: string, patch: Partial<typeof documents.$inferInsert>) {
  authorize(actor, 'manage_documents');
  return db.transaction(async (tx) => {
    const before = await draftDocument(tx, documentId);
    const [after] = await tx.update(documents).set(patch).where(eq(documents.id, documentId)).returning();
    await recordEvent(tx, actor, { action: 'document.updated', entity: 'document', entityId: documentId, documentId, before: { ...before, text: undefined, fileData: undefined }, after: { ...after, text: undefined, fileData: undefined } });
    return after;
  });
}
