import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { testBackends } from '../db/testing';
import { createTestApp, type TestApp } from '../http/testing';
import { assignments } from '../assignments/assignments.schema';
import { documents } from './documents.schema';
import { createDocument } from './create-document';

interface ItemOut {
  id: string;
  ref: string | null;
  text: string;
  position: number;
  review: string[];
  leads: { name: string; agencyId?: string | null; groupId?: string | null }[];
  startOffset: number | null;
  endOffset: number | null;
}

describe.each(testBackends)('publishing without surprises on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  const create = async (items: unknown[], text = 'Thông báo kết luận.') => {
    const res = await t.call(t.sessions.office, 'POST', '/api/documents', { text, items });
    expect(res.statusCode).toBe(201);
    return res.json() as { document: { id: string }; items: ItemOut[] };
  };
  const itemsOf = async (id: string) => (await t.call(t.sessions.office, 'GET', `/api/documents/${id}`)).json().items as ItemOut[];

  it('previews assignments per agency, groups with their member count, unresolved names once, and the 6 rõ', async () => {
    const { document } = await create([
      { ref: '1', text: 'Sở Tài chính chủ trì xây dựng kế hoạch vốn, báo cáo UBND tỉnh.', leads: ['Sở Tài chính'], supports: ['Sở Y tế'], due: '2025-07-31' },
      { ref: '2', text: 'UBND các xã triển khai.', leads: ['UBND cấp xã'] },
      { ref: '3', text: 'Ban Quản lý Khu kinh tế rà soát.', leads: ['Ban Quản lý Khu kinh tế'] },
      { ref: '4', text: 'Ban Quản lý Khu kinh tế báo cáo.', leads: ['Ban Quản lý Khu kinh tế', 'Sở Y tế'] },
    ]);
    const res = await t.call(t.sessions.office, 'GET', `/api/documents/${document.id}/publish-preview`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ items: 4, assignments: 1 + 2 + 0 + 1, canPublish: false });
    expect(p.groups).toEqual([expect.objectContaining({ name: 'UBND cấp xã', members: 2, items: 1, assignments: 2 })]);
    expect(p.unresolved).toEqual([expect.objectContaining({ name: 'Ban Quản lý Khu kinh tế', role: 'lead', refs: ['3', '4'] })]);
    expect(p.byAgency.map((a: { name: string; assignments: number }) => `${a.name}:${a.assignments}`)).toEqual(['Sở Tài chính:1', 'Sở Y tế:1', 'UBND xã Bảo Lâm:1', 'UBND xã Lý Bôn:1']);
    expect(p.perItem[0].unclear).toEqual([]);
    expect(p.perItem[1].unclearLabels).toEqual(expect.arrayContaining(['rõ thời gian', 'rõ sản phẩm']));
    expect(p.perItem[3].unclear).toEqual(expect.arrayContaining(['lead', 'responsibility']));
    // Agencies may not look; a published document has nothing to preview.
    expect((await t.call(t.sessions.syt, 'GET', `/api/documents/${document.id}/publish-preview`)).statusCode).toBe(403);

    // The name is resolved once for both items that use it.
    const resolved = await t.call(t.sessions.office, 'POST', `/api/documents/${document.id}/resolve-name`, { name: 'Ban Quản lý Khu kinh tế', agencyId: t.agency.SNNMT });
    expect(resolved.json()).toMatchObject({ items: 2 });
    const items = await itemsOf(document.id);
    expect(items[2].leads).toEqual([{ name: 'Sở Nông nghiệp và Môi trường', agencyId: t.agency.SNNMT }]);
    expect(items[3].leads.map((l) => l.agencyId)).toEqual([t.agency.SNNMT, t.agency.SYT]);
    expect(items[2].review).not.toContain('lead_unresolved');
    const after = (await t.call(t.sessions.office, 'GET', `/api/documents/${document.id}/publish-preview`)).json();
    expect(after).toMatchObject({ canPublish: true, unresolved: [], assignments: 1 + 2 + 1 + 2 });
    // What the preview says is what publishing does.
    const pub = await t.call(t.sessions.office, 'POST', `/api/documents/${document.id}/publish`);
    expect(pub.json().assignments).toBe(after.assignments);
    expect(Number((await t.database.db.select({ n: count() }).from(assignments).where(eq(assignments.documentId, document.id)))[0].n)).toBe(after.assignments);
    expect((await t.call(t.sessions.office, 'GET', `/api/documents/${document.id}/publish-preview`)).json().code).toBe('CONFLICT');
  });

  it('clears a review flag when its field is fixed, keeps the others, and shows none once published', async () => {
    const created = await createDocument(t.database.db, { id: null, name: 'office', role: 'office', agencyId: null }, {
      text: 'Thông báo.',
      items: [{ ref: 'II.1', text: 'Sở Y tế rà soát.', leads: [{ name: 'Sở Y tế' }], supports: [], due: '2025-08-01', review: ['lead-inherited', 'due-inherited'] }],
    });
    const docId = created.document.id;
    const item = (await itemsOf(docId))[0];
    expect(item.review.sort()).toEqual(['due-inherited', 'lead-inherited']);
    // Saving the form unchanged fixes nothing; changing the deadline clears only the deadline's flag.
    const same = await t.call(t.sessions.office, 'PATCH', `/api/documents/${docId}/items/${item.id}`, { text: item.text, leads: item.leads, due: '2025-08-01' });
    expect(same.json().review.sort()).toEqual(['due-inherited', 'lead-inherited']);
    const due = await t.call(t.sessions.office, 'PATCH', `/api/documents/${docId}/items/${item.id}`, { text: item.text, leads: item.leads, due: '2025-08-15' });
    expect(due.json().review).toEqual(['lead-inherited']);
    const lead = await t.call(t.sessions.office, 'PATCH', `/api/documents/${docId}/items/${item.id}`, { leads: [{ name: 'Sở Tài chính', agencyId: t.agency.STC }] });
    expect(lead.json().review).toEqual([]);
    await t.call(t.sessions.office, 'PATCH', `/api/documents/${docId}/items/${item.id}`, { leads: [] });
    expect((await itemsOf(docId))[0].review).toEqual(['lead_missing']);
    await t.call(t.sessions.office, 'PATCH', `/api/documents/${docId}/items/${item.id}`, { leads: ['Sở Y tế'] });
    expect((await t.call(t.sessions.office, 'POST', `/api/documents/${docId}/publish`)).statusCode).toBe(200);
    expect((await itemsOf(docId)).every((i) => i.review.length === 0)).toBe(true);
  });

  it('splits and merges in one operation each, keeping references and source offsets', async () => {
    const source = 'a) Sở Y tế rà soát cơ sở y tế. Báo cáo kết quả trước 30/8.\nb) Sở Tài chính bố trí kinh phí.';
    const first = 'a) Sở Y tế rà soát cơ sở y tế. Báo cáo kết quả trước 30/8.';
    const { document } = await create(
      [
        { ref: 'II.2.a', text: first, leads: ['Sở Y tế'], due: '2025-08-30', startOffset: 0, endOffset: first.length },
        { ref: 'II.2.b', text: 'b) Sở Tài chính bố trí kinh phí.', leads: ['Sở Tài chính'], startOffset: first.length + 1, endOffset: source.length },
      ],
      source,
    );
    const [a] = await itemsOf(document.id);
    const at = first.indexOf('Báo cáo');
    const split = await t.call(t.sessions.office, 'POST', `/api/documents/${document.id}/items/${a.id}/split`, { at });
    expect(split.statusCode).toBe(200);
    let items = await itemsOf(document.id);
    expect(items.map((i) => `${i.position}:${i.ref}`)).toEqual(['0:II.2.a.1', '1:II.2.a.2', '2:II.2.b']);
    expect(items[0].text).toBe('a) Sở Y tế rà soát cơ sở y tế.');
    expect(source.slice(items[1].startOffset!, items[1].endOffset!)).toBe('Báo cáo kết quả trước 30/8.');
    expect(source.slice(items[0].startOffset!, items[0].endOffset!)).toBe(items[0].text);
    expect(items[1].leads).toEqual(items[0].leads);
    expect((await t.call(t.sessions.office, 'POST', `/api/documents/${document.id}/items/${a.id}/split`, { at: 500 })).json().code).toBe('VALIDATION');
    // Merge undoes the split: one item, the old reference, the old span.
    const merged = await t.call(t.sessions.office, 'POST', `/api/documents/${document.id}/items/${items[0].id}/merge-next`);
    expect(merged.statusCode).toBe(200);
    items = await itemsOf(document.id);
    expect(items.map((i) => `${i.position}:${i.ref}`)).toEqual(['0:II.2.a', '1:II.2.b']);
    expect([items[0].startOffset, items[0].endOffset]).toEqual([0, first.length]);
    // Merging different tasks unites the leads.
    await t.call(t.sessions.office, 'POST', `/api/documents/${document.id}/items/${items[0].id}/merge-next`);
    items = await itemsOf(document.id);
    expect(items).toHaveLength(1);
    expect(items[0].leads.map((l) => l.name)).toEqual(['Sở Y tế', 'Sở Tài chính']);
    expect((await t.call(t.sessions.office, 'POST', `/api/documents/${document.id}/items/${items[0].id}/merge-next`)).json().code).toBe('VALIDATION');
  });

  it('deletes a draft with its items, never a published document', async () => {
    const { document } = await create([{ text: 'Sở Y tế thực hiện.', leads: ['Sở Y tế'] }]);
    expect((await t.call(t.sessions.syt, 'DELETE', `/api/documents/${document.id}`)).statusCode).toBe(403);
    const res = await t.call(t.sessions.office, 'DELETE', `/api/documents/${document.id}`);
    expect(res.json()).toMatchObject({ ok: true, items: 1 });
    expect(await t.database.db.select().from(documents).where(eq(documents.id, document.id))).toEqual([]);
    expect((await t.call(t.sessions.office, 'GET', `/api/documents/${document.id}`)).statusCode).toBe(404);
    const pub = await create([{ text: 'Sở Y tế thực hiện.', leads: ['Sở Y tế'] }]);
    await t.call(t.sessions.office, 'POST', `/api/documents/${pub.document.id}/publish`);
    expect((await t.call(t.sessions.office, 'DELETE', `/api/documents/${pub.document.id}`)).json().code).toBe('CONFLICT');
  });
});
