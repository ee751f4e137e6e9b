/**
 * An extension decision looks at the assignment as it is now: a deadline cannot be moved after
 * the completion was accepted (done late would become done on time) nor on a cancelled task.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackends } from '../../db/testing';
import { createTestApp, publishTestDocument, type TestApp } from '../../http/testing';

describe.each(testBackends)('extension decisions and assignment state on %s', (backend) => {
  let t: TestApp;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(backend, { today: '2025-07-21' });
    const { assignments } = await publishTestDocument(t, [
      { ref: 'A', text: 'Sở Y tế báo cáo tình hình dịch bệnh.', leads: ['Sở Y tế'], due: '2025-07-22' },
      { ref: 'B', text: 'Sở Y tế rà soát cơ sở y tế.', leads: ['Sở Y tế'], due: '2025-07-25' },
    ]);
    ids = Object.fromEntries(assignments.map((a) => [a.ref, a.id]));
  });
  afterAll(() => t.close());

  const detail = async (id: string) => (await t.call(t.sessions.office, 'GET', `/api/assignments/${id}`)).json().assignment;

  it('does not approve after the completion was accepted, and a late completion stays late', async () => {
    const req = await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.A}/extensions`, { requestedDue: '2025-08-10', reason: 'Chờ số liệu.' });
    expect(req.statusCode).toBe(201);
    t.setToday('2025-07-24');
    await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.A}/completion`, { text: 'Đã xong.' });
    await t.call(t.sessions.office, 'POST', `/api/assignments/${ids.A}/review`, { decision: 'accept' });
    expect((await detail(ids.A)).bucket).toBe('done_late');
    const approve = await t.call(t.sessions.office, 'POST', `/api/assignments/${ids.A}/extensions/${req.json().id}/decision`, { decision: 'approve' });
    expect(approve.statusCode).toBe(409);
    expect(approve.json()).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(approve.json().detail).toMatch(/công nhận hoàn thành/);
    expect(await detail(ids.A)).toMatchObject({ bucket: 'done_late', due: '2025-07-22', extensionCount: 0 });
    // The pending request can still be closed by refusing it.
    const refuse = await t.call(t.sessions.office, 'POST', `/api/assignments/${ids.A}/extensions/${req.json().id}/decision`, { decision: 'refuse', note: 'Đã hoàn thành.' });
    expect(refuse.statusCode).toBe(200);
  });

  it('does not approve on a cancelled assignment', async () => {
    t.setToday('2025-07-21');
    const req = await t.call(t.sessions.syt, 'POST', `/api/assignments/${ids.B}/extensions`, { requestedDue: '2025-08-10', reason: 'Chờ số liệu.' });
    await t.call(t.sessions.office, 'POST', `/api/assignments/${ids.B}/cancel`, { reason: 'Không còn phù hợp.' });
    const approve = await t.call(t.sessions.leader, 'POST', `/api/assignments/${ids.B}/extensions/${req.json().id}/decision`, { decision: 'approve' });
    expect(approve.json()).toMatchObject({ status: 409, code: 'INVALID_TRANSITION' });
    expect(await detail(ids.B)).toMatchObject({ state: 'cancelled', due: '2025-07-25', extensionCount: 0 });
  });
});
