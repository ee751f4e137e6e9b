/**
 * HTTP routes of the indicators (chỉ tiêu): the catalogue, figures, the chart data as .xlsx, the
 * entry template and its import, and the review of figures the reader proposes from a notice.
 * Thin: validate → authorize (auth/policy.ts, inside the use cases) → one use case → JSON.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/context';
import { IdParams, Nullable, Problem, Uuid } from '../http/schemas';
import { FileJson, fileBytes, multipartToJson } from '../http/multipart';
import { authorize } from '../auth/policy';
import { AppError, notFound } from '../shared/errors';
import { agencies } from '../directory/directory.schema';
import { documents } from '../documents/documents.schema';
import { periodOf } from './periods';
import { indicators } from './indicators.schema';
import { ATTAINMENT_RULE_VI } from './chart-series';
import { createIndicator, loadTargets, updateIndicator } from './save-indicator';
import { enterIndicatorValues } from './enter-values';
import { getIndicator, indicatorSeries, listIndicators, readValues } from './indicator-queries';
import { acceptProposal, listProposals, proposeFromDocument, rejectProposal, type ProposalRow } from './review-proposals';
import { XLSX_MIME, readValuesWorkbook, renderSeriesXlsx, renderTemplateXlsx } from './indicators-xlsx';
import { listIndicators as catalogue } from './indicator-queries';

const Kind = Type.Union([Type.Literal('month'), Type.Literal('quarter'), Type.Literal('half'), Type.Literal('year')], { description: 'month | quarter | half (6 tháng) | year' });
const Direction = Type.Union([Type.Literal('higher'), Type.Literal('lower')], { description: 'higher: càng cao càng tốt; lower: càng thấp càng tốt' });
const Period = Type.String({ minLength: 4, maxLength: 7, description: 'Kỳ: 2025-06 (tháng), 2025-Q2 (quý), 2025-H1 (6 tháng), 2025 (năm)' });
const Num = Type.Number();
/** Null first: with type coercion on, a number-first union would read null as 0. */
const NumOrNull = Type.Union([Type.Null(), Num]);
const DateTime = Type.String({ format: 'date-time' });

const TargetIn = Type.Object({ period: Period, value: NumOrNull, note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }, { additionalProperties: false });
const IndicatorBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40 }),
    name: Type.String({ minLength: 1, maxLength: 300 }),
    unit: Type.String({ minLength: 1, maxLength: 60 }),
    periodKind: Kind,
    ownerAgencyId: Type.Optional(Nullable(Uuid)),
    direction: Type.Optional(Direction),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    targets: Type.Optional(Type.Array(TargetIn, { maxItems: 500 })),
  },
  { additionalProperties: false },
);

const IndicatorOut = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  periodKind: Kind,
  ownerAgencyId: Nullable(Uuid),
  ownerAgencyName: Type.Optional(Nullable(Type.String())),
  direction: Direction,
  note: Nullable(Type.String()),
});
const TargetOut = Type.Object({ period: Type.String(), value: Num, note: Nullable(Type.String()) });
const ValueOut = Type.Object({
  id: Uuid,
  period: Type.String(),
  agencyId: Nullable(Uuid),
  agencyName: Nullable(Type.String()),
  value: Num,
  source: Type.String({ description: 'screen | xlsx | notice' }),
  documentId: Nullable(Uuid),
  sourceText: Nullable(Type.String()),
  enteredAt: DateTime,
});
const SeriesRowOut = Type.Object({
  period: Type.String(),
  label: Type.String(),
  actual: Nullable(Num),
  target: Nullable(Num),
  lastYear: Nullable(Num),
  attainment: Nullable(Num),
  met: Nullable(Type.Boolean()),
  changeVsLastYear: Nullable(Num),
});
const ComparisonOut = Type.Object({ relation: Type.String(), against: Nullable(Type.String()), againstText: Nullable(Type.String()) });
const ProposalOut = Type.Object({
  id: Uuid,
  documentId: Uuid,
  startOffset: Type.Integer(),
  endOffset: Type.Integer(),
  name: Type.String(),
  value: Num,
  unit: Type.String(),
  comparison: ComparisonOut,
  qualifier: Nullable(Type.String()),
  sourceText: Type.String(),
  status: Type.String({ description: 'pending | accepted | rejected' }),
  indicatorId: Nullable(Uuid),
  valueId: Nullable(Uuid),
  decidedAt: Nullable(DateTime),
  suggestedPeriods: Nullable(
    Type.Object(
      { month: Type.String(), quarter: Type.String(), half: Type.String(), year: Type.String() },
      { description: 'Kỳ gợi ý theo từng loại kỳ: tháng trước ngày của thông báo (thông báo tháng 7 đánh giá tháng 6).' },
    ),
  ),
});

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 415: Problem, 422: Problem };
const ok = <T extends TSchema>(t: T) => ({ 200: t, ...errors });
const created = <T extends TSchema>(t: T) => ({ 201: t, ...errors });

