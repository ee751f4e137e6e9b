/**
 * HTTP routes of the reminder engine: the bell (own notifications), the rules and templates
 * (admin/office), the holiday overrides (admin), the delivery history of one assignment (same
 * visibility as the assignment), and the webhooks (admin). Thin: validate → authorize → use case.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/context';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { forbidden, notFound, AppError } from '../shared/errors';
import { recordEvent } from '../events/record-event';
import { readAssignment } from '../assignments/assignment-access';
import { queryRows } from '../db/sql';
import { defaultOverrides, parseOverrides } from '../calendar';
import { notifications, webhooks } from './reminders.schema';
import { DEFAULT_REMINDER_RULES, parseReminderRules, REMINDER_RULES_KEY } from './reminder-rules';
import { DEFAULT_TEMPLATES, parseTemplates, REMINDER_TEMPLATES_KEY } from './message-templates';
import { CALENDAR_OVERRIDES_KEY, loadOverrides, loadRules, loadTemplates, writeSetting } from './reminder-settings';

const Uuid = Type.String({ format: 'uuid' });
const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

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

function requireOfficeOrAdmin(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'office') throw forbidden('Chỉ Quản trị hoặc Văn phòng UBND tỉnh được xem và sửa quy tắc nhắc việc.');
}

export async function reminderRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/notifications',
    {
      schema: {
        tags: ['reminders'],
        description: 'Thông báo trong ứng dụng của chính người dùng (chuông), mới nhất trước.',
        querystring: Type.Object(
          { unread: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.id) throw forbidden();
      const own = eq(notifications.userId, actor.id);
      const items = await ctx.db
        .select({ id: notifications.id, title: notifications.title, body: notifications.body, link: notifications.link, readAt: notifications.readAt, createdAt: notifications.createdAt })
        .from(notifications)
        .where(request.query.unread ? and(own, isNull(notifications.readAt)) : own)
        .orderBy(desc(notifications.createdAt))
        .limit(request.query.limit ?? 50);
      const [{ n }] = await ctx.db.select({ n: count() }).from(notifications).where(and(own, isNull(notifications.readAt)));
      return { items, unread: Number(n) };
    },
  );

  api.post(
    '/api/notifications/:id/read',
    { schema: { tags: ['reminders'], description: 'Đánh dấu một thông báo của mình là đã đọc.', params: IdParams } },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.id) throw forbidden();
      const [row] = await ctx.db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
        .where(and(eq(notifications.id, request.params.id), eq(notifications.userId, actor.id)))
        .returning({ id: notifications.id, readAt: notifications.readAt });
      if (!row) throw notFound('thông báo');
      return row;
    },
  );

  api.get(
    '/api/reminders/rules',
    { schema: { tags: ['reminders'], description: 'Quy tắc nhắc việc và mẫu thông báo đang áp dụng, kèm giá trị mặc định.' } },
    async (request) => {
      requireOfficeOrAdmin(requireActor(request));
      return { rules: await loadRules(ctx.db), templates: await loadTemplates(ctx.db), defaults: { rules: DEFAULT_REMINDER_RULES, templates: DEFAULT_TEMPLATES } };
    },
  );

  api.put(
    '/api/reminders/rules',
    {
      schema: {
        tags: ['reminders'],
        description: 'Sửa quy tắc nhắc việc và/hoặc mẫu thông báo. Trường bỏ trống lấy giá trị mặc định. Áp dụng từ lượt nhắc kế tiếp.',
        body: Type.Object(
          { rules: Type.Optional(Type.Record(Type.String(), Type.Unknown())), templates: Type.Optional(Type.Record(Type.String(), Type.Unknown())) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requireOfficeOrAdmin(actor);
      const { body } = request;
      if (!body.rules && !body.templates) throw new AppError('VALIDATION', 'Cần gửi "rules" hoặc "templates".');
      const rules = body.rules ? parseReminderRules(body.rules) : undefined;
      const templates = body.templates ? parseTemplates(body.templates) : undefined;
      await ctx.db.transaction(async (tx) => {
        const before = { rules: await loadRules(tx), templates: await loadTemplates(tx) };
        if (rules) await writeSetting(tx, REMINDER_RULES_KEY, rules);
        if (templates) await writeSetting(tx, REMINDER_TEMPLATES_KEY, templates);
        await recordEvent(tx, actor, {
          action: 'reminders.rules_changed',
          entity: 'setting',
          entityId: REMINDER_RULES_KEY,
          before: { ...(rules ? { rules: before.rules } : {}), ...(templates ? { templates: before.templates } : {}) },
          after: { ...(rules ? { rules } : {}), ...(templates ? { templates } : {}) },
        });
      });
      return { rules: await loadRules(ctx.db), templates: await loadTemplates(ctx.db) };
    },
  );

  api.get(
    '/api/calendar/overrides',
    { schema: { tags: ['calendar'], description: 'Quyết định nghỉ lễ của từng năm do quản trị nhập (ghi đè), và bản mặc định kèm theo dondoc.' } },
    async (request) => {
      authorize(requireActor(request), 'manage_settings');
      return { overrides: await loadOverrides(ctx.db), defaults: defaultOverrides };
    },
  );

  api.put(
    '/api/calendar/overrides',
    {
      schema: {
        tags: ['calendar'],
        description: 'Thay bản ghi đè lịch nghỉ lễ (các năm có trong đây thay cho bản mặc định của năm đó). Kiểm tra đầy đủ; lỗi trả về bằng tiếng Việt.',
        body: Type.Object(
          { $schema: Type.Optional(Type.String()), note: Type.Optional(Type.String()), years: Type.Record(Type.String(), Type.Unknown()) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'manage_settings');
      const overrides = parseOverrides(request.body);
      await ctx.db.transaction(async (tx) => {
        const before = await loadOverrides(tx);
        await writeSetting(tx, CALENDAR_OVERRIDES_KEY, overrides);
        await recordEvent(tx, actor, { action: 'calendar.overrides_changed', entity: 'setting', entityId: CALENDAR_OVERRIDES_KEY, before, after: overrides });
      });
      return { overrides };
    },
  );

  api.get(
    '/api/assignments/:id/deliveries',
    {
      schema: {
        tags: ['reminders'],
        description:
          'Lịch sử nhắc việc của một nhiệm vụ: đã gửi gì, cho ai, qua kênh nào, kết quả (mã và lời tiếng Việt). Văn phòng, lãnh đạo, quản trị thấy tất cả; cán bộ của một cơ quan chỉ thấy các nhắc việc gửi tới cơ quan mình (thủ trưởng và cán bộ của cơ quan).',
        params: IdParams,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const a = await readAssignment(ctx.db, actor, request.params.id);
      // An agency sees the messages sent to it — its head's mailbox and its own officers — never
      // the office's digests, the escalations to the leader, or anyone else's addresses.
      const onlyTo =
        actor.role === 'agency'
          ? sql` and (d.recipient_key = ${`agency:${actor.agencyId}`} or d.user_id in (select id from users where agency_id = ${actor.agencyId}))`
          : sql``;
      const rows = await queryRows<{
        id: string;
        pass_date: string;
        recipient_name: string;
        channel: string;
        target: string;
        status: string;
        attempts: number;
        sent_at: string | null;
        last_error: string | null;
        subject: string | null;
        rules: string[];
        planned_due: string;
      }>(
        ctx.db,
        sql`select d.id, d.pass_date::text, d.recipient_name, d.channel, d.target, d.status, d.attempts, d.sent_at, d.last_error, d.subject,
                   array_agg(distinct i.rule order by i.rule) as rules, max(i.planned_due)::text as planned_due
              from reminder_items i join reminder_deliveries d on d.id = i.delivery_id
             where i.assignment_id = ${a.id}${onlyTo}
             group by d.id
             order by d.pass_date desc, d.created_at desc
             limit 500`,
      );
      return {
        items: rows.map((r) => ({
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
        })),
      };
    },
  );

  const WebhookOut = (w: typeof webhooks.$inferSelect) => ({ id: w.id, url: w.url, description: w.description, active: w.active, createdAt: w.createdAt });

  api.get('/api/webhooks', { schema: { tags: ['reminders'], description: 'Webhook nhận nhắc việc (quản trị). Không trả về khóa bí mật.' } }, async (request) => {
    authorize(requireActor(request), 'manage_settings');
    return { items: (await ctx.db.select().from(webhooks).orderBy(webhooks.createdAt)).map(WebhookOut) };
  });

  api.post(
    '/api/webhooks',
    {
      schema: {
        tags: ['reminders'],
        description:
          'Thêm webhook. Mỗi lần gửi có header X-Dondoc-Signature: sha256=<HMAC-SHA256 của thân yêu cầu với khóa bí mật>. Khóa bí mật chỉ trả về một lần khi tạo.',
        body: Type.Object(
          {
            url: Type.String({ format: 'uri', maxLength: 2000 }),
            description: Type.Optional(Type.String({ maxLength: 500 })),
            secret: Type.Optional(Type.String({ minLength: 16, maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'manage_settings');
      const { url, description } = request.body;
      if (!/^https?:\/\//i.test(url)) throw new AppError('VALIDATION', 'Địa chỉ webhook phải bắt đầu bằng http:// hoặc https://.');
      const secret = request.body.secret ?? randomBytes(24).toString('base64url');
      const row = await ctx.db.transaction(async (tx) => {
        const [w] = await tx.insert(webhooks).values({ url, description: description ?? null, secret, createdBy: actor.id }).returning();
        await recordEvent(tx, actor, { action: 'webhook.created', entity: 'webhook', entityId: w.id, after: { url, description: description ?? null } });
        return w;
      });
      reply.code(201);
      return { ...WebhookOut(row), secret };
    },
  );

  api.delete(
    '/api/webhooks/:id',
    { schema: { tags: ['reminders'], description: 'Xóa webhook; các lần gửi chưa thực hiện tới webhook này được bỏ qua (ghi rõ trong lịch sử).', params: IdParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'manage_settings');
      await ctx.db.transaction(async (tx) => {
        const [w] = await tx.delete(webhooks).where(eq(webhooks.id, request.params.id)).returning();
        if (!w) throw notFound('webhook');
        await recordEvent(tx, actor, { action: 'webhook.deleted', entity: 'webhook', entityId: w.id, before: { url: w.url, description: w.description } });
      });
      reply.code(204);
    },
  );
}
