/**
 * The assignment list as an Excel workbook: exactly the rows `listAssignments` returns for the
 * same filters and actor (so an agency officer exports only their agency), walked page by page
 * through the cursor and streamed out, up to EXPORT_MAX_ROWS rows. Above the table, the official
 * title block (the province's letterhead, title, the day the figures are as of); in each row,
 * besides the list's columns, the supporting agencies, the latest progress report dated up to
 * that day and the deadline's history (the first deadline, then each extension or change).
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { and, asc, desc, inArray, lte } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { assignments, progressReports } from '../assignments/assignments.schema';
import { events } from '../events/events.schema';
import { formatDateVi, todayInVietnam } from '../shared/dates';
import { letterheadFrom, type Letterhead } from './letterhead';
import { writeTitleBlock } from './official-xlsx';
import type { Actor } from '../auth/actor';
import { listAssignments, type AssignmentFilter, type AssignmentListRow } from '../assignments/list-assignments';
import { BUCKET_LABELS } from '../assignments/buckets';
import { STATE_LABELS } from '../assignments/state-machine';

export const EXPORT_MAX_ROWS = 50_000;
const PAGE = 500;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const LIST_COLUMNS: { header: string; width: number }[] = [
  { header: 'STT', width: 6 },
  { header: 'Số văn bản', width: 18 },
  { header: 'Mục', width: 8 },
  { header: 'Nội dung nhiệm vụ', width: 60 },
  { header: 'Cơ quan chủ trì', width: 26 },
  { header: 'Cơ quan phối hợp', width: 26 },
  { header: 'Hạn xử lý', width: 13 },
  { header: 'Lịch sử hạn xử lý', width: 30 },
  { header: 'Trạng thái', width: 18 },
  { header: 'Phân loại', width: 24 },
  { header: 'Tiến độ (%)', width: 10 },
  { header: 'Báo cáo gần nhất', width: 45 },
  { header: 'Ngày hoàn thành', width: 14 },
];
const COLUMNS = LIST_COLUMNS;
/** Rows 1–7 hold the title block; the table's header is on this row. */
export const LIST_HEADER_ROW = 8;
const DATE_COLS = [7, 13];
const WRAP_COLS = [4, 6, 8, 12];
const DATE_FMT = 'dd/mm/yyyy';

/** An ISO date as the Excel date of that calendar day (exceljs writes Dates as UTC). */
const excelDate = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

interface RowExtras {
  supports: string;
  latestReport: string;
  deadlineHistory: string;
  /** The percent of the latest report that gave one, dated on or before the as-of day. */
  percentAsOf: number | null;
}

/**
 * The state on the as-of day. When the row has not changed since that day its state is exact;
 * otherwise the bucket (the one as-of rule) says whether it was done, cancelled or still open
 * then — never a later state ("Đã hoàn thành" in a report of a month when it was not).
 */
function stateAsOf(r: AssignmentListRow, asOf: string): string {
  if (todayInVietnam(new Date(r.updatedAt)) <= asOf) return STATE_LABELS[r.state];
  if (r.bucket === 'done_on_time' || r.bucket === 'done_late') return STATE_LABELS.done;
  if (r.bucket === 'cancelled') return STATE_LABELS.cancelled;
  return 'Chưa hoàn thành';
}

function rowValues(n: number, r: AssignmentListRow, x: RowExtras | undefined, asOf: string): unknown[] {
  const changedSince = todayInVietnam(new Date(r.updatedAt)) > asOf;
  return [
    n,
    r.documentNumber ?? '',
    r.ref ?? '',
    r.text,
    r.agencyName,
    x?.supports ?? '',
    // The deadline in force on the as-of day; a task without a fixed date keeps its words ("thường xuyên", "quý III").
    excelDate(r.dueAsOf) ?? r.dueText ?? '',
    x?.deadlineHistory ?? '',
    stateAsOf(r, asOf),
    BUCKET_LABELS[r.bucket],
    // Progress as reported by the as-of day (a later report is not yet known then).
    changedSince ? (r.bucket === 'done_on_time' || r.bucket === 'done_late' ? 100 : (x?.percentAsOf ?? 0)) : r.progressPercent,
    x?.latestReport ?? '',
    // A completion accepted after the as-of day is not yet a completion on that day.
    (r.bucket === 'done_on_time' || r.bucket === 'done_late' ? excelDate(r.completedOn) : null) ?? '',
  ];
}

