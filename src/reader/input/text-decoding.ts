/**
 * Bytes of a plain-text document → Unicode NFC: UTF-8 (with or without BOM), UTF-16 LE/BE (with a
 * BOM or recognised by its zero bytes), legacy TCVN3 (ABC) and VNI detected and converted, and
 * anything else read as Windows-1252 with a warning.
 */
import { isUtf8 } from 'node:buffer';
import { marksIn, replaceUnnormal, UNNORMAL } from '../../shared/text.ts';
import { decodeCp1252, detectLegacy, convertLegacy, vietnameseScore, charToByte, type LegacyEncoding } from './legacy-vietnamese.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'tcvn3' | 'vni' | 'windows-1258' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  warnings: string[];
  /** The text is already in normalizeText's form (false only when removing an invisible mark may
   * have left it otherwise), so the caller need not normalize it again. */
  normalized: boolean;
}

/** UTF-16 without BOM: many zero bytes at odd (LE) or even (BE) positions. */
export function sniffUtf16(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(b.length - (b.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  // Vietnamese in UTF-16: ASCII letters and spaces give a zero high byte; U+1Exx letters give 0x1E.
  let evenHigh = 0;
  let oddHigh = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0 || b[i] === 0x1e || b[i] === 0x01) evenHigh++;
    if (b[i + 1] === 0 || b[i + 1] === 0x1e || b[i + 1] === 0x01) oddHigh++;
  }
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05 && oddHigh / pairs > 0.6) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05 && evenHigh / pairs > 0.6) return 'utf-16be';
  return undefined;
}

/** The UTF-16 units of the text being decoded, reused by every call (grown when needed). */
let scratch = Buffer.alloc(1 << 17);
let units = new Uint16Array(scratch.buffer, scratch.byteOffset, scratch.length >> 1);

/**
 * The bytes as UTF-8, or undefined when they are not valid UTF-8. Validity is checked first
 * (isUtf8 accepts exactly what a fatal decoder accepts, and costs little next to decoding); the
 * decoding is then done here, into UTF-16 units turned into a string in one copy: Node's own UTF-8
 * decoders (TextDecoder, Buffer#toString) took half as long again on Vietnamese text, where most
 * letters take two or three bytes.
 */
export function utf8OrUndefined(b: Uint8Array): string | undefined {
  if (!isUtf8(b)) return undefined;
  const n = b.length;
  // never more units than bytes
  if (n > units.length) {
    scratch = Buffer.alloc(n * 2);
    units = new Uint16Array(scratch.buffer, scratch.byteOffset, n);
  }
  const u = units;
  let j = 0;
  for (let i = 0; i < n; ) {
    const c = b[i];
    if (c < 0x80) {
      u[j++] = c;
      i++;
    } else if (c < 0xe0) {
      u[j++] = ((c & 0x1f) << 6) | (b[i + 1] & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      u[j++] = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
      i += 3;
    } else {
      const cp = (((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f)) - 0x10000;
      u[j++] = 0xd800 | (cp >> 10);
      u[j++] = 0xdc00 | (cp & 0x3ff);
      i += 4;
    }
  }
  return scratch.toString('utf16le', 0, j * 2);
}

const LEGACY_WARNING: Record<LegacyEncoding, string> = {
  tcvn3: 'Văn bản dùng bảng mã TCVN3 (ABC), đã chuyển sang Unicode; nên kiểm tra lại chữ hoa có dấu.',
  vni: 'Văn bản dùng bảng mã VNI, đã chuyển sang Unicode.',
};

/**
 * Decode text bytes. The result is NFC with \n line ends (normalizeText); no other reshaping.
 */
export function decodeTextBytes(bytes: Uint8Array): DecodedText {
  const warnings: string[] = [];
  let text: string;
  let encoding: TextEncoding;
  let utf8: string | undefined;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    encoding = 'utf-8';
  } else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'utf-16be';
  } else {
    const u16 = sniffUtf16(bytes);
    if (u16) {
      text = new TextDecoder(u16).decode(bytes);
      encoding = u16;
    } else if ((utf8 = utf8OrUndefined(bytes)) !== undefined) {
      text = utf8;
      encoding = 'utf-8';
    } else {
      text = decodeCp1252(bytes);
      encoding = 'windows-1252';
      // Windows-1258 (Vietnamese code page: base letters + combining tone bytes)
      const cp1258 = decodeCp1258(bytes);
      if (cp1258 !== undefined) {
        const sample = (x: string) => vietnameseScore(x.length > 200_000 ? x.slice(0, 200_000) : x);
        const s1258 = sample(cp1258);
        if (s1258 >= 0.08 && s1258 > sample(convertLegacy(text, 'tcvn3')) && s1258 > sample(convertLegacy(text, 'vni'))) {
          return finish(cp1258, 'windows-1258', ['Văn bản dùng bảng mã Windows-1258, đã chuyển sang Unicode.']);
        }
      }
    }
  }
  // UTF-8 read once as Windows-1252 and saved again as UTF-8 ("Viá»‡t Nam")
  if (encoding === 'utf-8' && looksDoubleEncoded(text)) {
    const fixed = undoDoubleUtf8(text);
    if (fixed !== undefined && vietnameseScore(fixed) > vietnameseScore(text) + 0.05) {
      return finish(fixed, 'utf-8', ['Văn bản bị lỗi mã hóa hai lần (UTF-8 đọc nhầm thành Windows-1252), đã sửa lại.']);
    }
  }
  // Legacy encodings: read byte for byte (windows-1252), or already pasted into a Unicode file as
  // Latin-1 look-alikes ("Céng hoµ x· héi").
  const legacy = detectLegacy(text);
  if (legacy) {
    text = convertLegacy(text, legacy);
    encoding = legacy;
    warnings.push(LEGACY_WARNING[legacy]);
  } else if (encoding === 'windows-1252') {
    warnings.push('Không nhận ra bảng mã của tệp văn bản; đã đọc theo Windows-1252, có thể sai dấu tiếng Việt.');
  }
  return finish(text, encoding, warnings);
}

