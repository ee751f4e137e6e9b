/**
 * Changing passwords: one's own needs the current one, signs out one's other sessions, and the
 * new one must be strong enough and short enough to be typed at sign-in.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackends } from '../db/testing';
import { createTestApp, type TestApp, TEST_PASSWORD } from '../http/testing';
import { PASSWORD_MAX } from './passwords';

describe.each(testBackends)('password changes on %s', (backend) => {
  let t: TestApp;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(backend);
    const users = (await t.call(t.sessions.admin, 'GET', '/api/users')).json().items as { id: string; username: string }[];
    ids = Object.fromEntries(users.map((u) => [u.username, u.id]));
  }, 300_000);
  afterAll(() => t.close());

  const me = (s: Parameters<TestApp['call']>[0]) => t.call(s, 'GET', '/api/auth/me');

  it('needs the current password to change one\'s own, and signs out the other sessions only', async () => {
    const here = await t.login('syt');
    const elsewhere = await t.login('syt');
    const missing = await t.call(here, 'PATCH', `/api/users/${ids.syt}`, { password: 'song-bang-chay-mai' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toMatch(/mật khẩu hiện tại/);
    const wrong = await t.call(here, 'PATCH', `/api/users/${ids.syt}`, { password: 'song-bang-chay-mai', currentPassword: 'khong-phai-no' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().detail).toBe('Mật khẩu hiện tại không đúng.');
    expect((await me(elsewhere)).statusCode).toBe(200);

    const ok = await t.call(here, 'PATCH', `/api/users/${ids.syt}`, { password: 'song-bang-chay-mai', currentPassword: TEST_PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await me(t.sessions.syt)).statusCode).toBe(401);
    await expect(t.login('syt')).rejects.toThrow(/401/);
    await t.login('syt', 'song-bang-chay-mai');
  });

  it('refuses weak passwords, and the ones derived from the username', async () => {
    const s = await t.login('stc');
    for (const password of ['12345678', 'password', '1234567890', 'stcstcstc1', 'password123']) {
      const res = await t.call(s, 'PATCH', `/api/users/${ids.stc}`, { password, currentPassword: TEST_PASSWORD });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().code).toBe('VALIDATION');
    }
    const named = await t.call(t.sessions.admin, 'POST', '/api/users', { username: 'canbo.snv', password: 'canbo.snv2025', role: 'viewer' });
    expect(named.json().detail).toMatch(/tên đăng nhập/);
  });

  it('accepts at most the length sign-in accepts, and that length works at sign-in', async () => {
    const s = await t.login('viewer');
    const tooLong = await t.call(s, 'PATCH', `/api/users/${ids.viewer}`, { password: 'q7'.repeat(150), currentPassword: TEST_PASSWORD });
    expect(tooLong.statusCode).toBe(400);
    const longest = 'song-bang-7'.repeat(20).slice(0, PASSWORD_MAX);
    expect((await t.call(s, 'PATCH', `/api/users/${ids.viewer}`, { password: longest, currentPassword: TEST_PASSWORD })).statusCode).toBe(200);
    await t.login('viewer', longest);
  });

  it('lets the admin reset someone else\'s password without theirs, signing them out everywhere', async () => {
    const theirs = await t.login('leader');
    const res = await t.call(t.sessions.admin, 'PATCH', `/api/users/${ids.leader}`, { password: 'lanh-dao-moi-2025' });
    expect(res.statusCode).toBe(200);
    expect((await me(theirs)).statusCode).toBe(401);
    expect((await me(t.sessions.admin)).statusCode).toBe(200);
  });

  it('bounds the display name', async () => {
    const s = await t.login('xabaolam');
    const res = await t.call(s, 'PATCH', `/api/users/${ids.xabaolam}`, { displayName: 'x'.repeat(1_900_000) });
    expect(res.statusCode).toBe(400);
  });
});
