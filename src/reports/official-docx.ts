/**
 * An official report as a Word document in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I):
 * A4, Times New Roman 13–14 pt, margins top/bottom 20 mm, left 30 mm, right 20 mm; the
 * governing and issuing bodies at the top left, the national title and motto at the top right,
 * the place-and-date line, the title and subject, the body, "Nơi nhận:" and the signature. Page
 * numbers sit at the top centre from page 2 (a first-page header without one), and the last
 * paragraph is kept on the page of the signature block (keep-with-next, rows that cannot split).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { numberLine, placeDateLine } from './letterhead';
import { signerNameText, type OfficialReport, type TableRowText } from './official-blocks';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
const PAGE = { width: 11906, height: 16838, top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(20 * MM) };
const CONTENT = PAGE.width - PAGE.left - PAGE.right;

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
type RunOpts = Omit<IRunOptions, 'text'>;
const run = (text: string, o: RunOpts = {}) => new TextRun({ text: text.normalize('NFC'), font: FONT, size: 26, ...o });
const para = (text: string, o: RunOpts = {}, align: Align = AlignmentType.CENTER, extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ alignment: align, children: [run(text, o)], ...extra });

function cell(text: string, width: number, o: { bold?: boolean; align?: Align } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 50, right: 50 },
    children: [new Paragraph({ alignment: o.align ?? AlignmentType.CENTER, children: [run(text, { bold: o.bold, size: 22 })] })],
  });
}

function scale(widths: number[]): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  const out = widths.map((w) => Math.floor((w * CONTENT) / sum));
  out[out.length - 1] += CONTENT - out.reduce((a, b) => a + b, 0);
  return out;
}

function grid(headers: string[], relWidths: number[], rows: TableRowText[], leftAligned: number[]) {
  const widths = scale(relWidths);
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, widths[i], { bold: true })) }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.cells.map((c, i) => cell(c, widths[i], { bold: r.bold, align: leftAligned.includes(i) ? AlignmentType.LEFT : AlignmentType.CENTER })) }),
      ),
    ],
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const shortRule = { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } };

/** Two borderless columns: the letterhead at the top and the recipients/signature at the bottom. */
function twoColumns(left: Paragraph[], right: Paragraph[], leftShare = 0.42) {
  const lw = Math.round(CONTENT * leftShare);
  const rw = CONTENT - lw;
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: [lw, rw],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: lw, type: WidthType.DXA }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: rw, type: WidthType.DXA }, borders: NO_BORDERS, children: right }),
        ],
      }),
    ],
  });
}

export async function renderOfficialDocx(rep: OfficialReport): Promise<Buffer> {
  const l = rep.letterhead;
  const body = (text: string, o: RunOpts = {}, keepNext = false) =>
    new Paragraph({ alignment: AlignmentType.JUSTIFIED, keepNext, keepLines: keepNext, indent: { firstLine: Math.round(10 * MM) }, spacing: { before: 60, after: 60, line: 300 }, children: [run(text, { size: 28, ...o })] });
  const heading = (text: string) => new Paragraph({ keepNext: true, keepLines: true, spacing: { before: 160, after: 80 }, indent: { firstLine: Math.round(10 * MM) }, children: [run(text, { bold: true, size: 28 })] });
  // Every paragraph of the signature block keeps with the next, so Word moves the closing
  // paragraph and the block to the next page together rather than leaving the signature alone.
  const sigPara = (text: string, o: RunOpts, align: Align = AlignmentType.CENTER) => new Paragraph({ alignment: align, keepNext: true, keepLines: true, children: [run(text, o)] });

  const doc = new Document({
    creator: 'dondoc',
    title: `${rep.title} ${rep.subject}`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: Math.round(10 * MM) },
          },
        },
        headers: {
          // The first page has no number; the next pages show theirs at the top centre.
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26 })] })] }),
        },
        children: [
          twoColumns(
            [
              para(l.governingBody, { size: 26 }),
              new Paragraph({ alignment: AlignmentType.CENTER, border: shortRule, indent: { left: 900, right: 900 }, children: [run(l.issuingBody, { bold: true, size: 26 })] }),
              para(numberLine(l), { size: 26 }, AlignmentType.CENTER, { spacing: { before: 120 } }),
            ],
            [
              para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }),
              new Paragraph({ alignment: AlignmentType.CENTER, border: shortRule, indent: { left: 450, right: 450 }, children: [run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26 })] }),
              para(placeDateLine(l, rep.issuedOn), { italics: true, size: 28 }, AlignmentType.CENTER, { spacing: { before: 120 } }),
            ],
          ),
          para(rep.title, { bold: true, size: 28 }, AlignmentType.CENTER, { spacing: { before: 360 } }),
          para(rep.subject, { bold: true, size: 28 }, AlignmentType.CENTER, { spacing: { after: 240 } }),
          ...rep.blocks.map((b) =>
            b.kind === 'heading' ? heading(b.text) : b.kind === 'para' ? body(b.text, b.italic ? { italics: true, ...(b.small ? { size: 24 } : {}) } : b.small ? { size: 24 } : {}) : grid(b.headers, b.widths, b.rows, b.leftCols),
          ),
          body(rep.closing, {}, true),
          new Paragraph({ keepNext: true, children: [] }),
          twoColumns(
            [sigPara('Nơi nhận:', { bold: true, italics: true, size: 24 }, AlignmentType.LEFT), ...rep.recipients.map((x) => sigPara(x, { size: 22 }, AlignmentType.LEFT))],
            [...l.signerTitle.split('\n').map((line) => sigPara(line, { bold: true, size: 28 })), ...Array.from({ length: 4 }, () => new Paragraph({ keepNext: true, children: [] })), sigPara(signerNameText(l), { bold: true, size: 28 })],
            0.5,
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
