import { count, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../auth/auth.schema';
import { documents } from '../documents/documents.schema';
import { createUser, generatePassword } from '../auth/users';
import { SYSTEM_ACTOR } from '../auth/actor';
import { loadDemo } from '../demo/load-demo';

/**
 * On an empty database: an `admin` account (password from DONDOC_ADMIN_PASSWORD or generated and
 * printed once), and the Cao Bằng demo when enabled, so a newcomer sees a living province.
 */
export async function firstStart(database: Db, opts: { adminPassword: string | null; loadDemo: boolean }, say: (s: string) => void) {
  // Several instances may start at once on one server: the first to take the lock does the work,
  // the others then find it done. Nested use-case transactions become savepoints.
  const messages: string[] = [];
  await database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(4242002)`);
    await firstStartLocked(tx as unknown as Db, opts, (m) => messages.push(m));
  });
  messages.forEach(say);
}

async function firstStartLocked(db: Db, opts: { adminPassword: string | null; loadDemo: boolean }, say: (s: string) => void) {
  const [{ n }] = await db.select({ n: count() }).from(users);
  let password = opts.adminPassword;
  if (Number(n) === 0) {
    password ??= generatePassword();
    await createUser(db, SYSTEM_ACTOR, { username: 'admin', displayName: 'Quản trị hệ thống', password, role: 'admin' });
    say(
      opts.adminPassword
        ? 'Đã tạo tài khoản admin với mật khẩu DONDOC_ADMIN_PASSWORD.'
        : `Đã tạo tài khoản admin. Mật khẩu (chỉ in một lần): ${password}`,
    );
  }
  if (opts.loadDemo) {
    const [{ d }] = await db.select({ d: count() }).from(documents);
    if (Number(d) === 0 && password) {
      const r = await loadDemo(db, { password });
      say(`Đã nạp dữ liệu mẫu Cao Bằng: ${r.assignments} nhiệm vụ; tài khoản mẫu ${r.usernames.join(', ')} dùng cùng mật khẩu với admin.`);
    }
  }
}
