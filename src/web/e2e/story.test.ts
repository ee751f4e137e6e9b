/**
 * The whole story in a real browser (Debian's chromium): the office imports the seed notice,
 * corrects tasks and publishes; an officer of Sở Y tế, on a 360-px phone, sees only their
 * agency's assignments, reports progress with an attachment and then completion; the office
 * accepts; the dashboard's counts change; an officer of another agency cannot open the
 * assignment by its URL; axe-core finds no serious or critical violation on each main screen.
 * Screenshots of every screen go to test-artifacts/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  PASSWORD,
  ROOT,
  SKIP_MESSAGE,
  axeCheck,
  clearScreenshots,
  describeViolations,
  ensureWebBuild,
  hasChromium,
  launchBrowser,
  screenshot,
  seedDirectoryAndUsers,
  startServer,
  type RunningServer,
  closeAll,
} from './harness';

if (!hasChromium) console.log(SKIP_MESSAGE);

/** Waits up to 20 s for a value: the UI answers after a network round trip, slower on 2 busy cores. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

describe.skipIf(!hasChromium)('web app in chromium: the follow-up story', () => {
  let server: RunningServer;
  let browser: Browser;
  let agency: Record<string, string>;
  let today: string;
  let office: Page;
  let assignmentUrl = '';
  let before: Record<string, number> = {};
  const contexts: BrowserContext[] = [];

  async function newPage(viewport = { width: 1280, height: 860 }) {
    const ctx = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => console.error('page error:', e.message));
    return { ctx, page };
  }
  async function signIn(page: Page, username: string, shotName?: string) {
    await page.goto(`${server.url}/`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    if (shotName) await screenshot(page, shotName);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('header.top').waitFor();
  }
  async function expectAccessible(page: Page) {
    const v = await axeCheck(page);
    expect(v, describeViolations(v)).toEqual([]);
  }
  async function tiles(page: Page) {
    await page.goto(`${server.url}/tong-quan`);
    await page.getByTestId('bucket-tiles').waitFor();
    const out: Record<string, number> = {};
    for (const el of await page.locator('[data-bucket]').all()) {
      out[(await el.getAttribute('data-bucket'))!] = Number((await el.locator('strong').innerText()).replace(/\D/g, ''));
    }
    return out;
  }

  beforeAll(async () => {
    ensureWebBuild();
    clearScreenshots();
    server = await startServer();
    ({ agency } = await seedDirectoryAndUsers(server.url));
    today = ((await (await fetch(`${server.url}/api/health`)).json()) as { today: string }).today;
    browser = await launchBrowser();
    ({ page: office } = await newPage());
  }, 180_000);

  afterAll(() => closeAll(contexts, browser, server));

  it('the office signs in, imports the seed notice, corrects tasks and publishes', async () => {
    // A wrong password: the API's Vietnamese detail is shown and the input stays.
    await office.goto(`${server.url}/`);
    await office.getByLabel('Tên đăng nhập').fill('vanphong');
    await office.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await office.getByRole('button', { name: 'Đăng nhập' }).click();
    await office.getByRole('alert').waitFor();
    expect(await office.getByRole('alert').innerText()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(await office.getByLabel('Tên đăng nhập').inputValue()).toBe('vanphong');
    await screenshot(office, 'sign-in-error');
    await signIn(office, 'vanphong', 'sign-in');
    await poll(() => office.locator('.who-text').innerText()).toContain('Văn phòng UBND tỉnh');
    await expectAccessible(office);
    await screenshot(office, 'dashboard-empty');

    await office.getByRole('link', { name: 'Văn bản' }).click();
    await office.getByRole('link', { name: 'Nhập văn bản mới' }).click();
    const seed = readFileSync(join(ROOT, 'src/demo/data/caobang-tb-2025-07-14.txt'), 'utf8');
    await office.getByLabel('Nội dung văn bản').fill(seed);
    await expectAccessible(office);
    await screenshot(office, 'import');
    await office.getByRole('button', { name: 'Đọc văn bản' }).click();
    await office.getByTestId('item-card').first().waitFor({ timeout: 60_000 });
    expect(await office.getByTestId('item-card').count()).toBeGreaterThan(5);
    await poll(() => office.getByTestId('source-text').locator('mark').count()).toBeGreaterThan(5);
    await screenshot(office, 'review');
    await expectAccessible(office);

    // Correction 1: every lead the reader could not resolve is resolved from the directory.
    const unresolvedLeads = office.locator('[data-testid=leads] .chip.unresolved');
    for (let guard = 0; guard < 10 && (await unresolvedLeads.count()) > 0; guard++) {
      const n = await unresolvedLeads.count();
      const cardId = await office.getByTestId('item-card').filter({ has: unresolvedLeads }).first().getAttribute('aria-labelledby');
      const card = office.locator(`article[aria-labelledby="${cardId}"]`);
      await card.locator('[data-testid=leads] .chip.unresolved select').first().selectOption(`a:${agency.VPUBND}`);
      await card.getByRole('button', { name: 'Lưu' }).click();
      await poll(() => unresolvedLeads.count()).toBeLessThan(n);
    }
    // Correction 2: the Sở Y tế task gets a deadline 30 days from today.
    const due = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    const sytCardId = await office.getByTestId('item-card').filter({ has: office.getByText('Sở Y tế', { exact: true }) }).filter({ hasText: 'vắc xin' }).first().getAttribute('aria-labelledby');
    const sytCard = office.locator(`article[aria-labelledby="${sytCardId}"]`);
    const dueVn = due.split('-').reverse().join('/');
    await sytCard.getByLabel('Hạn', { exact: true }).fill(dueVn);
    await sytCard.getByRole('button', { name: 'Lưu' }).click();
    await poll(async () => sytCard.getByLabel('Hạn', { exact: true }).inputValue()).toBe(dueVn);
    await poll(async () => sytCard.getByRole('button', { name: 'Lưu' }).isDisabled()).toBe(true);
    await screenshot(office, 'review-corrected');

    // Publishing shows first what it will create (groups expanded, the 6 rõ), then one confirmation.
    await office.getByTestId('publish').click();
    const preview = office.getByTestId('publish-preview');
    await preview.waitFor({ timeout: 30_000 });
    await poll(() => preview.locator('h2').innerText()).toMatch(/Ban hành sẽ tạo \d+ nhiệm vụ giao cho \d+ cơ quan/);
    await screenshot(office, 'publish-preview');
    await expectAccessible(office);
    await office.getByTestId('confirm-publish').click();
    await office.getByText('Đã ban hành. Các nhiệm vụ đã được giao.').waitFor({ timeout: 30_000 });
    await screenshot(office, 'published');

    before = await tiles(office);
    expect(before.total).toBeGreaterThan(10);
    expect(before.open_on_time).toBeGreaterThanOrEqual(1);
    await screenshot(office, 'dashboard-after-publish');
    await expectAccessible(office);

    await office.goto(`${server.url}/nhiem-vu`);
    await office.getByTestId('assignment-row').first().waitFor();
    await screenshot(office, 'assignments-office');
    await expectAccessible(office);
    // Filters live in the URL, and the search ignores diacritics.
    await office.goto(`${server.url}/nhiem-vu?q=vac+xin`);
    await poll(() => office.getByTestId('assignment-row').count()).toBeGreaterThanOrEqual(1);
    expect(await office.getByTestId('assignment-row').first().innerText()).toMatch(/vắc xin/);
    await poll(() => office.getByLabel('Tìm kiếm').inputValue()).toBe('vac xin');
  }, 240_000);

  it('an officer of Sở Y tế, on a phone, sees only their assignments and reports progress then completion', async () => {
    const { page } = await newPage({ width: 360, height: 740 });
    await signIn(page, 'syt', 'sign-in-phone');
    await page.getByRole('heading', { name: /Sở Y tế/ }).waitFor();
    await page.getByTestId('task-card').first().waitFor();
    await screenshot(page, 'my-agency-phone');
    await expectAccessible(page);

    await page.goto(`${server.url}/nhiem-vu`);
    await page.getByTestId('assignment-row').first().waitFor();
    const agencies = await page.locator('[data-testid=assignment-row] .c-agency').allInnerTexts();
    expect(agencies.length).toBeGreaterThan(0);
    expect(new Set(agencies)).toEqual(new Set(['Sở Y tế']));
    await screenshot(page, 'assignments-phone');
    await expectAccessible(page);

    await page.getByTestId('assignment-row').filter({ hasText: 'vắc xin' }).first().getByRole('link').click();
    await page.getByTestId('source-passage').waitFor();
    assignmentUrl = page.url();
    await screenshot(page, 'assignment-phone');
    await expectAccessible(page);

    const progress = page.getByTestId('progress-form');
    await progress.getByLabel('Nội dung báo cáo').fill('Đã tiêm vắc xin sởi cho 78% đối tượng; đang triển khai tại các xã vùng cao.');
    await progress.getByLabel('Tỷ lệ hoàn thành (%)').fill('60');
    await progress.getByLabel(/^Tệp đính kèm/).setInputFiles({ name: 'bao-cao-tien-do.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 báo cáo tiến độ') });
    await progress.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    await page.getByTestId('timeline').getByRole('link', { name: 'bao-cao-tien-do.pdf' }).waitFor();
    await page.getByTestId('timeline').scrollIntoViewIfNeeded();
    await poll(() => page.locator('.badge.state').first().innerText()).toBe('Đang thực hiện');
    await screenshot(page, 'progress-reported');

    // Ask for an extension, with its reason.
    const requested = new Date(Date.parse(`${today}T00:00:00Z`) + 45 * 86_400_000).toISOString().slice(0, 10);
    await page.getByText('Xin gia hạn', { exact: true }).click();
    await page.getByLabel('Hạn đề nghị').fill(requested.split('-').reverse().join('/'));
    await page.getByLabel('Lý do').fill('Chờ vắc xin đợt 2 từ Bộ Y tế.');
    await page.getByRole('button', { name: 'Gửi' }).click();
    await page.getByText('Chờ quyết định').waitFor();
    await screenshot(page, 'extension-asked');

    await page.getByText('Báo cáo hoàn thành', { exact: true }).first().click();
    const completion = page.getByTestId('completion-form');
    await completion.getByLabel('Nội dung báo cáo').fill('Hoàn thành chiến dịch tiêm vắc xin sởi: 98,6% đối tượng được tiêm.');
    await completion.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    await poll(() => page.locator('.badge.state').first().innerText()).toBe('Chờ duyệt hoàn thành');
    await screenshot(page, 'completion-reported');
  }, 180_000);

  it('an officer of another agency cannot open that assignment by its URL', async () => {
    const { page } = await newPage();
    await signIn(page, 'stc');
    await page.goto(assignmentUrl);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('not-found').innerText()).toContain('Không tìm thấy');
    expect(await page.getByTestId('source-passage').count()).toBe(0);
    await screenshot(page, 'other-agency-not-found');
  }, 60_000);

  it('the office accepts, and the dashboard counts change accordingly', async () => {
    await office.goto(assignmentUrl);
    const review = office.getByTestId('review-form');
    await review.waitFor();
    await screenshot(office, 'review-completion');
    await expectAccessible(office);
    // The extension is refused with a note (the task is being completed on time anyway).
    await office.locator('input[id^=extd-]').fill('Không cần gia hạn: đã báo cáo hoàn thành.');
    await office.getByRole('button', { name: 'Từ chối' }).click();
    await office.getByText('Đã từ chối').waitFor();
    await review.getByRole('button', { name: 'Công nhận hoàn thành' }).click();
    await poll(() => office.locator('.badge.state').first().innerText()).toBe('Đã hoàn thành');
    await office.getByText('Đã được công nhận').first().waitFor();
    await screenshot(office, 'accepted');

    const after = await tiles(office);
    expect(after.total).toBe(before.total);
    expect(after.open_on_time).toBe(before.open_on_time - 1);
    expect(after.done_on_time).toBe(before.done_on_time + 1);
    await screenshot(office, 'dashboard-after-accept');
    // Every number is a link to the list behind it.
    await office.locator('[data-bucket=done_on_time]').click();
    await poll(() => office.getByTestId('result-count').innerText()).toBe(`${after.done_on_time} nhiệm vụ`);
    await poll(() => office.getByTestId('assignment-row').count()).toBe(after.done_on_time);
  }, 120_000);

  it('directory, documents and the English switch are usable and accessible', async () => {
    await office.goto(`${server.url}/van-ban`);
    await office.getByTestId('documents').waitFor();
    await screenshot(office, 'documents');
    await expectAccessible(office);
    await office.goto(`${server.url}/danh-muc`);
    await office.getByTestId('agencies').waitFor();
    await screenshot(office, 'directory');
    await expectAccessible(office);

    const { page: adminPage } = await newPage();
    await signIn(adminPage, 'admin');
    await adminPage.goto(`${server.url}/danh-muc?tab=users`);
    await adminPage.getByTestId('users').waitFor();
    await screenshot(adminPage, 'users');
    await expectAccessible(adminPage);

    await office.getByRole('button', { name: 'Switch to English' }).click();
    await office.getByRole('link', { name: 'Overview' }).waitFor();
    expect(await office.getAttribute('html', 'lang')).toBe('en');
    await screenshot(office, 'english');
    await office.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await office.getByRole('link', { name: 'Tổng quan' }).waitFor();
  }, 120_000);
});
