/**
 * A real server on a real database for API tests: a small directory, one user per role, and
 * helpers that sign in like a browser (cookie + CSRF token) or call with an API token.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type Backend } from '../db/testing';
import type { Database } from '../db/client';
import { loadConfig } from '../config/config';
import { buildServer } from './build-server';
import type { AppContext } from './context';
import { SESSION_COOKIE } from './build-server';
import { importDirectory } from '../directory/import-directory';
import { parseDirectoryJson } from '../directory/directory-file';
import { createUser } from '../auth/users';
import { SYSTEM_ACTOR } from '../auth/actor';
import { agencies } from '../directory/directory.schema';
import { DEFAULT_EXTENSION_POLICY } from '../assignments/extension-rules';
import { extraRoutes } from '../app/background';
import '../app/register-domains';

export const TEST_PASSWORD = 'mat-khau-thu-1';

export const TEST_DIRECTORY = {
  agencies: [
    { code: 'VPUBND', name: 'Văn phòng UBND tỉnh', kind: 'office' },
    { code: 'STC', name: 'Sở Tài chính', formerly: ['Sở Kế hoạch và Đầu tư'] },
    { code: 'SYT', name: 'Sở Y tế' },
    { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường', aliases: ['Sở NN&MT'] },
  ],
  communes: [
    { code: '01290', kind: 'xa', name: 'Xã Bảo Lâm', committee: 'UBND xã Bảo Lâm' },
    { code: '01294', kind: 'xa', name: 'Xã Lý Bôn', committee: 'UBND xã Lý Bôn' },
  ],
  groups: { 'các sở, ban, ngành': '', 'UBND cấp xã': '' },
};

export interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  agency: Record<string, string>;
  sessions: Record<string, Session>;
  setToday(d: string): void;
  login(username: string, password?: string): Promise<Session>;
  call(who: Session | null, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestApp(backend: Backend, opts: { today?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await openTestDatabase(backend);
  let today = opts.today ?? '2025-07-20';
  const config = loadConfig({ LOG_LEVEL: 'silent', LOGIN_MAX_PER_MINUTE: '1000', ...opts.env });
  const ctx: AppContext = { db: database.db, config, today: () => today, extensionPolicy: DEFAULT_EXTENSION_POLICY };
  const app = await buildServer(ctx, { logger: false, plugins: extraRoutes });
  await importDirectory(database.db, SYSTEM_ACTOR, parseDirectoryJson(TEST_DIRECTORY));
  const agency: Record<string, string> = {};
  for (const a of await database.db.select().from(agencies)) agency[a.code] = a.id;
  const people = [
    { username: 'admin', role: 'admin' as const },
    { username: 'office', role: 'office' as const, agencyId: agency.VPUBND },
    { username: 'leader', role: 'leader' as const },
    { username: 'viewer', role: 'viewer' as const },
    { username: 'syt', role: 'agency' as const, agencyId: agency.SYT },
    { username: 'stc', role: 'agency' as const, agencyId: agency.STC },
    { username: 'xabaolam', role: 'agency' as const, agencyId: agency['01290'] },
  ];
  for (const p of people) await createUser(database.db, SYSTEM_ACTOR, { ...p, password: TEST_PASSWORD, displayName: p.username, email: `${p.username}@test.vn` });

  const call: TestApp['call'] = (who, method, url, body) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: who ? { cookie: `${SESSION_COOKIE}=${who.cookie}`, 'x-csrf-token': who.csrf } : {},
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  const login = async (username: string, password = TEST_PASSWORD): Promise<Session> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    return { username, cookie, csrf: res.json().csrfToken };
  };
  const sessions: Record<string, Session> = {};
  for (const p of people) sessions[p.username] = await login(p.username);
  return {
    app,
    ctx,
    database,
    agency,
    sessions,
    setToday: (d) => (today = d),
    login,
    call,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Creates and publishes a document with the given items through the API, as the office. */
export async function publishTestDocument(t: TestApp, items: { text: string; ref?: string; leads: string[]; supports?: string[]; due?: string | null; recurrence?: Record<string, unknown> }[]) {
  const created = await t.call(t.sessions.office, 'POST', '/api/documents', { text: items.map((i) => i.text).join('\n\n'), meta: { number: '1/TB-TEST', subject: 'Thông báo thử' }, items });
  if (created.statusCode !== 201) throw new Error(`create: ${created.body}`);
  const documentId = created.json().document.id as string;
  const pub = await t.call(t.sessions.office, 'POST', `/api/documents/${documentId}/publish`);
  if (pub.statusCode !== 200) throw new Error(`publish: ${pub.body}`);
  const list = await t.call(t.sessions.admin, 'GET', `/api/assignments?documentId=${documentId}&limit=500`);
  return { documentId, assignments: list.json().items as { id: string; agencyId: string; ref: string | null; agencyName: string }[] };
}

export async function agencyIdOf(t: TestApp, code: string) {
  const [a] = await t.database.db.select().from(agencies).where(eq(agencies.code, code));
  return a.id;
}

/** Waits for something another instance or connection does in its own time (a notification). */
export async function eventually(f: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}
