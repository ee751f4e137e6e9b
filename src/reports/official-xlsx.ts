/**
 * An official report as an Excel workbook: the same title block as the .docx (governing and
 * issuing bodies, national title and motto, place and date, title and subject), then the same
 * blocks — paragraphs in merged, wrapped rows and tables with a bold bordered header — so the
 * figures can be re-used without retyping. Counts and rates written as "2.394" and "33,33%" in
 * the documents are stored here as real numbers (with a percent format).
 */
import ExcelJS from 'exceljs';
import { numberLine, placeDateLine, type Letterhead } from './letterhead';
import type { OfficialReport } from './official-blocks';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** "2.394" → 2394, "33,33%" → 0.3333, anything else stays text. */
export function cellValue(s: string): { value: string | number; numFmt?: string } {
  if (/^\d{1,3}(\.\d{3})*$/.test(s)) return { value: Number(s.replace(/\./g, '')) };
  const pct = /^(\d+(?:,\d+)?)%$/.exec(s);
  if (pct) return { value: Number(pct[1].replace(',', '.')) / 100, numFmt: '0.00%' };
  return { value: s };
}

/**
 * Writes the title block on rows 1–6 across `cols` columns and returns the next free row.
 * Shared with the assignment list export.
 */
export function writeTitleBlock(ws: ExcelJS.Worksheet, l: Letterhead, issuedOn: string, title: string, subject: string, cols: number): number {
  const leftEnd = Math.max(1, Math.floor(cols * 0.4));
  const rightStart = leftEnd + 1;
  const put = (row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>) => {
    if (to > from) ws.mergeCells(row, from, row, to);
    const c = ws.getCell(row, from);
    c.value = text.normalize('NFC');
    c.font = { name: 'Times New Roman', size: 12, ...font };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  put(1, 1, leftEnd, l.governingBody, {});
  put(1, rightStart, cols, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  put(2, 1, leftEnd, l.issuingBody, { bold: true });
  put(2, rightStart, cols, 'Độc lập - Tự do - Hạnh phúc', { bold: true });
  put(3, 1, leftEnd, numberLine(l), {});
  put(3, rightStart, cols, placeDateLine(l, issuedOn), { italic: true });
  put(5, 1, cols, title, { bold: true, size: 14 });
  put(6, 1, cols, subject, { bold: true, size: 13 });
  ws.getRow(6).height = 36;
  return 8;
}

/** `more` adds further sheets after the report's (the monthly report's task list). */
export async function renderOfficialXlsx(rep: OfficialReport, sheetName = 'Báo cáo', more?: (wb: ExcelJS.Workbook) => Promise<void>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dondoc';
  wb.created = new Date(`${rep.issuedOn}T00:00:00Z`);
  const ws = wb.addWorksheet(sheetName, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const tables = rep.blocks.filter((b) => b.kind === 'table');
  const cols = Math.max(6, ...tables.map((t) => t.headers.length));
  // Column widths from the first table (≈ 150 characters across), the rest evenly.
  const first = tables[0];
  const sum = first ? first.widths.reduce((a, b) => a + b, 0) : 1;
  for (let i = 1; i <= cols; i++) ws.getColumn(i).width = first && first.widths[i - 1] ? Math.max(7, Math.round((first.widths[i - 1] * 150) / sum)) : 14;

  let row = writeTitleBlock(ws, rep.letterhead, rep.issuedOn, rep.title, rep.subject, cols);
  const text = (s: string, font: Partial<ExcelJS.Font> = {}) => {
    ws.mergeCells(row, 1, row, cols);
    const c = ws.getCell(row, 1);
    c.value = s.normalize('NFC');
    c.font = { name: 'Times New Roman', size: 12, ...font };
    c.alignment = { wrapText: true, vertical: 'top' };
    // A merged cell does not grow by itself: about 150 characters fit on one line.
    ws.getRow(row).height = Math.max(16, Math.ceil(s.length / 150) * 16);
    row += 1;
  };
  for (const b of rep.blocks) {
    if (b.kind === 'heading') text(b.text, { bold: true });
    else if (b.kind === 'para') text(b.text, b.italic ? { italic: true, size: b.small ? 11 : 12 } : {});
    else {
      const header = ws.getRow(row);
      b.headers.forEach((h, i) => {
        const c = header.getCell(i + 1);
        c.value = h;
        c.font = { name: 'Times New Roman', bold: true, size: 11 };
        c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        c.border = BORDER;
      });
      row += 1;
      for (const r of b.rows) {
        const xr = ws.getRow(row);
        r.cells.forEach((s, i) => {
          const c = xr.getCell(i + 1);
          const v = b.leftCols.includes(i) ? { value: s } : cellValue(s);
          c.value = v.value;
          if (v.numFmt) c.numFmt = v.numFmt;
          c.font = { name: 'Times New Roman', size: 11, bold: r.bold };
          c.alignment = { horizontal: b.leftCols.includes(i) ? 'left' : 'center', vertical: 'top', wrapText: true };
          c.border = BORDER;
        });
        row += 1;
      }
      row += 1;
    }
  }
  text(rep.closing);
  row += 1;
  const sigCol = Math.floor(cols / 2) + 1;
  ws.mergeCells(row, sigCol, row, cols);
  Object.assign(ws.getCell(row, sigCol), { value: rep.letterhead.signerTitle, font: { name: 'Times New Roman', bold: true, size: 12 }, alignment: { horizontal: 'center' } });
  if (more) await more(wb);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
