import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/context';
import { IdParams, IsoDate, Nullable, SearchText, Timestamp, Uuid, problemResponses, responses } from '../http/schemas';
import { FileJson, fileBytes, multipartWithLimit } from '../http/multipart';
import { sniffMime } from '../http/sniff';
import { AppError, notFound } from '../shared/errors';
import { attachments } from './assignments.schema';
import { BUCKETS, BUCKET_RULE_VI } from './buckets';
import { ASSIGNMENT_STATES, OUTLOOKS } from './state-machine';
import { countAssignments, listAssignments } from './list-assignments';
import { getAssignmentDetail, getItemOverview } from './get-assignment';
import { readAssignment } from './assignment-access';
import { receiveAssignment, reportCompletion, reportProgress } from './follow-up/report-progress';
import { reviewCompletion } from './follow-up/review-completion';
import { postContribution } from './follow-up/post-contribution';
import { decideExtension, requestExtension } from './follow-up/extensions';
import { cancelAssignment, changeDeadline, reassignAssignment } from './follow-up/office-actions';
import { MAX_ATTACHMENT_BYTES } from './follow-up/attachments';
import { mailSwitchOf } from '../notifications/notify';
import { sendAnswer } from '../http/answer-cache';

/** What posting a contribution answers: the contribution and its stored files (never their bytes). */
const ContributionPosted = Type.Object({
  contribution: Type.Object({ id: Uuid, assignmentId: Uuid, agencyId: Uuid, authorId: Nullable(Uuid), text: Type.String(), createdAt: Timestamp }),
  attachments: Type.Array(Type.Object({ id: Uuid, fileName: Type.String(), size: Type.Integer({ minimum: 0 }), mime: Type.String() })),
});
import { FIELD } from '../shared/field-limits';
import { AssignmentCounts, AssignmentDetail, ItemOverview, AssignmentOut, AssignmentPage, ExtensionOut, ReportFiledOut } from './assignments.changes.responses';

const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));

