/**
 * Browser protections: CSP, no framing and nosniff on every answer; stored files served with the
 * type their bytes show, never the uploader's claim.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { createTestApp, publishTestDocument, type TestApp } from './testing';
import { attachments } from '../assignments/assignments.schema';
import { sniffMime } from './sniff';

describe('security headers', () => {
  let t: TestApp;
  let assignmentId: string;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    assignmentId = (await publishTestDocument(t, [{ text: 'Sở Y tế thực hiện.', leads: ['Sở Y tế'] }])).assignments[0].id;
  }, 300_000);
  afterAll(() => t.close());

  it('sends a CSP, no framing, nosniff and a same-origin referrer on API answers and errors', async () => {
    for (const url of ['/api/health', '/api/assignments', '/api/nothing-here']) {
      const res = await t.call(null, 'GET', url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests'); // plain http here
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  async function store(fileName: string, mime: string, content: Buffer) {
    const [row] = await t.database.db
      .insert(attachments)
      .values({ assignmentId, fileName, mime, size: content.length, sha256: createHash('sha256').update(content).digest('hex'), data: content })
      .returning();
    return t.call(t.sessions.office, 'GET', `/api/attachments/${row.id}`);
  }

  it('serves a page claimed as text/html as a download of unknown type, with nosniff', async () => {
    const res = await store('bao-cao.html', 'text/html', Buffer.from('<html><script>alert(document.cookie)</script></html>'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('serves a PDF as a PDF whatever it was called', async () => {
    const res = await store('anh.png', 'image/png', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'));
    expect(res.headers['content-type']).toBe('application/pdf');
  });

  it('recognises formats by their bytes', () => {
    const b = (...xs: number[]) => new Uint8Array(xs);
    expect(sniffMime(b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'x')).toBe('image/png');
    expect(sniffMime(b(0xff, 0xd8, 0xff, 0xe0), 'x.jpg')).toBe('image/jpeg');
    expect(sniffMime(b(0x50, 0x4b, 0x03, 0x04, 0), 'bao-cao.DOCX')).toMatch(/wordprocessingml/);
    expect(sniffMime(b(0x50, 0x4b, 0x03, 0x04, 0), 'bao-cao.html')).toBe('application/zip');
    expect(sniffMime(new TextEncoder().encode('<svg onload=alert(1)>'), 'a.svg')).toBe('application/octet-stream');
  });
});
