/**
 * The most read answers (assignment list, counts, one assignment) are kept in memory on
 * PostgreSQL and must never be older than the data: every write, by whatever path and on whatever
 * instance, clears them through the NOTIFY its table's trigger sends; each caller has their own
 * answers; nothing is kept while the instance cannot hear notifications or on the embedded database.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testBackends } from '../db/testing';
import { createTestApp, eventually, publishTestDocument, type Session, type TestApp } from './testing';
import { buildServer } from './build-server';
import type { AppContext } from './context';
import { extraRoutes } from '../app/background';
import { startCacheListener } from '../app/cache-listener';
import { AnswerCache } from './answer-cache';
import { SESSION_COOKIE } from './build-server';

/** A server on the test database with its own answer cache and listener, as `serve` starts it. */
async function instance(t: TestApp, url: string | undefined, listen = true) {
  const ctx: AppContext = { ...t.ctx, config: { ...t.ctx.config, databaseUrl: url ?? null }, answers: new AnswerCache() };
  const app = await buildServer(ctx, { logger: false, plugins: extraRoutes });
  const stop = listen ? await startCacheListener(ctx, { warn: () => undefined }, { firstRetryMs: 2_000 }) : async () => undefined;
  const call = async (who: Session, method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method, url, headers: { cookie: `${SESSION_COOKIE}=${who.cookie}`, 'x-csrf-token': who.csrf, ...headers } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const raw = (who: Session, url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${who.cookie}`, ...headers } });
  return { cache: ctx.answers!, call, raw, close: async () => (await stop(), await app.close()) };
}

describe('AnswerCache', () => {
  const actor = { id: '00000000-0000-4000-8000-000000000001', name: 'a', role: 'office' as const, agencyId: null };
  it('does not keep an answer longer than its limit', async () => {
    const cache = new AnswerCache(Date.now, 10);
    cache.setListening(true);
    expect(await cache.answer(actor, '2025-07-20', '/api/assignments?limit=500', async () => 'x'.repeat(11))).toHaveLength(11);
    expect(cache.size).toBe(0);
    await cache.answer(actor, '2025-07-20', '/api/assignments', async () => '{"items":[]}'.slice(0, 10));
    expect(cache.size).toBe(1);
  });
});

describe.each(testBackends)('the data-changed trigger on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp(backend)));
  afterAll(async () => t.close());

  it('is on every table but sessions, so a new table that forgets it fails here', async () => {
    const rows = await t.database.db.execute(sql`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname = current_schema()
        and not exists (select 1 from pg_trigger tg where tg.tgrelid = c.oid and tg.tgname = 'dondoc_data_changed')`);
    expect((rows as unknown as { rows: { name: string }[] }).rows.map((r) => r.name)).toEqual(['sessions']);
  });

  it.skipIf(backend !== 'pglite')('leaves the answers uncached on the embedded database, which has no notifications to clear them', async () => {
    const a = await instance(t, undefined);
    try {
      await a.call(t.sessions.admin, 'GET', '/api/assignments');
      expect(a.cache.active).toBe(false);
      expect(a.cache.size).toBe(0);
    } finally {
      await a.close();
    }
  });
});

describe.skipIf(!testBackends.includes('postgres'))('answers cached on PostgreSQL', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof instance>>;
  let b: Awaited<ReturnType<typeof instance>>;
  let ids: { syt: string; stc: string };
  const stateOf = async (on: typeof a, who: Session, id: string, headers: Record<string, string> = {}): Promise<string> => {
    const page = (await on.call(who, 'GET', '/api/assignments?limit=50', headers)) as { items: { id: string; state: string }[] };
    return page.items.find((i) => i.id === id)!.state;
  };
  beforeAll(async () => {
    t = await createTestApp('postgres');
    const { assignments } = await publishTestDocument(t, [
      { text: 'Sở Y tế kiểm tra an toàn thực phẩm bếp ăn tập thể.', leads: ['Sở Y tế'], due: '2025-08-30' },
      { text: 'Sở Tài chính bố trí kinh phí mua sắm thiết bị.', leads: ['Sở Tài chính'], due: '2025-08-30' },
    ]);
    ids = { syt: assignments.find((x) => x.agencyId === t.agency.SYT)!.id, stc: assignments.find((x) => x.agencyId === t.agency.STC)!.id };
    a = await instance(t, t.database.url);
    b = await instance(t, t.database.url);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await t.close();
  });

  it('answers a repeated request from memory until a write is committed, on this instance or another', async () => {
    expect(await stateOf(a, t.sessions.syt, ids.syt)).toBe('assigned');
    expect(a.cache.size).toBe(1);
    // Proof that the next answer comes from memory: a write with triggers off sends no NOTIFY.
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update assignments set state = 'in_progress' where id = ${ids.syt}`);
    });
    expect(await stateOf(a, t.sessions.syt, ids.syt)).toBe('assigned');
    // A caller may ask for the answer computed anew.
    expect(await stateOf(a, t.sessions.syt, ids.syt, { 'cache-control': 'no-cache' })).toBe('in_progress');
    await t.database.db.execute(sql`update assignments set state = 'assigned' where id = ${ids.syt}`);
    await eventually(async () => a.cache.size === 0);

    // A change made through the other instance's API reaches this one's answers.
    await b.call(t.sessions.syt, 'GET', `/api/assignments/${ids.syt}`);
    await a.call(t.sessions.syt, 'GET', `/api/assignments/${ids.syt}`);
    await a.call(t.sessions.syt, 'GET', '/api/assignments/counts');
    expect(a.cache.size).toBe(2);
    await b.call(t.sessions.syt, 'POST', `/api/assignments/${ids.syt}/receive`);
    await eventually(async () => (await stateOf(a, t.sessions.syt, ids.syt)) === 'received');
    const page = (await a.call(t.sessions.syt, 'GET', `/api/assignments/${ids.syt}`)) as { assignment: { state: string } };
    expect(page.assignment.state).toBe('received');
  });

  it("answers the caller's next request with their own change, without waiting for its notification", async () => {
    // An instance whose notifications never come: only its own writes can clear its answers.
    const deaf = await instance(t, t.database.url, false);
    try {
      deaf.cache.setListening(true);
      expect(await stateOf(deaf, t.sessions.stc, ids.stc)).toBe('assigned');
      await deaf.call(t.sessions.stc, 'POST', `/api/assignments/${ids.stc}/receive`);
      expect(await stateOf(deaf, t.sessions.stc, ids.stc)).toBe('received');
    } finally {
      await deaf.close();
      await t.database.db.execute(sql`update assignments set state = 'assigned' where id = ${ids.stc}`);
    }
  });

  it('sends from memory the same bytes, with the same type, as the answer computed', async () => {
    for (const url of ['/api/assignments?limit=50', '/api/assignments/counts', `/api/assignments/${ids.stc}`]) {
      const computed = await a.raw(t.sessions.admin, url, { 'cache-control': 'no-cache' });
      const first = await a.raw(t.sessions.admin, url);
      const remembered = await a.raw(t.sessions.admin, url);
      for (const r of [first, remembered]) {
        expect(r.statusCode).toBe(200);
        expect(r.headers['content-type']).toBe(computed.headers['content-type']);
        expect(r.body).toBe(computed.body);
      }
    }
  });

  it('keeps each caller their own answer to the same URL', async () => {
    const syt = (await a.call(t.sessions.syt, 'GET', '/api/assignments?limit=50')) as { items: { id: string }[] };
    const stc = (await a.call(t.sessions.stc, 'GET', '/api/assignments?limit=50')) as { items: { id: string }[] };
    expect(syt.items.map((i) => i.id)).toEqual([ids.syt]);
    expect(stc.items.map((i) => i.id)).toEqual([ids.stc]);
  });

  it('keeps nothing while its notification connection is down', async () => {
    await a.call(t.sessions.syt, 'GET', '/api/assignments?limit=50');
    await t.database.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where query like 'LISTEN dondoc_%' and datname = current_database()`);
    await eventually(async () => !a.cache.active);
    expect(a.cache.size).toBe(0);
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update assignments set state = 'assigned' where id = ${ids.syt}`);
    });
    expect(await stateOf(a, t.sessions.syt, ids.syt)).toBe('assigned');
    expect(a.cache.size).toBe(0);
  });
});
