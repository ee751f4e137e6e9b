import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/context';
import { IdParams, Nullable, errorResponses } from '../http/schemas';
import { authorize } from '../auth/policy';
import { AppError, notFound } from '../shared/errors';
import type { Tx } from '../db/client';
import { recordEvent } from '../events/record-event';
import { agencies, agencyAliases, groups, groupMembers, AGENCY_KINDS } from './directory.schema';
import { nameKey } from './directory-index';
import { parseDirectoryJson } from './directory-file';
import { importDirectory } from './import-directory';

export async function directoryRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/agencies',
    { schema: { tags: ['directory'], querystring: Type.Object({ includeRetired: Type.Optional(Type.Boolean()) }, { additionalProperties: false }) } },
    async (request) => {
      requireActor(request);
      const [rows, aliasRows] = await Promise.all([ctx.db.select().from(agencies).orderBy(asc(agencies.kind), asc(agencies.name)), ctx.db.select().from(agencyAliases)]);
      const aliasesOf = new Map<string, string[]>();
      for (const a of aliasRows) aliasesOf.set(a.agencyId, [...(aliasesOf.get(a.agencyId) ?? []), a.alias]);
      const items = rows.filter((a) => request.query.includeRetired || !a.successorId).map((a) => ({ ...a, aliases: aliasesOf.get(a.id) ?? [] }));
      return { items };
    },
  );

  const AgencyBody = Type.Object(
    {
      code: Type.String({ minLength: 1, maxLength: 60 }),
      name: Type.String({ minLength: 2, maxLength: 300 }),
      shortName: Type.Optional(Nullable(Type.String())),
      kind: Type.Union(AGENCY_KINDS.map((k) => Type.Literal(k))),
      email: Type.Optional(Nullable(Type.String({ format: 'email' }))),
      aliases: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
      parentId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
      successorId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
      validTo: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    },
    { additionalProperties: false },
  );

  api.post('/api/agencies', { schema: { tags: ['directory'], body: AgencyBody, response: errorResponses } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'manage_directory');
    const { aliases = [], ...values } = request.body;
    const row = await ctx.db.transaction(async (tx) => {
      const [a] = await tx.insert(agencies).values(values).returning();
      for (const alias of new Set(aliases)) await tx.insert(agencyAliases).values({ agencyId: a.id, alias, key: nameKey(alias) }).onConflictDoNothing();
      await recordEvent(tx, actor, { action: 'agency.created', entity: 'agency', entityId: a.id, agencyId: a.id, after: { ...a, aliases } });
      return a;
    });
    reply.status(201);
    return row;
  });

  api.patch(
    '/api/agencies/:id',
    { schema: { tags: ['directory'], params: IdParams, body: Type.Partial(AgencyBody), response: errorResponses } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'manage_directory');
      const { aliases, ...values } = request.body;
      return ctx.db.transaction(async (tx) => {
        const [before] = await tx.select().from(agencies).where(eq(agencies.id, request.params.id));
        if (!before) throw notFound('cơ quan');
        const [after] = Object.keys(values).length ? await tx.update(agencies).set(values).where(eq(agencies.id, before.id)).returning() : [before];
        if (aliases) {
          await tx.delete(agencyAliases).where(eq(agencyAliases.agencyId, before.id));
          for (const alias of new Set(aliases)) await tx.insert(agencyAliases).values({ agencyId: before.id, alias, key: nameKey(alias) }).onConflictDoNothing();
        }
        await recordEvent(tx, actor, { action: 'agency.updated', entity: 'agency', entityId: before.id, agencyId: before.id, before, after: { ...after, ...(aliases ? { aliases } : {}) } });
        return after;
      });
    },
  );

  api.get('/api/groups', { schema: { tags: ['directory'] } }, async (request) => {
    requireActor(request);
    const [rows, members] = await Promise.all([ctx.db.select().from(groups).orderBy(asc(groups.name)), ctx.db.select().from(groupMembers)]);
    return { items: rows.map((g) => ({ ...g, memberIds: members.filter((m) => m.groupId === g.id).map((m) => m.agencyId) })) };
  });

  const GroupBody = Type.Object(
    {
      code: Type.String({ minLength: 1, maxLength: 60 }),
      name: Type.String({ minLength: 2, maxLength: 300, description: 'Tên nhóm như văn bản viết, ví dụ "các sở, ban, ngành".' }),
      aliases: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
      memberIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { description: 'Các cơ quan thuộc nhóm; khi sửa, danh sách này thay cho danh sách cũ.' })),
    },
    { additionalProperties: false },
  );

  /** Refuses member ids that name no agency, with the ids, before anything is written. */
  async function checkMembers(tx: Tx, ids: string[]) {
    if (!ids.length) return;
    const found = new Set((await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, ids))).map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw new AppError('VALIDATION', `Không có cơ quan với mã định danh: ${missing.join(', ')}.`, { missing });
  }
  const groupView = async (tx: Tx, id: string) => {
    const [g] = await tx.select().from(groups).where(eq(groups.id, id));
    const members = await tx.select({ agencyId: groupMembers.agencyId }).from(groupMembers).where(eq(groupMembers.groupId, id));
    return { ...g, memberIds: members.map((m) => m.agencyId) };
  };

  api.post('/api/groups', { schema: { tags: ['directory'], body: GroupBody, response: errorResponses } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'manage_directory');
    const { memberIds = [], aliases = [], ...values } = request.body;
    const view = await ctx.db.transaction(async (tx) => {
      await checkMembers(tx, memberIds);
      const [g] = await tx.insert(groups).values({ ...values, aliases }).returning();
      for (const agencyId of new Set(memberIds)) await tx.insert(groupMembers).values({ groupId: g.id, agencyId });
      const after = await groupView(tx, g.id);
      await recordEvent(tx, actor, { action: 'group.created', entity: 'group', entityId: g.id, after });
      return after;
    });
    reply.status(201);
    return view;
  });

  api.patch(
    '/api/groups/:id',
    { schema: { tags: ['directory'], params: IdParams, body: Type.Partial(GroupBody), response: errorResponses } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'manage_directory');
      const { memberIds, ...values } = request.body;
      return ctx.db.transaction(async (tx) => {
        const [exists] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, request.params.id));
        if (!exists) throw notFound('nhóm cơ quan');
        const before = await groupView(tx, exists.id);
        if (Object.keys(values).length) await tx.update(groups).set(values).where(eq(groups.id, exists.id));
        if (memberIds) {
          await checkMembers(tx, memberIds);
          await tx.delete(groupMembers).where(eq(groupMembers.groupId, exists.id));
          for (const agencyId of new Set(memberIds)) await tx.insert(groupMembers).values({ groupId: exists.id, agencyId });
        }
        const after = await groupView(tx, exists.id);
        await recordEvent(tx, actor, { action: 'group.updated', entity: 'group', entityId: exists.id, before, after });
        return after;
      });
    },
  );

  api.delete('/api/groups/:id', { schema: { tags: ['directory'], params: IdParams, response: errorResponses } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'manage_directory');
    // Assignments already published keep their agencies: a group is only expanded when publishing.
    await ctx.db.transaction(async (tx) => {
      const [exists] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, request.params.id));
      if (!exists) throw notFound('nhóm cơ quan');
      const before = await groupView(tx, exists.id);
      await tx.delete(groups).where(eq(groups.id, exists.id));
      await recordEvent(tx, actor, { action: 'group.deleted', entity: 'group', entityId: exists.id, before });
    });
    return { ok: true };
  });

  api.post(
    '/api/directory/import',
    { schema: { tags: ['directory'], description: 'Nạp danh mục (định dạng như shared/directory/caobang.json).', body: Type.Object({}, { additionalProperties: true }) } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'manage_directory');
      return importDirectory(ctx.db, actor, parseDirectoryJson(request.body));
    },
  );
}
