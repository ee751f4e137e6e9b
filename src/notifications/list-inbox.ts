/**
 * The office's inbox ("Cần xử lý"): completion reports waiting for review and extension requests
 * waiting for a decision, oldest first (the longest-waiting agency is answered first), with their
 * counts for the navigation. The office and the admin see every one; a leader, who may decide
 * too, sees those of the tasks they are in charge of. Agencies have no inbox (refused at the door).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { queryRows } from '../db/sql';

export interface InboxCounts {
  completions: number;
  extensions: number;
}

export interface InboxEntry {
  kind: 'completion' | 'extension';
  /** The report or the extension request. */
  id: string;
  assignmentId: string;
  ref: string | null;
  text: string;
  agencyName: string;
  documentNumber: string | null;
  due: string | null;
  /** Extension: the date asked for. */
  requestedDue: string | null;
  /** The report's text or the request's reason. */
  note: string;
  submittedBy: string | null;
  submittedAt: string;
}

/** Which assignments the actor's inbox covers. */
function inboxScope(actor: Actor): SQL {
  return actor.role === 'leader' ? sql`a.leader_id = ${actor.id ?? '00000000-0000-0000-0000-000000000000'}::uuid` : sql`true`;
}

function requireInbox(actor: Actor): void {
  authorize(actor, 'review_completion');
  authorize(actor, 'decide_extension');
}

export async function countInbox(db: DbOrTx, actor: Actor): Promise<InboxCounts> {
  requireInbox(actor);
  const scope = inboxScope(actor);
  const [row] = await queryRows<{ completions: number; extensions: number }>(
    db,
    sql`select
          (select count(*)::int from progress_reports p join assignments a on a.id = p.assignment_id
            where p.kind = 'completion' and p.review_status = 'pending' and ${scope}) as completions,
          (select count(*)::int from extension_requests x join assignments a on a.id = x.assignment_id
            where x.status = 'pending' and ${scope}) as extensions`,
  );
  return { completions: Number(row.completions), extensions: Number(row.extensions) };
}

interface Row {
  kind: 'completion' | 'extension';
  id: string;
  assignment_id: string;
  ref: string | null;
  text: string;
  agency_name: string;
  document_number: string | null;
  due: string | null;
  requested_due: string | null;
  note: string;
  submitted_by: string | null;
  submitted_at: string | Date;
}

export async function listInbox(db: DbOrTx, actor: Actor, opts: { kind?: 'completion' | 'extension'; limit?: number } = {}): Promise<{ items: InboxEntry[]; counts: InboxCounts }> {
  requireInbox(actor);
  const scope = inboxScope(actor);
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 500);
  const completions = sql`select 'completion' as kind, p.id, p.assignment_id, p.text as note, null::date as requested_due, p.author_id as who, p.created_at as submitted_at
                            from progress_reports p join assignments a on a.id = p.assignment_id
                           where p.kind = 'completion' and p.review_status = 'pending' and ${scope}`;
  const extensions = sql`select 'extension' as kind, x.id, x.assignment_id, x.reason as note, x.requested_due, x.requested_by as who, x.created_at as submitted_at
                           from extension_requests x join assignments a on a.id = x.assignment_id
                          where x.status = 'pending' and ${scope}`;
  const waiting = opts.kind === 'completion' ? completions : opts.kind === 'extension' ? extensions : sql`${completions} union all ${extensions}`;
  const rows = await queryRows<Row>(
    db,
    sql`select w.kind, w.id, w.assignment_id, i.ref, i.text, g.name as agency_name, d.number as document_number, a.due::text as due,
               w.requested_due::text as requested_due, w.note, u.display_name as submitted_by, w.submitted_at
          from (${waiting}) w
          join assignments a on a.id = w.assignment_id
          join directive_items i on i.id = a.item_id
          join documents d on d.id = a.document_id
          join agencies g on g.id = a.agency_id
          left join users u on u.id = w.who
         order by w.submitted_at asc, w.id asc
         limit ${limit}`,
  );
  return {
    items: rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      assignmentId: r.assignment_id,
      ref: r.ref,
      text: r.text,
      agencyName: r.agency_name,
      documentNumber: r.document_number,
      due: r.due,
      requestedDue: r.requested_due,
      note: r.note,
      submittedBy: r.submitted_by,
      submittedAt: (r.submitted_at instanceof Date ? r.submitted_at : new Date(r.submitted_at)).toISOString(),
    })),
    counts: await countInbox(db, actor),
  };
}
