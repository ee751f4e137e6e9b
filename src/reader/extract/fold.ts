/** Length-preserving folding: one output char per input char, so offsets stay valid. */
const cache = new Map<string, string>();

export function foldChar(c: string): string {
  let f = cache.get(c);
  if (f === undefined) {
    f = c === 'đ' || c === 'Đ' ? 'd' : c.normalize('NFD').charAt(0).toLowerCase();
    if (f.length !== 1) f = c.toLowerCase().charAt(0) || ' ';
    cache.set(c, f);
  }
  return f;
}

/** Lower-case, diacritics removed, same length as the input (input must be NFC). */
export function fold(s: string): string {
  const fast = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/đ/g, 'd');
  if (fast.length === s.length) return fast;
  const out: string[] = new Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = foldChar(s[i]);
  return out.join('');
}

export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

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
