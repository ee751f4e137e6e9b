/**
 * Notifications end to end through the API: each follow-up change tells the lead agency in-app
 * (and queues an e-mail in the reminder outbox for those who want e-mail, when SMTP_URL is set),
 * in the transaction of the change; the office's inbox; the digest's list link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testBackends } from '../db/testing';
import { queryRows } from '../db/sql';
import { createTestApp, publishTestDocument, type TestApp } from '../http/testing';
import { drainDeliveries } from '../reminders/deliver-reminders';
import { createMailer, type Mailer } from '../reminders/channels';
import { startSmtpSink, type SmtpSink } from '../reminders/testing/smtp-sink';
import { planPass } from '../reminders/plan-pass';
import { createCalendar } from '../calendar';
import { DEFAULT_REMINDER_RULES } from '../reminders/reminder-rules';
import { notifyContributionPosted } from './notify';

interface NoticeRow {
  username: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

const QUIET_RULES = {
  ...DEFAULT_REMINDER_RULES,
  beforeDays: [],
  onDueDay: false,
  overdueEveryDays: 0,
  escalateOnFirstOverdueDay: false,
  escalateLeaderAfterDays: 0,
  dailyOfficeDigest: false,
  weeklyAgencyDigest: false,
  catchUpDays: 0,
};

describe.each(testBackends)('notifications on %s', (backend) => {
  let t: TestApp;
  let sink: SmtpSink;
  let mailer: Mailer;
  let ids: Record<string, string>;
  let documentId: string;

  /** In-app notifications written since the last call, per user. */
  let seen = new Set<string>();
  const fresh = async (): Promise<NoticeRow[]> => {
    const rows = await queryRows<NoticeRow & { id: string }>(
      t.database.db,
      sql`select n.id, u.username, n.kind, n.title, n.body, n.link from notifications n join users u on u.id = n.user_id order by n.created_at, u.username`,
    );
    const out = rows.filter((r) => !seen.has(r.id));
    seen = new Set(rows.map((r) => r.id));
    return out.map(({ id: _id, ...r }) => r);
  };
  let seenMail = new Set<string>();
  const freshMail = async () => {
    const rows = await queryRows<{ id: string; target: string; subject: string; body: string; status: string }>(
      t.database.db,
      sql`select id, target, subject, body, status from reminder_deliveries where body is not null order by created_at, target`,
    );
    const out = rows.filter((r) => !seenMail.has(r.id));
    seenMail = new Set(rows.map((r) => r.id));
    return out;
  };

  beforeAll(async () => {
    sink = await startSmtpSink({ keepText: true });
    mailer = createMailer(sink.url, { maxConnections: 1 });
    t = await createTestApp(backend, { today: '2025-07-15', env: { SMTP_URL: sink.url, PUBLIC_URL: 'https://dondoc.test' } });
    const published = await publishTestDocument(t, [
      { ref: 'A', text: 'Sở Y tế đẩy nhanh tiêm vắc xin sởi.', leads: ['Sở Y tế'], due: '2025-07-31' },
      { ref: 'B', text: 'Sở Y tế báo cáo tình hình dịch bệnh.', leads: ['Sở Y tế'], due: '2025-07-22' },
      { ref: 'C', text: 'Sở Tài chính đẩy mạnh giải ngân vốn đầu tư công.', leads: ['Sở Tài chính'], due: '2025-07-25' },
    ]);
    documentId = published.documentId;
    ids = Object.fromEntries(published.assignments.map((a) => [a.ref, a.id]));
  });
  afterAll(async () => {
    await t?.close();
    mailer?.close();
    await sink?.close();
  });

  it('publishing tells each lead agency once, with its own tasks, in-app and by e-mail; the office is not told', async () => {
    const notices = await fresh();
    expect(notices.map((n) => [n.username, n.kind])).toEqual([
      ['stc', 'assignment.created'],
      ['syt', 'assignment.created'],
    ]);
    const syt = notices.find((n) => n.username === 'syt')!;
    expect(syt.title).toBe('2 nhiệm vụ mới theo 1/TB-TEST');
    expect(syt.body).toContain('A. Sở Y tế đẩy nhanh tiêm vắc xin sởi. — hạn 31/07/2025');
    expect(syt.body).not.toContain('Sở Tài chính đẩy mạnh');
    expect(syt.link).toBe(`/nhiem-vu?documentId=${documentId}`);
    const stc = notices.find((n) => n.username === 'stc')!;
    expect(stc.link).toBe(`/nhiem-vu/${ids.C}`);

    const mails = await freshMail();
    expect(mails.map((m) => m.target)).toEqual(['stc@test.vn', 'syt@test.vn']);
    expect(mails[1].body).toContain(`https://dondoc.test/nhiem-vu?documentId=${documentId}`);
    // Sent after commit by the reminder worker, as written.
    const r = await drainDeliveries({ db: t.database.db, publicUrl: 'https://dondoc.test', mailFrom: 'dondoc <no-reply@dondoc.test>', mailer });
    expect(r.sent).toBe(2);
    const got = sink.accepted.find((m) => m.to === 'syt@test.vn')!;
    expect(got.messageId).toMatch(/^<[0-9a-f-]{36}\.notice@dondoc\.test>$/);
    expect(got.text).toContain('Cơ quan được giao chủ trì 2 nhiệm vụ theo 1/TB-TEST');
    expect((await freshMail()).length).toBe(0);
  });

  it('a returned then accepted completion tells the lead agency each time, with the reason', async () => {
    await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.B}/completion`, { text: 'Đã báo cáo.' });
    expect(await fresh()).toEqual([]); // reporting tells nobody by notice: the office has its inbox
    await t.call(t.sessions.office, 'POST', `/api/assignments/${ids.B}/review`, { decision: 'return', note: 'Thiếu số liệu.' });
    const returned = await fresh();
    expect(returned).toEqual([
      {
        username: 'syt',
        kind: 'completion.returned',
        title: 'Báo cáo hoàn thành bị trả lại: B. Sở Y tế báo cáo tình hình dịch bệnh.',
        body: expect.stringContaining('Lý do: Thiếu số liệu.'),
        link: `/nhiem-vu/${ids.B}`,
      },
    ]);
    expect((await freshMail()).map((m) => m.target)).toEqual(['syt@test.vn']);

    await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.B}/completion`, { text: 'Đã bổ sung số liệu.' });
    await t.call(t.sessions.office, 'POST', `/api/assignments/${ids.B}/review`, { decision: 'accept' });
    expect((await fresh()).map((n) => [n.username, n.kind])).toEqual([['syt', 'completion.accepted']]);
    expect((await freshMail()).map((m) => m.target)).toEqual(['syt@test.vn']);
  });

  it('a refused review writes no notification: the notice belongs to the change', async () => {
    const res = await t.call(t.sessions.office, 'POST', `/api/assignments/${ids.A}/review`, { decision: 'accept' });
    expect(res.json().code).toBe('INVALID_TRANSITION');
    expect(await fresh()).toEqual([]);
    expect(await freshMail()).toEqual([]);
  });

  it('extension decisions tell the lead agency; with e-mail turned off by preference there is no e-mail row', async () => {
    const stcId = (await t.call(t.sessions.stc, 'GET', '/api/auth/me')).json().user.id;
    const pref = await t.call(t.sessions.stc, 'PATCH', `/api/users/${stcId}`, { channels: ['inapp'] });
    expect(pref.statusCode).toBe(200);

    const r1 = (await t.call(t.sessions.stc, 'POST', `/api/assignments/${ids.C}/extensions`, { requestedDue: '2025-08-10', reason: 'Chờ vốn.' })).json();
    await t.call(t.sessions.office, 'POST', `/api/assignments/${ids.C}/extensions/${r1.id}/decision`, { decision: 'approve' });
    const approved = await fresh();
    expect(approved.map((n) => [n.username, n.kind, n.title])).toEqual([
      ['stc', 'extension.approved', 'Đồng ý gia hạn đến 10/08/2025: C. Sở Tài chính đẩy mạnh giải ngân vốn đầu tư công.'],
    ]);
    expect(await freshMail()).toEqual([]);

    const r2 = (await t.call(t.sessions.stc, 'POST', `/api/assignments/${ids.C}/extensions`, { requestedDue: '2025-08-30', reason: 'Lần 2.' })).json();
    await t.call(t.sessions.leader, 'POST', `/api/assignments/${ids.C}/extensions/${r2.id}/decision`, { decision: 'refuse', note: 'Không đủ căn cứ.' });
    const refused = await fresh();
    expect(refused.map((n) => [n.username, n.kind])).toEqual([['stc', 'extension.refused']]);
    expect(refused[0].body).toContain('Lý do: Không đủ căn cứ.');
    expect(await freshMail()).toEqual([]);
    await t.call(t.sessions.stc, 'PATCH', `/api/users/${stcId}`, { channels: ['email', 'inapp'] });
  });

  it('the bell lists one’s own notifications with the unread count; read-all clears it', async () => {
    const mine = (await t.call(t.sessions.syt, 'GET', '/api/notifications')).json();
    expect(mine.unread).toBe(3);
    expect(mine.items.map((n: { kind: string }) => n.kind)).toEqual(['completion.accepted', 'completion.returned', 'assignment.created']);
    expect((await t.call(t.sessions.syt, 'POST', '/api/notifications/read-all')).json()).toEqual({ marked: 3 });
    expect((await t.call(t.sessions.syt, 'GET', '/api/notifications')).json().unread).toBe(0);
    expect((await t.call(t.sessions.stc, 'GET', '/api/notifications')).json().unread).toBe(3);
  });

  it('the inbox lists completions to review and extensions to decide, oldest first, scoped to the caller', async () => {
    t.setToday('2025-07-20');
    const ext = (await t.call(t.sessions.stc, 'POST', `/api/assignments/${ids.C}/extensions`, { requestedDue: '2025-08-20', reason: 'Lần 3.' })).json();
    expect(ext.id).toBeDefined();
    await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.A}/completion`, { text: 'Xong.' });
    const inbox = (await t.call(t.sessions.office, 'GET', '/api/inbox')).json();
    expect(inbox.items.map((e: { kind: string; assignmentId: string }) => [e.kind, e.assignmentId])).toEqual([
      ['extension', ids.C],
      ['completion', ids.A],
    ]);
    expect(inbox.items[0]).toMatchObject({ requestedDue: '2025-08-20', note: 'Lần 3.', agencyName: 'Sở Tài chính', submittedBy: 'stc' });
    expect(inbox.counts).toEqual({ completions: 1, extensions: 1 });
    expect((await t.call(t.sessions.office, 'GET', '/api/inbox?kind=completion')).json().items).toHaveLength(1);
    expect((await t.call(t.sessions.admin, 'GET', '/api/inbox/counts')).json()).toEqual({ completions: 1, extensions: 1 });
    // A leader's inbox holds the tasks they are in charge of.
    expect((await t.call(t.sessions.leader, 'GET', '/api/inbox/counts')).json()).toEqual({ completions: 0, extensions: 0 });
    const leaderId = (await t.call(t.sessions.leader, 'GET', '/api/auth/me')).json().user.id;
    await t.database.db.execute(sql`update assignments set leader_id = ${leaderId} where id = ${ids.A}`);
    expect((await t.call(t.sessions.leader, 'GET', '/api/inbox')).json().items.map((e: { assignmentId: string }) => e.assignmentId)).toEqual([ids.A]);
    // Agencies have no inbox.
    expect((await t.call(t.sessions.syt, 'GET', '/api/inbox')).statusCode).toBe(403);
    // The list filters behind the inbox.
    const pendingExt = (await t.call(t.sessions.office, 'GET', '/api/assignments?pending=extension')).json().items;
    expect(pendingExt.map((a: { id: string }) => a.id)).toEqual([ids.C]);
    const pendingDone = (await t.call(t.sessions.office, 'GET', '/api/assignments?pending=completion')).json().items;
    expect(pendingDone.map((a: { id: string }) => a.id)).toEqual([ids.A]);
    expect((await t.call(t.sessions.stc, 'GET', '/api/assignments?pending=completion')).json().items).toEqual([]);
    // Deciding takes it out of the inbox.
    await t.call(t.sessions.office, 'POST', `/api/assignments/${ids.A}/review`, { decision: 'accept' });
    expect((await t.call(t.sessions.office, 'GET', '/api/inbox/counts')).json()).toEqual({ completions: 0, extensions: 1 });
  });
});

describe.each(testBackends)('notifications without SMTP_URL on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { today: '2025-07-21' });
  });
  afterAll(() => t?.close());

  it('writes in-app notifications only: no e-mail row, nothing to fail', async () => {
    await publishTestDocument(t, [{ ref: 'A', text: 'Sở Y tế làm việc A.', leads: ['Sở Y tế'], due: '2025-07-31' }]);
    const n = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications`);
    expect(Number(n[0].n)).toBe(1);
    expect(await queryRows(t.database.db, sql`select id from reminder_deliveries`)).toEqual([]);
  });

  it('notifyContributionPosted tells the lead agency within the caller’s transaction, and a rollback takes it back', async () => {
    const { assignments } = await publishTestDocument(t, [{ ref: 'K', text: 'Sở Y tế chủ trì việc K.', leads: ['Sở Y tế'], supports: ['Sở Tài chính'], due: '2025-08-31' }]);
    const before = await queryRows<{ id: string }>(t.database.db, sql`select id from notifications`);
    const mail = { email: true, publicUrl: 'https://dondoc.test', messageHost: 'dondoc.test' };
    await expect(
      t.database.db.transaction(async (tx) => {
        await notifyContributionPosted(tx, { assignmentId: assignments[0].id, contributorAgencyName: 'Sở Tài chính', text: 'Đã bố trí vốn.' }, mail);
        throw new Error('the contribution failed after notifying');
      }),
    ).rejects.toThrow('the contribution failed');
    expect(await queryRows(t.database.db, sql`select id from notifications`)).toHaveLength(before.length);
    expect(await queryRows(t.database.db, sql`select id from reminder_deliveries`)).toEqual([]);

    const r = await t.database.db.transaction((tx) => notifyContributionPosted(tx, { assignmentId: assignments[0].id, contributorAgencyName: 'Sở Tài chính', text: 'Đã bố trí vốn.' }, mail));
    expect(r).toEqual({ inApp: 1, emails: 1 });
    const rows = await queryRows<{ username: string; kind: string; link: string }>(
      t.database.db,
      sql`select u.username, n.kind, n.link from notifications n join users u on u.id = n.user_id where n.kind = 'contribution.posted'`,
    );
    expect(rows).toEqual([{ username: 'syt', kind: 'contribution.posted', link: `/nhiem-vu/${assignments[0].id}` }]);
    await t.database.db.execute(sql`delete from reminder_deliveries`);
  });

  it('a digest links to exactly the tasks it named, for its addressee only; an escalation is an in-app notice', async () => {
    const { assignments } = await publishTestDocument(t, [
      { ref: 'D1', text: 'Sở Y tế việc D1.', leads: ['Sở Y tế'], due: '2025-07-22' },
      { ref: 'D2', text: 'Sở Y tế việc D2.', leads: ['Sở Y tế'], due: '2025-07-23' },
      { ref: 'D3', text: 'Sở Y tế việc D3.', leads: ['Sở Y tế'], due: '2025-07-24' },
      { ref: 'D4', text: 'Sở Tài chính việc D4.', leads: ['Sở Tài chính'], due: '2025-07-18' },
      { ref: 'FAR', text: 'Sở Y tế việc xa.', leads: ['Sở Y tế'], due: '2025-12-31' },
    ]);
    const id = Object.fromEntries(assignments.map((a) => [a.ref, a.id]));
    const calendar = createCalendar();
    const pass = await planPass(t.database.db, { date: '2025-07-21', rules: { ...QUIET_RULES, dailyOfficeDigest: true }, calendar, messageHost: 'dondoc.test', emailEnabled: false });
    const digest = pass.messages.find((m) => m.recipientKey.startsWith('user:') && m.items.some((i) => i.rule === 'digest_daily'))!;
    expect(new Set(digest.items.map((i) => i.assignmentId))).toEqual(new Set([id.D1, id.D2, id.D3, id.D4]));
    // D2 is cancelled after planning: the message leaves it out, and so does its list.
    await t.call(t.sessions.office, 'POST', `/api/assignments/${id.D2}/cancel`, { reason: 'Không còn cần.' });
    await drainDeliveries({ db: t.database.db, publicUrl: 'https://dondoc.test', mailFrom: 'x <x@dondoc.test>', mailer: null });
    const [note] = await queryRows<{ title: string; link: string; kind: string; delivery_id: string }>(
      t.database.db,
      sql`select n.title, n.link, n.kind, n.delivery_id from notifications n join users u on u.id = n.user_id where u.username = 'office' and n.kind = 'reminder'`,
    );
    expect(note.title).toContain('Đôn đốc 3 nhiệm vụ');
    expect(note.link).toBe(`https://dondoc.test/nhiem-vu?delivery=${note.delivery_id}`);
    const listed = (await t.call(t.sessions.office, 'GET', `/api/assignments?delivery=${note.delivery_id}`)).json().items.map((a: { id: string }) => a.id);
    expect(new Set(listed)).toEqual(new Set([id.D1, id.D3, id.D4]));
    expect(listed).toHaveLength(3);
    // Someone the digest was not sent to gets an empty list, not the office's digest.
    expect((await t.call(t.sessions.syt, 'GET', `/api/assignments?delivery=${note.delivery_id}`)).json().items).toEqual([]);
    expect((await t.call(t.sessions.leader, 'GET', `/api/assignments?delivery=${note.delivery_id}`)).json().items).toEqual([]);
    // The counts agree with the list.
    const counts = (await t.call(t.sessions.office, 'GET', `/api/assignments/counts?delivery=${note.delivery_id}`)).json().totals;
    expect(counts).toMatchObject({ open_on_time: 2, open_overdue: 1, cancelled: 0 });

    // Escalation: D4 went overdue on 18/07; the next working day its agency's officers are told in-app.
    const esc = await planPass(t.database.db, { date: '2025-07-21', rules: { ...QUIET_RULES, escalateOnFirstOverdueDay: true, catchUpDays: 2 }, calendar, messageHost: 'dondoc.test', emailEnabled: false });
    expect(esc.created).toBeGreaterThan(0);
    await drainDeliveries({ db: t.database.db, publicUrl: 'https://dondoc.test', mailFrom: 'x <x@dondoc.test>', mailer: null });
    const escalations = await queryRows<{ username: string; link: string }>(
      t.database.db,
      sql`select u.username, n.link from notifications n join users u on u.id = n.user_id where n.kind = 'escalation' order by u.username`,
    );
    expect(escalations.map((e) => e.username)).toEqual(['office', 'stc']);
    expect(escalations[1].link).toBe(`https://dondoc.test/assignments/${id.D4}`);
  });
});
