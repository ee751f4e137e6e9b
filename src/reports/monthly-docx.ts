/**
 * The monthly report as a Word document in the official layout of Nghị định 30/2020/NĐ-CP
 * (Phụ lục I): A4, Times New Roman 13–14 pt, margins top/bottom 20 mm, left 30 mm, right 20 mm;
 * the governing and issuing bodies at the top left, the national title and motto at the top
 * right, the place-and-date line, the title and subject, the body, "Nơi nhận:" and the signature.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
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

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
const PAGE = { width: 11906, height: 16838, top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(20 * MM) };
const CONTENT = PAGE.width - PAGE.left - PAGE.right;

type RunOpts = Omit<IRunOptions, 'text'>;
const run = (text: string, o: RunOpts = {}) => new TextRun({ text, font: FONT, size: 26, ...o });
const para = (text: string, o: RunOpts = {}, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER, extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ alignment: align, children: [run(text, o)], ...extra });

function cell(text: string, width: number, o: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 50, right: 50 },
    children: [new Paragraph({ alignment: o.align ?? AlignmentType.CENTER, children: [run(text, { bold: o.bold })] })],
  });
}

function grid(headers: string[], widths: number[], rows: TableRowText[], leftAligned: number[]) {
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, widths[i], { bold: true })) }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.cells.map((c, i) => cell(c, widths[i], { bold: r.bold, align: leftAligned.includes(i) ? AlignmentType.LEFT : AlignmentType.CENTER })) }),
      ),
    ],
  });
}

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
        children: [
          new TableCell({ width: { size: lw, type: WidthType.DXA }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: rw, type: WidthType.DXA }, borders: NO_BORDERS, children: right }),
        ],
      }),
    ],
  });
}
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const shortRule = { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } };

export async function renderMonthlyDocx(r: MonthlyReport, l: Letterhead, issuedOn: string): Promise<Buffer> {
  const t = reportTitle(r);
  const agencyWidths = [680, 2050, ...Array(7).fill(Math.floor((CONTENT - 680 - 2050) / 7))];
  agencyWidths[1] += CONTENT - agencyWidths.reduce((a, b) => a + b, 0);
  const overdueWidths = [680, 1700, 1300, 3291, 1300, 800];
  overdueWidths[3] += CONTENT - overdueWidths.reduce((a, b) => a + b, 0);
  const body = (text: string, o: RunOpts = {}) =>
    new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: Math.round(10 * MM) }, spacing: { before: 60, after: 60, line: 300 }, children: [run(text, { size: 28, ...o })] });
  const heading = (text: string) => new Paragraph({ spacing: { before: 160, after: 80 }, indent: { firstLine: Math.round(10 * MM) }, children: [run(text, { bold: true, size: 28 })] });

  const doc = new Document({
    creator: 'dondoc',
    title: `${t.title} ${t.subject}`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        children: [
          twoColumns(
            [
              para(l.governingBody, { size: 26 }),
              new Paragraph({ alignment: AlignmentType.CENTER, border: shortRule, indent: { left: 900, right: 900 }, children: [run(l.issuingBody, { bold: true, size: 26 })] }),
              para(`Số:       /BC-VPUBND`, { size: 26 }, AlignmentType.CENTER, { spacing: { before: 120 } }),
            ],
            [
              para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }),
              new Paragraph({ alignment: AlignmentType.CENTER, border: shortRule, indent: { left: 450, right: 450 }, children: [run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26 })] }),
              para(placeDateLine(l, issuedOn), { italics: true, size: 28 }, AlignmentType.CENTER, { spacing: { before: 120 } }),
            ],
          ),
          para(t.title, { bold: true, size: 28 }, AlignmentType.CENTER, { spacing: { before: 360 } }),
          para(t.subject, { bold: true, size: 28 }, AlignmentType.CENTER, { spacing: { after: 240 } }),
          heading('I. TÌNH HÌNH CHUNG'),
          body(summaryParagraph(r, formatIntVi, formatPercentVi)),
          body(r.rule, { italics: true, size: 26 }),
          heading('II. KẾT QUẢ THỰC HIỆN CỦA CÁC CƠ QUAN'),
          r.agencies.length
            ? grid(AGENCY_TABLE_HEADERS, agencyWidths, agencyTableRows(r), [1])
            : body('Không có nhiệm vụ nào trong phạm vi báo cáo.'),
          heading(`III. DANH SÁCH NHIỆM VỤ CHƯA HOÀN THÀNH QUÁ HẠN (tính đến ngày ${formatDateVi(r.asOf)})`),
          r.overdue.length ? grid(OVERDUE_TABLE_HEADERS, overdueWidths, overdueTableRows(r), [1, 2, 3]) : body('Không có nhiệm vụ chưa hoàn thành quá hạn.'),
          ...(r.overdueTruncated ? [body(`Danh sách chỉ gồm ${formatIntVi(r.overdue.length)} nhiệm vụ đầu tiên.`, { italics: true })] : []),
          body(closingSentence(r)),
          new Paragraph({ children: [] }),
          twoColumns(
            [
              new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
              ...RECIPIENTS.map((x) => new Paragraph({ children: [run(x, { size: 22 })] })),
            ],
            [
              para(SIGNATURE.title, { bold: true, size: 28 }),
              ...Array.from({ length: 4 }, () => new Paragraph({ children: [] })),
              para(SIGNATURE.name, { bold: true, size: 28 }),
            ],
            0.5,
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
