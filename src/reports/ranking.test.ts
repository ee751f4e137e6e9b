import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackends } from '../db/testing';
import { createTestApp, type TestApp } from '../http/testing';
import { seedReportScenario, SETUP_TIMEOUT_MS } from './report-fixture';

describe.each(testBackends)('agency ranking on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    await seedReportScenario(t);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t.close(), SETUP_TIMEOUT_MS);

  it('ranks by on-time rate among tasks due in the period, ties by fewer overdue', async () => {
    const res = await t.call(t.sessions.leader, 'GET', '/api/reports/ranking?from=2025-07-01&to=2025-07-31');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.rule).toContain('tỷ lệ hoàn thành đúng hạn');
    expect(r.rule).toContain('ít nhiệm vụ quá hạn hơn');
    const rows = r.agencies.map((a: { rank: number; agencyName: string; due: number; doneOnTime: number; overdue: number }) => [a.rank, a.agencyName, a.due, a.doneOnTime, a.overdue]);
    expect(rows).toEqual([
      [1, 'Sở Tài chính', 2, 1, 1],
      [2, 'Sở Y tế', 3, 1, 2],
      [3, 'UBND xã Bảo Lâm', 1, 0, 1],
      [4, 'UBND xã Lý Bôn', 2, 0, 2],
    ]);
    expect(r.agencies[0].onTimeRate).toBe(0.5);
  });

  it('includes earlier deadlines when the period does, and leaves out agencies with nothing due', async () => {
    const r = (await t.call(t.sessions.viewer, 'GET', '/api/reports/ranking?from=2025-06-01&to=2025-07-31')).json();
    expect(r.agencies[0]).toMatchObject({ rank: 1, agencyName: 'Sở Nông nghiệp và Môi trường', onTimeRate: 1 });
    const aug = (await t.call(t.sessions.viewer, 'GET', '/api/reports/ranking?from=2025-08-01&to=2025-08-31')).json();
    expect(aug.agencies.map((a: { agencyName: string }) => a.agencyName)).toEqual(['Sở Tài chính']);
  });

  it('shares a rank on equal rate and equal overdue', async () => {
    const r = (await t.call(t.sessions.viewer, 'GET', '/api/reports/ranking?from=2025-07-15&to=2025-07-15')).json();
    // Only task 9 (Bảo Lâm) is due that day.
    expect(r.agencies).toHaveLength(1);
    const r2 = (await t.call(t.sessions.viewer, 'GET', '/api/reports/ranking?from=2025-07-05&to=2025-07-16')).json();
    // Y tế: 1 on time of 3 due (one late, one overdue); Bảo Lâm and Lý Bôn: 0 of 1, one overdue each → same rank.
    expect(r2.agencies.map((a: { rank: number; agencyName: string }) => [a.rank, a.agencyName])).toEqual([
      [1, 'Sở Y tế'],
      [2, 'UBND xã Bảo Lâm'],
      [2, 'UBND xã Lý Bôn'],
    ]);
  });

  it('scopes an agency officer to their agency and checks the period', async () => {
    const r = (await t.call(t.sessions.syt, 'GET', '/api/reports/ranking?from=2025-07-01&to=2025-07-31')).json();
    expect(r.agencies.map((a: { agencyName: string }) => a.agencyName)).toEqual(['Sở Y tế']);
    expect((await t.call(t.sessions.syt, 'GET', '/api/reports/ranking?from=2025-08-01&to=2025-07-01')).statusCode).toBe(400);
  });

  it('defaults to the current year', async () => {
    const r = (await t.call(t.sessions.leader, 'GET', '/api/reports/ranking')).json();
    expect([r.from, r.to]).toEqual(['2025-01-01', '2025-12-31']);
  });
});
