import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/context';
import { agencyScope } from '../auth/policy';
import { events } from './events.schema';
import { responses } from '../http/schemas';
import { EventPage } from './events.responses';

export async function eventRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/events',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['events'],
        description: 'Nhật ký thay đổi (chỉ ghi thêm), mới nhất trước. Cán bộ cơ quan chỉ thấy sự kiện của cơ quan mình.',
        querystring: Type.Object(
          {
            assignmentId: Type.Optional(Type.String({ format: 'uuid' })),
            documentId: Type.Optional(Type.String({ format: 'uuid' })),
            before: Type.Optional(Type.Integer({ minimum: 1, description: 'cursor: id of the last event seen' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: responses(EventPage),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const conds: SQL[] = [];
      const scope = agencyScope(actor);
      if (scope) conds.push(eq(events.agencyId, scope));
      if (q.assignmentId) conds.push(eq(events.assignmentId, q.assignmentId));
      if (q.documentId) conds.push(eq(events.documentId, q.documentId));
      if (q.before) conds.push(lt(events.id, q.before));
      const limit = q.limit ?? 100;
      const items = await ctx.db
        .select()
        .from(events)
        .where(conds.length ? and(...conds) : undefined)
        .orderBy(desc(events.id))
        .limit(limit);
      return { items, nextCursor: items.length === limit ? items[items.length - 1].id : null };
    },
  );
}
