/** The list exported to Excel: same rows as the list, real dates, scoped like the list. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import ExcelJS from 'exceljs';
import { testBackends } from '../db/testing';
import { createTestApp, type TestApp } from '../http/testing';
import { seedReportScenario, SETUP_TIMEOUT_MS } from './report-fixture';
import { streamAssignmentsXlsx } from './assignments-xlsx';
import { SYSTEM_ACTOR } from '../auth/actor';

async function readXlsx(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

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

  it('exports the current view with a bold, frozen, filtered header and real dates', async () => {
    const res = await t.call(t.sessions.office, 'GET', '/api/assignments/export.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('nhiem-vu-2025-08-05.xlsx');
    const ws = await readXlsx(res.rawPayload);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Số văn bản',
      'Mục',
      'Nội dung nhiệm vụ',
      'Cơ quan chủ trì',
      'Hạn xử lý',
      'Trạng thái',
      'Phân loại',
      'Tiến độ (%)',
      'Ngày hoàn thành',
    ]);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.actualRowCount).toBe(12);

    const list = (await t.call(t.sessions.office, 'GET', '/api/assignments?limit=500')).json().items;
    const rows = Array.from({ length: 11 }, (_, i) => ws.getRow(i + 2));
    expect(rows.map((r) => r.getCell(3).value)).toEqual(list.map((a: { ref: string }) => a.ref));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));

    const byRef = (ref: string) => rows.find((r) => r.getCell(3).value === ref)!;
    const r2 = byRef('2');
    expect(r2.getCell(2).value).toBe('1/TB-TEST');
    expect(r2.getCell(5).value).toBe('Sở Y tế');
    expect(r2.getCell(6).value).toEqual(new Date('2025-07-10T00:00:00Z'));
    expect(r2.getCell(6).numFmt).toBe('dd/mm/yyyy');
    expect(r2.getCell(7).value).toBe('Đã hoàn thành');
    expect(r2.getCell(8).value).toBe('Đã hoàn thành quá hạn');
    expect(r2.getCell(9).value).toBe(100);
    expect(r2.getCell(10).value).toEqual(new Date('2025-07-15T00:00:00Z'));
    expect(r2.getCell(10).numFmt).toBe('dd/mm/yyyy');
    expect(byRef('3').getCell(8).value).toBe('Chưa hoàn thành, quá hạn');
    expect(byRef('6').getCell(8).value).toBe('Không có hạn');
  });

  it('applies the list filters', async () => {
    const res = await t.call(t.sessions.leader, 'GET', `/api/assignments/export.xlsx?bucket=open_overdue&agencyId=${t.agency.SYT}&asOf=2025-07-31`);
    const ws = await readXlsx(res.rawPayload);
    expect(ws.actualRowCount).toBe(2);
    expect(ws.getRow(2).getCell(3).value).toBe('3');
    const bad = await t.call(t.sessions.leader, 'GET', '/api/assignments/export.xlsx?bucket=nope');
    expect(bad.statusCode).toBe(400);
  });

  it('exports only the officer’s own agency, whatever the filter says', async () => {
    const own = await readXlsx((await t.call(t.sessions.stc, 'GET', '/api/assignments/export.xlsx')).rawPayload);
    const agencies = new Set(Array.from({ length: own.actualRowCount - 1 }, (_, i) => own.getRow(i + 2).getCell(5).value));
    expect([...agencies]).toEqual(['Sở Tài chính']);
    expect(own.actualRowCount).toBe(5);
    const other = await readXlsx((await t.call(t.sessions.stc, 'GET', `/api/assignments/export.xlsx?agencyId=${t.agency.SYT}`)).rawPayload);
    expect(other.actualRowCount).toBe(1);
  });

  it('walks the cursor across pages and stops at the row limit with a note', async () => {
    const all = await readXlsx(await collect(await streamAssignmentsXlsx(t.ctx.db, SYSTEM_ACTOR, { asOf: '2025-08-05', sort: '-due' }, { pageSize: 3 })));
    expect(all.actualRowCount).toBe(12);
    const refs = Array.from({ length: 11 }, (_, i) => all.getRow(i + 2).getCell(3).value);
    expect(new Set(refs).size).toBe(11);
    expect(refs[0]).toBe('6'); // no deadline first when sorting by deadline, latest first
    const cut = await readXlsx(await collect(await streamAssignmentsXlsx(t.ctx.db, SYSTEM_ACTOR, { asOf: '2025-08-05' }, { maxRows: 4, pageSize: 3 })));
    expect(cut.getRow(5).getCell(1).value).toBe(4);
    expect(String(cut.getRow(6).getCell(2).value)).toContain('Chỉ xuất 4 dòng đầu');
  });
});
