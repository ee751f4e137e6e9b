/**
 * A search of several words is answered either from a window of rows in deadline order (when the
 * words are common) or by the whole table (when the window comes back short). Whichever way, the
 * pages must be exactly those of the plain definition: every word present, in deadline order.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackends } from '../db/testing';
import { createTestApp, publishTestDocument, type TestApp } from '../http/testing';
import { listAssignments, type AssignmentFilter } from './list-assignments';
import { foldText } from '../shared/text';

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

  /** The definition: every folded word in the folded text, sorted by deadline (none last), then id. */
  async function expected(q: string, desc: boolean) {
    const words = foldText(q).split(' ').filter(Boolean);
    const all = (await listAssignments(t.database.db, OFFICE, { asOf: '2025-07-15', limit: 500, sort: desc ? '-due' : 'due' })).items;
    return all.filter((a) => words.every((w) => foldText(a.text).includes(w))).map((a) => a.ref);
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

  for (const q of ['nong thon moi', 'Nông thôn', 'xay nha', 'giai ngan cong', 'nong thon khong-co']) {
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
