/**
 * Groups ("các sở, ban, ngành", "UBND cấp xã") are kept by the office through the API, not only by
 * importing a directory file: created, renamed, re-membered and deleted, each change audited, and
 * the current members are what a group addressee expands to when a document is published.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { testBackends } from '../db/testing';
import { createTestApp, publishTestDocument, type TestApp } from '../http/testing';
import { events } from '../events/events.schema';

describe.each(testBackends)('groups through the API on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('creates, edits and deletes a group, each change in the event log', async () => {
    const created = await t.call(t.sessions.office, 'POST', '/api/groups', {
      code: 'KHOI-YT-TC',
      name: 'các đơn vị thử nghiệm',
      aliases: ['khối thử nghiệm'],
      memberIds: [t.agency.SYT, t.agency.STC],
    });
    expect(created.statusCode).toBe(201);
    const g = created.json();
    expect(g).toMatchObject({ code: 'KHOI-YT-TC', name: 'các đơn vị thử nghiệm', aliases: ['khối thử nghiệm'] });
    expect(g.memberIds.sort()).toEqual([t.agency.SYT, t.agency.STC].sort());

    const edited = await t.call(t.sessions.office, 'PATCH', `/api/groups/${g.id}`, { name: 'các đơn vị thử', memberIds: [t.agency.SNNMT] });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'các đơn vị thử', memberIds: [t.agency.SNNMT] });
    const listed = (await t.call(t.sessions.viewer, 'GET', '/api/groups')).json().items.find((x: { id: string }) => x.id === g.id);
    expect(listed).toMatchObject({ name: 'các đơn vị thử', memberIds: [t.agency.SNNMT] });

    const deleted = await t.call(t.sessions.office, 'DELETE', `/api/groups/${g.id}`);
    expect(deleted.statusCode).toBe(200);
    expect((await t.call(t.sessions.office, 'PATCH', `/api/groups/${g.id}`, { name: 'x y' })).statusCode).toBe(404);
    const log = await t.database.db.select().from(events).where(eq(events.entityId, g.id));
    expect(log.map((e) => e.action)).toEqual(['group.created', 'group.updated', 'group.deleted']);
    expect(log[1].before).toMatchObject({ name: 'các đơn vị thử nghiệm' });
  });

  it('expands a group addressee to its current members when publishing', async () => {
    const g = (await t.call(t.sessions.office, 'POST', '/api/groups', { code: 'KHOI-2', name: 'các cơ quan khối hai', memberIds: [t.agency.SYT] })).json();
    await t.call(t.sessions.office, 'PATCH', `/api/groups/${g.id}`, { memberIds: [t.agency.SYT, t.agency['01290']] });
    const { assignments } = await publishTestDocument(t, [{ text: 'Các cơ quan khối hai rà soát hồ sơ.', leads: ['các cơ quan khối hai'] }]);
    expect(assignments.map((a) => a.agencyId).sort()).toEqual([t.agency.SYT, t.agency['01290']].sort());
  });

  it('refuses unknown members and duplicate codes with clear errors, writing nothing', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    const bad = await t.call(t.sessions.office, 'POST', '/api/groups', { code: 'KHOI-3', name: 'nhóm lỗi', memberIds: [t.agency.SYT, ghost] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION', missing: [ghost] });
    expect(bad.json().detail).toContain(ghost);
    const groupsNow = (await t.call(t.sessions.office, 'GET', '/api/groups')).json().items;
    expect(groupsNow.some((x: { code: string }) => x.code === 'KHOI-3')).toBe(false);

    const first = await t.call(t.sessions.office, 'POST', '/api/groups', { code: 'KHOI-4', name: 'nhóm bốn' });
    expect(first.statusCode).toBe(201);
    const again = await t.call(t.sessions.office, 'POST', '/api/groups', { code: 'KHOI-4', name: 'nhóm bốn khác' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT', detail: 'Đã có bản ghi trùng (mã hoặc tên này đã tồn tại).' });
    const agency = await t.call(t.sessions.office, 'POST', '/api/agencies', { code: 'SYT', name: 'Sở Y tế (trùng)', kind: 'department' });
    expect(agency.statusCode).toBe(409);
  });

  it('lets only the office and the admin change groups', async () => {
    for (const who of ['syt', 'leader', 'viewer']) {
      const res = await t.call(t.sessions[who], 'POST', '/api/groups', { code: `KHOI-${who}`, name: 'nhóm không được phép' });
      expect(res.statusCode, who).toBe(403);
    }
  });
});
