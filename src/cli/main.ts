/**
 * `npx dondoc <command>`: each command lives in its own module, loaded only when asked, so that
 * `dondoc extract` does not pay for the server's start-up.
 */
import { runCommand, type CommandModule } from './run-command';

const COMMANDS: Record<string, { about: string; load: () => Promise<CommandModule> }> = {
  serve: { about: 'chạy máy chủ (mặc định) — run the server', load: () => import('./serve-command') },
  migrate: { about: 'áp dụng migration cơ sở dữ liệu — apply database migrations', load: () => import('./migrate-command') },
  user: { about: 'user add USERNAME --role ROLE [--agency CODE] — tạo tài khoản', load: () => import('./user-command') },
  directory: { about: 'directory import FILE (.json | .csv) — nạp danh mục cơ quan', load: () => import('./directory-command') },
  demo: { about: 'nạp dữ liệu mẫu Cao Bằng — load the Cao Bằng demo', load: () => import('./demo-command') },
  extract: { about: 'extract FILE... [--json | --jsonl] — đọc văn bản, trích xuất nhiệm vụ', load: () => import('./extract-command') },
  report: { about: 'report --month YYYY-MM --format docx|pdf|xlsx -o FILE [--agency CODE] [--group CODE] [--leader USERNAME] [--document SỐ] — báo cáo tháng', load: () => import('./report-command') },
  remind: { about: 'remind [--at YYYY-MM-DD] [--dry-run] — chạy lượt nhắc việc', load: () => import('./remind-command') },
};

function help(): void {
  console.log('dondoc — theo dõi, đôn đốc nhiệm vụ\n\nCách dùng: dondoc <lệnh> [tham số]\n');
  for (const [name, c] of Object.entries(COMMANDS)) console.log(`  ${name.padEnd(10)} ${c.about}`);
}

const [command = 'serve', ...rest] = process.argv.slice(2);
if (command === '--help' || command === '-h' || command === 'help') {
  help();
} else if (!COMMANDS[command]) {
  console.error(`Lệnh không hợp lệ: ${command}\n`);
  help();
  process.exitCode = 2;
} else {
  await runCommand(command, await COMMANDS[command].load(), rest);
}
