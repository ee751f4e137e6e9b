import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackends } from '../db/testing';
import { createTestApp, type TestApp } from '../http/testing';
import { completeOn, seedReportScenario, SETUP_TIMEOUT_MS } from './report-fixture';

describe.each(testBackends)('monthly trend on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    const { id } = await seedReportScenario(t);
    // Task 3 (due 05/07) is finished late in August: it still counts as overdue at the end of July.
    await completeOn(t, id('3'), '2025-08-02');
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t.close(), SETUP_TIMEOUT_MS);

  it('counts completions in each month and open overdue tasks at each month’s end', async () => {
    const res = await t.call(t.sessions.leader, 'GET', '/api/reports/trend?months=3');
    expect(res.statusCode, res.body).toBe(200);
    const pts = res.json().months.map((p: { month: string; asOf: string; doneOnTime: number; doneLate: number; openOverdue: number }) => [p.month, p.asOf, p.doneOnTime, p.doneLate, p.openOverdue]);
    expect(pts).toEqual([
      ['2025-06', '2025-06-30', 1, 0, 0],
      ['2025-07', '2025-07-31', 2, 1, 5],
      ['2025-08', '2025-08-05', 0, 1, 4],
    ]);
  });

  it('defaults to twelve months ending with the current one', async () => {
    const r = (await t.call(t.sessions.viewer, 'GET', '/api/reports/trend')).json();
    expect(r.months).toHaveLength(12);
    expect(r.months[0].month).toBe('2024-09');
    expect(r.months[11].month).toBe('2025-08');
  });

  it('scopes an agency officer to their agency', async () => {
    const r = (await t.call(t.sessions.syt, 'GET', '/api/reports/trend?months=2')).json();
    expect(r.months.map((p: { doneOnTime: number; doneLate: number; openOverdue: number }) => [p.doneOnTime, p.doneLate, p.openOverdue])).toEqual([
      [1, 1, 1],
      [0, 1, 0],
    ]);
    expect((await t.call(t.sessions.syt, 'GET', '/api/reports/trend?months=99')).statusCode).toBe(400);
  });
});
