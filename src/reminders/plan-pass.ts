/**
 * Plans one day's pass into the outbox: loads the open assignments and the addressees, asks the
 * pure planner, and writes the deliveries and their items in ONE transaction under an advisory
 * lock, so two instances planning the same day at once plan each occurrence once. The unique keys
 * (delivery dedupe key, item occurrence key) stay as the last line of defence.
 */
import { createHash, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { bucketInSql } from '../assignments/buckets';
import type { Db, DbOrTx } from '../db/client';
import { queryRows } from '../db/sql';
import { assignments } from '../assignments/assignments.schema';
import { users, type Channel } from '../auth/auth.schema';
import { agencies } from '../directory/directory.schema';
import { recordEvent } from '../events/record-event';
import { SYSTEM_ACTOR } from '../auth/actor';
import type { Calendar } from '../calendar';
import { webhooks } from './reminders.schema';
import { occurrenceKey, planReminders, type Addressee, type PlanAssignment, type PlanDirectory, type PlannedMessage } from './plan-reminders';
import { isCapped, type ReminderRules } from './reminder-rules';

const PLAN_LOCK_KEY = 4_242_005;
const CHUNK = 2000;

export interface PassOptions {
  date: string;
  rules: ReminderRules;
  calendar: Calendar;
  /** Host part of the Message-IDs (the public URL's host). */
  messageHost: string;
  dryRun?: boolean;
  /** False when no SMTP_URL is set: the e-mail channel is off, so nothing is planned on it. */
  emailEnabled?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface PassResult {
  date: string;
  messages: PlannedMessage[];
  /** Deliveries written (0 on a dry run or when another instance planned them first). */
  created: number;
  items: number;
  /** Agencies with open tasks due for a reminder but no mailbox and no active officer: nobody to tell. */
  unreachable: { agencyId: string; name: string; assignments: number }[];
}

async function loadDirectory(db: DbOrTx, emailEnabled: boolean): Promise<PlanDirectory> {
  // One after the other: inside a transaction they share one connection.
  const agencyRows = await db.select({ id: agencies.id, name: agencies.name, email: agencies.email }).from(agencies);
  const userRows = await db.select().from(users).where(eq(users.active, true));
  const hookRows = await db.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.active, true));
  const byAgency = new Map<string, Addressee[]>();
  for (const a of agencyRows) {
    if (a.email && emailEnabled) byAgency.set(a.id, [{ key: `agency:${a.id}`, userId: null, name: `Thủ trưởng ${a.name}`, email: a.email, channels: ['email'] }]);
  }
  const byUser = new Map<string, Addressee>();
  const office: Addressee[] = [];
  for (const u of userRows) {
    const channels = (u.channels as Channel[]).filter((c) => emailEnabled || c !== 'email');
    const who: Addressee = { key: `user:${u.id}`, userId: u.id, name: u.displayName, email: u.email, channels };
    byUser.set(u.id, who);
    if (u.role === 'agency' && u.agencyId) byAgency.set(u.agencyId, [...(byAgency.get(u.agencyId) ?? []), who]);
    if (u.role === 'office') office.push(who);
  }
  return { agency: (id) => byAgency.get(id) ?? [], office, user: (id) => byUser.get(id), webhookIds: hookRows.map((h) => h.id) };
}

/**
 * The tasks open on the pass date by the one as-of rule (in time or overdue), with the facts the
 * planner reads the rule from again in TypeScript: what is reminded is what the dashboard counts.
 */
export async function loadOpenAssignments(db: DbOrTx, date: string): Promise<PlanAssignment[]> {
  return (
    await db
      .select({
        id: assignments.id,
        agencyId: assignments.agencyId,
        leaderId: assignments.leaderId,
        publishedOn: assignments.publishedOn,
        due: assignments.due,
        dueHistory: assignments.dueHistory,
        acceptedOn: assignments.acceptedOn,
        completedOn: assignments.completedOn,
        cancelledOn: assignments.cancelledOn,
      })
      .from(assignments)
      .where(sql`${bucketInSql(['open_on_time', 'open_overdue'], date, 'assignments')}`)
  ).map((a) => ({ ...a, dueHistory: a.dueHistory ?? [] }));
}

