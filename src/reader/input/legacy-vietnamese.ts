/**
 * The legacy 8-bit Vietnamese encodings that offices still have documents in:
 *  - TCVN3 (TCVN 5712:1993 "ABC", fonts .VnTime, .VnArial, upper-case fonts .VnTimeH ...):
 *    one byte per precomposed lower-case letter in 0xA1–0xFE; the upper-case fonts draw the same
 *    bytes as capitals.
 *  - VNI (VNI Windows, fonts VNI-Times ...): base letter followed by a mark byte ("a" + "ø" = "à"),
 *    a few letters as single bytes (ñ = đ, ô = ơ, ö = ư, ì í æ ó ò = ì í ỉ ĩ ị, î = ỵ).
 * Bytes are read through Windows-1252, the code page Word uses to store text of such fonts, so the
 * same tables convert a .txt (bytes) and the runs of a .docx (characters).
 */

/** Windows-1252 0x80–0x9F → Unicode. */
const CP1252_HIGH: Array<number | undefined> = [
  0x20ac, undefined, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, undefined, 0x017d, undefined,
  undefined, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, undefined, 0x017e, 0x0178,
];

const CP1252_REVERSE = new Map<number, number>();
CP1252_HIGH.forEach((u, i) => {
  if (u !== undefined) CP1252_REVERSE.set(u, 0x80 + i);
});

/** A character of a cp1252-decoded string back to its byte, or -1 when it has none. */
export function charToByte(cp: number): number {
  if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) return cp;
  if (cp >= 0x80 && cp <= 0x9f) return cp; // C1 control kept as-is (undefined cp1252 slots)
  return CP1252_REVERSE.get(cp) ?? -1;
}

export function byteToChar(b: number): string {
  if (b >= 0x80 && b <= 0x9f) {
    const u = CP1252_HIGH[b - 0x80];
    return String.fromCharCode(u ?? b);
  }
  return String.fromCharCode(b);
}

export function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const part: string[] = [];
    const end = Math.min(bytes.length, i + CHUNK);
    for (let j = i; j < end; j++) part.push(byteToChar(bytes[j]));
    out += part.join('');
  }
  return out;
}

// ---------------------------------------------------------------- TCVN3

/** TCVN3 byte → Unicode (lower-case letters and the seven upper-case letters the charset has). */
export const TCVN3_TABLE: Record<number, string> = {
  0xa1: 'Ă', 0xa2: 'Â', 0xa3: 'Ê', 0xa4: 'Ô', 0xa5: 'Ơ', 0xa6: 'Ư', 0xa7: 'Đ',
  0xa8: 'ă', 0xa9: 'â', 0xaa: 'ê', 0xab: 'ô', 0xac: 'ơ', 0xad: 'ư', 0xae: 'đ',
  0xb5: 'à', 0xb6: 'ả', 0xb7: 'ã', 0xb8: 'á', 0xb9: 'ạ',
  0xbb: 'ằ', 0xbc: 'ẳ', 0xbd: 'ẵ', 0xbe: 'ắ', 0xc6: 'ặ',
  0xc7: 'ầ', 0xc8: 'ẩ', 0xc9: 'ẫ', 0xca: 'ấ', 0xcb: 'ậ',
  0xcc: 'è', 0xce: 'ẻ', 0xcf: 'ẽ', 0xd0: 'é', 0xd1: 'ẹ',
  0xd2: 'ề', 0xd3: 'ể', 0xd4: 'ễ', 0xd5: 'ế', 0xd6: 'ệ',
  0xd7: 'ì', 0xd8: 'ỉ', 0xdc: 'ĩ', 0xdd: 'í', 0xde: 'ị',
  0xdf: 'ò', 0xe1: 'ỏ', 0xe2: 'õ', 0xe3: 'ó', 0xe4: 'ọ',
  0xe5: 'ồ', 0xe6: 'ổ', 0xe7: 'ỗ', 0xe8: 'ố', 0xe9: 'ộ',
  0xea: 'ờ', 0xeb: 'ở', 0xec: 'ỡ', 0xed: 'ớ', 0xee: 'ợ',
  0xef: 'ù', 0xf1: 'ủ', 0xf2: 'ũ', 0xf3: 'ú', 0xf4: 'ụ',
  0xf5: 'ừ', 0xf6: 'ử', 0xf7: 'ữ', 0xf8: 'ứ', 0xf9: 'ự',
  0xfa: 'ỳ', 0xfb: 'ỷ', 0xfc: 'ỹ', 0xfd: 'ý', 0xfe: 'ỵ',
};

const TCVN3_REVERSE = new Map<string, number>();
for (const [b, ch] of Object.entries(TCVN3_TABLE)) TCVN3_REVERSE.set(ch, Number(b));

