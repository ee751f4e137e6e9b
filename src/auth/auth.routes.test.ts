import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackends } from '../db/testing';
import { createTestApp, type TestApp, TEST_PASSWORD } from '../http/testing';

describe.each(testBackends)('authentication on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { env: { LOGIN_MAX_PER_MINUTE: '20' } });
  });
  afterAll(() => t.close());

  it('requires authentication for the API', async () => {
    for (const url of ['/api/assignments', '/api/documents', '/api/agencies', '/api/events', '/api/auth/me']) {
      const res = await t.call(null, 'GET', url);
      expect(res.statusCode, url).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'Bạn cần đăng nhập.' });
    }
  });

  it('refuses a wrong password with one message for unknown users and wrong passwords', async () => {
    const a = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'syt', password: 'sai-mat-khau' } });
    const b = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'khong-co', password: 'sai-mat-khau' } });
    expect(a.statusCode).toBe(401);
    expect(a.json().detail).toBe(b.json().detail);
  });

  it('sets an httpOnly SameSite session cookie and stores only an argon2id hash', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'syt', password: TEST_PASSWORD } });
    const cookie = res.cookies.find((c) => c.name === 'dondoc_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const users = await t.database.db.query.users.findMany();
    expect(users.every((u) => u.passwordHash.startsWith('$argon2id$'))).toBe(true);
  });

  it('refuses writes from a cookie session without the CSRF token', async () => {
    const s = t.sessions.office;
    const res = await t.app.inject({ method: 'POST', url: '/api/documents', headers: { cookie: `dondoc_session=${s.cookie}` }, payload: { text: 'x' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
    const ok = await t.call(s, 'GET', '/api/auth/me');
    expect(ok.json().user.username).toBe('office');
  });

  it('serves other systems with API tokens, which can be revoked', async () => {
    const users = (await t.call(t.sessions.admin, 'GET', '/api/users')).json().items as { id: string; username: string }[];
    const syt = users.find((u) => u.username === 'syt')!;
    const created = await t.call(t.sessions.admin, 'POST', '/api/tokens', { name: 'Hệ thống một cửa', userId: syt.id });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().user.username).toBe('syt');
    expect((await t.call(t.sessions.syt, 'POST', '/api/tokens', { name: 'x', userId: syt.id })).statusCode).toBe(403);
    await t.call(t.sessions.admin, 'DELETE', `/api/tokens/${id}`);
    const after = await t.app.inject({ method: 'GET', url: '/api/assignments', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('logs out', async () => {
    const s = await t.login('viewer');
    await t.call(s, 'POST', '/api/auth/logout');
    expect((await t.call(s, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('limits login attempts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'syt', password: 'wrong-password' } });
      codes.push(r.statusCode);
    }
    expect(codes).toContain(429);
    const last = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'syt', password: 'wrong-password' } });
    expect(last.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
