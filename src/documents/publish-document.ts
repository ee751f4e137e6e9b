import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { AppError } from '../shared/errors';
import { foldText } from '../shared/text';
import { recordEvent, recordEvents } from '../events/record-event';
import { agencies, groupMembers } from '../directory/directory.schema';
import { assignments } from '../assignments/assignments.schema';
import { documents } from './documents.schema';
import { getDocument, getItems } from './document-queries';
import { syncBucketSummary } from '../assignments/bucket-summary';
import { todayInVietnam } from '../shared/dates';
import { firstDue, parseRecurrence } from '../assignments/recurrence';
import { MAIL_OFF, notify, type MailSwitch } from '../notifications/notify';
import { newAssignmentsNotice } from '../notifications/notices';

/**
 * Publishing turns each item into one assignment per lead agency: an item with N leads, or a
 * group addressee ("UBND cấp xã"), becomes N assignments. Nothing is published while a lead
 * is unresolved: the clerk must pick the agency first. One transaction.
 *
 * Two publishes of one draft at once (a double click, or two instances) must not both create
 * the assignments: the document row is locked before its status is read, so the second waits and
 * then sees "published"; the status UPDATE is also guarded by `status = 'draft'` and its row
 * count checked, so nothing is written twice even if the lock were lost.
 */
export async function publishDocument(db: Db, actor: Actor, documentId: string, today: string = todayInVietnam(), mail: MailSwitch = MAIL_OFF) {
  authorize(actor, 'manage_documents');
  return db.transaction(async (tx) => {
    await getDocument(tx, documentId); // checks the id's shape and existence (not found)
    await tx.execute(sql`select id from documents where id = ${documentId} for update`);
    const doc = await getDocument(tx, documentId);
    if (doc.status !== 'draft') throw new AppError('CONFLICT', 'Văn bản này đã được ban hành.');
    const items = await getItems(tx, documentId);
    if (!items.length) throw new AppError('VALIDATION', 'Văn bản chưa có nhiệm vụ nào để giao.');
    const problems: string[] = [];
    for (const it of items) {
      const label = it.ref ? `Nhiệm vụ ${it.ref}` : `Nhiệm vụ thứ ${it.position + 1}`;
      if (!it.leads.length) problems.push(`${label}: chưa có cơ quan chủ trì`);
      for (const l of it.leads) if (!l.agencyId && !l.groupId) problems.push(`${label}: "${l.name}" chưa có trong danh mục cơ quan`);
    }
    if (problems.length) {
      throw new AppError('VALIDATION', `Chưa thể ban hành: ${problems.join('; ')}.`, { problems });
    }
    const groupIds = [...new Set(items.flatMap((i) => i.leads.map((l) => l.groupId).filter((g): g is string => !!g)))];
    const members = groupIds.length ? await tx.select().from(groupMembers).where(inArray(groupMembers.groupId, groupIds)) : [];
    const agencyRows = await tx.select({ id: agencies.id, name: agencies.name }).from(agencies);
    const agencyName = new Map(agencyRows.map((a) => [a.id, a.name]));

    const rows: (typeof assignments.$inferInsert)[] = [];
    for (const it of items) {
      // A recurring duty starts at its next occurrence after today unless the item's own deadline
      // is still ahead (the reader's first occurrence may be long past when a notice is published late).
      const recurrence = parseRecurrence(it.recurrence);
      const due = recurrence && !(it.due && it.due > today) ? (firstDue(recurrence, today) ?? it.due) : it.due;
      const leadIds = new Set<string>();
      for (const l of it.leads) {
        if (l.agencyId) leadIds.add(l.agencyId);
        else for (const m of members) if (m.groupId === l.groupId) leadIds.add(m.agencyId);
      }
      const supportIds = it.supports.map((s) => s.agencyId).filter((x): x is string => !!x && !leadIds.has(x));
      for (const agencyId of leadIds) {
        rows.push({
          itemId: it.id,
          documentId,
          agencyId,
          supportAgencyIds: supportIds,
          supportNames: it.supports.map((s) => s.name),
          leaderId: it.leaderId,
          originalDue: due,
          publishedOn: today,
          due,
          recurrence,
          dueText: it.dueText,
          searchText: foldText([it.ref, it.text, agencyName.get(agencyId), doc.number, doc.subject].filter(Boolean).join(' ')),
        });
      }
    }
    const [published] = await tx
      .update(documents)
      .set({ status: 'published', publishedAt: new Date() })
      .where(and(eq(documents.id, documentId), eq(documents.status, 'draft')))
      .returning();
    if (!published) throw new AppError('CONFLICT', 'Văn bản này đã được ban hành.');
    const created = rows.length ? await tx.insert(assignments).values(rows).returning() : [];
    await syncBucketSummary(tx, [], created);
    await recordEvent(tx, actor, {
      action: 'document.published',
      entity: 'document',
      entityId: documentId,
      documentId,
      after: { items: items.length, assignments: created.length },
    });
    await recordEvents(
      tx,
      actor,
      created.map((a) => ({ action: 'assignment.created', entity: 'assignment', entityId: a.id, assignmentId: a.id, agencyId: a.agencyId, documentId })),
    );
    // Each lead agency is told once for the whole document, whatever number of tasks it received.
    const itemOf = new Map(items.map((it) => [it.id, it]));
    const byAgency = new Map<string, typeof created>();
    for (const a of created) byAgency.set(a.agencyId, [...(byAgency.get(a.agencyId) ?? []), a]);
    const documentLabel = doc.number || doc.subject || 'văn bản';
    await notify(
      tx,
      [...byAgency].map(([agencyId, list]) => ({
        to: { agencyId },
        notice: newAssignmentsNotice({
          documentId,
          document: documentLabel,
          tasks: list.map((a) => ({ assignmentId: a.id, ref: itemOf.get(a.itemId)?.ref ?? null, text: itemOf.get(a.itemId)?.text ?? '', document: documentLabel, due: a.due })),
        }),
      })),
      mail,
    );
    return { document: published, assignments: created.length };
  });
}
