import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/sql';
import { createTestApp, publishTestDocument, type TestApp } from '../http/testing';
import { backgroundStarters } from '../app/background';
import { startReminderLoop } from './reminder-loop';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as unknown as FastifyBaseLogger;

describe('the background loop', () => {
  let t: TestApp;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp('pglite', { today: '2025-07-24', env: { SMTP_URL: sink.url, REMINDER_INTERVAL_MINUTES: '1' } });
    await publishTestDocument(t, [{ ref: 'A', text: 'Sở Y tế báo cáo.', leads: ['Sở Y tế'], due: '2025-07-25' }]);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('is registered with the server', () => {
    expect(backgroundStarters).toContain(startReminderLoop);
  });

  it('plans today’s pass and delivers it, then stops cleanly', async () => {
    const stop = await startReminderLoop(t.ctx, quiet, { pollMs: 200 });
    const until = Date.now() + 30_000;
    while (sink.accepted.length < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    await stop();
    // The SYT officer (the notice of the publication, then the reminder) and the office (daily digest).
    expect(sink.accepted.map((m) => m.to).sort()).toEqual(['office@test.vn', 'syt@test.vn', 'syt@test.vn']);
    const n = sink.accepted.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.accepted.length).toBe(n); // stopped: nothing more
  });
});

describe('without SMTP_URL', () => {
  it('says once that e-mail is off, plans nothing on it and still delivers in-app', async () => {
    const t = await createTestApp('pglite', { today: '2025-07-24', env: { REMINDER_INTERVAL_MINUTES: '1' } });
    try {
      await publishTestDocument(t, [{ ref: 'A', text: 'Sở Y tế báo cáo.', leads: ['Sở Y tế'], due: '2025-07-25' }]);
      const lines: string[] = [];
      const log = { info: (...a: unknown[]) => lines.push(String(a.at(-1))), warn: (...a: unknown[]) => lines.push(`WARN ${String(a.at(-1))}`), error: (...a: unknown[]) => lines.push(`ERROR ${String(a.at(-1))}`), debug: () => undefined } as unknown as FastifyBaseLogger;
      const stop = await startReminderLoop(t.ctx, log, { pollMs: 100 });
      const until = Date.now() + 20_000;
      // Reminders only: the notice of the publication is in the bell since the publication.
      const sent = async () => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where delivery_id is not null`))[0].n;
      while ((await sent()) < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 400));
      await stop();
      expect(await sent()).toBe(2); // the SYT officer and the office's digest, in the bell
      expect(await queryRows(t.database.db, sql`select kind from notifications where delivery_id is null`)).toEqual([{ kind: 'assignment.created' }]);
      const byChannel = await queryRows<{ channel: string; status: string }>(t.database.db, sql`select channel, status from reminder_deliveries`);
      expect(byChannel.every((d) => d.channel === 'inapp' && d.status === 'sent')).toBe(true);
      expect(lines.filter((l) => l.includes('SMTP_URL'))).toEqual(['reminders: e-mail off (SMTP_URL not set); in-app notifications and webhooks only']);
      expect(lines.filter((l) => l.startsWith('WARN') || l.startsWith('ERROR'))).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