const ASCII_UPPER = /[A-Z]/;
const ASCII_LOWER = /[a-z]/;

/**
 * TCVN3 has no upper-case forms for most accented letters: text typed in capitals comes out with
 * lower-case accented letters ("B¸O" → "BáO", "X·" → "Xã"). A word with no lower-case ASCII letter
 * is upper-cased whole when it has two capitals, or one capital and capitalised words (or the line
 * edge) on both sides. A lower-case accented letter opening a line or a sentence is capitalised
 * ("ñy ban" → "Ủy ban").
 */
function recapitalise(converted: string): string {
  return converted
    .split('\n')
    .map((line) => {
      const parts = line.split(/([\p{L}\p{M}]+)/u); // odd indices are words
      const info = parts.map((w, i) => {
        if (i % 2 === 0) return { capsy: false, caps: 0 };
        if (ASCII_LOWER.test(w)) return { capsy: false, caps: 0 };
        let caps = 0;
        for (const ch of w) if (ch !== ch.toLowerCase()) caps++;
        return { capsy: caps >= 1, caps };
      });
      const wordIdx = parts.map((_, i) => i).filter((i) => i % 2 === 1);
      for (let k = 0; k < wordIdx.length; k++) {
        const i = wordIdx[k];
        const me = info[i];
        if (!me.capsy) continue;
        const prev = k > 0 ? info[wordIdx[k - 1]] : undefined;
        const next = k + 1 < wordIdx.length ? info[wordIdx[k + 1]] : undefined;
        const strong = (x: { capsy: boolean; caps: number } | undefined) => x !== undefined && x.capsy && x.caps >= 2;
        const okSide = (x: { capsy: boolean; caps: number } | undefined) => x === undefined || x.capsy;
        if (me.caps >= 2 || (okSide(prev) && okSide(next) && (strong(prev) || strong(next)))) parts[i] = parts[i].toUpperCase();
      }
      let out = parts.join('');
      // sentence start
      out = out.replace(/(^|[.!?:]\s+|^[-–•+*]\s*|^\d+[.)]\s+|^[a-zđ]\)\s+)([\p{Ll}])/gu, (m, pre: string, ch: string) =>
        /[a-z]/.test(ch) ? m : pre + ch.toUpperCase(),
      );
      return out;
    })
    .join('\n');
}

/**
 * Convert a string read through cp1252 (or a docx run in a .Vn font) from TCVN3 to Unicode.
 * `upperCaseFont`: the run is in a capitals font (.VnTimeH, .VnArialH ...), which draws every
 * letter as a capital.
 */
export function tcvn3ToUnicode(s: string, opts: { upperCaseFont?: boolean; recapitalise?: boolean } = {}): string {
  let out = '';
  for (const ch of s) {
    const b = charToByte(ch.codePointAt(0)!);
    const m = b >= 0 ? TCVN3_TABLE[b] : undefined;
    out += m ?? ch;
  }
  if (opts.upperCaseFont) return out.toUpperCase();
  if (opts.recapitalise !== false) out = recapitalise(out);
  return out.normalize('NFC');
}

/** Unicode → TCVN3 as a cp1252 string (capitals without a TCVN3 form are written lower-case, as typists did). */
export function unicodeToTcvn3(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const b = TCVN3_REVERSE.get(ch);
    if (b !== undefined) {
      out += byteToChar(b);
      continue;
    }
    const lower = ch.toLowerCase();
    const bl = TCVN3_REVERSE.get(lower);
    if (bl !== undefined && ch !== lower) {
      out += byteToChar(bl);
      continue;
    }
    out += ch;
  }
  return out;
}

// ---------------------------------------------------------------- VNI

/** VNI mark bytes (as cp1252 characters) → the combining marks they add to the preceding vowel. */
const VNI_MARKS: Record<string, string> = {
  'ø': '\u0300', 'ù': '\u0301', 'û': '\u0309', 'õ': '\u0303', 'ï': '\u0323',
  'Ø': '\u0300', 'Ù': '\u0301', 'Û': '\u0309', 'Õ': '\u0303', 'Ï': '\u0323',
  'â': '\u0302', 'á': '\u0302\u0301', 'à': '\u0302\u0300', 'å': '\u0302\u0309', 'ã': '\u0302\u0303', 'ä': '\u0302\u0323',
  'Â': '\u0302', 'Á': '\u0302\u0301', 'À': '\u0302\u0300', 'Å': '\u0302\u0309', 'Ã': '\u0302\u0303', 'Ä': '\u0302\u0323',
  'ê': '\u0306', 'é': '\u0306\u0301', 'è': '\u0306\u0300', 'ú': '\u0306\u0309', 'ü': '\u0306\u0303', 'ë': '\u0306\u0323',
  'Ê': '\u0306', 'É': '\u0306\u0301', 'È': '\u0306\u0300', 'Ú': '\u0306\u0309', 'Ü': '\u0306\u0303', 'Ë': '\u0306\u0323',
};

