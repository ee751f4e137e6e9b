/**
 * Who may call what, over EVERY operation in the OpenAPI document × every kind of caller.
 *
 * `EXPECTED` is the access each operation must have, written here by hand (not derived from the
 * code under test). An operation missing from it fails, so a new route cannot ship without
 * someone deciding who may call it; and every caller outside an operation's list must be
 * refused — 401 when anonymous, 403 when signed in — before the body is even looked at (the
 * requests carry no body at all). Callers inside the list must get past the door: any answer
 * but 401/403/5xx (a made-up id gives 404, a missing body 400).
 *
 * Data-level rules (an agency sees only its own assignments) are tested beside each domain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../db/testing';
import { ROLES, type Role } from '../auth/auth.schema';
import { createTestApp, type TestApp } from './testing';

type Caller = 'anonymous' | Role;
const ALL: readonly Role[] = ['admin', 'office', 'leader', 'viewer', 'agency'];
const OFFICE: readonly Role[] = ['admin', 'office'];
const ADMIN: readonly Role[] = ['admin'];
const REVIEWERS: readonly Role[] = ['admin', 'office', 'leader'];

/** 'public': anyone, signed in or not. Otherwise the user roles that may call it. */
const EXPECTED: Record<string, 'public' | readonly Role[]> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': ALL,
  'GET /api/users': ALL,
  'POST /api/users': ADMIN,
  'PATCH /api/users/{id}': ALL, // one's own record (the id is the caller's own below)
  'GET /api/tokens': ADMIN,
  'POST /api/tokens': ADMIN,
  'DELETE /api/tokens/{id}': ADMIN,

  'GET /api/agencies': ALL,
  'POST /api/agencies': OFFICE,
  'PATCH /api/agencies/{id}': OFFICE,
  'GET /api/groups': ALL,
  'POST /api/groups': OFFICE,
  'PATCH /api/groups/{id}': OFFICE,
  'DELETE /api/groups/{id}': OFFICE,
  'POST /api/directory/import': OFFICE,

  'GET /api/documents': ALL,
  'POST /api/documents': OFFICE,
  'GET /api/documents/{id}': ALL,
  'PATCH /api/documents/{id}': OFFICE,
  'GET /api/documents/{id}/file': ALL,
  'POST /api/documents/{id}/items': OFFICE,
  'PATCH /api/documents/{id}/items/{itemId}': OFFICE,
  'DELETE /api/documents/{id}/items/{itemId}': OFFICE,
  'POST /api/documents/{id}/publish': OFFICE,
  'GET /api/documents/{id}/publish-preview': OFFICE,
  'POST /api/documents/{id}/resolve-name': OFFICE,
  'POST /api/documents/{id}/missed-paragraphs/task': OFFICE,
  'POST /api/documents/{id}/items/{itemId}/split': OFFICE,
  'POST /api/documents/{id}/items/{itemId}/merge-next': OFFICE,
  'DELETE /api/documents/{id}': OFFICE,

  'GET /api/assignments': ALL,
  'GET /api/assignments/counts': ALL,
  'GET /api/assignments/{id}': ALL,
  'GET /api/items/{id}': ALL,
  'GET /api/attachments/{id}': ALL,
  // Reporting is the lead agency's (or the office's): decided per assignment, so open at the door.
  'POST /api/assignments/{id}/receive': ALL,
  'POST /api/assignments/{id}/progress': ALL,
  'POST /api/assignments/{id}/completion': ALL,
  'POST /api/assignments/{id}/extensions': ALL,
  'POST /api/assignments/{id}/review': REVIEWERS,
  'POST /api/assignments/{id}/extensions/{requestId}/decision': REVIEWERS,
  'POST /api/assignments/{id}/reassign': OFFICE,
  'POST /api/assignments/{id}/cancel': OFFICE,
  'POST /api/assignments/{id}/deadline': OFFICE,
  'GET /api/assignments/{id}/deliveries': ALL,

  'GET /api/events': ALL,
  'GET /api/notifications': ALL,
  'POST /api/notifications/{id}/read': ALL,
  'POST /api/notifications/read-all': ALL,
  // The office's inbox: those who review completions and decide extensions (a leader: their own tasks).
  'GET /api/inbox': REVIEWERS,
  'GET /api/inbox/counts': REVIEWERS,
  'GET /api/reminders/rules': OFFICE,
  'PUT /api/reminders/rules': OFFICE,
  'GET /api/calendar/overrides': ADMIN,
  'PUT /api/calendar/overrides': ADMIN,
  'GET /api/webhooks': ADMIN,
  'POST /api/webhooks': ADMIN,
  'DELETE /api/webhooks/{id}': ADMIN,

  'GET /api/assignments/export.xlsx': ALL,
  'GET /api/reports/monthly': ALL,
  'GET /api/reports/monthly.docx': ALL,
  'GET /api/reports/monthly.pdf': ALL,
  'GET /api/reports/ranking': ALL,
  'GET /api/reports/trend': ALL,
  'GET /api/reports/monthly.xlsx': ALL,
  'GET /api/reports/ranking.docx': ALL,
  'GET /api/reports/ranking.pdf': ALL,
  'GET /api/reports/ranking.xlsx': ALL,
  'GET /api/reports/trend.docx': ALL,
  'GET /api/reports/trend.pdf': ALL,
  'GET /api/reports/trend.xlsx': ALL,
  'GET /api/settings/province': ADMIN,
  'PUT /api/settings/province': ADMIN,

  // Indicators: the office keeps the catalogue and reviews what the reader proposes; everyone
  // reads; an agency enters its own values (decided per row, so open at the door).
  'GET /api/indicators': ALL,
  'POST /api/indicators': OFFICE,
  'GET /api/indicators/template.xlsx': ALL,
  'POST /api/indicators/import': ALL,
  'GET /api/indicators/{id}': ALL,
  'PATCH /api/indicators/{id}': OFFICE,
  'PUT /api/indicators/{id}/values': ALL,
  'GET /api/indicators/{id}/series': ALL,
  'GET /api/indicators/{id}/series.xlsx': ALL,
  'GET /api/documents/{id}/indicator-proposals': OFFICE,
  'POST /api/documents/{id}/indicator-proposals': OFFICE,
  'POST /api/indicator-proposals/{id}/accept': OFFICE,
  'POST /api/indicator-proposals/{id}/reject': OFFICE,
};

