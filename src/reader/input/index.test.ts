import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { decodeDocument } from './index.ts';
import { LIMITS } from './guards.ts';
import { buildDocx, p, handZip } from './fixtures/build-docx.ts';
import { imageOnlyPdf } from './fixtures/build-pdf.ts';
import { AppError } from '../../shared/errors.ts';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (n: string) => new Uint8Array(readFileSync(join(here, 'fixtures', n)));
const enc = new TextEncoder();

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

function noise(n: number, seed = 7): Uint8Array {
  const b = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
}


describe('decodeDocument: format by content first, extension second', () => {
  it('.txt', async () => {
    const r = await decodeDocument(enc.encode('THÔNG BÁO\n\nGiao Sở Y tế thực hiện.'), 'tb.txt');
    expect(r).toEqual({ text: 'THÔNG BÁO\n\nGiao Sở Y tế thực hiện.', format: 'txt', warnings: [] });
  });

  it('a .docx named .txt (or with no extension) is read as .docx, with a warning', async () => {
    const bytes = await buildDocx({ body: p('Kế hoạch') });
    const r = await decodeDocument(bytes, 'ke-hoach.txt');
    expect(r.format).toBe('docx');
    expect(r.text).toBe('Kế hoạch');
    expect(r.warnings.join(' ')).toMatch(/đuôi \.txt/);
    expect((await decodeDocument(bytes, 'upload')).format).toBe('docx');
  });

  it('a .pdf named .docx is read as .pdf', async () => {
    const r = await decodeDocument(fixture('pdf-source.pdf'), 'thong-bao.docx');
    expect(r.format).toBe('pdf');
    expect(r.text).toContain('Sở Tài chính chủ trì');
  });

  it('the corpus-like .docx fixture', async () => {
    const r = await decodeDocument(fixture('numbered.docx'), 'a.docx');
    expect(r.format).toBe('docx');
    expect(r.text).toMatch(/^1\.1\. Sở Tài chính/m);
  });
});

