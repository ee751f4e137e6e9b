/**
 * Every kind of event dondoc writes, with the entity it is about and a TypeBox schema for its
 * `before` and `after` payloads. `recordEvent` only accepts these kinds, checks each payload
 * against its schema before writing, and `readEventPayload` checks again when the app reads a
 * payload back as data — so nothing is read from the history on trust.
 *
 * A kind without a `before`/`after` schema carries none. Row snapshots (`Snapshot`) are kept for
 * the record and shown as they are; fields the app reads back are spelled out.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Validator } from 'typebox/compile';

const Uuid = Type.String({ format: 'uuid' });
const IsoDate = Type.String({ format: 'date' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** A row (or part of one) as it was: kept for the history, never read back field by field. */
const Snapshot = Type.Record(Type.String(), Type.Unknown());
/** A payload kept for the record only (lists, rows, settings): any JSON, never read back as data. */
const Payload = Type.Unknown();
const Counts = <K extends string>(...keys: K[]) => Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer({ minimum: 0 })])) as Record<K, ReturnType<typeof Type.Integer>>);

/** What a state change of an assignment records: changed columns before, and after plus details. */
const AssignmentBefore = Snapshot;
const AssignmentAfter = Snapshot;
/** A deadline change is read back into the deadline history: `due` must be there and be a date. */
const DeadlineAfter = Type.Object({ due: Nullable(IsoDate) }, { additionalProperties: true });

const CalendarOverridesPayload = Type.Object({ note: Type.Optional(Type.String()), years: Type.Record(Type.String(), Type.Unknown()) });

export const EVENT_KINDS = {
  'user.signed_in': { entity: 'user' },
  'user.created': { entity: 'user', after: Snapshot },
  'user.updated': { entity: 'user', before: Snapshot, after: Snapshot },
  'api_token.created': { entity: 'api_token', after: Type.Object({ name: Type.String(), userId: Uuid }) },
  'api_token.revoked': { entity: 'api_token' },

  'agency.created': { entity: 'agency', after: Snapshot },
  'agency.updated': { entity: 'agency', before: Snapshot, after: Snapshot },
  'group.created': { entity: 'group', after: Snapshot },
  'group.updated': { entity: 'group', before: Snapshot, after: Snapshot },
  'group.deleted': { entity: 'group', before: Snapshot },
  'directory.imported': { entity: 'directory', after: Counts('agencies', 'groups') },

  'document.created': { entity: 'document', after: Type.Object({ number: Nullable(Type.String()), subject: Nullable(Type.String()), items: Type.Integer({ minimum: 0 }) }) },
  'document.updated': { entity: 'document', before: Snapshot, after: Snapshot },
  'document.published': { entity: 'document', after: Counts('items', 'assignments') },
  'item.added': { entity: 'item', after: Snapshot },
  'item.updated': { entity: 'item', before: Snapshot, after: Snapshot },
  'item.deleted': { entity: 'item', before: Snapshot },

  'document.deleted': { entity: 'document', before: Payload, after: Payload },
  'document.name_resolved': { entity: 'document', before: Payload, after: Payload },
  'item.split': { entity: 'item', before: Payload, after: Payload },
  'item.merged': { entity: 'item', before: Payload, after: Payload },

  'indicator.created': { entity: 'indicator', before: Payload, after: Payload },
  'indicator.updated': { entity: 'indicator', before: Payload, after: Payload },
  'indicator.values_entered': { entity: 'indicator', before: Payload, after: Payload },
  'document.indicators_read': { entity: 'document', before: Payload, after: Payload },
  'indicator_proposal.accepted': { entity: 'indicator_proposal', before: Payload, after: Payload },
  'indicator_proposal.rejected': { entity: 'indicator_proposal', before: Payload, after: Payload },
  'setting.province_changed': { entity: 'setting', before: Payload, after: Payload },

  'assignment.created': { entity: 'assignment' },
  'assignment.receive': { entity: 'assignment', before: AssignmentBefore, after: AssignmentAfter },
  'assignment.report_progress': { entity: 'assignment', before: AssignmentBefore, after: AssignmentAfter },
  'assignment.report_completion': { entity: 'assignment', before: AssignmentBefore, after: AssignmentAfter },
  'assignment.accept': { entity: 'assignment', before: AssignmentBefore, after: AssignmentAfter },
  'assignment.return': { entity: 'assignment', before: AssignmentBefore, after: AssignmentAfter },
  'assignment.reassign': { entity: 'assignment', before: AssignmentBefore, after: AssignmentAfter },
  'assignment.cancel': { entity: 'assignment', before: AssignmentBefore, after: AssignmentAfter },
  'assignment.deadline_extended': { entity: 'assignment', before: AssignmentBefore, after: DeadlineAfter },
  'assignment.deadline_changed': { entity: 'assignment', before: AssignmentBefore, after: DeadlineAfter },
  /** A supporting agency's contribution (text, files) to a task it does not lead. */
  'contribution.posted': {
    entity: 'contribution',
    after: Type.Object({ contributionId: Uuid, fromAgencyId: Uuid, attachments: Type.Integer({ minimum: 0 }) }),
  },
  'extension.requested': { entity: 'extension', after: Snapshot },
  'extension.approved': { entity: 'extension', before: Snapshot, after: Snapshot },
  'extension.refused': { entity: 'extension', before: Snapshot, after: Snapshot },

  'reminders.rules_changed': {
    entity: 'setting',
    before: Type.Object({ rules: Type.Optional(Type.Unknown()), templates: Type.Optional(Type.Unknown()) }, { additionalProperties: false }),
    after: Type.Object({ rules: Type.Optional(Type.Unknown()), templates: Type.Optional(Type.Unknown()) }, { additionalProperties: false }),
  },
  'reminders.pass_planned': {
    entity: 'reminder_pass',
    after: Type.Object({
      date: IsoDate,
      deliveries: Type.Integer({ minimum: 0 }),
      items: Type.Integer({ minimum: 0 }),
      byChannel: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
      unreachable: Type.Array(Type.Unknown()),
    }),
  },
  'reminders.delivery_dead': {
    entity: 'reminder_delivery',
    after: Type.Object({
      recipient: Type.String(),
      channel: Type.String(),
      target: Type.String(),
      attempts: Type.Integer({ minimum: 0 }),
      error: Type.String(),
      assignmentIds: Type.Array(Uuid),
    }),
  },
  'calendar.overrides_changed': { entity: 'setting', before: Nullable(CalendarOverridesPayload), after: CalendarOverridesPayload },
  'webhook.created': { entity: 'webhook', after: Type.Object({ url: Type.String(), description: Nullable(Type.String()) }) },
  'webhook.deleted': { entity: 'webhook', before: Type.Object({ url: Type.String(), description: Nullable(Type.String()) }) },
} as const satisfies Record<string, { entity: string; before?: TSchema; after?: TSchema }>;

