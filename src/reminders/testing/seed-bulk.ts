/**
 * Bulk fixtures for the delivery tests and the bench: `n` agencies, each with its own mailbox and
 * one open assignment of one document, inserted in batches.
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client';
import { sql } from 'drizzle-orm';
import { documents, directiveItems } from '../../documents/documents.schema';

export interface BulkSeed {
  documentId: string;
  agencyIds: string[];
  assignmentIds: string[];
}

export async function seedBulk(db: DbOrTx, opts: { n: number; due: string; emailDomain?: string; chunk?: number; prefix?: string }): Promise<BulkSeed> {
  const prefix = opts.prefix ?? 'B';
  const [doc] = await db
    .insert(documents)
    .values({ kind: 'Thông báo', number: '99/TB-VPUBND', subject: 'Thông báo kết luận thử tải', text: 'Thử tải', status: 'published' })
    .returning({ id: documents.id });
  const [item] = await db
    .insert(directiveItems)
    .values({ documentId: doc.id, position: 1, ref: '1', text: 'Rà soát, báo cáo tiến độ giải ngân vốn đầu tư công', due: opts.due })
    .returning({ id: directiveItems.id });
  const agencyIds: string[] = [];
  const assignmentIds: string[] = [];
  const chunk = opts.chunk ?? 2000;
  for (let i = 0; i < opts.n; i += chunk) {
    const size = Math.min(chunk, opts.n - i);
    const ag = Array.from({ length: size }, (_, j) => ({
      id: randomUUID(),
      code: `${prefix}${String(i + j).padStart(6, '0')}`,
      name: `Xã Thử ${i + j}`,
      kind: 'commune' as const,
      email: `xa${i + j}@${opts.emailDomain ?? 'sink.test'}`,
    }));
    await db.execute(
      sql`insert into agencies (id, code, name, kind, email) select v.id, v.code, v.name, v.kind, v.email
          from jsonb_to_recordset(${JSON.stringify(ag)}::jsonb) as v(id uuid, code text, name text, kind text, email text)`,
    );
    const asg = ag.map((a) => ({ id: randomUUID(), itemId: item.id, documentId: doc.id, agencyId: a.id, due: opts.due, originalDue: opts.due, state: 'received' as const }));
    await db.execute(
      sql`insert into assignments (id, item_id, document_id, agency_id, due, original_due, state)
          select v."id", v."itemId", v."documentId", v."agencyId", v.due, v."originalDue", v.state
          from jsonb_to_recordset(${JSON.stringify(asg)}::jsonb) as v("id" uuid, "itemId" uuid, "documentId" uuid, "agencyId" uuid, due date, "originalDue" date, state text)`,
    );
    agencyIds.push(...ag.map((a) => a.id));
    assignmentIds.push(...asg.map((a) => a.id));
  }
  return { documentId: doc.id, agencyIds, assignmentIds };
}
