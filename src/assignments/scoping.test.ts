/**
 * Per-agency scoping, enforced by the server: an agency officer can neither read nor change
 * another agency's assignment through any endpoint.
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
  beforeAll(async () => {
    t = await createTestApp(backend);
    const { assignments } = await publishTestDocument(t, [
      { ref: '1', text: 'Sở Y tế thực hiện.', leads: ['Sở Y tế'], due: '2025-07-31' },
      { ref: '2', text: 'Sở Tài chính thực hiện.', leads: ['Sở Tài chính'], due: '2025-07-31' },
    ]);
    own = assignments.find((a) => a.ref === '1')!.id;
    other = assignments.find((a) => a.ref === '2')!.id;
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
    expect((await t.call(syt, 'GET', `/api/assignments?agencyId=${t.agency.STC}`)).json().items).toEqual([]);
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
    expect((await t.call(t.sessions.leader, 'GET', '/api/assignments')).json().items).toHaveLength(2);
  });

  it('hides draft documents from agencies', async () => {
    const draft = (await t.call(t.sessions.office, 'POST', '/api/documents', { text: 'Nháp', items: [{ text: 'Sở Y tế làm.', leads: ['Sở Y tế'] }] })).json();
    expect((await t.call(t.sessions.syt, 'GET', `/api/documents/${draft.document.id}`)).statusCode).toBe(404);
    const docs = (await t.call(t.sessions.syt, 'GET', '/api/documents')).json().items;
    expect(docs.every((d: { status: string }) => d.status === 'published')).toBe(true);
  });
});
