/**
 * The delivery worker. Claims due deliveries in PostgreSQL with FOR UPDATE SKIP LOCKED and a
 * lease (locked_by, locked_until), sends them, and records the outcome fenced by `locked_by`:
 *
 * - two workers never claim the same row (SKIP LOCKED; the claim UPDATE commits at once);
 * - a worker killed mid-batch leaves its rows in 'sending'; once `locked_until` has passed any
 *   worker retakes them (a worker stops taking new sends from a batch before its own lease ends);
 * - a failure is retried with exponential back-off (retryBase · 2^(attempts−1), at most 6 h), and
 *   after `maxAttempts` (or at once on a permanent refusal) the delivery is 'dead': an event is
 *   written and it shows in the assignment's history, it is never silently dropped;
 * - before sending, each item is checked again: a task done, cancelled or whose deadline changed
 *   since planning is left out; a message left with no item is 'skipped'.
 *
 * Exactly once, honestly: in-app notifications are written in the same transaction that marks the
 * delivery sent, so they are exactly once. E-mail and webhooks are at-least-once at the transport
 * level: if the process dies after the SMTP server accepted a message and before the 'sent' commit
 * (a window of one send group), the delivery is sent again after the lease — with the SAME
 * Message-ID (and X-Dondoc-Delivery header), so a mail server or a webhook receiver that
 * de-duplicates on it drops the copy. Outside that window each delivery is sent exactly once.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { queryRows } from '../db/sql';
import { recordEvent } from '../events/record-event';
import { SYSTEM_ACTOR } from '../auth/actor';
import type { Calendar } from '../calendar';
import { ChannelError, isPermanentSmtpError, postWebhook, sendEmail, type Mailer } from './channels';
import { renderMessage, type MessageLine, type MessageTemplates, type RenderedMessage } from './message-templates';
import { loadCalendar, loadTemplates } from './reminder-settings';
import { workingDaysLate } from '../assignments/buckets';

export interface WorkerOptions {
  db: Db;
  workerId?: string;
  publicUrl: string;
  mailFrom: string;
  mailer: Mailer | null;
  leaseSeconds?: number;
  batchSize?: number;
  /** Sends in flight at once; also the size of a group whose 'sent' marks are committed together. */
  concurrency?: number;
  maxAttempts?: number;
  retryBaseSeconds?: number;
  templates?: MessageTemplates;
  calendar?: Calendar;
  log?: (msg: string, data?: Record<string, unknown>) => void;
}

export interface BatchResult {
  claimed: number;
  sent: number;
  failed: number;
  dead: number;
  skipped: number;
  released: number;
}

export const newWorkerId = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

interface ClaimedRow {
  id: string;
  pass_date: string;
  recipient_key: string;
  user_id: string | null;
  recipient_name: string;
  channel: 'email' | 'inapp' | 'webhook';
  target: string;
  message_id: string;
  attempts: number;
  subject: string | null;
  /** Set for a notice queued by notify(): sent as written, it has no reminder items. */
  body: string | null;
}

/**
 * Claims up to `n` due deliveries for `workerId` until now + lease: first rows whose owner's lease
 * ran out (a dead instance), then new and retry-due ones. No ORDER BY: each query walks the
 * (status, next_attempt_at) index and stops after `n` rows instead of sorting the whole backlog.
 */
export async function claimDeliveries(db: Db, workerId: string, n: number, leaseSeconds: number): Promise<ClaimedRow[]> {
  const claim = (where: ReturnType<typeof sql>, limit: number) =>
    queryRows<ClaimedRow>(
      db,
      sql`with c as (select id from reminder_deliveries where ${where} limit ${limit} for update skip locked)
          update reminder_deliveries d
             set status = 'sending', locked_by = ${workerId}, attempts = d.attempts + 1,
                 locked_until = now() + make_interval(secs => ${leaseSeconds})
            from c where d.id = c.id
          returning d.id, d.pass_date::text, d.recipient_key, d.user_id, d.recipient_name, d.channel, d.target, d.message_id, d.attempts, d.subject, d.body`,
    );
  const retaken = await claim(sql`status = 'sending' and locked_until < now()`, n);
  if (retaken.length >= n) return retaken;
  const fresh = await claim(sql`status in ('pending', 'failed') and next_attempt_at <= now()`, n - retaken.length);
  return [...retaken, ...fresh];
}

