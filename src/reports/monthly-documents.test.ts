/** The monthly report as .docx (official layout) and .pdf (Vietnamese text intact), read back. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import JSZip from 'jszip';
import { extractText } from 'unpdf';
import { testBackends } from '../db/testing';
import { createTestApp, type TestApp } from '../http/testing';
import { eq } from 'drizzle-orm';
import { settings } from '../events/events.schema';
import { seedReportScenario, SETUP_TIMEOUT_MS } from './report-fixture';
import { PROVINCE_SETTING_KEY } from './letterhead';
import ExcelJS from 'exceljs';
import { LIST_HEADER_ROW } from './assignments-xlsx';
import mammoth from 'mammoth';
import { events } from '../events/events.schema';

/** The visible text of a WordprocessingML body, run by run, paragraphs on their own lines. */
function docxText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

describe.each(testBackends)('monthly report documents on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    await seedReportScenario(t);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t.close(), SETUP_TIMEOUT_MS);

  it('renders the .docx in the layout of Nghị định 30/2020 with the counts', async () => {
    const res = await t.call(t.sessions.leader, 'GET', '/api/reports/monthly.docx?month=2025-07');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain('bao-cao-thang-2025-07.docx');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = docxText(xml);
    for (const s of [
      'UBND TỈNH',
      'VĂN PHÒNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ngày 05 tháng 8 năm 2025',
      'BÁO CÁO',
      'Tình hình thực hiện nhiệm vụ do Chủ tịch, các Phó Chủ tịch UBND tỉnh giao tháng 07/2025',
      'Đã hoàn thành đúng hạn',
      'Đã hoàn thành quá hạn',
      'Chưa hoàn thành trong hạn',
      'Chưa hoàn thành quá hạn',
      'Không có hạn',
      'Tỷ lệ đúng hạn',
      'Nơi nhận:',
      'CHÁNH VĂN PHÒNG',
      'Sở Y tế báo cáo tình hình dịch bệnh sốt xuất huyết.',
    ]) {
      expect(text, s).toContain(s);
    }
    // Table rows: STT, agency, total, the five buckets, rate (one <w:tc> per cell).
    const cells = (agency: string) => {
      const row = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]).find((r) => docxText(r).includes(agency) && !docxText(r).includes('.'))!;
      return [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => docxText(m[0]).trim());
    };
    expect(cells('Sở Y tế').slice(1)).toEqual(['Sở Y tế', '3', '1', '1', '0', '1', '0', '33,33%']);
    expect(cells('Sở Tài chính').slice(1)).toEqual(['Sở Tài chính', '4', '1', '0', '1', '1', '1', '50%']);
    expect(cells('Tổng cộng').slice(1)).toEqual(['Tổng cộng', '11', '3', '1', '1', '5', '1', '33,33%']);
    // Times New Roman, A4 portrait, margins within 20–30 mm.
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]+)>/.exec(xml)![1];
    for (const side of ['top', 'bottom', 'left', 'right']) {
      const mm = Number(new RegExp(`w:${side}="(\\d+)"`).exec(margins)![1]) / 56.7;
      expect(mm, side).toBeGreaterThanOrEqual(19.9);
      expect(mm, side).toBeLessThanOrEqual(30.1);
    }
  });

  it('renders the .pdf with the same content and Vietnamese diacritics intact', async () => {
    const res = await t.call(t.sessions.office, 'GET', '/api/reports/monthly.pdf?month=2025-07');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await extractText(new Uint8Array(res.rawPayload), { mergePages: true });
    const flat = text.normalize('NFC').replace(/\s+/g, ' ');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'Chưa hoàn thành quá hạn',
      'Đã hoàn thành đúng hạn',
      'Sở Nông nghiệp và Môi trường',
      'Sở Y tế báo cáo tình hình dịch bệnh sốt xuất huyết.',
      'UBND xã Lý Bôn',
      'Nơi nhận:',
      '33,33%',
      '16/07/2025',
    ]) {
      expect(flat, s).toContain(s);
    }
  });

  it('takes the province from the settings for the letterhead and the date line', async () => {
    await t.database.db.insert(settings).values({ key: PROVINCE_SETTING_KEY, value: { name: 'Cao Bằng' } });
    try {
      const res = await t.call(t.sessions.leader, 'GET', '/api/reports/monthly.docx?month=2025-07');
      const text = docxText(await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string'));
      expect(text).toContain('UBND TỈNH CAO BẰNG');
      expect(text).toContain('Cao Bằng, ngày 05 tháng 8 năm 2025');
    } finally {
      await t.database.db.delete(settings).where(eq(settings.key, PROVINCE_SETTING_KEY));
    }
  });

  it('limits an agency officer’s documents to their agency', async () => {
    const res = await t.call(t.sessions.stc, 'GET', '/api/reports/monthly.docx?month=2025-07');
    const text = docxText(await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string'));
    expect(text).toContain('Sở Tài chính');
    expect(text).not.toContain('Sở Y tế');
    const pdf = await t.call(t.sessions.stc, 'GET', '/api/reports/monthly.pdf?month=2025-07');
    const { text: pdfText } = await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true });
    expect(pdfText).not.toContain('Sở Y tế');
  });

  it('keeps the province’s letterhead settings: admin only, checked, recorded', async () => {
    expect((await t.call(t.sessions.leader, 'PUT', '/api/settings/province', { name: 'Cao Bằng' })).statusCode).toBe(403);
    const bad = await t.call(t.sessions.admin, 'PUT', '/api/settings/province', { name: '', color: 'đỏ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toBeTruthy();
    expect((await t.call(t.sessions.admin, 'GET', '/api/settings/province')).json().province).toBeNull();
    try {
      const ok = await t.call(t.sessions.admin, 'PUT', '/api/settings/province', { name: 'Cao Bằng', signerName: 'Nông Thị Hạnh' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().letterhead).toMatchObject({ governingBody: 'UBND TỈNH CAO BẰNG', place: 'Cao Bằng', signerName: 'Nông Thị Hạnh' });
      expect((await t.database.db.select().from(events).where(eq(events.action, 'setting.province_changed'))).length).toBe(1);
      const docx = await t.call(t.sessions.leader, 'GET', '/api/reports/monthly.docx?month=2025-07');
      const { value: text } = await mammoth.extractRawText({ buffer: docx.rawPayload });
      expect(text).toContain('UBND TỈNH CAO BẰNG');
      expect(text).toContain('Nông Thị Hạnh');
    } finally {
      await t.database.db.delete(settings).where(eq(settings.key, PROVINCE_SETTING_KEY));
    }
  });

  it('downloads the monthly report as .xlsx with the same figures as the .docx', async () => {
    const res = await t.call(t.sessions.leader, 'GET', '/api/reports/monthly.xlsx?month=2025-07');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('bao-cao-thang-2025-07.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A5').value).toBe('BÁO CÁO');
    const rows = Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1));
    const syt = rows.find((r) => r.getCell(2).value === 'Sở Y tế')!;
    expect((syt.values as unknown[]).slice(3, 9)).toEqual([3, 1, 1, 0, 1, 0]);
    expect(syt.getCell(9).value).toBeCloseTo(1 / 3, 4); // 33,33% as in the .docx
    expect(syt.getCell(9).numFmt).toBe('0.00%');
    const total = rows.find((r) => r.getCell(2).value === 'Tổng cộng')!;
    expect(total.getCell(3).value).toBe(11);
    // Then the report's tasks on 31/07, one row each, under the same title block.
    const list = wb.getWorksheet('Nhiệm vụ')!;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Báo cáo', 'Nhiệm vụ']);
    expect(String(list.getCell('A6').value)).toContain('tính đến ngày 31/07/2025');
    expect(list.rowCount - LIST_HEADER_ROW).toBe(11);
    expect(list.getRow(LIST_HEADER_ROW).getCell(8).value).toBe('Lịch sử hạn xử lý');
  });

  it('downloads the ranking and the trend as .docx, .pdf and .xlsx, scoped like the screens', async () => {
    const ranking = (await t.call(t.sessions.leader, 'GET', '/api/reports/ranking?from=2025-01-01&to=2025-12-31')).json();
    const first = ranking.agencies[0];
    const docx = await t.call(t.sessions.leader, 'GET', '/api/reports/ranking.docx?from=2025-01-01&to=2025-12-31');
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.headers['content-disposition']).toContain('xep-hang-2025-01-01-2025-12-31.docx');
    const { value: rtext } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(rtext).toContain('Xếp hạng các cơ quan theo tỷ lệ hoàn thành đúng hạn');
    expect(rtext).toContain(`${first.doneOnTime} ÷ ${first.due}`);
    const pdf = await t.call(t.sessions.leader, 'GET', '/api/reports/ranking.pdf?from=2025-01-01&to=2025-12-31');
    const { text: ptext } = await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true });
    expect(ptext.normalize('NFC').replace(/\s+/g, ' ')).toContain(first.agencyName);
    const xlsx = await t.call(t.sessions.leader, 'GET', '/api/reports/ranking.xlsx?from=2025-01-01&to=2025-12-31');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names = Array.from({ length: wb.worksheets[0].rowCount }, (_, i) => wb.worksheets[0].getRow(i + 1).getCell(2).value);
    for (const a of ranking.agencies) expect(names).toContain(a.agencyName);
    expect((await t.call(t.sessions.leader, 'GET', '/api/reports/ranking.pdf?from=2025-12-31&to=2025-01-01')).statusCode).toBe(400);

    const trend = (await t.call(t.sessions.leader, 'GET', '/api/reports/trend?months=3')).json();
    for (const format of ['docx', 'pdf', 'xlsx']) {
      const r = await t.call(t.sessions.leader, 'GET', `/api/reports/trend.${format}?months=3`);
      expect(r.statusCode, `${format}: ${r.body}`).toBe(200);
      expect(r.headers['content-disposition']).toContain(`dien-bien-2025-08.${format}`);
    }
    const { value: ttext } = await mammoth.extractRawText({ buffer: (await t.call(t.sessions.leader, 'GET', '/api/reports/trend.docx?months=3')).rawPayload });
    expect(ttext).toContain('từ tháng 06/2025 đến tháng 08/2025');
    const july = trend.months.find((p: { month: string }) => p.month === '2025-07');
    expect(ttext).toContain(`07/2025\n\n31/07/2025\n\n${july.doneOnTime}\n\n${july.doneLate}\n\n${july.openOverdue}`);
    // An agency officer's trend document holds their agency only.
    const own = await t.call(t.sessions.stc, 'GET', `/api/reports/ranking.docx?from=2025-01-01&to=2025-12-31`);
    const { value: owntext } = await mammoth.extractRawText({ buffer: own.rawPayload });
    expect(owntext).not.toContain('Sở Y tế');
  });
});
