/**
 * Asked for today, the list and the counts read the deadline and agency columns without their
 * histories (changes are dated the day they are made, so none is after today). They must give
 * exactly what the as-of rule gives when it reads every history, after deadlines changed and
 * tasks moved on earlier days and on the day itself.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackends } from '../db/testing';
import { createTestApp, publishTestDocument, type TestApp } from '../http/testing';
import { countAssignments, listAssignments, type AssignmentFilter } from './list-assignments';

const OFFICE = { id: null, name: 'thử', role: 'office' as const, agencyId: null };
const TODAY = '2025-07-20';

describe.each(testBackends)('the list asked for today on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { today: '2025-07-01' });
    const dues = ['2025-07-05', '2025-07-15', '2025-07-20', '2025-07-25', '2025-08-10', null];
    const { assignments } = await publishTestDocument(
      t,
      dues.flatMap((due, k) => [
        { ref: `Y${k}`, text: `Nhiệm vụ y tế ${k}.`, due, leads: ['Sở Y tế'] },
        { ref: `T${k}`, text: `Nhiệm vụ tài chính ${k}.`, due, leads: ['Sở Tài chính'] },
      ]),
    );
    const change = async (ref: string, body: object, path: 'deadline' | 'reassign') => {
      const id = assignments.find((a) => a.ref === ref)!.id;
      const res = await t.call(t.sessions.office, 'POST', `/api/assignments/${id}/${path}`, { ...body, reason: 'Điều chỉnh thử' });
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.body}`);
    };
    t.setToday('2025-07-10');
    await change('Y0', { due: '2025-07-30' }, 'deadline');
    await change('T1', { agencyId: t.agency.SYT }, 'reassign');
    t.setToday(TODAY);
    await change('Y2', { due: '2025-07-18' }, 'deadline');
    await change('T3', { due: null }, 'deadline');
    await change('Y4', { agencyId: t.agency.STC }, 'reassign');
  });
  afterAll(() => t.close());

  const filters: Omit<AssignmentFilter, 'asOf'>[] = [
    {},
    { bucket: ['open_overdue'] },
    { bucket: ['open_on_time', 'no_deadline'] },
    { dueFrom: '2025-07-16', dueTo: '2025-07-31' },
    { agencyId: 'SYT' },
    { sort: '-due' },
  ];
  for (const filter of filters) {
    it(`gives the rule's rows and counts for ${JSON.stringify(filter)}`, async () => {
      const f = { ...filter, agencyId: filter.agencyId && t.agency[filter.agencyId], asOf: TODAY, limit: 500 };
      const fromColumns = await listAssignments(t.database.db, OFFICE, { ...f, today: TODAY });
      const fromHistories = await listAssignments(t.database.db, OFFICE, f);
      expect(fromColumns.items.length).toBeGreaterThan(0);
      expect(fromColumns).toEqual(fromHistories);
      // A state filter makes the counts read the rows (not the per-day summary).
      const counted = { ...f, bucket: undefined, state: ['assigned' as const, 'in_progress' as const] };
      const counts = await countAssignments(t.database.db, OFFICE, { ...counted, today: TODAY });
      expect(counts.totals.open_on_time + counts.totals.open_overdue).toBeGreaterThan(0);
      expect(counts).toEqual(await countAssignments(t.database.db, OFFICE, counted));
    });
  }
});
