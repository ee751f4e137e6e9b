/**
 * Report endpoints: the list as .xlsx, the monthly report (JSON, .docx, .pdf), the agency
 * ranking and the monthly trend. Every one is scoped like the assignment list: leaders, the
 * office, admins and viewers see the whole province, an agency officer only their agency.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/context';
import { IsoDate, Uuid, problemResponses, responses } from '../http/schemas';
import { AssignmentFilterQuery } from '../assignments/assignments.routes';
import { BUCKET_RULE_VI } from '../assignments/buckets';
import { AppError } from '../shared/errors';
import { XLSX_MIME, streamAssignmentsXlsx } from './assignments-xlsx';
import { ON_TIME_RATE_RULE_VI, buildMonthlyReport } from './monthly-report';
import { DOCX_MIME, renderMonthlyDocx } from './monthly-docx';
import { PDF_MIME, renderMonthlyPdf } from './monthly-pdf';
import { PROVINCE_SETTING_KEY, ProvinceSettings, letterheadFrom, loadLetterhead, loadProvinceSettings, parseProvinceSettings } from './letterhead';
import { authorize } from '../auth/policy';
import { recordEvent } from '../events/record-event';
import { writeSetting } from '../reminders/reminder-settings';
import { RANKING_RULE_VI, rankAgencies } from './ranking';
import { buildTrend } from './trend';
import type { OfficialReport } from './official-blocks';
import { renderOfficialDocx } from './official-docx';
import { renderOfficialPdf } from './official-pdf';
import { renderOfficialXlsx } from './official-xlsx';
import { renderMonthlyXlsx } from './monthly-xlsx';
import { rankingOfficialReport, trendOfficialReport } from './ranking-trend-text';
import { agencies } from '../directory/directory.schema';
import { eq } from 'drizzle-orm';
import { MonthlyReportOut, ProvinceOut, RankingOut, TrendOut, fileResponse } from './reports.responses';

const Month = Type.String({ pattern: '^(19|20|21)\\d{2}-(0[1-9]|1[0-2])$', description: 'YYYY-MM (năm 1900–2199)' });
const Weight = (description: string) => Type.Optional(Type.Number({ minimum: 0, maximum: 10, description }));
const RankingQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    wOnTime: Weight('Hệ số hoàn thành đúng hạn (mặc định 1)'),
    wLate: Weight('Hệ số hoàn thành quá hạn (mặc định 0)'),
    wOverdue: Weight('Hệ số trừ cho chưa hoàn thành quá hạn (mặc định 0)'),
  },
  { additionalProperties: false },
);
const TrendQuery = Type.Object({ months: Type.Optional(Type.Integer({ minimum: 1, maximum: 36, default: 12 })), agencyId: Type.Optional(Uuid) }, { additionalProperties: false });
const MonthlyQuery = Type.Object(
  {
    month: Type.Optional(Month),
    agencyId: Type.Optional(Uuid),
    leaderId: Type.Optional(Type.String({ format: 'uuid', description: 'Lãnh đạo UBND tỉnh phụ trách' })),
    documentId: Type.Optional(Type.String({ format: 'uuid', description: 'Văn bản giao nhiệm vụ' })),
    groupId: Type.Optional(Type.String({ format: 'uuid', description: 'Nhóm cơ quan (cơ quan chủ trì tại ngày báo cáo thuộc nhóm)' })),
  },
  { additionalProperties: false },
);

function attachment(reply: FastifyReply, fileName: string, mime: string) {
  reply.header('content-disposition', `attachment; filename="${fileName}"`);
  reply.header('cache-control', 'no-store');
  return reply.type(mime);
}

const FORMATS = {
  docx: { mime: DOCX_MIME, render: renderOfficialDocx },
  pdf: { mime: PDF_MIME, render: renderOfficialPdf },
  xlsx: { mime: XLSX_MIME, render: (r: OfficialReport) => renderOfficialXlsx(r) },
} as const;
type Format = keyof typeof FORMATS;

async function sendOfficial(reply: FastifyReply, rep: OfficialReport, format: Format, fileBase: string) {
  const f = FORMATS[format];
  return attachment(reply, `${fileBase}.${format}`, f.mime).send(await f.render(rep));
}

export async function reportRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/assignments/export.xlsx',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['reports'],
        description: `Danh sách nhiệm vụ (cùng bộ lọc với /api/assignments) dưới dạng tệp Excel, tối đa 50.000 dòng. ${BUCKET_RULE_VI}`,
        querystring: Type.Object({ ...AssignmentFilterQuery.properties, sort: Type.Optional(Type.Union([Type.Literal('due'), Type.Literal('-due'), Type.Literal('updated')])) }, { additionalProperties: false }),
        response: { ...fileResponse('Tệp Excel (.xlsx).'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { delivery, ...query } = request.query;
      const asOf = query.asOf ?? ctx.today();
      const stream = await streamAssignmentsXlsx(ctx.db, actor, { ...query, deliveryId: delivery, asOf }, { letterhead: await loadLetterhead(ctx.db), issuedOn: ctx.today() });
      return attachment(reply, `nhiem-vu-${asOf}.xlsx`, XLSX_MIME).send(stream);
    },
  );

  const ranking = (query: { from?: string; to?: string; wOnTime?: number; wLate?: number; wOverdue?: number }, request: Parameters<typeof requireActor>[0]) => {
    const year = ctx.today().slice(0, 4);
    const from = query.from ?? `${year}-01-01`;
    const to = query.to ?? `${year}-12-31`;
    if (from > to) throw new AppError('VALIDATION', 'Ngày bắt đầu (from) phải trước hoặc bằng ngày kết thúc (to).');
    const { wOnTime, wLate, wOverdue } = query;
    const weights = { ...(wOnTime !== undefined && { onTime: wOnTime }), ...(wLate !== undefined && { late: wLate }), ...(wOverdue !== undefined && { overdue: wOverdue }) };
    return rankAgencies(ctx.db, requireActor(request), { from, to, today: ctx.today(), weights });
  };
  const trend = (query: { months?: number; agencyId?: string }, request: Parameters<typeof requireActor>[0]) =>
    buildTrend(ctx.db, requireActor(request), { months: query.months ?? 12, agencyId: query.agencyId, today: ctx.today() });

  const monthly = (query: { month?: string; agencyId?: string; leaderId?: string; documentId?: string; groupId?: string }, request: Parameters<typeof requireActor>[0]) => {
    const { month, ...filters } = query;
    return buildMonthlyReport(ctx.db, requireActor(request), { ...filters, month: month ?? ctx.today().slice(0, 7), today: ctx.today() });
  };

  api.get(
    '/api/reports/monthly',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['reports'],
        description: `Báo cáo tháng: số nhiệm vụ theo 5 nhóm của từng cơ quan tính đến ngày cuối tháng (hoặc hôm nay với tháng hiện tại), tỷ lệ đúng hạn và danh sách quá hạn. ${BUCKET_RULE_VI} ${ON_TIME_RATE_RULE_VI}`,
        querystring: MonthlyQuery,
        response: responses(MonthlyReportOut),
      },
    },
    async (request) => monthly(request.query, request),
  );

  api.get(
    '/api/reports/monthly.docx',
    { config: { access: 'signed_in' }, schema: { tags: ['reports'], description: 'Báo cáo tháng theo thể thức Nghị định 30/2020/NĐ-CP (.docx).', querystring: MonthlyQuery, response: { ...fileResponse('Tệp báo cáo.'), ...problemResponses } } },
    async (request, reply) => {
      const report = await monthly(request.query, request);
      const buf = await renderMonthlyDocx(report, await loadLetterhead(ctx.db), ctx.today());
      return attachment(reply, `bao-cao-thang-${report.month}.docx`, DOCX_MIME).send(buf);
    },
  );

  api.get(
    '/api/reports/monthly.pdf',
    { config: { access: 'signed_in' }, schema: { tags: ['reports'], description: 'Báo cáo tháng (.pdf), cùng nội dung với bản .docx.', querystring: MonthlyQuery, response: { ...fileResponse('Tệp báo cáo.'), ...problemResponses } } },
    async (request, reply) => {
      const report = await monthly(request.query, request);
      const buf = await renderMonthlyPdf(report, await loadLetterhead(ctx.db), ctx.today());
      return attachment(reply, `bao-cao-thang-${report.month}.pdf`, PDF_MIME).send(buf);
    },
  );

  api.get(
    '/api/reports/monthly.xlsx',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['reports'],
        description:
          'Báo cáo tháng (.xlsx): trang "Báo cáo" như bản .docx (bảng số liệu theo cơ quan là số thật, danh sách quá hạn) và trang "Nhiệm vụ": các nhiệm vụ của báo cáo tại ngày báo cáo, với cơ quan phối hợp, báo cáo gần nhất và lịch sử hạn xử lý đến ngày đó.',
        querystring: MonthlyQuery,
        response: { ...fileResponse('Tệp báo cáo.'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const report = await monthly(request.query, request);
      const buf = await renderMonthlyXlsx(ctx.db, actor, report, await loadLetterhead(ctx.db), ctx.today());
      return attachment(reply, `bao-cao-thang-${report.month}.xlsx`, XLSX_MIME).send(buf);
    },
  );

  api.get(
    '/api/reports/ranking',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['reports'],
        description: `Xếp hạng cơ quan theo tỷ lệ hoàn thành đúng hạn trong kỳ, phục vụ xếp loại cuối năm. ${RANKING_RULE_VI}`,
        querystring: RankingQuery,
        response: responses(RankingOut),
      },
    },
    async (request) => ranking(request.query, request),
  );

  for (const format of Object.keys(FORMATS) as Format[]) {
    api.get(
      `/api/reports/ranking.${format}`,
      { config: { access: 'signed_in' }, schema: { tags: ['reports'], description: `Xếp hạng cơ quan (.${format}) theo thể thức Nghị định 30/2020/NĐ-CP, có phép tính của từng cơ quan.`, querystring: RankingQuery, response: { ...fileResponse('Tệp báo cáo.'), ...problemResponses } } },
      async (request, reply) => {
        const r = await ranking(request.query, request);
        return sendOfficial(reply, rankingOfficialReport(r, await loadLetterhead(ctx.db), ctx.today()), format, `xep-hang-${r.from}-${r.to}`);
      },
    );
    api.get(
      `/api/reports/trend.${format}`,
      { config: { access: 'signed_in' }, schema: { tags: ['reports'], description: `Diễn biến theo tháng (.${format}) theo thể thức Nghị định 30/2020/NĐ-CP.`, querystring: TrendQuery, response: { ...fileResponse('Tệp báo cáo.'), ...problemResponses } } },
      async (request, reply) => {
        const t = await trend(request.query, request);
        const agencyName = request.query.agencyId ? (await ctx.db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, request.query.agencyId)))[0]?.name : undefined;
        return sendOfficial(reply, trendOfficialReport(t, await loadLetterhead(ctx.db), ctx.today(), agencyName), format, `dien-bien-${t.months[t.months.length - 1]?.month ?? ctx.today().slice(0, 7)}`);
      },
    );
  }

  api.get(
    '/api/reports/trend',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['reports'],
        description: 'Theo từng tháng: số nhiệm vụ hoàn thành đúng hạn, hoàn thành quá hạn trong tháng và số nhiệm vụ chưa hoàn thành đã quá hạn tại ngày cuối tháng.',
        querystring: TrendQuery,
        response: responses(TrendOut),
      },
    },
    async (request) => trend(request.query, request),
  );

  api.get(
    '/api/settings/province',
    { config: { access: 'manage_settings' }, schema: { tags: ['reports'], description: 'Tên tỉnh, cơ quan chủ quản, cơ quan ban hành, địa danh và người ký dùng ở đầu và cuối báo cáo (Nghị định 30/2020/NĐ-CP), và phần đầu báo cáo đang dùng.', response: responses(ProvinceOut) } },
    async (request) => {
      authorize(requireActor(request), 'manage_settings');
      const province = await loadProvinceSettings(ctx.db);
      return { province, letterhead: await loadLetterhead(ctx.db) };
    },
  );

  api.put(
    '/api/settings/province',
    { config: { access: 'manage_settings' }, schema: { tags: ['reports'], description: 'Lưu cấu hình tỉnh cho phần đầu và cuối báo cáo.', body: ProvinceSettings, response: responses(ProvinceOut) } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'manage_settings');
      const province = parseProvinceSettings(request.body);
      await ctx.db.transaction(async (tx) => {
        const before = await loadProvinceSettings(tx);
        await writeSetting(tx, PROVINCE_SETTING_KEY, province);
        await recordEvent(tx, actor, { action: 'setting.province_changed', entity: 'setting', entityId: PROVINCE_SETTING_KEY, before, after: province });
      });
      return { province, letterhead: letterheadFrom(province, (await loadLetterhead(ctx.db)).officeName) };
    },
  );
}
