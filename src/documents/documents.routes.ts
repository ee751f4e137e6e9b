import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/context';
import { IdParams, IsoDate, Nullable, Ok, SearchText, Uuid, problemResponses, responses } from '../http/schemas';
import { FileJson, fileBytes, multipartToJson } from '../http/multipart';
import { authorize, can } from '../auth/policy';
import { AppError } from '../shared/errors';
import { createDocument } from './create-document';
import { addItem, deleteItem, updateDocumentMeta, updateItem } from './edit-items';
import { publishDocument } from './publish-document';
import { mailSwitchOf } from '../notifications/notify';
import { previewPublish } from './preview-publish';
import { resolveName } from './resolve-name';
import { splitItem } from './split-item';
import { mergeWithNext } from './merge-items';
import { deleteDraft } from './delete-draft';
import { openMissed, taskFromMissed } from './missed-paragraphs';
import { getDocument, getItems, listDocuments, presentDocument } from './document-queries';
import { FIELD } from '../shared/field-limits';
import { DocumentList, DocumentOut, DocumentWithItems, DraftDeletedOut, ItemOut, MergedOut, NameResolvedOut, PublishedOut, PublishPreviewOut, SplitOut } from './documents.responses';

const Addressee = Type.Union([
  Type.String({ minLength: 1, maxLength: FIELD.name }),
  Type.Object({ name: Type.String({ minLength: 1, maxLength: FIELD.name }), agencyId: Type.Optional(Nullable(Uuid)), groupId: Type.Optional(Nullable(Uuid)) }, { additionalProperties: false }),
]);
const ItemFields = {
  ref: Type.Optional(Nullable(Type.String({ maxLength: FIELD.ref }))),
  leads: Type.Optional(Type.Array(Addressee, { maxItems: 200 })),
  supports: Type.Optional(Type.Array(Addressee, { maxItems: 200 })),
  due: Type.Optional(Nullable(IsoDate)),
  dueText: Type.Optional(Nullable(Type.String({ maxLength: FIELD.dueText }))),
  /** A recurring duty: the deadline moves to the next occurrence as each period is reported. */
  recurrence: Type.Optional(
    Nullable(
      Type.Object(
        {
          freq: Type.Union([Type.Literal('weekly'), Type.Literal('monthly'), Type.Literal('quarterly'), Type.Literal('yearly')]),
          day: Type.Optional(Type.Integer({ minimum: 1, maximum: 31, description: 'ngày trong tháng; với hằng tuần: thứ (1 = thứ Hai … 7 = Chủ nhật)' })),
          month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
          text: Type.String({ maxLength: 300 }),
        },
        { additionalProperties: false },
      ),
    ),
  ),
  leaderId: Type.Optional(Nullable(Uuid)),
  expectedResult: Type.Optional(Nullable(Type.String({ maxLength: FIELD.expectedResult }))),
  reportTo: Type.Optional(Nullable(Type.String({ maxLength: FIELD.dueText }))),
  startOffset: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  endOffset: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
};
const Meta = Type.Object(
  {
    kind: Type.Optional(Nullable(Type.String({ maxLength: FIELD.docLabel }))),
    number: Type.Optional(Nullable(Type.String({ maxLength: FIELD.docLabel }))),
    docDate: Type.Optional(Nullable(IsoDate)),
    issuer: Type.Optional(Nullable(Type.String({ maxLength: FIELD.name }))),
    place: Type.Optional(Nullable(Type.String({ maxLength: FIELD.docLabel }))),
    subject: Type.Optional(Nullable(Type.String({ maxLength: FIELD.subject }))),
    signer: Type.Optional(Nullable(Type.String({ maxLength: FIELD.name }))),
    signerTitle: Type.Optional(Nullable(Type.String({ maxLength: FIELD.docLabel }))),
    signingForm: Type.Optional(Nullable(Type.String({ maxLength: FIELD.docLabel }))),
    recipients: Type.Optional(Type.Array(Type.String({ maxLength: FIELD.recipient }), { maxItems: FIELD.recipientsCount })),
    meetingDate: Type.Optional(Nullable(IsoDate)),
    chair: Type.Optional(Nullable(Type.String({ maxLength: FIELD.name }))),
  },
  { additionalProperties: false },
);
const ItemParams = Type.Object({ id: Uuid, itemId: Uuid }, { additionalProperties: false });
export async function documentRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/documents',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['documents'],
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published')])),
            q: Type.Optional(SearchText(200)),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: responses(DocumentList),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { limit = 50, offset = 0, ...q } = request.query;
      // Drafts are the office's work in progress; agencies see what has been published.
      if (!can(actor, 'read_all')) q.status = 'published';
      return { items: await listDocuments(ctx.db, { ...q, limit, offset }) };
    },
  );

  api.post(
    '/api/documents',
    {
      config: { access: 'manage_documents' },
      preValidation: multipartToJson,
      schema: {
        tags: ['documents'],
        description:
          'Tạo văn bản nháp: gửi {text} hoặc tệp (.txt, .docx, .pdf) qua multipart/form-data (trường "file") hoặc JSON {files:[{name, contentBase64}]}. Nếu không gửi items, bộ đọc sẽ tự trích xuất nhiệm vụ.',
        body: Type.Object(
          {
            text: Type.Optional(Type.String({ maxLength: FIELD.documentText })),
            files: Type.Optional(Type.Array(FileJson, { maxItems: 1 })),
            meta: Type.Optional(Meta),
            items: Type.Optional(Type.Array(Type.Object({ text: Type.String({ minLength: 1, maxLength: FIELD.itemText }), ...ItemFields }, { additionalProperties: false }), { maxItems: 5_000 })),
          },
          { additionalProperties: false },
        ),
        response: responses(DocumentWithItems, 201),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { text, files, meta, items } = request.body;
      const file = files?.[0] ? fileBytes(files[0]) : undefined;
      if (!text && !file) throw new AppError('VALIDATION', 'Cần nội dung văn bản (text) hoặc một tệp.');
      const result = await createDocument(ctx.db, actor, {
        text,
        file,
        meta,
        items: items?.map((i) => ({ ...i, leads: toRefs(i.leads), supports: toRefs(i.supports), recurrence: i.recurrence ? JSON.stringify(i.recurrence) : null })),
      });
      reply.status(201);
      return result;
    },
  );

  api.get('/api/documents/:id', { config: { access: 'signed_in' }, schema: { tags: ['documents'], params: IdParams, response: responses(DocumentWithItems) } }, async (request) => {
    const actor = requireActor(request);
    const doc = await getDocument(ctx.db, request.params.id);
    if (doc.status === 'draft' && !can(actor, 'read_all')) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản.');
    const items = await getItems(ctx.db, doc.id);
    // Review flags are for the draft: once published they no longer ask anything of anyone.
    return {
      document: { ...presentDocument(doc), text: doc.text, missed: openMissed(doc.status, doc.missed, items) },
      items: doc.status === 'draft' ? items : items.map((i) => ({ ...i, review: [] })),
    };
  });

  api.post(
    '/api/documents/:id/missed-paragraphs/task',
    {
      config: { access: 'manage_documents' },
      schema: {
        tags: ['documents'],
        params: IdParams,
        description:
          'Tạo nhiệm vụ từ một đoạn "có thể bị bỏ sót" của văn bản nháp (chỉ rõ bằng vị trí đầu đoạn "start"): nội dung, vị trí trong văn bản và các cơ quan được nêu làm cơ quan chủ trì; dấu "có thể bị bỏ sót" của đoạn đó mất đi. Một thao tác.',
        body: Type.Object({ start: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
        response: responses(ItemOut, 201),
      },
    },
    async (request, reply) => {
      const item = await taskFromMissed(ctx.db, requireActor(request), request.params.id, request.body.start);
      reply.status(201);
      return item;
    },
  );

  api.get('/api/documents/:id/file', { config: { access: 'signed_in' }, schema: { tags: ['documents'], params: IdParams, response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Tệp gốc của văn bản.' }), ...problemResponses } } }, async (request, reply) => {
    const actor = requireActor(request);
    const doc = await getDocument(ctx.db, request.params.id);
    if (doc.status === 'draft' && !can(actor, 'read_all')) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản.');
    if (!doc.fileData) throw new AppError('NOT_FOUND', 'Văn bản này không có tệp gốc.');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName ?? 'van-ban')}`);
    return reply.type(doc.fileMime ?? 'application/octet-stream').send(doc.fileData);
  });

  api.patch('/api/documents/:id', { config: { access: 'manage_documents' }, schema: { tags: ['documents'], params: IdParams, body: Meta, response: responses(DocumentOut) } }, async (request) => {
    const actor = requireActor(request);
    return presentDocument(await updateDocumentMeta(ctx.db, actor, request.params.id, request.body));
  });

  api.post(
    '/api/documents/:id/items',
    {
      config: { access: 'manage_documents' },
      schema: {
        tags: ['documents'],
        params: IdParams,
        body: Type.Object({ text: Type.String({ minLength: 1, maxLength: FIELD.itemText }), afterPosition: Type.Optional(Type.Integer({ minimum: -1 })), ...ItemFields }, { additionalProperties: false }),
        response: responses(ItemOut, 201),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      reply.status(201);
      return addItem(ctx.db, actor, request.params.id, request.body);
    },
  );

  api.patch(
    '/api/documents/:id/items/:itemId',
    { config: { access: 'manage_documents' }, schema: { tags: ['documents'], params: ItemParams, body: Type.Object({ text: Type.Optional(Type.String({ minLength: 1, maxLength: FIELD.itemText })), ...ItemFields }, { additionalProperties: false }), response: responses(ItemOut) } },
    async (request) => {
      const actor = requireActor(request);
      return updateItem(ctx.db, actor, request.params.id, request.params.itemId, request.body);
    },
  );

  api.delete('/api/documents/:id/items/:itemId', { config: { access: 'manage_documents' }, schema: { tags: ['documents'], params: ItemParams, response: responses(Ok) } }, async (request) => {
    const actor = requireActor(request);
    await deleteItem(ctx.db, actor, request.params.id, request.params.itemId);
    return { ok: true as const };
  });

  api.get(
    '/api/documents/:id/publish-preview',
    {
      config: { access: 'manage_documents' },
      schema: {
        tags: ['documents'],
        params: IdParams,
        description:
          'Xem trước khi ban hành: số giao việc theo từng cơ quan, các nhóm được mở rộng (số thành viên), các tên chưa xác định (mỗi tên một lần, kèm các mục dùng tên đó), điều chặn ban hành, và kiểm tra "6 rõ" (rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ sản phẩm, rõ thẩm quyền) của từng mục.',
        response: responses(PublishPreviewOut),
      },
    },
    async (request) => previewPublish(ctx.db, requireActor(request), request.params.id),
  );

  api.post(
    '/api/documents/:id/resolve-name',
    {
      config: { access: 'manage_documents' },
      schema: {
        tags: ['documents'],
        params: IdParams,
        description: 'Xác định một tên chưa có trong danh mục một lần cho mọi mục của văn bản nháp dùng tên đó.',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: FIELD.name }), agencyId: Type.Optional(Nullable(Uuid)), groupId: Type.Optional(Nullable(Uuid)) }, { additionalProperties: false }),
        response: responses(NameResolvedOut),
      },
    },
    async (request) => resolveName(ctx.db, requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/api/documents/:id/items/:itemId/split',
    {
      config: { access: 'manage_documents' },
      schema: {
        tags: ['documents'],
        params: ItemParams,
        description: 'Tách một mục tại vị trí ký tự "at" của nội dung, trong một thao tác: II.2.a → II.2.a.1 và II.2.a.2.',
        body: Type.Object({ at: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: responses(SplitOut),
      },
    },
    async (request) => splitItem(ctx.db, requireActor(request), request.params.id, request.params.itemId, request.body.at),
  );

  api.post(
    '/api/documents/:id/items/:itemId/merge-next',
    { config: { access: 'manage_documents' }, schema: { tags: ['documents'], params: ItemParams, description: 'Gộp một mục với mục ngay sau nó, trong một thao tác.', response: responses(MergedOut) } },
    async (request) => mergeWithNext(ctx.db, requireActor(request), request.params.id, request.params.itemId),
  );

  api.delete(
    '/api/documents/:id',
    { config: { access: 'manage_documents' }, schema: { tags: ['documents'], params: IdParams, description: 'Xóa một văn bản nháp cùng các mục của nó. Văn bản đã ban hành không xóa được.', response: responses(DraftDeletedOut) } },
    async (request) => deleteDraft(ctx.db, requireActor(request), request.params.id),
  );

  api.post('/api/documents/:id/publish', { config: { access: 'manage_documents' }, schema: { tags: ['documents'], params: IdParams, response: responses(PublishedOut) } }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'manage_documents');
    const { document, assignments } = await publishDocument(ctx.db, actor, request.params.id, ctx.today(), mailSwitchOf(ctx.config));
    return { document: presentDocument(document), assignments };
  });
}

function toRefs(list: (string | { name: string; agencyId?: string | null; groupId?: string | null })[] | undefined) {
  return (list ?? []).map((x) => (typeof x === 'string' ? { name: x } : x));
}
