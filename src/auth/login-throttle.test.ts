import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { LoginThrottle } from './login-throttle';
import { createTestApp, type TestApp, TEST_PASSWORD } from '../http/testing';
import { loadConfig } from '../config/config';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../http/build-server';

describe('LoginThrottle', () => {
  it('counts failures per account and address, within a minute', () => {
    let now = 0;
    const th = new LoginThrottle(3, () => now);
    for (let i = 0; i < 3; i++) th.failed('syt', '10.0.0.1');
    expect(() => th.check('syt', '10.0.0.1')).toThrow(/quá nhiều lần/);
    expect(() => th.check('SYT ', '10.0.0.1')).toThrow(); // the same account, however typed
    expect(() => th.check('syt', '10.0.0.2')).not.toThrow(); // another address
    expect(() => th.check('stc', '10.0.0.1')).not.toThrow(); // another account
    now += 60_001;
    expect(() => th.check('syt', '10.0.0.1')).not.toThrow();
  });

  it('caps one address trying many accounts', () => {
    const th = new LoginThrottle(2, () => 0);
    for (let i = 0; i < 10; i++) th.failed(`user${i}`, '10.0.0.9');
    expect(() => th.check('someone-new', '10.0.0.9')).toThrow(/quá nhiều lần/);
  });

  it('forgets failures of an account once it signs in', () => {
    const th = new LoginThrottle(2, () => 0);
    th.failed('syt', '10.0.0.1');
    th.succeeded('syt', '10.0.0.1');
    th.failed('syt', '10.0.0.1');
    expect(() => th.check('syt', '10.0.0.1')).not.toThrow();
  });
});

describe('TRUST_PROXY', () => {
  it('takes addresses and CIDR ranges, and refuses "true"', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 192.168.0.0/16' }).trustProxy).toBe('10.0.0.5,192.168.0.0/16');
    expect(loadConfig({}).trustProxy).toBeNull();
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/40' })).toThrow(/TRUST_PROXY/);
  });
});

describe('sign-in limits through the API', () => {
  let t: TestApp;
  let behindProxy: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp('pglite', { env: { LOGIN_MAX_PER_MINUTE: '5' } });
    // A second server on the same database, configured as behind a proxy at 127.0.0.1.
    behindProxy = await buildServer({ ...t.ctx, config: { ...t.ctx.config, trustProxy: '127.0.0.1' } }, { logger: false });
  }, 300_000);
  afterAll(async () => {
    await behindProxy?.close();
    await t?.close();
  });

  const attempt = (app: TestApp | FastifyInstance, username: string, password: string, forwardedFor?: string) =>
    ('app' in app ? app.app : app).inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });

  it('is not bypassed by rotating X-Forwarded-For', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await attempt(t, 'stc', 'sai-mat-khau', `203.0.113.${i}`)).statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual(Array(7).fill(429));
    expect((await attempt(t, 'stc', TEST_PASSWORD)).json().code).toBe('RATE_LIMITED');
  });

  it('does not count successful sign-ins: an office behind one address is never locked out', async () => {
    for (let i = 0; i < 8; i++) expect((await attempt(t, 'syt', TEST_PASSWORD)).statusCode).toBe(200);
    // ...and others' failures on other accounts from that address do not lock this account.
    expect((await attempt(t, 'leader', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('believes X-Forwarded-For only from the proxy TRUST_PROXY names', async () => {
    for (let i = 0; i < 5; i++) await attempt(behindProxy, 'stc', 'sai-mat-khau', '198.51.100.7');
    expect((await attempt(behindProxy, 'stc', 'sai-mat-khau', '198.51.100.7')).statusCode).toBe(429);
    // Another client behind the same proxy is another address.
    expect((await attempt(behindProxy, 'stc', TEST_PASSWORD, '198.51.100.8')).statusCode).toBe(200);
  });
});
