import { pgTable, uuid, text, date, timestamp, jsonb, primaryKey, index } from 'drizzle-orm/pg-core';

/** Kinds of addressee a province has; `commune` covers xã, phường and đặc khu. */
export const AGENCY_KINDS = ['office', 'department', 'provincial_body', 'central_body', 'commune', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable code; room for the mã định danh điện tử of QCVN 102:2016 (e.g. 000.00.13.H12). */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').$type<AgencyKind>().notNull(),
    parentId: uuid('parent_id'),
    email: text('email'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    /** The agency that took over this one's work after a merger (Sở KH&ĐT → Sở Tài chính). */
    successorId: uuid('successor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agencies_kind_idx').on(t.kind)],
);

/** Every other name an agency is written with; `key` is the folded form used for lookup. */
export const agencyAliases = pgTable(
  'agency_aliases',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.key] }), index('agency_aliases_key_idx').on(t.key)],
);

export const groups = pgTable('groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
});

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.agencyId] })],
);