/** Row → JSON: internal columns (timestamps of the row) stay inside. */
const presentIndicator = (i: Omit<typeof indicators.$inferSelect, 'createdAt' | 'updatedAt'> & { ownerAgencyName?: string | null }) => ({
  id: i.id,
  code: i.code,
  name: i.name,
  unit: i.unit,
  periodKind: i.periodKind,
  ownerAgencyId: i.ownerAgencyId,
  ...(i.ownerAgencyName !== undefined ? { ownerAgencyName: i.ownerAgencyName } : {}),
  direction: i.direction,
  note: i.note,
});

function attachment(reply: FastifyReply, fileName: string) {
  reply.header('content-disposition', `attachment; filename="${fileName}"`);
  reply.header('cache-control', 'no-store');
  return reply.type(XLSX_MIME);
}

const presentProposal = (p: ProposalRow, assessedMonth: string | null) => ({
  id: p.id,
  documentId: p.documentId,
  startOffset: p.startOffset,
  endOffset: p.endOffset,
  name: p.name,
  value: p.value,
  unit: p.unit,
  comparison: p.comparison,
  qualifier: p.qualifier,
  sourceText: p.sourceText,
  status: p.status,
  indicatorId: p.indicatorId,
  valueId: p.valueId,
  decidedAt: p.decidedAt ? p.decidedAt.toISOString() : null,
  suggestedPeriods: assessedMonth
    ? { month: periodOf('month', `${assessedMonth}-01`), quarter: periodOf('quarter', `${assessedMonth}-01`), half: periodOf('half', `${assessedMonth}-01`), year: periodOf('year', `${assessedMonth}-01`) }
    : null,
});

