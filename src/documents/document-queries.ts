import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../db/sql';
import { parseSearch, searchMatchSql, searchTierSql } from '../shared/text-search';
import type { DbOrTx } from '../db/client';
import { notFound } from '../shared/errors';
import { documents, directiveItems } from './documents.schema';

export type DocumentRow = typeof documents.$inferSelect;

/** The folded copy the database keeps of each document (migration 0009). */
const SEARCH_COLUMN = sql.raw('d.search_text');
export type ItemRow = typeof directiveItems.$inferSelect;

/** Row → JSON: the stored file never leaks into lists, only its name. */
export function presentDocument(d: DocumentRow, opts: { withText?: boolean } = {}) {
  // the paragraphs the reader may have missed go with the text they point into
  const { fileData: _file, text, missed, searchText: _search, ...rest } = d;
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

/**
 * The documents list. A search ignores diacritics and case and finds the phrase before the words
 * and the words before their pieces (text-search.ts); inside a level, newest first.
 */
export async function listDocuments(db: DbOrTx, q: { status?: string; q?: string; limit: number; offset: number }) {
  const conds: SQL[] = [];
  if (q.status) conds.push(sql`d.status = ${q.status}`);
  const search = parseSearch(q.q);
  if (search) conds.push(...searchMatchSql(search, SEARCH_COLUMN));
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select d.id from documents d
        ${conds.length ? sql`where ${sql.join(conds, sql` AND `)}` : sql``}
        order by ${search ? sql`${searchTierSql(search, SEARCH_COLUMN)}, ` : sql``}d.created_at desc, d.id
        limit ${q.limit} offset ${q.offset}`,
  );
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const found = await db
    .select({
      d: documents,
      itemCount: sql<number>`(select count(*)::int from directive_items i where i.document_id = documents.id)`,
    })
    .from(documents)
    .where(inArray(documents.id, ids));
  const byId = new Map(found.map((r) => [r.d.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ ...presentDocument(r.d), itemCount: r.itemCount }] : [];
  });
}
