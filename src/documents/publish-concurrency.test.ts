/**
 * A double click on "Ban hành", or two instances receiving the same publish, must create each
 * assignment once: exactly one request wins, the others get CONFLICT and write nothing.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { testBackends } from '../db/testing';
import { openPostgres, type Database } from '../db/client';
import { buildServer } from '../http/build-server';
import { SESSION_COOKIE } from '../http/build-server';
import { createTestApp, type TestApp } from '../http/testing';
import { extraRoutes } from '../app/background';
import { assignments } from '../assignments/assignments.schema';
import { events } from '../events/events.schema';

describe.each(testBackends)('concurrent publish on %s', (backend) => {
  let t: TestApp;
  let second: { app: FastifyInstance; database: Database } | null = null;
  beforeAll(async () => {
    t = await createTestApp(backend);
    if (backend === 'postgres') {
      // A second instance: its own pool and server on the same database.
      const database = await openPostgres(t.database.url!, 5);
      const app = await buildServer({ ...t.ctx, db: database.db, sessions: undefined }, { logger: false, plugins: extraRoutes });
      second = { app, database };
    }
  });
  afterAll(async () => {
    if (second) {
      await second.app.close();
      await second.database.close();
    }
    await t.close();
  });

  async function draft() {
    const res = await t.call(t.sessions.office, 'POST', '/api/documents', {
      text: 'Thông báo kết luận.',
      items: [
        { ref: '1', text: 'Sở Y tế thực hiện.', leads: ['Sở Y tế'] },
        { ref: '2', text: 'Các Sở: Tài chính, Y tế rà soát.', leads: ['Sở Tài chính', 'Sở Y tế'] },
      ],
    });
    return res.json().document.id as string;
  }

  async function countsFor(documentId: string) {
    const [a] = await t.database.db.select({ n: count() }).from(assignments).where(eq(assignments.documentId, documentId));
    const [e] = await t.database.db.select({ n: count() }).from(events).where(and(eq(events.documentId, documentId), eq(events.action, 'document.published')));
    return { assignments: Number(a.n), published: Number(e.n) };
  }

  const publishVia = (app: FastifyInstance, documentId: string) =>
    app.inject({
      method: 'POST',
      url: `/api/documents/${documentId}/publish`,
      headers: { cookie: `${SESSION_COOKIE}=${t.sessions.office.cookie}`, 'x-csrf-token': t.sessions.office.csrf },
    });

  it('one instance, ten clicks at once: one 200, nine CONFLICT, assignments created once', async () => {
    const id = await draft();
    const answers = await Promise.all(Array.from({ length: 10 }, () => publishVia(t.app, id)));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(9);
    expect(answers.find((r) => r.statusCode === 409)!.json().code).toBe('CONFLICT');
    expect(await countsFor(id)).toEqual({ assignments: 3, published: 1 });
  });

  it.skipIf(backend !== 'postgres')('two instances on one database: the same', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await draft();
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => publishVia(i % 2 ? second!.app : t.app, id)));
      expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
      expect(answers.filter((r) => r.statusCode === 409)).toHaveLength(5);
      expect(await countsFor(id)).toEqual({ assignments: 3, published: 1 });
    }
  });
});
