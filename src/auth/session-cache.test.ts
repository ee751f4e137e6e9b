/**
 * The session cache saves a query per request and must never keep a revoked session alive: not
 * on the instance that revoked it, not on another instance, not when the notification channel
 * is down, and not through a lookup racing with a clear.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testBackends } from '../db/testing';
import { createTestApp, eventually, type TestApp, type Session } from '../http/testing';
import { buildServer } from '../http/build-server';
import type { AppContext } from '../http/context';
import { extraRoutes } from '../app/background';
import { SessionCache } from './session-cache';
import { startCacheListener } from '../app/cache-listener';
import type { SessionInfo } from './sessions';

describe('SessionCache', () => {
  const until = new Date('2030-01-01');

  it('caches nothing until revocations can reach it', () => {
    const c = new SessionCache<string>();
    c.set('k', 'v', until, c.generation);
    expect(c.get('k')).toBeUndefined();
    c.setListening(true);
    c.set('k', 'v', until, c.generation);
    expect(c.get('k')).toBe('v');
    c.setListening(false);
    expect(c.get('k')).toBeUndefined();
  });

  it('drops the answer of a lookup that started before a clear', () => {
    const c = new SessionCache<string>();
    c.setListening(true);
    const before = c.generation;
    c.clear(); // a logout lands while the lookup is in the database
    c.set('k', 'stale', until, before);
    expect(c.get('k')).toBeUndefined();
  });

  it('keeps an entry at most a minute and never past the session expiry', () => {
    let now = Date.parse('2025-07-20T08:00:00Z');
    const c = new SessionCache<string>(() => now);
    c.setListening(true);
    c.set('long', 'a', until, c.generation);
    c.set('short', 'b', new Date(now + 5_000), c.generation);
    now += 5_000;
    expect(c.get('short')).toBeUndefined();
    expect(c.get('long')).toBe('a');
    now += 55_000;
    expect(c.get('long')).toBeUndefined();
  });
});

/** A second server on the same database: another instance, with its own cache and listener. */
async function instance(t: TestApp, url: string | undefined, firstRetryMs = 250) {
  const ctx: AppContext = { ...t.ctx, config: { ...t.ctx.config, databaseUrl: url ?? null }, sessions: new SessionCache<SessionInfo>() };
  const app = await buildServer(ctx, { logger: false, plugins: extraRoutes });
  const stop = await startCacheListener(ctx, { warn: () => undefined }, { firstRetryMs });
  const me = (s: Session) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `dondoc_session=${s.cookie}` } });
  return { app, cache: ctx.sessions!, me, close: async () => (await stop(), await app.close()) };
}

describe.each(testBackends)('cached sessions on %s', (backend) => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof instance>>;
  beforeAll(async () => {
    t = await createTestApp(backend);
    a = await instance(t, t.database.url);
  });
  afterAll(async () => {
    await a.close();
    await t.close();
  });

  it('serves a signed-in person from the cache, and a logout ends the session at once', async () => {
    expect(a.cache.active).toBe(true);
    const s = await t.login('syt');
    expect((await a.me(s)).statusCode).toBe(200);
    expect(a.cache.size).toBe(1);
    // Proof that the next request is answered from memory: the session row is deleted behind the
    // cache's back (no notification), and the session still works until a real logout.
    await t.database.db.execute(sql`delete from sessions where user_id = (select id from users where username = 'syt')`);
    expect((await a.me(s)).statusCode).toBe(200);
    const out = await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: `dondoc_session=${s.cookie}`, 'x-csrf-token': s.csrf } });
    expect(out.statusCode).toBe(200);
    expect((await a.me(s)).statusCode).toBe(401);
  });

  it('forgets the cache when a user is changed', async () => {
    const s = await t.login('stc');
    expect((await a.me(s)).json().user.role).toBe('agency');
    const admin = t.sessions.admin;
    const res = await a.app.inject({
      method: 'PATCH',
      url: `/api/users/${(await a.me(s)).json().user.id}`,
      headers: { cookie: `dondoc_session=${admin.cookie}`, 'x-csrf-token': admin.csrf },
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    expect((await a.me(s)).statusCode).toBe(401);
  });
});

describe.skipIf(!testBackends.includes('postgres'))('cached sessions across two instances on PostgreSQL', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof instance>>;
  let b: Awaited<ReturnType<typeof instance>>;
  beforeAll(async () => {
    t = await createTestApp('postgres');
    a = await instance(t, t.database.url);
    // b waits 2 s before reconnecting, so the test can see it with its channel down.
    b = await instance(t, t.database.url, 2_000);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await t.close();
  });

  it('a logout on one instance ends the session cached on the other', async () => {
    const s = await t.login('syt');
    expect((await b.me(s)).statusCode).toBe(200);
    expect(b.cache.size).toBeGreaterThan(0);
    const out = await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: `dondoc_session=${s.cookie}`, 'x-csrf-token': s.csrf } });
    expect(out.statusCode).toBe(200);
    await eventually(async () => (await b.me(s)).statusCode === 401);
  });

  it('a deactivation on one instance reaches the other', async () => {
    const s = await t.login('xabaolam');
    const me = await b.me(s);
    expect(me.statusCode).toBe(200);
    const admin = t.sessions.admin;
    const res = await a.app.inject({
      method: 'PATCH',
      url: `/api/users/${me.json().user.id}`,
      headers: { cookie: `dondoc_session=${admin.cookie}`, 'x-csrf-token': admin.csrf },
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    await eventually(async () => (await b.me(s)).statusCode === 401);
  });

  it('stops caching while its notification connection is down, then reconnects', async () => {
    expect(b.cache.active).toBe(true);
    await t.database.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where query like 'LISTEN dondoc_%' and datname = current_database()`);
    await eventually(async () => !b.cache.active);
    // While it is off, a revocation it cannot hear is still seen: every request asks the database.
    const s = await t.login('leader');
    expect((await b.me(s)).statusCode).toBe(200);
    expect(b.cache.size).toBe(0);
    await eventually(async () => b.cache.active);
    expect((await b.me(s)).statusCode).toBe(200);
    expect(b.cache.size).toBe(1);
  });
});