describe('decodeDocument: bad input gets a clear error, never a crash or a hang', () => {
  afterEach(() => {
    LIMITS.maxEntryBytes = 60 * 1024 * 1024;
    LIMITS.maxTotalInflated = 120 * 1024 * 1024;
  });

  it('empty file', async () => {
    const e = await errorOf(decodeDocument(new Uint8Array(0), 'a.docx'));
    expect(e.code).toBe('BAD_FILE');
    expect(e.detail).toMatch(/rỗng/);
  });

  it('whitespace only', async () => {
    expect((await errorOf(decodeDocument(enc.encode('  \n\n  '), 'a.txt'))).code).toBe('BAD_FILE');
  });

  it('50 MB of noise: refused by size before anything is read', async () => {
    const e = await errorOf(decodeDocument(new Uint8Array(50 * 1024 * 1024).fill(0x41), 'x.pdf'));
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.detail).toMatch(/quá lớn/);
  });

  it('5 MB of binary noise: not a document', async () => {
    const t0 = Date.now();
    const e = await errorOf(decodeDocument(noise(5 * 1024 * 1024), 'x.bin'));
    expect(e.code).toBe('UNSUPPORTED_FILE');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('noise named .docx or .pdf: a broken file of that kind', async () => {
    expect((await errorOf(decodeDocument(noise(10_000), 'x.docx'))).code).toBe('BAD_FILE');
    expect((await errorOf(decodeDocument(noise(10_000), 'x.pdf'))).code).toBe('BAD_FILE');
  });

  it('images and other known binaries', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(100)]);
    const e = await errorOf(decodeDocument(png, 'scan.png'));
    expect(e.code).toBe('UNSUPPORTED_FILE');
    expect(e.detail).toMatch(/ảnh PNG/);
    expect((await errorOf(decodeDocument(enc.encode('{\\rtf1\\ansi hello}'), 'a.rtf'))).code).toBe('UNSUPPORTED_FILE');
  });

  it('image-only PDF', async () => {
    const e = await errorOf(decodeDocument(imageOnlyPdf(), 'scan.pdf'));
    expect(e.code).toBe('UNSUPPORTED_FILE');
    expect(e.detail).toMatch(/OCR/);
  });

  it('encrypted PDF', async () => {
    expect((await errorOf(decodeDocument(fixture('encrypted.pdf'), 'a.pdf'))).detail).toMatch(/mật khẩu/);
  });

  it('corrupt .docx: truncated zip, zip without document.xml, XML cut short, no body', async () => {
    const good = await buildDocx({ body: p('Nội dung') });
    expect((await errorOf(decodeDocument(good.slice(0, good.length - 30), 'a.docx'))).code).toBe('BAD_FILE');
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const xlsx = await zip.generateAsync({ type: 'uint8array' });
    expect((await errorOf(decodeDocument(xlsx, 'a.docx'))).code).toBe('BAD_FILE');
    // XML cut short: read leniently, what is there is kept
    const broken = handZip('word/document.xml', enc.encode('<w:document><w:body><w:p><w:r><w:t>Xin chào'));
    expect((await decodeDocument(broken, 'a.docx')).text).toBe('Xin chào');
    // XML with no body at all
    const nobody = handZip('word/document.xml', enc.encode('<w:document>garbage'));
    expect((await errorOf(decodeDocument(nobody, 'a.docx'))).code).toBe('BAD_FILE');
  });

  it('encrypted .docx (Office wraps it in an OLE file with an EncryptedPackage stream)', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = 'EncryptedPackage';
    for (let i = 0; i < name.length; i++) ole[1024 + i * 2] = name.charCodeAt(i);
    const e = await errorOf(decodeDocument(ole, 'mat.docx'));
    expect(e.code).toBe('BAD_FILE');
    expect(e.detail).toMatch(/mật khẩu/);
    // a zip entry flagged as encrypted
    const z = handZip('word/document.xml', enc.encode('<w:document/>'), { flags: 1 });
    expect((await errorOf(decodeDocument(z, 'a.docx'))).detail).toMatch(/mật khẩu/);
  });

  it('legacy .doc: asks to save as .docx', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = 'WordDocument';
    for (let i = 0; i < name.length; i++) ole[1024 + i * 2] = name.charCodeAt(i);
    const e = await errorOf(decodeDocument(ole, 'cu.doc'));
    expect(e.code).toBe('UNSUPPORTED_FILE');
    expect(e.detail).toMatch(/\.docx/);
  });

  it('zip bomb announced in the directory: refused before inflating', async () => {
    LIMITS.maxEntryBytes = 1024 * 1024;
    const z = handZip('word/document.xml', new Uint8Array(2 * 1024 * 1024).fill(0x20));
    const e = await errorOf(decodeDocument(z, 'bomb.docx'));
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.detail).toMatch(/bom nén/);
  });

  it('zip bomb whose directory lies about the size: stopped while inflating', async () => {
    LIMITS.maxEntryBytes = 1024 * 1024;
    const z = handZip('word/document.xml', new Uint8Array(8 * 1024 * 1024).fill(0x20), { declaredSize: 1000 });
    const t0 = Date.now();
    const e = await errorOf(decodeDocument(z, 'bomb.docx'));
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('a document.xml inflating to 58 MB (1.2 M paragraphs) inside every file cap: refused from the directory at once', async () => {
    const body = Array.from({ length: 1_200_000 }, (_, i) => `<w:p><w:r><w:t>Nội dung ${(i * 7919) % 1_000_003}</w:t></w:r></w:p>`);
    const xml = enc.encode(`<w:document><w:body>${body.join('')}</w:body></w:document>`);
    expect(xml.length).toBeGreaterThan(50_000_000);
    const z = handZip('word/document.xml', xml);
    expect(z.length).toBeLessThan(LIMITS.maxFileBytes);
    const t0 = performance.now();
    const e = await errorOf(decodeDocument(z, 'phinh.docx'));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.detail).toMatch(/khi giải nén quá lớn \(hơn 16 MB\)/);
    expect(e.extra).toMatchObject({ limit: LIMITS.maxPartBytes });
  });

  it('a part whose directory claims a small size is stopped at the part limit while inflating', async () => {
    const z = handZip('word/document.xml', new Uint8Array(LIMITS.maxPartBytes + 1024).fill(0x20), { declaredSize: 1000 });
    const e = await errorOf(decodeDocument(z, 'noi-doi.docx'));
    expect(e.code).toBe('FILE_TOO_LARGE');
  });

  it('more paragraphs than any directive: refused before the XML is parsed', async () => {
    // Varied text, so that the compression ratio is a real document's, not a bomb's.
    const body = Array.from({ length: LIMITS.maxParagraphs + 1 }, (_, i) => `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:t>${i * 7919}</w:t></w:r></w:p>`);
    const xml = enc.encode(`<w:document><w:body>${body.join('')}</w:body></w:document>`);
    const t0 = performance.now();
    const e = await errorOf(decodeDocument(handZip('word/document.xml', xml), 'nhieu-doan.docx'));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(e.code).toBe('TOO_MANY_PARAGRAPHS');
    expect(e.status).toBe(413);
    expect(e.detail).toMatch(/^Văn bản có quá nhiều đoạn \(50\.001; giới hạn 50\.000\)/);
  });

  it('counts paragraphs, not <w:pPr> or <w:pStyle>, and lets a document at the limit through', async () => {
    const body = Array.from({ length: LIMITS.maxParagraphs }, (_, i) => `<w:p w:rsidR="1"><w:pPr><w:pStyle w:val="a"/></w:pPr><w:r><w:t>Sở Y tế thực hiện nhiệm vụ số ${i}</w:t></w:r></w:p>`);
    const xml = enc.encode(`<w:document><w:body>${body.join('')}</w:body></w:document>`);
    const r = await decodeDocument(handZip('word/document.xml', xml), 'dung-gioi-han.docx');
    expect(r.text.split('\n\n')).toHaveLength(LIMITS.maxParagraphs);
  }, 30_000);

  it('a text file with more paragraphs than the limit', async () => {
    const e = await errorOf(decodeDocument(enc.encode('Sở Y tế thực hiện.\n\n'.repeat(LIMITS.maxParagraphs + 1)), 'dai.txt'));
    expect(e.code).toBe('TOO_MANY_PARAGRAPHS');
  });

  it('a .txt of control characters', async () => {
    const b = new Uint8Array(5000).map((_, i) => (i % 7) + 1);
    expect((await errorOf(decodeDocument(b, 'x.txt'))).code).toBe('UNSUPPORTED_FILE');
  });
});