/** normalizeText's characters (1, see UNNORMAL) and the invisible marks finish() removes (2). */
const FINISH_MARKS = Uint8Array.from(UNNORMAL);
FINISH_MARKS[0x200b] = FINISH_MARKS[0xfeff] = 2;

/** normalizeText, then the invisible marks removed: both questions asked in one pass over the text. */
function finish(text: string, encoding: TextEncoding, warnings: string[]): DecodedText {
  const nfc = text.normalize('NFC');
  const marks = marksIn(nfc, FINISH_MARKS);
  const normal = marks & 1 ? replaceUnnormal(nfc) : nfc;
  if (!(marks & 2)) return { text: normal, encoding, warnings, normalized: true };
  return { text: normal.replace(/\u200b|\ufeff/g, ''), encoding, warnings, normalized: false };
}

function decodeCp1258(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('windows-1258').decode(bytes);
  } catch {
    return undefined; // runtime without the code page
  }
}

const MOJIBAKE_PAIR = /[ÃÄÅÆá][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]/g;

/**
 * Whether the text may be UTF-8 read as Windows-1252 and saved again. Genuine Vietnamese text
 * matches the pair pattern now and then ("á" before a dash or a quote), so the repair is tried
 * only when such pairs are not swamped by precomposed Vietnamese letters (U+1EA0–U+1EF9), which
 * double-encoded text never contains: a well-encoded notice skips the costly byte round trip.
 */
function looksDoubleEncoded(text: string): boolean {
  let pairs = 0;
  MOJIBAKE_PAIR.lastIndex = 0;
  while (MOJIBAKE_PAIR.exec(text) && pairs < 100_000) pairs++;
  if (pairs === 0) return false;
  // Stop counting as soon as the precomposed letters outnumber what the pairs could explain.
  const enough = pairs * 20;
  let vietnamese = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x1ea0 && c <= 0x1ef9 && ++vietnamese > enough) return false;
  }
  return true;
}

/** "Viá»‡t" → "Việt": the characters back to their Windows-1252 bytes, read again as UTF-8. */
function undoDoubleUtf8(s: string): string | undefined {
  const sample = s.length > 2_000_000 ? s.slice(0, 2_000_000) : s;
  const out = new Uint8Array(sample.length * 3);
  const encoder = new TextEncoder();
  let n = 0;
  for (const ch of sample) {
    const cp = ch.codePointAt(0)!;
    const b = charToByte(cp);
    if (b >= 0) out[n++] = b;
    else {
      // a character that was never mojibake: keep it as UTF-8
      n += encoder.encodeInto(ch, out.subarray(n)).written;
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(out.subarray(0, n));
  } catch {
    return undefined;
  }
}
