import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { AppError } from '../shared/errors';
import type { Actor } from './actor';
import { users, type Role, type Channel, ROLES } from './auth.schema';
import { checkPasswordStrength, hashPassword } from './passwords';
import { recordEvent } from '../events/record-event';

export interface NewUser {
  username: string;
  displayName?: string;
  email?: string | null;
  password: string;
  role: Role;
  agencyId?: string | null;
  sectors?: string | null;
  channels?: Channel[];
}

export type PublicUser = Omit<typeof users.$inferSelect, 'passwordHash'>;

export function presentUser(u: typeof users.$inferSelect): PublicUser {
  const { passwordHash: _omit, ...rest } = u;
  return rest;
}

export async function createUser(db: Db, actor: Actor, input: NewUser): Promise<PublicUser> {
  if (!/^[a-z0-9._-]{3,40}$/i.test(input.username)) {
    throw new AppError('VALIDATION', 'Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.');
  }
  if (!ROLES.includes(input.role)) throw new AppError('VALIDATION', `Vai trò phải là một trong: ${ROLES.join(', ')}.`);
  if (input.role === 'agency' && !input.agencyId) throw new AppError('VALIDATION', 'Cán bộ của cơ quan phải thuộc một cơ quan.');
  checkPasswordStrength(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const exists = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (exists.length) throw new AppError('CONFLICT', `Tên đăng nhập "${input.username}" đã tồn tại.`);
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName || input.username,
        email: input.email ?? null,
        passwordHash,
        role: input.role,
        agencyId: input.agencyId ?? null,
        sectors: input.sectors ?? null,
        channels: input.channels ?? ['email', 'inapp'],
      })
      .returning();
    const user = presentUser(row);
    await recordEvent(tx, actor, { action: 'user.created', entity: 'user', entityId: row.id, agencyId: row.agencyId, after: user });
    return user;
  });
}

export async function findUserByUsername(db: DbOrTx, username: string) {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  return u ?? null;
}

export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

export function actorOf(u: Pick<typeof users.$inferSelect, 'id' | 'displayName' | 'role' | 'agencyId'>): Actor {
  return { id: u.id, name: u.displayName, role: u.role, agencyId: u.agencyId };
}
