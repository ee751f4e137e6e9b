/**
 * A contribution and a cancellation sent at the same moment: the row lock orders them, so a
 * contribution is either written before the task was cancelled or refused — never written to a
 * task already cancelled (on PostgreSQL the two really run at once, on two connections).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, inArray } from 'drizzle-orm';
import { testBackends } from '../../db/testing';
import { createTestApp, publishTestDocument, type TestApp } from '../../http/testing';
import { users } from '../../auth/auth.schema';
import { actorOf } from '../../auth/users';
import { events } from '../../events/events.schema';
import { contributions } from '../assignments.schema';
import { postContribution } from './post-contribution';
import { cancelAssignment } from './office-actions';

const ROUNDS = 6;

describe.each(testBackends)('contribution racing a cancellation on %s', (backend) => {
  let t: TestApp;
  let ids: string[];
  beforeAll(async () => {
    t = await createTestApp(backend);
    const { assignments } = await publishTestDocument(
      t,
      Array.from({ length: ROUNDS }, (_, i) => ({ ref: `${i}`, text: `Sở Y tế chủ trì nhiệm vụ ${i}, phối hợp với Sở Tài chính.`, leads: ['Sở Y tế'], supports: ['Sở Tài chính'], due: '2025-08-31' })),
    );
    ids = assignments.map((a) => a.id);
  });
  afterAll(() => t.close());

  it('never writes a contribution to a task already cancelled', async () => {
    const db = t.database.db;
    const [stc] = await db.select().from(users).where(eq(users.username, 'stc'));
    const [office] = await db.select().from(users).where(eq(users.username, 'office'));
    const outcomes = await Promise.all(
      ids.map((id, i) => {
        const contribute = postContribution(db, actorOf(stc), id, { text: `Ý kiến ${i}` }).then(() => 'written' as const, (e: { code?: string }) => e.code ?? 'error');
        const cancel = cancelAssignment(db, actorOf(office), id, { reason: 'Không còn cần.' }).then(() => 'cancelled' as const);
        // Alternate which one leaves first.
        return i % 2 ? Promise.all([contribute, cancel]) : Promise.all([cancel, contribute]).then(([c, w]) => [w, c] as const);
      }),
    );
    const stored = await db.select().from(contributions).where(inArray(contributions.assignmentId, ids));
    const history = await db.select().from(events).where(inArray(events.assignmentId, ids)).orderBy(asc(events.id));
    for (const [i, id] of ids.entries()) {
      const [contribution, cancel] = outcomes[i];
      expect(cancel).toBe('cancelled');
      expect(['written', 'INVALID_TRANSITION']).toContain(contribution);
      expect(stored.filter((c) => c.assignmentId === id)).toHaveLength(contribution === 'written' ? 1 : 0);
      const kinds = history.filter((e) => e.assignmentId === id).map((e) => e.action);
      // Written means written while the task was open: its event comes before the cancellation's.
      if (contribution === 'written') expect(kinds.indexOf('contribution.posted')).toBeLessThan(kinds.indexOf('assignment.cancel'));
      else expect(kinds).not.toContain('contribution.posted');
    }
  });
});