describe('tidying decoded text', () => {
  // The clean-up skips its replacements when a single pass finds nothing to change; each kind of
  // character it removes must still be found wherever it stands.
  const clean = 'Sở Tài chính chủ trì rà soát.\nSở Y tế phối hợp.';
  it.each([
    ['trailing spaces before a line end', 'Sở Tài chính chủ trì rà soát.   \nSở Y tế phối hợp.'],
    ['a trailing tab at the very end', 'Sở Tài chính chủ trì rà soát.\nSở Y tế phối hợp.\t'],
    ['CRLF line ends', 'Sở Tài chính chủ trì rà soát.\r\nSở Y tế phối hợp.'],
    ['a zero-width space', 'Sở Tài chính chủ\u200b trì rà soát.\nSở Y tế phối hợp.'],
    ['a soft hyphen', 'Sở Tài chính chủ trì rà so\u00adát.\nSở Y tế phối hợp.'],
    ['decomposed tones (NFD)', 'Sở Tài chính chủ trì rà soát.\nSở Y tế phối hợp.'.normalize('NFD')],
  ])('removes %s', async (_, text) => {
    expect((await decodeDocument(enc.encode(text), 'tb.txt')).text).toBe(clean);
  });
  it('turns no-break spaces into spaces and keeps inner spaces', async () => {
    expect((await decodeDocument(enc.encode('Sở\u00a0Y tế  phối hợp.'), 'tb.txt')).text).toBe('Sở Y tế  phối hợp.');
  });
  it('normalizes again a text that removing a zero-width space left out of NFC', async () => {
    expect((await decodeDocument(enc.encode('Ca\u200b\u0301c sở phối hợp.'), 'tb.txt')).text).toBe('Các sở phối hợp.');
  });
});
