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
    // August runs (today 05/08): Tài chính's task due 15/08 has not come due, so nobody is ranked yet.
    const aug = (await t.call(t.sessions.viewer, 'GET', '/api/reports/ranking?from=2025-08-01&to=2025-08-31')).json();
    expect(aug.asOf).toBe('2025-08-05');
    expect(aug.agencies).toEqual([]);
    expect(aug.unranked.map((a: { agencyName: string }) => a.agencyName)).toEqual(['Sở Tài chính']);
  });

  it('shares a rank on equal rate and equal overdue', async () => {
    // Only task 9 (Bảo Lâm) is due that day, and on that day (the period's end) it is not yet late.
    const r = (await t.call(t.sessions.viewer, 'GET', '/api/reports/ranking?from=2025-07-15&to=2025-07-15')).json();
    expect(r.asOf).toBe('2025-07-15');
    expect(r.agencies).toHaveLength(0);
    expect(r.unranked).toHaveLength(1);
    const r2 = (await t.call(t.sessions.viewer, 'GET', '/api/reports/ranking?from=2025-07-05&to=2025-07-17')).json();
    // On 17/07: Y tế 1 on time of 3 (one late, one overdue); Bảo Lâm and Lý Bôn: 0 of 1 come due, one overdue each
    // (Lý Bôn's task due 17/07 is not yet late) → same rank.
    expect(r2.agencies.map((a: { rank: number; agencyName: string }) => [a.rank, a.agencyName])).toEqual([
      [1, 'Sở Y tế'],
      [2, 'UBND xã Bảo Lâm'],
      [2, 'UBND xã Lý Bôn'],
    ]);
  });

  it('shows the arithmetic of each score and takes the office’s weights', async () => {
    const r = (await t.call(t.sessions.viewer, 'GET', '/api/reports/ranking?from=2025-07-01&to=2025-07-31')).json();
    expect(r.formula).toContain('Điểm =');
    expect(r.agencies.find((a: { agencyName: string }) => a.agencyName === 'Sở Y tế')).toMatchObject({ counted: 3, score: 1 / 3, arithmetic: '(1 × 1 + 0 × 1 − 0 × 1) ÷ 3 = 0,3333' });
    // Late work worth half, open overdue work −1: Y tế (1 + 0,5 − 1) ÷ 3 now ranks above Tài chính (1 − 1) ÷ 2.
    const w = (await t.call(t.sessions.viewer, 'GET', '/api/reports/ranking?from=2025-07-01&to=2025-07-31&wLate=0.5&wOverdue=1')).json();
    expect(w.weights).toEqual({ onTime: 1, late: 0.5, overdue: 1 });
    expect(w.agencies.map((a: { rank: number; agencyName: string; score: number }) => [a.rank, a.agencyName, Math.round(a.score * 1000) / 1000])).toEqual([
      [1, 'Sở Y tế', 0.167],
      [2, 'Sở Tài chính', 0],
      // Same score and rate: fewer overdue tasks first.
      [3, 'UBND xã Bảo Lâm', -1],
      [4, 'UBND xã Lý Bôn', -1],
    ]);
    expect((await t.call(t.sessions.viewer, 'GET', '/api/reports/ranking?wLate=-1')).statusCode).toBe(400);
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