export async function indicatorRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/indicators',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['indicators'],
        description: 'Danh mục chỉ tiêu, mỗi chỉ tiêu kèm số liệu toàn tỉnh mới nhất và kế hoạch của kỳ đó. Mọi người đã đăng nhập đều xem được.',
        response: ok(Type.Object({ items: Type.Array(Type.Object({ ...IndicatorOut.properties, latest: Nullable(Type.Object({ period: Type.String(), value: Num, target: Nullable(Num) })) })) })),
      },
    },
    async (request) => {
      requireActor(request);
      return { items: (await listIndicators(ctx.db)).map((i) => ({ ...presentIndicator(i), latest: i.latest })) };
    },
  );

  api.post(
    '/api/indicators',
    { config: { access: 'manage_indicators' }, schema: { tags: ['indicators'], description: 'Thêm chỉ tiêu vào danh mục, kèm kế hoạch từng kỳ (Văn phòng, Quản trị).', body: IndicatorBody, response: created(IndicatorOut) } },
    async (request, reply) => {
      const row = await createIndicator(ctx.db, requireActor(request), request.body);
      reply.code(201);
      return presentIndicator(row);
    },
  );

  api.get(
    '/api/indicators/template.xlsx',
    { config: { access: 'signed_in' }, schema: { tags: ['indicators'], description: 'Mẫu Excel để nhập số liệu chỉ tiêu (một dòng mỗi chỉ tiêu, kèm danh sách mã cơ quan, xã).', response: errors } },
    async (request, reply) => {
      requireActor(request);
      const list = await catalogue(ctx.db);
      const places = await ctx.db.select({ code: agencies.code, name: agencies.name }).from(agencies).orderBy(agencies.code);
      const buf = await renderTemplateXlsx(list, places, (k) => periodOf(k, ctx.today()));
      return attachment(reply, 'mau-nhap-chi-tieu.xlsx').send(buf);
    },
  );

  api.post(
    '/api/indicators/import',
    {
      config: { access: 'signed_in' },
      preValidation: multipartToJson,
      schema: {
        tags: ['indicators'],
        description:
          'Nhập số liệu từ tệp Excel theo mẫu (multipart trường "file", hoặc JSON {files:[{name, contentBase64}]}). Có lỗi ở bất kỳ dòng nào thì không lưu dòng nào; lỗi liệt kê theo số dòng. Cán bộ cơ quan chỉ nhập được số liệu của cơ quan mình.',
        body: Type.Object({ files: Type.Array(FileJson, { minItems: 1, maxItems: 1 }) }, { additionalProperties: false }),
        response: ok(Type.Object({ saved: Type.Integer(), removed: Type.Integer() })),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const file = fileBytes(request.body.files[0]);
      if (!/\.xlsx$/i.test(file.name)) throw new AppError('UNSUPPORTED_FILE', 'Chỉ nhận tệp Excel .xlsx (dùng mẫu tải về từ dondoc).');
      const list = await catalogue(ctx.db);
      const places = await ctx.db.select({ id: agencies.id, code: agencies.code }).from(agencies);
      const rows = await readValuesWorkbook(file.bytes, list, new Map(places.map((p) => [p.code, p.id])));
      const r = await enterIndicatorValues(ctx.db, actor, rows, { source: 'xlsx', sourceText: file.name });
      return { saved: r.saved.length, removed: r.removed };
    },
  );

  api.get(
    '/api/indicators/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['indicators'],
        description: `Một chỉ tiêu: kế hoạch từng kỳ, số liệu (toàn tỉnh và theo cơ quan, xã — cán bộ cơ quan chỉ thấy của cơ quan mình) và số liệu biểu đồ toàn tỉnh. ${ATTAINMENT_RULE_VI}`,
        params: IdParams,
        response: ok(Type.Object({ indicator: IndicatorOut, targets: Type.Array(TargetOut), values: Type.Array(ValueOut), series: Type.Array(SeriesRowOut) })),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const indicator = await getIndicator(ctx.db, request.params.id);
      const [targets, values, series] = await Promise.all([loadTargets(ctx.db, indicator.id), readValues(ctx.db, actor, indicator.id), indicatorSeries(ctx.db, actor, indicator.id, null)]);
      return { indicator: presentIndicator(indicator), targets, values: values.map((v) => ({ ...v, enteredAt: v.enteredAt.toISOString() })), series: series.rows };
    },
  );

  api.patch(
    '/api/indicators/:id',
    {
      config: { access: 'manage_indicators' },
      schema: {
        tags: ['indicators'],
        description: 'Sửa chỉ tiêu; "targets" đặt kế hoạch các kỳ được gửi (value null để xoá kế hoạch kỳ đó). Văn phòng, Quản trị.',
        params: IdParams,
        body: Type.Partial(IndicatorBody, { additionalProperties: false }),
        response: ok(IndicatorOut),
      },
    },
    async (request) => presentIndicator(await updateIndicator(ctx.db, requireActor(request), request.params.id, request.body)),
  );

  api.put(
    '/api/indicators/:id/values',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['indicators'],
        description:
          'Nhập số liệu thực hiện của chỉ tiêu: mỗi dòng một kỳ và một cơ quan/xã (agencyId null = toàn tỉnh); value null để xoá. Văn phòng nhập cho mọi nơi; cán bộ cơ quan nhập số của cơ quan mình (và số toàn tỉnh nếu cơ quan mình chủ trì chỉ tiêu). Tất cả hoặc không dòng nào.',
        params: IdParams,
        body: Type.Object(
          { values: Type.Array(Type.Object({ period: Period, agencyId: Type.Optional(Nullable(Uuid)), value: NumOrNull }, { additionalProperties: false }), { minItems: 1, maxItems: 1000 }) },
          { additionalProperties: false },
        ),
        response: ok(Type.Object({ saved: Type.Integer(), removed: Type.Integer() })),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await getIndicator(ctx.db, request.params.id);
      const rows = request.body.values.map((v) => ({ indicatorId: request.params.id, period: v.period, agencyId: v.agencyId ?? null, value: v.value }));
      const r = await enterIndicatorValues(ctx.db, actor, rows, { source: 'screen' });
      return { saved: r.saved.length, removed: r.removed };
    },
  );

  const SeriesQuery = Type.Object({ agencyId: Type.Optional(Uuid) }, { additionalProperties: false });

  api.get(
    '/api/indicators/:id/series',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['indicators'],
        description: `Số liệu biểu đồ: thực hiện, kế hoạch và cùng kỳ năm trước theo từng kỳ, của toàn tỉnh hoặc một cơ quan/xã (agencyId). ${ATTAINMENT_RULE_VI}`,
        params: IdParams,
        querystring: SeriesQuery,
        response: ok(Type.Object({ indicator: IndicatorOut, agencyId: Nullable(Uuid), rows: Type.Array(SeriesRowOut) })),
      },
    },
    async (request) => {
      const r = await indicatorSeries(ctx.db, requireActor(request), request.params.id, request.query.agencyId ?? null);
      return { ...r, indicator: presentIndicator(r.indicator) };
    },
  );

  api.get(
    '/api/indicators/:id/series.xlsx',
    { config: { access: 'signed_in' }, schema: { tags: ['indicators'], description: 'Số liệu của biểu đồ dưới dạng tệp Excel (.xlsx).', params: IdParams, querystring: SeriesQuery, response: errors } },
    async (request, reply) => {
      const { indicator, agencyId, rows } = await indicatorSeries(ctx.db, requireActor(request), request.params.id, request.query.agencyId ?? null);
      const scopeName = agencyId ? ((await ctx.db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId)))[0]?.name ?? '') : 'Toàn tỉnh';
      const buf = await renderSeriesXlsx(indicator, scopeName, rows, ctx.today());
      return attachment(reply, `chi-tieu-${indicator.code.toLowerCase()}.xlsx`).send(buf);
    },
  );

  // ---- proposals read from a notice

  const documentDate = async (documentId: string) => {
    const [d] = await ctx.db.select({ id: documents.id, docDate: documents.docDate, createdAt: documents.createdAt }).from(documents).where(eq(documents.id, documentId));
    if (!d) throw notFound('văn bản');
    return d.docDate ?? d.createdAt.toISOString().slice(0, 10);
  };
  const ProposalList = Type.Object({ items: Type.Array(ProposalOut) });

  api.get(
    '/api/documents/:id/indicator-proposals',
    {
      config: { access: 'manage_indicators' },
      schema: {
        tags: ['indicators'],
        description: 'Các số liệu bộ đọc đề xuất từ phần đánh giá của thông báo, và quyết định với từng số (chờ duyệt, đã nhận, đã bỏ).',
        params: IdParams,
        response: ok(ProposalList),
      },
    },
    async (request) => {
      authorize(requireActor(request), 'manage_indicators');
      const issued = await documentDate(request.params.id);
      return { items: (await listProposals(ctx.db, request.params.id)).map((p) => presentProposal(p, issued ? previousMonth(issued) : null)) };
    },
  );

  api.post(
    '/api/documents/:id/indicator-proposals',
    {
      config: { access: 'manage_indicators' },
      schema: {
        tags: ['indicators'],
        description: 'Đọc phần đánh giá của thông báo và lưu các số liệu đề xuất (chưa phải số liệu chính thức). Đọc lại chỉ thêm số mới.',
        params: IdParams,
        response: ok(Type.Object({ found: Type.Integer(), added: Type.Integer(), ...ProposalList.properties })),
      },
    },
    async (request) => {
      const r = await proposeFromDocument(ctx.db, requireActor(request), request.params.id);
      const issued = await documentDate(request.params.id);
      return { ...r, items: (await listProposals(ctx.db, request.params.id)).map((p) => presentProposal(p, issued ? previousMonth(issued) : null)) };
    },
  );

  api.post(
    '/api/indicator-proposals/:id/accept',
    {
      config: { access: 'manage_indicators' },
      schema: {
        tags: ['indicators'],
        description: 'Nhận một đề xuất (có thể sửa giá trị): lưu thành số liệu của chỉ tiêu có sẵn (indicatorId) hoặc chỉ tiêu mới (newIndicator) cho kỳ và cơ quan đã chọn.',
        params: IdParams,
        body: Type.Object(
          { indicatorId: Type.Optional(Uuid), newIndicator: Type.Optional(IndicatorBody), period: Period, agencyId: Type.Optional(Nullable(Uuid)), value: Type.Optional(Num) },
          { additionalProperties: false },
        ),
        response: ok(ProposalOut),
      },
    },
    async (request) => presentProposal(await acceptProposal(ctx.db, requireActor(request), request.params.id, request.body), null),
  );

  api.post(
    '/api/indicator-proposals/:id/reject',
    { config: { access: 'manage_indicators' }, schema: { tags: ['indicators'], description: 'Bỏ một đề xuất: không lưu số liệu nào.', params: IdParams, response: ok(ProposalOut) } },
    async (request) => presentProposal(await rejectProposal(ctx.db, requireActor(request), request.params.id), null),
  );
}

/** Notices of a month assess the month before ("phiên họp tháng 6" is concluded in July). */
function previousMonth(isoDate: string): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
