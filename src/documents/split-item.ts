/**
 * Splits a draft item in two at a character offset of its text, in ONE transaction: the first
 * part stays in place, the second follows it, both keep the addressees and deadline, and the
 * reference gains a level (II.2.a → II.2.a.1 and II.2.a.2). The source offsets are split too
 * when the item's text is still exactly the source passage.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { AppError, notFound } from '../shared/errors';
import { recordEvent } from '../events/record-event';
import { directiveItems } from './documents.schema';
import { reviewFlags } from './draft-items';
import { draftDocument } from './edit-items';

/** "II.2.a" → ["II.2.a.1", "II.2.a.2"]; an item without a reference is named by its place. */
export function splitRefs(ref: string | null, position: number): [string, string] {
  const base = (ref ?? '').trim().replace(/[.)]+$/, '') || String(position + 1);
  return [`${base}.1`, `${base}.2`];
}

export async function splitItem(db: Db, actor: Actor, documentId: string, itemId: string, at: number) {
  authorize(actor, 'manage_documents');
  return db.transaction(async (tx) => {
    await draftDocument(tx, documentId);
    const [item] = await tx.select().from(directiveItems).where(and(eq(directiveItems.id, itemId), eq(directiveItems.documentId, documentId)));
    if (!item) throw notFound('nhiệm vụ');
    const first = item.text.slice(0, at).trimEnd();
    const rest = item.text.slice(at);
    const second = rest.trimStart();
    if (at <= 0 || at >= item.text.length || !first || !second) {
      throw new AppError('VALIDATION', 'Đặt con trỏ vào giữa nội dung nhiệm vụ, tại chỗ cần tách (mỗi phần phải còn nội dung).', { field: 'at' });
    }
    const [refA, refB] = splitRefs(item.ref, item.position);
    const exact = item.startOffset !== null && item.endOffset !== null && item.endOffset - item.startOffset === item.text.length;
    const cut = exact ? item.startOffset! + at : null;
    await tx.execute(sql`update directive_items set position = position + 1 where document_id = ${documentId} and position > ${item.position}`);
    const [a] = await tx
      .update(directiveItems)
      .set({ text: first, ref: refA, ...(exact ? { endOffset: item.startOffset! + first.length } : {}) })
      .where(eq(directiveItems.id, item.id))
      .returning();
    const { id: _id, ...copy } = item;
    const [b] = await tx
      .insert(directiveItems)
      .values({
        ...copy,
        position: item.position + 1,
        ref: refB,
        text: second,
        startOffset: exact ? cut! + (rest.length - second.length) : item.startOffset,
        endOffset: item.endOffset,
        review: reviewFlags({ ...item, review: item.review }),
      })
      .returning();
    await recordEvent(tx, actor, { action: 'item.split', entity: 'item', entityId: item.id, documentId, before: item, after: { first: a, second: b } });
    return { items: [a, b] };
  });
}
