/**
 * The signable layout, read back from the files themselves: the PDF's fonts, text layer and page
 * numbers (unpdf), the .docx's page-number header and keep-with-next signature (XML, mammoth),
 * the .xlsx's title block and real numbers (exceljs). Each file is also written under
 * test-artifacts/reports/ and, when pdftoppm (poppler-utils) is installed, its PDF pages as PNG.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { getDocumentProxy } from 'unpdf';
import { letterheadFrom } from './letterhead';
import type { MonthlyReport, OverdueTask } from './monthly-report';
import { renderMonthlyDocx } from './monthly-docx';
import { renderMonthlyPdf } from './monthly-pdf';
import { renderOfficialXlsx } from './official-xlsx';
import { monthlyOfficialReport } from './report-text';
import { rankingOfficialReport, trendOfficialReport } from './ranking-trend-text';
import { renderOfficialPdf } from './official-pdf';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/reports/', import.meta.url));
const hasPdftoppm = spawnSync('pdftoppm', ['-v']).error === undefined;
if (!hasPdftoppm) console.log('PNG pages skipped: pdftoppm (poppler-utils) not found');

/** Writes the file and, when possible, its PDF pages as PNG; returns the PNG paths. */
function saveArtifact(name: string, buf: Buffer): string[] {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, name);
  writeFileSync(file, buf);
  if (!name.endsWith('.pdf') || !hasPdftoppm) return [];
  const prefix = file.replace(/\.pdf$/, '');
  const r = spawnSync('pdftoppm', ['-png', '-r', '60', file, prefix]);
  expect(r.status, String(r.stderr)).toBe(0);
  return [prefix];
}

const L = letterheadFrom({ name: 'Cao Bằng' }, 'Văn phòng UBND tỉnh');
const AGENCIES = ['Sở Y tế', 'Sở Tài chính', 'Sở Nông nghiệp và Môi trường', 'UBND xã Lý Bôn'];

/** An invented month: four agencies and `overdue` open overdue tasks (long enough for pages). */
function report(overdue: number): MonthlyReport {
  const tasks: OverdueTask[] = Array.from({ length: overdue }, (_, i) => ({
    assignmentId: `a-${i}`,
    agencyId: `g-${i % 4}`,
    agencyName: AGENCIES[i % 4],
    documentNumber: '12/TB-UBND',
    ref: String(i + 1),
    text: `Khẩn trương rà soát, hoàn thiện hồ sơ thủ tục đầu tư dự án số ${i + 1}; báo cáo kết quả thực hiện về UBND tỉnh (qua Văn phòng UBND tỉnh) để tổng hợp.`,
    due: '2025-07-05',
    daysOverdue: 26,
    progressPercent: 30,
  }));
  const counts = { done_on_time: 12, done_late: 3, open_on_time: 7, open_overdue: overdue, no_deadline: 2 };
  return {
    month: '2025-07',
    filters: {},
    scope: null,
    asOf: '2025-07-31',
    agencies: AGENCIES.map((name, i) => ({ agencyId: `g-${i}`, agencyName: name, counts: { ...counts, open_overdue: Math.round(overdue / 4) }, total: 24 + Math.round(overdue / 4), onTimeRate: 12 / (15 + Math.round(overdue / 4)) })),
    totals: { counts, total: 24 + overdue, onTimeRate: 12 / (15 + overdue) },
    overdue: tasks,
    overdueTruncated: false,
    rule: 'Ngày hết hạn vẫn tính là đúng hạn; nhiệm vụ quá hạn từ ngày kế tiếp sau hạn.',
    onTimeRateFormula: 'Tỷ lệ đúng hạn = đúng hạn ÷ (đúng hạn + hoàn thành quá hạn + chưa hoàn thành quá hạn)',
  };
}

