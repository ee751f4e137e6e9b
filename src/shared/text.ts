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

/** NFC with unified spaces; the form every stored text takes. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[\u00a0\u2007\u202f]/g, ' ');
}
