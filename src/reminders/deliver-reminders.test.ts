import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openTestDatabase, testBackends, type Backend } from '../db/testing';
import type { Database } from '../db/client';
import { queryRows } from '../db/sql';
import { createCalendar } from '../calendar';
import { assignments } from '../assignments/assignments.schema';
import { events } from '../events/events.schema';
import { DEFAULT_REMINDER_RULES } from './reminder-rules';
import { planPass } from './plan-pass';
import { drainDeliveries, type WorkerOptions } from './deliver-reminders';
import { createMailer, type Mailer } from './channels';
import { reminderDeliveries } from './reminders.schema';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink';
import { seedBulk } from './testing/seed-bulk';

const calendar = createCalendar();
const rules = { ...DEFAULT_REMINDER_RULES, dailyOfficeDigest: false, weeklyAgencyDigest: false, catchUpDays: 0 };
const pass = (db: Database['db'], date: string) => planPass(db, { date, rules, calendar, messageHost: 'dondoc.test' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testBackends)('delivery on %s', (backend: Backend) => {
  let database: Database;
  let sink: SmtpSink;
  let mailer: Mailer;
  const worker = (over: Partial<WorkerOptions> = {}) =>
    drainDeliveries({ db: database.db, publicUrl: 'http://dondoc.test', mailFrom: 'dondoc <no-reply@dondoc.test>', mailer, retryBaseSeconds: 0.2, leaseSeconds: 30, ...over });
  const statuses = async () =>
    Object.fromEntries(
      (await queryRows<{ status: string; n: number }>(database.db, sql`select status, count(*)::int as n from reminder_deliveries group by status`)).map((r) => [r.status, Number(r.n)]),
    );

  beforeAll(async () => {
    sink = await startSmtpSink({ keepText: true });
    mailer = createMailer(sink.url, { maxConnections: 2 });
  });
  afterAll(async () => {
    mailer.close();
    await sink.close();
  });
  afterEach(async () => {
    await database?.close();
    sink.accepted.length = 0;
    sink.byMessageId.clear();
    sink.offered = 0;
    sink.policy = () => undefined;
  });

  it('plans a pass once, sends each message once, in Vietnamese with the link and dd/mm/yyyy', async () => {
    database = await openTestDatabase(backend);
    const seed = await seedBulk(database.db, { n: 3, due: '2025-07-25' });
    const first = await pass(database.db, '2025-07-24');
    expect(first.created).toBe(3);
    expect((await pass(database.db, '2025-07-24')).created).toBe(0); // idempotent
    const r = await worker();
    expect(r.sent).toBe(3);
    expect(sink.accepted).toHaveLength(3);
    expect(new Set(sink.accepted.map((m) => m.messageId)).size).toBe(3);
    const m = sink.accepted.find((x) => x.to === 'xa0@sink.test')!;
    expect(m.messageId).toMatch(/^<[0-9a-f-]{36}\.reminder@dondoc\.test>$/);
    expect(m.text).toContain(`http://dondoc.test/assignments/${seed.assignmentIds[0]}`);
    expect(m.text).toContain('25/07/2025');
    expect(m.text).toContain('Nhiệm vụ sắp đến hạn');
    expect(await statuses()).toEqual({ sent: 3 });
    expect((await worker()).claimed).toBe(0);
    // The pass wrote one event.
    const ev = await database.db.select().from(events).where(eq(events.action, 'reminders.pass_planned'));
    expect(ev).toHaveLength(1);
  });

  it('an SMTP server that fails twice then recovers: delivered exactly once after two retries', async () => {
    database = await openTestDatabase(backend);
    await seedBulk(database.db, { n: 1, due: '2025-07-25' });
    await pass(database.db, '2025-07-24');
    sink.policy = (n) => (n <= 2 ? 451 : undefined);
    const deadline = Date.now() + 20_000;
    let total = 0;
    while (Date.now() < deadline) {
      total += (await worker()).sent;
      if (total) break;
      await sleep(150);
    }
    expect(sink.offered).toBe(3);
    expect(sink.accepted).toHaveLength(1);
    const [d] = await database.db.select().from(reminderDeliveries);
    expect(d.status).toBe('sent');
    expect(d.attempts).toBe(3);
  });

  it('keeps failing: marked dead after maxAttempts, reported by an event, never silently dropped', async () => {
    database = await openTestDatabase(backend);
    const seed = await seedBulk(database.db, { n: 1, due: '2025-07-25' });
    await pass(database.db, '2025-07-24');
    sink.policy = () => 451;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const r = await worker({ maxAttempts: 3 });
      if (r.dead) break;
      await sleep(150);
    }
    const [d] = await database.db.select().from(reminderDeliveries);
    expect(d.status).toBe('dead');
    expect(d.attempts).toBe(3);
    expect(d.lastError).toMatch(/451|Refused/);
    const ev = await database.db.select().from(events).where(eq(events.action, 'reminders.delivery_dead'));
    expect(ev).toHaveLength(1);
    expect(ev[0].assignmentId).toBe(seed.assignmentIds[0]);
  });

  it('an agency with open tasks but no mailbox and no officer is reported, not silently skipped', async () => {
    database = await openTestDatabase(backend);
    const seed = await seedBulk(database.db, { n: 2, due: '2025-07-25' });
    await database.db.execute(sql`update agencies set email = null where id = ${seed.agencyIds[1]}`);
    const r = await pass(database.db, '2025-07-24');
    expect(r.created).toBe(1);
    expect(r.unreachable).toEqual([{ agencyId: seed.agencyIds[1], name: 'Xã Thử 1', assignments: 1 }]);
    const [ev] = await database.db.select().from(events).where(eq(events.action, 'reminders.pass_planned'));
    expect((ev.after as { unreachable: unknown[] }).unreachable).toHaveLength(1);
  });

  it('a permanent refusal (5xx) is dead at once', async () => {
    database = await openTestDatabase(backend);
    await seedBulk(database.db, { n: 1, due: '2025-07-25' });
    await pass(database.db, '2025-07-24');
    sink.policy = () => 550;
    const r = await worker();
    expect(r.dead).toBe(1);
    expect(await statuses()).toEqual({ dead: 1 });
  });

  it('a deadline changed after planning: the old reminder is not sent, the new one is', async () => {
    database = await openTestDatabase(backend);
    const seed = await seedBulk(database.db, { n: 2, due: '2025-07-25' });
    await pass(database.db, '2025-07-24'); // before_1 for 25/07, two messages
    // The office moves task 0 to 24/07 (today) and task 1 is extended to 31/07, before any send.
    await database.db.update(assignments).set({ due: '2025-07-24' }).where(eq(assignments.id, seed.assignmentIds[0]));
    await database.db.update(assignments).set({ due: '2025-07-31' }).where(eq(assignments.id, seed.assignmentIds[1]));
    const r1 = await worker();
    expect(r1).toMatchObject({ sent: 0, skipped: 2 });
    expect(sink.accepted).toHaveLength(0);
    // The next pass the same day re-plans from the current deadlines.
    const again = await pass(database.db, '2025-07-24');
    expect(again.messages.map((m) => m.items.map((i) => i.rule)).flat().sort()).toEqual(['before_5', 'due_day']);
    const r2 = await worker();
    expect(r2.sent).toBe(2);
    expect(sink.accepted.map((m) => m.to).sort()).toEqual(['xa0@sink.test', 'xa1@sink.test']);
    expect(sink.accepted.find((m) => m.to === 'xa0@sink.test')!.text).toContain('đến hạn hôm nay');
    expect(sink.accepted.find((m) => m.to === 'xa1@sink.test')!.text).toContain('31/07/2025');
    // The history keeps both: the skipped old one and the sent new one.
    expect(await statuses()).toEqual({ skipped: 2, sent: 2 });
  });

  it('no reminder for a task completed or cancelled after planning', async () => {
    database = await openTestDatabase(backend);
    const seed = await seedBulk(database.db, { n: 2, due: '2025-07-25' });
    await pass(database.db, '2025-07-24');
    // As the use cases write them: the state and the dated fact the as-of rule reads.
    await database.db.update(assignments).set({ state: 'done', completedOn: '2025-07-24', acceptedOn: '2025-07-24' }).where(eq(assignments.id, seed.assignmentIds[0]));
    await database.db.update(assignments).set({ state: 'cancelled', cancelledOn: '2025-07-24' }).where(eq(assignments.id, seed.assignmentIds[1]));
    const r = await worker();
    expect(r).toMatchObject({ sent: 0, skipped: 2 });
    expect(sink.offered).toBe(0);
    expect((await pass(database.db, '2025-07-25')).messages).toEqual([]);
  });

  it('caps the overdue reminders per task and rule', async () => {
    database = await openTestDatabase(backend);
    await seedBulk(database.db, { n: 1, due: '2025-06-02' });
    const capped = { ...rules, capPerRule: 2, escalateOnFirstOverdueDay: false, escalateLeaderAfterDays: 0 };
    let planned = 0;
    for (let d = Date.parse('2025-06-03'); d <= Date.parse('2025-08-29'); d += 86_400_000) {
      const date = new Date(d).toISOString().slice(0, 10);
      planned += (await planPass(database.db, { date, rules: capped, calendar, messageHost: 'dondoc.test' })).created;
    }
    expect(planned).toBe(2);
    await worker();
    expect(sink.accepted).toHaveLength(2);
  }, 240_000);

  it('a holiday fortnight around Tết 2026, one pass per calendar day: nothing on days off, nothing twice', async () => {
    database = await openTestDatabase(backend);
    await seedBulk(database.db, { n: 1, due: '2026-02-18' }); // mùng 2 Tết
    const withCatchUp = { ...DEFAULT_REMINDER_RULES, dailyOfficeDigest: false, weeklyAgencyDigest: false };
    for (let d = Date.parse('2026-02-02'); d <= Date.parse('2026-03-06'); d += 86_400_000) {
      const date = new Date(d).toISOString().slice(0, 10);
      await planPass(database.db, { date, rules: withCatchUp, calendar, messageHost: 'dondoc.test' });
    }
    const rows = await queryRows<{ pass_date: string; rules: string }>(
      database.db,
      sql`select d.pass_date::text, string_agg(distinct i.rule, ',') as rules from reminder_deliveries d join reminder_items i on i.delivery_id = d.id group by d.id order by 1`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.pass_date, r.rules]))).toEqual({
      '2026-02-09': 'before_5',
      '2026-02-13': 'due_day', // the deadline is inside Tết: the last working day before it
      '2026-02-23': 'escalate_agency', // first working day after Tết = first overdue working day
      '2026-02-25': 'overdue',
      '2026-03-02': 'overdue',
      '2026-03-05': 'overdue',
    });
    await worker();
    expect(sink.accepted.map((m) => m.to)).toHaveLength(6);
  }, 240_000);
});
