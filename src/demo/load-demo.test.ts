import { describe, it, expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '../db/testing';
import { loadDemo } from './load-demo';
import { documents, directiveItems } from '../documents/documents.schema';
import { countAssignments } from '../assignments/list-assignments';
import { SYSTEM_ACTOR } from '../auth/actor';

describe('the Cao Bằng demo', () => {
  it('reads the notice of 14/7/2025, publishes its 31 tasks and shows some follow-up', { timeout: 240_000 }, async () => {
    const database = await openTestDatabase('pglite');
    try {
      const r = await loadDemo(database.db, { password: 'demo-password-1', today: '2025-08-20' });
      const [doc] = await database.db.select().from(documents).where(eq(documents.id, r.documentId));
      expect(doc).toMatchObject({ status: 'published', kind: 'THÔNG BÁO', docDate: '2025-07-14', signer: 'Dương Hùng Dũng' });
      const items = await database.db.select().from(directiveItems).where(eq(directiveItems.documentId, r.documentId));
      expect(items).toHaveLength(31);
      // Group addressees ("các sở, ban, ngành", "UBND cấp xã") fan out to every member.
      expect(r.assignments).toBeGreaterThan(500);
      const counts = await countAssignments(database.db, SYSTEM_ACTOR, { asOf: '2025-09-05' });
      expect(counts.totals.done_on_time).toBeGreaterThanOrEqual(2);
      expect(counts.totals.done_late).toBeGreaterThanOrEqual(1);
      expect(counts.totals.open_overdue).toBeGreaterThan(0);
      // Loaded on 20/08/2025 the story is told as written; every bucket has something on that day.
      const now = await countAssignments(database.db, SYSTEM_ACTOR, { asOf: '2025-08-20' });
      for (const b of ['done_on_time', 'done_late', 'open_on_time', 'open_overdue', 'no_deadline'] as const) expect(now.totals[b], b).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });

  it('has something in every bucket on the day it is loaded, whatever that day', { timeout: 240_000 }, async () => {
    const database = await openTestDatabase('pglite');
    try {
      await loadDemo(database.db, { password: 'demo-password-1', today: '2026-12-04' });
      const now = await countAssignments(database.db, SYSTEM_ACTOR, { asOf: '2026-12-04' });
      for (const b of ['done_on_time', 'done_late', 'open_on_time', 'open_overdue', 'no_deadline'] as const) expect(now.totals[b], b).toBeGreaterThan(0);
      // The month before has a report too.
      const before = await countAssignments(database.db, SYSTEM_ACTOR, { asOf: '2026-11-30' });
      expect(before.totals.done_on_time + before.totals.open_overdue).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });
});
