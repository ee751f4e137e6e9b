/**
 * Keeps this instance's session cache honest (see session-cache.ts). On PostgreSQL it holds one
 * connection that LISTENs on the auth channel and clears the cache on every notification; while
 * that connection is down the cache is off and the listener reconnects with back-off. On the
 * embedded database no other process can write (the data folder is locked to one process), so
 * the cache is on from the start and the local clears are enough.
 */
import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../http/context';
import { AUTH_CHANNEL } from './session-cache';

export async function startSessionListener(
  ctx: AppContext,
  log: Pick<FastifyBaseLogger, 'warn'>,
  opts: { firstRetryMs?: number } = {},
): Promise<() => Promise<void>> {
  const cache = ctx.sessions;
  if (!cache) return async () => undefined;
  const url = ctx.config.databaseUrl;
  if (!url) {
    cache.setListening(true);
    return async () => cache.setListening(false);
  }

  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const firstRetry = opts.firstRetryMs ?? 250;
  let delay = firstRetry;
  let stopped = false;

  const lost = (client: pg.Client, why: string) => {
    if (client !== current) return;
    current = null;
    cache.setListening(false);
    client.end().catch(() => undefined);
    if (stopped) return;
    log.warn({ why, retryInMs: delay }, 'session cache off: lost the auth notification channel');
    retry = setTimeout(() => void connect(), delay);
    retry.unref?.();
    delay = Math.min(delay * 2, 30_000);
  };
  const connect = async () => {
    retry = null;
    const client = new pg.Client({ connectionString: url });
    current = client;
    client.on('notification', () => cache.clear());
    client.on('error', (e) => lost(client, e.message));
    client.on('end', () => lost(client, 'connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANNEL}`);
      if (client !== current || stopped) return;
      delay = firstRetry;
      cache.setListening(true);
    } catch (e) {
      lost(client, (e as Error).message);
    }
  };
  await connect();

  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    cache.setListening(false);
    const client = current;
    current = null;
    await client?.end().catch(() => undefined);
  };
}
