/**
 * The demo province: Cao Bằng's directory, the notice of 14/7/2025 read by dondoc's own reader
 * and published, a few accounts, and some follow-up so that every screen has something to show.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { SYSTEM_ACTOR, type Actor } from '../auth/actor';
import { createUser, actorOf } from '../auth/users';
import { users } from '../auth/auth.schema';
import { agencies } from '../directory/directory.schema';
import { parseDirectoryJson } from '../directory/directory-file';
import { importDirectory } from '../directory/import-directory';
import { createDocument } from '../documents/create-document';
import { updateItem } from '../documents/edit-items';
import { publishDocument } from '../documents/publish-document';
import { assignments } from '../assignments/assignments.schema';
import { directiveItems } from '../documents/documents.schema';
import { receiveAssignment, reportCompletion, reportProgress } from '../assignments/follow-up/report-progress';
import { reviewCompletion } from '../assignments/follow-up/review-completion';
import { decideExtension, requestExtension } from '../assignments/follow-up/extensions';
import { DEFAULT_EXTENSION_POLICY } from '../assignments/extension-rules';
import { todayInVietnam } from '../shared/dates';

/**
 * The demo's story is told as if it were 20/08/2025, five weeks after the notice. Loaded on
 * another day, every date of the follow-up (publication, deadlines, reports, acceptances,
 * extensions) moves by the same number of days, so the dashboard, the charts and the reports
 * always have tasks done, in time, overdue and without deadline to show.
 */
export const DEMO_STORY_DAY = '2025-08-20';
const shiftBy = (days: number) => (d: string) => new Date(Date.parse(d) + days * 86_400_000).toISOString().slice(0, 10);
import { PROVINCE_SETTING_KEY, parseProvinceSettings } from '../reports/letterhead';
import { writeSetting } from '../reminders/reminder-settings';
import { loadDemoIndicators } from '../indicators/demo-indicators';

const dataFile = (name: string) => fileURLToPath(new URL(`./data/${name}`, import.meta.url));

export const DEMO_USERS = [
  { username: 'vanphong', displayName: 'Nguyễn Thị Lan (Văn phòng UBND tỉnh)', role: 'office', agency: 'VPUBND' },
  { username: 'chutich', displayName: 'Lê Hải Hoà (Chủ tịch UBND tỉnh)', role: 'leader', sectors: 'Toàn tỉnh' },
  { username: 'pct', displayName: 'Phó Chủ tịch UBND tỉnh (kinh tế)', role: 'leader', sectors: 'Kinh tế, tài chính, đầu tư công, nông nghiệp' },
  { username: 'syt', displayName: 'Cán bộ Sở Y tế', role: 'agency', agency: 'SYT' },
  { username: 'stc', displayName: 'Cán bộ Sở Tài chính', role: 'agency', agency: 'STC' },
  { username: 'snnmt', displayName: 'Cán bộ Sở Nông nghiệp và Môi trường', role: 'agency', agency: 'SNNMT' },
  { username: 'snv', displayName: 'Cán bộ Sở Nội vụ', role: 'agency', agency: 'SNV' },
  { username: 'xembaocao', displayName: 'Người xem báo cáo', role: 'viewer' },
] as const;

/** What the clerk decides in review for names the directory cannot know. */
const CLERK_CORRECTIONS: Record<string, string> = {
  'các chủ đầu tư, ban quản lý dự án': 'Ban Quản lý dự án đầu tư xây dựng tỉnh',
  'cơ quan soạn thảo': 'Văn phòng UBND tỉnh',
};

