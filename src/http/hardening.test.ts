/**
 * The HTTP edge under hostile callers: anonymous bodies refused before they are read, error
 * lists bounded, bad values answered 400 (never 500).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Readable } from 'node:stream';
import { testBackends } from '../db/testing';
import { createTestApp, publishTestDocument, type TestApp } from './testing';

/** A request body that sends one chunk and then never ends: only a server that does not read it can answer. */
function endlessBody(first: string) {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(first);
      }
    },
  });
}

describe.each(testBackends)('hardened edge on %s', (backend) => {
  let t: TestApp;
  let assignmentId: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    const { assignments } = await publishTestDocument(t, [
      { ref: '1', text: 'Sở Y tế thực hiện.', leads: ['Sở Y tế'], due: '2025-07-31' },
      { ref: '2', text: 'Sở Tài chính thực hiện.', leads: ['Sở Tài chính'], due: '2025-08-31' },
    ]);
    assignmentId = assignments[0].id;
  });
  afterAll(() => t.close());

  it('refuses an anonymous multipart upload before reading it', async () => {
    const boundary = 'x'.repeat(20);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(19 * 1024 * 1024) },
      payload: endlessBody(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.docx"\r\n\r\n`),
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'Bạn cần đăng nhập.' });
  });

  it('refuses an anonymous JSON body before reading it, also with a stale session cookie', async () => {
    for (const headers of [{}, { cookie: 'dondoc_session=het-han' }]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/assignments/${assignmentId}/progress`,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(1024 * 1024) },
        payload: endlessBody('{"text":"'),
      });
      expect(res.statusCode).toBe(401);
    }
  });

  it('keeps sign-in open, with a small body', async () => {
    expect((await t.call(null, 'POST', '/api/auth/login', { username: 'syt', password: 'mat-khau-thu-1' })).statusCode).toBe(200);
    const fields: Record<string, number> = {};
    for (let i = 0; i < 90_000; i++) fields[`f${i}`] = 1;
    const big = await t.call(null, 'POST', '/api/auth/login', fields);
    expect(big.statusCode).toBe(413);
    expect(big.body.length).toBeLessThan(1000);
  });

  it('lists at most 20 problems and counts the rest', async () => {
    const body: Record<string, unknown> = { text: 'x' };
    for (let i = 0; i < 5000; i++) body[`f${i}`] = 1;
    const res = await t.call(t.sessions.office, 'POST', `/api/assignments/${assignmentId}/progress`, body);
    expect(res.statusCode).toBe(400);
    const p = res.json();
    expect(p.errors).toHaveLength(20);
    expect(p.errorCount).toBe(5000);
    expect(p.detail).toMatch(/và 4980 lỗi khác\.$/);
    expect(res.body.length).toBeLessThan(5000);
  });

  const cursor = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  it.each([
    ['q with a NUL byte', '/api/assignments?q=%00'],
    ['document search with a NUL byte', '/api/documents?q=a%00b'],
    ['cursor whose key is not a date', `/api/assignments?cursor=${cursor({ k: 'hôm qua', id: '00000000-0000-4000-8000-000000000000' })}`],
    ['cursor whose id is not a UUID', `/api/assignments?cursor=${cursor({ k: '2025-07-31', id: 'abc' })}`],
    ['cursor by update with a bad timestamp', `/api/assignments?sort=updated&cursor=${cursor({ k: '0000-01-01T00:00:00.000Z', id: '00000000-0000-4000-8000-000000000000' })}`],
    ['cursor that is not JSON', '/api/assignments?cursor=%%%'],
    ['asOf year 0000', '/api/assignments?asOf=0000-01-01'],
    ['dueFrom year 0000', '/api/assignments?dueFrom=0000-01-01'],
    ['counts asOf year 0000', '/api/assignments/counts?asOf=0000-01-01'],
    ['ranking from year 0000', '/api/reports/ranking?from=0000-01-01'],
    ['monthly report month 0000-01', '/api/reports/monthly?month=0000-01'],
    ['a day that does not exist', '/api/assignments?dueTo=2025-02-30'],
  ])('%s → 400 with a Vietnamese message', async (_name, url) => {
    const res = await t.call(t.sessions.office, 'GET', url);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(res.json().detail).toMatch(/không hợp lệ/);
  });

  it('says what is wrong with a date', async () => {
    const res = await t.call(t.sessions.office, 'GET', '/api/assignments?asOf=0000-01-01');
    expect(res.json().detail).toContain('năm từ 1900 đến 2199');
  });

  it('refuses year 0000 in bodies too (deadline change, extension, new document item)', async () => {
    const change = await t.call(t.sessions.office, 'POST', `/api/assignments/${assignmentId}/deadline`, { due: '0000-01-01', reason: 'Thử.' });
    expect(change.statusCode).toBe(400);
    const ext = await t.call(t.sessions.syt, 'POST', `/api/assignments/${assignmentId}/extensions`, { requestedDue: '0000-01-01', reason: 'Thử.' });
    expect(ext.statusCode).toBe(400);
    const doc = await t.call(t.sessions.office, 'POST', '/api/documents', { text: 'x', items: [{ text: 'Sở Y tế thực hiện.', leads: ['Sở Y tế'], due: '0000-12-31' }] });
    expect(doc.statusCode).toBe(400);
  });

  it('answers a NUL byte inside a JSON text field with 400, not 500', async () => {
    const res = await t.call(t.sessions.syt, 'POST', `/api/assignments/${assignmentId}/progress`, { text: 'a\u0000b' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
  });

  it('pages with a cursor it made itself', async () => {
    const first = (await t.call(t.sessions.office, 'GET', '/api/assignments?limit=1')).json();
    expect(first.nextCursor).toBeTruthy();
    const second = await t.call(t.sessions.office, 'GET', `/api/assignments?limit=1&cursor=${first.nextCursor}`);
    expect(second.statusCode).toBe(200);
    const byUpdate = (await t.call(t.sessions.office, 'GET', '/api/assignments?limit=1&sort=updated')).json();
    expect((await t.call(t.sessions.office, 'GET', `/api/assignments?limit=1&sort=updated&cursor=${byUpdate.nextCursor}`)).statusCode).toBe(200);
  });
});
