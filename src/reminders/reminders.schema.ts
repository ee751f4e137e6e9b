/**
 * Tables of the reminder engine.
 *
 * - `reminder_deliveries` is the outbox: ONE row per message (recipient × channel × target × pass),
 *   claimed by workers with FOR UPDATE SKIP LOCKED and a lease; `dedupe_key` is unique so a pass
 *   planned twice never creates a second message.
 * - `reminder_items` are the lines of a message: one per (assignment, rule, occurrence, planned due)
 *   and addressee. Their unique key is what makes an occurrence planned exactly once; the planned
 *   due is part of it, so a changed deadline plans fresh occurrences and the stale ones are skipped.
 * - `notifications` is the in-app channel (the bell), `webhooks` the HMAC-signed bridges.
 */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, date, timestamp, integer, boolean, bigserial, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.schema';
import { assignments } from '../assignments/assignments.schema';
import type { Channel } from '../auth/auth.schema';

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dead', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const reminderDeliveries = pgTable(
  'reminder_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dedupeKey: text('dedupe_key').notNull(),
    passDate: date('pass_date', { mode: 'string' }).notNull(),
    /** 'user:<uuid>' or 'agency:<uuid>' (the agency's own mailbox). */
    recipientKey: text('recipient_key').notNull(),
    userId: uuid('user_id').references(() => users.id),
    recipientName: text('recipient_name').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    /** E-mail address, user id (in-app) or webhook id. */
    target: text('target').notNull(),
    /** Deterministic per delivery: a retaken delivery carries the same Message-ID. */
    messageId: text('message_id').notNull(),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    subject: text('subject'),
    /** A notice written whole when its change happened (notify.ts); null for reminders, rendered from their items. */
    body: text('body'),
    itemCount: integer('item_count').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reminder_deliveries_dedupe_key').on(t.dedupeKey),
    index('reminder_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('reminder_deliveries_pass_idx').on(t.passDate),
  ],
);

export const reminderItems = pgTable(
  'reminder_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => reminderDeliveries.id, { onDelete: 'cascade' }),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    rule: text('rule').notNull(),
    occurrence: date('occurrence', { mode: 'string' }).notNull(),
    plannedDue: date('planned_due', { mode: 'string' }).notNull(),
    recipientKey: text('recipient_key').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    target: text('target').notNull(),
    /** Left out of the message when it was sent (closed or re-dated since planning). */
    leftOut: boolean('left_out').notNull().default(false),
  },
  (t) => [
    uniqueIndex('reminder_items_occurrence_key').on(t.assignmentId, t.rule, t.occurrence, t.plannedDue, t.recipientKey, t.channel, t.target),
    index('reminder_items_delivery_idx').on(t.deliveryId),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The delivery that produced it: unique, so a retaken delivery cannot add a second one. */
    deliveryId: uuid('delivery_id').references(() => reminderDeliveries.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    /** 'reminder' (from a delivery) or the follow-up event that caused it (notify.ts NOTICE_KINDS). */
    kind: text('kind').notNull().default('reminder'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notifications_delivery_key').on(t.deliveryId),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

export const webhooks = pgTable('webhooks', {
  id: uuid('id').primaryKey().defaultRandom(),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  description: text('description'),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
