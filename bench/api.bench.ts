/**
 * `npm run bench`: 1,000,000 assignments across 100 agencies in PostgreSQL, then p50/p95 of the
 * hot queries through the HTTP API and as bare SQL, side by side; a past month's report for the
 * whole province; and a check that the per-day bucket summary equals a full recount by the rule.
 *   BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/dondoc_bench) — recreated.
 *   BENCH_ROWS (default 1000000), BENCH_RUNS (default 200), BENCH_REUSE=1 keeps the loaded data.
 * The "SQL" columns run the same query functions as the API, without HTTP, sessions and JSON.
 */
import { Worker } from 'node:worker_threads';
import { recreateDatabase } from './bench-database';
import { sql } from 'drizzle-orm';
import { openPostgres, type Database, type Db } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { queryRows } from '../src/db/sql';
import { loadConfig } from '../src/config/config';
import { buildServer } from '../src/http/build-server';
import '../src/app/register-domains';
import { extraRoutes } from '../src/app/background';
import { createUser } from '../src/auth/users';
import { SYSTEM_ACTOR } from '../src/auth/actor';
import { DEFAULT_EXTENSION_POLICY } from '../src/assignments/extension-rules';
import { listAssignments, countAssignments, countByRule } from '../src/assignments/list-assignments';
import { rebuildBucketSummary, summaryCounts } from '../src/assignments/bucket-summary';
import { buildMonthlyReport } from '../src/reports/monthly-report';
import { SessionCache } from '../src/auth/session-cache';
import { startCacheListener } from '../src/app/cache-listener';
import type { SessionInfo } from '../src/auth/sessions';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dondoc_bench';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const AS_OF = '2025-10-01';


/**
 * Plain JS for the client thread. It waits for blocks of paths, requests each in turn and answers
 * with one timing per path, each answer read whole and parsed. node:http with a keep-alive agent,
 * as load tools use: a lighter client than fetch, so that the figure is the API's time rather
 * than the client's.
 */
