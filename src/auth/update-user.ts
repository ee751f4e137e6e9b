/**
 * Changing an account: the admin changes anything; a person changes their own name, e-mail,
 * channels and password. A password change asks for the current password when it is one's own
 * (a session left open on a shared computer must not be enough to take the account over), and
 * signs the account out everywhere else: every other session of that user is deleted in the same
 * transaction, and every instance's session cache is told.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from './actor';
import type { Role, Channel } from './auth.schema';
import { sessions, users } from './auth.schema';
import { authorize } from './policy';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords';
import { presentUser, type PublicUser } from './users';
import { notifyAuthChanged } from './session-cache';
import { recordEvent } from '../events/record-event';
import { AppError, notFound } from '../shared/errors';

export interface UserChanges {
  displayName?: string;
  email?: string | null;
  password?: string;
  currentPassword?: string;
  role?: Role;
  agencyId?: string | null;
  sectors?: string | null;
  channels?: Channel[];
  active?: boolean;
}

const SELF_SERVICE = ['displayName', 'channels', 'email'];

export async function updateUser(
  db: Db,
  actor: Actor,
  userId: string,
  input: UserChanges,
  /** The id (hash) of the session making the change: it stays signed in. */
  currentSessionId: string | null,
): Promise<PublicUser> {
  const self = actor.id === userId;
  const { password, currentPassword, ...rest } = input;
  if (!self || Object.keys(rest).some((k) => !SELF_SERVICE.includes(k))) authorize(actor, 'manage_users');
  const passwordHash = password !== undefined ? await newPasswordHash(db, userId, password, self ? currentPassword : undefined, self) : undefined;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId));
    if (!before) throw notFound('người dùng');
    const [after] = await tx
      .update(users)
      .set({ ...rest, ...(passwordHash ? { passwordHash } : {}) })
      .where(eq(users.id, userId))
      .returning();
    if (passwordHash) {
      // Signed out everywhere except where the change was made (an admin resetting someone
      // else's password signs them out everywhere).
      await tx.delete(sessions).where(self && currentSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, currentSessionId)) : eq(sessions.userId, userId));
    }
    await recordEvent(tx, actor, {
      action: 'user.updated',
      entity: 'user',
      entityId: after.id,
      before: presentUser(before),
      after: { ...presentUser(after), ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    // A new role, agency or password, or a deactivation, must reach every instance's cache.
    await notifyAuthChanged(tx);
    return presentUser(after);
  });
}

async function newPasswordHash(db: Db, userId: string, password: string, currentPassword: string | undefined, self: boolean): Promise<string> {
  const [row] = await db.select({ username: users.username, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!row) throw notFound('người dùng');
  if (self) {
    if (!currentPassword) throw new AppError('VALIDATION', 'Cần nhập mật khẩu hiện tại để đổi mật khẩu.', { field: 'currentPassword' });
    if (!(await verifyPassword(row.passwordHash, currentPassword))) {
      throw new AppError('FORBIDDEN', 'Mật khẩu hiện tại không đúng.', { field: 'currentPassword' });
    }
  }
  checkPasswordStrength(password, row.username);
  return hashPassword(password);
}
