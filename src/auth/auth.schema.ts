import { pgTable, uuid, text, timestamp, jsonb, boolean } from 'drizzle-orm/pg-core';
import { agencies } from '../directory/directory.schema';

export const ROLES = ['admin', 'office', 'leader', 'agency', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const CHANNELS = ['email', 'inapp', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  email: text('email'),
  passwordHash: text('password_hash').notNull(),
  role: text('role').$type<Role>().notNull(),
  /** The agency an `agency` officer acts for; every query of theirs is scoped to it. */
  agencyId: uuid('agency_id').references(() => agencies.id),
  /** For a leader: the sectors they oversee, shown on their dashboard. */
  sectors: text('sectors'),
  channels: jsonb('channels').$type<Channel[]>().notNull().default(['email', 'inapp']),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Browser sessions. Only the SHA-256 of the cookie value is stored. */
export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Tokens for other systems; a token acts as its user. Only the hash is stored. */
export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
