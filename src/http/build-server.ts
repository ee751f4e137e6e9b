/**
 * The HTTP adapter: Fastify with validated schemas, generated OpenAPI, problem+json errors,
 * authentication (session cookie + CSRF, or API token) and the web UI, all on one port.
 * Routes stay thin: validate → authorize → one use case → presenter.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import addFormats from 'ajv-formats';
import { sql } from 'drizzle-orm';
import { problemHandler } from './problem';
import { registerSecurityHeaders } from './security-headers';
import { safeErrorSerializer } from './log-serializers';
import { closeGracefully } from './graceful-close';
import type { AppContext } from './context';
import { AppError } from '../shared/errors';
import { actorFromApiToken, sessionFromCookie } from '../auth/sessions';
import { checkAccess } from '../auth/policy';
import { authRoutes } from '../auth/auth.routes';
import { directoryRoutes } from '../directory/directory.routes';
import { documentRoutes } from '../documents/documents.routes';
import { assignmentRoutes } from '../assignments/assignments.routes';
import { eventRoutes } from '../events/events.routes';
import { BUCKET_RULE_VI } from '../assignments/buckets';

export const SESSION_COOKIE = 'dondoc_session';
const BODY_LIMIT_MB = 2;
const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** A route whose OpenAPI entry says it needs no credentials (`security: []`). */
function isOpenRoute(request: FastifyRequest): boolean {
  const security = (request.routeOptions.schema as { security?: unknown[] } | undefined)?.security;
  return Array.isArray(security) && security.length === 0;
}

export interface ServerOptions {
  logger?: boolean | object;
  /** Extra route plugins (reminders, reports) registered by the composition root. */
  plugins?: ((app: FastifyInstance, ctx: AppContext) => Promise<void>)[];
  /** How long `close()` waits for requests in hand (graceful-close.ts); the default in production. */
  closeGraceMs?: number;
}

export async function buildServer(ctx: AppContext, opts: ServerOptions = {}): Promise<FastifyInstance> {
  // Fastify's two JSON lines per request (with headers) only when debugging; otherwise one short line.
  const verbose = ['debug', 'trace'].includes(ctx.config.logLevel);
  const app = Fastify({
    logController: new LogController({ disableRequestLogging: !verbose }),
    logger:
      opts.logger === false
        ? false
        : {
            level: ctx.config.logLevel,
            ...(verbose ? {} : { base: null }),
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'body.password'],
            // Errors are written without SQL parameters, URL passwords, tokens or cookies.
            serializers: { err: ((e: unknown) => safeErrorSerializer(e)) as never, error: ((e: unknown) => safeErrorSerializer(e)) as never },
            ...(typeof opts.logger === 'object' ? opts.logger : {}),
          },
    // The client's address is the TCP peer's unless TRUST_PROXY names the proxy in front: with
    // `true`, anyone could send X-Forwarded-For and pick a fresh address per sign-in attempt.
    trustProxy: ctx.config.trustProxy ?? false,
    bodyLimit: BODY_LIMIT_MB * 1024 * 1024,
    ajv: {
      // Unknown fields are an error, not silently dropped; report every problem at once.
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true },
      plugins: [addFormats as never],
    },
  });
  // First of all hooks, so that a request is in hand from its first step (authentication reads the database).
  closeGracefully(app, opts.closeGraceMs);
  app.decorateRequest('actor', null);
  app.decorateRequest('viaCookie', false);
  app.decorateRequest('csrfToken', null);
  const limits = { uploadMaxMb: ctx.config.uploadMaxMb, bodyLimitMb: BODY_LIMIT_MB };
  app.setErrorHandler((error, request, reply) => problemHandler(error as never, request, reply, limits));
  if (!verbose) {
    app.addHook('onResponse', async (request, reply) => {
      if (!request.url.startsWith('/api/')) return; // the web app's files are not worth a line each
      app.log.info(`${request.method} ${request.url.split('?')[0]} ${reply.statusCode} ${Math.round(reply.elapsedTime)}ms`);
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !existsSync(webRoot)) {
      problemHandler(Object.assign(new Error('not found'), { statusCode: 404 }) as never, request, reply);
    } else {
      // The web app routes on the client: every other path gets its shell.
      reply.type('text/html').sendFile('index.html');
    }
  });

  await registerSecurityHeaders(app, ctx.config.publicUrl);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: ctx.config.uploadMaxMb * 1024 * 1024, files: 5, fields: 20 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'dondoc API',
        version: '1.0.0',
        description: `Theo dõi, đôn đốc nhiệm vụ. Lỗi trả về theo RFC 9457 (application/problem+json) với "code" ổn định và "detail" tiếng Việt.\n\nQuy tắc phân loại: ${BUCKET_RULE_VI}`,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Phiên đăng nhập; các yêu cầu ghi cần header X-CSRF-Token.' },
          token: { type: 'http', scheme: 'bearer', description: 'API token (ddk_…) cho hệ thống khác.' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const actor = await actorFromApiToken(ctx.db, auth.slice(7).trim());
      if (!actor) throw new AppError('UNAUTHENTICATED', 'API token không hợp lệ hoặc đã bị thu hồi.');
      request.actor = actor;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await sessionFromCookie(ctx.db, token, ctx.sessions) : null;
    if (!session) {
      // onRequest runs before the body is read: an anonymous caller's upload or JSON is refused
      // here, so it costs neither memory nor validation time. Only the routes documented as
      // open (`security: []`, i.e. sign-in) take a body without a session.
      if (!READ_METHODS.has(request.method) && !isOpenRoute(request)) {
        throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
      }
      return;
    }
    request.actor = session.actor;
    request.viaCookie = true;
    request.csrfToken = session.csrfToken;
    // Writes from a browser must prove they come from our page (double-submit token).
    if (!READ_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('CSRF', 'Phiên làm việc không hợp lệ (thiếu mã CSRF). Hãy tải lại trang.');
    }
  });

  // Each route's declared access, as soon as the caller is known: before the body is read or
  // validated, so a refused caller costs nothing and learns nothing from validation errors.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access) checkAccess(request.actor, access);
  });

  // A change made through this instance is in its next answers at once, not only when its
  // notification comes back (answer-cache.ts): the answers are cleared before a write's reply goes.
  const answers = ctx.answers;
  if (answers) {
    app.addHook('onSend', async (request, _reply, payload) => {
      if (!READ_METHODS.has(request.method)) answers.clear();
      return payload;
    });
  }

  app.get('/api/health', { schema: { tags: ['system'], security: [] }, config: { access: 'public' } }, async () => {
    await ctx.db.execute(sql`select 1`);
    return { status: 'ok', today: ctx.today() };
  });

  await app.register(async (api) => {
    await authRoutes(api, ctx);
    await directoryRoutes(api, ctx);
    await documentRoutes(api, ctx);
    await assignmentRoutes(api, ctx);
    await eventRoutes(api, ctx);
    for (const plugin of opts.plugins ?? []) await plugin(api, ctx);
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, maxAge: '1h', preCompressed: true });
  }
  return app;
}
