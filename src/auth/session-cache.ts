/**
 * Every API request of a signed-in person looks up its session. Keeping found sessions in memory
 * for a short while saves that database round trip (about an eighth of a list request: see the
 * README's API figures), but a cached session must never outlive its revocation:
 *
 * - every logout and every change to a user (role, agency, deactivation, password) sends
 *   `NOTIFY dondoc_auth` in the same transaction, and each instance listening clears its cache
 *   when it arrives (session-listener.ts);
 * - an instance that is not listening — not yet connected, or its connection dropped — does not
 *   cache at all, so a lost notification can never leave a revoked session usable;
 * - a lookup that started before a clear may not store its (possibly stale) answer after it: the
 *   generation counter catches that race;
 * - an entry lives at most TTL_MS, and never past the session's own expiry.
 *
 * The only delay left is the notification's own trip to the other instances (milliseconds).
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';

export const AUTH_CHANNEL = 'dondoc_auth';
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

/** Tells every instance that sessions or users changed; delivered when the transaction commits. */
export async function notifyAuthChanged(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_notify(${AUTH_CHANNEL}, '')`);
}

export class SessionCache<T = unknown> {
  private entries = new Map<string, { value: T; until: number }>();
  private listening = false;
  private gen = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Whether answers are cached: only while revocations can reach this instance. */
  get active(): boolean {
    return this.listening;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Taken before a database lookup and handed back to `set`, so a clear in between wins. */
  get generation(): number {
    return this.gen;
  }

  get(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: T, expiresAt: Date, generation: number): void {
    if (!this.listening || generation !== this.gen) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until: Math.min(this.now() + TTL_MS, expiresAt.getTime()) });
  }

  clear(): void {
    this.gen++;
    this.entries.clear();
  }

  setListening(on: boolean): void {
    this.listening = on;
    this.clear();
  }
}
