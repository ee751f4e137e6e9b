import { pgTable, uuid, text, timestamp, jsonb, bigserial, index } from 'drizzle-orm/pg-core';

/**
 * The append-only history. Written in the same transaction as each change; a trigger in the
 * migration refuses UPDATE and DELETE so that not even a bug can rewrite it.
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    assignmentId: uuid('assignment_id'),
    agencyId: uuid('agency_id'),
    documentId: uuid('document_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('events_assignment_idx').on(t.assignmentId, t.id), index('events_entity_idx').on(t.entity, t.entityId)],
);

/** Province-wide settings edited by the admin (reminder rules, calendar overrides, limits). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
