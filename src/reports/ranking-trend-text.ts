/**
 * The ranking and the trend as official reports (the blocks the .docx, .pdf and .xlsx draw):
 * the ranking with its arithmetic written out in each row, the trend as a month-by-month table.
 */
import { formatDateVi } from '../shared/dates';
import { formatIntVi, formatPercentVi, monthLabelVi } from './format';
import type { Letterhead } from './letterhead';
import { DEFAULT_RECIPIENTS, type OfficialReport } from './official-blocks';
import type { Ranking } from './ranking';
import type { TrendPoint } from './trend';

export const RANKING_TABLE_HEADERS = ['Hạng', 'Cơ quan', 'Hoàn thành đúng hạn', 'Có hạn trong kỳ', 'Tỷ lệ đúng hạn', 'Phép tính', 'Quá hạn (xét khi bằng tỷ lệ)'];
export const TREND_TABLE_HEADERS = ['Tháng', 'Tính đến ngày', 'Hoàn thành đúng hạn trong tháng', 'Hoàn thành quá hạn trong tháng', 'Chưa hoàn thành quá hạn cuối tháng'];

export function rankingOfficialReport(r: Ranking, letterhead: Letterhead, issuedOn: string): OfficialReport {
  return {
    letterhead,
    issuedOn,
    title: 'BÁO CÁO',
    subject: `Xếp hạng các cơ quan theo tỷ lệ hoàn thành đúng hạn nhiệm vụ do Chủ tịch, các Phó Chủ tịch UBND tỉnh giao (hạn xử lý từ ngày ${formatDateVi(r.from)} đến ngày ${formatDateVi(r.to)})`,
    blocks: [
      { kind: 'heading', text: 'I. CÁCH XẾP HẠNG' },
      { kind: 'para', text: r.rule, italic: true, small: true },
      { kind: 'heading', text: `II. KẾT QUẢ XẾP HẠNG (tình trạng tính đến ngày ${formatDateVi(r.asOf)})` },
      r.agencies.length
        ? {
            kind: 'table',
            headers: RANKING_TABLE_HEADERS,
            rows: r.agencies.map((a) => ({
              cells: [String(a.rank), a.agencyName, formatIntVi(a.doneOnTime), formatIntVi(a.due), formatPercentVi(a.onTimeRate), `${formatIntVi(a.doneOnTime)} ÷ ${formatIntVi(a.counted)}`, formatIntVi(a.overdue)],
            })),
            widths: [11, 45, 20, 20, 20, 22, 22],
            leftCols: [1, 5],
          }
        : { kind: 'para', text: 'Không có cơ quan nào có nhiệm vụ đến hạn trong kỳ.' },
    ],
    closing: 'Văn phòng UBND tỉnh báo cáo Chủ tịch, các Phó Chủ tịch UBND tỉnh kết quả xếp hạng các cơ quan./.',
    recipients: DEFAULT_RECIPIENTS,
  };
}

export function trendOfficialReport(t: { months: TrendPoint[]; rule: string }, letterhead: Letterhead, issuedOn: string, agencyName?: string): OfficialReport {
  const first = t.months[0]?.month;
  const last = t.months[t.months.length - 1]?.month;
  return {
    letterhead,
    issuedOn,
    title: 'BÁO CÁO',
    subject: `Diễn biến thực hiện nhiệm vụ do Chủ tịch, các Phó Chủ tịch UBND tỉnh giao${agencyName ? ` của ${agencyName}` : ''} từ tháng ${first ? monthLabelVi(first) : ''} đến tháng ${last ? monthLabelVi(last) : ''}`,
    blocks: [
      { kind: 'heading', text: 'I. SỐ LIỆU THEO THÁNG' },
      {
        kind: 'table',
        headers: TREND_TABLE_HEADERS,
        rows: t.months.map((p) => ({ cells: [monthLabelVi(p.month), formatDateVi(p.asOf), formatIntVi(p.doneOnTime), formatIntVi(p.doneLate), formatIntVi(p.openOverdue)] })),
        widths: [16, 20, 25, 25, 25],
        leftCols: [],
      },
      { kind: 'heading', text: 'II. CÁCH TÍNH' },
      { kind: 'para', text: t.rule, italic: true, small: true },
    ],
    closing: 'Văn phòng UBND tỉnh báo cáo Chủ tịch, các Phó Chủ tịch UBND tỉnh diễn biến thực hiện nhiệm vụ theo tháng./.',
    recipients: DEFAULT_RECIPIENTS,
  };
}
