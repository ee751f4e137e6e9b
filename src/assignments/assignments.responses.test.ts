/**
 * The assignment routes answer through response schemas that also serialize: the list and the
 * counts must come out exactly as computed, and a state change without internal columns.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, publishTestDocument, type TestApp } from '../http/testing';
import { SYSTEM_ACTOR } from '../auth/actor';
import { countAssignments, listAssignments } from './list-assignments';
import { getAssignmentDetail, getItemOverview } from './get-assignment';

const json = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('assignment answers', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await createTestApp('pglite', { today: '2025-07-20' });
    const { assignments } = await publishTestDocument(t, [
      { ref: '1', text: 'Sở Y tế rà soát.', leads: ['Sở Y tế'], due: '2025-07-10' },
      { ref: '2', text: 'Sở Tài chính tổng hợp.', leads: ['Sở Tài chính'], due: '2025-08-31' },
    ]);
    id = assignments[0].id;
  });
  afterAll(() => t.close());

  it('list and counts are sent whole', async () => {
    const list = await t.call(t.sessions.admin, 'GET', '/api/assignments?limit=1');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual(json(await listAssignments(t.database.db, SYSTEM_ACTOR, { limit: 1, asOf: '2025-07-20' })));
    expect(list.json().nextCursor).toEqual(expect.any(String));
    const counts = await t.call(t.sessions.admin, 'GET', '/api/assignments/counts');
    expect(counts.json()).toEqual(json(await countAssignments(t.database.db, SYSTEM_ACTOR, { asOf: '2025-07-20' })));
    expect(counts.json().totals.open_overdue).toBe(1);
  });

  it('a state change answers the assignment without its folded search text', async () => {
    const res = await t.call(t.sessions.syt, 'POST', `/api/assignments/${id}/receive`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, state: 'received', progressPercent: 0 });
    expect(res.json()).not.toHaveProperty('searchText');
    const report = await t.call(t.sessions.syt, 'POST', `/api/assignments/${id}/progress`, { text: 'Đã rà soát 10 cơ sở.', percent: 40 });
    expect(report.statusCode).toBe(201);
    expect(report.json()).toMatchObject({ assignment: { id, progressPercent: 40 }, report: { kind: 'progress', text: 'Đã rà soát 10 cơ sở.', percent: 40 }, attachments: [] });
  });

  it('the assignment page and the item overview are sent whole', async () => {
    await t.call(t.sessions.syt, 'POST', `/api/assignments/${id}/extensions`, { requestedDue: '2025-08-15', reason: 'Cần thêm thời gian khảo sát.' });
    const detail = await t.call(t.sessions.syt, 'GET', `/api/assignments/${id}`);
    expect(detail.statusCode).toBe(200);
    // The same actor as the request: what it may do (actions) and its role depend on who asks.
    const me = (await t.call(t.sessions.syt, 'GET', '/api/auth/me')).json();
    const syt = { id: me.user?.id ?? me.id, name: 'syt', role: 'agency' as const, agencyId: me.user?.agencyId ?? me.agencyId };
    const expected = json(await getAssignmentDetail(t.database.db, syt, id, '2025-07-20'));
    expect(detail.json()).toEqual(expected);
    expect(expected.reports.length + expected.extensions.length + expected.events.length).toBeGreaterThan(3);
    const itemId = detail.json().assignment.itemId;
    const overview = await t.call(t.sessions.admin, 'GET', `/api/items/${itemId}`);
    expect(overview.json()).toEqual(json(await getItemOverview(t.database.db, SYSTEM_ACTOR, itemId, '2025-07-20')));
  });
});
