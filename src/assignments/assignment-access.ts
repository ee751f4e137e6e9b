import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { visibleToSql } from './assignment-scope';
import { notFound } from '../shared/errors';
import { recordEvent } from '../events/record-event';
import type { AssignmentEventKind, EventInput } from '../events/event-kinds';
import { assignments } from './assignments.schema';
import { transition, type Action } from './state-machine';
import { syncBucketSummary } from './bucket-summary';
import { AppError } from '../shared/errors';

export type AssignmentRow = typeof assignments.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The row, if it exists and the actor may see it (visibleToSql: lead, supporter or reader). */
async function selectVisible(db: DbOrTx, actor: Actor, id: string): Promise<AssignmentRow | undefined> {
  const visible = visibleToSql(actor, assignments.agencyId, assignments.supportAgencyIds, assignments.agencyHistory);
  const [row] = await db
    .select()
    .from(assignments)
    .where(visible ? and(eq(assignments.id, id), visible) : eq(assignments.id, id));
  return row;
}

/**
 * Loads an assignment the actor may see, locked for the rest of the transaction. Another
 * agency's assignment answers "not found", exactly like one that does not exist, so its
 * existence does not leak.
 */
export async function lockAssignment(tx: DbOrTx, actor: Actor, id: string): Promise<AssignmentRow> {
  if (!UUID.test(id)) throw notFound('nhiệm vụ');
  await tx.execute(sql`select id from assignments where id = ${id} for update`);
  const row = await selectVisible(tx, actor, id);
  if (!row) throw notFound('nhiệm vụ');
  return row;
}

export async function readAssignment(db: DbOrTx, actor: Actor, id: string): Promise<AssignmentRow> {
  if (!UUID.test(id)) throw notFound('nhiệm vụ');
  const row = await selectVisible(db, actor, id);
  if (!row) throw notFound('nhiệm vụ');
  return row;
}

/** Applies a state-machine action plus field changes, and writes the event, in `tx`. */
export async function applyAction(
  tx: DbOrTx,
  actor: Actor,
  row: AssignmentRow,
  action: Action,
  changes: Partial<typeof assignments.$inferInsert> = {},
  detail: Record<string, unknown> = {},
): Promise<AssignmentRow> {
  const t = transition(row.state, action);
  if (!t.ok) throw new AppError('INVALID_TRANSITION', t.reason);
  return updateAssignment(tx, actor, row, { ...changes, state: t.to }, `assignment.${action}`, detail);
}

export async function updateAssignment(
  tx: DbOrTx,
  actor: Actor,
  row: AssignmentRow,
  changes: Partial<typeof assignments.$inferInsert>,
  eventAction: AssignmentEventKind,
  detail: Record<string, unknown> = {},
): Promise<AssignmentRow> {
  const [after] = await tx
    .update(assignments)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(assignments.id, row.id))
    .returning();
  // The dashboard's per-day summary moves with the row, in the same transaction.
  await syncBucketSummary(tx, [row], [after]);
  const before: Record<string, unknown> = {};
  const changed: Record<string, unknown> = { ...detail };
  for (const k of Object.keys(changes) as (keyof AssignmentRow)[]) {
    if (k === 'searchText') continue;
    before[k] = row[k];
    changed[k] = after[k];
  }
  // The payload is checked against the kind's schema when written (a deadline change must carry its due).
  await recordEvent(tx, actor, {
    action: eventAction,
    entity: 'assignment',
    entityId: row.id,
    assignmentId: row.id,
    agencyId: after.agencyId,
    documentId: row.documentId,
    before,
    after: changed,
  } as EventInput<AssignmentEventKind>);
  return after;
}
