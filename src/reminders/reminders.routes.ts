/**
 * HTTP routes of the reminder engine: the bell (own notifications), the rules and templates
 * (admin/office), the holiday overrides (admin), the delivery history of one assignment (same
 * visibility as the assignment), and the webhooks (admin). Thin: validate → authorize → use case.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/context';
import { IdParams, noContent, responses } from '../http/schemas';
import { CalendarOverridesOut, CalendarOverridesSaved, DeliveryList, NotificationList, NotificationRead, ReminderRulesOut, ReminderRulesSaved, WebhookCreated, WebhookList } from './reminders.responses';
import { listNotifications } from './list-notifications';
import { markNotificationRead } from './mark-notification-read';
import { getReminderRules } from './get-reminder-rules';
import { updateReminderRules } from './update-reminder-rules';
import { getCalendarOverrides } from './get-calendar-overrides';
import { replaceCalendarOverrides } from './replace-calendar-overrides';
import { listAssignmentDeliveries } from './list-assignment-deliveries';
import { listWebhooks } from './list-webhooks';
import { createWebhook } from './create-webhook';
import { deleteWebhook } from './delete-webhook';

export async function reminderRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = ctx;

  api.get(
    '/api/notifications',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['reminders'],
        description: 'Thông báo trong ứng dụng của chính người dùng (chuông), mới nhất trước.',
        querystring: Type.Object(
          { unread: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) },
          { additionalProperties: false },
        ),
        response: responses(NotificationList),
      },
    },
    async (request) => listNotifications({ db, actor: requireActor(request), ...request.query }),
  );

  api.post(
    '/api/notifications/:id/read',
    { config: { access: 'signed_in' }, schema: { tags: ['reminders'], description: 'Đánh dấu một thông báo của mình là đã đọc.', params: IdParams, response: responses(NotificationRead) } },
    async (request) => markNotificationRead({ db, actor: requireActor(request), id: request.params.id }),
  );

  api.get(
    '/api/reminders/rules',
    { config: { access: 'manage_reminders' }, schema: { tags: ['reminders'], description: 'Quy tắc nhắc việc và mẫu thông báo đang áp dụng, kèm giá trị mặc định.', response: responses(ReminderRulesOut) } },
    async (request) => getReminderRules({ db, actor: requireActor(request) }),
  );

  api.put(
    '/api/reminders/rules',
    {
      config: { access: 'manage_reminders' },
      schema: {
        tags: ['reminders'],
        description: 'Sửa quy tắc nhắc việc và/hoặc mẫu thông báo. Trường bỏ trống lấy giá trị mặc định. Áp dụng từ lượt nhắc kế tiếp.',
        body: Type.Object(
          { rules: Type.Optional(Type.Record(Type.String(), Type.Unknown())), templates: Type.Optional(Type.Record(Type.String(), Type.Unknown())) },
          { additionalProperties: false },
        ),
        response: responses(ReminderRulesSaved),
      },
    },
    async (request) => updateReminderRules({ db, actor: requireActor(request), ...request.body }),
  );

  api.get(
    '/api/calendar/overrides',
    {
      config: { access: 'manage_settings' },
      schema: { tags: ['calendar'], description: 'Quyết định nghỉ lễ của từng năm do quản trị nhập (ghi đè), và bản mặc định kèm theo dondoc.', response: responses(CalendarOverridesOut) },
    },
    async (request) => getCalendarOverrides({ db, actor: requireActor(request) }),
  );

  api.put(
    '/api/calendar/overrides',
    {
      config: { access: 'manage_settings' },
      schema: {
        tags: ['calendar'],
        description: 'Thay bản ghi đè lịch nghỉ lễ (các năm có trong đây thay cho bản mặc định của năm đó). Kiểm tra đầy đủ; lỗi trả về bằng tiếng Việt.',
        body: Type.Object(
          { $schema: Type.Optional(Type.String()), note: Type.Optional(Type.String()), years: Type.Record(Type.String(), Type.Unknown()) },
          { additionalProperties: false },
        ),
        response: responses(CalendarOverridesSaved),
      },
    },
    async (request) => replaceCalendarOverrides({ db, actor: requireActor(request), overrides: request.body, calendarCache: ctx.calendar }),
  );

  api.get(
    '/api/assignments/:id/deliveries',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['reminders'],
        description:
          'Lịch sử nhắc việc của một nhiệm vụ: đã gửi gì, cho ai, qua kênh nào, kết quả (mã và lời tiếng Việt). Văn phòng, lãnh đạo, quản trị thấy tất cả; cán bộ của một cơ quan chỉ thấy các nhắc việc gửi tới cơ quan mình (thủ trưởng và cán bộ của cơ quan).',
        params: IdParams,
        response: responses(DeliveryList),
      },
    },
    async (request) => listAssignmentDeliveries({ db, actor: requireActor(request), assignmentId: request.params.id }),
  );

  api.get(
    '/api/webhooks',
    { config: { access: 'manage_settings' }, schema: { tags: ['reminders'], description: 'Webhook nhận nhắc việc (quản trị). Không trả về khóa bí mật.', response: responses(WebhookList) } },
    async (request) => listWebhooks({ db, actor: requireActor(request) }),
  );

  api.post(
    '/api/webhooks',
    {
      config: { access: 'manage_settings' },
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
        response: responses(WebhookCreated, 201),
      },
    },
    async (request, reply) => {
      const created = await createWebhook({ db, actor: requireActor(request), ...request.body });
      reply.code(201);
      return created;
    },
  );

  api.delete(
    '/api/webhooks/:id',
    {
      config: { access: 'manage_settings' },
      schema: { tags: ['reminders'], description: 'Xóa webhook; các lần gửi chưa thực hiện tới webhook này được bỏ qua (ghi rõ trong lịch sử).', params: IdParams, response: noContent },
    },
    async (request, reply) => {
      await deleteWebhook({ db, actor: requireActor(request), id: request.params.id });
      reply.code(204);
    },
  );
}
