/** HTTP routes of the directory: agencies, groups, import. Thin: validate → authorize → use case. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/context';
import { IdParams, Nullable, Ok, responses } from '../http/schemas';
import { AgencyList, AgencyOut, GroupList, GroupOut, ImportResult } from './directory.responses';
import { AGENCY_KINDS } from './directory.schema';
import { parseDirectoryJson } from './directory-file';
import { importDirectory } from './import-directory';
import { listAgencies } from './list-agencies';
import { createAgency } from './create-agency';
import { updateAgency } from './update-agency';
import { listGroups } from './list-groups';
import { createGroup } from './create-group';
import { updateGroup } from './update-group';
import { deleteGroup } from './delete-group';
import { FIELD } from '../shared/field-limits';

const AgencyBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: FIELD.code }),
    name: Type.String({ minLength: 2, maxLength: FIELD.name }),
    shortName: Type.Optional(Nullable(Type.String({ maxLength: FIELD.shortName }))),
    kind: Type.Union(AGENCY_KINDS.map((k) => Type.Literal(k))),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: FIELD.email }))),
    aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: FIELD.name }), { maxItems: 100 })),
    parentId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    successorId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    validTo: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  },
  { additionalProperties: false },
);

const GroupBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: FIELD.code }),
    name: Type.String({ minLength: 2, maxLength: FIELD.name, description: 'Tên nhóm như văn bản viết, ví dụ "các sở, ban, ngành".' }),
    aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: FIELD.name }), { maxItems: 100 })),
    memberIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { description: 'Các cơ quan thuộc nhóm; khi sửa, danh sách này thay cho danh sách cũ.' })),
  },
  { additionalProperties: false },
);

export async function directoryRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = ctx;

  api.get(
    '/api/agencies',
    {
      config: { access: 'read_directory' },
      schema: { tags: ['directory'], querystring: Type.Object({ includeRetired: Type.Optional(Type.Boolean()) }, { additionalProperties: false }), response: responses(AgencyList) },
    },
    async (request) => listAgencies({ db, actor: requireActor(request), includeRetired: request.query.includeRetired }),
  );

  api.post(
    '/api/agencies',
    { config: { access: 'manage_directory' }, schema: { tags: ['directory'], body: AgencyBody, response: responses(AgencyOut, 201) } },
    async (request, reply) => {
      const agency = await createAgency({ db, actor: requireActor(request), agency: request.body });
      reply.status(201);
      return agency;
    },
  );

  api.patch(
    '/api/agencies/:id',
    { config: { access: 'manage_directory' }, schema: { tags: ['directory'], params: IdParams, body: Type.Partial(AgencyBody), response: responses(AgencyOut) } },
    async (request) => updateAgency({ db, actor: requireActor(request), id: request.params.id, changes: request.body }),
  );

  api.get('/api/groups', { config: { access: 'read_directory' }, schema: { tags: ['directory'], response: responses(GroupList) } }, async (request) => listGroups({ db, actor: requireActor(request) }));

  api.post(
    '/api/groups',
    { config: { access: 'manage_directory' }, schema: { tags: ['directory'], body: GroupBody, response: responses(GroupOut, 201) } },
    async (request, reply) => {
      const group = await createGroup({ db, actor: requireActor(request), group: request.body });
      reply.status(201);
      return group;
    },
  );

  api.patch(
    '/api/groups/:id',
    { config: { access: 'manage_directory' }, schema: { tags: ['directory'], params: IdParams, body: Type.Partial(GroupBody), response: responses(GroupOut) } },
    async (request) => updateGroup({ db, actor: requireActor(request), id: request.params.id, changes: request.body }),
  );

  api.delete(
    '/api/groups/:id',
    { config: { access: 'manage_directory' }, schema: { tags: ['directory'], params: IdParams, response: responses(Ok) } },
    async (request) => deleteGroup({ db, actor: requireActor(request), id: request.params.id }),
  );

  api.post(
    '/api/directory/import',
    {
      config: { access: 'manage_directory' },
      schema: { tags: ['directory'], description: 'Nạp danh mục (định dạng như shared/directory/caobang.json).', body: Type.Object({}, { additionalProperties: true }),
        response: responses(ImportResult),
      },
    },
    async (request) => importDirectory(db, requireActor(request), parseDirectoryJson(request.body)),
  );
}
