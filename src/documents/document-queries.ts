import { asc, desc, eq, sql, and, or, ilike } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { notFound } from '../shared/errors';
import { documents, directiveItems } from './documents.schema';

export type DocumentRow = typeof documents.$inferSelect;
export type ItemRow = typeof directiveItems.$inferSelect;

/** Row → JSON: the stored file never leaks into lists, only its name. */
export function presentDocument(d: DocumentRow, opts: { withText?: boolean } = {}) {
  // the paragraphs the reader may have missed go with the text they point into
  const { fileData: _file, text, missed, ...rest } = d;
  return { ...rest, hasFile: !!d.fileName, ...(opts.withText ? { text, missed } : {}) };
}

export async function getDocument(db: DbOrTx, id: string): Promise<DocumentRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('văn bản');
  const [d] = await db.select().from(documents).where(eq(documents.id, id));
  if (!d) throw notFound('văn bản');
  return d;
}

export async function getItems(db: DbOrTx, documentId: string): Promise<ItemRow[]> {
  return db.select().from(directiveItems).where(eq(directiveItems.documentId, documentId)).orderBy(asc(directiveItems.position));
}

export async function listDocuments(db: DbOrTx, q: { status?: string; q?: string; limit: number; offset: number }) {
  const conds = [];
  if (q.status) conds.push(eq(documents.status, q.status as 'draft' | 'published'));
  if (q.q) {
    const like = `%${q.q}%`;
    conds.push(or(ilike(documents.subject, like), ilike(documents.number, like), ilike(documents.issuer, like)));
  }
  const where = conds.length ? and(...conds) : undefined;
  const rows = await db
    .select({
      d: documents,
      itemCount: sql<number>`(select count(*)::int from directive_items i where i.document_id = documents.id)`,
    })
    .from(documents)
    .where(where)
    .orderBy(desc(documents.createdAt))
    .limit(q.limit)
    .offset(q.offset);
  return rows.map((r) => ({ ...presentDocument(r.d), itemCount: r.itemCount }));
}
