import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import { assignments } from '../assignments/assignments.schema';
import { supportsSql } from '../assignments/assignment-scope';
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
        description: 'Nhật ký thay đổi (chỉ ghi thêm), mới nhất trước. Cán bộ cơ quan chỉ thấy sự kiện của cơ quan mình và của nhiệm vụ cơ quan mình phối hợp.',
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
      // An agency reads its own history and that of the tasks it supports (phối hợp).
      if (scope) conds.push(or(eq(events.agencyId, scope), inArray(events.assignmentId, ctx.db.select({ id: assignments.id }).from(assignments).where(supportsSql(assignments.supportAgencyIds, scope))))!);
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