interface PageText {
  lines: { str: string; y: number }[];
  text: string;
}
async function pdfPages(buf: Buffer): Promise<PageText[]> {
  const pdf = await getDocumentProxy(new Uint8Array(buf));
  const out: PageText[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent();
    const lines = (content.items as { str: string; transform: number[] }[]).map((it) => ({ str: it.str.normalize('NFC'), y: it.transform[5] }));
    out.push({ lines, text: lines.map((l) => l.str).join(' ').replace(/\s+/g, ' ') });
  }
  return out;
}

describe('signable layout (Nghị định 30/2020/NĐ-CP)', () => {
  beforeAll(() => rmSync(ARTIFACTS, { recursive: true, force: true }));

  it('embeds Tinos in the PDF, names the province, and numbers pages from page 2 at the top', async () => {
    const buf = await renderMonthlyPdf(report(60), L, '2025-08-05');
    saveArtifact('bao-cao-thang-2025-07.pdf', buf);
    const raw = buf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos/);
    expect(raw).toMatch(/\/FontFile2/); // the TrueType program itself is embedded
    expect(raw).not.toContain('DejaVu');
    const pages = await pdfPages(buf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const first = pages[0].text;
    for (const s of ['UBND TỈNH CAO BẰNG', 'VĂN PHÒNG', 'Số: /BC-VPUBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Cao Bằng, ngày 05 tháng 8 năm 2025', 'BÁO CÁO']) {
      expect(first.replace(/\s+/g, ' '), s).toContain(s);
    }
    // A page number is a lone numeral above the top margin (20 mm = 56.7 pt from the top edge).
    const top = 842 - 56.7;
    const numberOf = (p: PageText) => p.lines.filter((l) => l.y > top && /^\d+$/.test(l.str.trim())).map((l) => Number(l.str));
    expect(numberOf(pages[0])).toEqual([]);
    pages.slice(1).forEach((p, i) => expect(numberOf(p), `page ${i + 2}`).toEqual([i + 2]));
  });

  it('never leaves the signature alone on the last page: it stays with the closing paragraph', async () => {
    // Reports of growing length push the end across a page break at every possible point.
    for (let n = 20; n <= 44; n += 2) {
      const pages = await pdfPages(await renderMonthlyPdf(report(n), L, '2025-08-05'));
      const last = pages[pages.length - 1].text;
      expect(last, `${n} tasks`).toContain('CHÁNH VĂN PHÒNG');
      expect(last, `${n} tasks`).toContain('Văn phòng UBND tỉnh báo cáo Chủ tịch');
      expect(last, `${n} tasks`).toContain('Nơi nhận:');
    }
  });

  it('writes the .docx with page numbers from page 2, Times New Roman, and the closing kept with the signature', async () => {
    const buf = await renderMonthlyDocx(report(60), L, '2025-08-05');
    saveArtifact('bao-cao-thang-2025-07.docx', buf);
    const zip = await JSZip.loadAsync(buf);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:titlePg/>');
    const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(headers.filter((h) => /PAGE/.test(h))).toHaveLength(1); // the default header only; the first page's has none
    expect(xml).toContain('w:ascii="Times New Roman"');
    // The closing paragraph keeps with the next (the signature table, whose row cannot split).
    const closingAt = xml.indexOf('tình hình thực hiện nhiệm vụ tháng 07/2025./.');
    const closingPara = xml.slice(xml.lastIndexOf('<w:p>', closingAt), closingAt);
    expect(closingPara).toContain('<w:keepNext/>');
    expect(xml.slice(closingAt)).toContain('<w:cantSplit/>');
    const { value: text } = await mammoth.extractRawText({ buffer: buf });
    for (const s of ['UBND TỈNH CAO BẰNG', 'Cao Bằng, ngày 05 tháng 8 năm 2025', 'Số:       /BC-VPUBND', 'CHÁNH VĂN PHÒNG', 'Nơi nhận:', 'Sở Nông nghiệp và Môi trường']) {
      expect(text, s).toContain(s);
    }
  });

  it('writes the signer configured for the province instead of the dotted line', async () => {
    const signed = letterheadFrom({ name: 'Cao Bằng', signerTitle: 'KT. Chánh Văn phòng\nPhó Chánh Văn phòng', signerName: 'Nông Thị Hạnh' }, null);
    const buf = await renderMonthlyPdf(report(2), signed, '2025-08-05');
    const text = (await pdfPages(buf)).map((p) => p.text).join(' ');
    expect(text).toContain('Nông Thị Hạnh');
    expect(text).toContain('PHÓ CHÁNH VĂN PHÒNG');
    expect(text).not.toContain('………………');
  });

  it('writes the .xlsx with the title block and the figures as numbers', async () => {
    const buf = await renderOfficialXlsx(monthlyOfficialReport(report(8), L, '2025-08-05'));
    saveArtifact('bao-cao-thang-2025-07.xlsx', buf);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('UBND TỈNH CAO BẰNG');
    expect(ws.getCell('A2').value).toBe('VĂN PHÒNG');
    expect(String(ws.getRow(3).values)).toContain('Cao Bằng, ngày 05 tháng 8 năm 2025');
    expect(ws.getCell('A5').value).toBe('BÁO CÁO');
    const header = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(1).value === 'STT' && r.getCell(2).value === 'Cơ quan')!;
    const yte = ws.getRow(header.number + 1);
    expect(yte.getCell(2).value).toBe('Sở Y tế');
    expect(yte.getCell(3).value).toBe(26); // total as a number
    expect(yte.getCell(9).value).toBeCloseTo(12 / 17, 4); // rate as a fraction…
    expect(yte.getCell(9).numFmt).toBe('0.00%'); // …shown as a percentage
    expect(header.getCell(1).font?.bold).toBe(true);
  });

  it('renders the ranking with its arithmetic and the trend, in the same layout', async () => {
    const ranking = {
      from: '2025-01-01',
      to: '2025-12-31',
      asOf: '2025-08-05',
      rule: 'Xếp hạng theo tỷ lệ hoàn thành đúng hạn.',
      weights: { onTime: 1, late: 0, overdue: 0 },
      formula: 'Điểm = tỷ lệ đúng hạn',
      agencies: [
        { rank: 1, agencyId: 'a', agencyName: 'Sở Y tế', due: 4, doneOnTime: 3, doneLate: 1, openOnTime: 0, openOverdue: 0, overdue: 1, counted: 4, onTimeRate: 0.75, score: 0.75, arithmetic: '3 ÷ 4' },
        { rank: 2, agencyId: 'b', agencyName: 'Sở Tài chính', due: 4, doneOnTime: 1, doneLate: 0, openOnTime: 1, openOverdue: 2, overdue: 2, counted: 3, onTimeRate: 1 / 3, score: 1 / 3, arithmetic: '1 ÷ 3' },
      ],
      unranked: [],
    };
    const pdf = await renderOfficialPdf(rankingOfficialReport(ranking, L, '2025-08-05'));
    saveArtifact('xep-hang-2025.pdf', pdf);
    const text = (await pdfPages(pdf)).map((p) => p.text).join(' ');
    expect(text).toContain('3 ÷ 4');
    expect(text).toContain('75%');
    expect(text).toContain('1 ÷ 3');
    expect(text).toContain('33,33%');
    const trend = {
      months: [
        { month: '2025-06', asOf: '2025-06-30', doneOnTime: 4, doneLate: 1, openOverdue: 2 },
        { month: '2025-07', asOf: '2025-07-31', doneOnTime: 6, doneLate: 2, openOverdue: 5 },
      ],
      rule: 'Quá hạn chưa hoàn thành tính tại ngày cuối tháng.',
    };
    const tpdf = await renderOfficialPdf(trendOfficialReport(trend, L, '2025-08-05'));
    saveArtifact('dien-bien-2025-07.pdf', tpdf);
    const ttext = (await pdfPages(tpdf)).map((p) => p.text).join(' ');
    expect(ttext).toContain('từ tháng 06/2025 đến tháng 07/2025');
    expect(ttext).toContain('31/07/2025');
  });
});
