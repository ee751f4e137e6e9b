/**
 * Text helpers shared by every domain. Pure: no I/O.
 */

/** Lower-case, strip Vietnamese diacritics (đ → d) and collapse spaces: the key that makes
 * "giai ngan" find "giải ngân" and "Sở Y tế" equal "SỞ Y TẾ". */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether any character of `s` is marked in `table` (one pass; a table lookup per character is
 * several times cheaper here than a regular expression that finds nothing). */
export function hasCharIn(s: string, table: Uint8Array): boolean {
  for (let i = 0; i < s.length; i++) if (table[s.charCodeAt(i)]) return true;
  return false;
}

/** The marks of every character of `s` in `table`, OR-ed: several questions about a text answered
 * in one pass (each further pass over a document costs as much as the first). */
export function marksIn(s: string, table: Uint8Array): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= table[s.charCodeAt(i)];
  return m;
}

/** The characters normalizeText replaces (mark 1): carriage returns and the no-break spaces.
 * Tables built on this one for a single pass (marksIn) use other bits for their own questions. */
export const UNNORMAL = new Uint8Array(0x10000);
for (const c of [0x0d, 0xa0, 0x2007, 0x202f]) UNNORMAL[c] = 1;

/** NFC with unified spaces; the form every stored text takes. */
export function normalizeText(s: string): string {
  const nfc = s.normalize('NFC');
  if (!hasCharIn(nfc, UNNORMAL)) return nfc; // most texts: nothing to replace
  return replaceUnnormal(nfc);
}

/** normalizeText's replacements, for a caller that has already found such a character in NFC text. */
export function replaceUnnormal(nfc: string): string {
  return nfc.replace(/\r\n?/g, '\n').replace(/[\u00a0\u2007\u202f]/g, ' ');
}
