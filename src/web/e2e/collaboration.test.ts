/**
 * Issue 11's "Done when", end to end in a real browser: the office publishes a draft through the
 * preview (assignments per agency, the "6 rõ" check, one confirmation); Sở Y tế leads and Sở Tài
 * chính supports; Sở Tài chính (on a phone) finds the task under "Phối hợp" and posts a
 * contribution; Sở Y tế is notified, reads it in the task's history and reports completion; the
 * office finds it in "Cần xử lý" (counted in the navigation) and returns it with a reason; Sở Y
 * tế is told why, resubmits; the office accepts from the inbox; Sở Y tế is told. After each step
 * the test checks exactly which notifications every user holds and which events the assignment's
 * history holds (notify.ts: only the lead agency's officers are told — of new tasks, of
 * contributions, of reviews; a completion report tells nobody, the office reads it in its inbox).
 * Screenshots of each step go to test-artifacts/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Api, SKIP_MESSAGE, axeCheck, describeViolations, ensureWebBuild, hasChromium, launchBrowser, screenshot, seedDirectoryAndUsers, startServer, type RunningServer, signedInPage, closeAll } from './harness';

if (!hasChromium) console.log(SKIP_MESSAGE);

/** Waits up to 20 s for a value: the UI answers after a network round trip, slower on busy cores. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

const PHONE = { width: 360, height: 760 };
const DESKTOP = { width: 1280, height: 900 };
const TASK = 'Sở Y tế chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch tiêm chủng mở rộng năm 2026, báo cáo UBND tỉnh.';
// A second item the "6 rõ" check must flag: no deadline, no product, nobody to report to.
const VAGUE = 'Sở Giáo dục và Đào tạo tăng cường công tác y tế trường học.';
const CONTRIBUTION = 'Sở Tài chính đã cân đối 2,4 tỷ đồng cho tiêm chủng mở rộng năm 2026.';
const FIRST_COMPLETION = 'Đã xây dựng xong kế hoạch tiêm chủng mở rộng năm 2026.';
const RETURN_REASON = 'Thiếu kinh phí chi tiết theo từng huyện.';
const SECOND_COMPLETION = 'Đã bổ sung kinh phí chi tiết theo từng huyện (phụ lục 2) vào kế hoạch tiêm chủng mở rộng năm 2026.';
const USERS = ['vanphong', 'syt', 'stc', 'chutich'] as const;
type Username = (typeof USERS)[number];

describe.skipIf(!hasChromium)('web app in chromium: publishing, supporting, notifications and the inbox, together', () => {
  let server: RunningServer;
  let browser: Browser;
  let documentId = '';
  let assignmentId = '';
  const api = {} as Record<Username, Api>;
  const contexts: BrowserContext[] = [];
  const dialogs: string[] = [];

  async function signedIn(username: Username, viewport: { width: number; height: number }): Promise<Page> {
    return signedInPage(browser, server.url, username, { viewport, contexts, onPage: (page) => {
      // No step of this story asks for a browser dialog: publishing confirms inside the preview.
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
    } });
  }
  /** A screenshot of the part of the page the step is about. */
  async function shot(page: Page, name: string, about?: Locator) {
    await about?.scrollIntoViewIfNeeded();
    await screenshot(page, name);
  }
  async function expectAccessible(page: Page) {
    const v = await axeCheck(page);
    expect(v, describeViolations(v)).toEqual([]);
  }
  async function expectNoSidewaysScroll(page: Page) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width + 2);
  }
  /** Every user's notifications, newest first, as kinds. */
  async function noticeKinds(): Promise<Record<Username, string[]>> {
    const out = {} as Record<Username, string[]>;
    for (const u of USERS) out[u] = (await api[u].call<{ items: { kind: string }[] }>('GET', '/api/notifications?limit=200')).items.map((n) => n.kind);
    return out;
  }
  async function notices(u: Username) {
    return (await api[u].call<{ items: { kind: string; title: string; body: string; link: string | null; readAt: string | null }[]; unread: number }>('GET', '/api/notifications?limit=200'));
  }
  /** The assignment's history as the office reads it from the API, oldest first. */
  async function history(): Promise<string[]> {
    const d = await api.vanphong.call<{ events: { action: string }[] }>('GET', `/api/assignments/${assignmentId}`);
    return d.events.map((e) => e.action);
  }
  /** The history table on the assignment page, oldest first ("Giao nhiệm vụ", …). */
  async function auditOnPage(page: Page): Promise<string[]> {
    return page.locator('[data-testid=audit] tbody tr td:nth-child(2)').allInnerTexts();
  }
  const bell = (page: Page, unread: number) =>
    unread === 0 ? page.getByRole('button', { name: 'Thông báo (0 chưa đọc)' }) : page.getByRole('button', { name: new RegExp(`^Thông báo:\\s*${unread}\\s*chưa đọc$`) });

  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer();
    await seedDirectoryAndUsers(server.url);
    for (const u of USERS) api[u] = await new Api(server.url).login(u);
    // The draft comes through the API (reading a notice is story.test's subject); publishing does not.
    const created = await api.vanphong.call<{ document: { id: string } }>('POST', '/api/documents', {
      text: `THÔNG BÁO\nKết luận về tiêm chủng mở rộng.\n1. ${TASK}\n2. ${VAGUE}`,
      meta: { number: '77/TB-PH', subject: 'Kết luận về tiêm chủng mở rộng', docDate: '2025-07-14' },
      items: [
        { ref: '1', text: TASK, leads: ['Sở Y tế'], supports: ['Sở Tài chính'], due: '2031-12-31' },
        { ref: '2', text: VAGUE, leads: ['Sở Giáo dục và Đào tạo'] },
      ],
    });
    documentId = created.document.id;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(() => closeAll(contexts, browser, server));

  it('1. the office publishes in the browser through the preview, with one confirmation', async () => {
    const page = await signedIn('vanphong', DESKTOP);
    await page.goto(`${server.url}/van-ban/${documentId}`);
    await page.getByTestId('publish').click();
    const preview = page.getByTestId('publish-preview');
    await preview.waitFor();
    await poll(() => preview.locator('h2').innerText()).toBe('Ban hành sẽ tạo 2 nhiệm vụ giao cho 2 cơ quan từ 2 mục');
    // Items → assignments per agency: the supporting agency gets no assignment of its own.
    await preview.getByText('Số nhiệm vụ theo cơ quan').click();
    expect((await preview.locator('details li').allInnerTexts()).sort()).toEqual(['Sở Giáo dục và Đào tạo: 1', 'Sở Y tế: 1']);
    // The "6 rõ" check: item 1 is clear, item 2 says what it leaves unclear.
    expect(await preview.getByRole('heading', { name: 'Kiểm tra "6 rõ"' }).count()).toBe(1);
    expect(await preview.getByTestId('preview-unclear').locator('li').allInnerTexts()).toEqual(['Mục 2: chưa rõ thời gian, rõ sản phẩm, rõ thẩm quyền']);
    expect(await preview.getByTestId('preview-unresolved').count()).toBe(0);
    // Seeing the preview published nothing and told nobody.
    expect((await api.vanphong.call<{ items: unknown[] }>('GET', `/api/assignments?documentId=${documentId}`)).items).toEqual([]);
    expect(await noticeKinds()).toEqual({ vanphong: [], syt: [], stc: [], chutich: [] });
    await screenshot(page, 'collab-publish-preview');
    await expectAccessible(page);

    const confirm = preview.getByTestId('confirm-publish');
    expect(await confirm.innerText()).toBe('Xác nhận ban hành 2 nhiệm vụ');
    await confirm.click();
    await page.getByText('Đã ban hành. Các nhiệm vụ đã được giao.').waitFor();
    expect(dialogs).toEqual([]);
    expect(await page.getByTestId('publish-preview').count()).toBe(0);
    await screenshot(page, 'collab-published');

    const list = await api.vanphong.call<{ items: { id: string; agencyName?: string; itemId: string; agencyId: string }[] }>('GET', `/api/assignments?documentId=${documentId}`);
    expect(list.items).toHaveLength(2);
    const detail = await Promise.all(list.items.map((a) => api.vanphong.call<{ agency: { code: string } }>('GET', `/api/assignments/${a.id}`)));
    assignmentId = list.items[detail.findIndex((d) => d.agency.code === 'SYT')].id;
    // Only the lead agency's officers are told of the new task; the supporting agency is not (it
    // finds the task under "Phối hợp"), nor the office that published it.
    expect(await noticeKinds()).toEqual({ vanphong: [], syt: ['assignment.created'], stc: [], chutich: [] });
    expect(await history()).toEqual(['assignment.created']);
  }, 180_000);

  it('2. Sở Tài chính, supporting, finds the task under "Phối hợp" on a phone and posts a contribution', async () => {
    const page = await signedIn('stc', PHONE);
    await bell(page, 0).waitFor();
    await page.goto(`${server.url}/nhiem-vu`);
    await page.getByTestId('role-switch').getByRole('button', { name: 'Phối hợp' }).click();
    const row = page.getByTestId('assignment-row').filter({ hasText: 'kế hoạch tiêm chủng mở rộng' });
    await row.waitFor();
    expect(await page.getByTestId('assignment-row').count()).toBe(1);
    expect(await row.locator('.c-agency').innerText()).toBe('Sở Y tế');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'collab-stc-support-list-phone');

    await row.getByRole('link').click();
    await page.getByTestId('support-note').waitFor();
    expect(await page.getByTestId('completion-form').count()).toBe(0);
    const form = page.getByTestId('contribution-form');
    await form.getByLabel('Nội dung ý kiến, kết quả phối hợp').fill(CONTRIBUTION);
    await form.getByRole('button', { name: 'Gửi ý kiến phối hợp' }).click();
    await page.getByTestId('contributions').getByText(CONTRIBUTION).waitFor();
    await poll(() => auditOnPage(page)).toEqual(['Giao nhiệm vụ', 'Cơ quan phối hợp gửi ý kiến']);
    await shot(page, 'collab-stc-contributed-phone', page.getByTestId('contributions'));
    await expectAccessible(page);

    // The lead agency is told; the contributor and the office are not.
    expect(await noticeKinds()).toEqual({ vanphong: [], syt: ['contribution.posted', 'assignment.created'], stc: [], chutich: [] });
    expect(await history()).toEqual(['assignment.created', 'contribution.posted']);
  }, 120_000);

  it('3. Sở Y tế is notified, reads the contribution in the task, and reports completion', async () => {
    const page = await signedIn('syt', PHONE);
    await bell(page, 2).click();
    const panel = page.getByRole('region', { name: 'Thông báo' });
    await panel.getByRole('link', { name: /^Sở Tài chính gửi ý kiến phối hợp: 1\. Sở Y tế chủ trì/ }).waitFor();
    await panel.getByRole('link', { name: /^Nhiệm vụ mới: 1\. Sở Y tế chủ trì/ }).waitFor();
    // On a phone the open panel stays on the screen (it used to hang off its left edge).
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'collab-syt-bell-phone');
    await panel.getByRole('link', { name: 'Xem tất cả thông báo' }).click();
    const list = page.getByTestId('notification-list');
    await list.waitFor();
    expect(await list.locator('li .badge').allInnerTexts()).toEqual(['Ý kiến phối hợp', 'Nhiệm vụ mới']);
    const text = await list.innerText();
    expect(text).toContain(`Sở Tài chính (cơ quan phối hợp) đã gửi ý kiến về nhiệm vụ 1. ${TASK} (77/TB-PH):`);
    expect(text).toContain(CONTRIBUTION);
    expect(text).toContain('Cơ quan được giao chủ trì 1 nhiệm vụ theo 77/TB-PH');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'collab-syt-notifications-phone');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
    await bell(page, 0).waitFor();

    await list.getByRole('link', { name: /^Sở Tài chính gửi ý kiến phối hợp/ }).click();
    await page.waitForURL(`**/nhiem-vu/${assignmentId}`);
    await page.getByTestId('contributions').getByText(CONTRIBUTION).waitFor();
    expect(await page.getByTestId('contributions').innerText()).toContain('Sở Tài chính');
    await poll(() => auditOnPage(page)).toEqual(['Giao nhiệm vụ', 'Cơ quan phối hợp gửi ý kiến']);
    expect(await page.getByTestId('contribution-form').count()).toBe(0);
    await shot(page, 'collab-syt-sees-contribution-phone', page.getByTestId('contributions'));

    await page.locator('details.action > summary', { hasText: 'Báo cáo hoàn thành' }).click();
    const completion = page.getByTestId('completion-form');
    await completion.getByLabel('Nội dung báo cáo').fill(FIRST_COMPLETION);
    await completion.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    await poll(() => page.locator('.badge.state').first().innerText()).toBe('Chờ duyệt hoàn thành');
    await poll(() => auditOnPage(page)).toEqual(['Giao nhiệm vụ', 'Cơ quan phối hợp gửi ý kiến', 'Báo cáo hoàn thành']);
    await shot(page, 'collab-syt-completion-reported-phone', page.getByTestId('timeline'));
    await expectAccessible(page);

    // A completion report tells nobody: the office reads it in its inbox.
    expect(await noticeKinds()).toEqual({ vanphong: [], syt: ['contribution.posted', 'assignment.created'], stc: [], chutich: [] });
    expect((await notices('syt')).unread).toBe(0);
    expect(await history()).toEqual(['assignment.created', 'contribution.posted', 'assignment.report_completion']);
  }, 120_000);

  it('4. the office finds the completion in "Cần xử lý", counted in the navigation, and returns it with a reason', async () => {
    const page = await signedIn('vanphong', DESKTOP);
    await page.getByRole('link', { name: 'Cần xử lý 1' }).click();
    const inbox = page.getByTestId('inbox-list');
    await inbox.waitFor();
    expect(await inbox.locator('> li').count()).toBe(1);
    const entry = await inbox.innerText();
    expect(entry).toContain('Sở Y tế');
    expect(entry).toContain(FIRST_COMPLETION);
    expect(await page.getByTestId('inbox-counts').innerText()).toBe('Báo cáo hoàn thành chờ duyệt: 1 · Đề nghị gia hạn chờ quyết định: 0');
    await screenshot(page, 'collab-office-inbox');
    await expectAccessible(page);

    await inbox.getByRole('link', { name: /^1\. Sở Y tế chủ trì/ }).click();
    await page.waitForURL(`**/nhiem-vu/${assignmentId}`);
    const review = page.getByTestId('review-form');
    await review.waitFor();
    await page.getByTestId('contributions').getByText(CONTRIBUTION).waitFor();
    await review.getByLabel('Ghi chú').fill(RETURN_REASON);
    await review.getByRole('button', { name: 'Trả lại' }).click();
    await poll(() => page.locator('.badge.state').first().innerText()).toBe('Đang thực hiện');
    await page.getByTestId('timeline').getByText(RETURN_REASON).waitFor();
    expect(await page.getByTestId('review-form').count()).toBe(0);
    await poll(() => auditOnPage(page)).toEqual(['Giao nhiệm vụ', 'Cơ quan phối hợp gửi ý kiến', 'Báo cáo hoàn thành', 'Trả lại báo cáo']);
    await shot(page, 'collab-office-returned', page.getByTestId('timeline'));

    await page.getByRole('link', { name: /^Cần xử lý/ }).click();
    await page.getByText('Không có việc nào đang chờ xử lý.').waitFor();
    await poll(() => page.getByRole('link', { name: /^Cần xử lý/ }).innerText()).toBe('Cần xử lý');

    // The lead agency is told, with the reason; nobody else.
    expect(await noticeKinds()).toEqual({ vanphong: [], syt: ['completion.returned', 'contribution.posted', 'assignment.created'], stc: [], chutich: [] });
    const returned = (await notices('syt')).items[0];
    expect(returned.body).toContain(`Lý do: ${RETURN_REASON}`);
    expect(returned.link).toBe(`/nhiem-vu/${assignmentId}`);
    expect(await history()).toEqual(['assignment.created', 'contribution.posted', 'assignment.report_completion', 'assignment.return']);
  }, 120_000);

  it('5. Sở Y tế reads why, resubmits; the office accepts from the inbox; Sở Y tế is told', async () => {
    const agency = await signedIn('syt', PHONE);
    await bell(agency, 1).waitFor();
    await agency.goto(`${server.url}/thong-bao`);
    const list = agency.getByTestId('notification-list');
    await list.waitFor();
    const newest = list.locator('> li').first();
    expect(await newest.locator('.badge').innerText()).toBe('Trả lại báo cáo');
    expect(await newest.innerText()).toContain(`Lý do: ${RETURN_REASON}`);
    await shot(agency, 'collab-syt-returned-notice-phone', newest);
    await newest.getByRole('link', { name: /^Báo cáo hoàn thành bị trả lại: 1\. Sở Y tế chủ trì/ }).click();
    await agency.waitForURL(`**/nhiem-vu/${assignmentId}`);
    await bell(agency, 0).waitFor();
    await agency.getByTestId('timeline').getByText(RETURN_REASON).waitFor();
    await poll(() => agency.locator('.badge.state').first().innerText()).toBe('Đang thực hiện');

    await agency.locator('details.action > summary', { hasText: 'Báo cáo hoàn thành' }).click();
    const completion = agency.getByTestId('completion-form');
    await completion.getByLabel('Nội dung báo cáo').fill(SECOND_COMPLETION);
    await completion.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    await poll(() => agency.locator('.badge.state').first().innerText()).toBe('Chờ duyệt hoàn thành');
    await agency.getByTestId('timeline').getByText(SECOND_COMPLETION).waitFor();
    await shot(agency, 'collab-syt-resubmitted-phone', agency.getByTestId('timeline'));
    expect(await noticeKinds()).toEqual({ vanphong: [], syt: ['completion.returned', 'contribution.posted', 'assignment.created'], stc: [], chutich: [] });
    expect(await history()).toEqual(['assignment.created', 'contribution.posted', 'assignment.report_completion', 'assignment.return', 'assignment.report_completion']);

    const office = await signedIn('vanphong', DESKTOP);
    await office.getByRole('link', { name: 'Cần xử lý 1' }).click();
    const inbox = office.getByTestId('inbox-list');
    await inbox.waitFor();
    expect(await inbox.locator('> li').count()).toBe(1);
    expect(await inbox.innerText()).toContain(SECOND_COMPLETION);
    await screenshot(office, 'collab-office-inbox-resubmitted');
    await inbox.getByRole('link', { name: /^1\. Sở Y tế chủ trì/ }).click();
    await office.waitForURL(`**/nhiem-vu/${assignmentId}`);
    await office.getByTestId('review-form').getByRole('button', { name: 'Công nhận hoàn thành' }).click();
    await poll(() => office.locator('.badge.state').first().innerText()).toBe('Đã hoàn thành');
    await poll(() => auditOnPage(office)).toEqual(['Giao nhiệm vụ', 'Cơ quan phối hợp gửi ý kiến', 'Báo cáo hoàn thành', 'Trả lại báo cáo', 'Báo cáo hoàn thành', 'Công nhận hoàn thành']);
    await shot(office, 'collab-office-accepted', office.getByTestId('audit'));
    await office.getByRole('link', { name: /^Cần xử lý/ }).click();
    await office.getByText('Không có việc nào đang chờ xử lý.').waitFor();

    expect(await noticeKinds()).toEqual({ vanphong: [], syt: ['completion.accepted', 'completion.returned', 'contribution.posted', 'assignment.created'], stc: [], chutich: [] });
    expect(await history()).toEqual(['assignment.created', 'contribution.posted', 'assignment.report_completion', 'assignment.return', 'assignment.report_completion', 'assignment.accept']);

    await agency.goto(`${server.url}/nhiem-vu`);
    await bell(agency, 1).click();
    await agency.getByRole('region', { name: 'Thông báo' }).getByRole('link', { name: /^Đã công nhận hoàn thành: 1\. Sở Y tế chủ trì/ }).click();
    await agency.waitForURL(`**/nhiem-vu/${assignmentId}`);
    await poll(() => agency.locator('.badge.state').first().innerText()).toBe('Đã hoàn thành');
    await bell(agency, 0).waitFor();
    await shot(agency, 'collab-syt-accepted-phone', agency.getByTestId('timeline'));
    await expectAccessible(agency);

    // The supporting agency was told nothing of the lead's steps, and sees the task done.
    const supporter = await signedIn('stc', PHONE);
    await bell(supporter, 0).waitFor();
    await supporter.goto(`${server.url}/nhiem-vu/${assignmentId}`);
    await poll(() => supporter.locator('.badge.state').first().innerText()).toBe('Đã hoàn thành');
    expect(await supporter.getByTestId('contribution-form').count()).toBe(0);
    await screenshot(supporter, 'collab-stc-sees-done-phone');
  }, 180_000);
});
