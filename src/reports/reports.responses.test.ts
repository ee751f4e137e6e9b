/**
 * The report routes' response schemas serialize their answers: a field missing from a schema
 * would silently vanish. Each JSON answer must equal what the report function computes.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, publishTestDocument, type TestApp } from '../http/testing';
import { SYSTEM_ACTOR } from '../auth/actor';
import { buildMonthlyReport } from './monthly-report';
import { rankAgencies } from './ranking';
import { buildTrend } from './trend';

const json = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('report answers are sent whole', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { today: '2025-07-20' });
    await publishTestDocument(t, [
      { ref: '1', text: 'Sở Y tế rà soát.', leads: ['Sở Y tế'], due: '2025-07-10' },
      { ref: '2', text: 'Sở Tài chính tổng hợp.', leads: ['Sở Tài chính'], due: '2025-08-31' },
    ]);
  });
  afterAll(() => t.close());

  it('monthly report, ranking and trend', async () => {
    const today = '2025-07-20';
    const monthly = await t.call(t.sessions.admin, 'GET', '/api/reports/monthly?month=2025-07');
    expect(monthly.statusCode).toBe(200);
    expect(monthly.json()).toEqual(json(await buildMonthlyReport(t.database.db, SYSTEM_ACTOR, { month: '2025-07', today })));
    expect(monthly.json().overdue.length).toBe(1);
    const ranking = await t.call(t.sessions.admin, 'GET', '/api/reports/ranking?from=2025-01-01&to=2025-12-31');
    expect(ranking.statusCode).toBe(200);
    expect(ranking.json()).toEqual(json(await rankAgencies(t.database.db, SYSTEM_ACTOR, { from: '2025-01-01', to: '2025-12-31', today, weights: {} })));
    const trend = await t.call(t.sessions.admin, 'GET', '/api/reports/trend?months=3');
    expect(trend.statusCode).toBe(200);
    expect(trend.json()).toEqual(json(await buildTrend(t.database.db, SYSTEM_ACTOR, { months: 3, today })));
  });

  it('province settings, and a file download still sent as bytes', async () => {
    const put = await t.call(t.sessions.admin, 'PUT', '/api/settings/province', { name: 'Cao Bằng', signerName: 'Nguyễn Văn A' });
    expect(put.statusCode).toBe(200);
    expect(put.json().province).toEqual({ name: 'Cao Bằng', signerName: 'Nguyễn Văn A' });
    expect(put.json().letterhead).toMatchObject({ governingBody: 'UBND TỈNH CAO BẰNG', signerName: 'Nguyễn Văn A', place: 'Cao Bằng' });
    const get = await t.call(t.sessions.admin, 'GET', '/api/settings/province');
    expect(get.json()).toEqual(put.json());
    const docx = await t.call(t.sessions.admin, 'GET', '/api/reports/monthly.docx?month=2025-07');
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
