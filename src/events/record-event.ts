import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { events } from './events.schema';
import { checkEvent, type EventInput, type EventKind } from './event-kinds';
import { EVENT_PAYLOAD_MAX_BYTES, EVENT_STRING_MAX, FIELD } from '../shared/field-limits';

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
        actorName: actor.name.slice(0, FIELD.name),
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        assignmentId: e.assignmentId ?? null,
        agencyId: e.agencyId ?? null,
        documentId: e.documentId ?? null,
        before: boundPayload(e.before),
        after: boundPayload(e.after),
      })),
    );
  }
}

/**
 * The history keeps what changed, not copies of megabytes: strings longer than EVENT_STRING_MAX
 * are clipped (with their length noted), and a payload still larger than EVENT_PAYLOAD_MAX_BYTES
 * is replaced by its size. Payloads the app reads back (dates, ids, counts) are far below both.
 */
export function boundPayload(payload: unknown): unknown {
  if (payload === undefined || payload === null) return null;
  const clipped = clipStrings(payload);
  const bytes = Buffer.byteLength(JSON.stringify(clipped));
  return bytes <= EVENT_PAYLOAD_MAX_BYTES ? clipped : { truncated: true, bytes };
}

function clipStrings(v: unknown): unknown {
  if (typeof v === 'string') return v.length > EVENT_STRING_MAX ? `${v.slice(0, EVENT_STRING_MAX)}… (${v.length} ký tự)` : v;
  if (Array.isArray(v)) return v.map(clipStrings);
  // Bytes are left whole: the size bound below replaces a payload that carries a file.
  if (ArrayBuffer.isView(v)) return v;
  if (v && typeof v === 'object' && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clipStrings(x)]));
  return v;
}