interface LineRow {
  item_id: string;
  delivery_id: string;
  assignment_id: string;
  rule: string;
  planned_due: string;
  due: string | null;
  state: string;
  title: string;
  document: string;
  agency: string;
}

/** A list of uuids as ONE array parameter: `= any(${uuidArray(ids)})`. */
const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

async function loadLines(db: Db, ids: string[]): Promise<Map<string, LineRow[]>> {
  const rows = await queryRows<LineRow>(
    db,
    sql`select i.id::text as item_id, i.delivery_id, i.assignment_id, i.rule, i.planned_due::text as planned_due, a.due::text as due, a.state,
               left(coalesce(nullif(di.ref, '') || '. ', '') || di.text, 240) as title,
               coalesce(nullif(d.number, ''), d.subject, 'văn bản') as document, ag.name as agency
          from reminder_items i
          join assignments a on a.id = i.assignment_id
          join directive_items di on di.id = a.item_id
          join documents d on d.id = a.document_id
          join agencies ag on ag.id = a.agency_id
         where i.delivery_id = any(${uuidArray(ids)})
         order by i.id`,
  );
  const out = new Map<string, LineRow[]>();
  for (const r of rows) out.set(r.delivery_id, [...(out.get(r.delivery_id) ?? []), r]);
  return out;
}

function stillDue(l: LineRow): boolean {
  return l.state !== 'done' && l.state !== 'cancelled' && l.due === l.planned_due;
}

type Outcome = { kind: 'sent'; subject: string; n: number; leftOut: string[] } | { kind: 'skipped'; reason: string } | { kind: 'error'; error: string; permanent: boolean };