/**
 * What the list rows do not carry, for one page of rows in three queries: supporting agencies,
 * the latest report dated on or before `asOf`, and the deadline's history.
 */
export async function loadRowExtras(db: DbOrTx, ids: string[], asOf: string): Promise<Map<string, RowExtras>> {
  const out = new Map<string, RowExtras>();
  if (!ids.length) return out;
  const base = await db
    .select({ id: assignments.id, supports: assignments.supportNames, originalDue: assignments.originalDue, dueHistory: assignments.dueHistory })
    .from(assignments)
    .where(inArray(assignments.id, ids));
  const reports = await db
    .select({ id: progressReports.assignmentId, kind: progressReports.kind, text: progressReports.text, percent: progressReports.percent, on: progressReports.reportedOn })
    .from(progressReports)
    .where(and(inArray(progressReports.assignmentId, ids), lte(progressReports.reportedOn, asOf)))
    .orderBy(asc(progressReports.assignmentId), desc(progressReports.reportedOn), desc(progressReports.createdAt));
  const latest = new Map<string, (typeof reports)[number]>();
  for (const r of reports) if (!latest.has(r.id)) latest.set(r.id, r);
  // The deadline's history as the assignment page shows it: approved extensions and the
  // office's changes, in order, cut at the as-of day. The day of each change is the one the
  // as-of rule reads (`due_history`, written with the change, in the same order as its event);
  // the event's own timestamp is the server's clock, used only for rows older than the history.
  const changes = await db
    .select({ id: events.assignmentId, action: events.action, after: events.after, at: events.at })
    .from(events)
    .where(and(inArray(events.assignmentId, ids), inArray(events.action, ['assignment.deadline_extended', 'assignment.deadline_changed', 'assignment.report_progress'])))
    .orderBy(asc(events.id));
  for (const b of base) {
    let prev = b.originalDue;
    let n = 0;
    const history = [b.originalDue ? `Hạn ban đầu: ${formatDateVi(b.originalDue)}` : ''];
    let i = 0;
    for (const c of changes) {
      if (c.id !== b.id) continue;
      const after = (c.after ?? {}) as { due?: string | null };
      // A progress report moves the deadline only for a recurring duty (a period closed).
      if (c.action === 'assignment.report_progress' && !('due' in after)) continue;
      const on = b.dueHistory?.[i++]?.on ?? todayInVietnam(c.at);
      if (on > asOf) break;
      const due = after.due ?? null;
      const span = `${prev ? `${formatDateVi(prev)} → ` : ''}${due ? formatDateVi(due) : 'không có hạn'}`;
      history.push(
        c.action === 'assignment.deadline_extended' ? `Gia hạn lần ${++n}: ${span}` : c.action === 'assignment.report_progress' ? `Báo cáo kỳ: ${span}` : `Văn phòng điều chỉnh: ${span}`,
      );
      prev = due;
    }
    const rep = latest.get(b.id);
    const withPercent = reports.find((r) => r.id === b.id && r.percent !== null);
    out.set(b.id, {
      percentAsOf: withPercent?.percent ?? null,
      supports: (b.supports ?? []).join('; '),
      latestReport: rep ? `${formatDateVi(rep.on)}${rep.kind === 'completion' ? ' (báo cáo hoàn thành)' : rep.percent !== null ? ` (${rep.percent}%)` : ''}: ${rep.text}` : '',
      deadlineHistory: history.filter(Boolean).join('\n'),
    });
  }
  return out;
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
  {
    maxRows = EXPORT_MAX_ROWS,
    pageSize = PAGE,
    letterhead = letterheadFrom(null, null),
    issuedOn = filter.asOf,
  }: { maxRows?: number; pageSize?: number; letterhead?: Letterhead; issuedOn?: string } = {},
): Promise<Readable> {
  const first = await listAssignments(db, actor, { ...filter, limit: Math.min(pageSize, maxRows) });
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'dondoc';
  wb.created = new Date();
  const ws = wb.addWorksheet('Nhiệm vụ', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: LIST_HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${LIST_HEADER_ROW}:${LIST_HEADER_ROW}` },
  });
  ws.columns = COLUMNS.map((c, i) => ({
    width: c.width,
    style: DATE_COLS.includes(i + 1) ? { numFmt: DATE_FMT, alignment: { vertical: 'top' } } : WRAP_COLS.includes(i + 1) ? { alignment: { wrapText: true, vertical: 'top' } } : { alignment: { vertical: 'top' } },
  }));
  writeTitleBlock(ws, letterhead, issuedOn, 'DANH SÁCH NHIỆM VỤ', `Do Chủ tịch, các Phó Chủ tịch UBND tỉnh giao — số liệu tính đến ngày ${formatDateVi(filter.asOf)}`, COLUMNS.length);
  for (let r = 1; r < LIST_HEADER_ROW; r++) ws.getRow(r).commit();
  ws.autoFilter = { from: { row: LIST_HEADER_ROW, column: 1 }, to: { row: LIST_HEADER_ROW, column: COLUMNS.length } };
  const header = ws.getRow(LIST_HEADER_ROW);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((c) => (c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }));
  header.commit();

  const write = async () => {
    let n = 0;
    let page = first;
    for (;;) {
      const extras = await loadRowExtras(db, page.items.map((r) => r.id), filter.asOf);
      for (const r of page.items) {
        if (n >= maxRows) break;
        n += 1;
        ws.addRow(rowValues(n, r, extras.get(r.id), filter.asOf)).commit();
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

/**
 * The same list as a sheet of an ordinary workbook (the monthly report's .xlsx carries the
 * report's tasks after the report itself): same columns, title block and rows as the export.
 */
export async function addAssignmentsSheet(
  wb: ExcelJS.Workbook,
  db: DbOrTx,
  actor: Actor,
  filter: ExportFilter,
  { maxRows = EXPORT_MAX_ROWS, pageSize = PAGE, letterhead = letterheadFrom(null, null), issuedOn = filter.asOf }: { maxRows?: number; pageSize?: number; letterhead?: Letterhead; issuedOn?: string } = {},
): Promise<void> {
  const ws = wb.addWorksheet('Nhiệm vụ', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: LIST_HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${LIST_HEADER_ROW}:${LIST_HEADER_ROW}` },
  });
  COLUMNS.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (DATE_COLS.includes(i + 1)) column.numFmt = DATE_FMT;
    column.alignment = WRAP_COLS.includes(i + 1) ? { wrapText: true, vertical: 'top' } : { vertical: 'top' };
  });
  writeTitleBlock(ws, letterhead, issuedOn, 'DANH SÁCH NHIỆM VỤ', `Do Chủ tịch, các Phó Chủ tịch UBND tỉnh giao — số liệu tính đến ngày ${formatDateVi(filter.asOf)}`, COLUMNS.length);
  ws.autoFilter = { from: { row: LIST_HEADER_ROW, column: 1 }, to: { row: LIST_HEADER_ROW, column: COLUMNS.length } };
  const header = ws.getRow(LIST_HEADER_ROW);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((c) => (c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }));
  let n = 0;
  let cursor: string | undefined;
  let more = false;
  do {
    const page = await listAssignments(db, actor, { ...filter, limit: pageSize, cursor });
    const extras = await loadRowExtras(db, page.items.map((r) => r.id), filter.asOf);
    for (const r of page.items) {
      if (n >= maxRows) break;
      n += 1;
      ws.getRow(LIST_HEADER_ROW + n).values = rowValues(n, r, extras.get(r.id), filter.asOf) as ExcelJS.CellValue[];
    }
    cursor = page.nextCursor ?? undefined;
    more = !!cursor;
  } while (cursor && n < maxRows);
  if (n >= maxRows && more) ws.getRow(LIST_HEADER_ROW + n + 1).values = [null, `Chỉ xuất ${maxRows.toLocaleString('vi-VN')} dòng đầu; hãy lọc hẹp hơn để xuất phần còn lại.`];
}
