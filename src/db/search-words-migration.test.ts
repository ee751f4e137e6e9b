/**
 * Migration 0009, on rows written before it: a forecast left on a completed task is cleared, a
 * returned completion's 90 % goes back to the agency's last reported percent, and the documents'
 * search column is filled from their existing text.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { testBackends } from './testing';
import { createTestApp, publishTestDocument, type TestApp } from '../http/testing';
import { assignments } from '../assignments/assignments.schema';
import { foldText } from '../shared/text';

const migration = readFileSync(new URL('./migrations/0009_search_words.sql', import.meta.url), 'utf8');
/** The data fixes: the statements that update rows. */
const updates = migration
  .split('--> statement-breakpoint')
  .map((s) => s.replace(/^--.*$/gm, '').trim())
  .filter((s) => s.startsWith('UPDATE'));

describe.each(testBackends)('migration 0009 on %s', (backend) => {
  let t: TestApp;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(backend, { today: '2025-07-15' });
    const { assignments: list } = await publishTestDocument(t, [
      { ref: 'DONE', text: 'Sở Y tế kiểm tra an toàn thực phẩm.', leads: ['Sở Y tế'], due: '2025-07-31' },
      { ref: 'BACK', text: 'Sở Y tế báo cáo dịch bệnh.', leads: ['Sở Y tế'], due: '2025-07-31' },
      { ref: 'OPEN', text: 'Sở Y tế rà soát trạm y tế.', leads: ['Sở Y tế'], due: '2025-07-31' },
    ]);
    ids = Object.fromEntries(list.map((a) => [a.ref, a.id]));
    const syt = t.sessions.syt;
    for (const id of Object.values(ids)) await t.call(syt, 'POST', `/api/assignments/${id}/progress`, { text: 'Đã làm 40%.', percent: 40, outlook: 'at_risk', outlookReason: 'Thiếu người.' });
    await t.call(syt, 'POST', `/api/assignments/${ids.DONE}/completion`, { text: 'Xong.' });
    await t.call(t.sessions.office, 'POST', `/api/assignments/${ids.DONE}/review`, { decision: 'accept' });
    await t.call(syt, 'POST', `/api/assignments/${ids.BACK}/completion`, { text: 'Xong.' });
    await t.call(t.sessions.office, 'POST', `/api/assignments/${ids.BACK}/review`, { decision: 'return', note: 'Thiếu số liệu.' });
    // What the older code left behind.
    await t.database.db.update(assignments).set({ outlook: 'at_risk' }).where(eq(assignments.id, ids.DONE));
    await t.database.db.update(assignments).set({ progressPercent: 90 }).where(eq(assignments.id, ids.BACK));
  });
  afterAll(() => t.close());

  it('clears forecasts on completed tasks and puts back the last reported percent, leaving open tasks alone', async () => {
    expect(updates).toHaveLength(2);
    for (const u of updates) await t.database.db.execute(sql.raw(u));
    const row = async (id: string) => (await t.database.db.select().from(assignments).where(eq(assignments.id, id)))[0];
    expect(await row(ids.DONE)).toMatchObject({ state: 'done', outlook: null });
    expect(await row(ids.BACK)).toMatchObject({ state: 'in_progress', progressPercent: 40 });
    expect(await row(ids.OPEN)).toMatchObject({ state: 'in_progress', progressPercent: 40, outlook: 'at_risk' });
  });

  it('folds documents in the database as foldText does in the application', async () => {
    const text = 'Cải cách HÀNH CHÍNH, Đường   ĐIỆN Biên Phủ; Ưu tiên Ổn định — Nghị định 30/2020/NĐ-CP';
    const r = (await t.database.db.execute(sql`select dondoc_fold(${text}) as f`)) as unknown as { rows: { f: string }[] };
    expect(r.rows[0].f).toBe(foldText(text));
  });
});
