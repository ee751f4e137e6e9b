/**
 * Answers of the most read API routes (the assignment list, the dashboard's counts, one
 * assignment's page), kept in memory until the data changes. An answer depends on the data, the
 * caller (who they are, their role and agency), the day and the URL, and nothing else, so it is
 * kept under those (at most 200, each under 200,000 characters). Every committed write to any
 * table but `sessions` sends NOTIFY dondoc_data from a trigger (migration 0016), whoever made it,
 * and the rules of shared/notified-cache.ts do the rest: no caching while the instance cannot
 * hear notifications, and a computation that a change overtook is not kept. A write through this
 * instance's API also clears them before its reply goes (build-server.ts), so its author never
 * waits for the notification's trip.
 *
 * On the embedded database the cache stays off: its listener gets no notifications from the
 * engine, the reminder loop writes outside any request, and one province's server does not need it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { NO_EXPIRY, NotifiedCache } from '../shared/notified-cache';

export const DATA_CHANNEL = 'dondoc_data';

/**
 * A page of 50 assignments is about 60,000 characters (some 120 KB in memory): 200 such answers
 * take ~24 MB. Longer answers (pages of hundreds of rows, asked for exports) are not kept, so the
 * cache never holds more than ~80 MB.
 */
const MAX_ANSWERS = 200;
const MAX_ANSWER_CHARS = 200_000;

export class AnswerCache extends NotifiedCache<string> {
  constructor(
    now: () => number = Date.now,
    private readonly maxAnswerChars = MAX_ANSWER_CHARS,
  ) {
    // Only the notifications clear every answer: the reminder loop writes outside any request.
    super(now, MAX_ANSWERS, false);
  }

  /**
   * The cached answer to `url` for this caller on this day, as the JSON the route sends, or the
   * computed one (kept when no change came in meanwhile).
   */
  async answer(actor: Actor, today: string, url: string, compute: () => Promise<string>): Promise<string> {
    if (!this.active) return compute();
    const key = `${actor.id}\u0000${actor.role}\u0000${actor.agencyId}\u0000${today}\u0000${url}`;
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const generation = this.generation;
    const value = await compute();
    if (value.length <= this.maxAnswerChars) this.set(key, value, NO_EXPIRY, generation);
    return value;
  }
}

/**
 * Answers a request: from the cache when there is one (not in tests or CLI commands) and the
 * caller did not ask for a fresh answer with `Cache-Control: no-cache` (as `npm run bench:load`
 * does to measure the answers computed). The cache keeps the JSON the route's response schema
 * makes of the answer, so a repeated answer is neither computed nor serialized again.
 */
export async function sendAnswer<T>(
  cache: AnswerCache | undefined, request: FastifyRequest, reply: FastifyReply, actor: Actor, today: string, compute: () => Promise<T>,
): Promise<T | FastifyReply> {
  if (!cache || /\bno-cache\b/iu.test(request.headers['cache-control'] ?? '')) return compute();
  const json = await cache.answer(actor, today, request.url, async () => String(reply.serialize(await compute())));
  return reply.type('application/json; charset=utf-8').send(json);
}
