/**
 * Indicators in a real browser: the office reviews the figures the reader proposes from a notice
 * (accepts one as a new indicator, rejects another); a leader on a 360-px phone opens the
 * indicator, sees both charts, and downloads a chart as PNG (drawn from the SVG in the browser)
 * and its data as .xlsx. Screenshots go to test-artifacts/screenshots/.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SKIP_MESSAGE, axeCheck, describeViolations, ensureWebBuild, hasChromium, launchBrowser, screenshot, seedDirectoryAndUsers, startServer, type Api, type RunningServer, signedInPage, closeAll } from './harness';

if (!hasChromium) console.log(SKIP_MESSAGE);

const NOTICE = [
  'THÔNG BÁO',
  'Kết luận của Chủ tịch UBND tỉnh tại phiên họp thường kỳ tháng 6',
  'I. Đánh giá tình hình tháng 6 và 6 tháng đầu năm',
  'Thu ngân sách đạt 1.845,5 tỷ đồng, vượt 12% dự toán, tăng 20% so với cùng kỳ.',
  'II. Nhiệm vụ trọng tâm',
  '1. Sở Tài chính rà soát nguồn thu.',
].join('\n');

describe.skipIf(!hasChromium)('web app in chromium: indicators', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Api;
  let documentId = '';
  let indicatorId = '';
  const contexts: BrowserContext[] = [];

  async function signedIn(username: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    return signedInPage(browser, server.url, username, { viewport, contexts, acceptDownloads: true });
  }

  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer();
    ({ admin } = await seedDirectoryAndUsers(server.url));
    const created = await admin.call<{ document: { id: string } }>('POST', '/api/documents', {
      text: NOTICE,
      meta: { number: '77/TB-E2E', subject: 'Kết luận phiên họp tháng 6', docDate: '2025-07-14' },
      items: [{ text: 'Sở Tài chính rà soát nguồn thu.', leads: ['Sở Tài chính'] }],
    });
    documentId = created.document.id;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(() => closeAll(contexts, browser, server));

  it('the office reads the proposals, accepts one as a new indicator and rejects another', async () => {
    const page = await signedIn('vanphong');
    await page.getByRole('link', { name: 'Chỉ tiêu' }).click();
    await page.getByRole('link', { name: 'Duyệt số liệu đề xuất từ thông báo' }).click();
    await page.locator('#pr-doc').selectOption(documentId);
    await page.getByRole('button', { name: 'Đọc số liệu từ thông báo' }).click();
    const cards = page.getByTestId('proposals').locator('li');
    await expect.poll(() => cards.count(), { timeout: 20_000 }).toBe(3);
    const first = cards.nth(0);
    await expect.poll(() => first.innerText()).toContain('đạt 1.845,5 tỷ đồng');
    await first.getByLabel('Mã').fill('THU_NS');
    await first.getByLabel('Tên', { exact: true }).fill('Thu ngân sách nhà nước');
    // The notice of July assesses June: the 6-month period is pre-filled.
    expect(await first.getByLabel('Kỳ', { exact: true }).inputValue()).toBe('2025-H1');
    await screenshot(page, 'chi-tieu-de-xuat');
    await first.getByRole('button', { name: 'Nhận' }).click();
    await expect.poll(() => first.innerText()).toContain('Đã nhận');
    await cards.nth(1).getByRole('button', { name: 'Bỏ qua' }).click();
    await expect.poll(() => cards.nth(1).innerText()).toContain('Đã bỏ qua');
    const v = await axeCheck(page);
    expect(v, describeViolations(v)).toEqual([]);
    const list = await admin.call<{ items: { id: string; code: string; latest: { value: number } }[] }>('GET', '/api/indicators');
    const thu = list.items.find((i) => i.code === 'THU_NS')!;
    expect(thu.latest.value).toBe(1845.5);
    indicatorId = thu.id;
    await admin.call('PATCH', `/api/indicators/${indicatorId}`, { targets: [{ period: '2025-H1', value: 1647.8 }] });
    await admin.call('PUT', `/api/indicators/${indicatorId}/values`, { values: [{ period: '2024-H1', value: 1537.9 }] });
  });

  it('a leader on a phone sees both charts and downloads one as PNG and its data as .xlsx', async () => {
    const page = await signedIn('chutich', { width: 360, height: 780 });
    await page.goto(`${server.url}/chi-tieu?id=${indicatorId}`);
    await page.getByTestId('chart-target').waitFor();
    await page.getByTestId('chart-yoy').waitFor();
    const table = await page.getByTestId('series-table').innerText();
    expect(table).toContain('6 tháng đầu năm 2025');
    expect(table).toContain('1.845,5');
    expect(table).toContain('(đạt)');
    // The page fits the phone: nothing wider than the screen but the scrolling tables.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(362);
    await page.getByTestId('chart-target').scrollIntoViewIfNeeded();
    await screenshot(page, 'chi-tieu-bieu-do-dien-thoai');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải ảnh PNG' }).first().click()]);
    expect(png.suggestedFilename()).toBe('chi-tieu-thu_ns-ke-hoach.png');
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5000);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải số liệu .xlsx' }).first().click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsx.path())!);
    let actual: unknown = null;
    wb.worksheets[0].eachRow((r) => r.getCell(2).value === '2025-H1' && (actual = r.getCell(3).value));
    expect(actual).toBe(1845.5);
    const v = await axeCheck(page);
    expect(v, describeViolations(v)).toEqual([]);
  });
});
