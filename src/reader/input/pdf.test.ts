import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePdf, _pdfInternals, type PdfItem, type PdfPage } from './pdf.ts';
import { decodeDocx } from './docx.ts';
import { SAMPLE_PARAGRAPHS } from './fixtures/sample-text.ts';
import { imageOnlyPdf, asciiTextPdf } from './fixtures/build-pdf.ts';
import { AppError } from '../../shared/errors.ts';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (n: string) => new Uint8Array(readFileSync(join(here, 'fixtures', n)));
const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

describe('pdf: a LibreOffice PDF of Vietnamese text (fixtures/pdf-source.pdf)', () => {
  it('decodes every paragraph with its diacritics exactly, in reading order', async () => {
    const { text } = await decodePdf(fixture('pdf-source.pdf'));
    const paras = text.split('\n\n');
    expect(paras[0]).toBe('THÔNG BÁO');
    expect(paras.slice(1).map(norm)).toEqual(SAMPLE_PARAGRAPHS.map(norm));
    expect(text).toBe(text.normalize('NFC'));
  });

  it('the paragraph stored decomposed (NFD), cut by LibreOffice into one piece per accented letter, is whole', async () => {
    const { text } = await decodePdf(fixture('pdf-source.pdf'));
    expect(text).toContain('Tuy nhiên, việc giải phóng mặt bằng một số dự án trọng điểm còn chậm');
    expect(text).toContain('quản lý đất đai, khoáng sản, bảo vệ rừng ở một số nơi');
    expect(text).not.toMatch(/\b(?:m ột|kho áng|ch ậm|phư ơ ng|l ò ng)\b/);
  });

  it('drops the repeated page header and the page numbers; joins the paragraph cut by the page break', async () => {
    const { text } = await decodePdf(fixture('pdf-source.pdf'));
    expect(text).not.toContain('UBND TỈNH THỬ NGHIỆM');
    expect(text).not.toMatch(/Trang \d/);
    // paragraph 4. runs from page 1 to page 2
    expect(text).toContain(norm(SAMPLE_PARAGRAPHS[8]));
  });

  it('tables.pdf: header block, task table (cells centred vertically), signature block read as the .docx is', async () => {
    const pdf = (await decodePdf(fixture('tables.pdf'))).text;
    const docx = (await decodeDocx(fixture('tables.docx'))).text;
    const flat = (t: string) => t.split('\n\n').map((p) => p.replace(/\s+/g, ' ').trim());
    expect(flat(pdf)).toEqual(flat(docx));
    expect(pdf).toContain('STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành');
    expect(pdf).toContain('2 | Xây dựng cơ sở dữ liệu về khoáng sản | Sở Khoa học và Công nghệ | Sở Nông nghiệp và Môi trường | Tháng 12/2025');
  });

  it('an image-only PDF (no text layer) is refused with a clear error', async () => {
    await expect(decodePdf(imageOnlyPdf())).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE', detail: expect.stringMatching(/không có lớp chữ/) });
  });

  it('an encrypted PDF (password to open) is refused', async () => {
    await expect(decodePdf(fixture('encrypted.pdf'))).rejects.toMatchObject({ code: 'BAD_FILE', detail: expect.stringMatching(/mật khẩu/) });
  });

  it('a truncated or garbage PDF is refused, not a crash', async () => {
    const good = fixture('pdf-source.pdf');
    for (const bad of [good.slice(0, 400), Uint8Array.from('%PDF-1.7\n garbage garbage', (c) => c.charCodeAt(0))]) {
      const err = await decodePdf(bad).catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(['BAD_FILE', 'UNSUPPORTED_FILE']).toContain(err.code);
    }
  });

  it('a simple PDF: lines in order, a centred page number dropped', async () => {
    const bytes = asciiTextPdf([
      [72, 760, 'Line one of the first paragraph that is long enough'],
      [72, 745, 'and its end.'],
      [90, 720, 'Second paragraph starts indented.'],
      [290, 40, '1'],
    ]);
    const { text } = await decodePdf(bytes);
    expect(text).toBe('Line one of the first paragraph that is long enough and its end.\n\nSecond paragraph starts indented.');
  });
});

