import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackends } from '../../db/testing';
import { createTestApp, publishTestDocument, type TestApp } from '../../http/testing';

describe.each(testBackends)('follow-up on %s', (backend) => {
  let t: TestApp;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(backend, { today: '2025-07-15' });
    const { assignments } = await publishTestDocument(t, [
      { ref: 'A', text: 'Sở Y tế đẩy nhanh tiến độ tiêm vắc xin sởi.', leads: ['Sở Y tế'], due: '2025-07-31' },
      { ref: 'B', text: 'Sở Y tế báo cáo tình hình dịch bệnh.', leads: ['Sở Y tế'], due: '2025-07-22' },
      { ref: 'C', text: 'Sở Y tế rà soát cơ sở y tế.', leads: ['Sở Y tế'], due: '2025-07-25' },
      { ref: 'D', text: 'Sở Y tế thường xuyên kiểm tra an toàn thực phẩm.', leads: ['Sở Y tế'], due: null },
      { ref: 'E', text: 'Sở Tài chính đẩy mạnh giải ngân vốn đầu tư công.', leads: ['Sở Tài chính'], due: '2025-07-20' },
    ]);
    ids = Object.fromEntries(assignments.map((a) => [a.ref, a.id]));
  });
  afterAll(() => t.close());

  const bucket = async (id: string) => (await t.call(t.sessions.office, 'GET', `/api/assignments/${id}`)).json().assignment.bucket;

  it('runs receive → progress with attachment → completion → acceptance, on time', async () => {
    const syt = t.sessions.syt;
    expect((await t.call(syt, 'POST', `/api/assignments/${ids.A}/receive`)).json().state).toBe('received');
    const progress = await t.call(syt, 'POST', `/api/assignments/${ids.A}/progress`, {
      text: 'Đã tiêm cho 60% trẻ.',
      percent: 60,
      outlook: 'at_risk',
      outlookReason: 'Thiếu vắc xin ở 2 xã.',
      files: [{ name: 'bao-cao.pdf', mime: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 báo cáo').toString('base64') }],
    });
    expect(progress.statusCode).toBe(201);
    expect(progress.json().assignment).toMatchObject({ state: 'in_progress', progressPercent: 60, outlook: 'at_risk' });
    t.setToday('2025-07-31');
    const reported = await t.call(syt, 'POST', `/api/assignments/${ids.A}/completion`, { text: 'Hoàn thành tiêm vắc xin.' });
    // The "at risk" forecast does not survive a report of completion.
    expect(reported.json().assignment).toMatchObject({ state: 'completion_reported', progressPercent: 100, outlook: null });
    t.setToday('2025-08-04'); // the office reviews late: the agency is still on time
    const accepted = await t.call(t.sessions.office, 'POST', `/api/assignments/${ids.A}/review`, { decision: 'accept' });
    expect(accepted.json()).toMatchObject({ state: 'done', completedOn: '2025-07-31', outlook: null });
    expect(await bucket(ids.A)).toBe('done_on_time');
    const detail = (await t.call(syt, 'GET', `/api/assignments/${ids.A}`)).json();
    expect(detail.reports.map((r: { kind: string }) => r.kind)).toEqual(['completion', 'progress']);
    const file = detail.reports[1].attachments[0];
    const download = await t.call(syt, 'GET', `/api/attachments/${file.id}`);
    expect(download.body).toBe('%PDF-1.4 báo cáo');
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['assignment.created', 'assignment.receive', 'assignment.report_progress', 'assignment.report_completion', 'assignment.accept']),
    );
  });

  it('returns a completion to in progress, then a late acceptance is late', async () => {
    t.setToday('2025-07-21');
    await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.B}/progress`, { text: 'Đã tổng hợp 35%.', percent: 35, outlook: 'off_track', outlookReason: 'Chậm số liệu.' });
    await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.B}/progress`, { text: 'Đã gửi công văn đôn đốc.' }); // no percent: 35 still stands
    await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.B}/completion`, { text: 'Đã báo cáo.' });
    const returned = await t.call(t.sessions.leader, 'POST', `/api/assignments/${ids.B}/review`, { decision: 'return', note: 'Thiếu số liệu.' });
    // Back to the last percent the agency reported (not 90, not 100), with no stale forecast.
    expect(returned.json()).toMatchObject({ state: 'in_progress', progressPercent: 35, outlook: null });
    expect((await t.call(t.sessions.leader, 'POST', `/api/assignments/${ids.B}/review`, { decision: 'accept' })).json().code).toBe('INVALID_TRANSITION');
    t.setToday('2025-07-23');
    expect(await bucket(ids.B)).toBe('open_overdue');
    t.setToday('2025-07-28'); // deadline Tuesday 22/7, asked Monday 28/7: 6 calendar days, 4 working days
    expect((await t.call(t.sessions.office, 'GET', `/api/assignments/${ids.B}`)).json().assignment.daysOverdue).toBe(4);
    const listed = (await t.call(t.sessions.office, 'GET', `/api/assignments?bucket=open_overdue`)).json().items;
    expect(listed.find((r: { id: string }) => r.id === ids.B).daysOverdue).toBe(4);
    await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.B}/completion`, { text: 'Đã bổ sung số liệu.' });
    await t.call(t.sessions.office, 'POST', `/api/assignments/${ids.B}/review`, { decision: 'accept' });
    expect(await bucket(ids.B)).toBe('done_late');
  });

  it('extends a deadline on approval, keeps the earlier one, and caps extensions', async () => {
    t.setToday('2025-07-24');
    const r1 = await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.C}/extensions`, { requestedDue: '2025-08-10', reason: 'Chờ số liệu.' });
    expect(r1.statusCode).toBe(201);
    expect((await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.C}/extensions`, { requestedDue: '2025-08-11', reason: 'x' })).json().code).toBe('CONFLICT');
    expect((await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.C}/extensions/${r1.json().id}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    await t.call(t.sessions.office, 'POST', `/api/assignments/${ids.C}/extensions/${r1.json().id}/decision`, { decision: 'approve' });
    t.setToday('2025-08-01');
    const detail = (await t.call(t.sessions.syt, 'GET', `/api/assignments/${ids.C}`)).json();
    expect(detail.assignment).toMatchObject({ due: '2025-08-10', originalDue: '2025-07-25', bucket: 'open_on_time', extensionCount: 1 });
    expect(detail.deadlineHistory.map((d: { due: string }) => d.due)).toEqual(['2025-07-25', '2025-08-10']);
    const r2 = await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.C}/extensions`, { requestedDue: '2025-08-20', reason: 'Lần 2.' });
    const refused = await t.call(t.sessions.leader, 'POST', `/api/assignments/${ids.C}/extensions/${r2.json().id}/decision`, { decision: 'refuse' });
    expect(refused.json().code).toBe('VALIDATION'); // a refusal needs a reason
    await t.call(t.sessions.leader, 'POST', `/api/assignments/${ids.C}/extensions/${r2.json().id}/decision`, { decision: 'approve' });
    const r3 = await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.C}/extensions`, { requestedDue: '2025-09-01', reason: 'Lần 3.' });
    expect(r3.json().code).toBe('EXTENSION_LIMIT');
  });

  it('closes the extension window some days after the deadline', async () => {
    t.setToday('2025-07-26');
    const late = await t.call(t.sessions.stc, 'POST', `/api/assignments/${ids.E}/extensions`, { requestedDue: '2025-08-10', reason: 'Muộn.' });
    expect(late.json().code).toBe('EXTENSION_WINDOW_CLOSED');
  });

  it('reassigns and cancels with reasons, only by the office', async () => {
    expect((await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.D}/cancel`, { reason: 'x' })).statusCode).toBe(403);
    const moved = await t.call(t.sessions.office, 'POST', `/api/assignments/${ids.D}/reassign`, { agencyId: t.agency.SNNMT, reason: 'Đúng chức năng.' });
    expect(moved.json()).toMatchObject({ agencyId: t.agency.SNNMT, state: 'assigned' });
    // The former lead keeps read-only sight of it (its past months list the task), and may do nothing.
    const former = await t.call(t.sessions.syt, 'GET', `/api/assignments/${ids.D}`);
    expect(former.json().assignment).toMatchObject({ agencyId: t.agency.SNNMT, myRole: null, actions: [] });
    expect((await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.D}/progress`, { text: 'x' })).statusCode).toBe(403);
    const cancelled = await t.call(t.sessions.office, 'POST', `/api/assignments/${ids.D}/cancel`, { reason: 'Không còn phù hợp.' });
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', cancelReason: 'Không còn phù hợp.' });
    expect(await bucket(ids.D)).toBe('cancelled');
  });

  it('lists by bucket, searches without diacritics, paginates with a cursor and counts per agency', async () => {
    // A's completion was accepted on 04/08: on 01/08 it was still open and overdue, from 04/08 done.
    t.setToday('2025-08-01');
    expect((await t.call(t.sessions.office, 'GET', '/api/assignments?bucket=open_overdue')).json().items.map((a: { ref: string }) => a.ref)).toEqual(['E', 'A']);
    t.setToday('2025-08-05');
    const overdue = (await t.call(t.sessions.office, 'GET', '/api/assignments?bucket=open_overdue')).json().items;
    expect(overdue.map((a: { ref: string }) => a.ref)).toEqual(['E']);
    const found = (await t.call(t.sessions.office, 'GET', `/api/assignments?q=${encodeURIComponent('giai ngan VON')}`)).json().items;
    expect(found.map((a: { ref: string }) => a.ref)).toEqual(['E']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { ref: string }[]; nextCursor: string | null } = (
        await t.call(t.sessions.office, 'GET', `/api/assignments?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((a) => a.ref));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['E', 'B', 'A', 'C', 'D']); // by deadline, no deadline last
    const counts = (await t.call(t.sessions.office, 'GET', '/api/assignments/counts')).json();
    expect(counts.totals).toMatchObject({ done_on_time: 1, done_late: 1, open_on_time: 1, open_overdue: 1, cancelled: 1 });
    // The counts (grouped by the rule's facts) and the list (the rule per row) always agree.
    for (const asOf of ['2025-07-01', '2025-07-22', '2025-07-23', '2025-08-10', '2025-09-01']) {
      const rows = (await t.call(t.sessions.office, 'GET', `/api/assignments?asOf=${asOf}&limit=500`)).json().items as { bucket: string }[];
      const tally: Record<string, number> = { done_on_time: 0, done_late: 0, open_on_time: 0, open_overdue: 0, no_deadline: 0, cancelled: 0 };
      for (const r of rows) tally[r.bucket]++;
      expect((await t.call(t.sessions.office, 'GET', `/api/assignments/counts?asOf=${asOf}`)).json().totals, asOf).toEqual(tally);
    }
  });
});