export async function loadDemo(db: Db, opts: { password: string; today?: string }) {
  const day = shiftBy(Math.round((Date.parse(opts.today ?? todayInVietnam()) - Date.parse(DEMO_STORY_DAY)) / 86_400_000));
  const raw = JSON.parse(readFileSync(dataFile('caobang.json'), 'utf8'));
  const directory = parseDirectoryJson(raw);
  directory.agencies.push({ code: 'BQLDA', name: 'Ban Quản lý dự án đầu tư xây dựng tỉnh', kind: 'provincial_body', aliases: ['các chủ đầu tư, ban quản lý dự án'], formerly: [] });
  await importDirectory(db, SYSTEM_ACTOR, directory);
  // The report's letterhead and date line ("UBND TỈNH CAO BẰNG", "Cao Bằng, ngày …").
  await writeSetting(db, PROVINCE_SETTING_KEY, parseProvinceSettings({ name: raw.province.name, place: raw.province.name }));

  const agencyId = async (code: string) => (await db.select().from(agencies).where(eq(agencies.code, code)))[0].id;
  const actors: Record<string, Actor> = {};
  for (const u of DEMO_USERS) {
    const created = await createUser(db, SYSTEM_ACTOR, {
      username: u.username,
      displayName: u.displayName,
      email: `${u.username}@caobang.demo.dondoc.vn`,
      password: opts.password,
      role: u.role,
      agencyId: 'agency' in u ? await agencyId(u.agency) : null,
      sectors: 'sectors' in u ? u.sectors : null,
    });
    actors[u.username] = actorOf(created);
  }
  const office = actors.vanphong;

  const text = readFileSync(dataFile('caobang-tb-2025-07-14.txt'), 'utf8');
  const { document, items } = await createDocument(db, office, { text, file: undefined, meta: { number: '1234/TB-VPUBND' } });
  const [pct] = await db.select().from(users).where(eq(users.username, 'pct'));
  for (const item of items) {
    const leads = item.leads.map((l) => (l.agencyId || l.groupId ? l : CLERK_CORRECTIONS[l.name] ?? l.name));
    const economic = /^II\.2\.[1-3]/.test(item.ref ?? '');
    await updateItem(db, office, document.id, item.id, { leads, ...(economic ? { leaderId: pct.id } : {}), ...(item.due ? { due: day(item.due) } : {}) });
  }
  const published = await publishDocument(db, office, document.id, day('2025-07-15'));

  // Some follow-up, dated in the weeks after the notice.
  // Refs are compared loosely ("II.2.5.a.1" = "II.2.5.a.-1"): only the follow-up needs them.
  const refKey = (r: string | null) => (r ?? '').replace(/[^\p{L}\p{N}]/gu, '');
  const find = async (ref: string, code: string) => {
    const rows = await db
      .select({ id: assignments.id, ref: directiveItems.ref })
      .from(assignments)
      .innerJoin(directiveItems, eq(directiveItems.id, assignments.itemId))
      .where(eq(assignments.agencyId, await agencyId(code)));
    return rows.find((r) => refKey(r.ref) === refKey(ref))?.id ?? null;
  };
  const step = async (fn: () => Promise<unknown>) => {
    // The demo must load even if the reader labels an item differently than expected.
    try {
      await fn();
    } catch {
      /* skipped */
    }
  };
  const syt = await find('II.2.5.d', 'SYT');
  if (syt) {
    await step(() => receiveAssignment(db, actors.syt, syt));
    await step(() => reportProgress(db, actors.syt, syt, { text: 'Đã tiêm vắc xin sởi cho 78% đối tượng; tiếp tục tổ chức tiêm bù tại các xã vùng cao.', percent: 78, outlook: 'on_track' }, day('2025-07-22')));
    await step(() => reportCompletion(db, actors.syt, syt, { text: 'Hoàn thành chiến dịch tiêm vắc xin sởi: 98,6% đối tượng được tiêm.' }, day('2025-07-30')));
    await step(() => reviewCompletion(db, office, syt, { decision: 'accept', note: 'Đạt yêu cầu.' }, day('2025-07-31')));
  }
  const snnmt = await find('II.2.2.b', 'SNNMT');
  if (snnmt) {
    await step(() => reportProgress(db, actors.snnmt, snnmt, { text: 'Đã tổng hợp 42 công trình vướng mặt bằng, đang phân công cho các xã.', percent: 70, outlook: 'at_risk', outlookReason: 'Một số xã chậm gửi số liệu.' }, day('2025-07-21')));
    await step(() => reportCompletion(db, actors.snnmt, snnmt, { text: 'Đã báo cáo UBND tỉnh danh mục và mốc thời gian hoàn thành.' }, day('2025-07-24')));
    await step(() => reviewCompletion(db, office, snnmt, { decision: 'accept' }, day('2025-07-25')));
  }
  const lamluat = await find('II.2.5.a.1', 'SNNMT');
  if (lamluat) {
    await step(() => requestExtension(db, actors.snnmt, lamluat, { requestedDue: day('2025-08-15'), reason: 'Chờ kết quả xác minh của lực lượng kiểm lâm tại 3 xã biên giới.' }, day('2025-07-24'), DEFAULT_EXTENSION_POLICY));
    const { extensionRequests } = await import('../assignments/assignments.schema');
    const [req] = await db.select().from(extensionRequests).where(eq(extensionRequests.assignmentId, lamluat));
    if (req) await step(() => decideExtension(db, office, lamluat, req.id, { decision: 'approve', note: 'Đồng ý gia hạn.' }, day('2025-07-25')));
  }
  const snv = await find('II.2.5.đ', 'SNV');
  if (snv) {
    await step(() => reportCompletion(db, actors.snv, snv, { text: 'Đã tổ chức các hoạt động kỷ niệm 78 năm Ngày Thương binh - Liệt sĩ.' }, day('2025-07-27')));
    await step(() => reviewCompletion(db, office, snv, { decision: 'accept' }, day('2025-07-29')));
  }
  const stc = await find('II.2.1', 'STC');
  if (stc) {
    await step(() => receiveAssignment(db, actors.stc, stc));
    await step(() => reportProgress(db, actors.stc, stc, { text: 'Đã họp phân tích tăng trưởng quý II; đang xây dựng kịch bản 6 tháng cuối năm.', percent: 40, outlook: 'at_risk', outlookReason: 'Thiếu số liệu của một số ngành.' }, day('2025-08-05')));
  }
  // The indicators of the notice's assessment part, read by the reader and accepted in review.
  const indicators = await loadDemoIndicators(db, office, document.id);
  return { documentId: document.id, indicators, assignments: published.assignments, usernames: ['admin', ...DEMO_USERS.map((u) => u.username)] };
}
