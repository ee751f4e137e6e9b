/**
 * An instance's in-memory copy of data that other instances may change (signed-in sessions, the
 * holiday calendar, answers of the API: http/answer-cache.ts). A copy must never outlive the
 * change that invalidates it:
 *
 * - every change sends a NOTIFY on the cache's channel in the same transaction, and each
 *   instance's listener (app/cache-listener.ts) clears its cache when it arrives;
 * - an instance that is not listening — not yet connected, or its connection dropped — does not
 *   cache at all, so a lost notification can never leave a stale copy in use;
 * - a lookup that started before a clear may not store its (possibly stale) answer after it: the
 *   generation counter catches that race;
 * - an entry lives at most TTL_MS, and never past its own expiry.
 *
 * The only delay left is the notification's own trip to the other instances (milliseconds); the
 * instance that made the change clears its own copy when its transaction commits.
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;
/** For entries that have no expiry of their own: TTL_MS bounds them. */
export const NO_EXPIRY = new Date(8.64e15);

export class NotifiedCache<T = unknown> {
  private entries = new Map<string, { value: T; until: number }>();
  private listening = false;
  private gen = 0;

  /**
   * `clearedLocally`: every change made by this process also clears the cache, so on the embedded
   * database (one process, no notifications) it may run without a listener.
   */
  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxEntries = MAX_ENTRIES,
    readonly clearedLocally = true,
  ) {}

  /** Whether answers are cached: only while invalidations can reach this instance. */
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
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
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
