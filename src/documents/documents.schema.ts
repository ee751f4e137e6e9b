import { pgTable, uuid, text, date, timestamp, jsonb, integer, index, customType } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../auth/auth.schema';

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

export const DOCUMENT_STATUSES = ['draft', 'published'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export interface AddresseeRef {
  name: string;
  agencyId?: string | null;
  groupId?: string | null;
}

/** A paragraph the reader may have missed: it reads like an instruction but belongs to no task. */
export interface MissedParagraph {
  start: number;
  end: number;
  text: string;
  /** addressees the paragraph names, as printed */
  lead: string[];
}

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind'),
    number: text('number'),
    docDate: date('doc_date', { mode: 'string' }),
    issuer: text('issuer'),
    place: text('place'),
    subject: text('subject'),
    signer: text('signer'),
    signerTitle: text('signer_title'),
    signingForm: text('signing_form'),
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    meetingDate: date('meeting_date', { mode: 'string' }),
    chair: text('chair'),
    text: text('text').notNull(),
    fileName: text('file_name'),
    fileMime: text('file_mime'),
    fileData: bytea('file_data'),
    status: text('status').$type<DocumentStatus>().notNull().default('draft'),
    missed: jsonb('missed').$type<MissedParagraph[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /**
     * Folded number, kind, subject, issuer, signer and text, for search (text-search.ts); computed
     * by the database (dondoc_fold, migration 0009), never written by the application.
     */
    searchText: text('search_text').generatedAlwaysAs(
      sql`dondoc_fold(coalesce(number, '') || ' ' || coalesce(kind, '') || ' ' || coalesce(subject, '') || ' ' || coalesce(issuer, '') || ' ' || coalesce(signer, '') || ' ' || "text")`,
    ),
  },
  (t) => [index('documents_status_idx').on(t.status, t.createdAt), index('documents_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`)],
);

/** One task of a document, as extracted and then corrected by the office. */
export const directiveItems = pgTable(
  'directive_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    ref: text('ref'),
    text: text('text').notNull(),
    startOffset: integer('start_offset'),
    endOffset: integer('end_offset'),
    leads: jsonb('leads').$type<AddresseeRef[]>().notNull().default([]),
    supports: jsonb('supports').$type<AddresseeRef[]>().notNull().default([]),
    due: date('due', { mode: 'string' }),
    dueText: text('due_text'),
    recurrence: text('recurrence'),
    leaderId: uuid('leader_id').references(() => users.id),
    expectedResult: text('expected_result'),
    reportTo: text('report_to'),
    /** Fields the reader was unsure of, for the review screen. */
    review: jsonb('review').$type<string[]>().notNull().default([]),
  },
  (t) => [index('directive_items_document_idx').on(t.documentId, t.position)],
);
