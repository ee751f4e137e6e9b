import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
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
    while (sink.accepted.length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    await stop();
    // The SYT officer (reminder) and the office (daily digest): one e-mail each.
    expect(sink.accepted.map((m) => m.to).sort()).toEqual(['office@test.vn', 'syt@test.vn']);
    const n = sink.accepted.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.accepted.length).toBe(n); // stopped: nothing more
  });
});
