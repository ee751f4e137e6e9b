/**
 * `dondoc report --month YYYY-MM --format docx|pdf|xlsx -o FILE [--agency CODE]`: the monthly
 * report as the API gives it (same engine, same renderers), for the whole province as seen by
 * the office. The .xlsx holds the month's tasks as of the report's day (the list export).
 * Progress goes to stderr; nothing is written to FILE unless the report was built.
 */
import { writeFile, rename } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import { openApp } from '../app/open-app';
import { parseCli, runCommand } from './args';
import { AppError } from '../shared/errors';
import { SYSTEM_ACTOR } from '../auth/actor';
import { agencies } from '../directory/directory.schema';
import { buildMonthlyReport } from '../reports/monthly-report';
import { renderMonthlyDocx } from '../reports/monthly-docx';
import { renderMonthlyPdf } from '../reports/monthly-pdf';
import { loadLetterhead } from '../reports/letterhead';
import { streamAssignmentsXlsx } from '../reports/assignments-xlsx';

const FORMATS = ['docx', 'pdf', 'xlsx'] as const;

export async function run(args: string[]): Promise<number> {
  const { values } = parseCli(args, {
    month: { type: 'string' },
    format: { type: 'string' },
    o: { type: 'string', short: 'o' },
    output: { type: 'string' },
    agency: { type: 'string' },
  });
  return runCommand(async () => {
    const month = values.month;
    const format = (values.format ?? 'docx') as (typeof FORMATS)[number];
    const out = values.o ?? values.output;
    const problems: string[] = [];
    if (!month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) problems.push('--month phải có dạng YYYY-MM, ví dụ 2025-07');
    if (!FORMATS.includes(format)) problems.push('--format phải là docx, pdf hoặc xlsx');
    if (!out) problems.push('cần -o TỆP_KẾT_QUẢ');
    if (problems.length) throw new AppError('VALIDATION', `Tham số không hợp lệ: ${problems.join('; ')}.`);
    const step = (s: string) => process.stderr.write(`${s}\n`);
    step('Mở cơ sở dữ liệu…');
    const { ctx, database } = await openApp();
    try {
      let agencyId: string | undefined;
      if (values.agency) {
        const [a] = await ctx.db.select().from(agencies).where(eq(agencies.code, values.agency));
        if (!a) throw new AppError('NOT_FOUND', `Không có cơ quan mã "${values.agency}".`);
        agencyId = a.id;
      }
      step(`Tính báo cáo tháng ${month}…`);
      const report = await buildMonthlyReport(ctx.db, SYSTEM_ACTOR, { month: month!, agencyId, today: ctx.today() });
      step(`Tính đến ${report.asOf}: ${report.totals.total} nhiệm vụ, ${report.agencies.length} cơ quan.`);
      const tmp = `${out}.tmp-${process.pid}`;
      step(`Ghi tệp .${format}…`);
      if (format === 'xlsx') {
        const stream = await streamAssignmentsXlsx(ctx.db, SYSTEM_ACTOR, { asOf: report.asOf, agencyId, sort: 'due' });
        const chunks: Buffer[] = [];
        await pipeline(stream, new Writable({ write: (c, _e, cb) => (chunks.push(Buffer.from(c)), cb()) }));
        await writeFile(tmp, Buffer.concat(chunks));
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
