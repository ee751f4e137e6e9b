/**
 * Limits that keep a bad upload from crashing or hanging the reader: size cap, empty file, binary
 * noise, and a zip reader that checks the directory before inflating anything and inflates with a
 * hard output cap (zip bombs whose directory lies are stopped too). Every failure is an AppError
 * with a Vietnamese detail.
 */
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../shared/errors.ts';

export const LIMITS = {
  /** largest upload read at all */
  maxFileBytes: 20 * 1024 * 1024,
  /** largest single part of a .docx once inflated */
  maxEntryBytes: 60 * 1024 * 1024,
  /**
   * largest part the reader inflates and parses (document.xml, styles, numbering): a 100-page
   * directive's document.xml is a few MB, and parsing costs some 25 bytes of memory per byte, so
   * beyond this a part is refused from the zip directory, before anything is inflated.
   */
  maxPartBytes: 16 * 1024 * 1024,
  /** paragraphs (table cells included) in one document; a long plan with big tables has ~10,000 */
  maxParagraphs: 50_000,
  /** all parts read from one .docx, inflated */
  maxTotalInflated: 120 * 1024 * 1024,
  /** inflated / compressed beyond this for a big entry is a bomb */
  maxRatio: 200,
  maxEntries: 5000,
  /** text longer than this after decoding is refused (no real directive is this long) */
  maxTextChars: 5_000_000,
};

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

export function checkSize(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new AppError('BAD_FILE', 'Tệp rỗng (0 byte), không có nội dung để đọc.');
  if (bytes.length > LIMITS.maxFileBytes) {
    throw new AppError(
      'FILE_TOO_LARGE',
      `Tệp quá lớn (${MB(bytes.length)}); giới hạn là ${MB(LIMITS.maxFileBytes)}.`,
      { size: bytes.length, limit: LIMITS.maxFileBytes },
    );
  }
}

const OTHER = 1;
const LETTER = 2;
const BAD = 3;
/** A high surrogate: the class is that of the astral character it starts (see checkTextLooksLikeText). */
const HIGH = 4;
const CHAR_CLASS = new Uint8Array(0x10000);
CHAR_CLASS.fill(HIGH, 0xd800, 0xdc00);
const CLASS_COUNTS = new Int32Array(5);
function charClass(c: number): number {
  let k = CHAR_CLASS[c];
  if (!k) {
    const bad = (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x0c) || c === 0xfffd || (c >= 0x7f && c < 0xa0) || (c >= 0xe000 && c <= 0xf8ff);
    k = CHAR_CLASS[c] = bad ? BAD : /\p{L}/u.test(String.fromCharCode(c)) ? LETTER : OTHER;
  }
  return k;
}

/**
 * Text that is mostly control characters / replacement characters / unassigned symbols is not a
 * document. `s` is the decoded text.
 */
export function checkTextLooksLikeText(s: string): void {
  const sample = s.length > 100_000 ? s.slice(0, 50_000) + s.slice(-50_000) : s;
  if (sample.trim() === '') throw new AppError('BAD_FILE', 'Tệp không có chữ nào (chỉ có khoảng trắng).');
  let n = 0;
  // By code unit with a cached class per BMP character: a regular expression per character made
  // this check cost more than decoding the file. The classes are counted in a small table rather
  // than tested one by one: letters and spaces alternate too irregularly for the processor to guess
  // such tests, and the missed guesses cost more than the rest of the loop. High surrogates have a
  // class of their own: a surrogate pair counts once, as a letter if the astral character is one;
  // a high surrogate that ends the text counts as neither.
  const counts = CLASS_COUNTS.fill(0);
  const len = sample.length;
  for (let i = 0; i < len; i++) {
    const c = sample.charCodeAt(i);
    n++;
    const k = CHAR_CLASS[c] || charClass(c);
    counts[k]++;
    if (k === HIGH && i + 1 < len) {
      const cp = sample.codePointAt(i)!;
      i++;
      if (/\p{L}/u.test(String.fromCodePoint(cp))) counts[LETTER]++;
    }
  }
  const bad = counts[BAD];
  const letters = counts[LETTER];
  if (bad / n > 0.05 || letters / n < 0.3) {
    throw new AppError(
      'UNSUPPORTED_FILE',
      'Tệp không phải văn bản đọc được (nội dung nhị phân hoặc định dạng không hỗ trợ). Hãy tải lên tệp .docx, .pdf hoặc .txt.',
    );
  }
  if (s.length > LIMITS.maxTextChars) {
    throw new AppError('FILE_TOO_LARGE', 'Văn bản quá dài để xử lý (hơn 5 triệu ký tự).');
  }
}