/** Claims one batch and delivers it. */
export async function deliverBatch(opts: WorkerOptions): Promise<BatchResult> {
  const db = opts.db;
  const workerId = opts.workerId ?? newWorkerId();
  const lease = opts.leaseSeconds ?? 300;
  const concurrency = Math.max(1, opts.concurrency ?? 10);
  const maxAttempts = opts.maxAttempts ?? 6;
  const retryBase = opts.retryBaseSeconds ?? 60;
  const result: BatchResult = { claimed: 0, sent: 0, failed: 0, dead: 0, skipped: 0, released: 0 };

  const leaseEnds = Date.now() + lease * 1000 - Math.min(lease * 200, 30_000);
  const claimed = await claimDeliveries(db, workerId, opts.batchSize ?? 100, lease);
  result.claimed = claimed.length;
  if (!claimed.length) return result;

  const templates = opts.templates ?? (await loadTemplates(db));
  const calendar = opts.calendar ?? (await loadCalendar(db));
  const lines = await loadLines(
    db,
    claimed.map((c) => c.id),
  );
  const hookIds = [...new Set(claimed.filter((c) => c.channel === 'webhook').map((c) => c.target))];
  const hooks = new Map<string, { url: string; secret: string; active: boolean }>();
  if (hookIds.length) {
    for (const h of await queryRows<{ id: string; url: string; secret: string; active: boolean }>(
      db,
      sql`select id, url, secret, active from webhooks where id = any(${uuidArray(hookIds)})`,
    ))
      hooks.set(h.id, h);
  }

  const deliverOne = async (c: ClaimedRow): Promise<Outcome> => {
    if (c.body !== null) return deliverNotice(c);
    const all = lines.get(c.id) ?? [];
    const valid = all.filter(stillDue);
    // Recorded with the 'sent' mark, so that the message's list link shows exactly what it named.
    const leftOut = all.filter((l) => !stillDue(l)).map((l) => l.item_id);
    if (!valid.length) return { kind: 'skipped', reason: 'Các nhiệm vụ đã hoàn thành, bị hủy hoặc đã đổi hạn trước khi gửi.' };
    const msgLines: MessageLine[] = valid.map((l) => ({
      assignmentId: l.assignment_id,
      rule: l.rule,
      title: l.title,
      document: l.document,
      agency: l.agency,
      due: l.planned_due,
      workingDaysLeft: calendar.workingDaysBetween(c.pass_date, l.planned_due),
      daysOverdue: workingDaysLate(l.planned_due, c.pass_date, calendar),
    }));
    const msg: RenderedMessage = renderMessage(templates, { name: c.recipient_name, date: c.pass_date, publicUrl: opts.publicUrl, lines: msgLines, deliveryId: c.id });
    try {
      if (c.channel === 'email') {
        // Planned while SMTP_URL was set, delivered after it was removed: the channel is off, not failing.
        if (!opts.mailer) return { kind: 'skipped', reason: 'Kênh thư điện tử đang tắt (chưa cấu hình SMTP_URL).' };
        await sendEmail(opts.mailer, { from: opts.mailFrom, to: c.target, subject: msg.subject, text: msg.text, messageId: c.message_id, deliveryId: c.id });
      } else if (c.channel === 'webhook') {
        const hook = hooks.get(c.target);
        if (!hook || !hook.active) return { kind: 'skipped', reason: 'Webhook đã bị xóa hoặc tắt.' };
        await postWebhook(hook.url, hook.secret, c.id, {
          event: 'reminder',
          deliveryId: c.id,
          messageId: c.message_id,
          date: c.pass_date,
          recipient: { key: c.recipient_key, userId: c.user_id, name: c.recipient_name },
          subject: msg.subject,
          text: msg.text,
          items: msgLines.map((l) => ({ assignmentId: l.assignmentId, rule: l.rule, title: l.title, due: l.due, link: `${opts.publicUrl.replace(/\/+$/, '')}/assignments/${l.assignmentId}` })),
        });
      } else {
        // In-app: the notification and the 'sent' mark in one transaction — exactly once.
        const done = await db.transaction(async (tx) => {
          const marked = await queryRows<{ id: string }>(
            tx,
            sql`update reminder_deliveries set status = 'sent', sent_at = now(), locked_until = null, last_error = null,
                       subject = ${msg.subject}, item_count = ${msgLines.length}
                 where id = ${c.id} and locked_by = ${workerId} and status = 'sending' returning id`,
          );
          if (!marked.length) return false;
          const kind = valid.some((l) => l.rule.startsWith('escalate_')) ? 'escalation' : 'reminder';
          await tx.execute(
            sql`insert into notifications (user_id, delivery_id, kind, title, body, link) values (${c.target}, ${c.id}, ${kind}, ${msg.subject}, ${msg.text}, ${msg.link})
                on conflict (delivery_id) do nothing`,
          );
          await markLeftOut(tx, leftOut);
          return true;
        });
        return done ? { kind: 'sent', subject: '', n: -1, leftOut: [] } : { kind: 'error', error: 'lease lost', permanent: false };
      }
      return { kind: 'sent', subject: msg.subject, n: msgLines.length, leftOut };
    } catch (e) {
      const permanent = e instanceof ChannelError ? e.permanent : isPermanentSmtpError(e);
      return { kind: 'error', error: (e as Error).message.slice(0, 500), permanent };
    }
  };

  /** A notice (notify.ts) is sent as it was written when its change happened. */
  const deliverNotice = async (c: ClaimedRow): Promise<Outcome> => {
    if (c.channel !== 'email') return { kind: 'skipped', reason: 'Thông báo chỉ gửi qua thư điện tử.' };
    if (!opts.mailer) return { kind: 'skipped', reason: 'Kênh thư điện tử đang tắt (chưa cấu hình SMTP_URL).' };
    const subject = c.subject ?? '[dondoc] Thông báo';
    try {
      await sendEmail(opts.mailer, { from: opts.mailFrom, to: c.target, subject, text: c.body ?? '', messageId: c.message_id, deliveryId: c.id });
      return { kind: 'sent', subject, n: 0, leftOut: [] };
    } catch (e) {
      return { kind: 'error', error: (e as Error).message.slice(0, 500), permanent: isPermanentSmtpError(e) };
    }
  };

  for (let i = 0; i < claimed.length; i += concurrency) {
    if (Date.now() > leaseEnds) {
      // Out of lease: give the rest back rather than risk sending what another worker retakes.
      const rest = claimed.slice(i).map((c) => c.id);
      await db.execute(
        sql`update reminder_deliveries set status = 'pending', attempts = attempts - 1, locked_until = null
             where id = any(${uuidArray(rest)}) and locked_by = ${workerId} and status = 'sending'`,
      );
      result.released = rest.length;
      break;
    }
    const group = claimed.slice(i, i + concurrency);
    const outcomes = await Promise.all(group.map(deliverOne));
    const sent: { id: string; subject: string; n: number }[] = [];
    const leftOut: string[] = [];
    for (let j = 0; j < group.length; j++) {
      const c = group[j];
      const o = outcomes[j];
      if (o.kind === 'sent') {
        result.sent++;
        if (o.n >= 0) {
          sent.push({ id: c.id, subject: o.subject, n: o.n });
          leftOut.push(...o.leftOut);
        }
      } else if (o.kind === 'skipped') {
        result.skipped++;
        await db.execute(
          sql`update reminder_deliveries set status = 'skipped', locked_until = null, last_error = ${o.reason}
               where id = ${c.id} and locked_by = ${workerId} and status = 'sending'`,
        );
      } else if (o.permanent || c.attempts >= maxAttempts) {
        result.dead++;
        await markDead(db, workerId, c, o.error, lines.get(c.id) ?? []);
        opts.log?.('reminder delivery dead', { id: c.id, channel: c.channel, target: c.target, error: o.error });
      } else {
        result.failed++;
        const delay = Math.min(retryBase * 2 ** (c.attempts - 1), 6 * 3600);
        await db.execute(
          sql`update reminder_deliveries set status = 'failed', locked_until = null, last_error = ${o.error},
                     next_attempt_at = now() + make_interval(secs => ${delay})
               where id = ${c.id} and locked_by = ${workerId} and status = 'sending'`,
        );
        opts.log?.('reminder delivery failed, will retry', { id: c.id, attempts: c.attempts, retryInSeconds: delay, error: o.error });
      }
    }
    if (sent.length) {
      await db.execute(
        sql`update reminder_deliveries d
               set status = 'sent', sent_at = now(), locked_until = null, last_error = null, subject = v.subject, item_count = v.n
              from jsonb_to_recordset(${JSON.stringify(sent)}::jsonb) as v(id uuid, subject text, n int)
             where d.id = v.id and d.locked_by = ${workerId} and d.status = 'sending'`,
      );
      await markLeftOut(db, leftOut);
    }
  }
  return result;
}

