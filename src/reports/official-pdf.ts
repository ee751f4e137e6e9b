/**
 * An official report drawn as a PDF in the layout of Nghị định 30/2020/NĐ-CP: A4, margins top
 * and bottom 20 mm, left 30 mm, right 20 mm; Tinos (metric-compatible with Times New Roman, with
 * every Vietnamese glyph) embedded as subsets with a ToUnicode map, so the text renders on any
 * machine and can be searched and copied with its diacritics; page numbers at the top centre
 * from page 2; the last paragraph never parted from the signature block.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { numberLine, placeDateLine } from './letterhead';
import { signerNameText, type Block, type OfficialReport, type TableRowText } from './official-blocks';

export const PDF_MIME = 'application/pdf';

const require = createRequire(import.meta.url);
/** Shipped in the npm package @expo-google-fonts/tinos (OFL): nothing is downloaded at run time. */
export const FONTS = {
  R: require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  B: require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  I: require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  BI: require.resolve('@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf'),
} as const;
type Face = keyof typeof FONTS;

const MM = 72 / 25.4;
export const PDF_MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM };
const BODY = 13;
const TABLE = 10;
/** A table cell never grows past a page: very long task texts are shortened in the PDF. */
const MAX_CELL_CHARS = 600;
/** Height of the recipients and signature block (title, room to sign, name). */
const SIGNATURE_HEIGHT = 130;

type Doc = PDFKit.PDFDocument;
const nfc = (s: string) => s.normalize('NFC');
const clip = (s: string) => (s.length > MAX_CELL_CHARS ? `${s.slice(0, MAX_CELL_CHARS - 1)}…` : s);

export async function renderOfficialPdf(rep: OfficialReport): Promise<Buffer> {
  const l = rep.letterhead;
  const doc = new PDFDocument({
    size: 'A4',
    margins: PDF_MARGIN,
    bufferPages: true,
    info: { Title: nfc(`${rep.title} ${rep.subject}`), Author: nfc(l.officeName), Creator: 'dondoc' },
    lang: 'vi-VN',
    displayTitle: true,
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const left = PDF_MARGIN.left;
  const width = doc.page.width - PDF_MARGIN.left - PDF_MARGIN.right;
  const bottom = () => doc.page.height - PDF_MARGIN.bottom;

  // Letterhead: two columns, each centred; a short rule under the issuing body and the motto.
  const lw = width * 0.42;
  const rw = width - lw;
  const top = PDF_MARGIN.top;
  const centred = (text: string, x: number, y: number, w: number, font: Face, size: number) => {
    doc.font(font).fontSize(size).text(nfc(text), x, y, { width: w, align: 'center' });
    return doc.y;
  };
  const rule = (x: number, w: number, y: number, len: number) => {
    doc.moveTo(x + (w - len) / 2, y).lineTo(x + (w + len) / 2, y).lineWidth(0.6).stroke();
  };
  let y1 = centred(l.governingBody, left, top, lw, 'R', 12);
  y1 = centred(l.issuingBody, left, y1, lw, 'B', 12);
  rule(left, lw, y1 + 1, Math.min(lw / 2, 30 * MM));
  y1 = centred(numberLine(l), left, y1 + 8, lw, 'R', 12);
  let y2 = centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + lw, top, rw, 'B', 12);
  y2 = centred('Độc lập - Tự do - Hạnh phúc', left + lw, y2, rw, 'B', 13);
  doc.font('B').fontSize(13);
  rule(left + lw, rw, y2 + 1, doc.widthOfString('Độc lập - Tự do - Hạnh phúc'));
  y2 = centred(placeDateLine(l, rep.issuedOn), left + lw, y2 + 8, rw, 'I', 13);

  doc.x = left;
  doc.y = Math.max(y1, y2) + 22;
  doc.font('B').fontSize(14).text(rep.title, left, doc.y, { width, align: 'center' });
  doc.font('B').fontSize(BODY).text(nfc(rep.subject), { width, align: 'center' });
  doc.moveDown(1);

  const bodyOpts = (o: { italic?: boolean; small?: boolean }) => ({ face: (o.italic ? 'I' : 'R') as Face, size: o.small ? 11 : BODY });
  const paraHeight = (text: string, o: { italic?: boolean; small?: boolean } = {}) => {
    const { face, size } = bodyOpts(o);
    doc.font(face).fontSize(size);
    return doc.heightOfString(nfc(text), { width, align: 'justify', indent: 10 * MM, paragraphGap: 4 }) + 4;
  };
  const para = (text: string, o: { italic?: boolean; small?: boolean } = {}) => {
    const { face, size } = bodyOpts(o);
    doc.font(face).fontSize(size).text(nfc(text), left, doc.y, { width, align: 'justify', indent: 10 * MM, paragraphGap: 4, lineGap: 1 });
  };
  const draw = (b: Block) => {
    if (b.kind === 'heading') {
      // A heading is never the last line of a page: keep it with two lines of what follows.
      if (doc.y + 60 > bottom()) doc.addPage();
      doc.moveDown(0.4);
      doc.font('B').fontSize(BODY).text(nfc(b.text), left, doc.y, { width, indent: 10 * MM });
      doc.moveDown(0.3);
    } else if (b.kind === 'para') para(b.text, b);
    else table(doc, left, scale(b.widths, width), b.headers, b.rows, b.leftCols, bottom);
  };
  rep.blocks.forEach(draw);

  // The closing paragraph goes with the signature: if both do not fit, both move to a new page.
  doc.moveDown(0.5);
  if (doc.y + paraHeight(rep.closing) + SIGNATURE_HEIGHT > bottom()) doc.addPage();
  para(rep.closing);

  const y = doc.y + 12;
  const half = width / 2;
  doc.font('BI').fontSize(12).text('Nơi nhận:', left, y, { width: half - 10 });
  doc.font('R').fontSize(11);
  for (const line of rep.recipients) doc.text(nfc(line), left, doc.y, { width: half - 10 });
  const yl = doc.y;
  doc.font('B').fontSize(BODY).text(nfc(l.signerTitle), left + half, y, { width: half, align: 'center' });
  doc.text(nfc(signerNameText(l)), left + half, doc.y + 62, { width: half, align: 'center' });
  doc.x = left;
  doc.y = Math.max(yl, doc.y);

  // Page numbers: Arabic numerals at the top centre, from the second page on (NĐ 30/2020, Phụ lục I).
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins;
    doc.page.margins = { ...saved, top: 0, bottom: 0 };
    doc.font('R').fontSize(13).text(String(i - range.start + 1), left, 9 * MM, { width, align: 'center', lineBreak: false });
    doc.page.margins = saved;
  }
  doc.flushPages();
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function scale(widths: number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => (w * total) / sum);
}

/** A bordered table whose header row repeats on every page it runs onto. */
function table(doc: Doc, x: number, widths: number[], headers: string[], rows: TableRowText[], leftCols: number[], bottom: () => number) {
  const pad = 3;
  const heightOf = (cells: string[], font: Face) => {
    doc.font(font).fontSize(TABLE);
    return Math.max(...cells.map((c, i) => doc.heightOfString(nfc(clip(c)) || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad;
  };
  const draw = (cells: string[], font: Face, header: boolean) => {
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
  // The header is never alone at the bottom of a page.
  if (doc.y + heightOf(headers, 'B') + (rows[0] ? heightOf(rows[0].cells, 'R') : 0) > bottom()) doc.addPage();
  draw(headers, 'B', true);
  for (const r of rows) draw(r.cells, r.bold ? 'B' : 'R', false);
  doc.moveDown(0.5);
}
