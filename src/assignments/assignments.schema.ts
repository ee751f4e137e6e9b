import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, date, timestamp, jsonb, integer, index, primaryKey } from 'drizzle-orm/pg-core';
import { agencies } from '../directory/directory.schema';
import { users } from '../auth/auth.schema';
import { documents, directiveItems, bytea } from '../documents/documents.schema';
import type { AssignmentState, Outlook } from './state-machine';
import type { AgencyChange, DueChange } from './buckets';
import type { Recurrence } from './recurrence';

/** One lead agency's share of one directive item. */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => directiveItems.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    supportAgencyIds: jsonb('support_agency_ids').$type<string[]>().notNull().default([]),
    supportNames: jsonb('support_names').$type<string[]>().notNull().default([]),
    leaderId: uuid('leader_id').references(() => users.id),
    /** Deadline as first published; `due` is the one in force after approved extensions. */
    originalDue: date('original_due', { mode: 'string' }),
    due: date('due', { mode: 'string' }),
    dueText: text('due_text'),
    /** A recurring duty's rule (recurrence.ts): its deadline moves on as each period is reported. */
    recurrence: jsonb('recurrence').$type<Recurrence>(),
    state: text('state').$type<AssignmentState>().notNull().default('assigned'),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    /** Date of the completion report the office accepted: what on-time is judged by. */
    completedOn: date('completed_on', { mode: 'string' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    /** The dated facts the "as of a date" rule reads (buckets.ts); written once, never rewritten. */
    publishedOn: date('published_on', { mode: 'string' }),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    cancelledOn: date('cancelled_on', { mode: 'string' }),
    /** Every change of deadline with the day it took effect; `dueChangedOn` is the last one's day. */
    dueHistory: jsonb('due_history').$type<DueChange[]>().notNull().default([]),
    dueChangedOn: date('due_changed_on', { mode: 'string' }),
    /** Every change of lead agency (giao lại) with its day; `agencyChangedOn` is the last one's day. */
    agencyHistory: jsonb('agency_history').$type<AgencyChange[]>().notNull().default([]),
    agencyChangedOn: date('agency_changed_on', { mode: 'string' }),
    extensionCount: integer('extension_count').notNull().default(0),
    progressPercent: integer('progress_percent').notNull().default(0),
    outlook: text('outlook').$type<Outlook>(),
    lastReportAt: timestamp('last_report_at', { withTimezone: true }),
    /** Folded (no diacritics, lower case) text of the item, agency and document, for search. */
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assignments_agency_due_idx').on(t.agencyId, t.due, t.id),
    index('assignments_due_idx').on(t.due, t.id),
    index('assignments_document_idx').on(t.documentId),
    index('assignments_item_idx').on(t.itemId),
    index('assignments_leader_idx').on(t.leaderId),
    index('assignments_counts_idx').on(t.agencyId, t.state, t.due, t.completedOn),
    // Few rows ever move: "did any task change agency after D" is answered from this small index.
    index('assignments_agency_changed_idx').on(t.agencyChangedOn).where(sql`${t.agencyChangedOn} is not null`),
  ],
);

/**
 * Per agency, per day, per bucket: how many tasks entered (+) or left (−) the bucket that day.
 * The counts on day D are the sums up to D. Kept in the same transaction as each change
 * (bucket-summary.ts), so the dashboard reads a few thousand rows instead of every task.
 */
export const bucketSummary = pgTable(
  'bucket_summary',
  {
    agencyId: uuid('agency_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    bucket: text('bucket').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.day, t.bucket] }), index('bucket_summary_day_idx').on(t.day, t.agencyId, t.bucket, t.n)],
);

export const REPORT_KINDS = ['progress', 'completion'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    authorId: uuid('author_id').references(() => users.id),
    kind: text('kind').$type<ReportKind>().notNull(),
    text: text('text').notNull(),
    percent: integer('percent'),
    outlook: text('outlook').$type<Outlook>(),
    outlookReason: text('outlook_reason'),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    /** For completion reports: pending, accepted or returned by the office. */
    reviewStatus: text('review_status').$type<'pending' | 'accepted' | 'returned'>(),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('progress_reports_assignment_idx').on(t.assignmentId, t.createdAt),
    // The office's inbox: completions waiting for review, oldest first.
    index('progress_reports_pending_idx').on(t.createdAt).where(sql`${t.kind} = 'completion' and ${t.reviewStatus} = 'pending'`),
  ],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    reportId: uuid('report_id').references(() => progressReports.id),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_assignment_idx').on(t.assignmentId)],
);

export const extensionRequests = pgTable(
  'extension_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    requestedBy: uuid('requested_by').references(() => users.id),
    previousDue: date('previous_due', { mode: 'string' }),
    requestedDue: date('requested_due', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<'pending' | 'approved' | 'refused'>().notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('extension_requests_assignment_idx').on(t.assignmentId),
    index('extension_requests_pending_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`),
  ],
);
