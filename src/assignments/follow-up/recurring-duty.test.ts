import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackends } from '../../db/testing';
import { createTestApp, publishTestDocument, type TestApp } from '../../http/testing';

/**
 * A recurring duty ("báo cáo trước ngày 05 hằng tháng") is due at its next occurrence; each
 * period's report closes that period. It is never one past date that leaves it "overdue 300 days".
 */
describe.each(testBackends)('recurring duties on %s', (backend) => {
  let t: TestApp;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(backend, { today: '2025-07-15' });
    const { assignments } = await publishTestDocument(t, [
      {
        ref: 'M',
        text: 'Sở Y tế báo cáo tình hình dịch bệnh trước ngày 05 hằng tháng.',
        leads: ['Sở Y tế'],
        // the reader's first occurrence after the notice's date, already past when published
        due: '2025-07-05',
        recurrence: { freq: 'monthly', day: 5, text: 'trước ngày 05 hằng tháng' },
      },
      { ref: 'O', text: 'Sở Y tế rà soát cơ sở y tế.', leads: ['Sở Y tế'], due: '2025-07-25' },
    ]);
    ids = Object.fromEntries(assignments.map((a) => [a.ref, a.id]));
  });
  afterAll(() => t.close());

  const detail = async (id: string) => (await t.call(t.sessions.office, 'GET', `/api/assignments/${id}`)).json();
  const report = (id: string, text: string) => t.call(t.sessions.syt, 'POST', `/api/assignments/${id}/progress`, { text });

  it('publishes a recurring duty due at its next occurrence, not at the past one', async () => {
    const d = await detail(ids.M);
    expect(d.assignment).toMatchObject({ due: '2025-08-05', bucket: 'open_on_time', recurrence: { freq: 'monthly', day: 5 } });
    // a one-off task keeps its own date
    expect((await detail(ids.O)).assignment.due).toBe('2025-07-25');
  });

  it('each period’s report moves the deadline on; a second report in the period does not', async () => {
    t.setToday('2025-08-01');
    expect((await report(ids.M, 'Báo cáo tháng 7.')).statusCode).toBe(201);
    expect((await detail(ids.M)).assignment.due).toBe('2025-09-05');
    t.setToday('2025-08-03');
    await report(ids.M, 'Bổ sung số liệu tháng 7.');
    const d = await detail(ids.M);
    expect(d.assignment.due).toBe('2025-09-05');
    expect(d.deadlineHistory.map((h: { due: string; source: string }) => [h.due, h.source])).toEqual([
      ['2025-08-05', 'published'],
      ['2025-09-05', 'period'],
    ]);
    // a progress report on a one-off task leaves its deadline alone
    await report(ids.O, 'Đang rà soát.');
    expect((await detail(ids.O)).assignment.due).toBe('2025-07-25');
  });

  it('a period left without a report is overdue from the day after, and past days keep their bucket', async () => {
    t.setToday('2025-09-08');
    const late = await detail(ids.M);
    expect(late.assignment).toMatchObject({ due: '2025-09-05', bucket: 'open_overdue' });
    expect(late.assignment.daysOverdue).toBeLessThan(5);
    t.setToday('2025-09-09');
    await report(ids.M, 'Báo cáo tháng 8 (muộn).');
    const after = await detail(ids.M);
    expect(after.assignment).toMatchObject({ due: '2025-10-05', bucket: 'open_on_time' });
    // asked about 8 September, the list still shows that day's truth: overdue then
    const past = (await t.call(t.sessions.office, 'GET', `/api/assignments?asOf=2025-09-08&bucket=open_overdue`)).json();
    expect(past.items.map((i: { id: string }) => i.id)).toContain(ids.M);
    const mid = (await t.call(t.sessions.office, 'GET', `/api/assignments?asOf=2025-08-20&bucket=open_overdue`)).json();
    expect(mid.items.map((i: { id: string }) => i.id)).not.toContain(ids.M);
  });
});
