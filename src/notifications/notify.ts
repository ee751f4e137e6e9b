/**
 * Telling people that something needs them. `notify(tx, …)` is called by the use case that makes
 * the change, with ITS transaction: the in-app notifications are written with the change (both or
 * neither), and each e-mail is queued as a row of the reminder outbox (`reminder_deliveries`,
 * with its text in `body`) that the reminder worker sends after commit with its retries, lease and
 * dead-letter — never from inside the transaction.
 *
 * Who gets what: every active officer of the agency addressed gets the in-app notification; those
 * whose preference (`users.channels`) includes e-mail and who have an address also get an e-mail,
 * when e-mail is on at all (SMTP_URL set). With e-mail off no outbox row is written, so nothing
 * is left to fail or to log.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Config } from '../config/config';
import { queryRows } from '../db/sql';
import { messageHostOf } from '../reminders/run-reminders';
import { contributionPostedNotice, noticeEmail, type Notice, type TaskLabel } from './notices';

/** Whether notices may go by e-mail, and what e-mails need to build their links and Message-IDs. */
export interface MailSwitch {
  email: boolean;
  publicUrl: string;
  messageHost: string;
}

export const MAIL_OFF: MailSwitch = { email: false, publicUrl: 'http://localhost', messageHost: 'dondoc.local' };

export function mailSwitchOf(config: Pick<Config, 'smtpUrl' | 'publicUrl'>): MailSwitch {
  return { email: Boolean(config.smtpUrl), publicUrl: config.publicUrl, messageHost: messageHostOf(config.publicUrl) };
}

/** An agency's officers, or named users (the office, a leader). */
export type Audience = { agencyId: string } | { userIds: string[] };

export interface NotifyResult {
  inApp: number;
  emails: number;
}

interface Recipient {
  id: string;
  display_name: string;
  email: string | null;
  channels: string[] | string;
  agency_id: string | null;
}

const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

export async function notify(tx: DbOrTx, list: { to: Audience; notice: Notice }[], mail: MailSwitch = MAIL_OFF): Promise<NotifyResult> {
  if (!list.length) return { inApp: 0, emails: 0 };
  const agencyIds = [...new Set(list.flatMap((x) => ('agencyId' in x.to ? [x.to.agencyId] : [])))];
  const userIds = [...new Set(list.flatMap((x) => ('userIds' in x.to ? x.to.userIds : [])))];
  const people = await queryRows<Recipient>(
    tx,
    sql`select id, display_name, email, channels, agency_id from users
         where active and ((role = 'agency' and agency_id = any(${uuidArray(agencyIds)})) or id = any(${uuidArray(userIds)}))`,
  );
  const byAgency = new Map<string, Recipient[]>();
  const byId = new Map<string, Recipient>();
  for (const p of people) {
    byId.set(p.id, p);
    if (p.agency_id) byAgency.set(p.agency_id, [...(byAgency.get(p.agency_id) ?? []), p]);
  }
  const inApp: { u: string; k: string; t: string; b: string; l: string }[] = [];
  const emails: Record<string, unknown>[] = [];
  for (const { to, notice } of list) {
    const who = 'agencyId' in to ? (byAgency.get(to.agencyId) ?? []) : to.userIds.map((id) => byId.get(id)).filter((p): p is Recipient => !!p);
    for (const p of who) {
      inApp.push({ u: p.id, k: notice.kind, t: notice.title, b: notice.body, l: notice.link });
      if (!mail.email || !p.email || !wantsEmail(p.channels)) continue;
      const id = randomUUID();
      const m = noticeEmail(notice, p.display_name, mail.publicUrl);
      emails.push({ id, k: `notice:${id}`, r: `user:${p.id}`, u: p.id, n: p.display_name, t: p.email, m: `<${id}.notice@${mail.messageHost}>`, s: m.subject, b: m.text });
    }
  }
  if (inApp.length) {
    await tx.execute(
      sql`insert into notifications (user_id, kind, title, body, link)
          select v.u, v.k, v.t, v.b, v.l from jsonb_to_recordset(${JSON.stringify(inApp)}::jsonb) as v(u uuid, k text, t text, b text, l text)`,
    );
  }
  if (emails.length) {
    // pass_date is the day in Vietnam the notice was queued; no items: the worker sends `body` as is.
    await tx.execute(
      sql`insert into reminder_deliveries (id, dedupe_key, pass_date, recipient_key, user_id, recipient_name, channel, target, message_id, subject, body)
          select v.id, v.k, (now() at time zone 'Asia/Ho_Chi_Minh')::date, v.r, v.u, v.n, 'email', v.t, v.m, v.s, v.b
            from jsonb_to_recordset(${JSON.stringify(emails)}::jsonb) as v(id uuid, k text, r text, u uuid, n text, t text, m text, s text, b text)`,
    );
  }
  return { inApp: inApp.length, emails: emails.length };
}

/** A preference stored as JSON: PGlite and node-postgres both parse jsonb, but be tolerant. */
function wantsEmail(channels: string[] | string): boolean {
  const list = typeof channels === 'string' ? (JSON.parse(channels) as string[]) : channels;
  return Array.isArray(list) && list.includes('email');
}

/** How a notice names one assignment: its item's reference and text, and its document. */
export async function loadTaskLabel(tx: DbOrTx, assignmentId: string): Promise<TaskLabel & { agencyId: string; due: string | null }> {
  const [row] = await queryRows<{ ref: string | null; text: string; document: string; agency_id: string; due: string | null }>(
    tx,
    sql`select i.ref, i.text, coalesce(nullif(d.number, ''), d.subject, 'văn bản') as document, a.agency_id, a.due::text as due
          from assignments a join directive_items i on i.id = a.item_id join documents d on d.id = a.document_id
         where a.id = ${assignmentId}`,
  );
  if (!row) throw new Error(`assignment ${assignmentId} not found for a notice`);
  return { assignmentId, ref: row.ref, text: row.text, document: row.document, agencyId: row.agency_id, due: row.due };
}

/** Tells the lead agency's officers about one of its assignments, in the caller's transaction. */
export async function notifyLeadAgency(tx: DbOrTx, assignmentId: string, build: (t: TaskLabel) => Notice, mail: MailSwitch = MAIL_OFF): Promise<NotifyResult> {
  const label = await loadTaskLabel(tx, assignmentId);
  return notify(tx, [{ to: { agencyId: label.agencyId }, notice: build(label) }], mail);
}

/**
 * For the contributions use case (a supporting agency posts on an assignment it supports): call
 * it with the transaction that writes the contribution. The lead agency's officers are told; the
 * contributor's own agency is not (it is never the lead of that assignment).
 */
export async function notifyContributionPosted(
  tx: DbOrTx,
  opts: { assignmentId: string; contributorAgencyName: string; text: string },
  mail: MailSwitch = MAIL_OFF,
): Promise<NotifyResult> {
  return notifyLeadAgency(tx, opts.assignmentId, (t) => contributionPostedNotice(t, opts.contributorAgencyName, opts.text), mail);
}
