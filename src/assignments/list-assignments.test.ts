/**
 * A search is answered either from a window of rows in deadline order (when the best matches are
 * common) or by the whole table. Whichever way, the pages must be exactly those of the definition
 * (text-search.ts `searchTier`): every word present, best level first, then deadline order.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackends } from '../db/testing';
import { createTestApp, publishTestDocument, type TestApp } from '../http/testing';
import { listAssignments, type AssignmentFilter } from './list-assignments';
import { foldText } from '../shared/text';
import { parseSearch, searchTier } from '../shared/text-search';

const OFFICE = { id: null, name: 'thử', role: 'office' as const, agencyId: null };

describe.each(testBackends)('multi-word search on %s', (backend) => {
  let t: TestApp;
  const texts: { ref: string; text: string; due: string | null }[] = [];
  beforeAll(async () => {
    t = await createTestApp(backend, { today: '2025-07-15' });
    const phrases = ['xây dựng nông thôn mới', 'nông thôn', 'giải ngân vốn đầu tư công', 'xóa nhà tạm', 'mới xây nhà văn hóa nông thôn'];
    for (let k = 0; k < 40; k++) {
      const due = k % 9 === 0 ? null : `2025-${String(8 + (k % 4)).padStart(2, '0')}-${String(1 + ((k * 7) % 28)).padStart(2, '0')}`;
      texts.push({ ref: `T${k}`, text: `Sở Y tế ${phrases[k % phrases.length]} đợt ${k}.`, due });
    }
    await publishTestDocument(t, texts.map((x) => ({ ...x, leads: ['Sở Y tế'] })));
  });
  afterAll(() => t.close());

  /** The definition: the level of each folded text (stable sort keeps the deadline order inside a level). */
  async function expected(q: string, desc: boolean) {
    const s = parseSearch(q)!;
    const all = (await listAssignments(t.database.db, OFFICE, { asOf: '2025-07-15', limit: 500, sort: desc ? '-due' : 'due' })).items;
    const tiered = all.map((a) => ({ ref: a.ref, tier: searchTier(s, foldText(`${a.ref} ${a.text} ${a.agencyName} ${a.documentNumber ?? ''} ${a.documentSubject ?? ''}`)) }));
    return tiered.filter((x) => x.tier !== null).sort((x, y) => x.tier! - y.tier!).map((x) => x.ref);
  }
  async function paged(f: Omit<AssignmentFilter, 'asOf'>, searchWindow: number) {
    const refs: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAssignments(t.database.db, OFFICE, { ...f, asOf: '2025-07-15', cursor }, { searchWindow });
      refs.push(...page.items.map((a) => a.ref!));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return refs;
  }

  for (const q of ['nong thon moi', 'Nông thôn', 'xay nha', 'giai ngan cong', 'nong thon khong-co', 'thon', 'moi nong', 'ong']) {
    for (const sort of ['due', '-due'] as const) {
      it(`"${q}" sorted by ${sort}: the same pages from a wide window, a narrow one and the whole table`, async () => {
        const want = await expected(q, sort === '-due');
        for (const window of [5000, 12, 3]) expect(await paged({ q, sort, limit: 3 }, window), `window ${window}`).toEqual(want);
      });
    }
  }

  it('covers both cases: a phrase many tasks share, and words no task has together', async () => {
    expect((await expected('nong thon moi', false)).length).toBeGreaterThan(10);
    expect(await expected('nong thon khong-co', false)).toEqual([]);
  });
});

describe.each(testBackends)('search ranked by relevance on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { today: '2025-07-15' });
    // Deadlines put the pieces-only tasks first, so that deadline order alone would show them first.
    await publishTestDocument(t, [
      { ref: 'THONG', text: 'Huyện Thông Nông rà soát hồ sơ bảo vệ môi trường.', leads: ['Sở Y tế'], due: '2025-08-01' },
      { ref: 'THON', text: 'Xây dựng nhà văn hóa thôn, bản.', leads: ['Sở Y tế'], due: '2025-08-02' },
      { ref: 'WORDS', text: 'Mới rà soát đường giao thông nông thôn, vùng nông nghiệp.', leads: ['Sở Y tế'], due: '2025-08-03' },
      { ref: 'NTM2', text: 'Đẩy nhanh tiến độ xây dựng NÔNG THÔN MỚI nâng cao.', leads: ['Sở Y tế'], due: '2025-09-30' },
      { ref: 'NTM1', text: 'Hoàn thành tiêu chí nông thôn mới tại 5 xã.', leads: ['Sở Y tế'], due: '2025-09-01' },
      { ref: 'NTM0', text: 'Tổng kết chương trình nông thôn mới.', leads: ['Sở Y tế'], due: null },
    ]);
  });
  afterAll(() => t.close());

  const search = async (q: string, extra = '') =>
    (await t.call(t.sessions.office, 'GET', `/api/assignments?q=${encodeURIComponent(q)}${extra}`)).json().items.map((a: { ref: string }) => a.ref);

  it('puts the exact phrase first, then all whole words, then pieces; deadline breaks ties', async () => {
    // "Thông Nông … môi trường" has the three pieces ("thon" in "thong", "moi" in "moi"), never ahead of the phrase.
    expect(await search('nong thon moi')).toEqual(['NTM1', 'NTM2', 'NTM0', 'WORDS', 'THONG']);
    expect(await search('Nông thôn mới')).toEqual(['NTM1', 'NTM2', 'NTM0', 'WORDS', 'THONG']);
    // Newest deadline first inside each level when asked.
    expect(await search('nong thon moi', '&sort=-due')).toEqual(['NTM0', 'NTM2', 'NTM1', 'WORDS', 'THONG']);
  });

  it('finds a word whole before the words it starts ("thon" before "Thông"), and pages across levels', async () => {
    expect(await search('thon')).toEqual(['THON', 'WORDS', 'NTM1', 'NTM2', 'NTM0', 'THONG']);
    const refs: string[] = [];
    let cursor = '';
    do {
      const page = (await t.call(t.sessions.office, 'GET', `/api/assignments?q=thon&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      refs.push(...page.items.map((a: { ref: string }) => a.ref));
      cursor = page.nextCursor ?? '';
    } while (cursor);
    expect(refs).toEqual(['THON', 'WORDS', 'NTM1', 'NTM2', 'NTM0', 'THONG']);
  });

  it('refuses a cursor with a search level that does not exist', async () => {
    const bad = Buffer.from(JSON.stringify({ t: 9, k: '2025-08-01', id: '00000000-0000-0000-0000-000000000000' })).toString('base64url');
    const r = await t.call(t.sessions.office, 'GET', `/api/assignments?q=thon&cursor=${bad}`);
    expect(r.statusCode).toBe(400);
  });
});
