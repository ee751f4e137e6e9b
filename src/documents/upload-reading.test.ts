/**
 * An uploaded document is read off the request thread: a crafted .docx is refused quickly, a long
 * one is read while the server keeps answering, and a normal one still becomes a draft.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { createTestApp, type Session, type TestApp } from '../http/testing';
import { SESSION_COOKIE } from '../http/build-server';
import { buildDocx, handZip, p } from '../reader/input/fixtures/build-docx';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function multipartFile(name: string, data: Uint8Array) {
  const boundary = '----dondoc-upload-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${DOCX_MIME}\r\n\r\n`),
    Buffer.from(data),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The probe's file: 1.2 M paragraphs, a document.xml of ~58 MB in a few MB of .docx. */
function inflatingDocx(): Uint8Array {
  const body = Array.from({ length: 1_200_000 }, (_, i) => `<w:p><w:r><w:t>Nội dung ${(i * 7919) % 1_000_003}</w:t></w:r></w:p>`).join('');
  return handZip('word/document.xml', Buffer.from(`<w:document><w:body>${body}</w:body></w:document>`));
}

/** Every health answer's time while `work` runs. */
async function healthDuring<T>(t: TestApp, work: Promise<T>): Promise<{ result: T; slowestMs: number; answers: number }> {
  let done = false;
  let slowestMs = 0;
  let answers = 0;
  const poll = (async () => {
    while (!done) {
      const t0 = performance.now();
      const res = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      slowestMs = Math.max(slowestMs, performance.now() - t0);
      answers++;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const result = await work.finally(() => (done = true));
  await poll;
  return { result, slowestMs, answers };
}

describe('reading uploaded documents', () => {
  let t: TestApp;
  let office: Session;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    office = t.sessions.office;
  });
  afterAll(() => t.close());

  const upload = (name: string, data: Uint8Array) => {
    const { payload, contentType } = multipartFile(name, data);
    return t.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { cookie: `${SESSION_COOKIE}=${office.cookie}`, 'x-csrf-token': office.csrf, 'content-type': contentType },
      payload,
    });
  };

  it('refuses a .docx whose document.xml inflates to 58 MB, quickly, with health answering meanwhile', async () => {
    const bytes = inflatingDocx();
    expect(bytes.length).toBeLessThan(20 * 1024 * 1024);
    const t0 = performance.now();
    const { result: res, slowestMs } = await healthDuring(t, upload('phinh.docx', bytes));
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'FILE_TOO_LARGE', detail: expect.stringContaining('khi giải nén quá lớn') });
    expect(slowestMs).toBeLessThan(1_000);
  }, 60_000);

  it('reads a long legitimate .docx in a reader thread while health keeps answering', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => p(`Đoạn ${i}: nội dung báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội của tỉnh.`)).join('');
    const bytes = await buildDocx({ body });
    const t0 = performance.now();
    const { result: res, slowestMs, answers } = await healthDuring(t, upload('dai.docx', bytes));
    const tookMs = performance.now() - t0;
    expect(res.statusCode).toBe(201);
    expect(res.json().document.text.split('\n\n')).toHaveLength(20_000);
    // Read on the request thread this blocked the server for the whole reading (seconds).
    expect(tookMs).toBeGreaterThan(1_000);
    expect(answers).toBeGreaterThan(5);
    expect(slowestMs).toBeLessThan(Math.max(500, tookMs / 3));
  }, 60_000);

  it('still turns a normal .docx into a draft with its tasks', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../reader/input/fixtures/tables.docx', import.meta.url)));
    const res = await upload('bang.docx', bytes);
    expect(res.statusCode).toBe(201);
    const { document, items } = res.json();
    expect(document).toMatchObject({ fileName: 'bang.docx', status: 'draft' });
    expect(items.length).toBeGreaterThan(0);
  }, 30_000);
});
