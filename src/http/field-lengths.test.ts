/**
 * Every string a caller sends has a maximum length: over-long values get a 400 with a Vietnamese
 * message naming the field, and nothing long is copied into the history.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from './testing';
import { users } from '../auth/auth.schema';
import { events } from '../events/events.schema';
import { recordEvent } from '../events/record-event';
import { SYSTEM_ACTOR } from '../auth/actor';
import { FIELD, EVENT_PAYLOAD_MAX_BYTES } from '../shared/field-limits';

describe('string field limits at the HTTP edge', () => {
  let t: TestApp;
  let selfId: string;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    selfId = (await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'viewer')))[0].id;
  });
  afterAll(() => t.close());

  it('refuses a 1.9 MB display name with a Vietnamese 400, and changes nothing', async () => {
    const res = await t.call(t.sessions.viewer, 'PATCH', `/api/users/${selfId}`, { displayName: 'A'.repeat(1_900_000) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION' });
    expect(res.json().detail).toMatch(/Họ tên.*dài quá 200 ký tự/);
    const [row] = await t.database.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, selfId));
    expect(row.displayName).toBe('viewer');
  });

  it('takes a display name at the limit, and the sign-in event carries it bounded', async () => {
    const name = 'Nguyễn Văn '.repeat(30).slice(0, FIELD.displayName);
    const ok = await t.call(t.sessions.viewer, 'PATCH', `/api/users/${selfId}`, { displayName: name });
    expect(ok.statusCode).toBe(200);
    await t.login('viewer');
    const [last] = await t.database.db.select().from(events).orderBy(desc(events.id)).limit(1);
    expect(last.action).toBe('user.signed_in');
    expect(last.actorName).toBe(name);
  });

  it('refuses over-long document fields and task texts', async () => {
    const subject = await t.call(t.sessions.office, 'POST', '/api/documents', { text: 'Thông báo.', meta: { subject: 'x'.repeat(FIELD.subject + 1) } });
    expect(subject.statusCode).toBe(400);
    expect(subject.json().detail).toMatch(/dài quá 2000 ký tự/);
    const item = await t.call(t.sessions.office, 'POST', '/api/documents', { text: 'Thông báo.', items: [{ text: 'x'.repeat(FIELD.itemText + 1), leads: ['Sở Y tế'] }] });
    expect(item.statusCode).toBe(400);
    const alias = await t.call(t.sessions.admin, 'POST', '/api/agencies', { code: 'SXD', name: 'Sở Xây dựng', kind: 'department', aliases: ['y'.repeat(FIELD.name + 1)] });
    expect(alias.statusCode).toBe(400);
  });

  it('clips long strings in event payloads and replaces a payload that is still too large', async () => {
    await recordEvent(t.database.db, SYSTEM_ACTOR, { action: 'user.updated', entity: 'user', entityId: selfId, before: { note: 'a'.repeat(50_000) }, after: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, 'b'.repeat(1_500)])) });
    const [last] = await t.database.db.select().from(events).orderBy(desc(events.id)).limit(1);
    const before = last.before as { note: string };
    expect(before.note.length).toBeLessThan(2_100);
    expect(before.note).toMatch(/… \(50000 ký tự\)$/);
    expect(last.after).toEqual({ truncated: true, bytes: expect.any(Number) });
    expect((last.after as { bytes: number }).bytes).toBeGreaterThan(EVENT_PAYLOAD_MAX_BYTES);
  });
});