async function plan(db: DbOrTx, opts: PassOptions): Promise<{ messages: PlannedMessage[]; unreachable: PassResult['unreachable'] }> {
  const { date, rules, calendar } = opts;
  const open = await loadOpenAssignments(db, date);
  const directory = await loadDirectory(db, opts.emailEnabled ?? true);
  const from = calendar.isWorkingDay(date) ? calendar.addWorkingDays(date, -Math.max(rules.catchUpDays, 0)) : date;
  const planned = new Set(
    (
      await queryRows<{ assignment_id: string; rule: string; occurrence: string; planned_due: string }>(
        db,
        sql`select distinct assignment_id, rule, occurrence::text, planned_due::text from reminder_items where occurrence >= ${from}::date`,
      )
    ).map((r) => occurrenceKey({ assignmentId: r.assignment_id, rule: r.rule, occurrence: r.occurrence, plannedDue: r.planned_due })),
  );
  const counts = new Map<string, number>();
  for (const r of await queryRows<{ assignment_id: string; rule: string; n: number }>(
    db,
    sql`select i.assignment_id, i.rule, count(distinct (i.occurrence, i.planned_due))::int as n
        from reminder_items i join assignments a on a.id = i.assignment_id
        where a.state not in ('done', 'cancelled') and i.rule not like 'digest%'
        group by i.assignment_id, i.rule`,
  )) {
    if (isCapped(r.rule)) counts.set(`${r.assignment_id}|${r.rule}`, Number(r.n));
  }
  const messages = planReminders({
    date,
    rules,
    calendar,
    assignments: open,
    directory,
    alreadyPlanned: (k) => planned.has(k),
    plannedCount: (a, rule) => counts.get(`${a}|${rule}`) ?? 0,
  });
  // Never silently: an agency nobody can be told about is reported with the pass.
  const lonely = new Map<string, number>();
  for (const a of open) if (directory.agency(a.agencyId).length === 0) lonely.set(a.agencyId, (lonely.get(a.agencyId) ?? 0) + 1);
  const unreachable: PassResult['unreachable'] = [];
  if (lonely.size) {
    const names = new Map((await db.select({ id: agencies.id, name: agencies.name }).from(agencies)).map((a) => [a.id, a.name]));
    for (const [agencyId, n] of lonely) unreachable.push({ agencyId, name: names.get(agencyId) ?? agencyId, assignments: n });
  }
  return { messages, unreachable };
}

export function dedupeKeyOf(date: string, m: PlannedMessage): string {
  const h = createHash('sha256');
  h.update(`${m.channel}\n${m.target}\n${m.channel === 'webhook' ? m.recipientKey : ''}\n`);
  for (const k of m.items.map(occurrenceKey).sort()) h.update(`${k}\n`);
  return `${date}:${m.channel}:${h.digest('hex').slice(0, 40)}`;
}

/** Plans the pass of `opts.date`; with `dryRun` only answers what would be sent. */
export async function planPass(db: Db, opts: PassOptions): Promise<PassResult> {
  if (opts.dryRun) {
    const { messages, unreachable } = await plan(db, opts);
    return { date: opts.date, messages, created: 0, items: 0, unreachable };
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PLAN_LOCK_KEY})`);
    const { messages, unreachable } = await plan(tx, opts);
    let created = 0;
    let items = 0;
    for (let i = 0; i < messages.length; i += CHUNK) {
      const chunk = messages.slice(i, i + CHUNK).map((m) => ({ m, id: randomUUID(), key: dedupeKeyOf(opts.date, m) }));
      // One JSON parameter per chunk: fast on PostgreSQL and PGlite alike, whatever the row count.
      const inserted = await queryRows<{ id: string }>(
        tx,
        sql`insert into reminder_deliveries (id, dedupe_key, pass_date, recipient_key, user_id, recipient_name, channel, target, message_id, item_count)
            select v.id, v.k, ${opts.date}::date, v.r, v.u, v.n, v.c, v.t, v.m, v.i
              from jsonb_to_recordset(${JSON.stringify(
                chunk.map(({ m, id, key }) => ({
                  id,
                  k: key,
                  r: m.recipientKey,
                  u: m.userId,
                  n: m.recipientName,
                  c: m.channel,
                  t: m.target,
                  m: `<${id}.reminder@${opts.messageHost}>`,
                  i: m.items.length,
                })),
              )}::jsonb) as v(id uuid, k text, r text, u uuid, n text, c text, t text, m text, i int)
            on conflict (dedupe_key) do nothing
            returning id`,
      );
      const kept = new Set(inserted.map((r) => r.id));
      const rows = chunk
        .filter((c) => kept.has(c.id))
        .flatMap(({ m, id }) => m.items.map((it) => ({ d: id, a: it.assignmentId, ru: it.rule, o: it.occurrence, p: it.plannedDue, r: m.recipientKey, c: m.channel, t: m.target })));
      for (let j = 0; j < rows.length; j += CHUNK * 5) {
        await tx.execute(
          sql`insert into reminder_items (delivery_id, assignment_id, rule, occurrence, planned_due, recipient_key, channel, target)
              select v.d, v.a, v.ru, v.o, v.p, v.r, v.c, v.t
                from jsonb_to_recordset(${JSON.stringify(rows.slice(j, j + CHUNK * 5))}::jsonb)
                  as v(d uuid, a uuid, ru text, o date, p date, r text, c text, t text)
              on conflict do nothing`,
        );
      }
      created += kept.size;
      items += rows.length;
      opts.onProgress?.(Math.min(i + CHUNK, messages.length), messages.length);
    }
    // Written only when something was planned, so that a quarter-hourly loop does not flood the log.
    if (created > 0) {
      const byChannel: Record<string, number> = {};
      for (const m of messages) byChannel[m.channel] = (byChannel[m.channel] ?? 0) + 1;
      await recordEvent(tx, SYSTEM_ACTOR, {
        action: 'reminders.pass_planned',
        entity: 'reminder_pass',
        entityId: opts.date,
        after: { date: opts.date, deliveries: created, items, byChannel, unreachable: unreachable.slice(0, 200) },
      });
    }
    return { date: opts.date, messages, created, items, unreachable };
  });
}