/** VNI single-byte letters. */
const VNI_LETTERS: Record<string, string> = {
  'ñ': 'đ', 'Ñ': 'Đ', 'ô': 'ơ', 'Ô': 'Ơ', 'ö': 'ư', 'Ö': 'Ư',
  'ì': 'ì', 'Ì': 'Ì', 'í': 'í', 'Í': 'Í', 'æ': 'ỉ', 'Æ': 'Ỉ', 'ó': 'ĩ', 'Ó': 'Ĩ', 'ò': 'ị', 'Ò': 'Ị',
  'î': 'ỵ', 'Î': 'Ỵ',
};

const TONE_BASES = new Set(['a', 'e', 'o', 'u', 'y', 'ơ', 'ư', 'A', 'E', 'O', 'U', 'Y', 'Ơ', 'Ư', 'i', 'I']);
const HAT_BASES = new Set(['a', 'e', 'o', 'A', 'E', 'O']);
const BREVE_BASES = new Set(['a', 'A']);
const TONES = new Set(['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']);

export function vniToUnicode(s: string): string {
  const out: string[] = [];
  let lastBase = ''; // the base letter a mark may attach to ('' when none)
  let hasTone = false;
  let hasShape = false;
  for (const ch of s) {
    const mark = VNI_MARKS[ch];
    if (mark !== undefined && lastBase) {
      const shape = mark[0] === '\u0302' || mark[0] === '\u0306';
      const tone = shape ? mark.slice(1) : mark;
      const okShape = !shape || (!hasShape && (mark[0] === '\u0302' ? HAT_BASES.has(lastBase) : BREVE_BASES.has(lastBase)));
      const okTone = tone === '' || (!hasTone && TONE_BASES.has(lastBase));
      if (okShape && okTone) {
        out.push(mark);
        if (shape) hasShape = true;
        if (tone && TONES.has(tone)) hasTone = true;
        continue;
      }
    }
    const letter = VNI_LETTERS[ch];
    if (letter !== undefined) {
      out.push(letter);
      lastBase = letter === 'ơ' || letter === 'ư' || letter === 'Ơ' || letter === 'Ư' ? letter : '';
      hasTone = false;
      hasShape = letter !== 'đ' && letter !== 'Đ';
      continue;
    }
    out.push(ch);
    lastBase = TONE_BASES.has(ch) && ch !== 'i' && ch !== 'I' ? ch : '';
    hasTone = false;
    hasShape = false;
  }
  return out.join('').normalize('NFC');
}

const VNI_REVERSE = new Map<string, string>();
{
  const letters: Array<[string, string]> = Object.entries(VNI_LETTERS).map(([k, v]) => [v, k]);
  for (const [u, v] of letters) if (!VNI_REVERSE.has(u)) VNI_REVERSE.set(u, v);
}
const MARK_TO_VNI_LOWER: Record<string, string> = {
  '\u0300': 'ø', '\u0301': 'ù', '\u0309': 'û', '\u0303': 'õ', '\u0323': 'ï',
  '\u0302': 'â', '\u0302\u0301': 'á', '\u0302\u0300': 'à', '\u0302\u0309': 'å', '\u0302\u0303': 'ã', '\u0302\u0323': 'ä',
  '\u0306': 'ê', '\u0306\u0301': 'é', '\u0306\u0300': 'è', '\u0306\u0309': 'ú', '\u0306\u0303': 'ü', '\u0306\u0323': 'ë',
};

/** Unicode → VNI as a cp1252 string (used to build fixtures; marks follow the case of the base). */
export function unicodeToVni(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const direct = VNI_REVERSE.get(ch);
    if (direct !== undefined) {
      out += direct;
      continue;
    }
    const d = ch.normalize('NFD');
    if (d.length === 1) {
      out += ch;
      continue;
    }
    let base = d[0];
    let marks = d.slice(1);
    // ơ / ư carry a horn (U+031B) which VNI writes as its own letter.
    if (marks.includes('\u031b')) {
      base = base === 'o' ? 'ô' : base === 'O' ? 'Ô' : base === 'u' ? 'ö' : base === 'U' ? 'Ö' : base;
      marks = marks.replace('\u031b', '');
    }
    // i with a tone is a single letter
    const iForm = VNI_REVERSE.get((base + marks).normalize('NFC'));
    if ((base === 'i' || base === 'I' || base === 'y' || base === 'Y') && iForm !== undefined) {
      out += iForm;
      continue;
    }
    // order: shape mark first, then tone
    const shape = marks.includes('\u0302') ? '\u0302' : marks.includes('\u0306') ? '\u0306' : '';
    const tone = [...marks].find((m) => TONES.has(m)) ?? '';
    const key = shape + tone;
    let m = key ? MARK_TO_VNI_LOWER[key] : '';
    if (m === undefined) {
      out += ch;
      continue;
    }
    if (base === base.toUpperCase() && base !== base.toLowerCase()) m = m.toUpperCase();
    out += base + m;
  }
  return out;
}

