import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { events } from './events.schema';
import { checkEvent, type EventInput, type EventKind } from './event-kinds';

export type { EventInput, EventKind } from './event-kinds';

/** Appends to the history. Call it with the transaction that makes the change. */
export async function recordEvent<K extends EventKind>(tx: DbOrTx, actor: Actor, e: EventInput<K>): Promise<void> {
  await recordEvents(tx, actor, [e as EventInput]);
}

/** Appends several events in one statement (publishing a notice creates hundreds). */
export async function recordEvents(tx: DbOrTx, actor: Actor, list: EventInput[]): Promise<void> {
  for (const e of list) checkEvent(e);
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
