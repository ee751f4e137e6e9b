/**
 * Tables of the indicators (chỉ tiêu):
 *
 * - `indicators` is the catalogue: what is measured, in which unit, per which period, by whom, and
 *   whether more is better (GRDP growth) or less (tỷ lệ hộ nghèo).
 * - `indicator_targets` holds the target of each period (kế hoạch, dự toán, kịch bản).
 * - `indicator_values` holds what was achieved, per period, for the whole province (agency null)
 *   or one agency or commune; one row per (indicator, period, agency), NULLs equal.
 * - `indicator_proposals` are figures the reader found in a notice, waiting for a person to
 *   accept (→ a value), edit, or reject them. Nothing a reader proposes is stored as a value.
 */
import { pgTable, uuid, text, timestamp, numeric, integer, jsonb, index, unique, primaryKey } from 'drizzle-orm/pg-core';
import { agencies } from '../directory/directory.schema';
import { users } from '../auth/auth.schema';
import { documents } from '../documents/documents.schema';
import type { PeriodKind } from './periods';
import type { Comparison, Qualifier } from './propose-indicators';

export type Direction = 'higher' | 'lower';
export type ValueSource = 'screen' | 'xlsx' | 'notice';
export type ProposalStatus = 'pending' | 'accepted' | 'rejected';

export const indicators = pgTable('indicators', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Short stable code used by the .xlsx template ("GRDP", "THU_NS"). */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  unit: text('unit').notNull(),
  periodKind: text('period_kind').$type<PeriodKind>().notNull(),
  ownerAgencyId: uuid('owner_agency_id').references(() => agencies.id),
  direction: text('direction').$type<Direction>().notNull().default('higher'),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.period] })],
);

export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    /** Null: the whole province. */
    agencyId: uuid('agency_id').references(() => agencies.id),
    value: numeric('value', { mode: 'number' }).notNull(),
    source: text('source').$type<ValueSource>().notNull(),
    documentId: uuid('document_id').references(() => documents.id),
    sourceText: text('source_text'),
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('indicator_values_key').on(t.indicatorId, t.period, t.agencyId).nullsNotDistinct()],
);

export const indicatorProposals = pgTable(
  'indicator_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    startOffset: integer('start_offset').notNull(),
    endOffset: integer('end_offset').notNull(),
    name: text('name').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    unit: text('unit').notNull(),
    comparison: jsonb('comparison').$type<Comparison>().notNull(),
    qualifier: text('qualifier').$type<Qualifier>(),
    sourceText: text('source_text').notNull(),
    status: text('status').$type<ProposalStatus>().notNull().default('pending'),
    indicatorId: uuid('indicator_id').references(() => indicators.id, { onDelete: 'set null' }),
    valueId: uuid('value_id').references(() => indicatorValues.id, { onDelete: 'set null' }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('indicator_proposals_key').on(t.documentId, t.startOffset), index('indicator_proposals_status_idx').on(t.documentId, t.status)],
);
