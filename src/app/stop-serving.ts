/**
 * How `serve` stops on SIGTERM/SIGINT. The order is the point: the HTTP server first (it stops
 * accepting at once and waits, for a bounded time, for the requests in hand — http/graceful-close.ts),
 * then the background loops (each waits for its work in hand), and the database only when nothing
 * can use it any more.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client';

export async function stopServing(app: FastifyInstance, backgroundStops: (() => Promise<void>)[], database: Database): Promise<void> {
  await app.close();
  for (const stop of backgroundStops) await stop();
  await database.close();
}
