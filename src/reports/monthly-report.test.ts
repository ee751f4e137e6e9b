import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackends } from '../db/testing';
import { createTestApp, type TestApp } from '../http/testing';
import { seedReportScenario, SETUP_TIMEOUT_MS } from './report-fixture';

describe.each(testBackends)('monthly report on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    await seedReportScenario(t);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t.close(), SETUP_TIMEOUT_MS);

  it('counts the five buckets per agency as of the month’s last day', async () => {
    const res = await t.call(t.sessions.leader, 'GET', '/api/reports/monthly?month=2025-07');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.asOf).toBe('2025-07-31');
    const by = (id: string) => r.agencies.find((a: { agencyId: string }) => a.agencyId === id);
    expect(by(t.agency.SYT)).toMatchObject({ total: 3, counts: { done_on_time: 1, done_late: 1, open_on_time: 0, open_overdue: 1, no_deadline: 0 } });
    expect(by(t.agency.SYT).onTimeRate).toBeCloseTo(1 / 3);
    expect(by(t.agency.STC)).toMatchObject({ total: 4, counts: { done_on_time: 1, done_late: 0, open_on_time: 1, open_overdue: 1, no_deadline: 1 }, onTimeRate: 0.5 });
    expect(by(t.agency.SNNMT)).toMatchObject({ total: 1, onTimeRate: 1 });
    expect(r.totals).toMatchObject({ total: 11, counts: { done_on_time: 3, done_late: 1, open_on_time: 1, open_overdue: 5, no_deadline: 1 } });
    expect(r.rule).toContain('Tỷ lệ đúng hạn');
  });

  it('lists the overdue tasks with their days overdue on that day', async () => {
    const r = (await t.call(t.sessions.office, 'GET', '/api/reports/monthly?month=2025-07')).json();
    const days = Object.fromEntries(r.overdue.map((o: { ref: string; daysOverdue: number }) => [o.ref, o.daysOverdue]));
    // Working days (2025-07-31 is a Thursday): 26 calendar days from Saturday 5/7 are 19 working days.
    expect(days).toEqual({ '3': 19, '4': 4, '9': 12, '10': 11, '11': 10 });
  });

  it('agrees with /api/assignments/counts for the same date', async () => {
    for (const month of ['2025-06', '2025-07', '2025-08']) {
      const r = (await t.call(t.sessions.viewer, 'GET', `/api/reports/monthly?month=${month}`)).json();
      const c = (await t.call(t.sessions.viewer, 'GET', `/api/assignments/counts?asOf=${r.asOf}`)).json();
      for (const a of c.agencies) {
        const mine = r.agencies.find((x: { agencyId: string }) => x.agencyId === a.agencyId);
        for (const b of ['done_on_time', 'done_late', 'open_on_time', 'open_overdue', 'no_deadline']) expect(mine.counts[b], `${month} ${a.agencyName} ${b}`).toBe(a.counts[b]);
      }
      for (const b of ['done_on_time', 'done_late', 'open_on_time', 'open_overdue', 'no_deadline']) expect(r.totals.counts[b]).toBe(c.totals[b]);
    }
  });

  it('uses today for the running month', async () => {
    const r = (await t.call(t.sessions.leader, 'GET', '/api/reports/monthly?month=2025-08')).json();
    expect(r.asOf).toBe('2025-08-05');
  });

  it('shows an agency officer only their agency', async () => {
    const r = (await t.call(t.sessions.syt, 'GET', '/api/reports/monthly?month=2025-07')).json();
    expect(r.agencies.map((a: { agencyId: string }) => a.agencyId)).toEqual([t.agency.SYT]);
    expect(r.overdue.every((o: { agencyId: string }) => o.agencyId === t.agency.SYT)).toBe(true);
    const other = (await t.call(t.sessions.syt, 'GET', `/api/reports/monthly?month=2025-07&agencyId=${t.agency.STC}`)).json();
    expect(other.agencies).toEqual([]);
    expect(other.overdue).toEqual([]);
  });

  it('documents the report endpoints in the OpenAPI description', async () => {
    const paths = Object.keys((await t.call(null, 'GET', '/api/openapi.json')).json().paths);
    for (const p of ['/api/assignments/export.xlsx', '/api/reports/monthly', '/api/reports/monthly.docx', '/api/reports/monthly.pdf', '/api/reports/ranking', '/api/reports/trend']) expect(paths).toContain(p);
  });

  it('rejects a malformed month and anonymous callers', async () => {
    expect((await t.call(t.sessions.leader, 'GET', '/api/reports/monthly?month=2025-13')).statusCode).toBe(400);
    expect((await t.call(null, 'GET', '/api/reports/monthly?month=2025-07')).statusCode).toBe(401);
  });
});
