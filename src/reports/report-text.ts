/** The words of the monthly report that the .docx and the .pdf share. */
import { formatDateVi } from '../shared/dates';
import { formatIntVi, formatPercentVi, monthLabelVi } from './format';
import { REPORT_BUCKETS, REPORT_COLUMN_LABELS, type MonthlyReport } from './monthly-report';

export function reportTitle(r: Pick<MonthlyReport, 'month'>) {
  return {
    title: 'BÁO CÁO',
    subject: `Tình hình thực hiện nhiệm vụ do Chủ tịch, các Phó Chủ tịch UBND tỉnh giao tháng ${monthLabelVi(r.month)}`,
  };
}

export interface TableRowText {
  cells: string[];
  bold?: boolean;
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
export const OVERDUE_TABLE_HEADERS = ['STT', 'Cơ quan chủ trì', 'Số văn bản', 'Nội dung nhiệm vụ', 'Hạn xử lý', 'Số ngày quá hạn'];
export function overdueTableRows(r: MonthlyReport): TableRowText[] {
  return r.overdue.map((o, i) => ({
    cells: [String(i + 1), o.agencyName, o.documentNumber ?? '', `${o.ref ? `${o.ref}. ` : ''}${o.text}`, formatDateVi(o.due), formatIntVi(o.daysOverdue)],
  }));
}

export const RECIPIENTS = ['- Chủ tịch, các PCT UBND tỉnh (b/c);', '- Các sở, ban, ngành;', '- UBND các xã, phường;', '- Lưu: VT, TH.'];
export const SIGNATURE = { title: 'CHÁNH VĂN PHÒNG', name: '………………………' };

export function closingSentence(r: Pick<MonthlyReport, 'month'>): string {
  return `Văn phòng UBND tỉnh báo cáo Chủ tịch, các Phó Chủ tịch UBND tỉnh tình hình thực hiện nhiệm vụ tháng ${monthLabelVi(r.month)}./.`;
}
