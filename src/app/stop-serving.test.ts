/**
 * Stopping `serve` while a request is being handled: the server stops accepting connections at
 * once, the request in hand still reads the database and is answered, the database is closed
 * after it, and nothing is logged as an error — whether the client waits (a kept-alive
 * connection, which must not hold the close for the keep-alive timeout), went away, or is an
 * injected request. A handler that outlives the grace period does not hold the stop forever.
 */
import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, testBackends, type Backend } from '../db/testing';
import type { Database } from '../db/client';
import { loadConfig } from '../config/config';
import { buildServer } from '../http/build-server';
import { CLOSE_GRACE_MS } from '../http/graceful-close';
import type { AppContext } from '../http/context';
import { DEFAULT_EXTENSION_POLICY } from '../assignments/extension-rules';
import { users } from '../auth/auth.schema';
import { stopServing } from './stop-serving';

/** The grace period of the test that lets it run out; the others have the production one. */
const SHORT_GRACE_MS = 1_500;
/**
 * How long a test gives a close that does not wait to get ahead of the held handler: with the
 * wait, the close cannot finish before the handler is released, so this bounds the test's run
 * time, not its outcome.
 */
const HEAD_START_MS = 300;

interface Running {
  app: FastifyInstance;
  database: Database;
  /** Log lines at warn level or above. */
  problems: { level: number; msg: string }[];
  /** Resolves when the slow route's handler has started. */
  entered: Promise<void>;
  /** Lets the slow route's handler go on to its query. */
  release(): void;
  /** What the handler's query read, once it has run. */
  outcome: { users?: number; error?: unknown };
}

/** The app as `serve` builds it, plus a test-only route that waits for `release()` and then reads the database. */
async function start(backend: Backend, graceMs = CLOSE_GRACE_MS): Promise<Running> {
  const database = await openTestDatabase(backend);
  const config = loadConfig({ LOG_LEVEL: 'warn' });
  const ctx: AppContext = { db: database.db, config, today: () => '2025-07-20', extensionPolicy: DEFAULT_EXTENSION_POLICY };
  const problems: Running['problems'] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        const { level, msg } = JSON.parse(line) as { level: number; msg: string };
        if (level >= 40) problems.push({ level, msg });
      }
      done();
    },
  });
  let entered!: () => void;
  const enteredP = new Promise<void>((resolve) => (entered = resolve));
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const outcome: Running['outcome'] = {};
  const slowRoute = async (api: FastifyInstance) => {
    api.get('/test/slow', async () => {
      entered();
      await gate;
      try {
        outcome.users = (await ctx.db.select({ id: users.id }).from(users)).length;
      } catch (error) {
        outcome.error = error;
        throw error;
      }
      return { users: outcome.users };
    });
  };
  const app = await buildServer(ctx, { logger: { level: 'warn', stream }, plugins: [slowRoute], closeGraceMs: graceMs });
  return { app, database, problems, entered: enteredP, release, outcome };
}

const after = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A fresh TCP connection (no pooled keep-alive socket): refused once the server stops accepting. */
function connect(port: number): Promise<number | string> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/health', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    req.end();
  });
}

describe.each(testBackends)('stopping the server (%s)', (backend) => {
  let running: Running | undefined;
  afterEach(async () => {
    // A failed test may leave the app open: close it without waiting on the held handler.
    running?.release();
    await running?.app.close().catch(() => {});
    await running?.database.close().catch(() => {});
    running = undefined;
  });

  it('stops accepting, answers the request in hand on its kept-alive connection, then closes the database', async () => {
    running = await start(backend);
    const { app, database, problems, outcome } = running;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const answer = fetch(`http://127.0.0.1:${port}/test/slow`, { headers: { connection: 'keep-alive' } });
    await running.entered;

    const closeDb = vi.spyOn(database, 'close');
    const began = Date.now();
    const stopping = stopServing(app, [], database);
    await vi.waitFor(async () => expect(await connect(port)).toBe('ECONNREFUSED'));
    await Promise.race([stopping, after(HEAD_START_MS)]);
    expect(closeDb).not.toHaveBeenCalled();

    running.release();
    const res = await answer;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ users: 0 });
    // The answer given while closing ends its connection, so the close waits neither for the
    // keep-alive timeout (72 s) nor for the grace period (at which the socket would be cut).
    expect(res.headers.get('connection')).toBe('close');
    await stopping;
    expect(Date.now() - began).toBeLessThan(CLOSE_GRACE_MS);
    expect(closeDb).toHaveBeenCalledOnce();
    expect(outcome.error).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('lets a handler whose client went away finish its query before the database closes', async () => {
    running = await start(backend);
    const { app, database, problems, outcome } = running;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const req = httpRequest({ host: '127.0.0.1', port, path: '/test/slow', agent: false });
    req.on('error', () => {}); // the abort below
    req.end();
    await running.entered;
    req.destroy();
    await vi.waitFor(async () => expect(await new Promise((r) => app.server.getConnections((_e, n) => r(n)))).toBe(0));

    const stopping = stopServing(app, [], database);
    await Promise.race([stopping, after(HEAD_START_MS)]);
    running.release();
    await stopping;
    expect(outcome).toEqual({ users: 0 });
    expect(problems).toEqual([]);
  });

  it('waits for an injected request too', async () => {
    running = await start(backend);
    const { app, database, problems, outcome } = running;
    const answer = app.inject({ method: 'GET', url: '/test/slow' });
    await running.entered;

    const stopping = stopServing(app, [], database);
    await Promise.race([stopping, after(HEAD_START_MS)]);
    running.release();
    const res = await answer;
    await stopping;
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ users: 0 });
    expect(outcome.error).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('stops after the grace period when a request is still running, and says so', async () => {
    running = await start(backend, SHORT_GRACE_MS);
    const { app, database, problems } = running;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const answer = fetch(`http://127.0.0.1:${port}/test/slow`).catch((e: unknown) => e);
    await running.entered;

    const began = Date.now();
    await stopServing(app, [], database);
    const took = Date.now() - began;
    expect(took).toBeGreaterThanOrEqual(SHORT_GRACE_MS - 50);
    expect(took).toBeLessThan(SHORT_GRACE_MS + 5_000);
    // The connection still open at the deadline is cut, so the client is not left hanging.
    expect(await answer).toBeInstanceOf(Error);
    expect(problems).toEqual([{ level: 40, msg: `closing with 1 request(s) still running after ${SHORT_GRACE_MS} ms` }]);
    // The handler is left waiting: releasing it now would only query a closed database.
    running = undefined;
  });
});
