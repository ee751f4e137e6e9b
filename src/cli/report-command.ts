/**
 * `dondoc report --month YYYY-MM --format docx|pdf|xlsx -o FILE [--agency CODE] [--group CODE]
 * [--leader USERNAME] [--document SỐ]`: the monthly report as the API gives it (same engine,
 * same renderers, same filters), for the whole province as seen by the office. The .xlsx is the
 * download button's: the report, then the report's tasks as of the report's day (title block,
 * supporting agencies, latest progress report and deadline history up to that day).
 * Bad options exit with 2 before the database is opened; an unknown code or name exits with 1.
 * Progress goes to stderr; nothing is written to FILE unless the report was built.
 */
import { writeFile, rename } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import { openApp } from '../app/open-app';
import { parseCli, runCommand } from './args';
import { AppError } from '../shared/errors';
import { SYSTEM_ACTOR } from '../auth/actor';
import { agencies } from '../directory/directory.schema';
import { buildMonthlyReport, type ReportFilters } from '../reports/monthly-report';
import { users } from '../auth/auth.schema';
import { documents } from '../documents/documents.schema';
import { groups } from '../directory/directory.schema';
import type { DbOrTx } from '../db/client';
import { renderMonthlyDocx } from '../reports/monthly-docx';
import { renderMonthlyPdf } from '../reports/monthly-pdf';
import { loadLetterhead } from '../reports/letterhead';
import { renderMonthlyXlsx } from '../reports/monthly-xlsx';

const FORMATS = ['docx', 'pdf', 'xlsx'] as const;

export async function run(args: string[]): Promise<number> {
  const { values } = parseCli(args, {
    month: { type: 'string' },
    format: { type: 'string' },
    o: { type: 'string', short: 'o' },
    output: { type: 'string' },
    agency: { type: 'string' },
    group: { type: 'string' },
    leader: { type: 'string' },
    document: { type: 'string' },
  });
  const month = values.month;
  const format = (values.format ?? 'docx') as (typeof FORMATS)[number];
  const out = values.o ?? values.output;
  const problems: string[] = [];
  if (!month || !/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/.test(month)) problems.push('--month phải có dạng YYYY-MM, ví dụ 2025-07');
  if (!FORMATS.includes(format)) problems.push('--format phải là docx, pdf hoặc xlsx');
  if (!out) problems.push('cần -o TỆP_KẾT_QUẢ');
  for (const k of ['agency', 'group', 'leader', 'document'] as const) if (values[k] !== undefined && !values[k].trim()) problems.push(`--${k} không được để trống`);
  if (problems.length) {
    // The same exit code as an unknown option (parseCli): the command line itself is wrong.
    console.error(`Tham số không hợp lệ: ${problems.join('; ')}.`);
    return 2;
  }
  return runCommand(async () => {
    const step = (s: string) => process.stderr.write(`${s}\n`);
    step('Mở cơ sở dữ liệu…');
    const { ctx, database } = await openApp();
    try {
      const filters = await resolveFilters(ctx.db, values);
      step(`Tính báo cáo tháng ${month}…`);
      const report = await buildMonthlyReport(ctx.db, SYSTEM_ACTOR, { ...filters, month: month!, today: ctx.today() });
      if (report.scope) step(report.scope);
      step(`Tính đến ${report.asOf}: ${report.totals.total} nhiệm vụ, ${report.agencies.length} cơ quan.`);
      const tmp = `${out}.tmp-${process.pid}`;
      step(`Ghi tệp .${format}…`);
      if (format === 'xlsx') {
        await writeFile(tmp, await renderMonthlyXlsx(ctx.db, SYSTEM_ACTOR, report, await loadLetterhead(ctx.db), ctx.today()));
      } else {
        const letterhead = await loadLetterhead(ctx.db);
        const buf = format === 'docx' ? await renderMonthlyDocx(report, letterhead, ctx.today()) : await renderMonthlyPdf(report, letterhead, ctx.today());
        await writeFile(tmp, buf);
      }
      await rename(tmp, out!);
      step(`Đã ghi ${out}.`);
      return 0;
    } finally {
      await database.close();
    }
  });
}

/** The codes and names a person types, as the ids the report filters on. */
async function resolveFilters(db: DbOrTx, v: { agency?: string; group?: string; leader?: string; document?: string }): Promise<ReportFilters> {
  const f: ReportFilters = {};
  if (v.agency) {
    const [a] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, v.agency.trim()));
    if (!a) throw new AppError('NOT_FOUND', `Không có cơ quan mã "${v.agency}".`);
    f.agencyId = a.id;
  }
  if (v.group) {
    const [g] = await db.select({ id: groups.id }).from(groups).where(eq(groups.code, v.group.trim()));
    if (!g) throw new AppError('NOT_FOUND', `Không có nhóm cơ quan mã "${v.group}".`);
    f.groupId = g.id;
  }
  if (v.leader) {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, v.leader.trim()));
    if (!u) throw new AppError('NOT_FOUND', `Không có tài khoản lãnh đạo "${v.leader}".`);
    f.leaderId = u.id;
  }
  if (v.document) {
    const found = await db.select({ id: documents.id }).from(documents).where(and(eq(documents.number, v.document.trim()), eq(documents.status, 'published')));
    if (found.length !== 1) throw new AppError(found.length ? 'CONFLICT' : 'NOT_FOUND', found.length ? `Có ${found.length} văn bản cùng số "${v.document}".` : `Không có văn bản đã ban hành số "${v.document}".`);
    f.documentId = found[0].id;
  }
  return f;
}
