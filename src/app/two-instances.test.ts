/**
 * The server is stateless: two instances started at once on one PostgreSQL (racing on the
 * migrations) serve the same data, and a session opened on one works on the other.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServerDatabase, testServerUrl } from '../db/testing';

const bin = fileURLToPath(new URL('../../bin/dondoc.js', import.meta.url));
const PASSWORD = 'hai-may-chu-1';

function start(url: string, port: number): ChildProcess {
  return spawn(process.execPath, [bin, 'serve'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', DONDOC_ADMIN_PASSWORD: PASSWORD, DONDOC_DEMO: 'false', LOG_LEVEL: 'warn', REMINDER_INTERVAL_MINUTES: '0' },
    stdio: 'pipe',
  });
}

async function waitHealthy(port: number) {
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instance on ${port} did not start`);
}

describe.skipIf(!testServerUrl)('two instances on one PostgreSQL', () => {
  let db: { url: string; drop(): Promise<void> };
  const procs: ChildProcess[] = [];
  const ports = [41000 + Math.floor(Math.random() * 1000), 43000 + Math.floor(Math.random() * 1000)];
  beforeAll(async () => {
    db = await createServerDatabase();
    for (const p of ports) procs.push(start(db.url, p));
    await Promise.all(ports.map(waitHealthy));
  }, 120_000);
  afterAll(async () => {
    for (const p of procs) p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await db?.drop();
  });

  it('shares sessions and data', async () => {
    const [a, b] = ports.map((p) => `http://127.0.0.1:${p}`);
    const login = await fetch(`${a}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const { csrfToken } = await login.json();
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const agency = await fetch(`${b}/api/agencies`, { method: 'POST', headers, body: JSON.stringify({ code: 'SYT', name: 'Sở Y tế', kind: 'department' }) });
    expect(agency.status).toBe(201);
    const onA = await (await fetch(`${a}/api/agencies`, { headers })).json();
    expect(onA.items.map((x: { code: string }) => x.code)).toEqual(['SYT']);
  });
});
