/**
 * The indicators' spreadsheets: the chart data of one indicator (actual, target, same period
 * last year), the entry template, and reading a filled template back into value rows.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../shared/errors';
import type { SeriesRow } from './chart-series';
import { ATTAINMENT_RULE_VI } from './chart-series';
import { isPeriod, PERIOD_EXAMPLE, PERIOD_KIND_VI, type PeriodKind } from './periods';
import { parseVietnameseNumber } from './propose-indicators';
import type { ValueRow } from './enter-values';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const TEMPLATE_SHEET = 'Nhập số liệu';
const HEADERS = ['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Đơn vị tính', 'Kỳ', 'Mã cơ quan/xã (trống = toàn tỉnh)', 'Giá trị'];

interface CatalogueEntry {
  id: string;
  code: string;
  name: string;
  unit: string;
  periodKind: PeriodKind;
}

const bold = { bold: true } as const;

export async function renderSeriesXlsx(
  indicator: { code: string; name: string; unit: string; direction: string },
  scopeName: string,
  rows: SeriesRow[],
  asOf: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dondoc';
  const ws = wb.addWorksheet('Số liệu biểu đồ');
  ws.addRow([`Chỉ tiêu: ${indicator.name} (${indicator.unit})`]).font = { bold: true, size: 13 };
  ws.addRow([`Phạm vi: ${scopeName}. Mã: ${indicator.code}. ${indicator.direction === 'lower' ? 'Càng thấp càng tốt.' : 'Càng cao càng tốt.'} Số liệu đến ngày ${asOf}.`]);
  ws.addRow([]);
  const head = ws.addRow(['Kỳ', 'Mã kỳ', 'Thực hiện', 'Kế hoạch', 'Tỷ lệ đạt (%)', 'Đạt kế hoạch', 'Cùng kỳ năm trước', 'So với cùng kỳ (%)']);
  head.font = bold;
  for (const r of rows) {
    ws.addRow([r.label, r.period, r.actual, r.target, r.attainment, r.met === null ? '' : r.met ? 'Đạt' : 'Chưa đạt', r.lastYear, r.changeVsLastYear]);
  }
  ws.addRow([]);
  ws.addRow([ATTAINMENT_RULE_VI]);
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 24 : 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function renderTemplateXlsx(catalogue: CatalogueEntry[], places: { code: string; name: string }[], examplePeriod: (k: PeriodKind) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dondoc';
  const ws = wb.addWorksheet(TEMPLATE_SHEET);
  ws.addRow(HEADERS).font = bold;
  for (const c of catalogue) ws.addRow([c.code, c.name, c.unit, examplePeriod(c.periodKind), '', null]);
  // Periods and codes are text: Excel must not turn "2025-06" into a date.
  ws.getColumn(4).numFmt = '@';
  ws.getColumn(5).numFmt = '@';
  ws.columns.forEach((c, i) => (c.width = [14, 48, 14, 12, 30, 14][i]));
  const list = wb.addWorksheet('Chỉ tiêu');
  list.addRow(['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Đơn vị tính', 'Loại kỳ', 'Dạng kỳ']).font = bold;
  for (const c of catalogue) list.addRow([c.code, c.name, c.unit, PERIOD_KIND_VI[c.periodKind], PERIOD_EXAMPLE[c.periodKind]]);
  const ag = wb.addWorksheet('Cơ quan, xã');
  ag.addRow(['Mã', 'Tên']).font = bold;
  for (const p of places) ag.addRow([p.code, p.name]);
  const help = wb.addWorksheet('Hướng dẫn');
  for (const line of [
    `Điền mỗi dòng một số liệu ở trang "${TEMPLATE_SHEET}". Dòng để trống cột Giá trị được bỏ qua.`,
    'Kỳ: tháng 2025-06, quý 2025-Q2, 6 tháng 2025-H1, năm 2025 (theo loại kỳ của chỉ tiêu).',
    'Mã cơ quan/xã: để trống khi là số liệu toàn tỉnh; xem trang "Cơ quan, xã".',
    'Giá trị: số, có thể viết kiểu Việt Nam (2.394 hoặc 6,56).',
  ])
    help.addRow([line]);
  help.getColumn(1).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return String(v).trim();
}

/** A period cell: text as written, or a date Excel made of it (kept to the kind's shape). */
function periodText(v: ExcelJS.CellValue, kind: PeriodKind): string {
  if (v instanceof Date) return kind === 'year' ? String(v.getUTCFullYear()) : v.toISOString().slice(0, 7);
  if (typeof v === 'number' && kind === 'year') return String(v);
  return cellText(v).replace(/\s+/g, '').toUpperCase().replace(/^(\d{4})-Q/, '$1-Q');
}

/**
 * Reads a filled template. Every problem is listed with its row; any problem and nothing is read.
 */
export async function readValuesWorkbook(bytes: Uint8Array, catalogue: CatalogueEntry[], agencyByCode: Map<string, string>): Promise<ValueRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('BAD_FILE', 'Không đọc được tệp Excel (.xlsx). Hãy dùng mẫu tải về từ dondoc.');
  }
  const ws = wb.getWorksheet(TEMPLATE_SHEET) ?? wb.worksheets[0];
  if (!ws) throw new AppError('BAD_FILE', 'Tệp Excel không có trang nào.');
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  if (header[0] !== HEADERS[0] || header[3] !== HEADERS[3] || header[5] !== HEADERS[5]) {
    throw new AppError('BAD_FILE', `Trang "${ws.name}" không đúng mẫu: dòng 1 phải có các cột ${HEADERS.map((h) => `"${h}"`).join(', ')}.`);
  }
  const byCode = new Map(catalogue.map((c) => [c.code.toUpperCase(), c]));
  const rows: ValueRow[] = [];
  const errors: string[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const raw = row.getCell(6).value;
    const valueText = cellText(raw);
    if (!valueText) return;
    const label = `Dòng ${n}`;
    const code = cellText(row.getCell(1).value).toUpperCase();
    const ind = byCode.get(code);
    if (!ind) return void errors.push(`${label}: không có chỉ tiêu mã "${code}".`);
    const period = periodText(row.getCell(4).value, ind.periodKind);
    if (!isPeriod(ind.periodKind, period)) errors.push(`${label}: kỳ "${period}" không đúng dạng kỳ ${PERIOD_KIND_VI[ind.periodKind]} (ví dụ ${PERIOD_EXAMPLE[ind.periodKind]}).`);
    const placeCode = cellText(row.getCell(5).value);
    const agencyId = placeCode ? (agencyByCode.get(placeCode) ?? null) : null;
    if (placeCode && !agencyId) errors.push(`${label}: không có cơ quan/xã mã "${placeCode}".`);
    const value = typeof raw === 'number' ? raw : parseVietnameseNumber(valueText);
    if (value === null) errors.push(`${label}: giá trị "${valueText}" không phải là số.`);
    rows.push({ indicatorId: ind.id, period, agencyId, value: value ?? NaN, label });
  });
  if (errors.length) throw new AppError('VALIDATION', `Tệp số liệu có lỗi, chưa lưu dòng nào:\n- ${errors.join('\n- ')}`, { errors });
  if (!rows.length) throw new AppError('VALIDATION', 'Tệp không có dòng số liệu nào (cột "Giá trị" đều trống).');
  return rows;
}
