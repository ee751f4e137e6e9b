/** List labels of Vietnamese directives: I./II., Điều 1., 1./2.1./2.1.1., a) … đ), i)/ii), a.1), (1), (ii), dashes, +, bullets. */

export type LabelKind = 'roman' | 'dieu' | 'dec' | 'letter' | 'paren' | 'dash' | 'plus' | 'bullet';

export interface Label {
  kind: LabelKind;
  /** stack key: dec labels carry their depth (dec1, dec2, …) */
  level: string;
  key: string;
  /** length of the label with its trailing spaces */
  length: number;
}

// "I.", and "I/", "1/", "a/" as some provinces write them
const ROMAN = /^([IVX]{1,5})[./][ \t]+(?=\S)/;
const DIEU = /^Điều[ \t]+(\d{1,3})\.?[ \t]*/;
const CITED_ARTICLE = /^Điều[ \t]+\d{1,3}[ \t]+(?:(?:khoản|điểm)\s|(?:của\s)?(?:Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Pháp lệnh|Hiến pháp|Chỉ thị)(?=[\s,.;]|$))/u;
const DEC = /^(\d{1,2}(?:\.\d{1,2}){0,4})(\.|\)|\/)[ \t]+(?=\S)/;
const DEC_MULTI = /^(\d{1,2}(?:\.\d{1,2}){1,4})[ \t]+(?=\p{Lu})/u;
// "a)", "a/", and lower-case roman numerals at the same level ("i)", "ii)", "iii)")
const LETTER = /^([a-zđ]|[ivx]{2,5})(?:\)[ \t]*|\/[ \t]+)(?=\S)/;
// "a.1)", "b.2.": a lettered item's own items
const LETTER_SUB = /^([a-zđ]\.\d{1,2})[.)][ \t]+(?=\S)/;
const PAREN = /^\((\d{1,2}|[a-zđ]|[ivx]{2,5})\)[ \t]*(?=\S)/;
const DASH = /^[-–—][ \t]*(?=\S)/;
const PLUS = /^\+[ \t]*(?=\S)/;
const BULLET = /^[•●▪◦·*\uf0b7\uf0a7\uf0d8][ \t]*(?=\S)/;

const FIRST = /^[IVXĐ0-9a-zđ(\-–—+•●▪◦·*\uf0b7\uf0a7\uf0d8]/u;

export function parseLabel(s: string): Label | null {
  if (!FIRST.test(s)) return null;
  let m: RegExpExecArray | null;
  // "Điều 17 Thông tư số 23/…" cites an article (a line broken inside a sentence); an article
  // of this document is "Điều 17." or "Điều 17:" or "Điều 17" before its title.
  if ((m = DIEU.exec(s)) && !CITED_ARTICLE.test(s)) return { kind: 'dieu', level: 'dieu', key: m[1], length: m[0].length };
  if ((m = ROMAN.exec(s))) return { kind: 'roman', level: 'roman', key: m[1], length: m[0].length };
  if ((m = DEC.exec(s)) || (m = DEC_MULTI.exec(s))) {
    const depth = m[1].split('.').length;
    return { kind: 'dec', level: `dec${depth}`, key: m[1], length: m[0].length };
  }
  if ((m = LETTER.exec(s))) return { kind: 'letter', level: 'letter', key: m[1], length: m[0].length };
  if ((m = LETTER_SUB.exec(s))) return { kind: 'letter', level: 'letter2', key: m[1], length: m[0].length };
  if ((m = PAREN.exec(s))) return { kind: 'paren', level: 'paren', key: `(${m[1]})`, length: m[0].length };
  if ((m = DASH.exec(s))) return { kind: 'dash', level: 'dash', key: '-', length: m[0].length };
  if ((m = PLUS.exec(s))) return { kind: 'plus', level: 'plus', key: '+', length: m[0].length };
  if ((m = BULLET.exec(s))) return { kind: 'bullet', level: 'bullet', key: '•', length: m[0].length };
  return null;
}

export const isWeakLabel = (k: LabelKind): boolean => k === 'dash' || k === 'plus' || k === 'bullet';
