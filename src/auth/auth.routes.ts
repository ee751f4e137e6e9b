import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { eq, isNull, and } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/context';
import { IdParams, Nullable, Ok, responses } from '../http/schemas';
import { NewToken, SessionOut, TokenList, UserList, UserOut } from './auth.responses';
import { SESSION_COOKIE } from '../http/build-server';
import { authorize } from './policy';
import { login, logout, createApiToken, sessionIdOf } from './sessions';
import { LoginThrottle } from './login-throttle';
import { createUser, presentUser, actorOf } from './users';
import { apiTokens, users, ROLES, CHANNELS } from './auth.schema';
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords';
import { updateUser } from './update-user';
import { recordEvent } from '../events/record-event';
import { AppError, notFound } from '../shared/errors';
import { agencies } from '../directory/directory.schema';
import { FIELD } from '../shared/field-limits';

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const throttle = new LoginThrottle(ctx.config.loginMaxPerMinute);

  api.post(
    '/api/auth/login',
    {
      // Open to anonymous callers, so its body is kept small (a name and a password).
      bodyLimit: 4096,
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        security: [],
        body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }) }, { additionalProperties: false }),
        response: responses(SessionOut),
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      throttle.check(username, request.ip);
      let signedIn;
      try {
        signedIn = await login(ctx.db, username, password, ctx.config.sessionHours);
      } catch (e) {
        if (e instanceof AppError && e.code === 'UNAUTHENTICATED') throttle.failed(username, request.ip);
        throw e;
      }
      throttle.succeeded(username, request.ip);
      const { token, csrfToken, user } = signedIn;
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.publicUrl.startsWith('https:'),
        maxAge: ctx.config.sessionHours * 3600,
      });
      return { user: await userView(ctx, user.id), csrfToken };
    },
  );

  // Open: signing out with an expired session still clears the cookie. It takes no body.
  api.post('/api/auth/logout', { bodyLimit: 1024, config: { access: 'public' }, schema: { tags: ['auth'], security: [], response: responses(Ok) } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(ctx.db, token, ctx.sessions);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  api.get('/api/auth/me', { config: { access: 'signed_in' }, schema: { tags: ['auth'], response: responses(SessionOut) } }, async (request) => {
    const actor = requireActor(request);
    if (!actor.id) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
    return { user: await userView(ctx, actor.id), csrfToken: request.csrfToken };
  });

  api.get('/api/users', { config: { access: 'signed_in' }, schema: { tags: ['users'], response: responses(UserList) } }, async (request) => {
    const actor = requireActor(request);
    // Leaders are listed for everyone (the "leader in charge" picker); the rest needs rights.
    const rows = await ctx.db.select().from(users).orderBy(users.username);
    if (actor.role === 'admin' || actor.role === 'office') return { items: rows.map(presentUser) };
    return { items: rows.filter((u) => u.role === 'leader').map((u) => ({ id: u.id, displayName: u.displayName, role: u.role, sectors: u.sectors })) };
  });

  const UserBody = Type.Object(
    {
      username: Type.String({ minLength: 3, maxLength: 40 }),
      displayName: Type.Optional(Type.String({ maxLength: FIELD.displayName })),
      email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: FIELD.email }))),
      password: Type.String({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX }),
      role: Type.Union(ROLES.map((r) => Type.Literal(r))),
      agencyId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
      sectors: Type.Optional(Nullable(Type.String({ maxLength: FIELD.sectors }))),
      channels: Type.Optional(Type.Array(Type.Union(CHANNELS.map((c) => Type.Literal(c))), { maxItems: CHANNELS.length })),
    },
    { additionalProperties: false },
  );
  api.post('/api/users', { config: { access: 'manage_users' }, schema: { tags: ['users'], body: UserBody, response: responses(UserOut, 201) } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'manage_users');
    reply.status(201);
    return createUser(ctx.db, actor, request.body);
  });

  api.patch(
    '/api/users/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['users'],
        params: IdParams,
        response: responses(UserOut),
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ maxLength: FIELD.displayName })),
            email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: FIELD.email }))),
            password: Type.Optional(Type.String({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })),
            currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: PASSWORD_MAX, description: 'Bắt buộc khi tự đổi mật khẩu của mình.' })),
            role: Type.Optional(Type.Union(ROLES.map((r) => Type.Literal(r)))),
            agencyId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
            sectors: Type.Optional(Nullable(Type.String({ maxLength: FIELD.sectors }))),
            channels: Type.Optional(Type.Array(Type.Union(CHANNELS.map((c) => Type.Literal(c))), { maxItems: CHANNELS.length })),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const cookie = request.viaCookie ? request.cookies[SESSION_COOKIE] : undefined;
      const updated = await updateUser(ctx.db, actor, request.params.id, request.body, cookie ? sessionIdOf(cookie) : null);
      ctx.sessions?.clear();
      return updated;
    },
  );

  api.get('/api/tokens', { config: { access: 'manage_users' }, schema: { tags: ['tokens'], response: responses(TokenList) } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'manage_users');
    const rows = await ctx.db
      .select({ id: apiTokens.id, name: apiTokens.name, userId: apiTokens.userId, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
      .from(apiTokens)
      .where(isNull(apiTokens.revokedAt));
    return { items: rows };
  });

  api.post(
    '/api/tokens',
    { config: { access: 'manage_users' }, schema: { tags: ['tokens'], body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), userId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }), response: responses(NewToken, 201) } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'manage_users');
      reply.status(201);
      // The token is shown once; only its hash is kept.
      return createApiToken(ctx.db, actor, request.body.userId, request.body.name);
    },
  );

  api.delete('/api/tokens/:id', { config: { access: 'manage_users' }, schema: { tags: ['tokens'], params: IdParams, response: responses(Ok) } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'manage_users');
    await ctx.db.transaction(async (tx) => {
      const [row] = await tx.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.id, request.params.id), isNull(apiTokens.revokedAt))).returning();
      if (!row) throw notFound('API token');
      await recordEvent(tx, actor, { action: 'api_token.revoked', entity: 'api_token', entityId: row.id });
    });
    return { ok: true as const };
  });
}

async function userView(ctx: AppContext, id: string) {
  const [row] = await ctx.db.select({ u: users, agencyName: agencies.name }).from(users).leftJoin(agencies, eq(agencies.id, users.agencyId)).where(eq(users.id, id));
  return { ...presentUser(row.u), agencyName: row.agencyName, actor: actorOf(row.u) };
}
