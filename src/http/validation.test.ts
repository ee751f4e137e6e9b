import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, type TestApp } from './testing';

describe('validation errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.close());

  it('reports every problem at once, in Vietnamese, as problem+json', async () => {
    const res = await t.call(t.sessions.admin, 'POST', '/api/users', { username: 'ab', password: 'short', role: 'king', extra: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const body = res.json();
    expect(body.code).toBe('VALIDATION');
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.username', 'body.password', 'body.role', 'body']));
    expect(body.detail).toMatch(/không được hỗ trợ/);
    expect(body.detail).toMatch(/ít nhất 10 ký tự/);
  });

  it('rejects unknown fields instead of silently dropping them', async () => {
    const res = await t.call(t.sessions.office, 'POST', '/api/documents', { text: 'Giao Sở Y tế thực hiện.', colour: 'red' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'body', message: 'trường "colour" không được hỗ trợ' }]);
  });

  it('validates query strings and ids', async () => {
    const bad = await t.call(t.sessions.office, 'GET', '/api/assignments?bucket=late&dueFrom=22/7/2025');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.length).toBeGreaterThanOrEqual(2);
    expect((await t.call(t.sessions.office, 'GET', '/api/assignments/not-a-uuid')).statusCode).toBe(400);
    expect((await t.call(t.sessions.office, 'GET', '/api/assignments/00000000-0000-4000-8000-000000000000')).json().code).toBe('NOT_FOUND');
  });

  it('publishes the OpenAPI document and a browsable page', async () => {
    const spec = (await t.call(null, 'GET', '/api/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/assignments', '/api/documents/{id}/publish', '/api/auth/login']));
    expect((await t.call(null, 'GET', '/api/docs/')).statusCode).toBe(200);
  });
});
