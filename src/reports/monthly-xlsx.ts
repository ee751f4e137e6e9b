/**
 * The monthly report as an Excel workbook: the report itself (official-xlsx.ts), then the
 * report's tasks on the report's day with the same filters (assignments-xlsx.ts) — what the
 * download button and `dondoc report --format xlsx` both give.
 */
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import type { Letterhead } from './letterhead';
import { REPORT_BUCKETS, type MonthlyReport } from './monthly-report';
import { monthlyOfficialReport } from './report-text';
import { renderOfficialXlsx } from './official-xlsx';
import { addAssignmentsSheet } from './assignments-xlsx';

export function renderMonthlyXlsx(db: DbOrTx, actor: Actor, r: MonthlyReport, letterhead: Letterhead, issuedOn: string): Promise<Buffer> {
  return renderOfficialXlsx(monthlyOfficialReport(r, letterhead, issuedOn), 'Báo cáo', (wb) =>
    addAssignmentsSheet(wb, db, actor, { asOf: r.asOf, ...r.filters, bucket: [...REPORT_BUCKETS], sort: 'due' }, { letterhead, issuedOn }),
  );
}
