/**
 * Lists and task pages read the calendar (working days overdue) on every request, so each
 * instance keeps it in memory; an admin's new holiday must still reach every instance: at once on
 * the instance that saved it, and on the others as soon as the settings notification arrives.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testBackends } from '../db/testing';
import { createTestApp, eventually, type TestApp } from '../http/testing';
import { buildServer } from '../http/build-server';
import type { AppContext } from '../http/context';
import { extraRoutes } from '../app/background';
import { startCacheListener } from '../app/cache-listener';
import { NotifiedCache } from '../shared/notified-cache';
import type { Calendar } from '../calendar';
import { loadCalendar } from './reminder-settings';

/** A server on the test database with its own calendar cache and listener, as `serve` starts it. */
async function instance(t: TestApp, url: string | undefined) {
  const ctx: AppContext = { ...t.ctx, config: { ...t.ctx.config, databaseUrl: url ?? null }, calendar: new NotifiedCache<Calendar>() };
  const app = await buildServer(ctx, { logger: false, plugins: extraRoutes });
  const stop = await startCacheListener(ctx, { warn: () => undefined }, { firstRetryMs: 2_000 });
  const calendar = () => loadCalendar(t.database.db, ctx.calendar);
  const putOverrides = (day: string) =>
    app.inject({
      method: 'PUT',
      url: '/api/calendar/overrides',
      headers: { cookie: `dondoc_session=${t.sessions.admin.cookie}`, 'x-csrf-token': t.sessions.admin.csrf },
      payload: { years: { [day.slice(0, 4)]: { daysOff: [{ date: day, name: 'Nghỉ thử nghiệm' }] } } },
    });
  return { cache: ctx.calendar!, calendar, putOverrides, close: async () => (await stop(), await app.close()) };
}

describe.each(testBackends)('the cached calendar on %s', (backend) => {
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

  it('is read once, and a saved holiday is in force on the same instance at once', async () => {
    expect((await a.calendar()).isWorkingDay('2025-07-23')).toBe(true);
    expect(a.cache.size).toBe(1);
    // Proof that the next read comes from memory: the setting is written behind the cache's back.
    await t.database.db.execute(sql`insert into settings (key, value) values ('calendar.overrides', ${JSON.stringify({ years: { '2025': { daysOff: [{ date: '2025-07-24', name: 'Ghi thẳng' }] } } })}::jsonb)`);
    expect((await a.calendar()).isWorkingDay('2025-07-24')).toBe(true);
    expect((await a.putOverrides('2025-07-23')).statusCode).toBe(200);
    expect((await a.calendar()).isWorkingDay('2025-07-23')).toBe(false);
  });
});

describe.skipIf(!testBackends.includes('postgres'))('the cached calendar across two instances on PostgreSQL', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof instance>>;
  let b: Awaited<ReturnType<typeof instance>>;
  beforeAll(async () => {
    t = await createTestApp('postgres');
    a = await instance(t, t.database.url);
    b = await instance(t, t.database.url);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await t.close();
  });

  it('a holiday saved on one instance reaches the calendar the other one cached', async () => {
    expect((await b.calendar()).isWorkingDay('2025-08-06')).toBe(true);
    expect(b.cache.size).toBe(1);
    expect((await a.putOverrides('2025-08-06')).statusCode).toBe(200);
    await eventually(async () => !(await b.calendar()).isWorkingDay('2025-08-06'));
  });

  it('caches nothing while its notification connection is down', async () => {
    await b.calendar();
    await t.database.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where query like 'LISTEN dondoc_%' and datname = current_database()`);
    await eventually(async () => !b.cache.active);
    expect(b.cache.size).toBe(0);
    // A change it cannot hear is still seen: every read asks the database.
    expect((await a.putOverrides('2025-08-07')).statusCode).toBe(200);
    expect((await b.calendar()).isWorkingDay('2025-08-07')).toBe(false);
    expect(b.cache.size).toBe(0);
  });
});
