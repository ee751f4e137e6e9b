/**
 * Notifications and the inbox in a real browser: publishing tells Sở Y tế (the bell and the
 * Thông báo page, where the officer chooses in-app only); Sở Y tế reports completion and the
 * office finds it in "Cần xử lý" with its count in the navigation, returns it, and Sở Y tế sees the
 * reason. Screenshots go to test-artifacts/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api, SKIP_MESSAGE, axeCheck, describeViolations, ensureWebBuild, hasChromium, launchBrowser, screenshot, seedDirectoryAndUsers, startServer, type RunningServer, signedInPage, closeAll } from './harness';

if (!hasChromium) console.log(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('web app in chromium: notifications and the inbox', () => {
  let server: RunningServer;
  let browser: Browser;
  let office: Api;
  let syt: Api;
  let assignmentId = '';
  const contexts: BrowserContext[] = [];

  async function signedIn(username: string, viewport = { width: 360, height: 780 }): Promise<Page> {
    return signedInPage(browser, server.url, username, { viewport, contexts });
  }

  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer();
    await seedDirectoryAndUsers(server.url);
    office = await new Api(server.url).login('vanphong');
    syt = await new Api(server.url).login('syt');
    const created = await office.call<{ document: { id: string } }>('POST', '/api/documents', {
      text: 'THÔNG BÁO\n1. Sở Y tế đẩy nhanh tiêm vắc xin sởi.',
      meta: { number: '88/TB-E2E', subject: 'Kết luận về y tế', docDate: '2025-07-14' },
      items: [{ ref: '1', text: 'Sở Y tế đẩy nhanh tiêm vắc xin sởi.', leads: ['Sở Y tế'], due: '2030-12-31' }],
    });
    await office.call('POST', `/api/documents/${created.document.id}/publish`);
    const list = await office.call<{ items: { id: string }[] }>('GET', `/api/assignments?documentId=${created.document.id}`);
    assignmentId = list.items[0].id;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(() => closeAll(contexts, browser, server));

  it('Sở Y tế is told of the new task in the bell and chooses in-app only', async () => {
    const page = await signedIn('syt');
    const bell = page.getByRole('button', { name: /^Thông báo:\s*1\s*chưa đọc$/ });
    await bell.click();
    await page.getByRole('link', { name: /Nhiệm vụ mới: 1\. Sở Y tế đẩy nhanh/ }).waitFor();
    await page.getByRole('link', { name: 'Xem tất cả thông báo' }).click();
    await page.getByTestId('notification-list').waitFor();
    expect(await page.getByTestId('notification-list').innerText()).toContain('Cơ quan được giao chủ trì 1 nhiệm vụ theo 88/TB-E2E');
    await page.getByLabel('Chỉ trong ứng dụng').check();
    await page.getByText('Đã lưu cách nhận thông báo.').waitFor();
    const me = await syt.call<{ user: { channels: string[] } }>('GET', '/api/auth/me');
    expect(me.user.channels).toEqual(['inapp']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(362);
    await screenshot(page, 'thong-bao-dien-thoai');
    const v = await axeCheck(page);
    expect(v, describeViolations(v)).toEqual([]);
    await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
    await page.getByRole('button', { name: 'Thông báo (0 chưa đọc)' }).waitFor();
  });

  it('the office finds the completion in "Cần xử lý", counted in the navigation, and returns it; Sở Y tế sees why', async () => {
    await syt.call('POST', `/api/assignments/${assignmentId}/completion`, { text: 'Đã tiêm đủ cho trẻ trong độ tuổi.' });
    const page = await signedIn('vanphong', { width: 1280, height: 900 });
    const navLink = page.getByRole('link', { name: 'Cần xử lý 1' });
    await navLink.click();
    const list = page.getByTestId('inbox-list');
    await list.waitFor();
    expect(await list.innerText()).toContain('Đã tiêm đủ cho trẻ trong độ tuổi.');
    expect(await page.getByTestId('inbox-counts').innerText()).toContain('Báo cáo hoàn thành chờ duyệt: 1');
    await screenshot(page, 'can-xu-ly');
    const v = await axeCheck(page);
    expect(v, describeViolations(v)).toEqual([]);
    await page.getByRole('link', { name: 'Báo cáo hoàn thành chờ duyệt: 1' }).click();
    await page.getByTestId('result-count').filter({ hasText: '1 nhiệm vụ' }).waitFor();
    await office.call('POST', `/api/assignments/${assignmentId}/review`, { decision: 'return', note: 'Thiếu số liệu từng xã.' });
    await page.goto(`${server.url}/can-xu-ly`);
    await page.getByText('Không có việc nào đang chờ xử lý.').waitFor();

    const agency = await signedIn('syt');
    await agency.getByRole('button', { name: /^Thông báo:\s*1\s*chưa đọc$/ }).click();
    await agency.getByRole('link', { name: /Báo cáo hoàn thành bị trả lại/ }).click();
    await agency.waitForURL(`**/nhiem-vu/${assignmentId}`);
    const mine = await syt.call<{ items: { kind: string; body: string }[] }>('GET', '/api/notifications');
    expect(mine.items[0]).toMatchObject({ kind: 'completion.returned', body: expect.stringContaining('Lý do: Thiếu số liệu từng xã.') });
  });
});