/**
 * Raw bytes that cannot be text in any encoding the reader knows (UTF-16 excepted, which the caller
 * has ruled out): many C0 control bytes other than tab / line ends / form feed / ESC.
 */
export function bytesLookBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 65536);
  if (n === 0) return false;
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) ctrl++;
  }
  return ctrl / n > 0.05;
}

// ------------------------------------------------------------------ zip

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

export interface SafeZip {
  names(): string[];
  has(name: string): boolean;
  /** inflate one part with a hard cap; undefined when the part is absent */
  read(name: string): Promise<Uint8Array | undefined>;
  readText(name: string): Promise<string | undefined>;
}

function corrupt(kind: string): AppError {
  return new AppError('BAD_FILE', `Tệp ${kind} bị hỏng hoặc không đầy đủ (cấu trúc nén không hợp lệ). Vui lòng mở bằng Word, lưu lại rồi tải lên.`);
}
function bomb(kind: string): AppError {
  return new AppError(
    'FILE_TOO_LARGE',
    `Tệp ${kind} khi giải nén vượt quá giới hạn cho phép (nghi là "bom nén"), không xử lý.`,
  );
}

function partTooLarge(kind: string, inflated: number): AppError {
  return new AppError(
    'FILE_TOO_LARGE',
    `Nội dung tệp ${kind} khi giải nén quá lớn (hơn ${MB(LIMITS.maxPartBytes)}); văn bản chỉ đạo không dài đến thế. Hãy kiểm tra lại tệp hoặc tách thành nhiều văn bản.`,
    { inflated, limit: LIMITS.maxPartBytes },
  );
}

/**
 * Refuses a document with more paragraphs than any directive has. Counted on the XML before it is
 * parsed (`<w:p>` and `<w:p ...>` start tags), so a document of a million empty paragraphs costs a
 * scan, not a parse.
 */
export function checkParagraphCount(count: number): void {
  if (count > LIMITS.maxParagraphs) {
    throw new AppError(
      'TOO_MANY_PARAGRAPHS',
      `Văn bản có quá nhiều đoạn (${count.toLocaleString('vi-VN')}; giới hạn ${LIMITS.maxParagraphs.toLocaleString('vi-VN')}). Hãy tách thành nhiều văn bản nhỏ hơn.`,
      { paragraphs: count, limit: LIMITS.maxParagraphs },
    );
  }
}

export function countXmlParagraphs(xml: string): number {
  let n = 0;
  for (let i = xml.indexOf('<w:p'); i >= 0; i = xml.indexOf('<w:p', i + 4)) {
    const next = xml.charCodeAt(i + 4);
    // '>', ' ', '/', tab, newline: a paragraph, not <w:pPr>, <w:pStyle> ...
    if (next === 0x3e || next === 0x20 || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
  }
  return n;
}

/** Paragraphs of decoded text (separated by a blank line), counted without splitting. */
export function countTextParagraphs(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n\n'); i >= 0; i = text.indexOf('\n\n', i + 2)) n++;
  return n;
}

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

/** Parse the central directory (ZIP and ZIP64). Throws BAD_FILE on anything inconsistent. */
export function readZipDirectory(bytes: Uint8Array, kind = '.docx'): ZipEntry[] {
  const len = bytes.length;
  if (len < 22) throw corrupt(kind);
  let eocd = -1;
  const stop = Math.max(0, len - 22 - 0xffff);
  for (let i = len - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(kind);
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== 0x07064b50) throw corrupt(kind);
    const z64 = u64(bytes, loc + 8);
    if (z64 + 56 > len || u32(bytes, z64) !== 0x06064b50) throw corrupt(kind);
    count = u64(bytes, z64 + 32);
    cdSize = u64(bytes, z64 + 40);
    cdOffset = u64(bytes, z64 + 48);
  }
  if (count > LIMITS.maxEntries) throw bomb(kind);
  if (cdOffset + cdSize > len) throw corrupt(kind);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  const dec = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > len || u32(bytes, p) !== 0x02014b50) throw corrupt(kind);
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let uncompressedSize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    if (p + 46 + nameLen + extraLen > len) throw corrupt(kind);
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 extra field
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = u16(bytes, e);
      const sz = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + sz) (uncompressedSize = u64(bytes, q)), (q += 8);
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + sz) (compressedSize = u64(bytes, q)), (q += 8);
        if (localOffset === 0xffffffff && q + 8 <= e + 4 + sz) localOffset = u64(bytes, q);
      }
      e += 4 + sz;
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Open a zip (a .docx) without trusting it: directory checked for size and ratio before anything is
 * inflated; every read capped again while inflating.
 */
