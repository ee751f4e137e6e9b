/**
 * The reminder history of one assignment: what was sent, to whom, on which channel, with what
 * result, in words. An agency sees the messages sent to it — its head's mailbox and its own
 * officers — never the office's digests, the escalations to the leader, or anyone's addresses.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { queryRows } from '../db/sql';
import { readAssignment } from '../assignments/assignment-access';
import type { DeliveryStatus } from './reminders.schema';

const CHANNEL_VI: Record<string, string> = { email: 'Thư điện tử', inapp: 'Thông báo trong ứng dụng', webhook: 'Webhook' };
const STATUS_VI: Record<string, string> = {
  pending: 'Chờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Gửi lỗi, sẽ thử lại',
  dead: 'Không gửi được',
  skipped: 'Không gửi (không còn cần)',
};

/** The reminder rule in words: "before_5" → "Nhắc trước hạn 5 ngày làm việc". */
export function ruleLabelVi(rule: string): string {
  const before = /^before_(\d+)$/.exec(rule);
  if (before) return `Nhắc trước hạn ${before[1]} ngày làm việc`;
  const words: Record<string, string> = {
    due_day: 'Nhắc đúng ngày đến hạn',
    overdue: 'Nhắc nhiệm vụ quá hạn',
    escalate_agency: 'Báo thủ trưởng cơ quan: quá hạn',
    escalate_office: 'Báo Văn phòng: quá hạn',
    escalate_leader: 'Báo lãnh đạo phụ trách: quá hạn nhiều ngày',
    digest_daily: 'Tổng hợp hằng ngày',
    digest_weekly: 'Tổng hợp hằng tuần',
  };
  return words[rule] ?? rule;
}

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
  const actor = opts.actor;
  const onlyTo =
    actor.role === 'agency'
      ? sql` and d.channel <> 'webhook' and (d.recipient_key = ${`agency:${actor.agencyId}`} or d.user_id in (select id from users where agency_id = ${actor.agencyId}))`
      : sql``;
  const rows = await queryRows<DeliveryRow>(
    opts.db,
    sql`select d.id, d.pass_date::text, d.recipient_name, d.channel, d.target, d.status, d.attempts, d.sent_at, d.last_error, d.subject,
               array_agg(distinct i.rule order by i.rule) as rules, max(i.planned_due)::text as planned_due
          from reminder_items i join reminder_deliveries d on d.id = i.delivery_id
         where i.assignment_id = ${a.id}${onlyTo}
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
    channelLabel: CHANNEL_VI[r.channel] ?? r.channel,
    // An in-app target is a user id and a webhook target a webhook id: only addresses are shown.
    address: r.channel === 'email' ? r.target : null,
    status: r.status,
    statusLabel: STATUS_VI[r.status] ?? r.status,
    attempts: Number(r.attempts),
    sentAt: r.sent_at,
    lastError: r.last_error,
    subject: r.subject,
    rules: r.rules,
    ruleLabels: r.rules.map(ruleLabelVi),
    plannedDue: r.planned_due,
  };
}
