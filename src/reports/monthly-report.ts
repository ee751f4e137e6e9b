/**
 * The monthly report: per lead agency the five bucket counts as of the month's last day (or
 * today, for the running month), the on-time rate, and the tasks overdue on that day. Counts
 * come from `countAssignments` and the list from `listAssignments`, so the report, the
 * dashboard and the list always agree for the same date and the same actor's scope.
 */
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { countAssignments, listAssignments } from '../assignments/list-assignments';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/sql';
import { BUCKET_RULE_VI, type Bucket } from '../assignments/buckets';
import { ON_TIME_RATE_FORMULA_VI, ON_TIME_RATE_RULE_VI, onTimeRate } from '../assignments/on-time-rate';

export { ON_TIME_RATE_RULE_VI, onTimeRate };
import { monthEnd } from './format';
import { eq } from 'drizzle-orm';
import { AppError } from '../shared/errors';
import { users } from '../auth/auth.schema';
import { documents } from '../documents/documents.schema';
import { agencies as agenciesTable, groups } from '../directory/directory.schema';

/** The five buckets a report shows (cancelled tasks are left out). */
export const REPORT_BUCKETS = ['done_on_time', 'done_late', 'open_on_time', 'open_overdue', 'no_deadline'] as const satisfies readonly Bucket[];
export type ReportBucket = (typeof REPORT_BUCKETS)[number];
export type ReportCounts = Record<ReportBucket, number>;

/** Column titles of the official table (without the commas of the UI labels). */
export const REPORT_COLUMN_LABELS: Record<ReportBucket, string> = {
  done_on_time: 'Đã hoàn thành đúng hạn',
  done_late: 'Đã hoàn thành quá hạn',
  open_on_time: 'Chưa hoàn thành trong hạn',
  open_overdue: 'Chưa hoàn thành quá hạn',
  no_deadline: 'Không có hạn',
};


export interface MonthlyAgencyRow {
  agencyId: string;
  agencyName: string;
  counts: ReportCounts;
  total: number;
  onTimeRate: number | null;
}

export interface OverdueTask {
  assignmentId: string;
  agencyId: string;
  agencyName: string;
  documentNumber: string | null;
  ref: string | null;
  text: string;
  /** The deadline in force on the report's day. */
  due: string;
  daysOverdue: number;
  /** The last progress reported on or before the report's day. */
  progressPercent: number;
}

/** What the report is narrowed to, beyond the actor's own scope. */
export interface ReportFilters {
  agencyId?: string;
  /** The leader in charge (lãnh đạo phụ trách). */
  leaderId?: string;
  documentId?: string;
  /** An agency group: lead agencies (on the report's day) that belong to it. */
  groupId?: string;
}

export interface MonthlyReport {
  month: string;
  /** The filters, echoed so the drill-down links and exports use exactly them. */
  filters: ReportFilters;
  /** The filters in words for the report's text ("Phạm vi: …"); null for the whole province. */
  scope: string | null;
  /** The date the buckets are computed for: the month's last day, or today for the running month. */
  asOf: string;
  agencies: MonthlyAgencyRow[];
  totals: { counts: ReportCounts; total: number; onTimeRate: number | null };
  overdue: OverdueTask[];
  /** True when the overdue list was cut at OVERDUE_LIMIT rows. */
  overdueTruncated: boolean;
  rule: string;
  /** The on-time rate's formula, for the report's note and tooltips. */
  onTimeRateFormula: string;
}

export const OVERDUE_LIMIT = 2000;

const pick = (c: Record<Bucket, number>): ReportCounts => ({
  done_on_time: c.done_on_time,
  done_late: c.done_late,
  open_on_time: c.open_on_time,
  open_overdue: c.open_overdue,
  no_deadline: c.no_deadline,
});
const sum = (c: ReportCounts) => REPORT_BUCKETS.reduce((n, b) => n + c[b], 0);

export function reportAsOf(month: string, today: string): string {
  const end = monthEnd(month);
  return end < today ? end : today;
}

/** The filters in words, each checked to exist (an unknown id is the caller's mistake, not an empty report). */
async function describeFilters(db: DbOrTx, f: ReportFilters): Promise<string | null> {
  const parts: string[] = [];
  const one = async <T>(rows: Promise<T[]>, what: string): Promise<T> => {
    const [row] = await rows;
    if (!row) throw new AppError('NOT_FOUND', `Không tìm thấy ${what} dùng để lọc báo cáo.`);
    return row;
  };
  if (f.leaderId) {
    const u = await one(db.select({ name: users.displayName, role: users.role }).from(users).where(eq(users.id, f.leaderId)), 'lãnh đạo phụ trách');
    parts.push(`nhiệm vụ do đồng chí ${u.name} phụ trách`);
  }
  if (f.documentId) {
    const d = await one(db.select({ number: documents.number, subject: documents.subject }).from(documents).where(eq(documents.id, f.documentId)), 'văn bản');
    parts.push(`nhiệm vụ giao tại văn bản ${[d.number ? `số ${d.number}` : '', d.subject ?? ''].filter(Boolean).join(' ')}`.trim());
  }
  if (f.groupId) {
    const g = await one(db.select({ name: groups.name }).from(groups).where(eq(groups.id, f.groupId)), 'nhóm cơ quan');
    parts.push(`cơ quan chủ trì thuộc nhóm ${g.name}`);
  }
  if (f.agencyId) {
    const a = await one(db.select({ name: agenciesTable.name }).from(agenciesTable).where(eq(agenciesTable.id, f.agencyId)), 'cơ quan');
    parts.push(`cơ quan chủ trì: ${a.name}`);
  }
  return parts.length ? `Phạm vi báo cáo: ${parts.join('; ')}.` : null;
}

