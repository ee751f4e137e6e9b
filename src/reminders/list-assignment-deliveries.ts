/**
 * The reminder history of one assignment: what was sent, to whom, on which channel, with what
 * result. Whoever may see the assignment may see it.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { queryRows } from '../db/sql';
import { readAssignment } from '../assignments/assignment-access';
import type { DeliveryStatus } from './reminders.schema';

interface DeliveryRow {
  id: string;
  pass_date: string;
  recipient_name: string;
  channel: string;
  target: string;
  status: DeliveryStatus;
  attempts: number;
  sent_at: string | Date | null;
  last_error: string | null;
  subject: string | null;
  rules: string[];
  planned_due: string;
}

export async function listAssignmentDeliveries(opts: { db: DbOrTx; actor: Actor; assignmentId: string }) {
  const a = await readAssignment(opts.db, opts.actor, opts.assignmentId);
  const rows = await queryRows<DeliveryRow>(
    opts.db,
    sql`select d.id, d.pass_date::text, d.recipient_name, d.channel, d.target, d.status, d.attempts, d.sent_at, d.last_error, d.subject,
               array_agg(distinct i.rule order by i.rule) as rules, max(i.planned_due)::text as planned_due
          from reminder_items i join reminder_deliveries d on d.id = i.delivery_id
         where i.assignment_id = ${a.id}
         group by d.id
         order by d.pass_date desc, d.created_at desc
         limit 500`,
  );
  return { items: rows.map(presentDelivery) };
}

function presentDelivery(r: DeliveryRow) {
  return {
    id: r.id,
    passDate: r.pass_date,
    recipient: r.recipient_name,
    channel: r.channel,
    // An in-app target is a user id and a webhook target a webhook id: only addresses are shown.
    address: r.channel === 'email' ? r.target : null,
    status: r.status,
    attempts: Number(r.attempts),
    sentAt: r.sent_at,
    lastError: r.last_error,
    subject: r.subject,
    rules: r.rules,
    plannedDue: r.planned_due,
  };
}
