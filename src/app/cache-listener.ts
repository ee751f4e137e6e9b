/**
 * Keeps this instance's caches honest (shared/notified-cache.ts). On PostgreSQL it holds one
 * connection that LISTENs on each cache's channel and clears that cache on every notification;
 * while that connection is down every cache is off and the listener reconnects with back-off. On
 * the embedded database no other process can write (the data folder is locked to one process), so
 * the caches that every local change clears are on from the start; the others (the answers,
 * http/answer-cache.ts) stay off there.
 */
import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../http/context';
import type { NotifiedCache } from '../shared/notified-cache';
import { AUTH_CHANNEL } from '../auth/session-cache';
import { SETTINGS_CHANNEL } from '../reminders/reminder-settings';
import { DATA_CHANNEL } from '../http/answer-cache';

export async function startCacheListener(
  ctx: AppContext,
  log: Pick<FastifyBaseLogger, 'warn'>,
  opts: { firstRetryMs?: number } = {},
): Promise<() => Promise<void>> {
  const byChannel = new Map<string, NotifiedCache<unknown>>();
  if (ctx.sessions) byChannel.set(AUTH_CHANNEL, ctx.sessions as NotifiedCache<unknown>);
  if (ctx.calendar) byChannel.set(SETTINGS_CHANNEL, ctx.calendar as NotifiedCache<unknown>);
  if (ctx.answers) byChannel.set(DATA_CHANNEL, ctx.answers);
  const caches = [...byChannel.values()];
  const setListening = (on: boolean) => caches.forEach((c) => c.setListening(on));
  if (caches.length === 0) return async () => undefined;
  const url = ctx.config.databaseUrl;
  if (!url) {
    const local = caches.filter((c) => c.clearedLocally);
    local.forEach((c) => c.setListening(true));
    return async () => local.forEach((c) => c.setListening(false));
  }

  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const firstRetry = opts.firstRetryMs ?? 250;
  let delay = firstRetry;
  let stopped = false;

  const lost = (client: pg.Client, why: string) => {
    if (client !== current) return;
    current = null;
    setListening(false);
    client.end().catch(() => undefined);
    if (stopped) return;
    log.warn({ why, retryInMs: delay }, 'caches off: lost the notification channel');
    retry = setTimeout(() => void connect(), delay);
    retry.unref?.();
    delay = Math.min(delay * 2, 30_000);
  };
  const connect = async () => {
    retry = null;
    const client = new pg.Client({ connectionString: url });
    current = client;
    client.on('notification', (n) => byChannel.get(n.channel)?.clear());
    client.on('error', (e) => lost(client, e.message));
    client.on('end', () => lost(client, 'connection ended'));
    try {
      await client.connect();
      for (const channel of byChannel.keys()) await client.query(`LISTEN ${channel}`);
      if (client !== current || stopped) return;
      delay = firstRetry;
      setListening(true);
    } catch (e) {
      lost(client, (e as Error).message);
    }
  };
  await connect();

  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    setListening(false);
    const client = current;
    current = null;
    await client?.end().catch(() => undefined);
  };
}
