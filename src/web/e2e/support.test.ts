/**
 * A supporting agency (phối hợp) in a real browser: the office publishes a task led by Sở Y tế
 * with Sở Tài chính supporting; Sở Tài chính finds it under "Phối hợp", opens it, sees no report
 * buttons (the server's `actions` say so) and posts a contribution with a file; Sở Y tế sees the
 * contribution and its history line, and still reports itself. Screenshots of each screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api, SKIP_MESSAGE, axeCheck, describeViolations, ensureWebBuild, hasChromium, launchBrowser, screenshot, seedDirectoryAndUsers, startServer, type RunningServer, signedInPage, closeAll } from './harness';

if (!hasChromium) console.log(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('web app in chromium: a supporting agency contributes', () => {
  let server: RunningServer;
  let browser: Browser;
  let assignmentId = '';
  const contexts: BrowserContext[] = [];
  const TASK = 'Sở Y tế chủ trì, phối hợp với Sở Tài chính bố trí kinh phí tiêm chủng mở rộng năm 2025.';

  async function signedIn(username: string, viewport = { width: 1280, height: 860 }): Promise<Page> {
    return signedInPage(browser, server.url, username, { viewport, contexts });
  }

  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer();
    await seedDirectoryAndUsers(server.url);
    const office = await new Api(server.url).login('vanphong');
    const created = await office.call<{ document: { id: string } }>('POST', '/api/documents', {
      text: TASK,
      meta: { number: '99/TB-VP', subject: 'Thông báo kết luận (phối hợp)' },
      items: [{ ref: '1', text: TASK, leads: ['Sở Y tế'], supports: ['Sở Tài chính'], due: '2031-12-31' }],
    });
    await office.call('POST', `/api/documents/${created.document.id}/publish`);
    const list = await office.call<{ items: { id: string }[] }>('GET', `/api/assignments?documentId=${created.document.id}`);
    assignmentId = list.items[0].id;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(() => closeAll(contexts, browser, server));

  it('Sở Tài chính finds the task under "Phối hợp", opens it and posts a contribution with a file', async () => {
    const page = await signedIn('stc', { width: 360, height: 740 });
    await page.goto(`${server.url}/nhiem-vu`);
    const roleSwitch = page.getByTestId('role-switch');
    await roleSwitch.getByRole('button', { name: 'Phối hợp' }).click();
    await page.getByTestId('assignment-row').filter({ hasText: 'kinh phí tiêm chủng' }).waitFor();
    expect(await page.locator('[data-testid=assignment-row] .c-agency').allInnerTexts()).toEqual(['Sở Y tế']);
    expect(page.url()).toContain('role=support');
    await screenshot(page, 'support-list-phone');
    const a11y = await axeCheck(page);
    expect(a11y, describeViolations(a11y)).toEqual([]);

    await page.getByTestId('assignment-row').first().getByRole('link').click();
    await page.getByTestId('support-note').waitFor();
    // The server says a supporting agency only contributes: no report, no extension.
    expect(await page.getByTestId('progress-form').count()).toBe(0);
    expect(await page.getByTestId('completion-form').count()).toBe(0);
    expect(await page.getByText('Xin gia hạn', { exact: true }).count()).toBe(0);
    const form = page.getByTestId('contribution-form');
    await form.getByLabel('Nội dung ý kiến, kết quả phối hợp').fill('Sở Tài chính đã trình bổ sung 2,4 tỷ đồng cho tiêm chủng mở rộng.');
    await form.getByLabel(/^Tệp đính kèm/).setInputFiles({ name: 'de-xuat-kinh-phi.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 đề xuất kinh phí') });
    await form.getByRole('button', { name: 'Gửi ý kiến phối hợp' }).click();
    await page.getByTestId('contributions').getByRole('link', { name: 'de-xuat-kinh-phi.pdf' }).waitFor();
    await screenshot(page, 'support-contributed-phone');
    const after = await axeCheck(page);
    expect(after, describeViolations(after)).toEqual([]);
  }, 120_000);

  it('Sở Y tế, the lead, sees the contribution and its history line, and still reports', async () => {
    const page = await signedIn('syt');
    await page.goto(`${server.url}/nhiem-vu/${assignmentId}`);
    const contributions = page.getByTestId('contributions');
    await contributions.getByText('Sở Tài chính đã trình bổ sung 2,4 tỷ đồng').waitFor();
    expect(await contributions.innerText()).toContain('Sở Tài chính');
    await page.getByTestId('audit').getByText('Cơ quan phối hợp gửi ý kiến').waitFor();
    expect(await page.getByTestId('progress-form').count()).toBe(1);
    expect(await page.getByTestId('contribution-form').count()).toBe(0);
    await screenshot(page, 'lead-sees-contribution');
  }, 60_000);
});
