import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testBackends } from '../db/testing';
import { createTestApp, publishTestDocument, type TestApp } from '../http/testing';
import { users } from '../auth/auth.schema';
import { events } from '../events/events.schema';
import { createMailer, signWebhook, type Mailer } from './channels';
import { runReminderPass } from './run-reminders';
import { loadCalendar } from './reminder-settings';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink';

describe.each(testBackends)('reminder API and a full pass on %s', (backend) => {
  let t: TestApp;
  let sink: SmtpSink;
  let mailer: Mailer;
  let hookServer: Server;
  const hookCalls: { body: string; signature: string }[] = [];
  let ids: Record<string, string>;

  beforeAll(async () => {
    sink = await startSmtpSink({ keepText: true });
    mailer = createMailer(sink.url, { maxConnections: 2 });
    hookServer = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        hookCalls.push({ body, signature: String(req.headers['x-dondoc-signature']) });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', () => r()));
    t = await createTestApp(backend, { today: '2025-07-24', env: { PUBLIC_URL: 'https://dondoc.caobang.gov.vn' } });
    const { assignments } = await publishTestDocument(t, [
      ...Array.from({ length: 35 }, (_, i) => ({ ref: `Y${i}`, text: `Sở Y tế thực hiện nhiệm vụ số ${i}.`, leads: ['Sở Y tế'], due: '2025-07-25' })),
      { ref: 'T', text: 'Sở Tài chính báo cáo giải ngân.', leads: ['Sở Tài chính'], due: '2025-09-30' },
    ]);
    ids = Object.fromEntries(assignments.map((a) => [a.ref ?? '', a.id]));
  });
  afterAll(async () => {
    await t.close();
    mailer.close();
    await sink.close();
    await new Promise((r) => hookServer.close(r));
  });

  it('requires authentication', async () => {
    expect((await t.call(null, 'GET', '/api/notifications')).statusCode).toBe(401);
    expect((await t.call(null, 'GET', '/api/reminders/rules')).statusCode).toBe(401);
  });

  it('webhooks: admin only; the secret is shown once', async () => {
    expect((await t.call(t.sessions.office, 'GET', '/api/webhooks')).statusCode).toBe(403);
    const bad = await t.call(t.sessions.admin, 'POST', '/api/webhooks', { url: 'ftp://x.vn/hook' });
    expect(bad.statusCode).toBe(400);
    const url = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/zalo-bridge`;
    const created = await t.call(t.sessions.admin, 'POST', '/api/webhooks', { url, description: 'Cầu nối Zalo', secret: 'bi-mat-rat-dai-0123456789' });
    expect(created.statusCode).toBe(201);
    expect(created.json().secret).toBe('bi-mat-rat-dai-0123456789');
    const list = (await t.call(t.sessions.admin, 'GET', '/api/webhooks')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0].secret).toBeUndefined();
    const extra = await t.call(t.sessions.admin, 'POST', '/api/webhooks', { url: 'https://tmp.example.vn/h', unknown: 1 });
    expect(extra.statusCode).toBe(400);
  });

  it('one pass: 35 tasks of one notice → one e-mail and one notification to the officer; webhook signed', async () => {
    // The SYT officer also wants the webhook (e.g. bridged to Zalo).
    await t.database.db.update(users).set({ channels: ['email', 'inapp', 'webhook'] }).where(eq(users.username, 'syt'));
    const r = await runReminderPass({ db: t.ctx.db, config: t.ctx.config, date: '2025-07-24', mailer });
    expect(r.delivery?.dead).toBe(0);
    const toSyt = sink.accepted.filter((m) => m.to === 'syt@test.vn');
    expect(toSyt).toHaveLength(1);
    expect(toSyt[0].subject).toContain('=?'); // encoded UTF-8 subject
    expect(toSyt[0].text).toContain('Nhiệm vụ sắp đến hạn');
    expect(toSyt[0].text).toContain('25/07/2025');
    expect(toSyt[0].text).toContain(`https://dondoc.caobang.gov.vn/assignments/${ids.Y0}`);
    expect(toSyt[0].text.match(/\/assignments\//g)).toHaveLength(35);
    // The office gets its daily digest (one message), the STC officer nothing today.
    expect(sink.accepted.filter((m) => m.to === 'office@test.vn')).toHaveLength(1);
    expect(sink.accepted.filter((m) => m.to === 'stc@test.vn')).toHaveLength(0);
    expect(hookCalls).toHaveLength(1);
    expect(hookCalls[0].signature).toBe(signWebhook('bi-mat-rat-dai-0123456789', hookCalls[0].body));
    const payload = JSON.parse(hookCalls[0].body);
    expect(payload.items).toHaveLength(35);
    expect(payload.recipient.name).toBe('syt');
    // A second run of the same day sends nothing more.
    const again = await runReminderPass({ db: t.ctx.db, config: t.ctx.config, date: '2025-07-24', mailer });
    expect(again.plan.created).toBe(0);
    expect(sink.accepted.filter((m) => m.to === 'syt@test.vn')).toHaveLength(1);
  });

  it('the bell: own notifications only, marked read', async () => {
    const list = (await t.call(t.sessions.syt, 'GET', '/api/notifications')).json();
    // The reminder, above the notice of the publication that assigned the tasks.
    expect(list.items.map((n: { kind: string }) => n.kind)).toEqual(['reminder', 'assignment.created']);
    expect(list.unread).toBe(2);
    expect(list.items[0].body).toContain('Kính gửi: syt.');
    // 35 tasks in one message: the bell opens the list of exactly those.
    expect(list.items[0].link).toMatch(/\/nhiem-vu\?delivery=[0-9a-f-]{36}$/);
    const id = list.items[0].id;
    expect((await t.call(t.sessions.stc, 'POST', `/api/notifications/${id}/read`)).statusCode).toBe(404);
    const read = await t.call(t.sessions.syt, 'POST', `/api/notifications/${id}/read`);
    expect(read.statusCode).toBe(200);
    expect((await t.call(t.sessions.syt, 'GET', '/api/notifications?unread=true')).json()).toMatchObject({ items: [{ kind: 'assignment.created' }], unread: 1 });
  });

  it('delivery history on the assignment, in words; an agency sees only what was sent to it', async () => {
    type Row = { channel: string; channelLabel: string; address: string | null; status: string; statusLabel: string; rules: string[]; ruleLabels: string[]; recipient: string };
    const all = await t.call(t.sessions.office, 'GET', `/api/assignments/${ids.Y0}/deliveries`);
    expect(all.statusCode).toBe(200);
    const items = all.json().items as Row[];
    expect(items.map((i) => i.channel).sort()).toEqual(['email', 'email', 'inapp', 'inapp', 'webhook']);
    expect(items.every((i) => i.status === 'sent' && i.statusLabel === 'Đã gửi')).toBe(true);
    const toSyt = items.find((i) => i.address === 'syt@test.vn')!;
    expect(toSyt).toMatchObject({ rules: ['before_1'], ruleLabels: ['Nhắc trước hạn 1 ngày làm việc'], channelLabel: 'Thư điện tử' });
    expect(items.find((i) => i.address === 'office@test.vn')!).toMatchObject({ rules: ['digest_daily'], ruleLabels: ['Tổng hợp hằng ngày'] });
    // The agency: its own officer's e-mail and bell, not the office's digest nor the webhook.
    const mine = (await t.call(t.sessions.syt, 'GET', `/api/assignments/${ids.Y0}/deliveries`)).json().items as Row[];
    expect(mine.map((i) => `${i.channelLabel}|${i.recipient}`).sort()).toEqual(['Thông báo trong ứng dụng|syt', 'Thư điện tử|syt']);
    expect(mine.some((i) => i.address === 'office@test.vn')).toBe(false);
    expect((await t.call(t.sessions.stc, 'GET', `/api/assignments/${ids.Y0}/deliveries`)).statusCode).toBe(404);
    expect((await t.call(t.sessions.leader, 'GET', `/api/assignments/${ids.Y0}/deliveries`)).json().items).toHaveLength(5);
  });

  it('rules: admin and office edit them, with Vietnamese errors and an event', async () => {
    expect((await t.call(t.sessions.syt, 'GET', '/api/reminders/rules')).statusCode).toBe(403);
    const got = (await t.call(t.sessions.office, 'GET', '/api/reminders/rules')).json();
    expect(got.rules.beforeDays).toEqual([5, 1]);
    const bad = await t.call(t.sessions.office, 'PUT', '/api/reminders/rules', { rules: { capPerRule: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Số lần nhắc tối đa');
    const ok = await t.call(t.sessions.office, 'PUT', '/api/reminders/rules', { rules: { beforeDays: [3], capPerRule: 3 }, templates: { subject: 'Nhắc việc {{count}} nhiệm vụ ({{date}})' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().rules).toMatchObject({ beforeDays: [3], capPerRule: 3, onDueDay: true });
    expect(ok.json().templates.subject).toBe('Nhắc việc {{count}} nhiệm vụ ({{date}})');
    const ev = await t.database.db.select().from(events).where(eq(events.action, 'reminders.rules_changed'));
    expect(ev).toHaveLength(1);
  });

  it('calendar overrides: admin only, validated by parseOverrides, used by the next pass', async () => {
    expect((await t.call(t.sessions.office, 'GET', '/api/calendar/overrides')).statusCode).toBe(403);
    const got = (await t.call(t.sessions.admin, 'GET', '/api/calendar/overrides')).json();
    expect(got.overrides).toBeNull();
    expect(got.defaults.years).toBeTruthy();
    const bad = await t.call(t.sessions.admin, 'PUT', '/api/calendar/overrides', { years: { '2025': { daysOff: [{ date: '2026-07-23', name: 'Sai năm' }] } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('không thuộc năm 2025');
    const ok = await t.call(t.sessions.admin, 'PUT', '/api/calendar/overrides', { years: { '2025': { daysOff: [{ date: '2025-07-23', name: 'Nghỉ thử nghiệm' }] } } });
    expect(ok.statusCode).toBe(200);
    expect((await loadCalendar(t.ctx.db)).isWorkingDay('2025-07-23')).toBe(false);
    expect((await t.database.db.select().from(events).where(eq(events.action, 'calendar.overrides_changed'))).length).toBe(1);
  });

  it('deleting a webhook writes an event', async () => {
    const [hook] = (await t.call(t.sessions.admin, 'GET', '/api/webhooks')).json().items;
    expect((await t.call(t.sessions.admin, 'DELETE', `/api/webhooks/${hook.id}`)).statusCode).toBe(204);
    expect((await t.call(t.sessions.admin, 'DELETE', `/api/webhooks/${hook.id}`)).statusCode).toBe(404);
    expect((await t.database.db.select().from(events).where(eq(events.action, 'webhook.deleted'))).length).toBe(1);
  });
});
