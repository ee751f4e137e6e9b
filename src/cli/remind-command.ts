/**
 * `dondoc remind [--at YYYY-MM-DD] [--dry-run] [--json]`: runs one day's reminder pass, or with
 * --dry-run lists what it would send (recipient, channel, items) without writing anything.
 */
import { openApp } from '../app/open-app';
import { parseCli, runCommand } from './args';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/sql';
import { isIsoDate } from '../shared/dates';
import { formatDateVi } from '../shared/dates';
import { AppError } from '../shared/errors';
import { createMailer } from '../reminders/channels';
import { runReminderPass } from '../reminders/run-reminders';
import { loadCalendar } from '../reminders/reminder-settings';

export async function run(args: string[]): Promise<number> {
  const { values } = parseCli(args, {
    at: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  return runCommand(async () => {
    const { ctx, database, config } = await openApp();
    try {
      const date = values.at ?? ctx.today();
      if (!isIsoDate(date)) throw new AppError('VALIDATION', `Ngày "${date}" không hợp lệ; dùng định dạng YYYY-MM-DD, ví dụ 2025-07-21.`);
      const dryRun = values['dry-run'] === true;
      const calendar = await loadCalendar(ctx.db);
      if (!calendar.isWorkingDay(date)) {
        const name = calendar.holidayName(date);
        console.error(`Ngày ${formatDateVi(date)} không phải ngày làm việc${name ? ` (${name})` : ''}: không có lượt nhắc nào.`);
      }
      const mailer = !dryRun && config.smtpUrl ? createMailer(config.smtpUrl) : null;
      if (!dryRun && !mailer) console.error('Chưa cấu hình SMTP_URL: kênh thư điện tử tắt; thông báo trong ứng dụng và webhook vẫn gửi.');
      const progress = process.stderr.isTTY
        ? (s: string) => process.stderr.write(`\r${s}   `)
        : (() => {
            let last = 0;
            return (s: string) => {
              if (Date.now() - last > 2000) {
                last = Date.now();
                console.error(s);
              }
            };
          })();
      const r = await runReminderPass({
        db: ctx.db,
        config,
        date,
        mailer,
        dryRun,
        onPlanProgress: (done, total) => progress(`Lập kế hoạch: ${done}/${total} thư`),
        onDeliveryProgress: (t) => progress(`Đã gửi ${t.sent}, lỗi chờ thử lại ${t.failed}, hỏng ${t.dead}, bỏ qua ${t.skipped}`),
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      mailer?.close();
      const messages = r.plan.messages;
      if (values.json) {
        console.log(JSON.stringify({ date, dryRun, messages, created: r.plan.created, delivery: r.delivery }, null, 2));
        return 0;
      }
      // Human labels for the listing: document number, item ref, lead agency and the start of the text.
      const shown = [...new Set(messages.flatMap((m) => m.items.slice(0, 50).map((i) => i.assignmentId)))];
      const labels = new Map<string, string>();
      for (let i = 0; i < shown.length; i += 5000) {
        const rows = await queryRows<{ id: string; label: string }>(
          ctx.db,
          sql`select a.id, concat_ws(' · ', nullif(d.number, ''), nullif(di.ref, ''), ag.short_name, left(di.text, 60)) as label
                from assignments a join directive_items di on di.id = a.item_id join documents d on d.id = a.document_id join agencies ag on ag.id = a.agency_id
               where a.id = any(${`{${shown.slice(i, i + 5000).join(',')}}`}::uuid[])`,
        );
        for (const r of rows) labels.set(r.id, r.label);
      }
      console.log(`Lượt nhắc ngày ${formatDateVi(date)}${dryRun ? ' (chạy thử, không gửi)' : ''}: ${messages.length} thư, ${messages.reduce((n, m) => n + m.items.length, 0)} mục.`);
      for (const m of messages) {
        const rules = new Map<string, number>();
        for (const i of m.items) rules.set(i.rule, (rules.get(i.rule) ?? 0) + 1);
        console.log(`- ${m.recipientName} <${m.channel === 'email' ? m.target : m.channel}> [${m.channel}]: ${m.items.length} nhiệm vụ (${[...rules].map(([k, n]) => `${k}×${n}`).join(', ')})`);
        for (const i of m.items.slice(0, 50)) console.log(`    ${i.rule.padEnd(16)} hạn ${formatDateVi(i.plannedDue)}  ${labels.get(i.assignmentId) ?? ''}  [${i.assignmentId}]`);
        if (m.items.length > 50) console.log(`    … và ${m.items.length - 50} mục khác`);
      }
      for (const u of r.plan.unreachable) {
        console.error(`Cảnh báo: ${u.name} có ${u.assignments} nhiệm vụ đang mở nhưng không có hộp thư cơ quan và không có cán bộ nào để nhắc.`);
      }
      if (!dryRun) {
        console.log(`Đã ghi ${r.plan.created} thư mới vào hàng đợi.`);
        if (r.delivery) console.log(`Gửi: ${r.delivery.sent} thành công, ${r.delivery.failed} lỗi sẽ thử lại, ${r.delivery.dead} hỏng (đã ghi nhật ký), ${r.delivery.skipped} bỏ qua.`);
      }
      return r.delivery && r.delivery.dead > 0 ? 1 : 0;
    } finally {
      await database.close();
    }
  });
}
