/**
 * The document routes answer through their response schemas: nothing internal leaves the server
 * (a published document used to come back as its raw row, file bytes included).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, type TestApp } from '../http/testing';

describe('document answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.close());

  it('sends documents without their file bytes, the text only where asked, items whole', async () => {
    const text = 'THÔNG BÁO\n\n1. Giao Sở Y tế chủ trì rà soát các cơ sở khám bệnh, hoàn thành trước ngày 31/7/2025.';
    const created = await t.call(t.sessions.office, 'POST', '/api/documents', { files: [{ name: 'tb.txt', contentBase64: Buffer.from(text).toString('base64') }] });
    expect(created.statusCode).toBe(201);
    const { document, items } = created.json();
    expect(document).toMatchObject({ fileName: 'tb.txt', fileMime: 'text/plain', hasFile: true, status: 'draft' });
    expect(document.text).toContain('Sở Y tế');
    expect(document).not.toHaveProperty('fileData');
    expect(items[0]).toMatchObject({ documentId: document.id, position: 0, leads: [{ name: 'Sở Y tế', agencyId: t.agency.SYT }], due: '2025-07-31' });

    const published = await t.call(t.sessions.office, 'POST', `/api/documents/${document.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().assignments).toBe(1);
    expect(published.json().document).toMatchObject({ id: document.id, status: 'published' });
    expect(published.json().document).not.toHaveProperty('fileData');
    expect(published.json().document).not.toHaveProperty('text');

    const list = (await t.call(t.sessions.syt, 'GET', '/api/documents')).json();
    expect(list.items.find((d: { id: string }) => d.id === document.id)).toMatchObject({ itemCount: 1, hasFile: true });
    const file = await t.call(t.sessions.syt, 'GET', `/api/documents/${document.id}/file`);
    expect(file.body).toBe(text);
  });
});