async function markLeftOut(db: DbOrTx, itemIds: string[]): Promise<void> {
  if (!itemIds.length) return;
  await db.execute(sql`update reminder_items set left_out = true where id = any(${`{${itemIds.join(',')}}`}::bigint[])`);
}

async function markDead(db: Db, workerId: string, c: ClaimedRow, error: string, lines: LineRow[]): Promise<void> {
  await db.transaction(async (tx) => {
    const marked = await queryRows<{ id: string }>(
      tx,
      sql`update reminder_deliveries set status = 'dead', locked_until = null, last_error = ${error}
           where id = ${c.id} and locked_by = ${workerId} and status = 'sending' returning id`,
    );
    if (!marked.length) return;
    const assignmentIds = [...new Set(lines.map((l) => l.assignment_id))];
    await recordEvent(tx, SYSTEM_ACTOR, {
      action: 'reminders.delivery_dead',
      entity: 'reminder_delivery',
      entityId: c.id,
      assignmentId: assignmentIds.length === 1 ? assignmentIds[0] : null,
      after: { recipient: c.recipient_name, channel: c.channel, target: c.target, attempts: c.attempts, error, assignmentIds },
    });
  });
}

/** Delivers until nothing is due, `parallel` batches at a time. */
export async function drainDeliveries(
  opts: WorkerOptions & { parallel?: number; shouldStop?: () => boolean; onProgress?: (total: BatchResult) => void },
): Promise<BatchResult> {
  const total: BatchResult = { claimed: 0, sent: 0, failed: 0, dead: 0, skipped: 0, released: 0 };
  const workerId = opts.workerId ?? newWorkerId();
  const templates = opts.templates ?? (await loadTemplates(opts.db));
  const calendar = opts.calendar ?? (await loadCalendar(opts.db));
  const loop = async () => {
    while (!opts.shouldStop?.()) {
      const r = await deliverBatch({ ...opts, workerId, templates, calendar });
      for (const k of Object.keys(total) as (keyof BatchResult)[]) total[k] += r[k];
      if (r.claimed) opts.onProgress?.(total);
      if (r.claimed === 0) return;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.parallel ?? 1) }, loop));
  return total;
}