export type EventKind = keyof typeof EVENT_KINDS;
export const EVENT_KIND_NAMES = Object.keys(EVENT_KINDS) as EventKind[];
type Side = 'before' | 'after';
type Def<K extends EventKind> = (typeof EVENT_KINDS)[K];
/** The payload type of one side of a kind; `undefined` when the kind carries none. */
export type EventPayload<K extends EventKind, S extends Side> = Def<K> extends { [P in S]: infer T extends TSchema } ? Static<T> : undefined;

/** One event to write, its payloads typed by its kind. */
export type EventInput<K extends EventKind = EventKind> = {
  [P in K]: {
    action: P;
    entity: Def<P>['entity'];
    entityId: string;
    assignmentId?: string | null;
    agencyId?: string | null;
    documentId?: string | null;
  } & (Def<P> extends { before: TSchema } ? { before?: EventPayload<P, 'before'> } : { before?: undefined }) &
    (Def<P> extends { after: TSchema } ? { after?: EventPayload<P, 'after'> } : { after?: undefined });
}[K];

export type AssignmentEventKind = Extract<EventKind, `assignment.${string}`>;

const validators = new Map<string, Validator>();
function validator(kind: EventKind, side: Side): Validator | null {
  const schema = (EVENT_KINDS[kind] as { before?: TSchema; after?: TSchema })[side];
  if (!schema) return null;
  const key = `${kind}:${side}`;
  let v = validators.get(key);
  if (!v) validators.set(key, (v = Compile(schema)));
  return v;
}

export function isEventKind(action: string): action is EventKind {
  return Object.prototype.hasOwnProperty.call(EVENT_KINDS, action);
}

/** JSON as stored: dates become strings, undefined fields disappear. */
const asStored = (v: unknown): unknown => (v === undefined || v === null ? v : JSON.parse(JSON.stringify(v)));

/**
 * Refuses an event whose kind is unknown or whose payload does not fit its kind's schema.
 * A bug, not a user error: it aborts the transaction, so no change is written without its event.
 */
export function checkEvent(e: { action: string; entity: string; before?: unknown; after?: unknown }): void {
  if (!isEventKind(e.action)) throw new Error(`event kind not declared in EVENT_KINDS: ${e.action}`);
  const def = EVENT_KINDS[e.action];
  if (def.entity !== e.entity) throw new Error(`event ${e.action} is about ${def.entity}, not ${e.entity}`);
  for (const side of ['before', 'after'] as const) {
    const value = asStored(e[side]);
    if (value === undefined || value === null) continue;
    const v = validator(e.action, side);
    if (!v) throw new Error(`event ${e.action} carries no "${side}" payload`);
    if (!v.Check(value)) throw new Error(`event ${e.action}: "${side}" payload does not fit its schema`);
  }
}

/**
 * A payload read back from the history, checked against its kind's schema: `null` when the row is
 * of another kind, carries no such payload, or (written before the schema existed) does not fit.
 */
export function readEventPayload<K extends EventKind, S extends Side>(
  row: { action: string; before: unknown; after: unknown },
  kind: K,
  side: S,
): EventPayload<K, S> | null {
  if (row.action !== kind) return null;
  const value = row[side];
  const v = validator(kind, side);
  if (!v || value === null || value === undefined || !v.Check(value)) return null;
  return value as EventPayload<K, S>;
}