export async function buildMonthlyReport(db: DbOrTx, actor: Actor, input: ReportFilters & { month: string; today: string }): Promise<MonthlyReport> {
  const asOf = reportAsOf(input.month, input.today);
  const filters: ReportFilters = {
    ...(input.agencyId && { agencyId: input.agencyId }),
    ...(input.leaderId && { leaderId: input.leaderId }),
    ...(input.documentId && { documentId: input.documentId }),
    ...(input.groupId && { groupId: input.groupId }),
  };
  const scope = await describeFilters(db, filters);
  // The counts and the overdue list read the same filters as the assignment list, so every
  // number's drill-down (the list with these filters, the bucket and asOf) gives exactly its tasks.
  const counted = await countAssignments(db, actor, { asOf, ...filters });
  const agencies: MonthlyAgencyRow[] = counted.agencies
    .map((a) => {
      const counts = pick(a.counts);
      return { agencyId: a.agencyId, agencyName: a.agencyName, counts, total: sum(counts), onTimeRate: onTimeRate(counts) };
    })
    .filter((a) => a.total > 0);
  const totalCounts = pick(counted.totals);

  const overdue: OverdueTask[] = [];
  let cursor: string | undefined;
  let overdueTruncated = false;
  do {
    const page = await listAssignments(db, actor, { asOf, ...filters, bucket: ['open_overdue'], sort: 'due', limit: 500, cursor });
    for (const r of page.items) {
      if (overdue.length >= OVERDUE_LIMIT) {
        overdueTruncated = true;
        break;
      }
      overdue.push({
        assignmentId: r.id,
        agencyId: r.agencyId,
        agencyName: r.agencyName,
        documentNumber: r.documentNumber,
        ref: r.ref,
        text: r.text,
        due: r.dueAsOf!,
        daysOverdue: r.daysOverdue,
        progressPercent: 0,
      });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && !overdueTruncated);
  // Progress as reported by that day, so a later report does not change a closed month.
  const ids = overdue.map((o) => o.assignmentId);
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = await queryRows<{ assignment_id: string; percent: number }>(
      db,
      sql`select distinct on (assignment_id) assignment_id, percent from progress_reports
          where assignment_id in (${sql.join(part.map((id) => sql`${id}::uuid`), sql`, `)}) and reported_on <= ${asOf}::date and percent is not null
          order by assignment_id, reported_on desc, created_at desc`,
    );
    const byId = new Map(rows.map((r) => [r.assignment_id, Number(r.percent)]));
    for (const o of overdue.slice(i, i + 500)) o.progressPercent = byId.get(o.assignmentId) ?? 0;
  }
  // Longest overdue first inside each agency, agencies in the order of the table.
  const order = new Map(agencies.map((a, i) => [a.agencyId, i]));
  overdue.sort((x, y) => (order.get(x.agencyId) ?? 0) - (order.get(y.agencyId) ?? 0) || y.daysOverdue - x.daysOverdue);

  return {
    month: input.month,
    filters,
    scope,
    asOf,
    agencies,
    totals: { counts: totalCounts, total: sum(totalCounts), onTimeRate: onTimeRate(totalCounts) },
    overdue,
    overdueTruncated,
    rule: `${BUCKET_RULE_VI} ${ON_TIME_RATE_RULE_VI}`,
    onTimeRateFormula: ON_TIME_RATE_FORMULA_VI,
  };
}

/** The summary paragraph of the report, shared by the .docx and the .pdf. */
export function summaryParagraph(r: MonthlyReport, fmtInt: (n: number) => string, fmtPct: (x: number | null) => string): string {
  const c = r.totals.counts;
  const done = c.done_on_time + c.done_late;
  const open = c.open_on_time + c.open_overdue;
  return (
    `Tính đến ngày ${r.asOf.slice(8, 10)}/${r.asOf.slice(5, 7)}/${r.asOf.slice(0, 4)}, tổng số nhiệm vụ do Chủ tịch, các Phó Chủ tịch UBND tỉnh giao đang theo dõi là ${fmtInt(r.totals.total)} nhiệm vụ, ` +
    `trong đó: đã hoàn thành ${fmtInt(done)} nhiệm vụ (đúng hạn ${fmtInt(c.done_on_time)}, quá hạn ${fmtInt(c.done_late)}); ` +
    `chưa hoàn thành ${fmtInt(open)} nhiệm vụ (trong hạn ${fmtInt(c.open_on_time)}, quá hạn ${fmtInt(c.open_overdue)}); ` +
    `không có hạn (thường xuyên) ${fmtInt(c.no_deadline)} nhiệm vụ. Tỷ lệ hoàn thành đúng hạn đạt ${fmtPct(r.totals.onTimeRate)}.`
  );
}