export const AssignmentFilterQuery = Type.Object(
  {
    agencyId: Type.Optional(Uuid),
    role: Type.Optional(
      Type.Union([Type.Literal('lead'), Type.Literal('support')], {
        description: 'lead (mặc định): nhiệm vụ cơ quan chủ trì; support: nhiệm vụ cơ quan được giao phối hợp. Cơ quan là cơ quan của cán bộ, hoặc agencyId.',
      }),
    ),
    bucket: Type.Optional(Type.Array(lit(BUCKETS))),
    state: Type.Optional(Type.Array(lit(ASSIGNMENT_STATES))),
    dueFrom: Type.Optional(IsoDate),
    dueTo: Type.Optional(IsoDate),
    documentId: Type.Optional(Uuid),
    leaderId: Type.Optional(Uuid),
    groupId: Type.Optional(Type.String({ format: 'uuid', description: 'Nhóm cơ quan (ví dụ các sở, ban, ngành; UBND các xã): cơ quan chủ trì tại ngày tính thuộc nhóm.' })),
    q: Type.Optional(SearchText(200, 'Tìm không phân biệt dấu: "giai ngan" tìm được "giải ngân".')),
    pending: Type.Optional(lit(['completion', 'extension'] as const)),
    delivery: Type.Optional(Uuid),
    asOf: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export async function assignmentRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/assignments',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['assignments'],
        description: `Danh sách nhiệm vụ theo cơ quan chủ trì (hoặc phối hợp, role=support), lọc và phân trang bằng cursor. ${BUCKET_RULE_VI}`,
        querystring: Type.Object(
          {
            ...AssignmentFilterQuery.properties,
            sort: Type.Optional(lit(['due', '-due', 'updated'] as const)),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            cursor: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: responses(AssignmentPage),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { delivery, ...query } = request.query;
      const today = ctx.today();
      return sendAnswer(ctx.answers, request, reply, actor, today, () =>
        listAssignments(ctx.db, actor, { ...query, deliveryId: delivery, asOf: query.asOf ?? today, today }, { calendarCache: ctx.calendar }),
      );
    },
  );

  api.get(
    '/api/assignments/counts',
    { config: { access: 'signed_in' }, schema: { tags: ['assignments'], description: `Số nhiệm vụ theo nhóm, theo từng cơ quan. ${BUCKET_RULE_VI}`, querystring: AssignmentFilterQuery, response: responses(AssignmentCounts) } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { bucket: _b, delivery, ...f } = request.query;
      const today = ctx.today();
      return sendAnswer(ctx.answers, request, reply, actor, today, () => countAssignments(ctx.db, actor, { ...f, deliveryId: delivery, asOf: f.asOf ?? today, today }));
    },
  );

  api.get('/api/assignments/:id', { config: { access: 'signed_in' }, schema: { tags: ['assignments'], params: IdParams, response: responses(AssignmentDetail) } }, async (request, reply) => {
    const actor = requireActor(request);
    const today = ctx.today();
    return sendAnswer(ctx.answers, request, reply, actor, today, () => getAssignmentDetail(ctx.db, actor, request.params.id, today, { calendarCache: ctx.calendar }));
  });

  api.get('/api/items/:id', { config: { access: 'signed_in' }, schema: { tags: ['assignments'], params: IdParams, description: 'Một nhiệm vụ của văn bản, qua tất cả các cơ quan được giao.', response: responses(ItemOverview) } }, async (request) => {
    const actor = requireActor(request);
    return getItemOverview(ctx.db, actor, request.params.id, ctx.today());
  });

  api.get('/api/attachments/:id', { config: { access: 'signed_in' }, schema: { tags: ['assignments'], params: IdParams, response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Tệp đính kèm, với kiểu nhận ra từ nội dung.' }), ...problemResponses } } }, async (request, reply) => {
    const actor = requireActor(request);
    const [file] = await ctx.db.select().from(attachments).where(eq(attachments.id, request.params.id));
    if (!file) throw notFound('tệp đính kèm');
    // Visible to whoever may see the task (its lead, its supporting agencies, the readers).
    await readAssignment(ctx.db, actor, file.assignmentId).catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'NOT_FOUND' ? notFound('tệp đính kèm') : e;
    });
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    // The type comes from the bytes, not from the uploader's claim (which could be text/html).
    reply.header('x-content-type-options', 'nosniff');
    return reply.type(sniffMime(file.data, file.fileName)).send(file.data);
  });

  api.post('/api/assignments/:id/receive', { config: { access: 'signed_in' }, schema: { tags: ['follow-up'], params: IdParams, response: responses(AssignmentOut) } }, async (request) => {
    return receiveAssignment(ctx.db, requireActor(request), request.params.id);
  });

  api.post(
    '/api/assignments/:id/progress',
    {
      config: { access: 'signed_in' },
      preValidation: multipartWithLimit(MAX_ATTACHMENT_BYTES),
      schema: {
        tags: ['follow-up'],
        params: IdParams,
        body: Type.Object(
          {
            text: Type.String({ minLength: 1, maxLength: FIELD.reportText }),
            percent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
            outlook: Type.Optional(lit(OUTLOOKS)),
            outlookReason: Type.Optional(Type.String({ maxLength: FIELD.note })),
            files: Type.Optional(Type.Array(FileJson, { maxItems: 5 })),
          },
          { additionalProperties: false },
        ),
        response: responses(ReportFiledOut, 201),
      },
    },
    async (request, reply) => {
      const { files, ...input } = request.body;
      reply.status(201);
      return reportProgress(ctx.db, requireActor(request), request.params.id, { ...input, files: files?.map(fileBytes) }, ctx.today());
    },
  );

  api.post(
    '/api/assignments/:id/completion',
    {
      config: { access: 'signed_in' },
      preValidation: multipartWithLimit(MAX_ATTACHMENT_BYTES),
      schema: {
        tags: ['follow-up'],
        params: IdParams,
        body: Type.Object({ text: Type.String({ minLength: 1, maxLength: FIELD.reportText }), files: Type.Optional(Type.Array(FileJson, { maxItems: 5 })) }, { additionalProperties: false }),
        response: responses(ReportFiledOut, 201),
      },
    },
    async (request, reply) => {
      reply.status(201);
      return reportCompletion(ctx.db, requireActor(request), request.params.id, { text: request.body.text, files: request.body.files?.map(fileBytes) }, ctx.today());
    },
  );

  api.post(
    '/api/assignments/:id/contributions',
    {
      // Decided per assignment (only its supporting agencies), so open at the door.
      config: { access: 'signed_in' },
      preValidation: multipartWithLimit(MAX_ATTACHMENT_BYTES),
      schema: {
        tags: ['follow-up'],
        description: 'Cơ quan phối hợp gửi ý kiến, kết quả phối hợp (nội dung và tệp đính kèm); cơ quan chủ trì và Văn phòng thấy trong lịch sử nhiệm vụ.',
        params: IdParams,
        body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 20_000 }), files: Type.Optional(Type.Array(FileJson, { maxItems: 5 })) }, { additionalProperties: false }),
        response: responses(ContributionPosted, 201),
      },
    },
    async (request, reply) => {
      reply.status(201);
      return postContribution(ctx.db, requireActor(request), request.params.id, { text: request.body.text, files: request.body.files?.map(fileBytes) }, mailSwitchOf(ctx.config));
    },
  );

  api.post(
    '/api/assignments/:id/review',
    {
      config: { access: 'review_completion' },
      schema: {
        tags: ['follow-up'],
        description: 'Văn phòng/lãnh đạo công nhận (accept) hoặc trả lại (return) báo cáo hoàn thành.',
        params: IdParams,
        body: Type.Object({ decision: lit(['accept', 'return'] as const), note: Type.Optional(Type.String({ maxLength: FIELD.note })) }, { additionalProperties: false }),
        response: responses(AssignmentOut),
      },
    },
    async (request) => reviewCompletion(ctx.db, requireActor(request), request.params.id, request.body, ctx.today(), mailSwitchOf(ctx.config)),
  );

  api.post(
    '/api/assignments/:id/extensions',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['follow-up'],
        params: IdParams,
        body: Type.Object({ requestedDue: IsoDate, reason: Type.String({ minLength: 1, maxLength: FIELD.note }) }, { additionalProperties: false }),
        response: responses(ExtensionOut, 201),
      },
    },
    async (request, reply) => {
      reply.status(201);
      return requestExtension(ctx.db, requireActor(request), request.params.id, request.body, ctx.today(), ctx.extensionPolicy);
    },
  );

  api.post(
    '/api/assignments/:id/extensions/:requestId/decision',
    {
      config: { access: 'decide_extension' },
      schema: {
        tags: ['follow-up'],
        params: Type.Object({ id: Uuid, requestId: Uuid }, { additionalProperties: false }),
        body: Type.Object({ decision: lit(['approve', 'refuse'] as const), note: Type.Optional(Type.String({ maxLength: FIELD.note })), due: Type.Optional(IsoDate) }, { additionalProperties: false }),
        response: responses(ExtensionOut),
      },
    },
    async (request) => decideExtension(ctx.db, requireActor(request), request.params.id, request.params.requestId, request.body, ctx.today(), mailSwitchOf(ctx.config)),
  );

  api.post(
    '/api/assignments/:id/reassign',
    { config: { access: 'reassign_or_cancel' }, schema: { tags: ['follow-up'], params: IdParams, body: Type.Object({ agencyId: Uuid, reason: Type.String({ minLength: 1, maxLength: FIELD.note }) }, { additionalProperties: false }), response: responses(AssignmentOut) } },
    async (request) => reassignAssignment(ctx.db, requireActor(request), request.params.id, request.body, ctx.today()),
  );

  api.post(
    '/api/assignments/:id/cancel',
    { config: { access: 'reassign_or_cancel' }, schema: { tags: ['follow-up'], params: IdParams, body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: FIELD.note }) }, { additionalProperties: false }), response: responses(AssignmentOut) } },
    async (request) => cancelAssignment(ctx.db, requireActor(request), request.params.id, request.body, ctx.today()),
  );

  api.post(
    '/api/assignments/:id/deadline',
    { config: { access: 'change_deadline' }, schema: { tags: ['follow-up'], params: IdParams, body: Type.Object({ due: Nullable(IsoDate), reason: Type.String({ minLength: 1, maxLength: FIELD.note }) }, { additionalProperties: false }), response: responses(AssignmentOut) } },
    async (request) => changeDeadline(ctx.db, requireActor(request), request.params.id, request.body, ctx.today()),
  );
}
