/** The words of the monthly report that the .docx and the .pdf share. */
import { formatDateVi } from '../shared/dates';
import { formatIntVi, formatPercentVi, monthLabelVi } from './format';
import type { Letterhead } from './letterhead';
import { DEFAULT_RECIPIENTS, type Block, type OfficialReport, type TableRowText } from './official-blocks';
import { REPORT_BUCKETS, REPORT_COLUMN_LABELS, summaryParagraph, type MonthlyReport } from './monthly-report';

export type { TableRowText };

export function reportTitle(r: Pick<MonthlyReport, 'month'>) {
  return {
    title: 'BÁO CÁO',
    subject: `Tình hình thực hiện nhiệm vụ do Chủ tịch, các Phó Chủ tịch UBND tỉnh giao tháng ${monthLabelVi(r.month)}`,
  };
}

export function agencyTableRows(r: MonthlyReport): TableRowText[] {
  const rows = r.agencies.map((a, i) => ({
    cells: [String(i + 1), a.agencyName, formatIntVi(a.total), ...REPORT_BUCKETS.map((b) => formatIntVi(a.counts[b])), formatPercentVi(a.onTimeRate)],
  }));
  return [
    ...rows,
    { cells: ['', 'Tổng cộng', formatIntVi(r.totals.total), ...REPORT_BUCKETS.map((b) => formatIntVi(r.totals.counts[b])), formatPercentVi(r.totals.onTimeRate)], bold: true },
  ];
}
export const AGENCY_TABLE_HEADERS = ['STT', 'Cơ quan', 'Tổng số', ...REPORT_BUCKETS.map((b) => REPORT_COLUMN_LABELS[b]), 'Tỷ lệ đúng hạn'];
export const OVERDUE_TABLE_HEADERS = ['STT', 'Cơ quan chủ trì', 'Số văn bản', 'Nội dung nhiệm vụ', 'Hạn xử lý', 'Số ngày làm việc quá hạn'];
export function overdueTableRows(r: MonthlyReport): TableRowText[] {
  return r.overdue.map((o, i) => ({
    cells: [String(i + 1), o.agencyName, o.documentNumber ?? '', `${o.ref ? `${o.ref}. ` : ''}${o.text}`, formatDateVi(o.due), formatIntVi(o.daysOverdue)],
  }));
}

export const RECIPIENTS = DEFAULT_RECIPIENTS;

export function closingSentence(r: Pick<MonthlyReport, 'month'>): string {
  return `Văn phòng UBND tỉnh báo cáo Chủ tịch, các Phó Chủ tịch UBND tỉnh tình hình thực hiện nhiệm vụ tháng ${monthLabelVi(r.month)}./.`;
}

/** The monthly report as the blocks both renderers draw. */
export function monthlyOfficialReport(r: MonthlyReport, letterhead: Letterhead, issuedOn: string): OfficialReport {
  const t = reportTitle(r);
  const blocks: Block[] = [
    { kind: 'heading', text: 'I. TÌNH HÌNH CHUNG' },
    ...(r.scope ? [{ kind: 'para', text: r.scope } as const] : []),
    { kind: 'para', text: summaryParagraph(r, formatIntVi, formatPercentVi) },
    { kind: 'para', text: r.rule, italic: true, small: true },
    { kind: 'heading', text: 'II. KẾT QUẢ THỰC HIỆN CỦA CÁC CƠ QUAN' },
    r.agencies.length
      ? { kind: 'table', headers: AGENCY_TABLE_HEADERS, rows: agencyTableRows(r), widths: [11, 38, 14, 17, 17, 17, 17, 14, 20], leftCols: [1] }
      : { kind: 'para', text: 'Không có nhiệm vụ nào trong phạm vi báo cáo.' },
    { kind: 'heading', text: `III. DANH SÁCH NHIỆM VỤ CHƯA HOÀN THÀNH QUÁ HẠN (tính đến ngày ${formatDateVi(r.asOf)})` },
    r.overdue.length
      ? { kind: 'table', headers: OVERDUE_TABLE_HEADERS, rows: overdueTableRows(r), widths: [11, 28, 22, 55, 23, 18], leftCols: [1, 2, 3] }
      : { kind: 'para', text: 'Không có nhiệm vụ chưa hoàn thành quá hạn.' },
    ...(r.overdueTruncated ? [{ kind: 'para', text: `Danh sách chỉ gồm ${formatIntVi(r.overdue.length)} nhiệm vụ đầu tiên.`, italic: true } as const] : []),
  ];
  return { letterhead, issuedOn, title: t.title, subject: t.subject, blocks, closing: closingSentence(r), recipients: RECIPIENTS };
}