const HTTP_CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const get = (url, cookie) => new Promise((resolve, reject) => {
  http.get(url, { agent, headers: { cookie } }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => res.statusCode === 200 ? resolve(JSON.parse(Buffer.concat(chunks).toString())) : reject(new Error(res.statusCode + ' ' + url)));
  }).on('error', reject);
});
parentPort.on('message', async (paths) => {
  const { base, cookie } = workerData;
  const xs = [];
  for (const path of paths) {
    const t = performance.now();
    await get(base + path, cookie);
    xs.push(performance.now() - t);
  }
  parentPort.postMessage(xs);
});
`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const summary = (xs: number[]) => ({ p50: pct(xs, 50), p95: pct(xs, 95) });

async function main() {
  const reuse = process.env.BENCH_REUSE === '1';
  if (!reuse) {
    console.log(`Preparing ${ROWS.toLocaleString('en')} assignments in ${url} …`);
    await recreateDatabase(url);
  }
  const database = await openPostgres(url, 10);
  await migrate(database);
  const db = database.db;
  if (!reuse) await load(db);
  // What autovacuum does on a live server: statistics and the visibility map (index-only scans).
  await db.execute(sql`vacuum analyze`);
  await runQueries(db, database);
}

async function load(db: Db) {
  const t0 = performance.now();
  await db.execute(sql`insert into agencies (code, name, kind) select 'A' || g, 'Cơ quan số ' || g, 'department' from generate_series(1, 100) g`);
  await db.execute(sql`insert into documents (number, subject, text, status, doc_date) select g || '/TB-UBND', 'Thông báo kết luận số ' || g, '', 'published', date '2025-01-01' + (g % 300) from generate_series(1, 1000) g`);
  const words = ['giải ngân vốn đầu tư công', 'xóa nhà tạm', 'chuyển đổi số', 'nông thôn mới', 'cải cách hành chính', 'phòng chống thiên tai', 'tiêm vắc xin', 'thu ngân sách', 'an toàn thực phẩm', 'quy hoạch trường lớp'];
  await db.execute(sql`insert into directive_items (document_id, position, ref, text)
    select d.id, g % 100, 'II.' || (g % 9), (array[${sql.join(words.map((w) => sql`${w}`), sql`, `)}])[1 + g % 10] || ' — nhiệm vụ ' || g
    from generate_series(1, ${ROWS / 10}) g join (select id, row_number() over () rn from documents) d on d.rn = 1 + g % 1000`);
  await db.execute(sql`
    with it as (select id, document_id, text, row_number() over (order by id) rn from directive_items),
         ag as (select id, row_number() over (order by code) rn from agencies)
    insert into assignments (item_id, document_id, agency_id, due, original_due, state, completed_on, search_text)
    select it.id, it.document_id, ag.id, dd.d, dd.d,
      (array['assigned','received','in_progress','completion_reported','done','done','done','cancelled'])[1 + (g % 8)],
      case when g % 8 in (4, 5, 6) then dd.d + ((g % 7) - 3) end,
      translate(lower(it.text), 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ', 'aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy')
    from generate_series(1, ${ROWS}) g
    cross join lateral (select date '2025-03-01' + (g % 400) as d) dd
    join it on it.rn = 1 + (g % ${ROWS / 10})
    join ag on ag.rn = 1 + ((g * 7) % 100)`);
  await db.execute(sql`update assignments set due = null, original_due = null where (hashtext(id::text) % 20) = 0`);
  // The dated facts of the as-of rule: published a month before the deadline, accepted 0–2 days
  // after the completion report, cancelled 10 days after publication; one task in 20 extended
  // by 15 days five days before its first deadline.
  await db.execute(sql`update assignments set
      published_on = coalesce(due, date '2025-06-01') - 30,
      accepted_on = case when state = 'done' then completed_on + (abs(hashtext(id::text)) % 3) end,
      cancelled_on = case when state = 'cancelled' then coalesce(due, date '2025-06-01') - 20 end`);
  await db.execute(sql`update assignments set
      due_history = jsonb_build_array(jsonb_build_object('on', (due - 5)::text, 'from', (due - 15)::text)),
      due_changed_on = due - 5, original_due = due - 15, extension_count = 1
    where due is not null and state <> 'cancelled' and (abs(hashtext(id::text || 'x')) % 20) = 0`);
  const t1 = performance.now();
  await rebuildBucketSummary(db);
  const [{ s }] = await queryRows<{ s: number }>(db, sql`select count(*)::int as s from bucket_summary`);
  console.log(`Bucket summary rebuilt from the rows in ${((performance.now() - t1) / 1000).toFixed(1)} s: ${s.toLocaleString('en')} rows`);
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from assignments`);
  console.log(`Loaded ${n.toLocaleString('en')} assignments in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function runQueries(db: Db, database: Database) {

  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
  // Wired as `serve` wires it, session cache and its revocation listener included.
  const ctx = { db, config, today: () => AS_OF, extensionPolicy: DEFAULT_EXTENSION_POLICY, sessions: new SessionCache<SessionInfo>() };
  const app = await buildServer(ctx, { logger: false, plugins: extraRoutes }); // the report routes too, as `serve`
  const stopListener = await startCacheListener(ctx, console);
  await db.execute(sql`delete from users where username = 'bench'`);
  // A password the strength check accepts (it refuses one built on the username).
  await createUser(db, SYSTEM_ACTOR, { username: 'bench', password: 'đo tốc độ một triệu dòng', role: 'office' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'đo tốc độ một triệu dòng' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const agencies = await queryRows<{ id: string }>(db, sql`select id from agencies order by code`);
  const actor = { id: null, name: 'bench', role: 'office' as const, agencyId: null };
  // The HTTP client runs in its own thread, as another system would be: it must not share the
  // server's event loop, or the benchmark would charge the client's work to the API.
  const client = new Worker(HTTP_CLIENT, { eval: true, workerData: { base, cookie } });
  let pending: { resolve: (xs: number[]) => void; reject: (e: Error) => void } | null = null;
  client.on('message', (xs: number[]) => pending?.resolve(xs));
  client.on('error', (e) => pending?.reject(e));
  const httpBlock = (paths: string[]) =>
    new Promise<number[]>((resolve, reject) => {
      pending = { resolve, reject };
      client.postMessage(paths);
    });
  const sqlBlock = async (n: number, from: number, f: (i: number) => Promise<unknown>) => {
    const xs: number[] = [];
    for (let i = from; i < from + n; i++) {
      const t = performance.now();
      await f(i);
      xs.push(performance.now() - t);
    }
    return xs;
  };
  /**
   * API and SQL are measured in alternating blocks of 10, so that both sample the same moments of
   * a shared machine whose speed drifts; 5 warm-up calls of each first.
   */
  async function paired(runs: number, path: (i: number) => string, query: (i: number) => Promise<unknown>) {
    await httpBlock(Array.from({ length: 5 }, (_, i) => path(i)));
    await sqlBlock(5, 0, query);
    const api: number[] = [];
    const bare: number[] = [];
    for (let from = 0; from < runs; from += 10) {
      const n = Math.min(10, runs - from);
      api.push(...(await httpBlock(Array.from({ length: n }, (_, k) => path(from + k)))));
      bare.push(...(await sqlBlock(n, from, query)));
    }
    return [summary(api), summary(bare)] as const;
  }

  const rows: [string, { p50: number; p95: number }, { p50: number; p95: number }][] = [];
  rows.push([
    'list: agency + bucket, by deadline (50 rows)',
    ...(await paired(
      RUNS,
      (i) => `/api/assignments?agencyId=${agencies[i % 100].id}&bucket=open_overdue&limit=50`,
      (i) => listAssignments(db, actor, { agencyId: agencies[i % 100].id, bucket: ['open_overdue'], limit: 50, asOf: AS_OF }),
    )),
  ]);
  const terms = ['giai ngan', 'nha tam', 'chuyen doi so', 'nong thon moi', 'thien tai'];
  rows.push([
    'free-text search without diacritics (50 rows)',
    ...(await paired(
      RUNS,
      (i) => `/api/assignments?q=${encodeURIComponent(terms[i % 5])}&limit=50`,
      (i) => listAssignments(db, actor, { q: terms[i % 5], limit: 50, asOf: AS_OF }),
    )),
  ]);
  const countRuns = Math.max(10, Math.floor(RUNS / 10));
  rows.push([
    'bucket counts per agency (whole province)',
    ...(await paired(countRuns, () => `/api/assignments/counts`, () => countAssignments(db, actor, { asOf: AS_OF }))),
  ]);
  const reportRuns = Math.max(5, Math.floor(RUNS / 20));
  rows.push([
    'monthly report of a past month (2025-07), whole province',
    ...(await paired(reportRuns, () => `/api/reports/monthly?month=2025-07`, () => buildMonthlyReport(db, actor, { month: '2025-07', today: AS_OF }))),
  ]);
  await client.terminate();
  // The summary must equal the rule counted over every row, on several days.
  for (const day of ['2025-04-30', '2025-07-31', AS_OF, '2026-03-31']) {
    const t = performance.now();
    const full = (await countByRule(db, actor, { asOf: day })).map((c) => `${c.agencyId} ${c.bucket} ${c.n}`).sort();
    const ms = performance.now() - t;
    const fromSummary = (await summaryCounts(db, day, null)).map((c) => `${c.agencyId} ${c.bucket} ${c.n}`).sort();
    const same = full.length === fromSummary.length && full.every((x, i) => x === fromSummary[i]);
    console.log(`summary vs full recount on ${day}: ${same ? 'equal' : 'DIFFERENT'} (${full.length} agency×bucket cells; recount ${ms.toFixed(0)} ms)`);
    if (!same) process.exitCode = 1;
  }
  console.log(`\n${ROWS.toLocaleString('en')} assignments, 100 agencies, PostgreSQL, ${RUNS} runs (counts ${countRuns})`);
  console.log('| query | API p50 | API p95 | SQL p50 | SQL p95 |');
  console.log('|---|---|---|---|---|');
  for (const [name, api, bare] of rows) console.log(`| ${name} | ${api.p50.toFixed(1)} ms | ${api.p95.toFixed(1)} ms | ${bare.p50.toFixed(1)} ms | ${bare.p95.toFixed(1)} ms |`);
  await stopListener();
  await app.close();
  await database.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
