/**
 * npm run bench:remind — plans and sends 100,000 due reminders to an in-process SMTP sink
 * (smtp-server) against PostgreSQL (TEST_DATABASE_URL, DATABASE_URL, or the local server), and
 * reports the time and the count received. Target: under 60 s, exactly 100,000.
 *
 * 100,000 communes, each with its own mailbox and one assignment due tomorrow: one pass plans
 * 100,000 messages (one per recipient) and the workers deliver them over pooled SMTP.
 *   BENCH_N=20000 npm run bench:remind   (a smaller run)
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { createCalendar } from '../src/calendar';
import { DEFAULT_REMINDER_RULES } from '../src/reminders/reminder-rules';
import { planPass } from '../src/reminders/plan-pass';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { seedBulk } from '../src/reminders/testing/seed-bulk';

const N = Number(process.env.BENCH_N ?? 100_000);
const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const name = `dondoc_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const u = new URL(serverUrl);
u.pathname = `/${name}`;
const database = await openPostgres(u.toString(), 12);
// The SMTP sink: smtp-server in this process, on `BENCH_SINKS` worker threads so that the test
// harness is not the bottleneck (each thread is one server on its own port).
const sinks = await Promise.all(
  Array.from({ length: Number(process.env.BENCH_SINKS ?? 2) }, async () => {
    const w = new Worker(new URL('./smtp-sink-thread.mjs', import.meta.url));
    const port = await new Promise<number>((r) => w.once('message', (m: { port: number }) => r(m.port)));
    const ask = <T>(q: string) => new Promise<T>((r) => (w.once('message', (m: T) => r(m)), w.postMessage(q)));
    return { url: `smtp://127.0.0.1:${port}`, count: () => ask<{ count: number }>('count').then((m) => m.count), ids: () => ask<{ ids: string[] }>('report').then((m) => m.ids), close: () => w.terminate() };
  }),
);
const sink = { url: sinks.map((x) => x.url).join(' ') };
const received = async () => (await Promise.all(sinks.map((x) => x.count()))).reduce((a, b) => a + b, 0);
let exitCode = 0;
try {
  await migrate(database);
  console.log(`Cơ sở dữ liệu thử: ${name} trên ${u.host}; bộ nhận SMTP: ${sink.url}`);
  let t = Date.now();
  await seedBulk(database.db, { n: N, due: '2025-07-25', chunk: 5000 });
  console.log(`Dữ liệu: ${N.toLocaleString('vi-VN')} xã, mỗi xã một nhiệm vụ hạn 25/07/2025 — ${s(Date.now() - t)}`);

  const start = Date.now();
  const plan = await planPass(database.db, {
    date: '2025-07-24',
    rules: DEFAULT_REMINDER_RULES,
    calendar: createCalendar(),
    messageHost: 'dondoc.bench',
  });
  const planMs = Date.now() - start;
  console.log(`Lập kế hoạch lượt 24/07/2025: ${plan.created.toLocaleString('vi-VN')} thư, ${plan.items.toLocaleString('vi-VN')} mục — ${s(planMs)}`);

  // The delivery workers run as separate processes, as several dondoc instances would, all
  // claiming from the same outbox; the SMTP sink stays in this process and counts.
  t = Date.now();
  const workers = Number(process.env.BENCH_WORKERS ?? 3);
  const child = fileURLToPath(new URL('../src/reminders/testing/worker-child.ts', import.meta.url));
  let last = 0;
  const ticker = setInterval(() => {
    void received().then((n) => {
      if (n !== last) console.log(`  … bộ nhận đã nhận ${(last = n).toLocaleString('vi-VN')} (${s(Date.now() - t)})`);
    });
  }, 3000);
  const results = await Promise.all(
    Array.from({ length: workers }, (_, i) => {
      const p = spawn(process.execPath, ['--import', 'tsx', child], {
        env: { ...process.env, DB_URL: u.toString(), SMTP_URL: sinks[i % sinks.length].url, LEASE: '300', BATCH: '500', CONCURRENCY: '100', MAXCONN: '8', PARALLEL: '2', POOL: '3' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      p.stdout.on('data', (c) => (out += c));
      return new Promise<{ sent: number; failed: number; dead: number }>((resolve, reject) =>
        p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`worker exited with ${code}`)))),
      );
    }),
  );
  clearInterval(ticker);
  const r = results.reduce((a, b) => ({ sent: a.sent + b.sent, failed: a.failed + b.failed, dead: a.dead + b.dead }));
  console.log(`Tiến trình gửi: ${workers}, mỗi tiến trình đã gửi: ${results.map((x) => x.sent.toLocaleString('vi-VN')).join(' / ')}`);
  const sendMs = Date.now() - t;
  const total = Date.now() - start;
  const allIds = (await Promise.all(sinks.map((x) => x.ids()))).flat();
  const unique = new Set(allIds).size;
  console.log(`Gửi: ${r.sent.toLocaleString('vi-VN')} thành công, ${r.failed} lỗi, ${r.dead} hỏng — ${s(sendMs)} (${Math.round(r.sent / (sendMs / 1000)).toLocaleString('vi-VN')} thư/giây)`);
  console.log('');
  console.log(`KẾT QUẢ  lập kế hoạch + gửi: ${s(total)} (mục tiêu < 60 s)`);
  console.log(`         bộ nhận SMTP đã nhận: ${allIds.length.toLocaleString('vi-VN')} thư, ${unique.toLocaleString('vi-VN')} Message-ID khác nhau (mục tiêu đúng ${N.toLocaleString('vi-VN')})`);
  if (allIds.length !== N || unique !== N) {
    console.error('SAI: số thư nhận được khác số thư cần gửi.');
    exitCode = 1;
  } else if (total > 60_000) {
    console.error('CHẬM: vượt 60 giây.');
    exitCode = 1;
  }
} finally {
  await Promise.all(sinks.map((x) => x.close()));
  await database.close();
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
}
process.exit(exitCode);
