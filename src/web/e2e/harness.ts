/**
 * What the browser tests and the web bench share: Debian's chromium through playwright-core, a
 * real dondoc server spawned on a temp data dir and a random port, the web build, axe-core, and
 * screenshots under test-artifacts/screenshots/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium; CHROMIUM_PATH overrides it (e.g. to check the skip path). */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SKIP_MESSAGE = `browser tests skipped: ${CHROMIUM} not found`;
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'test-artifacts', 'screenshots');
export const PASSWORD = 'mat-khau-e2e-2025';

/**
 * Builds the web app when dist/web is missing or older than its sources (always with `force`).
 * NODE_ENV is forced to production: under vitest it is "test", which would bundle React's
 * development build.
 */
export function ensureWebBuild(opts: { force?: boolean } = {}): void {
  const index = join(ROOT, 'dist/web/index.html');
  const newest = (dir: string): number =>
    readdirSync(dir).reduce((m, name) => {
      if (name === 'e2e') return m;
      const p = join(dir, name);
      const s = statSync(p);
      return Math.max(m, s.isDirectory() ? newest(p) : s.mtimeMs);
    }, 0);
  if (!opts.force && existsSync(index) && statSync(index).mtimeMs >= newest(join(ROOT, 'src/web'))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error('web build failed');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** `node bin/dondoc.js serve` on an empty PGlite database (no demo), admin password PASSWORD. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'dondoc-web-'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !['DATABASE_URL', 'TEST_DATABASE_URL', 'PUBLIC_URL', 'SMTP_URL'].includes(k)) env[k] = v;
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DONDOC_ADMIN_PASSWORD: PASSWORD,
    DONDOC_DEMO: '0',
    LOG_LEVEL: 'warn',
    LOGIN_MAX_PER_MINUTE: '1000',
    REMINDER_INTERVAL_MINUTES: '0',
    ...extraEnv,
  });
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/dondoc.js'), 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dondoc exited (${child.exitCode}):\n${output}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`dondoc did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A new browser context (Vietnamese locale and time zone, the given screen) signed in as
 * `username` through the sign-in form, its page ready at the home screen. The context is added
 * to `contexts` for the test to close; `onPage` sees the page before it loads anything.
 */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  username: string,
  opts: { viewport: { width: number; height: number }; contexts: BrowserContext[]; acceptDownloads?: boolean; onPage?: (page: Page) => void },
): Promise<Page> {
  const ctx = await browser.newContext({ viewport: opts.viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...(opts.acceptDownloads ? { acceptDownloads: true } : {}) });
  opts.contexts.push(ctx);
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  opts.onPage?.(page);
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('header.top').waitFor();
  return page;
}

/** A test file's teardown: its browser contexts, the browser, then the server. */
export async function closeAll(contexts: BrowserContext[], browser: Browser | undefined, server: RunningServer | undefined): Promise<void> {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=vi-VN'],
  });
}

/** A tiny API client for test setup (cookie + CSRF like the browser). */
export class Api {
  private cookie = '';
  private csrf = '';
  constructor(readonly base: string) {}
  async login(username: string, password = PASSWORD) {
    const r = await fetch(`${this.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
    this.cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
    this.csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
    return this;
  }
  async call<T = any>(method: string, path: string, body?: unknown): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const r = await fetch(`${this.base}${path}`, {
      method,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return text ? JSON.parse(text) : (null as T);
  }
}

/** The Cao Bằng directory, then one account per role the story needs. */
export async function seedDirectoryAndUsers(base: string) {
  const admin = await new Api(base).login('admin');
  const directory = JSON.parse(readFileSync(join(ROOT, 'src/demo/data/caobang.json'), 'utf8'));
  await admin.call('POST', '/api/directory/import', directory);
  const { items } = await admin.call<{ items: { id: string; code: string; name: string }[] }>('GET', '/api/agencies');
  const agency = Object.fromEntries(items.map((a) => [a.code, a.id])) as Record<string, string>;
  const people = [
    { username: 'vanphong', displayName: 'Nguyễn Thị Văn Phòng', role: 'office', agencyId: agency.VPUBND },
    { username: 'syt', displayName: 'Cán bộ Sở Y tế', role: 'agency', agencyId: agency.SYT },
    { username: 'stc', displayName: 'Cán bộ Sở Tài chính', role: 'agency', agencyId: agency.STC },
    { username: 'chutich', displayName: 'Chủ tịch UBND tỉnh', role: 'leader', sectors: 'Phụ trách chung; tài chính, ngân sách' },
  ];
  for (const p of people) await admin.call('POST', '/api/users', { ...p, password: PASSWORD });
  return { admin, agency };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core in the page: the serious and critical WCAG 2.1 A/AA violations. */
export async function axeCheck(page: Page): Promise<AxeViolation[]> {
  const { createRequire } = await import('node:module');
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source); // DevTools evaluation, not an inline script: the app's CSP stays on
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }),
  )) as { violations: AxeViolation[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(v: AxeViolation[]): string {
  return v.map((x) => `${x.impact} ${x.id}: ${x.help} — ${x.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`).join('\n');
}

let shotCounter = 0;
/** Empties the screenshot folder, so it holds the screens of the last run only. */
export function clearScreenshots(): void {
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  shotCounter = 0;
}
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${String(++shotCounter).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
