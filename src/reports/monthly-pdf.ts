/**
 * The monthly report as a PDF with the same content and layout as the .docx. The DejaVu Sans
 * fonts shipped in ./fonts are embedded (subset, with a ToUnicode map) so Vietnamese text
 * renders on any machine and can be searched and copied with its diacritics intact.
 */
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { formatDateVi } from '../shared/dates';
import { formatIntVi, formatPercentVi } from './format';
import { placeDateLine, type Letterhead } from './letterhead';
import { summaryParagraph, type MonthlyReport } from './monthly-report';
import {
  AGENCY_TABLE_HEADERS,
  OVERDUE_TABLE_HEADERS,
  RECIPIENTS,
  SIGNATURE,
  agencyTableRows,
  closingSentence,
  overdueTableRows,
  reportTitle,
  type TableRowText,
} from './report-text';

export const PDF_MIME = 'application/pdf';

export const FONT_REGULAR = fileURLToPath(new URL('./fonts/DejaVuSans.ttf', import.meta.url));
export const FONT_BOLD = fileURLToPath(new URL('./fonts/DejaVuSans-Bold.ttf', import.meta.url));

const MM = 72 / 25.4;
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM };
const BODY = 12;
const TABLE = 9;
/** A table cell never grows past a page: very long task texts are shortened in the PDF. */
const MAX_CELL_CHARS = 600;

type Doc = PDFKit.PDFDocument;
const nfc = (s: string) => s.normalize('NFC');

export async function renderMonthlyPdf(r: MonthlyReport, l: Letterhead, issuedOn: string): Promise<Buffer> {
  const t = reportTitle(r);
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, info: { Title: nfc(`${t.title} ${t.subject}`), Author: 'dondoc', Creator: 'dondoc' }, lang: 'vi-VN', displayTitle: true });
  doc.registerFont('R', FONT_REGULAR);
  doc.registerFont('B', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;

  // Letterhead: two columns, each centred.
  const lw = width * 0.42;
  const rw = width - lw;
  const top = MARGIN.top;
  const centred = (text: string, x: number, y: number, w: number, font: 'R' | 'B', size: number) => {
    doc.font(font).fontSize(size).text(nfc(text), x, y, { width: w, align: 'center' });
    return doc.y;
  };
  const rule = (x: number, w: number, y: number, len: number) => {
    doc.moveTo(x + (w - len) / 2, y).lineTo(x + (w + len) / 2, y).lineWidth(0.6).stroke();
  };
  let y1 = centred(l.governingBody, left, top, lw, 'R', 11);
  y1 = centred(l.issuingBody, left, y1, lw, 'B', 11);
  rule(left, lw, y1 + 1, 40 * MM > lw ? lw / 2 : 25 * MM);
  y1 = centred('Số:       /BC-VPUBND', left, y1 + 6, lw, 'R', 11);
  let y2 = centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + lw, top, rw, 'B', 10.5);
  y2 = centred('Độc lập - Tự do - Hạnh phúc', left + lw, y2, rw, 'B', 11);
  rule(left + lw, rw, y2 + 1, doc.widthOfString('Độc lập - Tự do - Hạnh phúc'));
  doc.font('R').fontSize(11);
  doc.text(nfc(placeDateLine(l, issuedOn)), left + lw, y2 + 6, { width: rw, align: 'center', oblique: true });
  y2 = doc.y;

  doc.x = left;
  doc.y = Math.max(y1, y2) + 18;
  doc.font('B').fontSize(13).text(t.title, left, doc.y, { width, align: 'center' });
  doc.font('B').fontSize(BODY).text(nfc(t.subject), { width, align: 'center' });
  doc.moveDown(1);

  const heading = (text: string) => {
    ensure(doc, 40, bottom);
    doc.moveDown(0.4);
    doc.font('B').fontSize(BODY).text(nfc(text), left, doc.y, { width });
    doc.moveDown(0.3);
  };
  const body = (text: string, o: { italic?: boolean; size?: number } = {}) => {
    doc.font('R').fontSize(o.size ?? BODY).text(nfc(text), left, doc.y, { width, align: 'justify', indent: 10 * MM, oblique: o.italic ? 10 : false, paragraphGap: 4 });
  };

  heading('I. TÌNH HÌNH CHUNG');
  body(summaryParagraph(r, formatIntVi, formatPercentVi));
  body(r.rule, { italic: true, size: 10 });

  heading('II. KẾT QUẢ THỰC HIỆN CỦA CÁC CƠ QUAN');
  if (r.agencies.length) {
    const w = [11, 33, 14, 17, 17, 17, 17, 14, 20].map((x) => x * MM);
    table(doc, left, scale(w, width), AGENCY_TABLE_HEADERS, agencyTableRows(r), [1], bottom);
  } else body('Không có nhiệm vụ nào trong phạm vi báo cáo.');

  heading(`III. DANH SÁCH NHIỆM VỤ CHƯA HOÀN THÀNH QUÁ HẠN (tính đến ngày ${formatDateVi(r.asOf)})`);
  if (r.overdue.length) {
    const w = [11, 28, 22, 55, 23, 18].map((x) => x * MM);
    table(doc, left, scale(w, width), OVERDUE_TABLE_HEADERS, overdueTableRows(r), [1, 2, 3], bottom);
  } else body('Không có nhiệm vụ chưa hoàn thành quá hạn.');
  if (r.overdueTruncated) body(`Danh sách chỉ gồm ${formatIntVi(r.overdue.length)} nhiệm vụ đầu tiên.`, { italic: true });

  doc.moveDown(0.5);
  body(closingSentence(r));

  // Recipients (left) and signature (right).
  ensure(doc, 110, bottom);
  const y = doc.y + 12;
  const half = width / 2;
  doc.font('B').fontSize(10).text('Nơi nhận:', left, y, { width: half, oblique: true });
  doc.font('R').fontSize(9);
  for (const line of RECIPIENTS) doc.text(nfc(line), left, doc.y, { width: half });
  const yl = doc.y;
  doc.font('B').fontSize(BODY).text(SIGNATURE.title, left + half, y, { width: half, align: 'center' });
  doc.text(SIGNATURE.name, left + half, doc.y + 60, { width: half, align: 'center' });
  doc.x = left;
  doc.y = Math.max(yl, doc.y);

  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function scale(widths: number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => (w * total) / sum);
}