/** The signed-in test user of each role. */
const USER_OF: Record<Role, string> = { admin: 'admin', office: 'office', leader: 'leader', viewer: 'viewer', agency: 'syt' };
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe.each(testBackends)('access to every operation on %s', (backend) => {
  let t: TestApp;
  let operations: string[];
  const ownId: Partial<Record<Role, string>> = {};
  beforeAll(async () => {
    t = await createTestApp(backend);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    for (const role of ALL) ownId[role] = (await t.call(t.sessions[USER_OF[role]], 'GET', '/api/auth/me')).json().user.id;
  });
  afterAll(() => t?.close());

  it('covers every role the application has', () => {
    expect([...ALL].sort()).toEqual([...ROLES].sort());
  });

  it('declares the expected access of every operation, and of no operation that is gone', () => {
    expect(operations.length).toBeGreaterThan(50);
    const undeclared = operations.filter((op) => !(op in EXPECTED));
    expect(undeclared, 'add these operations to EXPECTED with the roles that may call them').toEqual([]);
    expect(Object.keys(EXPECTED).filter((op) => !operations.includes(op))).toEqual([]);
  });

  it('refuses every caller outside the expected roles, and lets the others through the door', async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      const expected = EXPECTED[op];
      if (!expected) continue; // reported by the test above
      const [method, path] = op.split(' ');
      for (const caller of ['anonymous', ...ALL] as Caller[]) {
        const own = caller === 'anonymous' ? NO_SUCH_ID : ownId[caller]!;
        const url = path.startsWith('/api/users/') ? path.replace('{id}', own) : path.replace(/\{[^}]+\}/g, NO_SUCH_ID);
        // Signing out ends the session used: that call gets a session of its own.
        const session = caller === 'anonymous' ? null : op === 'POST /api/auth/logout' ? await t.login(USER_OF[caller]) : t.sessions[USER_OF[caller]];
        const res = await t.call(session, method, url);
        const allowed = expected === 'public' || (caller !== 'anonymous' && expected.includes(caller));
        const want = allowed ? 'not 401/403/5xx' : caller === 'anonymous' ? '401' : '403';
        const ok = allowed ? res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode < 500 : res.statusCode === Number(want);
        if (!ok) wrong.push(`${op} as ${caller}: ${res.statusCode}, expected ${want}`);
        if (!allowed) expect(res.headers['content-type'], op).toMatch(/application\/problem\+json/);
      }
    }
    expect(wrong).toEqual([]);
  });
});
