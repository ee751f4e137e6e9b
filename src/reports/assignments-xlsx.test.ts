/** The list exported to Excel: same rows as the list, real dates, scoped like the list. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import ExcelJS from 'exceljs';
import { testBackends } from '../db/testing';
import { createTestApp, type TestApp } from '../http/testing';
import { SCENARIO_TODAY, seedReportScenario, SETUP_TIMEOUT_MS } from './report-fixture';
import { publishTestDocument } from '../http/testing';
import { LIST_HEADER_ROW, streamAssignmentsXlsx } from './assignments-xlsx';
import { SYSTEM_ACTOR } from '../auth/actor';

async function readXlsx(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0];
}
const H = LIST_HEADER_ROW;
/** Rows after the header (the title block above it is not data). */
const dataRows = (ws: ExcelJS.Worksheet) => ws.rowCount - H;
/** Column numbers by header, so the test reads like the sheet. */
const col = (name: string) => COLS.indexOf(name) + 1;
const COLS = [
  'STT',
  'Số văn bản',
  'Mục',
  'Nội dung nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Hạn xử lý',
  'Lịch sử hạn xử lý',
  'Trạng thái',
  'Phân loại',
  'Tiến độ (%)',
  'Báo cáo gần nhất',
  'Ngày hoàn thành',
];

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe.each(testBackends)('xlsx export on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    await seedReportScenario(t);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t.close(), SETUP_TIMEOUT_MS);

  it('exports the current view under the title block, with a bold, frozen, filtered header and real dates', async () => {
    const res = await t.call(t.sessions.office, 'GET', '/api/assignments/export.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('nhiem-vu-2025-08-05.xlsx');
    const ws = await readXlsx(res.rawPayload);
    // Title block: letterhead, national title and motto, place and date, title, as-of day.
    expect(ws.getCell('A1').value).toBe('UBND TỈNH');
    expect(ws.getCell('A2').value).toBe('VĂN PHÒNG');
    expect(String(ws.getRow(1).values)).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(String(ws.getRow(2).values)).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(String(ws.getRow(3).values)).toContain('ngày 05 tháng 8 năm 2025');
    expect(ws.getCell('A5').value).toBe('DANH SÁCH NHIỆM VỤ');
    expect(String(ws.getCell('A6').value)).toContain('tính đến ngày 05/08/2025');
    expect(ws.getCell('A5').isMerged).toBe(true);

    expect((ws.getRow(H).values as unknown[]).slice(1)).toEqual(COLS);
    expect(ws.getRow(H).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: H });
    expect(ws.autoFilter).toBeTruthy();
    expect(dataRows(ws)).toBe(11);

    const list = (await t.call(t.sessions.office, 'GET', '/api/assignments?limit=500')).json().items;
    const rows = Array.from({ length: 11 }, (_, i) => ws.getRow(H + 1 + i));
    expect(rows.map((r) => r.getCell(col('Mục')).value)).toEqual(list.map((a: { ref: string }) => a.ref));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));

    const byRef = (ref: string) => rows.find((r) => r.getCell(col('Mục')).value === ref)!;
    const r2 = byRef('2');
    expect(r2.getCell(col('Số văn bản')).value).toBe('1/TB-TEST');
    expect(r2.getCell(col('Cơ quan chủ trì')).value).toBe('Sở Y tế');
    expect(r2.getCell(col('Hạn xử lý')).value).toEqual(new Date('2025-07-10T00:00:00Z'));
    expect(r2.getCell(col('Hạn xử lý')).numFmt).toBe('dd/mm/yyyy');
    expect(r2.getCell(col('Lịch sử hạn xử lý')).value).toBe('Hạn ban đầu: 10/07/2025');
    expect(r2.getCell(col('Trạng thái')).value).toBe('Đã hoàn thành');
    expect(r2.getCell(col('Phân loại')).value).toBe('Đã hoàn thành quá hạn');
    expect(r2.getCell(col('Tiến độ (%)')).value).toBe(100);
    expect(r2.getCell(col('Báo cáo gần nhất')).value).toBe('15/07/2025 (báo cáo hoàn thành): Đã hoàn thành.');
    expect(r2.getCell(col('Ngày hoàn thành')).value).toEqual(new Date('2025-07-15T00:00:00Z'));
    expect(r2.getCell(col('Ngày hoàn thành')).numFmt).toBe('dd/mm/yyyy');
    expect(byRef('3').getCell(col('Phân loại')).value).toBe('Chưa hoàn thành, quá hạn');
    expect(byRef('3').getCell(col('Báo cáo gần nhất')).value ?? '').toBe('');
    expect(byRef('6').getCell(col('Phân loại')).value).toBe('Không có hạn');
  });

  it('applies the list filters', async () => {
    const res = await t.call(t.sessions.leader, 'GET', `/api/assignments/export.xlsx?bucket=open_overdue&agencyId=${t.agency.SYT}&asOf=2025-07-31`);
    const ws = await readXlsx(res.rawPayload);
    expect(dataRows(ws)).toBe(1);
    expect(ws.getRow(H + 1).getCell(col('Mục')).value).toBe('3');
    const bad = await t.call(t.sessions.leader, 'GET', '/api/assignments/export.xlsx?bucket=nope');
    expect(bad.statusCode).toBe(400);
  });

  it('exports only the officer’s own agency, whatever the filter says', async () => {
    const own = await readXlsx((await t.call(t.sessions.stc, 'GET', '/api/assignments/export.xlsx')).rawPayload);
    const agencies = new Set(Array.from({ length: dataRows(own) }, (_, i) => own.getRow(H + 1 + i).getCell(col('Cơ quan chủ trì')).value));
    expect([...agencies]).toEqual(['Sở Tài chính']);
    expect(dataRows(own)).toBe(4);
    const other = await readXlsx((await t.call(t.sessions.stc, 'GET', `/api/assignments/export.xlsx?agencyId=${t.agency.SYT}`)).rawPayload);
    expect(dataRows(other)).toBe(0);
  });

  it('walks the cursor across pages and stops at the row limit with a note', async () => {
    const all = await readXlsx(await collect(await streamAssignmentsXlsx(t.ctx.db, SYSTEM_ACTOR, { asOf: '2025-08-05', sort: '-due' }, { pageSize: 3 })));
    expect(dataRows(all)).toBe(11);
    const refs = Array.from({ length: 11 }, (_, i) => all.getRow(H + 1 + i).getCell(col('Mục')).value);
    expect(new Set(refs).size).toBe(11);
    expect(refs[0]).toBe('6'); // no deadline first when sorting by deadline, latest first
    const cut = await readXlsx(await collect(await streamAssignmentsXlsx(t.ctx.db, SYSTEM_ACTOR, { asOf: '2025-08-05' }, { maxRows: 4, pageSize: 3 })));
    expect(cut.getRow(H + 4).getCell(1).value).toBe(4);
    expect(String(cut.getRow(H + 5).getCell(2).value)).toContain('Chỉ xuất 4 dòng đầu');
  });

  it('shows the supporting agencies, the latest report up to the as-of day and the deadline history', async () => {
    t.setToday('2025-06-01');
    const { assignments } = await publishTestDocument(t, [
      { ref: 'P1', text: 'Sở Y tế phối hợp kiểm tra bếp ăn tập thể.', leads: ['Sở Y tế'], supports: ['Sở Tài chính', 'Sở Nông nghiệp và Môi trường'], due: '2025-08-10' },
    ]);
    const id = assignments[0].id;
    t.setToday('2025-08-01');
    expect((await t.call(t.sessions.syt, 'POST', `/api/assignments/${id}/progress`, { text: 'Đã kiểm tra 12/20 bếp ăn.', percent: 60 })).statusCode).toBe(201);
    const ext = await t.call(t.sessions.syt, 'POST', `/api/assignments/${id}/extensions`, { requestedDue: '2025-08-30', reason: 'Chờ kết quả xét nghiệm.' });
    expect(ext.statusCode, ext.body).toBe(201);
    t.setToday('2025-08-03');
    expect((await t.call(t.sessions.office, 'POST', `/api/assignments/${id}/extensions/${ext.json().id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    t.setToday('2025-08-04');
    expect((await t.call(t.sessions.syt, 'POST', `/api/assignments/${id}/progress`, { text: 'Đã kiểm tra 18/20 bếp ăn.', percent: 90 })).statusCode).toBe(201);
    t.setToday(SCENARIO_TODAY);

    const row = async (asOf: string) => {
      const ws = await readXlsx((await t.call(t.sessions.office, 'GET', `/api/assignments/export.xlsx?asOf=${asOf}&q=bep an tap the`)).rawPayload);
      expect(dataRows(ws)).toBe(1);
      const r = ws.getRow(H + 1);
      return {
        supports: r.getCell(col('Cơ quan phối hợp')).value,
        due: r.getCell(col('Hạn xử lý')).value,
        history: r.getCell(col('Lịch sử hạn xử lý')).value,
        latest: r.getCell(col('Báo cáo gần nhất')).value,
        state: r.getCell(col('Trạng thái')).value,
        percent: r.getCell(col('Tiến độ (%)')).value,
      };
    };
    expect(await row('2025-08-05')).toEqual({
      supports: 'Sở Tài chính; Sở Nông nghiệp và Môi trường',
      due: new Date('2025-08-30T00:00:00Z'),
      history: 'Hạn ban đầu: 10/08/2025\nGia hạn lần 1: 10/08/2025 → 30/08/2025',
      latest: '04/08/2025 (90%): Đã kiểm tra 18/20 bếp ăn.',
      // changed since that day (this test's clock is set back): the as-of classification, not today's state
      state: 'Chưa hoàn thành',
      percent: 90,
    });
    // On 2 August only the first report existed, and the extension approved on 3 August was not
    // yet in force: neither its line in the history nor its deadline appear.
    expect(await row('2025-08-02')).toMatchObject({
      due: new Date('2025-08-10T00:00:00Z'),
      history: 'Hạn ban đầu: 10/08/2025',
      latest: '01/08/2025 (60%): Đã kiểm tra 12/20 bếp ăn.',
      // the state and percent of that day, not the later 90 %
      percent: 60,
    });
    // Before any report, nothing was reported yet; the task was open.
    expect(await row('2025-07-15')).toMatchObject({ state: 'Chưa hoàn thành', percent: 0, latest: null });
    expect(await row('2025-08-03')).toMatchObject({ history: 'Hạn ban đầu: 10/08/2025\nGia hạn lần 1: 10/08/2025 → 30/08/2025' });
  });
});
