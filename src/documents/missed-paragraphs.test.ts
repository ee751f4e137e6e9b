/**
 * "Có thể bị bỏ sót" through the API: the reader's missed paragraphs are stored with the draft,
 * served with it, and one call makes a paragraph a task (the mark goes, once, under concurrency).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackends } from '../db/testing';
import { createTestApp, type TestApp } from '../http/testing';

const NOTICE = `ỦY BAN NHÂN DÂN TỈNH LÀO CAI
VĂN PHÒNG

Số: 88/TB-VPUBND

Lào Cai, ngày 03 tháng 11 năm 2026

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh về công tác y tế cơ sở

I. ĐÁNH GIÁ CHUNG
Thời gian qua, Sở Y tế chủ động phối hợp với các địa phương nâng cao chất lượng khám, chữa bệnh.

II. NHIỆM VỤ THỜI GIAN TỚI
Sở Y tế khẩn trương rà soát các trạm y tế xã, báo cáo kết quả trước ngày 30/11/2026.
1. Sở Tài chính chủ trì bố trí kinh phí sửa chữa trạm y tế, hoàn thành trước ngày 15/12/2026.
2. Giao UBND các xã, phường tổ chức tuyên truyền khám sức khỏe định kỳ cho người dân.

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.
`;

interface Missed {
  start: number;
  end: number;
  text: string;
  lead: string[];
}

describe.each(testBackends)('missed paragraphs on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  const draft = async () => {
    const res = await t.call(t.sessions.office, 'POST', '/api/documents', { text: NOTICE });
    expect(res.statusCode).toBe(201);
    return res.json().document.id as string;
  };
  const read = async (id: string) => (await t.call(t.sessions.office, 'GET', `/api/documents/${id}`)).json() as { document: { text: string; missed: Missed[] }; items: { text: string; position: number; startOffset: number; leads: { name: string; agencyId?: string }[]; review: string[] }[] };

  it('serves the paragraphs the reader may have missed with the draft, pointing into its text', async () => {
    const id = await draft();
    const { document, items } = await read(id);
    expect(items.map((i) => i.text)).toEqual([expect.stringContaining('Sở Tài chính chủ trì'), expect.stringContaining('Giao UBND các xã')]);
    expect(document.missed).toHaveLength(1);
    const [m] = document.missed;
    expect(m.text).toMatch(/^Sở Y tế khẩn trương rà soát/u);
    expect(m.lead).toEqual(['Sở Y tế']);
    expect(document.text.slice(m.start, m.end)).toBe(m.text);
    // the assessment's "Sở Y tế chủ động phối hợp" is not an instruction left out
    expect(document.missed.some((x) => x.text.includes('Thời gian qua'))).toBe(false);
    // lists do not carry the marks
    const list = (await t.call(t.sessions.office, 'GET', '/api/documents?status=draft')).json().items;
    expect(list.find((d: { id: string }) => d.id === id)).not.toHaveProperty('missed');
  });

  it('makes a marked paragraph a task in source order, its addressee resolved, and the mark goes', async () => {
    const id = await draft();
    const [m] = (await read(id)).document.missed;
    const res = await t.call(t.sessions.office, 'POST', `/api/documents/${id}/missed-paragraphs/task`, { start: m.start });
    expect(res.statusCode).toBe(201);
    const item = res.json();
    expect(item).toMatchObject({ text: m.text, startOffset: m.start, endOffset: m.end, position: 0, leads: [{ name: 'Sở Y tế', agencyId: t.agency.SYT }] });
    expect(item.review).not.toContain('lead_unresolved');
    const after = await read(id);
    expect(after.document.missed).toEqual([]);
    expect(after.items.map((i) => i.position)).toEqual([0, 1, 2]);
    expect(after.items[0].text).toBe(m.text);
    // the mark is gone: a second click finds nothing and adds nothing
    const again = await t.call(t.sessions.office, 'POST', `/api/documents/${id}/missed-paragraphs/task`, { start: m.start });
    expect(again.statusCode).toBe(404);
    expect(again.json().detail).toMatch(/bỏ sót/u);
    expect((await read(id)).items).toHaveLength(3);
  });

  it('adds one item when two clerks click the same mark at once', async () => {
    const id = await draft();
    const [m] = (await read(id)).document.missed;
    const codes = (await Promise.all([0, 1].map(() => t.call(t.sessions.office, 'POST', `/api/documents/${id}/missed-paragraphs/task`, { start: m.start })))).map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 404]);
    expect((await read(id)).items.filter((i) => i.text === m.text)).toHaveLength(1);
  });

  it('drops the mark of a paragraph an item added by hand now covers', async () => {
    const id = await draft();
    const [m] = (await read(id)).document.missed;
    await t.call(t.sessions.office, 'POST', `/api/documents/${id}/items`, { text: m.text, leads: ['Sở Y tế'], startOffset: m.start, endOffset: m.end });
    expect((await read(id)).document.missed).toEqual([]);
  });

  it('is for the office, and only on a draft', async () => {
    const id = await draft();
    const [m] = (await read(id)).document.missed;
    const denied = await t.call(t.sessions.syt, 'POST', `/api/documents/${id}/missed-paragraphs/task`, { start: m.start });
    expect(denied.statusCode).toBe(403);
    const pub = await t.call(t.sessions.office, 'POST', `/api/documents/${id}/publish`);
    expect(pub.statusCode).toBe(200);
    expect((await read(id)).document.missed).toEqual([]);
    const late = await t.call(t.sessions.office, 'POST', `/api/documents/${id}/missed-paragraphs/task`, { start: m.start });
    expect(late.json().code).toBe('CONFLICT');
  });
});
