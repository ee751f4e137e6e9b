/**
 * Every API request of a signed-in person looks up its session. Keeping found sessions in memory
 * for a short while saves that database round trip (about an eighth of a list request: see the
 * README's API figures), but a cached session must never outlive its revocation: every logout and
 * every change to a user (role, agency, deactivation, password) sends `NOTIFY dondoc_auth` in the
 * same transaction, and the rules of shared/notified-cache.ts do the rest.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { NotifiedCache } from '../shared/notified-cache';

export const AUTH_CHANNEL = 'dondoc_auth';

/** Tells every instance that sessions or users changed; delivered when the transaction commits. */
export async function notifyAuthChanged(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_notify(${AUTH_CHANNEL}, '')`);
}

/** Signed-in sessions by token, cleared on every NOTIFY on AUTH_CHANNEL. */
export class SessionCache<T = unknown> extends NotifiedCache<T> {}
