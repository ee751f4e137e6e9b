/**
 * The assignment list as an Excel workbook: exactly the rows `listAssignments` returns for the
 * same filters and actor (so an agency officer exports only their agency), walked page by page
 * through the cursor and streamed out, up to EXPORT_MAX_ROWS rows.
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { listAssignments, type AssignmentFilter, type AssignmentListRow } from '../assignments/list-assignments';
import { BUCKET_LABELS } from '../assignments/buckets';
import { STATE_LABELS } from '../assignments/state-machine';

export const EXPORT_MAX_ROWS = 50_000;
const PAGE = 500;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const COLUMNS: { header: string; width: number }[] = [
  { header: 'STT', width: 6 },
  { header: 'Số văn bản', width: 18 },
  { header: 'Mục', width: 8 },
  { header: 'Nội dung nhiệm vụ', width: 70 },
  { header: 'Cơ quan chủ trì', width: 28 },
  { header: 'Hạn xử lý', width: 13 },
  { header: 'Trạng thái', width: 20 },
  { header: 'Phân loại', width: 26 },
  { header: 'Tiến độ (%)', width: 11 },
  { header: 'Ngày hoàn thành', width: 15 },
];
const DATE_FMT = 'dd/mm/yyyy';

/** An ISO date as the Excel date of that calendar day (exceljs writes Dates as UTC). */
const excelDate = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

function rowValues(n: number, r: AssignmentListRow): unknown[] {
  return [
    n,
    r.documentNumber ?? '',
    r.ref ?? '',
    r.text,
    r.agencyName,
    // A task without a fixed date keeps its words ("thường xuyên", "quý III").
    excelDate(r.due) ?? r.dueText ?? '',
    STATE_LABELS[r.state],
    BUCKET_LABELS[r.bucket],
    r.progressPercent,
    excelDate(r.completedOn) ?? '',
  ];
}

type ExportFilter = Omit<AssignmentFilter, 'limit' | 'cursor'>;

/**
 * Reads the first page before returning, so a bad filter fails as a normal error answer; the
 * workbook then streams while the next pages are read.
 */
export async function streamAssignmentsXlsx(
  db: DbOrTx,
  actor: Actor,
  filter: ExportFilter,
  { maxRows = EXPORT_MAX_ROWS, pageSize = PAGE }: { maxRows?: number; pageSize?: number } = {},
): Promise<Readable> {
  const first = await listAssignments(db, actor, { ...filter, limit: Math.min(pageSize, maxRows) });
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'dondoc';
  wb.created = new Date();
  const ws = wb.addWorksheet('Nhiệm vụ', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = COLUMNS.map((c, i) => ({
    header: c.header,
    width: c.width,
    style: i === 5 || i === 9 ? { numFmt: DATE_FMT } : i === 3 ? { alignment: { wrapText: true, vertical: 'top' } } : { alignment: { vertical: 'top' } },
  }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.commit();

  const write = async () => {
    let n = 0;
    let page = first;
    for (;;) {
      for (const r of page.items) {
        if (n >= maxRows) break;
        n += 1;
        ws.addRow(rowValues(n, r)).commit();
      }
      if (!page.nextCursor || n >= maxRows) break;
      page = await listAssignments(db, actor, { ...filter, limit: pageSize, cursor: page.nextCursor });
    }
    if (n >= maxRows && page.nextCursor) {
      ws.addRow([null, `Chỉ xuất ${maxRows.toLocaleString('vi-VN')} dòng đầu; hãy lọc hẹp hơn để xuất phần còn lại.`]).commit();
    }
    ws.commit();
    await wb.commit();
  };
  write().catch((err) => out.destroy(err as Error));
  return out;
}
