/**
 * Deletes a draft document and its items (a wrong upload, a duplicate). A published document is
 * never deleted: its assignments are being followed. The event keeps what was deleted.
 */
import { eq, and } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { AppError } from '../shared/errors';
import { recordEvent } from '../events/record-event';
import { documents } from './documents.schema';
import { getItems } from './document-queries';
import { draftDocument } from './edit-items';

export async function deleteDraft(db: Db, actor: Actor, documentId: string) {
  authorize(actor, 'manage_documents');
  return db.transaction(async (tx) => {
    const doc = await draftDocument(tx, documentId).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'CONFLICT') throw new AppError('CONFLICT', 'Văn bản đã ban hành thì không xóa được; hãy hủy từng nhiệm vụ nếu cần.');
      throw e;
    });
    const items = await getItems(tx, documentId);
    const [gone] = await tx.delete(documents).where(and(eq(documents.id, documentId), eq(documents.status, 'draft'))).returning({ id: documents.id });
    if (!gone) throw new AppError('CONFLICT', 'Văn bản đã ban hành thì không xóa được.');
    await recordEvent(tx, actor, {
      action: 'document.deleted',
      entity: 'document',
      entityId: documentId,
      documentId,
      before: { number: doc.number, subject: doc.subject, fileName: doc.fileName, items: items.map((i) => ({ ref: i.ref, text: i.text })) },
    });
    return { ok: true as const, items: items.length };
  });
}
