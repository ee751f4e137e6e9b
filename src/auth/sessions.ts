/**
 * Sign-in for people (httpOnly cookie + CSRF token) and API tokens for machines. Only hashes of
 * secrets are stored, so a copy of the database gives no way in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError } from '../shared/errors';
import { sessions, apiTokens, users } from './auth.schema';
import { verifyPassword } from './passwords';
import { actorOf, findUserByUsername } from './users';
import type { Actor } from './actor';
import { recordEvent } from '../events/record-event';
import { notifyAuthChanged, type SessionCache } from './session-cache';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const secret = () => randomBytes(32).toString('base64url');
/** The stored id of a session: the SHA-256 of its cookie value. */
export const sessionIdOf = (cookieValue: string) => sha256(cookieValue);

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  userId: string;
}

// A fixed hash so that an unknown user costs as much time as a wrong password.
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$OJAIbRHsiAeC9ePxRxMAfA$ngvm7YQm6nfW8V6ItGJ0iR91ZGmKmvI1qeRE+at8hcY';

export async function login(db: Db, username: string, password: string, hours: number) {
  const user = await findUserByUsername(db, username);
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !ok || !user.active) throw new AppError('UNAUTHENTICATED', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  const token = secret();
  const csrfToken = secret();
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(lt(sessions.expiresAt, new Date()));
    await tx.insert(sessions).values({ id: sha256(token), userId: user.id, csrfToken, expiresAt: new Date(Date.now() + hours * 3_600_000) });
    await recordEvent(tx, actorOf(user), { action: 'user.signed_in', entity: 'user', entityId: user.id });
  });
  return { token, csrfToken, user };
}

export async function logout(db: Db, token: string, cache?: SessionCache<SessionInfo>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sha256(token)));
    await notifyAuthChanged(tx);
  });
  cache?.clear();
}

/**
 * The session lookup runs on every request, so it is built once per database handle and sent as
 * a named prepared statement: the server parses and plans it once per connection.
 */
const sessionLookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();
function prepareSessionLookup(db: Db) {
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      agencyId: users.agencyId,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql`now()`), eq(users.active, true)))
    .prepare('dondoc_session_lookup');
}

/** The signed-in person behind a session cookie, from the cache when this instance keeps one. */
export async function sessionFromCookie(db: Db, token: string, cache?: SessionCache<SessionInfo>): Promise<SessionInfo | null> {
  const id = sha256(token);
  const cached = cache?.get(id);
  if (cached) return cached;
  const generation = cache?.generation ?? 0;
  let lookup = sessionLookups.get(db);
  if (!lookup) sessionLookups.set(db, (lookup = prepareSessionLookup(db)));
  const [row] = await lookup.execute({ id });
  if (!row) return null;
  const info = { actor: actorOf(row), csrfToken: row.csrfToken, userId: row.id };
  cache?.set(id, info, row.expiresAt, generation);
  return info;
}

export async function createApiToken(db: Db, actor: Actor, userId: string, name: string): Promise<{ id: string; token: string }> {
  const token = `ddk_${secret()}`;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(apiTokens).values({ name, userId, tokenHash: sha256(token) }).returning({ id: apiTokens.id });
    await recordEvent(tx, actor, { action: 'api_token.created', entity: 'api_token', entityId: row.id, after: { name, userId } });
    return { id: row.id, token };
  });
}

export async function actorFromApiToken(db: Db, token: string): Promise<Actor | null> {
  const [row] = await db
    .select({ user: users, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt), eq(users.active, true)));
  if (!row) return null;
  // Recorded at most once a minute: a busy integration must not turn every read into a write.
  await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.id, row.tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(Date.now() - 60_000)))));
  return actorOf(row.user);
}
