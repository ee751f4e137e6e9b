/**
 * The paragraphs the reader may have missed ("có thể bị bỏ sót"): shown on the draft's review
 * screen, each made a task with one click.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { queryRows } from '../db/sql';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { notFound } from '../shared/errors';
import { recordEvent } from '../events/record-event';
import { loadDirectoryIndex } from '../directory/load-directory-index';
import { directiveItems, documents, type MissedParagraph } from './documents.schema';
import { resolveAddressees, reviewFlags } from './draft-items';
import { draftDocument } from './edit-items';

interface Span {
  startOffset: number | null;
  endOffset: number | null;
}

/**
 * The marks still to show: none once published (nothing is asked of anyone then), and none on a
 * paragraph an item now covers — the clerk may have added or widened an item by hand.
 */
export function openMissed(status: string, missed: MissedParagraph[], items: Span[]): MissedParagraph[] {
  if (status !== 'draft') return [];
  return missed.filter((m) => !items.some((i) => i.startOffset !== null && i.endOffset !== null && i.startOffset <= m.start && m.end <= i.endOffset));
}

/**
 * Makes the missed paragraph that starts at `start` a task, in one transaction under the draft's
 * row lock: the item (the paragraph's text and offsets, the addressees it names as leads) goes
 * among the items in source order, and the mark goes. A second click finds no mark: 404, no item.
 */
export async function taskFromMissed(db: Db, actor: Actor, documentId: string, start: number) {
  authorize(actor, 'manage_documents');
  return db.transaction(async (tx) => {
    await draftDocument(tx, documentId);
    // read under the lock taken above: a concurrent click has either removed the mark or waits
    const [{ missed }] = await tx.select({ missed: documents.missed }).from(documents).where(eq(documents.id, documentId));
    const mark = missed.find((m) => m.start === start);
    if (!mark) throw notFound('đoạn "có thể bị bỏ sót" này (có thể đã được tạo thành nhiệm vụ)');
    const [{ position }] = await queryRows<{ position: number | null }>(
      tx,
      sql`select coalesce(
            (select min(position) from directive_items where document_id = ${documentId} and start_offset > ${mark.start}),
            (select max(position) + 1 from directive_items where document_id = ${documentId}),
            0) as position`,
    );
    const at = Number(position ?? 0);
    await tx.execute(sql`update directive_items set position = position + 1 where document_id = ${documentId} and position >= ${at}`);
    const leads = resolveAddressees(mark.lead.map((name) => ({ name })), await loadDirectoryIndex(tx));
    const values = { documentId, position: at, text: mark.text, startOffset: mark.start, endOffset: mark.end, leads, supports: [] };
    const [item] = await tx
      .insert(directiveItems)
      .values({ ...values, review: reviewFlags(values) })
      .returning();
    await tx
      .update(documents)
      .set({ missed: missed.filter((m) => m !== mark) })
      .where(eq(documents.id, documentId));
    await recordEvent(tx, actor, { action: 'item.added', entity: 'item', entityId: item.id, documentId, after: item });
    return item;
  });
}