// ---------------------------------------------------------------- detection

/** Very common Vietnamese words: a converted text full of them is Vietnamese. */
const COMMON = new Set(
  (
    'của và các có được cho với trong những người là này không một đã để theo về tại từ thực hiện công tác ' +
    'tỉnh huyện xã năm ngày tháng đến trên phải việc sở ban ngành nhân dân đồng chí chủ trì phối hợp ' +
    'nhiệm vụ kế hoạch quyết định thông báo chỉ đạo triển khai đảm bảo bảo đơn vị cơ quan liên quan ' +
    'chính phủ việt nam độc lập tự do hạnh phúc cộng hòa hoà xã hội chủ nghĩa uỷ ủy số đề nghị tiếp tục ' +
    'tổ chức quản lý phát triển kinh tế đầu tư yêu cầu nội dung hướng dẫn báo cáo kết quả tình hình'
  ).split(' '),
);

/** How much a text looks like Vietnamese: share of its words that are common Vietnamese words. */
export function vietnameseScore(s: string): number {
  const words = s.toLowerCase().normalize('NFC').match(/\p{L}+/gu);
  if (!words || words.length === 0) return 0;
  let hit = 0;
  let n = 0;
  for (const w of words) {
    n++;
    if (COMMON.has(w)) hit++;
    if (n >= 20000) break;
  }
  return hit / n;
}

export type LegacyEncoding = 'tcvn3' | 'vni';

/**
 * Given text whose high characters are cp1252 (a legacy file read byte for byte, or such text
 * pasted into a Unicode file), tell whether it is TCVN3 or VNI, or neither.
 */
/** 1: a letter only Unicode Vietnamese has (ă đ ơ ư and U+1EA0–U+1EF9); 2: a Latin-1 or
 * Windows-1252 character that legacy-encoded Vietnamese is read as. */
const LEGACY_CLASS = new Uint8Array(0x10000);
for (const c of [0x103, 0x111, 0x1a1, 0x1b0, 0x102, 0x110, 0x1a0, 0x1af]) LEGACY_CLASS[c] = 1;
for (let c = 0x1ea0; c <= 0x1ef9; c++) LEGACY_CLASS[c] = 1;
for (let c = 0xa0; c <= 0xff; c++) LEGACY_CLASS[c] = 2;
for (const c of [0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc]) LEGACY_CLASS[c] = 2;
for (let c = 0x2013; c <= 0x2122; c++) LEGACY_CLASS[c] = 2;

export function detectLegacy(s: string): LegacyEncoding | undefined {
  const sample = s.length > 200_000 ? s.slice(0, 200_000) : s;
  // Vietnamese letters beyond Latin-1 already present: the text is Unicode Vietnamese.
  // One pass by code unit (two global regular expressions over the whole text cost more than the
  // rest of decoding a Unicode file).
  let viet = 0;
  let high = 0;
  for (let i = 0; i < sample.length; i++) {
    const k = LEGACY_CLASS[sample.charCodeAt(i)];
    viet += k & 1;
    high += k >> 1;
  }
  if (high === 0 || viet > high) return undefined;
  const base = vietnameseScore(sample);
  const t = vietnameseScore(tcvn3ToUnicode(sample));
  const v = vietnameseScore(vniToUnicode(sample));
  const best = Math.max(t, v);
  if (best < 0.08 || best < base + 0.05) return undefined;
  return t >= v ? 'tcvn3' : 'vni';
}

export function convertLegacy(s: string, enc: LegacyEncoding): string {
  return enc === 'tcvn3' ? tcvn3ToUnicode(s) : vniToUnicode(s);
}

/** The legacy encoding a font implies: ".VnTime", ".VnArialH" → TCVN3; "VNI-Times" → VNI. */
export function fontEncoding(font: string | undefined): { enc: LegacyEncoding; upper: boolean } | undefined {
  if (!font) return undefined;
  const f = font.trim();
  if (/^\.?vn/i.test(f) && f.startsWith('.')) return { enc: 'tcvn3', upper: /H$/.test(f.replace(/\s+/g, '')) };
  if (/^VNI[- ]/i.test(f)) return { enc: 'vni', upper: false };
  return undefined;
}