function ensure(doc: Doc, height: number, bottom: () => number) {
  if (doc.y + height > bottom()) doc.addPage();
}

const clip = (s: string) => (s.length > MAX_CELL_CHARS ? `${s.slice(0, MAX_CELL_CHARS - 1)}…` : s);

/** A bordered table whose header row repeats on every page it runs onto. */
function table(doc: Doc, x: number, widths: number[], headers: string[], rows: TableRowText[], leftCols: number[], bottom: () => number) {
  const pad = 3;
  const heightOf = (cells: string[], font: 'R' | 'B') => {
    doc.font(font).fontSize(TABLE);
    return Math.max(...cells.map((c, i) => doc.heightOfString(nfc(clip(c)) || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad;
  };
  const draw = (cells: string[], font: 'R' | 'B', header: boolean) => {
    const h = heightOf(cells, font);
    if (doc.y + h > bottom()) {
      doc.addPage();
      if (!header) draw(headers, 'B', true);
    }
    const y = doc.y;
    let cx = x;
    cells.forEach((c, i) => {
      doc.lineWidth(0.5).rect(cx, y, widths[i], h).stroke();
      doc.font(font).fontSize(TABLE).text(nfc(clip(c)), cx + pad, y + pad, { width: widths[i] - 2 * pad, align: header || !leftCols.includes(i) ? 'center' : 'left' });
      cx += widths[i];
    });
    doc.x = x;
    doc.y = y + h;
  };
  draw(headers, 'B', true);
  for (const r of rows) draw(r.cells, r.bold ? 'B' : 'R', false);
  doc.moveDown(0.5);
}
