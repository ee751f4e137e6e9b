/**
 * The leader's report in a real browser (Debian's chromium): `chutich` signs in, opens "Báo cáo",
 * picks July 2025 and downloads the .docx, which is read back (mammoth) and must carry the
 * province's letterhead, the month and the same total as the screen; a number of the running
 * month drills down to exactly that many assignments; the screen works at phone width (390 px)
 * and axe-core finds no serious violation. Screenshots go to test-artifacts/report-screens/.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api, PASSWORD, ROOT, SKIP_MESSAGE, axeCheck, describeViolations, ensureWebBuild, hasChromium, launchBrowser, seedDirectoryAndUsers, startServer, type RunningServer, closeAll } from './harness';

if (!hasChromium) console.log(SKIP_MESSAGE);

const SHOTS = join(ROOT, 'test-artifacts', 'report-screens');
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });
const digits = (s: string) => Number(s.replace(/\D/g, ''));

describe.skipIf(!hasChromium)('web app in chromium: the leader’s monthly report', () => {
  let server: RunningServer;
  let browser: Browser;
  let today: string;
  const contexts: BrowserContext[] = [];
  let n = 0;
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${String(++n).padStart(2, '0')}-${name}.png`), fullPage: true });

  async function newPage(viewport = { width: 1280, height: 860 }) {
    const ctx = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => console.error('page error:', e.message));
    return page;
  }
  async function signIn(page: Page, username: string) {
    await page.goto(`${server.url}/`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('header.top').waitFor();
  }

  beforeAll(async () => {
    ensureWebBuild();
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    const { admin } = await seedDirectoryAndUsers(server.url);
    today = ((await (await fetch(`${server.url}/api/health`)).json()) as { today: string }).today;
    await admin.call('PUT', '/api/settings/province', { name: 'Cao Bằng' });
    // An invented notice: tasks due in July 2025 and tasks due in the running month.
    const office = await new Api(server.url).login('vanphong');
    const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 20 * 86_400_000).toISOString().slice(0, 10);
    const items = [
      { ref: '1', text: 'Sở Y tế kiểm tra an toàn thực phẩm bếp ăn tập thể.', leads: ['Sở Y tế'], due: '2025-07-10' },
      { ref: '2', text: 'Sở Tài chính đẩy nhanh giải ngân vốn đầu tư công.', leads: ['Sở Tài chính'], due: '2025-07-25' },
      { ref: '3', text: 'Sở Tài chính rà soát các khoản thu ngân sách.', leads: ['Sở Tài chính'], due: soon },
      { ref: '4', text: 'Sở Y tế chuẩn bị vắc xin cho đợt tiêm chủng mở rộng.', leads: ['Sở Y tế'], due: soon },
    ];
    const doc = await office.call<{ document: { id: string } }>('POST', '/api/documents', { text: items.map((i) => i.text).join('\n\n'), meta: { number: '21/TB-VPUBND', subject: 'Kết luận thử' }, items });
    await office.call('POST', `/api/documents/${doc.document.id}/publish`);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(() => closeAll(contexts, browser, server));

  it('chutich opens Báo cáo, picks July 2025 and downloads a .docx with the same figures', async () => {
    const page = await newPage();
    await signIn(page, 'chutich');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Báo cáo' }).click();
    await poll(() => new URL(page.url()).pathname).toBe('/bao-cao');
    await page.getByTestId('report-asof').waitFor();
    await page.getByLabel('Năm').selectOption('2025');
    await page.getByLabel('Tháng', { exact: true }).selectOption('07');
    await poll(() => page.getByTestId('report-asof').innerText()).toContain('31/07/2025');
    const total = digits(await page.getByTestId('report-total').innerText());
    await shot(page, 'bao-cao-07-2025');
    const violations = await axeCheck(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('downloads').getByRole('link', { name: 'Word (.docx)' }).click()]);
    expect(download.suggestedFilename()).toBe('bao-cao-thang-2025-07.docx');
    const file = join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    const { value: text } = await mammoth.extractRawText({ buffer: readFileSync(file) });
    expect(text).toContain('UBND TỈNH CAO BẰNG');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toMatch(/Cao Bằng, ngày \d\d tháng \d+ năm \d{4}/);
    expect(text).toContain('giao tháng 07/2025');
    expect(text).toContain('Tính đến ngày 31/07/2025');
    // The document's total is the screen's total.
    expect(digits(/đang theo dõi là ([\d.]+) nhiệm vụ/.exec(text)![1])).toBe(total);
    expect(text).toContain('CHÁNH VĂN PHÒNG');
  });

  it('drills down from a number to exactly those assignments, and fits a 390-px phone', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await signIn(page, 'chutich');
    await page.goto(`${server.url}/bao-cao?month=${today.slice(0, 7)}`);
    const table = page.getByTestId('monthly-table');
    await table.waitFor();
    await shot(page, 'bao-cao-dien-thoai');
    // The page itself does not scroll sideways on a phone (the table scrolls in its own box).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const cell = table.locator('tr[data-agency="Sở Tài chính"] td[data-bucket="open_on_time"] a');
    const expected = digits(await cell.innerText());
    expect(expected).toBe(1);
    await cell.click();
    await poll(() => new URL(page.url()).pathname).toBe('/nhiem-vu');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(today);
    await page.getByTestId('as-of-note').waitFor();
    await poll(() => page.getByTestId('result-count').innerText()).toMatch(/\d/);
    expect(digits(await page.getByTestId('result-count').innerText())).toBe(expected);
    await poll(() => page.getByTestId('assignment-row').count()).toBe(expected);
    expect(await page.getByTestId('assignment-row').first().innerText()).toContain('rà soát các khoản thu ngân sách');
    await shot(page, 'drill-down');

    await page.goto(`${server.url}/bao-cao?xem=xu-huong`);
    await page.getByTestId('trend-chart').waitFor();
    await shot(page, 'dien-bien');
    await page.goto(`${server.url}/bao-cao?xem=xep-hang&from=${today.slice(0, 4)}-01-01&to=${today.slice(0, 4)}-12-31`);
    await page.getByTestId('ranking-table').waitFor();
    // Every task of this story is still open on time: no agency is ranked yet, and the table says
    // so for each agency instead of inventing a 0 % rate (the arithmetic of ranked agencies is
    // checked in ranking.test.ts and official-exports.test.ts).
    expect(await page.getByTestId('arithmetic').count()).toBe(0);
    expect(await page.locator('[data-testid="ranking-table"] tr[data-agency="Sở Tài chính"]').innerText()).toContain('Chưa xếp hạng');
    await shot(page, 'xep-hang');
  });

  it('narrows the report to an agency group and a document, and drills down with the same filters', async () => {
    const page = await newPage();
    await signIn(page, 'chutich');
    await page.goto(`${server.url}/bao-cao?month=${today.slice(0, 7)}`);
    await page.getByTestId('monthly-table').waitFor();
    await page.getByLabel('Nhóm cơ quan').selectOption({ label: 'các sở, ban, ngành' });
    await poll(() => page.getByTestId('report-scope').innerText()).toBe('Phạm vi báo cáo: cơ quan chủ trì thuộc nhóm các sở, ban, ngành.');
    await page.getByLabel('Văn bản giao').selectOption({ label: '21/TB-VPUBND — Kết luận thử' });
    await poll(() => page.getByTestId('report-scope').innerText()).toContain('nhiệm vụ giao tại văn bản số 21/TB-VPUBND Kết luận thử');
    const url = new URL(page.url());
    expect(url.searchParams.get('groupId')).toBeTruthy();
    expect(url.searchParams.get('documentId')).toBeTruthy();
    await shot(page, 'bao-cao-loc-nhom-van-ban');
    // The downloads carry the filters too.
    const docx = await page.getByTestId('downloads').getByRole('link', { name: 'Word (.docx)' }).getAttribute('href');
    expect(docx).toContain(`groupId=${url.searchParams.get('groupId')}`);
    expect(docx).toContain(`documentId=${url.searchParams.get('documentId')}`);
    const cell = page.locator('[data-testid="monthly-table"] tr[data-agency="Sở Y tế"] td[data-bucket="open_on_time"] a');
    expect(digits(await cell.innerText())).toBe(1);
    await cell.click();
    await poll(() => new URL(page.url()).pathname).toBe('/nhiem-vu');
    const drilled = new URL(page.url()).searchParams;
    expect([drilled.get('groupId'), drilled.get('documentId')]).toEqual([url.searchParams.get('groupId'), url.searchParams.get('documentId')]);
    await poll(() => page.getByTestId('group-note').innerText()).toContain('các sở, ban, ngành');
    await poll(() => page.getByTestId('assignment-row').count()).toBe(1);
    // The rows and the count are two requests: the count may still be loading when the row is in.
    await poll(() => page.getByTestId('result-count').innerText()).toMatch(/\d/);
    expect(digits(await page.getByTestId('result-count').innerText())).toBe(1);
    expect(await page.getByTestId('assignment-row').first().innerText()).toContain('vắc xin');
  });

  it('after a filter changes, shows no figure of the previous filter while the new one loads', async () => {
    const page = await newPage();
    await signIn(page, 'chutich');
    // The answers for the new filter are held back, as on a slow phone, until released.
    const held: string[] = [];
    const hold = async (path: string, param: string) => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      await page.route(
        (u) => u.pathname === path && u.searchParams.has(param),
        async (route) => {
          held.push(path);
          await gate;
          await route.continue();
        },
      );
      return release;
    };
    const releaseReport = await hold('/api/reports/monthly', 'documentId');
    const releaseCounts = await hold('/api/assignments/counts', 'agencyId');

    // The report: the whole province's figures go as soon as a document is picked.
    await page.goto(`${server.url}/bao-cao?month=${today.slice(0, 7)}`);
    const table = page.getByTestId('monthly-table');
    await table.waitFor();
    await page.getByLabel('Văn bản giao').selectOption({ label: '21/TB-VPUBND — Kết luận thử' });
    await poll(() => held).toEqual(['/api/reports/monthly']);
    expect(await table.count()).toBe(0);
    expect(await page.getByTestId('report-total').count()).toBe(0);
    expect(await page.getByTestId('downloads').count()).toBe(0);
    releaseReport();
    await poll(() => page.getByTestId('report-scope').innerText()).toContain('văn bản số 21/TB-VPUBND');
    expect(await table.count()).toBe(1);

    // The list: the rows of the new agency arrive, its count is held; the old count is not shown.
    await page.goto(`${server.url}/nhiem-vu?bucket=open_on_time`);
    await poll(() => page.getByTestId('result-count').innerText()).toBe('2 nhiệm vụ');
    await page.getByLabel('Cơ quan chủ trì').selectOption({ label: 'Sở Y tế' });
    await poll(() => held).toEqual(['/api/reports/monthly', '/api/assignments/counts']);
    await poll(() => page.getByTestId('assignment-row').count()).toBe(1);
    expect(await page.getByTestId('result-count').innerText()).toBe('Đang tải…');
    releaseCounts();
    await poll(() => page.getByTestId('result-count').innerText()).toBe('1 nhiệm vụ');
    expect(await page.getByTestId('assignment-row').first().innerText()).toContain('vắc xin');
  });
});