export async function openZipSafely(bytes: Uint8Array, what: 'docx' = 'docx'): Promise<SafeZip> {
  const kind = `.${what}`;
  const entries = readZipDirectory(bytes, kind);
  const byName = new Map<string, ZipEntry>();
  let declared = 0;
  for (const e of entries) {
    if (e.uncompressedSize > LIMITS.maxEntryBytes) throw bomb(kind);
    if (e.uncompressedSize > 1024 * 1024 && e.compressedSize > 0 && e.uncompressedSize / e.compressedSize > LIMITS.maxRatio) throw bomb(kind);
    declared += e.uncompressedSize;
    byName.set(e.name, e);
  }
  if (declared > LIMITS.maxTotalInflated * 4) throw bomb(kind);
  let inflatedTotal = 0;

  const read = async (name: string): Promise<Uint8Array | undefined> => {
    const e = byName.get(name);
    if (!e) return undefined;
    if (e.flags & 0x1) {
      throw new AppError('BAD_FILE', `Tệp ${kind} được đặt mật khẩu (mã hóa) nên không đọc được. Vui lòng bỏ mật khẩu rồi tải lên lại.`);
    }
    if (e.uncompressedSize > LIMITS.maxPartBytes) throw partTooLarge(kind, e.uncompressedSize);
    const lo = e.localOffset;
    if (lo + 30 > bytes.length || u32(bytes, lo) !== 0x04034b50) throw corrupt(kind);
    const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
    const end = start + e.compressedSize;
    if (end > bytes.length) throw corrupt(kind);
    const data = bytes.subarray(start, end);
    // The directory may lie about the size: inflation stops at the same limit.
    const cap = Math.min(LIMITS.maxEntryBytes, LIMITS.maxPartBytes, LIMITS.maxTotalInflated - inflatedTotal);
    let out: Uint8Array;
    if (e.method === 0) {
      out = data;
    } else if (e.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
      } catch (err) {
        if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw bomb(kind);
        throw corrupt(kind);
      }
    } else {
      throw new AppError('UNSUPPORTED_FILE', `Tệp ${kind} dùng kiểu nén không hỗ trợ (phương thức ${e.method}).`);
    }
    if (out.length > cap) throw bomb(kind);
    inflatedTotal += out.length;
    return out;
  };
  return {
    names: () => [...byName.keys()],
    has: (n) => byName.has(n),
    read,
    readText: async (n) => {
      const b = await read(n);
      if (!b) return undefined;
      return decodeXmlBytes(b);
    },
  };
}

/** XML parts are UTF-8, sometimes UTF-16 with a BOM. */
function decodeXmlBytes(b: Uint8Array): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  return new TextDecoder('utf-8').decode(b);
}

/** OLE compound file (legacy .doc, .xls, or an encrypted Office 2007+ file). */
export function isOleCompound(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;
}

/** Does a byte string (ASCII or UTF-16LE) occur in the bytes? For stream names in OLE files. */
export function containsName(b: Uint8Array, name: string, utf16 = true): boolean {
  const pat: number[] = [];
  for (const ch of name) {
    pat.push(ch.charCodeAt(0));
    if (utf16) pat.push(0);
  }
  const n = Math.min(b.length, 8 * 1024 * 1024);
  outer: for (let i = 0; i + pat.length <= n; i++) {
    if (b[i] !== pat[0]) continue;
    for (let j = 1; j < pat.length; j++) if (b[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}
