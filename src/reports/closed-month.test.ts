/**
 * A closed month never changes: after July ends, tasks are finished, extended, re-dated,
 * reassigned to another agency and cancelled; July's report, its ranking and the trend's June and July are byte-identical before
 * and after, and the report, the ranking and the dashboard counts show the same on-time rate.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackends } from '../db/testing';
import { createTestApp, type TestApp } from '../http/testing';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/sql';
import { rebuildBucketSummary } from '../assignments/bucket-summary';
import { completeOn, seedReportScenario, SETUP_TIMEOUT_MS } from './report-fixture';

describe.each(testBackends)('a closed month on %s', (backend) => {
  let t: TestApp;
  let id: (ref: string) => string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    ({ id } = await seedReportScenario(t));
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t.close(), SETUP_TIMEOUT_MS);

  const july = async () => {
    const report = await t.call(t.sessions.leader, 'GET', '/api/reports/monthly?month=2025-07');
    const ranking = await t.call(t.sessions.leader, 'GET', '/api/reports/ranking?from=2025-07-01&to=2025-07-31');
    const trend = (await t.call(t.sessions.leader, 'GET', '/api/reports/trend?months=12')).json();
    const points = trend.months.filter((p: { month: string }) => p.month <= '2025-07');
    return { report: report.body, ranking: ranking.body, trend: JSON.stringify(points) };
  };

  it('keeps July’s report, ranking and trend byte-identical after August’s work', async () => {
    t.setToday('2025-08-05');
    const before = await july();
    // Finish an overdue task, finish one within its deadline, re-date an overdue one, extend one, cancel one.
    await completeOn(t, id('3'), '2025-08-02');
    await completeOn(t, id('10'), '2025-08-03');
    t.setToday('2025-08-04');
    const moved = await t.call(t.sessions.office, 'POST', `/api/assignments/${id('4')}/deadline`, { due: '2025-08-30', reason: 'Điều chỉnh theo văn bản mới.' });
    expect(moved.statusCode, moved.body).toBe(200);
    const req = await t.call(t.sessions.office, 'POST', `/api/assignments/${id('5')}/extensions`, { requestedDue: '2025-09-15', reason: 'Chờ hướng dẫn.' });
    expect(req.statusCode, req.body).toBe(201);
    expect((await t.call(t.sessions.leader, 'POST', `/api/assignments/${id('5')}/extensions/${req.json().id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    expect((await t.call(t.sessions.office, 'POST', `/api/assignments/${id('9')}/cancel`, { reason: 'Không còn phù hợp.' })).statusCode).toBe(200);
    // Lý Bôn's overdue task goes to Sở Y tế: July still counts it for Lý Bôn, who led it then.
    const moved11 = await t.call(t.sessions.office, 'POST', `/api/assignments/${id('11')}/reassign`, { agencyId: t.agency.SYT, reason: 'Giao lại cho Sở Y tế.' });
    expect(moved11.statusCode, moved11.body).toBe(200);
    t.setToday('2025-08-20');
    const after = await july();
    expect(after.report).toBe(before.report);
    expect(after.ranking).toBe(before.ranking);
    expect(after.trend).toBe(before.trend);
    // August did change: the work shows there.
    const aug = (await t.call(t.sessions.leader, 'GET', '/api/reports/monthly?month=2025-08')).json();
    expect(aug.totals.counts).toMatchObject({ done_late: 3, open_overdue: 1 });
    const row = (r: { agencies: { agencyId: string; counts: Record<string, number> }[] }, agency: string) => r.agencies.find((a) => a.agencyId === agency)?.counts;
    expect(row(aug, t.agency.SYT)).toMatchObject({ open_overdue: 1 });
    expect(row(aug, t.agency['01294'])).toMatchObject({ open_overdue: 0, done_late: 1 });
    // July's drill-down follows July's agency: the task is in Lý Bôn's list, not in Sở Y tế's.
    const list = async (agency: string, asOf: string) =>
      (await t.call(t.sessions.leader, 'GET', `/api/assignments?asOf=${asOf}&agencyId=${agency}&bucket=open_overdue`)).json().items.map((a: { id: string; agencyId: string }) => [a.id, a.agencyId]);
    expect(await list(t.agency['01294'], '2025-07-31')).toContainEqual([id('11'), t.agency['01294']]);
    expect((await list(t.agency.SYT, '2025-07-31')).map((x: string[]) => x[0])).not.toContain(id('11'));
    expect(await list(t.agency.SYT, '2025-08-20')).toContainEqual([id('11'), t.agency.SYT]);
    // An officer's scope is the agency of the day too: Sở Y tế sees the task from its reassignment on.
    const sytSees = async (asOf: string) => (await t.call(t.sessions.syt, 'GET', `/api/assignments?asOf=${asOf}&limit=500`)).json().items.map((a: { id: string }) => a.id);
    expect(await sytSees('2025-07-31')).not.toContain(id('11'));
    expect(await sytSees('2025-08-20')).toContain(id('11'));
    const sytJuly = (await t.call(t.sessions.syt, 'GET', '/api/reports/monthly?month=2025-07')).json();
    expect(sytJuly.totals.total).toBe(3);
    // The summary kept by each change equals the one rebuilt from the rows (cells summing to 0 aside).
    const cells = async () => JSON.stringify(await queryRows(t.ctx.db, sql`select agency_id, day::text, bucket, n from bucket_summary where n <> 0 order by 1, 2, 3`));
    const kept = await cells();
    await rebuildBucketSummary(t.ctx.db);
    expect(await cells()).toBe(kept);
  });

  it('shows one on-time rate on the dashboard counts, the report and the ranking for the same day and scope', async () => {
    const report = (await t.call(t.sessions.leader, 'GET', '/api/reports/monthly?month=2025-07')).json();
    const counts = (await t.call(t.sessions.leader, 'GET', '/api/assignments/counts?asOf=2025-07-31')).json();
    expect(counts.onTimeRate).toBe(report.totals.onTimeRate);
    expect(counts.onTimeRateFormula).toBe(report.onTimeRateFormula);
    expect(counts.onTimeRateArithmetic).toBe('3 ÷ (3 + 1 + 5) = 33,33 %');
    const syt = t.agency.SYT;
    const countsRow = counts.agencies.find((a: { agencyId: string }) => a.agencyId === syt);
    const reportRow = report.agencies.find((a: { agencyId: string }) => a.agencyId === syt);
    expect(countsRow.onTimeRate).toBe(reportRow.onTimeRate);
    // Every task of Y tế is due in July, so the July ranking covers the same tasks.
    const ranking = (await t.call(t.sessions.leader, 'GET', '/api/reports/ranking?from=2025-07-01&to=2025-07-31')).json();
    expect(ranking.agencies.find((a: { agencyId: string }) => a.agencyId === syt).onTimeRate).toBe(reportRow.onTimeRate);
  });
});
