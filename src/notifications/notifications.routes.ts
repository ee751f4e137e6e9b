/**
 * The office's inbox (what waits for a decision, oldest first, with counts for the navigation)
 * and "mark all read" for the bell. Thin: validate → authorize → use case.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/context';
import { IsoDate, Nullable, StringEnum, Timestamp, Uuid, responses } from '../http/schemas';
import { countInbox, listInbox } from './list-inbox';
import { markAllNotificationsRead } from './mark-all-read';

const InboxCounts = Type.Object({ completions: Type.Integer({ minimum: 0 }), extensions: Type.Integer({ minimum: 0 }) });
const InboxEntry = Type.Object({
  kind: StringEnum(['completion', 'extension'] as const, { description: 'completion: báo cáo hoàn thành chờ duyệt; extension: đề nghị gia hạn chờ quyết định.' }),
  id: Uuid,
  assignmentId: Uuid,
  ref: Nullable(Type.String()),
  text: Type.String(),
  agencyName: Type.String(),
  documentNumber: Nullable(Type.String()),
  due: Nullable(IsoDate),
  requestedDue: Nullable(IsoDate),
  note: Type.String(),
  submittedBy: Nullable(Type.String()),
  submittedAt: Timestamp,
});

export async function notificationRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = ctx;

  api.get(
    '/api/inbox',
    {
      config: { access: 'review_completion' },
      schema: {
        tags: ['follow-up'],
        description:
          'Việc cần xử lý: báo cáo hoàn thành chờ duyệt và đề nghị gia hạn chờ quyết định, cũ nhất trước. Văn phòng, quản trị thấy tất cả; lãnh đạo thấy các nhiệm vụ mình phụ trách.',
        querystring: Type.Object(
          { kind: Type.Optional(StringEnum(['completion', 'extension'] as const)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
          { additionalProperties: false },
        ),
        response: responses(Type.Object({ items: Type.Array(InboxEntry), counts: InboxCounts })),
      },
    },
    async (request) => listInbox(db, requireActor(request), request.query),
  );

  api.get(
    '/api/inbox/counts',
    { config: { access: 'review_completion' }, schema: { tags: ['follow-up'], description: 'Số việc cần xử lý, cho thanh điều hướng.', response: responses(InboxCounts) } },
    async (request) => countInbox(db, requireActor(request)),
  );

  api.post(
    '/api/notifications/read-all',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['reminders'], description: 'Đánh dấu mọi thông báo của mình là đã đọc.', response: responses(Type.Object({ marked: Type.Integer({ minimum: 0 }) })) },
    },
    async (request) => markAllNotificationsRead({ db, actor: requireActor(request) }),
  );
}
