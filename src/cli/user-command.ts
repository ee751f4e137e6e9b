import { eq } from 'drizzle-orm';
import { openApp } from '../app/open-app';
import { createUser, generatePassword } from '../auth/users';
import { SYSTEM_ACTOR } from '../auth/actor';
import { ROLES, type Role } from '../auth/auth.schema';
import { agencies } from '../directory/directory.schema';
import { parseCli, runCommand } from './args';

const USAGE = `Cách dùng: dondoc user add USERNAME --role ${ROLES.join('|')} [--agency CODE] [--name "Họ tên"] [--email E] [--password P]`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCli(args, {
    role: { type: 'string' },
    agency: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
  });
  const [verb, username] = positionals;
  if (verb !== 'add' || !username || !values.role) {
    console.error(USAGE);
    return 2;
  }
  return runCommand(async () => {
    const { ctx, database } = await openApp();
    try {
      let agencyId: string | null = null;
      if (values.agency) {
        const [a] = await ctx.db.select().from(agencies).where(eq(agencies.code, values.agency));
        if (!a) throw new Error(`Không có cơ quan mã "${values.agency}" trong danh mục.`);
        agencyId = a.id;
      }
      const password = values.password ?? generatePassword();
      const user = await createUser(ctx.db, SYSTEM_ACTOR, {
        username,
        displayName: values.name,
        email: values.email,
        password,
        role: values.role as Role,
        agencyId,
      });
      console.log(`Đã tạo tài khoản ${user.username} (${user.role}).${values.password ? '' : ` Mật khẩu: ${password}`}`);
      return 0;
    } finally {
      await database.close();
    }
  });
}
