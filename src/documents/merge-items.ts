/**
 * Merges a draft item with the one after it, in ONE transaction: texts joined, addressees
 * united (an agency leading in either stays a lead, never also a supporter), the earlier
 * deadline kept, the source span covering both. Splitting's reference is undone (II.2.a.1 +
 * II.2.a.2 → II.2.a); otherwise the first item's reference stays.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { AppError, notFound } from '../shared/errors';
import { recordEvent } from '../events/record-event';
import { directiveItems, type AddresseeRef } from './documents.schema';
import { reviewFlags } from './draft-items';
import { draftDocument } from './edit-items';

const keyOf = (a: AddresseeRef) => a.agencyId ?? a.groupId ?? `?${a.name}`;

export function mergedRef(a: string | null, b: string | null): string | null {
  const m1 = a ? /^(.*)\.1$/.exec(a) : null;
  if (m1 && b === `${m1[1]}.2`) return m1[1];
  return a ?? b;
}

export async function mergeWithNext(db: Db, actor: Actor, documentId: string, itemId: string) {
  authorize(actor, 'manage_documents');
  return db.transaction(async (tx) => {
    await draftDocument(tx, documentId);
    const [a] = await tx.select().from(directiveItems).where(and(eq(directiveItems.id, itemId), eq(directiveItems.documentId, documentId)));
    if (!a) throw notFound('nhiệm vụ');
    const [b] = await tx
      .select()
      .from(directiveItems)
      .where(and(eq(directiveItems.documentId, documentId), sql`${directiveItems.position} > ${a.position}`))
      .orderBy(directiveItems.position)
      .limit(1);
    if (!b) throw new AppError('VALIDATION', 'Đây là nhiệm vụ cuối cùng: không có nhiệm vụ sau để gộp.');
    const leads = [...a.leads, ...b.leads.filter((x) => !a.leads.some((y) => keyOf(y) === keyOf(x)))];
    const supports = [...a.supports, ...b.supports].filter((x, i, all) => !leads.some((l) => keyOf(l) === keyOf(x)) && all.findIndex((y) => keyOf(y) === keyOf(x)) === i);
    const earlier = !a.due ? b : !b.due ? a : a.due <= b.due ? a : b;
    const starts = [a.startOffset, b.startOffset].filter((x): x is number => x !== null);
    const ends = [a.endOffset, b.endOffset].filter((x): x is number => x !== null);
    const merged = {
      text: `${a.text}\n${b.text}`,
      ref: mergedRef(a.ref, b.ref),
      leads,
      supports,
      due: earlier.due,
      dueText: earlier.dueText,
      recurrence: a.recurrence ?? b.recurrence,
      leaderId: a.leaderId ?? b.leaderId,
      expectedResult: [a.expectedResult, b.expectedResult].filter(Boolean).join('; ') || null,
      reportTo: a.reportTo ?? b.reportTo,
      startOffset: starts.length ? Math.min(...starts) : null,
      endOffset: ends.length ? Math.max(...ends) : null,
    };
    const review = reviewFlags({ ...merged, review: [...new Set([...a.review, ...b.review])] });
    const [after] = await tx.update(directiveItems).set({ ...merged, review }).where(eq(directiveItems.id, a.id)).returning();
    await tx.delete(directiveItems).where(eq(directiveItems.id, b.id));
    await tx.execute(sql`update directive_items set position = position - 1 where document_id = ${documentId} and position > ${b.position}`);
    await recordEvent(tx, actor, { action: 'item.merged', entity: 'item', entityId: a.id, documentId, before: { first: a, second: b }, after });
    return { item: after, removedId: b.id };
  });
}
