/**
 * A small province for the report tests, built through the API: tasks done on time, done late
 * (and on the deadline day itself), open in time, open overdue and without deadline, spread over
 * four lead agencies and two months. Expected numbers are written next to each task.
 */
import { publishTestDocument, type TestApp } from '../http/testing';

export const SCENARIO_TODAY = '2025-08-05';

/** Completes an assignment on `on` (report and acceptance by the office on the same day). */
export async function completeOn(t: TestApp, id: string, on: string) {
  const before = t.ctx.today();
  t.setToday(on);
  const rep = await t.call(t.sessions.office, 'POST', `/api/assignments/${id}/completion`, { text: 'Đã hoàn thành.' });
  if (rep.statusCode !== 201) throw new Error(`completion: ${rep.body}`);
  const acc = await t.call(t.sessions.office, 'POST', `/api/assignments/${id}/review`, { decision: 'accept' });
  if (acc.statusCode !== 200) throw new Error(`review: ${acc.body}`);
  t.setToday(before);
}

export async function seedReportScenario(t: TestApp) {
  t.setToday('2025-06-01');
  const { assignments } = await publishTestDocument(t, [
    { ref: '1', text: 'Sở Y tế kiểm tra an toàn thực phẩm.', leads: ['Sở Y tế'], due: '2025-07-10' }, // done 08/07 → on time
    { ref: '2', text: 'Sở Y tế tổng hợp số liệu tiêm chủng.', leads: ['Sở Y tế'], due: '2025-07-10' }, // done 15/07 → late
    { ref: '3', text: 'Sở Y tế báo cáo tình hình dịch bệnh sốt xuất huyết.', leads: ['Sở Y tế'], due: '2025-07-05' }, // open → overdue 26 days on 31/07
    { ref: '4', text: 'Sở Tài chính đẩy nhanh giải ngân vốn đầu tư công.', leads: ['Sở Tài chính'], due: '2025-07-25' }, // open → overdue 6 days on 31/07
    { ref: '5', text: 'Sở Tài chính xây dựng dự toán ngân sách năm 2026.', leads: ['Sở Tài chính'], due: '2025-08-15' }, // open, in time
    { ref: '6', text: 'Sở Tài chính thường xuyên theo dõi thu ngân sách.', leads: ['Sở Tài chính'], due: null }, // no deadline
    { ref: '7', text: 'Sở Tài chính rà soát chỉ tiêu kinh tế - xã hội.', leads: ['Sở Tài chính'], due: '2025-07-31' }, // done on the deadline day → on time
    { ref: '8', text: 'Sở Nông nghiệp và Môi trường báo cáo thiệt hại do mưa lũ.', leads: ['Sở Nông nghiệp và Môi trường'], due: '2025-06-30' }, // done 30/06 → on time
    { ref: '9', text: 'UBND xã Bảo Lâm kiện toàn bộ phận một cửa.', leads: ['UBND xã Bảo Lâm'], due: '2025-07-15' }, // open → overdue
    { ref: '10', text: 'UBND xã Lý Bôn sắp xếp trụ sở làm việc.', leads: ['UBND xã Lý Bôn'], due: '2025-07-16' }, // open → overdue
    { ref: '11', text: 'UBND xã Lý Bôn rà soát hộ nghèo.', leads: ['UBND xã Lý Bôn'], due: '2025-07-17' }, // open → overdue
  ]);
  const id = (ref: string) => assignments.find((a) => a.ref === ref)!.id;
  await completeOn(t, id('8'), '2025-06-30');
  await completeOn(t, id('1'), '2025-07-08');
  await completeOn(t, id('2'), '2025-07-15');
  await completeOn(t, id('7'), '2025-07-31');
  t.setToday(SCENARIO_TODAY);
  return { id, assignments };
}

/** Building the app and the scenario takes a while on PGlite under a loaded machine. */
export const SETUP_TIMEOUT_MS = 300_000;
