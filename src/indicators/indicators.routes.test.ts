import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { testBackends } from '../db/testing';
import { createTestApp, type TestApp } from '../http/testing';
import { events } from '../events/events.schema';
import { indicatorValues } from './indicators.schema';

const NOTICE = [
  'THÔNG BÁO',
  'Kết luận của Chủ tịch UBND tỉnh tại phiên họp thường kỳ tháng 6',
  'I. Đánh giá tình hình tháng 6 và 6 tháng đầu năm',
  'Tăng trưởng GRDP đạt 6,56%. Thu ngân sách đạt 2.394 tỷ đồng, vượt 22% dự toán Trung ương giao, tăng 86% so với cùng kỳ.',
  'II. Nhiệm vụ trọng tâm',
  '1. Sở Y tế tổ chức tiêm vắc xin, phấn đấu đạt 95% kế hoạch.',
].join('\n');

async function workbook(body: Buffer | string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((typeof body === 'string' ? Buffer.from(body, 'binary') : body) as unknown as ArrayBuffer);
  return wb;
}

describe.each(testBackends)('indicators API on %s', (backend) => {
  let t: TestApp;
  let grdp: string;
  let vaccine: string;

  beforeAll(async () => {
    t = await createTestApp(backend, { today: '2025-07-20' });
  });
  afterAll(async () => t?.close());

  it('requires authentication', async () => {
    expect((await t.call(null, 'GET', '/api/indicators')).statusCode).toBe(401);
    expect((await t.call(null, 'POST', '/api/indicators', { code: 'X', name: 'X', unit: '%', periodKind: 'year' })).statusCode).toBe(401);
    expect((await t.call(null, 'GET', '/api/indicators/template.xlsx')).statusCode).toBe(401);
  });

  it('the office keeps the catalogue; leaders and agencies may not', async () => {
    const body = { code: 'GRDP', name: 'Tăng trưởng GRDP', unit: '%', periodKind: 'half', targets: [{ period: '2025-H1', value: 7.8 }, { period: '2025-H2', value: 8.2 }] };
    expect((await t.call(t.sessions.leader, 'POST', '/api/indicators', body)).statusCode).toBe(403);
    expect((await t.call(t.sessions.syt, 'POST', '/api/indicators', body)).statusCode).toBe(403);
    const res = await t.call(t.sessions.office, 'POST', '/api/indicators', body);
    expect(res.statusCode).toBe(201);
    grdp = res.json().id;
    expect(res.json()).toMatchObject({ code: 'GRDP', periodKind: 'half', direction: 'higher', ownerAgencyId: null });
    expect(res.json().createdAt).toBeUndefined();
    const dup = await t.call(t.sessions.office, 'POST', '/api/indicators', { ...body, name: 'Khác' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().detail).toContain('Mã chỉ tiêu "GRDP" đã được dùng');

    const v = await t.call(t.sessions.office, 'POST', '/api/indicators', {
      code: 'TIEM',
      name: 'Tỷ lệ tiêm chủng đầy đủ',
      unit: '%',
      periodKind: 'quarter',
      ownerAgencyId: t.agency.SYT,
      targets: [{ period: '2025-Q2', value: 95 }],
    });
    expect(v.statusCode).toBe(201);
    vaccine = v.json().id;
    const [ev] = await t.database.db.select().from(events).where(and(eq(events.entityId, vaccine), eq(events.action, 'indicator.created')));
    expect(ev.actorName).toBe('office');
  });

  it('bad input: every problem in Vietnamese, nothing written', async () => {
    const res = await t.call(t.sessions.office, 'POST', '/api/indicators', { code: 'mã có dấu', name: 'X', unit: '%', periodKind: 'quarter', targets: [{ period: '2025-06', value: 1 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(res.json().errors).toHaveLength(2);
    expect(res.json().detail).toContain('Kỳ "2025-06" không đúng dạng kỳ quý (ví dụ 2025-Q2)');
    const unknown = await t.call(t.sessions.office, 'POST', '/api/indicators', { code: 'Y', name: 'Y', unit: '%', periodKind: 'year', colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    const list = (await t.call(t.sessions.leader, 'GET', '/api/indicators')).json().items;
    expect(list.map((i: { code: string }) => i.code)).toEqual(['GRDP', 'TIEM']);
  });

  it('values: the office for all, an agency for its own; a batch with one bad row writes nothing', async () => {
    const ok = await t.call(t.sessions.office, 'PUT', `/api/indicators/${grdp}/values`, { values: [{ period: '2025-H1', value: 6.56 }, { period: '2024-H1', value: 7.26 }] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ saved: 2, removed: 0 });

    const bad = await t.call(t.sessions.office, 'PUT', `/api/indicators/${grdp}/values`, { values: [{ period: '2025-H2', value: 7 }, { period: '2025-Q3', value: 7 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Dòng 2: kỳ "2025-Q3" không đúng dạng kỳ 6 tháng');
    const h2 = await t.database.db.select().from(indicatorValues).where(and(eq(indicatorValues.indicatorId, grdp), eq(indicatorValues.period, '2025-H2')));
    expect(h2).toHaveLength(0);

    // SYT owns the vaccination indicator: it enters its own and the province's figure…
    const own = await t.call(t.sessions.syt, 'PUT', `/api/indicators/${vaccine}/values`, { values: [{ period: '2025-Q2', agencyId: t.agency.SYT, value: 97 }, { period: '2025-Q2', value: 93.5 }] });
    expect(own.statusCode).toBe(200);
    // …but not another agency's, and not a province figure of an indicator it does not own.
    const other = await t.call(t.sessions.syt, 'PUT', `/api/indicators/${vaccine}/values`, { values: [{ period: '2025-Q2', agencyId: t.agency.STC, value: 50 }] });
    expect(other.statusCode).toBe(403);
    expect(other.json().detail).toContain('cơ quan mình');
    expect((await t.call(t.sessions.syt, 'PUT', `/api/indicators/${grdp}/values`, { values: [{ period: '2025-H1', value: 9 }] })).statusCode).toBe(403);
    // A commune enters its own figure.
    expect((await t.call(t.sessions.xabaolam, 'PUT', `/api/indicators/${vaccine}/values`, { values: [{ period: '2025-Q2', agencyId: t.agency['01290'], value: 88 }] })).statusCode).toBe(200);
    // Leaders read, never write.
    expect((await t.call(t.sessions.leader, 'PUT', `/api/indicators/${grdp}/values`, { values: [{ period: '2025-H1', value: 1 }] })).statusCode).toBe(403);
    // Entering again replaces; null removes.
    const again = await t.call(t.sessions.office, 'PUT', `/api/indicators/${vaccine}/values`, { values: [{ period: '2025-Q2', agencyId: t.agency['01290'], value: null }] });
    expect(again.json()).toEqual({ saved: 0, removed: 1 });
  });

  it('reading: leaders see every agency, an agency only the province and itself', async () => {
    await t.call(t.sessions.office, 'PUT', `/api/indicators/${vaccine}/values`, { values: [{ period: '2025-Q2', agencyId: t.agency.STC, value: 91 }] });
    const lead = (await t.call(t.sessions.leader, 'GET', `/api/indicators/${vaccine}`)).json();
    expect(lead.values.map((v: { agencyName: string | null; value: number }) => [v.agencyName, v.value])).toEqual([[null, 93.5], ['Sở Tài chính', 91], ['Sở Y tế', 97]]);
    const syt = (await t.call(t.sessions.syt, 'GET', `/api/indicators/${vaccine}`)).json();
    expect(syt.values.map((v: { agencyName: string | null }) => v.agencyName)).toEqual([null, 'Sở Y tế']);
    expect((await t.call(t.sessions.syt, 'GET', `/api/indicators/${vaccine}/series?agencyId=${t.agency.STC}`)).statusCode).toBe(403);
    expect(lead.series).toEqual([
      { period: '2025-Q2', label: 'Quý II/2025', actual: 93.5, target: 95, lastYear: null, attainment: 98.42, met: false, changeVsLastYear: null },
    ]);
  });

  it('the chart of actual, target and last year, and its data as .xlsx', async () => {
    const s = (await t.call(t.sessions.leader, 'GET', `/api/indicators/${grdp}/series`)).json();
    expect(s.rows.find((r: { period: string }) => r.period === '2025-H1')).toEqual({
      period: '2025-H1',
      label: '6 tháng đầu năm 2025',
      actual: 6.56,
      target: 7.8,
      lastYear: 7.26,
      attainment: 84.1,
      met: false,
      changeVsLastYear: -9.64,
    });
    const res = await t.app.inject({ method: 'GET', url: `/api/indicators/${grdp}/series.xlsx`, headers: { cookie: `dondoc_session=${t.sessions.leader.cookie}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('chi-tieu-grdp.xlsx');
    const ws = (await workbook(res.rawPayload)).worksheets[0];
    expect(String(ws.getCell('A1').value)).toContain('Tăng trưởng GRDP (%)');
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => n >= 5 && r.getCell(2).value && rows.push((r.values as unknown[]).slice(1, 9)));
    expect(rows).toContainEqual(['6 tháng đầu năm 2025', '2025-H1', 6.56, 7.8, 84.1, 'Chưa đạt', 7.26, -9.64]);
    const h2 = rows.find((r) => r[1] === '2025-H2')!;
    expect([h2[0], h2[2], h2[3], h2[5]]).toEqual(['6 tháng cuối năm 2025', undefined, 8.2, '']);
  });

  it('xlsx: template down, filled, imported, read back', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/indicators/template.xlsx', headers: { cookie: `dondoc_session=${t.sessions.office.cookie}` } });
    expect(res.statusCode).toBe(200);
    const wb = await workbook(res.rawPayload);
    const ws = wb.getWorksheet('Nhập số liệu')!;
    expect(ws.getRow(2).getCell(1).value).toBe('GRDP');
    expect(ws.getRow(2).getCell(4).value).toBe('2025-H2'); // the period of "today" as an example
    expect(wb.getWorksheet('Cơ quan, xã')!.rowCount).toBeGreaterThan(4);
    // The clerk fills it: a Vietnamese-written number, a commune row, one left blank.
    ws.getRow(2).getCell(4).value = '2025-H2';
    ws.getRow(2).getCell(6).value = '7,15';
    ws.getRow(3).getCell(4).value = '2025-Q3';
    ws.getRow(3).getCell(5).value = '01294';
    ws.getRow(3).getCell(6).value = 1250.5;
    ws.addRow(['TIEM', '', '', '2025-Q3', '', null]);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const up = await t.call(t.sessions.office, 'POST', '/api/indicators/import', { files: [{ name: 'so-lieu.xlsx', contentBase64: filled.toString('base64') }] });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toEqual({ saved: 2, removed: 0 });
    const s = (await t.call(t.sessions.leader, 'GET', `/api/indicators/${grdp}/series`)).json();
    expect(s.rows.find((r: { period: string }) => r.period === '2025-H2').actual).toBe(7.15);
    const v = (await t.call(t.sessions.leader, 'GET', `/api/indicators/${vaccine}`)).json();
    expect(v.values.find((x: { period: string }) => x.period === '2025-Q3')).toMatchObject({ agencyName: 'UBND xã Lý Bôn', value: 1250.5, source: 'xlsx' });
    // The exported chart data reads back the imported figure.
    const out = await t.app.inject({ method: 'GET', url: `/api/indicators/${grdp}/series.xlsx`, headers: { cookie: `dondoc_session=${t.sessions.leader.cookie}` } });
    let h2: unknown = null;
    (await workbook(out.rawPayload)).worksheets[0].eachRow((r) => r.getCell(2).value === '2025-H2' && (h2 = r.getCell(3).value));
    expect(h2).toBe(7.15);
  });

  it('xlsx: a wrong file or row is refused whole, with its row numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Nhập số liệu');
    ws.addRow(['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Đơn vị tính', 'Kỳ', 'Mã cơ quan/xã (trống = toàn tỉnh)', 'Giá trị']);
    ws.addRow(['GRDP', '', '', '2026-H1', '', 5]);
    ws.addRow(['KHONGCO', '', '', '2026', '', 5]);
    ws.addRow(['GRDP', '', '', '2026-H2', 'XYZ', 'nhiều']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await t.call(t.sessions.office, 'POST', '/api/indicators/import', { files: [{ name: 'x.xlsx', contentBase64: buf.toString('base64') }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(['Dòng 3: không có chỉ tiêu mã "KHONGCO".', 'Dòng 4: không có cơ quan/xã mã "XYZ".', 'Dòng 4: giá trị "nhiều" không phải là số.']);
    const rows = await t.database.db.select().from(indicatorValues).where(eq(indicatorValues.period, '2026-H1'));
    expect(rows).toHaveLength(0);
    const junk = await t.call(t.sessions.office, 'POST', '/api/indicators/import', { files: [{ name: 'x.xlsx', contentBase64: Buffer.from('not a zip').toString('base64') }] });
    expect(junk.statusCode).toBe(422);
    expect(junk.json().code).toBe('BAD_FILE');
    const csv = await t.call(t.sessions.office, 'POST', '/api/indicators/import', { files: [{ name: 'x.csv', contentBase64: 'YQ==' }] });
    expect(csv.json().code).toBe('UNSUPPORTED_FILE');
  });

  it('proposals from a notice: read, reviewed one by one, stored only when accepted', async () => {
    const created = await t.call(t.sessions.office, 'POST', '/api/documents', {
      text: NOTICE,
      meta: { number: '9/TB-TEST', subject: 'Kết luận', docDate: '2025-07-14' },
      items: [{ text: 'Sở Y tế tổ chức tiêm vắc xin.', leads: ['Sở Y tế'] }],
    });
    expect(created.statusCode).toBe(201);
    const documentId = created.json().document.id;
    expect((await t.call(t.sessions.leader, 'POST', `/api/documents/${documentId}/indicator-proposals`)).statusCode).toBe(403);
    const read = await t.call(t.sessions.office, 'POST', `/api/documents/${documentId}/indicator-proposals`);
    expect(read.statusCode).toBe(200);
    const items = read.json().items;
    // Part II's "95% kế hoạch" is a target, not a result: only the assessment is read.
    expect(items.map((p: { name: string; value: number; unit: string }) => [p.name, p.value, p.unit])).toEqual([
      ['Tăng trưởng GRDP', 6.56, '%'],
      ['Thu ngân sách', 2394, 'tỷ đồng'],
      ['Thu ngân sách', 22, '%'],
      ['Thu ngân sách', 86, '%'],
    ]);
    expect(items[3].comparison).toEqual({ relation: 'increase', against: 'same_period', againstText: 'cùng kỳ' });
    expect(items[0].suggestedPeriods).toEqual({ month: '2025-06', quarter: '2025-Q2', half: '2025-H1', year: '2025' });
    expect(NOTICE.slice(items[1].startOffset, items[1].endOffset)).toBe('đạt 2.394 tỷ đồng');
    // Nothing is stored yet.
    expect(await t.database.db.select().from(indicatorValues).where(eq(indicatorValues.source, 'notice'))).toHaveLength(0);
    // Reading again adds nothing.
    expect((await t.call(t.sessions.office, 'POST', `/api/documents/${documentId}/indicator-proposals`)).json()).toMatchObject({ found: 4, added: 0 });

    // Accept as read onto an existing indicator (a value already there for the period is replaced).
    const a = await t.call(t.sessions.office, 'POST', `/api/indicator-proposals/${items[0].id}/accept`, { indicatorId: grdp, period: '2025-H1' });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ status: 'accepted', indicatorId: grdp });
    // Accept with a new catalogue entry and an edited value.
    const b = await t.call(t.sessions.office, 'POST', `/api/indicator-proposals/${items[1].id}/accept`, {
      newIndicator: { code: 'THU_NS', name: 'Thu ngân sách nhà nước', unit: 'tỷ đồng', periodKind: 'half', targets: [{ period: '2025-H1', value: 1962.3 }] },
      period: '2025-H1',
      value: 2394.2,
    });
    expect(b.statusCode).toBe(200);
    const thu = (await t.call(t.sessions.leader, 'GET', `/api/indicators/${b.json().indicatorId}`)).json();
    expect(thu.values).toEqual([expect.objectContaining({ period: '2025-H1', value: 2394.2, source: 'notice', documentId, sourceText: 'đạt 2.394 tỷ đồng' })]);
    expect(thu.series[0]).toMatchObject({ actual: 2394.2, target: 1962.3, met: true });
    // Reject one; a decided proposal cannot be decided again.
    expect((await t.call(t.sessions.office, 'POST', `/api/indicator-proposals/${items[2].id}/reject`)).json().status).toBe('rejected');
    const twice = await t.call(t.sessions.office, 'POST', `/api/indicator-proposals/${items[2].id}/accept`, { indicatorId: grdp, period: '2025-H1' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('INVALID_TRANSITION');
    // A wrong period in the accept writes nothing and leaves the proposal pending.
    const wrong = await t.call(t.sessions.office, 'POST', `/api/indicator-proposals/${items[3].id}/accept`, { indicatorId: grdp, period: '2025' });
    expect(wrong.statusCode).toBe(400);
    const after = (await t.call(t.sessions.office, 'GET', `/api/documents/${documentId}/indicator-proposals`)).json().items;
    expect(after.map((p: { status: string }) => p.status)).toEqual(['accepted', 'accepted', 'rejected', 'pending']);
    const log = await t.database.db.select().from(events).where(eq(events.documentId, documentId));
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['document.indicators_read', 'indicator_proposal.accepted', 'indicator_proposal.rejected', 'indicator.values_entered']));
  });

  it('is documented in OpenAPI with response schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const get = doc.paths['/api/indicators/{id}/series'].get;
    expect(get.tags).toEqual(['indicators']);
    expect(get.responses['200'].content['application/json'].schema.properties.rows).toBeDefined();
    expect(doc.paths['/api/indicator-proposals/{id}/accept'].post.requestBody).toBeDefined();
  });
});
