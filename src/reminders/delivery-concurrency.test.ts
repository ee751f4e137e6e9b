/**
 * Never miss, never double-send, on a real PostgreSQL server: two workers on two connection
 * pools at once, and a worker process killed with SIGKILL in the middle of a batch.
 * Runs when TEST_DATABASE_URL is set.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openPostgres, type Database } from '../db/client';
import { migrate } from '../db/migrate';
import { createServerDatabase, testServerUrl } from '../db/testing';
import { queryRows } from '../db/sql';
import { createCalendar } from '../calendar';
import { DEFAULT_REMINDER_RULES } from './reminder-rules';
import { planPass } from './plan-pass';
import { drainDeliveries } from './deliver-reminders';
import { createMailer } from './channels';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink';
import { seedBulk } from './testing/seed-bulk';

const calendar = createCalendar();
const rules = { ...DEFAULT_REMINDER_RULES, dailyOfficeDigest: false, weeklyAgencyDigest: false, catchUpDays: 0 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!testServerUrl)('delivery on PostgreSQL with several instances', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  async function freshDatabase(n: number) {
    const server = await createServerDatabase();
    const a = await openPostgres(server.url, 5);
    await migrate(a);
    await seedBulk(a.db, { n, due: '2025-07-25' });
    return { server, a };
  }
  const statuses = async (db: Database['db']) =>
    Object.fromEntries(
      (await queryRows<{ status: string; n: number }>(db, sql`select status, count(*)::int as n from reminder_deliveries group by status`)).map((r) => [r.status, Number(r.n)]),
    );

  it('two instances planning and delivering at once: each delivery exactly once', async () => {
    const N = 300;
    const { server, a } = await freshDatabase(N);
    const b = await openPostgres(server.url, 5);
    sink.accepted.length = 0;
    sink.byMessageId.clear();
    try {
      // Both instances plan the same day at once: the advisory lock and unique keys make it one plan.
      const plans = await Promise.all([a, b].map((d) => planPass(d.db, { date: '2025-07-24', rules, calendar, messageHost: 'dondoc.test' })));
      expect(plans[0].created + plans[1].created).toBe(N);
      const mk = async (d: Database, id: string) => {
        const mailer = createMailer(sink.url, { maxConnections: 3 });
        try {
          return await drainDeliveries({ db: d.db, workerId: id, publicUrl: 'http://dondoc.test', mailFrom: 'dondoc <no-reply@dondoc.test>', mailer, batchSize: 10, concurrency: 5 });
        } finally {
          mailer.close();
        }
      };
      const [ra, rb] = await Promise.all([mk(a, 'A'), mk(b, 'B')]);
      expect(ra.sent + rb.sent).toBe(N);
      expect(ra.sent).toBeGreaterThan(0);
      expect(rb.sent).toBeGreaterThan(0);
      expect(sink.accepted).toHaveLength(N);
      expect(sink.byMessageId.size).toBe(N);
      expect([...sink.byMessageId.values()].every((c) => c === 1)).toBe(true);
      expect(await statuses(a.db)).toEqual({ sent: N });
      const by = await queryRows<{ locked_by: string; n: number }>(a.db, sql`select locked_by, count(*)::int n from reminder_deliveries group by 1 order by 1`);
      expect(by.map((r) => r.locked_by)).toEqual(['A', 'B']);
    } finally {
      await b.close();
      await a.close();
      await server.drop();
    }
  });

  it('a worker killed with SIGKILL mid-batch: after its lease another finishes, no message lost or doubled', async () => {
    const N = 12;
    const { server, a } = await freshDatabase(N);
    sink.accepted.length = 0;
    sink.byMessageId.clear();
    sink.offered = 0;
    try {
      await planPass(a.db, { date: '2025-07-24', rules, calendar, messageHost: 'dondoc.test' });
      // The sink accepts 4 messages, then holds the 5th without answering: the child is mid-send.
      sink.policy = (n) => (n === 5 ? 'hold' : undefined);
      const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./testing/worker-child.ts', import.meta.url))], {
        env: { ...process.env, DB_URL: server.url, SMTP_URL: sink.url, LEASE: '3' },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
      await sink.held;
      expect(sink.accepted).toHaveLength(4);
      const mid = await statuses(a.db);
      expect(mid).toEqual({ sent: 4, sending: N - 4 }); // the child claimed the whole batch
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      sink.policy = () => undefined;

      const mailer = createMailer(sink.url, { maxConnections: 2 });
      const opts = { db: a.db, workerId: 'survivor', publicUrl: 'http://dondoc.test', mailFrom: 'dondoc <no-reply@dondoc.test>', mailer, batchSize: 50, concurrency: 4 };
      // Before the lease ends nothing can be taken…
      expect((await drainDeliveries(opts)).claimed).toBe(0);
      // …after it, the survivor retakes and finishes the batch.
      const deadline = Date.now() + 15_000;
      let sent = 0;
      while (sent < N - 4 && Date.now() < deadline) {
        await sleep(500);
        sent += (await drainDeliveries(opts)).sent;
      }
      mailer.close();
      expect(sent).toBe(N - 4);
      expect(sink.accepted).toHaveLength(N);
      expect(sink.byMessageId.size).toBe(N);
      expect([...sink.byMessageId.values()].every((c) => c === 1)).toBe(true);
      expect(await statuses(a.db)).toEqual({ sent: N });
      // The held message was retaken: it carries its first Message-ID and a second attempt.
      const [retaken] = await queryRows<{ attempts: number; locked_by: string }>(a.db, sql`select attempts, locked_by from reminder_deliveries where message_id = ${(await sink.held).messageId}`);
      expect(retaken).toEqual({ attempts: 2, locked_by: 'survivor' });
    } finally {
      await a.close();
      await server.drop();
    }
  });
});
