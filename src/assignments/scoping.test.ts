/**
 * Per-agency scoping, enforced by the server: an agency officer can neither read nor change
 * another agency's assignment through any endpoint. A task the agency supports (phối hợp) it may
 * read and contribute to, but not report on: reporting stays the lead agency's.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackends } from '../db/testing';
import { createTestApp, publishTestDocument, type TestApp } from '../http/testing';

describe.each(testBackends)('agency scoping on %s', (backend) => {
  let t: TestApp;
  let own: string;
  let other: string;
  let attachmentId: string;
  let itemOfOther: string;
  /** Led by Sở Tài chính, supported by Sở Y tế. */
  let supported: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    const { assignments } = await publishTestDocument(t, [
      { ref: '1', text: 'Sở Y tế thực hiện.', leads: ['Sở Y tế'], due: '2025-07-31' },
      { ref: '2', text: 'Sở Tài chính thực hiện.', leads: ['Sở Tài chính'], due: '2025-07-31' },
      { ref: '3', text: 'Sở Tài chính chủ trì, phối hợp với Sở Y tế.', leads: ['Sở Tài chính'], supports: ['Sở Y tế'], due: '2025-08-15' },
    ]);
    own = assignments.find((a) => a.ref === '1')!.id;
    other = assignments.find((a) => a.ref === '2')!.id;
    supported = assignments.find((a) => a.ref === '3')!.id;
    const r = await t.call(t.sessions.stc, 'POST', `/api/assignments/${other}/progress`, {
      text: 'Tiến độ của Sở Tài chính.',
      files: [{ name: 'mat.txt', contentBase64: Buffer.from('bí mật').toString('base64') }],
    });
    attachmentId = r.json().attachments[0].id;
    itemOfOther = r.json().assignment.itemId;
  });
  afterAll(() => t.close());

  it('lists and counts only the officer’s own agency, whatever the filter says', async () => {
    const syt = t.sessions.syt;
    const list = (await t.call(syt, 'GET', '/api/assignments')).json().items;
    expect(list.map((a: { id: string }) => a.id)).toEqual([own]);
    expect((await t.call(syt, 'GET', '/api/assignments?role=lead')).json().items.map((a: { id: string }) => a.id)).toEqual([own]);
    expect((await t.call(syt, 'GET', `/api/assignments?agencyId=${t.agency.STC}`)).json().items).toEqual([]);
    expect((await t.call(syt, 'GET', `/api/assignments?agencyId=${t.agency.STC}&role=support`)).json().items).toEqual([]);
    const counts = (await t.call(syt, 'GET', '/api/assignments/counts')).json();
    expect(counts.agencies.map((a: { agencyId: string }) => a.agencyId)).toEqual([t.agency.SYT]);
  });

  it('answers "not found" for every read of another agency’s assignment', async () => {
    const syt = t.sessions.syt;
    for (const url of [`/api/assignments/${other}`, `/api/items/${itemOfOther}`, `/api/attachments/${attachmentId}`]) {
      const res = await t.call(syt, 'GET', url);
      expect(res.statusCode, url).toBe(404);
    }
    const events = (await t.call(syt, 'GET', `/api/events?assignmentId=${other}`)).json().items;
    expect(events).toEqual([]);
  });

  it('refuses every action on another agency’s assignment and leaves it untouched', async () => {
    const syt = t.sessions.syt;
    const attempts: [string, unknown][] = [
      ['receive', undefined],
      ['progress', { text: 'x' }],
      ['completion', { text: 'x' }],
      ['extensions', { requestedDue: '2025-09-01', reason: 'x' }],
      ['review', { decision: 'accept' }],
      ['reassign', { agencyId: t.agency.SYT, reason: 'x' }],
      ['cancel', { reason: 'x' }],
      ['deadline', { due: '2025-12-31', reason: 'x' }],
    ];
    for (const [action, body] of attempts) {
      const res = await t.call(syt, 'POST', `/api/assignments/${other}/${action}`, body);
      expect([403, 404], action).toContain(res.statusCode);
    }
    const after = (await t.call(t.sessions.office, 'GET', `/api/assignments/${other}`)).json().assignment;
    expect(after).toMatchObject({ state: 'in_progress', due: '2025-07-31', agencyId: t.agency.STC });
  });

  it('lets leaders and viewers read everything but not act as an agency', async () => {
    expect((await t.call(t.sessions.viewer, 'GET', `/api/assignments/${other}`)).statusCode).toBe(200);
    expect((await t.call(t.sessions.viewer, 'POST', `/api/assignments/${other}/progress`, { text: 'x' })).statusCode).toBe(403);
    expect((await t.call(t.sessions.leader, 'GET', '/api/assignments')).json().items).toHaveLength(3);
  });

  it('lists the tasks an agency supports under role=support, for it and for the office asking about it', async () => {
    const rows = (await t.call(t.sessions.syt, 'GET', '/api/assignments?role=support')).json().items;
    expect(rows.map((a: { id: string }) => a.id)).toEqual([supported]);
    expect(rows[0]).toMatchObject({ agencyId: t.agency.STC, myRole: 'support', actions: ['contribute'] });
    const counts = (await t.call(t.sessions.syt, 'GET', '/api/assignments/counts?role=support')).json();
    expect(Object.values(counts.totals as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(1);
    expect((await t.call(t.sessions.stc, 'GET', '/api/assignments?role=support')).json().items).toEqual([]);
    expect((await t.call(t.sessions.xabaolam, 'GET', '/api/assignments?role=support')).json().items).toEqual([]);
    const forOffice = (await t.call(t.sessions.office, 'GET', `/api/assignments?role=support&agencyId=${t.agency.SYT}`)).json().items;
    expect(forOffice.map((a: { id: string }) => a.id)).toEqual([supported]);
    expect(forOffice[0].actions).not.toContain('contribute');
  });

  it('lets a supporting agency open the task and contribute, and shows the contribution to the lead and the office', async () => {
    const detail = (await t.call(t.sessions.syt, 'GET', `/api/assignments/${supported}`)).json();
    expect(detail.assignment).toMatchObject({ id: supported, myRole: 'support', actions: ['contribute'] });
    expect((await t.call(t.sessions.syt, 'GET', `/api/items/${detail.assignment.itemId}`)).json().assignments.map((a: { id: string }) => a.id)).toEqual([supported]);
    const posted = await t.call(t.sessions.syt, 'POST', `/api/assignments/${supported}/contributions`, {
      text: 'Sở Y tế đã rà soát số liệu y tế cơ sở.',
      files: [{ name: 'so-lieu.txt', contentBase64: Buffer.from('số liệu').toString('base64') }],
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const fileId = posted.json().attachments[0].id;
    for (const who of [t.sessions.stc, t.sessions.office]) {
      const seen = (await t.call(who, 'GET', `/api/assignments/${supported}`)).json();
      expect(seen.contributions).toHaveLength(1);
      expect(seen.contributions[0]).toMatchObject({ agencyId: t.agency.SYT, agencyName: 'Sở Y tế', text: 'Sở Y tế đã rà soát số liệu y tế cơ sở.', attachments: [{ id: fileId, fileName: 'so-lieu.txt' }] });
      const event = seen.events.find((e: { action: string }) => e.action === 'contribution.posted');
      expect(event).toMatchObject({ actorName: 'syt', after: { fromAgencyId: t.agency.SYT, attachments: 1 } });
      expect((await t.call(who, 'GET', `/api/attachments/${fileId}`)).statusCode).toBe(200);
      expect(seen.assignment.actions).not.toContain('contribute');
    }
    // The lead agency is told in its bell, the supporting agency is not told of its own post.
    const bell = (await t.call(t.sessions.stc, 'GET', '/api/notifications')).json().items as { kind: string; title: string; link: string }[];
    expect(bell.filter((n) => n.kind === 'contribution.posted')).toEqual([expect.objectContaining({ title: expect.stringContaining('Sở Y tế gửi ý kiến phối hợp'), link: expect.stringContaining(supported) })]);
    const own = (await t.call(t.sessions.syt, 'GET', '/api/notifications')).json().items as { kind: string }[];
    expect(own.some((n) => n.kind === 'contribution.posted')).toBe(false);
    const stcEvents = (await t.call(t.sessions.stc, 'GET', `/api/events?assignmentId=${supported}`)).json().items;
    expect(stcEvents.map((e: { action: string }) => e.action)).toContain('contribution.posted');
    // The supporting agency reads the task's history too, and nothing of tasks it has no part in.
    const sytEvents = (await t.call(t.sessions.syt, 'GET', '/api/events')).json().items as { assignmentId: string | null; agencyId: string | null }[];
    expect(sytEvents.some((e) => e.assignmentId === supported)).toBe(true);
    expect(sytEvents.every((e) => e.agencyId === t.agency.SYT || e.assignmentId === supported)).toBe(true);
    // The state and progress of the task do not move.
    const after = (await t.call(t.sessions.office, 'GET', `/api/assignments/${supported}`)).json().assignment;
    expect(after).toMatchObject({ state: 'assigned', progressPercent: 0 });
  });

  it('refuses a supporting agency the lead’s reports, and leaves the task untouched', async () => {
    const syt = t.sessions.syt;
    const attempts: [string, unknown][] = [
      ['receive', undefined],
      ['progress', { text: 'x', percent: 50 }],
      ['completion', { text: 'x' }],
      ['extensions', { requestedDue: '2025-09-01', reason: 'x' }],
      ['review', { decision: 'accept' }],
      ['reassign', { agencyId: t.agency.SYT, reason: 'x' }],
      ['cancel', { reason: 'x' }],
      ['deadline', { due: '2025-12-31', reason: 'x' }],
    ];
    for (const [action, body] of attempts) {
      const res = await t.call(syt, 'POST', `/api/assignments/${supported}/${action}`, body);
      expect(res.statusCode, action).toBe(403);
    }
    const progress = await t.call(syt, 'POST', `/api/assignments/${supported}/progress`, { text: 'x' });
    expect(progress.json().detail).toMatch(/cơ quan chủ trì/);
    const after = (await t.call(t.sessions.office, 'GET', `/api/assignments/${supported}`)).json();
    expect(after.assignment).toMatchObject({ state: 'assigned', due: '2025-08-15', progressPercent: 0, agencyId: t.agency.STC });
    expect(after.reports).toEqual([]);
    expect(after.extensions).toEqual([]);
  });

  it('keeps a task from agencies with no part in it, and contributions to supporters only', async () => {
    const commune = t.sessions.xabaolam;
    expect((await t.call(commune, 'GET', `/api/assignments/${supported}`)).statusCode).toBe(404);
    expect((await t.call(commune, 'POST', `/api/assignments/${supported}/contributions`, { text: 'x' })).statusCode).toBe(404);
    const files = (await t.call(t.sessions.office, 'GET', `/api/assignments/${supported}`)).json().contributions[0].attachments;
    expect((await t.call(commune, 'GET', `/api/attachments/${files[0].id}`)).statusCode).toBe(404);
    expect((await t.call(commune, 'GET', `/api/events?assignmentId=${supported}`)).json().items).toEqual([]);
    // The lead reports; it does not contribute to its own task, nor does the office.
    for (const who of [t.sessions.stc, t.sessions.office]) {
      const res = await t.call(who, 'POST', `/api/assignments/${supported}/contributions`, { text: 'x' });
      expect(res.statusCode).toBe(403);
    }
    // Nor may a supporting agency contribute to a task once it is closed.
    expect((await t.call(t.sessions.office, 'POST', `/api/assignments/${supported}/cancel`, { reason: 'Không còn cần.' })).statusCode).toBe(200);
    const late = await t.call(t.sessions.syt, 'POST', `/api/assignments/${supported}/contributions`, { text: 'x' });
    expect(late.statusCode).toBe(409);
    expect((await t.call(t.sessions.syt, 'GET', `/api/assignments/${supported}`)).json().assignment.actions).toEqual([]);
  });

  it('refuses an empty file with a contribution and writes nothing', async () => {
    const res = await t.call(t.sessions.syt, 'POST', `/api/assignments/${supported}/contributions`, { text: 'x', files: [{ name: 'rong.pdf', contentBase64: '' }] });
    expect(res.statusCode).toBe(400);
    expect((await t.call(t.sessions.office, 'GET', `/api/assignments/${supported}`)).json().contributions).toHaveLength(1);
  });

  it('gives each list row the same actions as the task’s own page, pending extension included', async () => {
    const asked = await t.call(t.sessions.syt, 'POST', `/api/assignments/${own}/extensions`, { requestedDue: '2025-08-30', reason: 'Chờ số liệu.' });
    expect(asked.statusCode, asked.body).toBe(201);
    for (const who of [t.sessions.syt, t.sessions.office, t.sessions.leader, t.sessions.viewer]) {
      const row = (await t.call(who, 'GET', '/api/assignments')).json().items.find((a: { id: string }) => a.id === own);
      const page = (await t.call(who, 'GET', `/api/assignments/${own}`)).json().assignment;
      expect(row.actions, who.username).toEqual(page.actions);
    }
    const officeRow = (await t.call(t.sessions.office, 'GET', '/api/assignments')).json().items.find((a: { id: string }) => a.id === own);
    expect(officeRow.actions).toContain('decide_extension');
    const sytRow = (await t.call(t.sessions.syt, 'GET', '/api/assignments')).json().items.find((a: { id: string }) => a.id === own);
    expect(sytRow).toMatchObject({ myRole: 'lead' });
    expect(sytRow.actions).not.toContain('request_extension');
  });

  it('answers each operation on a task by the caller’s part in it: lead, supporting agency, none', async () => {
    const { assignments } = await publishTestDocument(t, [{ ref: 'M', text: 'Sở Tài chính chủ trì, phối hợp với Sở Y tế (bảng kiểm tra).', leads: ['Sở Tài chính'], supports: ['Sở Y tế'], due: '2025-08-20' }]);
    const id = assignments[0].id;
    const itemId = (await t.call(t.sessions.office, 'GET', `/api/assignments/${id}`)).json().assignment.itemId;
    type Who = 'lead' | 'support' | 'none';
    const session = { lead: t.sessions.stc, support: t.sessions.syt, none: t.sessions.xabaolam };
    // In this order, so that each operation the lead may take is possible when the lead takes it.
    const table: [string, string, unknown, Record<Who, number>][] = [
      ['GET', `/api/assignments/${id}`, undefined, { lead: 200, support: 200, none: 404 }],
      ['GET', `/api/items/${itemId}`, undefined, { lead: 200, support: 200, none: 404 }],
      ['GET', `/api/assignments/${id}/deliveries`, undefined, { lead: 200, support: 200, none: 404 }],
      ['POST', `/api/assignments/${id}/contributions`, { text: 'Ý kiến.' }, { lead: 403, support: 201, none: 404 }],
      ['POST', `/api/assignments/${id}/receive`, undefined, { lead: 200, support: 403, none: 404 }],
      ['POST', `/api/assignments/${id}/progress`, { text: 'Tiến độ.', percent: 40 }, { lead: 201, support: 403, none: 404 }],
      ['POST', `/api/assignments/${id}/extensions`, { requestedDue: '2025-09-20', reason: 'Chờ.' }, { lead: 201, support: 403, none: 404 }],
      ['POST', `/api/assignments/${id}/completion`, { text: 'Xong.' }, { lead: 201, support: 403, none: 404 }],
    ];
    const wrong: string[] = [];
    for (const [method, url, body, expected] of table) {
      // The others first: a refused call must change nothing the lead's call depends on.
      for (const who of ['none', 'support', 'lead'] as Who[]) {
        const res = await t.call(session[who], method, url, body);
        if (res.statusCode !== expected[who]) wrong.push(`${method} ${url} as ${who}: ${res.statusCode}, expected ${expected[who]}`);
      }
    }
    expect(wrong).toEqual([]);
    const after = (await t.call(t.sessions.office, 'GET', `/api/assignments/${id}`)).json();
    expect(after.assignment.state).toBe('completion_reported');
    expect(after.contributions).toHaveLength(1);
    expect(after.reports.map((r: { kind: string }) => r.kind).sort()).toEqual(['completion', 'progress']);
  });

  it('lets the agency that led a task before its reassignment still open it, read only', async () => {
    const { assignments } = await publishTestDocument(t, [{ ref: 'R', text: 'Sở Tài chính rà soát nguồn vốn sự nghiệp (giao lại).', leads: ['Sở Tài chính'], due: '2025-08-25' }]);
    const id = assignments[0].id;
    const moved = await t.call(t.sessions.office, 'POST', `/api/assignments/${id}/reassign`, { agencyId: t.agency.SYT, reason: 'Giao lại cho Sở Y tế.' });
    expect(moved.statusCode, moved.body).toBe(200);
    // A past month's report lists the task under Sở Tài chính; its drill-down must open it.
    const former = await t.call(t.sessions.stc, 'GET', `/api/assignments/${id}`);
    expect(former.statusCode).toBe(200);
    expect(former.json().assignment).toMatchObject({ agencyId: t.agency.SYT, myRole: null, actions: [] });
    expect((await t.call(t.sessions.stc, 'POST', `/api/assignments/${id}/progress`, { text: 'x' })).statusCode).toBe(403);
    // The new lead acts; an agency with no part in it, then or now, still finds nothing.
    expect((await t.call(t.sessions.syt, 'GET', `/api/assignments/${id}`)).json().assignment.actions).toContain('report_progress');
    expect((await t.call(t.sessions.xabaolam, 'GET', `/api/assignments/${id}`)).statusCode).toBe(404);
  });

  it('hides draft documents from agencies', async () => {
    const draft = (await t.call(t.sessions.office, 'POST', '/api/documents', { text: 'Nháp', items: [{ text: 'Sở Y tế làm.', leads: ['Sở Y tế'] }] })).json();
    expect((await t.call(t.sessions.syt, 'GET', `/api/documents/${draft.document.id}`)).statusCode).toBe(404);
    const docs = (await t.call(t.sessions.syt, 'GET', '/api/documents')).json().items;
    expect(docs.every((d: { status: string }) => d.status === 'published')).toBe(true);
  });
});
