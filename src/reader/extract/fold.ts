/** Length-preserving folding: one output char per input char, so offsets stay valid. */
/** One character folded (computed once per code unit, then kept in FOLDED by fold). */
export function foldChar(c: string): string {
  const f = c === 'đ' || c === 'Đ' ? 'd' : c.normalize('NFD').charAt(0).toLowerCase();
  return f.length === 1 ? f : c.toLowerCase().charAt(0) || ' ';
}

/**
 * The folded code of each UTF-16 unit, filled on first sight (0: not yet known). Folding is the
 * reader's most frequent operation (every clause is folded to look up names), and a table lookup
 * per unit is several times faster than normalising whole strings.
 */
const FOLDED = new Uint16Array(65536);
// ASCII filled in advance (NUL excepted: 0 means "not yet known", and NUL folds to itself), so
// that the loop below reads the table for every unit: a test for ASCII first is mispredicted at
// nearly every Vietnamese letter, and cost more than the rest of the loop.
for (let c = 1; c < 128; c++) FOLDED[c] = c >= 65 && c <= 90 ? c + 32 : c;
/** One scratch buffer reused by every call (grown when needed): folding allocates only its result. */
let scratch = Buffer.alloc(1 << 16);
let units = new Uint16Array(scratch.buffer, scratch.byteOffset, scratch.length >> 1);

/** A unit folded for the first time (or NUL). */
function foldUnknown(c: number): number {
  return (FOLDED[c] = foldChar(String.fromCharCode(c)).charCodeAt(0));
}

/** Lower-case, diacritics removed, same length as the input (input must be NFC). */
export function fold(s: string): string {
  const n = s.length;
  if (n > units.length) {
    scratch = Buffer.alloc(n * 2);
    units = new Uint16Array(scratch.buffer, scratch.byteOffset, n);
  }
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    units[i] = FOLDED[c] || foldUnknown(c);
  }
  // Decoding the units as UTF-16 is the fastest way back to a string (no validation, one copy).
  return scratch.toString('utf16le', 0, n * 2);
}

export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Every run of white space that holds a line break becomes one space ("a \n  b" → "a b"): the
 * same as s.replace(/\s*\n\s*\/g, ' '), which is slow because it tries every position.
 */
export function joinLines(s: string): string {
  if (!s.includes('\n')) return s;
  const parts = s.split('\n');
  const last = parts.length - 1;
  let out = parts[0].trimEnd();
  for (let i = 1; i <= last; i++) {
    const p = i < last ? parts[i].trim() : parts[i].trimStart();
    if (p) out += ` ${p}`;
    else if (i === last) out += ' ';
  }
  return out;
}

/** Key for comparing names: folded, punctuation → space, UBND spelled out unified. */
export function nameKey(s: string): string {
  return fold(s.normalize('NFC'))
    .replace(/u[y] ban nhan dan/g, 'ubnd')
    .replace(/hoi dong nhan dan/g, 'hdnd')
    .replace(/[.,;:()/\\"'“”\-–—&]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True for a line written in capitals (titles, signature blocks). */
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/gu;
export function isUpperLine(s: string): boolean {
  if (LOWER.test(s)) return false;
  UPPER.lastIndex = 0;
  return UPPER.test(s) && UPPER.test(s);
}

export const isLowerStart = (s: string): boolean => /^\p{Ll}/u.test(s);
