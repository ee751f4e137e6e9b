import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackends } from '../db/testing';
import { createTestApp, type TestApp } from '../http/testing';

describe.each(testBackends)('document search on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    const create = (number: string, subject: string, text: string) =>
      t.call(t.sessions.office, 'POST', '/api/documents', { text, meta: { number, subject }, items: [{ ref: '1', text: 'Sở Y tế triển khai.', leads: ['Sở Y tế'] }] });
    // Created oldest first: the two phrase documents come before the two with the words apart.
    for (const [n, subject, text] of [
      ['10/TB-UBND', 'Thông báo kết luận về cải cách hành chính', 'Đẩy mạnh cải cách hành chính.'],
      ['11/TB-UBND', 'Thông báo kết luận phiên họp tháng 7', 'Chỉ số CẢI CÁCH HÀNH CHÍNH (PAR INDEX) xếp hạng thấp.'],
      ['12/TB-UBND', 'Kết luận về hành chính công', 'Cải tạo trụ sở; cách làm mới.'],
      ['13/TB-UBND', 'Kết luận về cách thức thu chính', 'Cải thiện hành lang.'],
    ] as const)
      expect((await create(n, subject, text)).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const search = async (q: string) =>
    (await t.call(t.sessions.office, 'GET', `/api/documents?q=${encodeURIComponent(q)}`)).json().items.map((d: { number: string }) => d.number);

  it('ignores diacritics and case, in the subject and the text, phrase first, then newest first', async () => {
    expect(await search('cai cach hanh chinh')).toEqual(['11/TB-UBND', '10/TB-UBND', '13/TB-UBND', '12/TB-UBND']);
    expect(await search('Cải cách hành chính')).toEqual(['11/TB-UBND', '10/TB-UBND', '13/TB-UBND', '12/TB-UBND']);
    expect(await search('12/tb-ubnd')).toEqual(['12/TB-UBND']);
    expect(await search('chinh')).toEqual(['13/TB-UBND', '12/TB-UBND', '11/TB-UBND', '10/TB-UBND']);
    expect(await search('khong co van ban nay')).toEqual([]);
  });

  it('keeps the search column out of the answers', async () => {
    const [d] = (await t.call(t.sessions.office, 'GET', '/api/documents?q=cai%20cach')).json().items;
    expect(d).not.toHaveProperty('searchText');
    expect(d.itemCount).toBe(1);
  });
});
