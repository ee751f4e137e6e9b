/**
 * `npm run bench:load`: the server as a province runs it (`dondoc serve` in its own process, on
 * PostgreSQL, with the demo province), under 20 concurrent keep-alive connections of a signed-in
 * office user, as the hardening probe measured it: throughput and latency of the assignment list,
 * the dashboard's counts and one assignment's page, as clients ask them (repeated answers come
 * from the instance's answer cache, http/answer-cache.ts) and then computed anew each time
 * (`Cache-Control: no-cache`).
 *   BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/dondoc_bench_load) — recreated.
 *   BENCH_SECONDS (default 10) per scenario, BENCH_CONNECTIONS (default 20).
 * Fails when any request answers other than 200.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { recreateDatabase } from './bench-database';
import autocannon from 'autocannon';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dondoc_bench_load';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PORT = 3917;
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'bench-load-Mat-khau-9';


async function waitForHealth(deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not answer /api/health within 120 s');
}

async function signIn(): Promise<string> {
  const r = await fetch(`${BASE}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'vanphong', password: PASSWORD }) });
  if (!r.ok) throw new Error(`sign-in: ${r.status} ${await r.text()}`);
  const cookie = r.headers.get('set-cookie');
  if (!cookie) throw new Error('sign-in gave no session cookie');
  return cookie.split(';')[0];
}

async function load(title: string, path: string, cookie: string, fresh = false) {
  const headers: Record<string, string> = fresh ? { cookie, 'cache-control': 'no-cache' } : { cookie };
  const result = await autocannon({ url: `${BASE}${path}`, connections: CONNECTIONS, duration: SECONDS, headers });
  const bad = result.non2xx + result.errors + result.timeouts;
  return { title, path, reqPerSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, bad };
}

async function main() {
  await recreateDatabase(url);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const server = spawn(process.execPath, ['bin/dondoc.js', 'serve'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(PORT), HOST: '127.0.0.1', DONDOC_DEMO: 'true', DONDOC_ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'warn', REMINDER_INTERVAL_MINUTES: '0', SMTP_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    process.stderr.write('Starting dondoc serve on PostgreSQL with the demo province…\n');
    await waitForHealth(Date.now() + 120_000);
    const cookie = await signIn();
    const list = await (await fetch(`${BASE}/api/assignments?limit=50`, { headers: { cookie } })).json();
    const one = (list as { items: { id: string }[] }).items[0]?.id;
    if (!one) throw new Error('the demo province has no assignments');
    const rows = [];
    for (const [title, path, fresh] of [
      ['assignment list, 50 rows', '/api/assignments?limit=50', false],
      ['dashboard counts', '/api/assignments/counts', false],
      ['one assignment', `/api/assignments/${one}`, false],
      ['assignment list, 50 rows, computed anew (no-cache)', '/api/assignments?limit=50', true],
      ['dashboard counts, computed anew', '/api/assignments/counts', true],
      ['one assignment, computed anew', `/api/assignments/${one}`, true],
    ] as const) {
      process.stderr.write(`${title}: ${CONNECTIONS} connections for ${SECONDS} s…\n`);
      rows.push(await load(title, path, cookie, fresh));
    }
    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each, PostgreSQL, one server process\n`);
    console.log('| scenario | req/s | p50 | p99 | requests | not 200 |');
    console.log('|---|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.title} | ${r.reqPerSec.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${r.requests} | ${r.bad} |`);
    if (rows.some((r) => r.bad > 0)) {
      console.error('Some requests did not answer 200.');
      process.exitCode = 1;
    }
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
