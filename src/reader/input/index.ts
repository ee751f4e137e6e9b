/**
 * The reader's input layer: the bytes of a document as offices have it → clean NFC text.
 * Format by content (magic bytes) first, file extension second.
 *
 * Text form: paragraphs separated by a blank line; a table row is one line, cells joined by " | ".
 */
import { AppError } from '../../shared/errors.ts';
import { hasCharIn, normalizeText } from '../../shared/text.ts';
import { decodeTextBytes, sniffUtf16 } from './text-decoding.ts';
// The .docx and .pdf decoders (and the PDF library behind them) load on first use: a CLI run over
// text files, and a server start, do not pay for them.
import { checkSize, checkTextLooksLikeText, isOleCompound, bytesLookBinary, checkParagraphCount, countTextParagraphs } from './guards.ts';

export type InputFormat = 'txt' | 'docx' | 'pdf' | 'doc';

export interface DecodedDocument {
  text: string;
  format: InputFormat;
  warnings: string[];
}

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function findPdfHeader(b: Uint8Array): boolean {
  // "%PDF-" within the first 1 KB (some producers put junk before it)
  const n = Math.min(b.length - 5, 1024);
  for (let i = 0; i <= n; i++) {
    if (b[i] === 0x25 && b[i + 1] === 0x50 && b[i + 2] === 0x44 && b[i + 3] === 0x46 && b[i + 4] === 0x2d) return true;
  }
  return false;
}

const KNOWN_BINARY: Array<{ sig: number[]; what: string }> = [
  { sig: [0x89, 0x50, 0x4e, 0x47], what: 'ảnh PNG' },
  { sig: [0xff, 0xd8, 0xff], what: 'ảnh JPEG' },
  { sig: [0x47, 0x49, 0x46, 0x38], what: 'ảnh GIF' },
  { sig: [0x49, 0x49, 0x2a, 0x00], what: 'ảnh TIFF' },
  { sig: [0x4d, 0x4d, 0x00, 0x2a], what: 'ảnh TIFF' },
  { sig: [0x42, 0x4d], what: 'ảnh BMP' },
  { sig: [0x1f, 0x8b], what: 'tệp nén gzip' },
  { sig: [0x52, 0x61, 0x72, 0x21], what: 'tệp nén RAR' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf], what: 'tệp nén 7z' },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: 'tệp chương trình' },
  { sig: [0x4d, 0x5a], what: 'tệp chương trình' },
];

function notText(): AppError {
  return new AppError(
    'UNSUPPORTED_FILE',
    'Tệp không phải văn bản đọc được (nội dung nhị phân hoặc định dạng không hỗ trợ). Hãy tải lên tệp .docx, .pdf hoặc .txt.',
  );
}

function extOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim());
  return m ? m[1].toLowerCase() : '';
}

function sniff(bytes: Uint8Array, ext: string): InputFormat {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'docx';
  if (findPdfHeader(bytes)) return 'pdf';
  if (isOleCompound(bytes)) return 'doc';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    throw new AppError('UNSUPPORTED_FILE', 'Tệp RTF chưa được hỗ trợ. Vui lòng lưu lại thành .docx rồi tải lên.');
  }
  // a .docx/.pdf that is not one: say so rather than reading it as text
  if (ext === 'docx' || ext === 'docm') {
    throw new AppError('BAD_FILE', 'Tệp có đuôi .docx nhưng nội dung không phải văn bản Word hợp lệ (tệp hỏng hoặc đổi đuôi).');
  }
  if (ext === 'pdf') {
    throw new AppError('BAD_FILE', 'Tệp có đuôi .pdf nhưng nội dung không phải PDF hợp lệ (tệp hỏng hoặc đổi đuôi).');
  }
  for (const k of KNOWN_BINARY) {
    if (startsWith(bytes, k.sig) && !(k.sig.length === 2 && ext === 'txt')) {
      throw new AppError('UNSUPPORTED_FILE', `Tệp là ${k.what}, không phải văn bản. Hãy tải lên tệp .docx, .pdf hoặc .txt.`);
    }
  }
  if (ext === 'doc') return 'doc';
  return 'txt';
}

/** What tidy() removes everywhere: zero-width marks, soft hyphens and NUL. (Spaces and tabs it
 * removes only at a line's end.) */
const INVISIBLE_MARKS = new Uint8Array(0x10000);
for (const c of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xad, 0]) INVISIBLE_MARKS[c] = 1;

/**
 * Whether tidy() has anything to remove once the text is normalized, without a copy: a mark, or a
 * space or tab that ends a line or the text. Looked for as the two-character strings " \n" and
 * "\t\n" rather than by following spaces character by character, whose irregular pattern the
 * processor cannot predict.
 */
function needsTidy(s: string): boolean {
  const end = s.charCodeAt(s.length - 1);
  return end === 0x20 || end === 0x09 || hasCharIn(s, INVISIBLE_MARKS) || s.includes(' \n') || s.includes('\t\n');
}

/** Light clean-up common to all formats: NFC, \n, no zero-width marks, no trailing spaces.
 * `normalized`: the text is known to be in normalizeText's form already (a decoded .txt). */
function tidy(s: string, normalized = false): string {
  const text = normalized ? s : normalizeText(s);
  if (!needsTidy(text)) return text;
  return text
    .replace(/[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\u0000/g, '')
    .replace(/[ \t]+$/gm, '');
}

export async function decodeDocument(bytes: Uint8Array, fileName: string): Promise<DecodedDocument> {
  checkSize(bytes);
  const ext = extOf(fileName);
  const format = sniff(bytes, ext);
  const warnings: string[] = [];
  let text: string;
  let normalized = false;
  switch (format) {
    case 'docx': {
      const { decodeDocx } = await import('./docx.ts');
      const r = await decodeDocx(bytes);
      text = r.text;
      warnings.push(...r.warnings);
      break;
    }
    case 'pdf': {
      const { decodePdf } = await import('./pdf.ts');
      const r = await decodePdf(bytes);
      text = r.text;
      warnings.push(...r.warnings);
      break;
    }
    case 'doc':
      (await import('./doc.ts')).decodeDoc(bytes);
    // falls through: decodeDoc always throws
    default: {
      const bom = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || startsWith(bytes, [0xef, 0xbb, 0xbf]);
      if (!bom && !sniffUtf16(bytes) && bytesLookBinary(bytes)) throw notText();
      const r = decodeTextBytes(bytes);
      checkTextLooksLikeText(r.text);
      text = r.text;
      normalized = r.normalized;
      warnings.push(...r.warnings);
    }
  }
  text = tidy(text, normalized);
  if (text.trim() === '') {
    throw new AppError(
      'BAD_FILE',
      format === 'docx' ? 'Văn bản Word không có nội dung chữ.' : 'Tệp không có nội dung chữ.',
    );
  }
  if (format !== 'txt') checkTextLooksLikeText(text);
  // A text or PDF file reaches the same limit as a .docx, here on the decoded text.
  checkParagraphCount(countTextParagraphs(text));
  if (ext && ext !== format && !(ext === 'docm' && format === 'docx') && ['txt', 'docx', 'pdf', 'doc'].includes(ext)) {
    warnings.push(`Tệp có đuôi .${ext} nhưng nội dung là ${format.toUpperCase()}; đã đọc theo nội dung.`);
  }
  return { text, format, warnings };
}
