/**
 * `npx dondoc report --month 2025-07 --format docx|pdf|xlsx -o FILE` as the office runs it, on a
 * PGlite data folder: each file is written, opened and read back (mammoth, the PDF's text layer,
 * exceljs) with July's figures as of 31/07; bad options answer exit code 2 with a Vietnamese
 * message and write nothing; an unknown code answers exit 1.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { getDocumentProxy } from 'unpdf';
import { openApp } from '../app/open-app';
import { loadConfig } from '../config/config';
import { seedBulk } from '../reminders/testing/seed-bulk';
import { rebuildBucketSummary } from '../assignments/bucket-summary';
import { LIST_HEADER_ROW } from '../reports/assignments-xlsx';

const bin = fileURLToPath(new URL('../../bin/dondoc.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dondoc-report-'));
const env = { ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '', LOG_LEVEL: 'silent' };
const dondoc = (...args: string[]) => spawnSync(process.execPath, [bin, 'report', ...args], { env, encoding: 'utf8', timeout: 180_000 });
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  const saved = { ...process.env };
  Object.assign(process.env, { DATA_DIR: env.DATA_DIR, LOG_LEVEL: 'silent' });
  delete process.env.DATABASE_URL;
  try {
    const { database } = await openApp(loadConfig());
    const db = database.db;
    // Three communes, one task each, due 25/07/2025: Xã Thử 0 finished on 20/07 (on time); Xã Thử 1
    // extended on 03/08 to 30/08 (still overdue on 31/07, with its deadline then); Xã Thử 2 overdue.
    const seed = await seedBulk(db, { n: 3, due: '2025-07-25', prefix: 'R' });
    const [done, extended] = seed.assignmentIds;
    await db.execute(sql`update assignments set published_on = '2025-07-01'`);
    await db.execute(sql`update assignments set state = 'done', completed_on = '2025-07-20', accepted_on = '2025-07-20', progress_percent = 100 where id = ${done}`);
    await db.execute(
      sql`update assignments set due = '2025-08-30', due_history = '[{"on":"2025-08-03","from":"2025-07-25"}]'::jsonb, due_changed_on = '2025-08-03', extension_count = 1 where id = ${extended}`,
    );
    await db.execute(sql`insert into groups (code, name) values ('UBND_CAP_XA', 'UBND cấp xã')`);
    await db.execute(sql`insert into group_members (group_id, agency_id) select g.id, a.id from groups g, agencies a where g.code = 'UBND_CAP_XA' and a.kind = 'commune'`);
    await rebuildBucketSummary(db);
    await database.close();
  } finally {
    process.env = saved;
  }
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dondoc report', () => {
  it('writes the .docx, read back with July’s figures as of 31/07', { timeout: 240_000 }, async () => {
    const r = dondoc('--month', '2025-07', '--format', 'docx', '-o', file('t7.docx'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('Tính đến 2025-07-31: 3 nhiệm vụ, 3 cơ quan.');
    const { value: text } = await mammoth.extractRawText({ buffer: readFileSync(file('t7.docx')) });
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Tính đến ngày 31/07/2025, tổng số nhiệm vụ do Chủ tịch, các Phó Chủ tịch UBND tỉnh giao đang theo dõi là 3 nhiệm vụ');
    expect(text).toContain('đã hoàn thành 1 nhiệm vụ (đúng hạn 1, quá hạn 0); chưa hoàn thành 2 nhiệm vụ (trong hạn 0, quá hạn 2)');
    expect(text).toContain('Tỷ lệ hoàn thành đúng hạn đạt 33,33%');
    expect(text).toContain('Xã Thử 2');
    expect(existsSync(`${file('t7.docx')}.tmp-${r.pid}`)).toBe(false);
  });

  it('writes the .pdf with the same figures in its text layer', { timeout: 240_000 }, async () => {
    const r = dondoc('--month', '2025-07', '--format', 'pdf', '--output', file('t7.pdf'));
    expect(r.status, r.stderr).toBe(0);
    const buf = readFileSync(file('t7.pdf'));
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await getDocumentProxy(new Uint8Array(buf));
    let text = '';
    for (let i = 1; i <= pdf.numPages; i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      text += (content.items as { str: string }[]).map((it) => it.str.normalize('NFC')).join(' ') + ' ';
    }
    text = text.replace(/\s+/g, ' ');
    expect(text).toContain('31/07/2025');
    expect(text).toContain('33,33%');
    expect(text).toContain('Xã Thử 1');
  });

  it('writes the .xlsx: the report, then its tasks as of 31/07 with the later extension left out', { timeout: 240_000 }, async () => {
    const r = dondoc('--month', '2025-07', '--format', 'xlsx', '-o', file('t7.xlsx'), '--group', 'UBND_CAP_XA');
    expect(r.status, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file('t7.xlsx')) as unknown as ArrayBuffer);
    // The download button's workbook: the report, then its tasks.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Báo cáo', 'Nhiệm vụ']);
    const report: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => void report.push(String(c.value))));
    expect(report).toContain('Phạm vi báo cáo: cơ quan chủ trì thuộc nhóm UBND cấp xã.');
    expect(report.join(' ')).toContain('Tính đến ngày 31/07/2025, tổng số nhiệm vụ do Chủ tịch, các Phó Chủ tịch UBND tỉnh giao đang theo dõi là 3 nhiệm vụ');
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    expect(String(ws.getCell('A6').value)).toContain('tính đến ngày 31/07/2025');
    const header = (ws.getRow(LIST_HEADER_ROW).values as string[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = Array.from({ length: ws.rowCount - LIST_HEADER_ROW }, (_, i) => ws.getRow(LIST_HEADER_ROW + 1 + i));
    expect(rows).toHaveLength(3);
    const of = (agency: string) => rows.find((row) => row.getCell(col('Cơ quan chủ trì')).value === agency)!;
    // The extension approved on 03/08 was not in force on 31/07.
    expect(of('Xã Thử 1').getCell(col('Hạn xử lý')).value).toEqual(new Date('2025-07-25T00:00:00Z'));
    expect(of('Xã Thử 1').getCell(col('Phân loại')).value).toBe('Chưa hoàn thành, quá hạn');
    expect(of('Xã Thử 0').getCell(col('Phân loại')).value).toBe('Đã hoàn thành đúng hạn');
    expect(of('Xã Thử 0').getCell(col('Ngày hoàn thành')).value).toEqual(new Date('2025-07-20T00:00:00Z'));
  });

  it('refuses bad options with exit 2 and a Vietnamese message, writing nothing', () => {
    const badMonth = dondoc('--month', '2025-13', '--format', 'docx', '-o', file('x.docx'));
    expect(badMonth.status).toBe(2);
    expect(badMonth.stderr).toContain('Tham số không hợp lệ: --month phải có dạng YYYY-MM, ví dụ 2025-07.');
    const badFormat = dondoc('--month', '2025-07', '--format', 'odt');
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain('--format phải là docx, pdf hoặc xlsx; cần -o TỆP_KẾT_QUẢ');
    const unknownOption = dondoc('--month', '2025-07', '--fomat', 'pdf', '-o', file('x.pdf'));
    expect(unknownOption.status).toBe(2);
    expect(unknownOption.stderr).toContain('Tham số không hợp lệ');
    expect(existsSync(file('x.docx')) || existsSync(file('x.pdf'))).toBe(false);
  });

  it('answers an unknown agency code with exit 1 and writes nothing', { timeout: 120_000 }, () => {
    const r = dondoc('--month', '2025-07', '--format', 'docx', '-o', file('y.docx'), '--agency', 'KHONGCO');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Không có cơ quan mã "KHONGCO".');
    expect(existsSync(file('y.docx'))).toBe(false);
  });
});