let order = 0;
const item = (str: string, x: number, w: number, y = 700, size = 14): PdfItem => ({ str, x, y, w, size, order: order++ });

describe('pdf: joining the pieces of a line', () => {
  const { joinLine, buildLines } = _pdfInternals;

  it('joins pieces without a gap, keeps real spaces', () => {
    expect(joinLine([item('Sở Tài', 72, 40), item(' ', 112, 3.5), item('chính', 115.5, 30)], 14)).toBe('Sở Tài chính');
    expect(joinLine([item('Sở', 72, 15), item('Tài', 91, 20)], 14)).toBe('Sở Tài');
    expect(joinLine([item('nhi', 72, 15), item('ê', 87, 6), item('n', 93, 7)], 14)).toBe('nhiên');
  });

  it('drops a fake space that splits a syllable next to an accented piece, keeps one between words', () => {
    // "m" + fake space + "ộ" + "t": one word; "dự" + space + "á" + "n": two words
    expect(joinLine([item('bằng m', 72, 40), item(' ', 112, 6), item('ộ', 118, 7), item('t số', 125, 20)], 14)).toBe('bằng một số');
    expect(joinLine([item('số d', 72, 25), item('ự', 97, 7), item(' ', 104, 4.5), item('á', 108.5, 6), item('n', 114.5, 7)], 14)).toBe('số dự án');
    // a piece drawn with no width, then pdfjs's fake space
    expect(joinLine([item('các c', 72, 30), item('ơ', 102.2, 0), item(' ', 102, 11), item('sở', 113, 14)], 14)).toBe('các cơ sở');
    expect(joinLine([item('chủ động ph', 72, 70), item('ò', 142.3, 0), item(' ', 142, 7), item('ng, chống', 149, 60)], 14)).toBe('chủ động phòng, chống');
    expect(joinLine([item('hằ', 72, 14), item(' ', 86, 6), item('ng quý', 92, 40), item(' ', 132, 5), item('.', 137, 3)], 14)).toBe('hằng quý.');
  });

  it('a combining mark sent as its own item goes back on its letter', () => {
    const lines = buildLines([item('Vie', 72, 20), item('\u0323\u0302', 86, 0, 703), item('t Nam', 92, 35)]);
    expect(lines.map((l) => l.text.normalize('NFC'))).toEqual(['Việt Nam']);
  });

  it('orders lines top to bottom and items left to right; a wide gap becomes a column separator', () => {
    const lines = buildLines([item('dòng hai', 72, 50, 680), item('dòng một', 72, 50, 700), item('cột phải', 400, 50, 680)]);
    expect(lines.map((l) => l.text)).toEqual(['dòng một', 'dòng hai | cột phải']);
  });

  it('re-joins a paragraph cut by a page break ("minh" / "bạch") but not a finished one', () => {
    const { assemble } = _pdfInternals;
    const line = (text: string, x0: number, x1: number, y: number) => ({ y, x0, x1, size: 14, text, items: [{ str: text, x: x0, y, w: x1 - x0, size: 14, order: y }] });
    const pages: PdfPage[] = [
      { width: 595, height: 842, lines: [line('Công khai,', 100, 523, 700), line('thủ tục hành chính công khai, minh', 72, 523, 684)] },
      { width: 595, height: 842, lines: [line('bạch, đúng hạn.', 72, 200, 780), line('Đoạn mới bắt đầu thụt lề.', 100, 400, 760)] },
    ];
    expect(assemble(pages)).toBe('Công khai, thủ tục hành chính công khai, minh bạch, đúng hạn.\n\nĐoạn mới bắt đầu thụt lề.');
  });
});
