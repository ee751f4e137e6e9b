import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { count } from 'drizzle-orm';
import { testBackends } from '../db/testing';
import { createTestApp, type TestApp } from '../http/testing';
import { assignments } from '../assignments/assignments.schema';
import { events } from '../events/events.schema';

describe.each(testBackends)('documents on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  const create = (items: unknown[]) => t.call(t.sessions.office, 'POST', '/api/documents', { text: 'Thông báo kết luận.', items });

  it('makes one assignment per lead agency, expanding groups, and resolves merged departments', async () => {
    const res = await create([
      { ref: '1', text: 'Giao Sở Tài chính chủ trì, phối hợp với Sở Y tế.', leads: ['Sở Tài chính'], supports: ['Sở Y tế'], due: '2025-07-31' },
      { ref: '2', text: 'Các Sở: Tài chính, Y tế rà soát.', leads: ['Sở Tài chính', 'Sở Y tế'] },
      { ref: '3', text: 'UBND các xã, phường triển khai.', leads: ['UBND các xã, phường'] },
      { ref: '4', text: 'Sở Kế hoạch và Đầu tư tham mưu.', leads: ['Sở Kế hoạch và Đầu tư'] },
    ]);
    expect(res.statusCode).toBe(201);
    const { document, items } = res.json();
    expect(items[3].leads).toEqual([{ name: 'Sở Tài chính', agencyId: t.agency.STC }]);
    expect(items[2].leads[0]).toMatchObject({ name: 'UBND cấp xã' });
    const pub = await t.call(t.sessions.office, 'POST', `/api/documents/${document.id}/publish`);
    expect(pub.json().assignments).toBe(1 + 2 + 2 + 1);
    const list = (await t.call(t.sessions.office, 'GET', `/api/assignments?documentId=${document.id}`)).json().items;
    expect(list.filter((a: { ref: string }) => a.ref === '3').map((a: { agencyName: string }) => a.agencyName).sort()).toEqual(['UBND xã Bảo Lâm', 'UBND xã Lý Bôn']);
    expect(list.find((a: { ref: string }) => a.ref === '4').agencyName).toBe('Sở Tài chính');
    // A published document's items are frozen.
    const edit = await t.call(t.sessions.office, 'PATCH', `/api/documents/${document.id}/items/${items[0].id}`, { text: 'x' });
    expect(edit.json().code).toBe('CONFLICT');
  });

  it('will not publish while a lead is unknown, and writes nothing when it refuses', async () => {
    const before = Number((await t.database.db.select({ n: count() }).from(assignments))[0].n);
    const res = await create([
      { ref: 'a', text: 'Sở Y tế thực hiện.', leads: ['Sở Y tế'] },
      { ref: 'b', text: 'Ban Quản lý Khu kinh tế thực hiện.', leads: ['Ban Quản lý Khu kinh tế tỉnh'] },
    ]);
    const beforeEvents = Number((await t.database.db.select({ n: count() }).from(events))[0].n);
    const { document, items } = res.json();
    expect(items[1].review).toContain('lead_unresolved');
    const pub = await t.call(t.sessions.office, 'POST', `/api/documents/${document.id}/publish`);
    expect(pub.statusCode).toBe(400);
    expect(pub.json().detail).toMatch(/Ban Quản lý Khu kinh tế tỉnh.*chưa có trong danh mục/);
    expect(Number((await t.database.db.select({ n: count() }).from(assignments))[0].n)).toBe(before);
    expect(Number((await t.database.db.select({ n: count() }).from(events))[0].n)).toBe(beforeEvents);
    // The clerk picks the agency; the flag goes and publishing works.
    const fixed = await t.call(t.sessions.office, 'PATCH', `/api/documents/${document.id}/items/${items[1].id}`, { leads: [{ name: 'Sở Nông nghiệp và Môi trường', agencyId: t.agency.SNNMT }] });
    expect(fixed.json().review).not.toContain('lead_unresolved');
    expect((await t.call(t.sessions.office, 'POST', `/api/documents/${document.id}/publish`)).json().assignments).toBe(2);
  });

  it('lets the office add and delete items of a draft', async () => {
    const { document, items } = (await create([{ text: 'Sở Y tế thực hiện.', leads: ['Sở Y tế'] }])).json();
    const added = await t.call(t.sessions.office, 'POST', `/api/documents/${document.id}/items`, { text: 'Sở Tài chính bố trí kinh phí.', leads: ['Sở Tài chính'], afterPosition: -1 });
    expect(added.statusCode).toBe(201);
    await t.call(t.sessions.office, 'DELETE', `/api/documents/${document.id}/items/${items[0].id}`);
    const doc = (await t.call(t.sessions.office, 'GET', `/api/documents/${document.id}`)).json();
    expect(doc.items.map((i: { text: string }) => i.text)).toEqual(['Sở Tài chính bố trí kinh phí.']);
  });

  it('is for the office: agencies and leaders cannot create or publish', async () => {
    for (const who of ['syt', 'leader', 'viewer']) {
      const res = await t.call(t.sessions[who], 'POST', '/api/documents', { text: 'x', items: [{ text: 'x', leads: ['Sở Y tế'] }] });
      expect(res.statusCode, who).toBe(403);
    }
  });
});
