/**
 * Splits normalised text into logical paragraphs with source offsets, joining lines that a hard
 * wrap or a page break split ("minh" / "bạch"), but never a list label or a table row.
 */
import { isLowerStart, isUpperLine } from './fold';
import { parseLabel } from './labels';
import { KINDS } from './metadata';

export interface Paragraph {
  start: number;
  end: number;
  /** the paragraph's text with line breaks turned into spaces */
  text: string;
  isRow: boolean;
}

interface Line {
  start: number;
  end: number;
  text: string;
  blankBefore: boolean;
}

/** a line ending with a function word continues on the next line */
const CONT_END = /(?:^|\s)(của|và|các|với|về|cho|để|trong|theo|tại|những|được|đối|thuộc|từ|đến|là|có|do|đề nghị|yêu cầu|giao|chỉ đạo|Chỉ|Đề nghị|Giao|ngày|tháng|năm|số|sở|Sở|Ủy ban|UBND|nhân dân|Hội đồng|Bộ|Ban|ban|ngành|cơ quan|đơn vị)$/u;
/** words that open a document's body or one of its sentences, never the second half of a wrapped line */
const OPENS_SENTENCE = /^(?:(?:Vào |Sáng |Chiều |Tối )?[Nn]gày \d{1,2}(?:\/|\s+tháng)|Căn cứ |Kính gửi|Thực hiện (?:Quyết định|Kế hoạch|Chỉ thị|Công văn|Thông báo|Nghị quyết|Văn bản|ý kiến|chỉ đạo))/u;
const TERMINAL = /[.:;!?]["”’)]?$/;
/** A document's kind on a line of its own: what follows ("của Ban Thường vụ …", "về …") is its subject, a paragraph apart. */
const KIND_TITLES = new Set<string>(KINDS);
const isRow = (s: string): boolean => s.includes(' | ') || s.startsWith('| ') || s.endsWith(' |');

export function splitParagraphs(text: string): Paragraph[] {
  const lines: Line[] = [];
  let pos = 0;
  let blank = true;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, nl);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) {
      lines.push({ start: pos + lead, end: pos + lead + t.length, text: t, blankBefore: blank });
      blank = false;
    } else blank = true;
    pos = nl + 1;
  }
  const out: Paragraph[] = [];
  let cur: { start: number; end: number; parts: string[]; last: string; row: boolean } | null = null;
  for (const ln of lines) {
    const row = isRow(ln.text);
    let join = false;
    if (cur && !row && !cur.row && !parseLabel(ln.text)) {
      const prevTerminal = TERMINAL.test(cur.last);
      const bothUpper = isUpperLine(cur.last) && isUpperLine(ln.text);
      if (KIND_TITLES.has(cur.last)) join = false;
      else if (ln.blankBefore) join = isLowerStart(ln.text) && !/[.:!?]$/.test(cur.last);
      else if (bothUpper) join = false;
      else if (isLowerStart(ln.text)) join = true;
      else if (/^\d/.test(ln.text)) join = !prevTerminal;
      // A long line followed by a capitalised one is a hard wrap, unless the next line opens a
      // sentence of its own: a text without blank lines puts the subject right above the body's
      // "Ngày 05/3/2025, …" or "Căn cứ …".
      else join = !prevTerminal && !isUpperLine(cur.last) && !isUpperLine(ln.text) && (CONT_END.test(cur.last) || (cur.last.length >= 45 && !OPENS_SENTENCE.test(ln.text)));
    }
    if (join && cur) {
      cur.parts.push(ln.text);
      cur.end = ln.end;
      cur.last = ln.text;
    } else {
      if (cur) out.push({ start: cur.start, end: cur.end, text: cur.parts.join(' '), isRow: cur.row });
      cur = { start: ln.start, end: ln.end, parts: [ln.text], last: ln.text, row };
    }
  }
  if (cur) out.push({ start: cur.start, end: cur.end, text: cur.parts.join(' '), isRow: cur.row });
  return out;
}
