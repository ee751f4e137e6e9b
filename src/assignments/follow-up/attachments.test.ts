import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, publishTestDocument, type Session, type TestApp } from '../../http/testing';
import { SESSION_COOKIE } from '../../http/build-server';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** A browser's multipart form: text fields and files (a file input left empty sends an unnamed empty part). */
function multipart(fields: Record<string, string>, files: { name: string; type: string; data: Buffer }[]) {
  const boundary = '----dondoc-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('attachments and messages', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await createTestApp('pglite', { today: '2025-07-15' });
    const { assignments } = await publishTestDocument(t, [{ ref: 'A', text: 'Sở Y tế rà soát cơ sở y tế.', leads: ['Sở Y tế'], due: '2025-07-31' }]);
    id = assignments[0].id;
  });
  afterAll(() => t.close());

  const post = (who: Session, fields: Record<string, string>, files: { name: string; type: string; data: Buffer }[]) => {
    const { payload, contentType } = multipart(fields, files);
    return t.app.inject({
      method: 'POST',
      url: `/api/assignments/${id}/progress`,
      headers: { cookie: `${SESSION_COOKIE}=${who.cookie}`, 'x-csrf-token': who.csrf, 'content-type': contentType },
      payload,
    });
  };
  const reportCount = async () => (await t.call(t.sessions.syt, 'GET', `/api/assignments/${id}`)).json().reports.length as number;

  it('refuses an empty file with a message, writing nothing', async () => {
    const before = await reportCount();
    const res = await post(t.sessions.syt, { text: 'Báo cáo kèm tệp.' }, [{ name: 'bao-cao.pdf', type: 'application/pdf', data: Buffer.alloc(0) }]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', field: 'files' });
    expect(res.json().detail).toBe('Tệp "bao-cao.pdf" rỗng (0 byte): hãy chọn lại tệp có nội dung.');
    expect(await reportCount()).toBe(before);
  });

  it('still accepts a form whose file input was left empty', async () => {
    const res = await post(t.sessions.syt, { text: 'Báo cáo không kèm tệp.' }, [{ name: '', type: 'application/octet-stream', data: Buffer.alloc(0) }]);
    expect(res.statusCode).toBe(201);
    expect(res.json().attachments).toEqual([]);
  });

  it('judges the type by the content: a JPEG renamed .pdf is refused, a real PDF is stored as one', async () => {
    const renamed = await post(t.sessions.syt, { text: 'Ảnh đổi đuôi.' }, [{ name: 'bao-cao.pdf', type: 'application/pdf', data: JPEG }]);
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().code).toBe('UNSUPPORTED_FILE');
    expect(renamed.json().detail).toContain('có đuôi .pdf nhưng nội dung là ảnh JPEG');
    const exe = await post(t.sessions.syt, { text: 'Tệp chạy.' }, [{ name: 'setup.exe', type: 'application/pdf', data: PDF }]);
    expect(exe.json().detail).toContain('không nhận loại tệp .exe');
    // A JPEG named .jpg but claimed by the client to be a PDF is stored and served as a JPEG.
    const ok = await post(t.sessions.syt, { text: 'Kèm ảnh và biên bản.' }, [
      { name: 'anh.jpg', type: 'application/pdf', data: JPEG },
      { name: 'bien-ban.pdf', type: 'application/octet-stream', data: PDF },
    ]);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().attachments.map((a: { mime: string }) => a.mime)).toEqual(['image/jpeg', 'application/pdf']);
    const served = await t.call(t.sessions.syt, 'GET', `/api/attachments/${ok.json().attachments[0].id}`);
    expect(served.headers['content-type']).toBe('image/jpeg');
  });

  it('states the size limit when a file is too large', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const res = await post(t.sessions.syt, { text: 'Tệp lớn.' }, [{ name: 'lon.pdf', type: 'application/pdf', data: big }]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'FILE_TOO_LARGE', maxBytes: 10 * 1024 * 1024 });
    expect(res.json().detail).toBe('Tệp "lon.pdf" quá lớn: mỗi tệp tối đa 10 MB.');
  });

  it('names fields as the forms label them, in Vietnamese', async () => {
    const res = await t.call(t.sessions.syt, 'POST', `/api/assignments/${id}/extensions`, { requestedDue: '31/07/2025', reason: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('Dữ liệu không hợp lệ: Hạn đề nghị: phải là một ngày hợp lệ (ngày/tháng/năm); Lý do: không được để trống.');
    expect(res.json().detail).not.toMatch(/body\.|\(date\)/);
    expect(res.json().errors[0]).toMatchObject({ field: 'body.requestedDue', label: 'Hạn đề nghị' });
    const pct = await t.call(t.sessions.syt, 'POST', `/api/assignments/${id}/progress`, { text: 'x', percent: 140 });
    expect(pct.json().detail).toBe('Dữ liệu không hợp lệ: Tỷ lệ hoàn thành (%): phải nhỏ hơn hoặc bằng 100.');
  });
});
