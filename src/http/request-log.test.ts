import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { Database } from '../db/client';
import { loadConfig } from '../config/config';
import { DEFAULT_EXTENSION_POLICY } from '../assignments/extension-rules';
import { buildServer } from './build-server';

async function logLinesOf(level: string, run: (inject: (url: string) => Promise<unknown>) => Promise<void>, database: Database) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      cb();
    },
  });
  const config = loadConfig({ LOG_LEVEL: level });
  const app = await buildServer({ db: database.db, config, today: () => '2025-07-20', extensionPolicy: DEFAULT_EXTENSION_POLICY }, { logger: { stream } });
  await run((url) => app.inject({ method: 'GET', url }));
  await app.close();
  return lines;
}

describe('request logs', () => {
  let database: Database;
  afterEach(async () => database?.close());

  it('are one short line per API request at info, without headers', async () => {
    database = await openTestDatabase('pglite');
    const lines = await logLinesOf('info', async (get) => {
      await get('/api/health');
      await get('/api/assignments?q=x');
    }, database);
    const requests = lines.filter((l) => String(l.msg).startsWith('GET '));
    expect(requests.map((l) => String(l.msg).replace(/\d+ms$/, 'Nms'))).toEqual(['GET /api/health 200 Nms', 'GET /api/assignments 401 Nms']);
    expect(lines.some((l) => 'req' in l || 'res' in l || l.msg === 'incoming request')).toBe(false);
    expect(Object.keys(requests[0]).sort()).toEqual(['level', 'msg', 'time']);
  });

  it('are Fastify’s full request lines at debug', async () => {
    database = await openTestDatabase('pglite');
    const lines = await logLinesOf('debug', async (get) => void (await get('/api/health')), database);
    expect(lines.some((l) => l.msg === 'incoming request' && 'req' in l)).toBe(true);
  });
});
