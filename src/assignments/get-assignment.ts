import { asc, desc, eq, and } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { notFound } from '../shared/errors';
import { agencies } from '../directory/directory.schema';
import { users } from '../auth/auth.schema';
import { directiveItems, documents } from '../documents/documents.schema';
import { events } from '../events/events.schema';
import { readEventPayload } from '../events/event-kinds';
import { assignments, attachments, contributions, extensionRequests, progressReports } from './assignments.schema';
import { readAssignment } from './assignment-access';
import { bucketAsOf, daysOverdue, dueAsOf, factsOf } from './buckets';
import { allowedActions } from './assignment-actions';
import { roleOfAgency, visibleToSql } from './assignment-scope';
import { loadCalendar } from '../reminders/reminder-settings';
import type { NotifiedCache } from '../shared/notified-cache';
import type { Calendar } from '../calendar';

/** Joins on a leader that is not set find no user. */
const NO_ID = '00000000-0000-0000-0000-000000000000';

/** Everything the assignment page shows, in one answer. */
export async function getAssignmentDetail(db: DbOrTx, actor: Actor, id: string, asOf: string, opts: { calendarCache?: NotifiedCache<Calendar> } = {}) {
  const a = await readAssignment(db, actor, id);
  const [[heading], reports, files, extensions, history, contributed, calendar] = await Promise.all([
    // The item, its document, the lead agency and the leader in charge: one row, only the fields
    // the page shows (a document's full text is not sent with each of its tasks).
    db
      .select({
        item: { id: directiveItems.id, ref: directiveItems.ref, text: directiveItems.text, startOffset: directiveItems.startOffset, endOffset: directiveItems.endOffset, supports: directiveItems.supports, dueText: directiveItems.dueText, expectedResult: directiveItems.expectedResult, reportTo: directiveItems.reportTo },
        document: { id: documents.id, kind: documents.kind, number: documents.number, docDate: documents.docDate, subject: documents.subject, signer: documents.signer },
        agency: { id: agencies.id, code: agencies.code, name: agencies.name },
        leader: { id: users.id, displayName: users.displayName },
      })
      .from(directiveItems)
      .innerJoin(documents, eq(documents.id, a.documentId))
      .leftJoin(agencies, eq(agencies.id, a.agencyId))
      .leftJoin(users, eq(users.id, a.leaderId ?? NO_ID))
      .where(eq(directiveItems.id, a.itemId)),
    db
      .select({ r: progressReports, author: users.displayName })
      .from(progressReports)
      .leftJoin(users, eq(users.id, progressReports.authorId))
      .where(eq(progressReports.assignmentId, id))
      .orderBy(desc(progressReports.createdAt)),
    db
      .select({ id: attachments.id, reportId: attachments.reportId, contributionId: attachments.contributionId, fileName: attachments.fileName, mime: attachments.mime, size: attachments.size, createdAt: attachments.createdAt })
      .from(attachments)
      .where(eq(attachments.assignmentId, id)),
    db.select().from(extensionRequests).where(eq(extensionRequests.assignmentId, id)).orderBy(asc(extensionRequests.createdAt)),
    db.select().from(events).where(eq(events.assignmentId, id)).orderBy(asc(events.id)),
    db
      .select({ c: contributions, author: users.displayName, agencyName: agencies.name })
      .from(contributions)
      .innerJoin(agencies, eq(agencies.id, contributions.agencyId))
      .leftJoin(users, eq(users.id, contributions.authorId))
      .where(eq(contributions.assignmentId, id))
      .orderBy(desc(contributions.createdAt)),
    loadCalendar(db, opts.calendarCache),
  ]);
  const item = heading?.item ?? null;
  const doc = heading?.document ?? null;
  const agency = heading?.agency ?? null;
  const leader = heading?.leader ? [heading.leader] : [];
  const hasPendingExtension = extensions.some((e) => e.status === 'pending');
  const { searchText: _s, ...rest } = a;
  return {
    assignment: { ...rest, bucket: bucketAsOf(factsOf(a), asOf), dueAsOf: dueAsOf(factsOf(a), asOf), daysOverdue: daysOverdue(factsOf(a), asOf, calendar),
      // What the signed-in user may do now, from the one policy (assignment-actions.ts).
      actions: allowedActions(actor, { ...a, hasPendingExtension }),
      myRole: roleOfAgency(actor.role === 'agency' ? actor.agencyId : null, a),
    },
    agency,
    leader: leader[0] ?? null,
    item,
    document: doc,
    reports: reports.map(({ r, author }) => ({ ...r, authorName: author, attachments: files.filter((f) => f.reportId === r.id) })),
    extensions,
    // What the supporting agencies sent, newest first, with their files.
    contributions: contributed.map(({ c, author, agencyName }) => ({ ...c, agencyName, authorName: author, attachments: files.filter((f) => f.contributionId === c.id) })),
    // Every deadline the assignment has had, oldest first: as published, then each approved
    // extension or office correction (read back from the history, which keeps them all).
    deadlineHistory: [
      { due: a.originalDue, source: 'published' as const, at: a.createdAt },
      ...history.flatMap((e): { due: string | null; source: 'extension' | 'office' | 'period'; at: Date }[] => {
        const extended = readEventPayload(e, 'assignment.deadline_extended', 'after');
        const changed = extended ? null : readEventPayload(e, 'assignment.deadline_changed', 'after');
        const payload = extended ?? changed;
        if (payload) return [{ due: payload.due, source: extended ? ('extension' as const) : ('office' as const), at: e.at }];
        // A recurring duty's period report moves its deadline to the next occurrence.
        const reported = readEventPayload(e, 'assignment.report_progress', 'after');
        return reported && typeof reported.due === 'string' ? [{ due: reported.due, source: 'period' as const, at: e.at }] : [];
      }),
    ],
    events: history,
  };
}

/** One item across all its assignments ("xem theo nhiệm vụ"), limited to what the actor sees. */
export async function getItemOverview(db: DbOrTx, actor: Actor, itemId: string, asOf: string) {
  const [item] = await db.select().from(directiveItems).where(eq(directiveItems.id, itemId));
  if (!item) throw notFound('nhiệm vụ');
  const visible = visibleToSql(actor, assignments.agencyId, assignments.supportAgencyIds, assignments.agencyHistory);
  const rows = await db
    .select({ a: assignments, agencyName: agencies.name })
    .from(assignments)
    .innerJoin(agencies, eq(agencies.id, assignments.agencyId))
    .where(visible ? and(eq(assignments.itemId, itemId), visible) : eq(assignments.itemId, itemId))
    .orderBy(asc(agencies.name));
  if (visible && !rows.length) throw notFound('nhiệm vụ');
  return {
    item,
    assignments: rows.map(({ a, agencyName }) => ({ id: a.id, agencyId: a.agencyId, agencyName, state: a.state, due: a.due, progressPercent: a.progressPercent, bucket: bucketAsOf(factsOf(a), asOf) })),
  };
}
