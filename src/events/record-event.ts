import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { events } from './events.schema';

export interface EventInput {
  action: string;
  entity: string;
  entityId: string;
  assignmentId?: string | null;
  agencyId?: string | null;
  documentId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends to the history. Call it with the transaction that makes the change. */
export async function recordEvent(tx: DbOrTx, actor: Actor, e: EventInput): Promise<void> {
  await recordEvents(tx, actor, [e]);
}

/** Appends several events in one statement (publishing a notice creates hundreds). */
export async function recordEvents(tx: DbOrTx, actor: Actor, list: EventInput[]): Promise<void> {
  for (let i = 0; i < list.length; i += 500) {
    await tx.insert(events).values(
      list.slice(i, i + 500).map((e) => ({
        actorId: actor.id,
        actorName: actor.name,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        assignmentId: e.assignmentId ?? null,
        agencyId: e.agencyId ?? null,
        documentId: e.documentId ?? null,
        before: e.before ?? null,
        after: e.after ?? null,
      })),
    );
  }
}
