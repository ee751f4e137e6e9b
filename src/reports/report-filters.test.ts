/**
 * The monthly report narrowed to a leader in charge, a document or an agency group: the counts,
 * the overdue list and the exports follow the filter, and every number drills down (the list with
 * the same filters, its bucket and the report's day) to exactly the tasks it counts.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { testBackends } from '../db/testing';
import { createTestApp, publishTestDocument, type TestApp } from '../http/testing';
import { completeOn, seedReportScenario, SETUP_TIMEOUT_MS } from './report-fixture';

const BUCKETS = ['done_on_time', 'done_late', 'open_on_time', 'open_overdue', 'no_deadline'] as const;
type Report = {
  asOf: string;
  scope: string | null;
  filters: Record<string, string>;
  agencies: { agencyId: string; agencyName: string; total: number; counts: Record<string, number> }[];
  totals: { total: number; counts: Record<string, number> };
  overdue: { assignmentId: string }[];
};

describe.each(testBackends)('monthly report filters on %s', (backend) => {
  let t: TestApp;
  let leaderId: string;
  let doc2: string;
  let communes: string;
  let ids2: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(backend);
    await seedReportScenario(t);
    leaderId = (await t.call(t.sessions.admin, 'GET', '/api/users')).json().items.find((u: { username: string }) => u.username === 'leader').id;
    communes = (await t.call(t.sessions.admin, 'GET', '/api/groups')).json().items.find((g: { name: string }) => g.name === 'UBND cấp xã').id;
    t.setToday('2025-07-01');
    // A second notice whose tasks the leader follows; one is done on time, one overdue on 31/07, one due in August.
    const items = [
      { ref: 'A', text: 'Sở Y tế kiểm tra công tác phòng chống dịch.', leads: ['Sở Y tế'], due: '2025-07-20', leaderId: '' },
      { ref: 'B', text: 'UBND xã Bảo Lâm hoàn thành sắp xếp thôn, tổ dân phố.', leads: ['UBND xã Bảo Lâm'], due: '2025-08-20', leaderId: '' },
      { ref: 'C', text: 'UBND xã Lý Bôn báo cáo kết quả giải ngân.', leads: ['UBND xã Lý Bôn'], due: '2025-07-10', leaderId: '' },
    ].map((i) => ({ ...i, leaderId }));
    const pub = await publishTestDocument(t, items);
    doc2 = pub.documentId;
    ids2 = Object.fromEntries(pub.assignments.map((a) => [a.ref, a.id]));
    await completeOn(t, ids2.C, '2025-07-09');
    t.setToday('2025-08-05');
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t.close(), SETUP_TIMEOUT_MS);

  const report = async (q: string): Promise<Report> => {
    const res = await t.call(t.sessions.leader, 'GET', `/api/reports/monthly?month=2025-07${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const drill = async (q: string, asOf: string, bucket: string, agencyId?: string): Promise<string[]> => {
    const items: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/assignments?asOf=${asOf}${q}&bucket=${bucket}&limit=2${agencyId ? `&agencyId=${agencyId}` : ''}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.call(t.sessions.leader, 'GET', url);
      expect(res.statusCode, res.body).toBe(200);
      items.push(...res.json().items.map((a: { id: string }) => a.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    return items;
  };
  /** Every number of the report, drilled down, gives as many tasks; the overdue list is the overdue drill-down. */
  const everyNumberDrillsDown = async (r: Report, q: string) => {
    for (const a of r.agencies) for (const b of BUCKETS) expect((await drill(q, r.asOf, b, a.agencyId)).length, `${a.agencyName} ${b}`).toBe(a.counts[b]);
    for (const b of BUCKETS) expect((await drill(q, r.asOf, b)).length, `total ${b}`).toBe(r.totals.counts[b]);
    expect(new Set(await drill(q, r.asOf, 'open_overdue'))).toEqual(new Set(r.overdue.map((o) => o.assignmentId)));
  };

  it('narrows to the leader in charge', async () => {
    const q = `&leaderId=${leaderId}`;
    const r = await report(q);
    expect(r.filters).toEqual({ leaderId });
    expect(r.scope).toBe('Phạm vi báo cáo: nhiệm vụ do đồng chí leader phụ trách.');
    // On 31/07: A overdue (Y tế), B open in time (Bảo Lâm), C done on time (Lý Bôn).
    expect(r.totals).toMatchObject({ total: 3, counts: { done_on_time: 1, open_on_time: 1, open_overdue: 1, done_late: 0, no_deadline: 0 } });
    expect(r.overdue.map((o) => o.assignmentId)).toEqual([ids2.A]);
    await everyNumberDrillsDown(r, q);
  });

  it('narrows to a document', async () => {
    const q = `&documentId=${doc2}`;
    const r = await report(q);
    expect(r.totals.total).toBe(3);
    expect(r.scope).toContain('văn bản số 1/TB-TEST');
    await everyNumberDrillsDown(r, q);
  });

  it('narrows to an agency group (the communes) and combines with the other filters', async () => {
    const q = `&groupId=${communes}`;
    const r = await report(q);
    expect(r.agencies.map((a) => a.agencyName).sort()).toEqual(['UBND xã Bảo Lâm', 'UBND xã Lý Bôn']);
    // Scenario: 9, 10, 11 overdue; notice 2: B in time, C done on time.
    expect(r.totals).toMatchObject({ total: 5, counts: { open_overdue: 3, open_on_time: 1, done_on_time: 1 } });
    expect(r.scope).toBe('Phạm vi báo cáo: cơ quan chủ trì thuộc nhóm UBND cấp xã.');
    await everyNumberDrillsDown(r, q);
    const both = await report(`${q}&leaderId=${leaderId}`);
    expect(both.totals).toMatchObject({ total: 2, counts: { open_on_time: 1, done_on_time: 1 } });
    await everyNumberDrillsDown(both, `${q}&leaderId=${leaderId}`);
    // The dashboard counts answer the same for the same filters and day.
    const counts = (await t.call(t.sessions.leader, 'GET', `/api/assignments/counts?asOf=${r.asOf}${q}`)).json();
    for (const b of BUCKETS) expect(counts.totals[b]).toBe(r.totals.counts[b]);
  });

  it('carries the filter into the .docx, .pdf and .xlsx', async () => {
    const q = `&leaderId=${leaderId}`;
    const docx = await t.call(t.sessions.leader, 'GET', `/api/reports/monthly.docx?month=2025-07${q}`);
    expect(docx.statusCode).toBe(200);
    const { value: text } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(text).toContain('Phạm vi báo cáo: nhiệm vụ do đồng chí leader phụ trách.');
    expect(text).toContain('tổng số nhiệm vụ do Chủ tịch, các Phó Chủ tịch UBND tỉnh giao đang theo dõi là 3 nhiệm vụ');
    const xlsx = await t.call(t.sessions.leader, 'GET', `/api/reports/monthly.xlsx?month=2025-07${q}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    expect(cells).toContain('Phạm vi báo cáo: nhiệm vụ do đồng chí leader phụ trách.');
    const pdf = await t.call(t.sessions.leader, 'GET', `/api/reports/monthly.pdf?month=2025-07${q}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
  });

  it('answers an unknown filter with a Vietnamese 404 and a malformed one with 400', async () => {
    const unknown = await t.call(t.sessions.leader, 'GET', '/api/reports/monthly?month=2025-07&groupId=00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toBe('Không tìm thấy nhóm cơ quan dùng để lọc báo cáo.');
    expect((await t.call(t.sessions.leader, 'GET', '/api/reports/monthly?month=2025-07&leaderId=abc')).statusCode).toBe(400);
  });
});
