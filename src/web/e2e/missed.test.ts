/**
 * "Có thể bị bỏ sót" in a real browser: the office opens a draft the reader extracted, sees the
 * paragraph that reads like an instruction but became no task framed in the source and listed,
 * makes it a task with one click, and the mark is gone. On a phone-width screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SKIP_MESSAGE, axeCheck, describeViolations, ensureWebBuild, hasChromium, launchBrowser, screenshot, seedDirectoryAndUsers, startServer, type Api, type RunningServer, signedInPage, closeAll } from './harness';

if (!hasChromium) console.log(SKIP_MESSAGE);

const NOTICE = `ỦY BAN NHÂN DÂN TỈNH CAO BẰNG
VĂN PHÒNG

Số: 91/TB-VPUBND

Cao Bằng, ngày 03 tháng 11 năm 2026

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh về công tác y tế cơ sở

I. ĐÁNH GIÁ CHUNG
Thời gian qua, Sở Y tế chủ động phối hợp với các địa phương nâng cao chất lượng khám, chữa bệnh.

II. NHIỆM VỤ THỜI GIAN TỚI
Sở Y tế khẩn trương rà soát các trạm y tế xã, báo cáo kết quả trước ngày 30/11/2026.
1. Sở Tài chính chủ trì bố trí kinh phí sửa chữa trạm y tế, hoàn thành trước ngày 15/12/2026.
2. Giao UBND các xã, phường tổ chức tuyên truyền khám sức khỏe định kỳ cho người dân.

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.
`;

describe.skipIf(!hasChromium)('web app in chromium: paragraphs the reader may have missed', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Api;
  let documentId = '';
  const contexts: BrowserContext[] = [];

  async function signedIn(username: string, viewport: { width: number; height: number }): Promise<Page> {
    return signedInPage(browser, server.url, username, { viewport, contexts });
  }

  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer();
    ({ admin } = await seedDirectoryAndUsers(server.url));
    const created = await admin.call<{ document: { id: string } }>('POST', '/api/documents', { text: NOTICE });
    documentId = created.document.id;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(() => closeAll(contexts, browser, server));

  it('the office sees the mark, makes the paragraph a task with one click, and the mark goes', async () => {
    const page = await signedIn('vanphong', { width: 360, height: 780 });
    await page.goto(`${server.url}/van-ban/${documentId}`);
    const list = page.getByTestId('missed');
    await list.waitFor();
    expect(await list.innerText()).toContain('Có thể bị bỏ sót (1)');
    const paragraph = list.getByTestId('missed-paragraph');
    expect(await paragraph.count()).toBe(1);
    expect(await paragraph.innerText()).toContain('Sở Y tế khẩn trương rà soát các trạm y tế xã');
    expect(await paragraph.innerText()).toContain('Cơ quan được nêu: Sở Y tế');
    // framed in the source text, the assessment's sentence is not
    const inSource = page.getByTestId('missed-in-source');
    expect(await inSource.count()).toBe(1);
    expect(await inSource.innerText()).toContain('Sở Y tế khẩn trương');
    await expect.poll(() => page.getByTestId('item-card').count()).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(362);
    await screenshot(page, 'van-ban-co-the-bi-bo-sot');
    const v = await axeCheck(page);
    expect(v, describeViolations(v)).toEqual([]);

    await paragraph.getByRole('button', { name: 'Tạo nhiệm vụ từ đoạn này' }).click();
    await expect.poll(() => page.getByTestId('item-card').count()).toBe(3);
    expect(await page.getByTestId('missed').count()).toBe(0);
    expect(await page.getByTestId('missed-in-source').count()).toBe(0);
    // the new item comes first (source order), its lead the agency the paragraph names
    const first = page.getByTestId('item-card').first();
    expect(await first.locator('textarea').first().inputValue()).toContain('Sở Y tế khẩn trương');
    expect(await first.getByTestId('leads').innerText()).toContain('Sở Y tế');
    const doc = await admin.call<{ document: { missed: unknown[] }; items: { text: string }[] }>('GET', `/api/documents/${documentId}`);
    expect(doc.document.missed).toEqual([]);
    expect(doc.items[0].text).toMatch(/^Sở Y tế khẩn trương/u);
  });
});
