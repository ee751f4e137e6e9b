import { count } from 'drizzle-orm';
import { openApp } from '../app/open-app';
import { documents } from '../documents/documents.schema';
import { loadDemo } from '../demo/load-demo';
import { generatePassword } from '../auth/users';
import { runCommand } from './args';

export async function run(): Promise<number> {
  return runCommand(async () => {
    const { ctx, database, config } = await openApp();
    try {
      const [{ n }] = await ctx.db.select({ n: count() }).from(documents);
      if (Number(n) > 0) {
        console.error('Cơ sở dữ liệu đã có văn bản; dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống.');
        return 1;
      }
      const password = config.adminPassword ?? generatePassword();
      const r = await loadDemo(ctx.db, { password });
      console.log(`Đã nạp dữ liệu mẫu: ${r.assignments} nhiệm vụ. Tài khoản ${r.usernames.slice(1).join(', ')}; mật khẩu: ${config.adminPassword ? 'DONDOC_ADMIN_PASSWORD' : password}`);
      return 0;
    } finally {
      await database.close();
    }
  });
}
