/**
 * .pdf (with a text layer) → text, with pdfjs (through unpdf), in JavaScript only.
 *
 * pdfjs gives positioned text items. LibreOffice and Word often cut a line into many items —
 * one per accented letter when the text was decomposed (NFD) or the font lacked the glyph — and
 * pdfjs then adds "fake" spaces from its width estimates, which are not reliable for such pieces:
 * joined naively, "một" comes out "m ột". So:
 *  - items are grouped into lines (y), ordered by x;
 *  - combining marks sent as items of their own are put back on their base letter;
 *  - between two pieces of a line, a space is kept only where the geometry says so, except that on
 *    lines cut into letter-sized pieces a space that would split one Vietnamese syllable is dropped;
 *  - paragraphs are rebuilt from line spacing, indentation and short lines; repeated page headers
 *    and footers and page numbers are dropped; a paragraph cut by a page break is joined again.
 */
import { AppError } from '../../shared/errors.ts';
import { isVietnameseSyllable, hasVowel } from './vietnamese-syllable.ts';
import { findRegions, mergeAcrossPages, regionParagraphs, type Region } from './pdf-columns.ts';

export const PDF_LIMITS = { maxPages: 400, timeoutMs: 30_000 };

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
  /** position in the page's content stream */
  order: number;
}

interface Line {
  y: number;
  x0: number;
  x1: number;
  size: number;
  text: string;
  /** the visible pieces, in reading order */
  items: Item[];
  /** the multi-column region this line starts (its paragraphs replace the region's lines) */
  block?: Region;
  /** part of a multi-column region, emitted with its first line */
  inBlock?: boolean;
}

interface Page {
  width: number;
  height: number;
  lines: Line[];
}

const MARK_ONLY = /^[\p{M}]+$/u;

type PdfTextItem = { str: string; transform: number[]; width: number; height: number; hasEOL?: boolean };

async function loadPdfjs() {
  const { getDocumentProxy } = await import('unpdf');
  return getDocumentProxy;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let t: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    t = setTimeout(() => reject(new AppError('BAD_FILE', 'Đọc tệp PDF quá lâu (tệp quá phức tạp hoặc bị hỏng), đã dừng.')), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(t));
}

export async function decodePdf(bytes: Uint8Array): Promise<{ text: string; warnings: string[] }> {
  return withTimeout(decodePdfInner(bytes), PDF_LIMITS.timeoutMs);
}

async function decodePdfInner(bytes: Uint8Array): Promise<{ text: string; warnings: string[] }> {
  const warnings: string[] = [];
  const getDocumentProxy = await loadPdfjs();
  // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(bytes);
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(data, {
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
    } as never);
  } catch (err) {
    throw pdfError(err);
  }
  try {
    const n = pdf.numPages;
    if (n > PDF_LIMITS.maxPages) warnings.push(`Tệp PDF có ${n} trang; chỉ đọc ${PDF_LIMITS.maxPages} trang đầu.`);
    const pages: Page[] = [];
    let rotatedSkipped = 0;
    for (let i = 1; i <= Math.min(n, PDF_LIMITS.maxPages); i++) {
      let page;
      try {
        page = await pdf.getPage(i);
      } catch (err) {
        throw pdfError(err);
      }
      const vp = page.getViewport({ scale: 1 });
      const tc = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of tc.items as PdfTextItem[]) {
        if (typeof raw.str !== 'string' || raw.str === '') continue;
        const [a, b, c, d, e, f] = raw.transform;
        if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0) {
          rotatedSkipped++;
          continue; // rotated text: stamps, watermarks, vertical margins
        }
        const size = Math.hypot(c, d) || Math.abs(a) || 10;
        items.push({ str: raw.str, x: e, y: f, w: raw.width, size, order: items.length });
      }
      pages.push({ width: vp.width, height: vp.height, lines: buildLines(items) });
      page.cleanup();
    }
    if (rotatedSkipped > 0) warnings.push('Bỏ qua chữ xoay nghiêng/dọc trong PDF (dấu, chữ chìm).');
    const chars = pages.reduce((s, p) => s + p.lines.reduce((t, l) => t + l.text.replace(/\s/g, '').length, 0), 0);
    if (chars < 20) {
      throw new AppError(
        'UNSUPPORTED_FILE',
        'Tệp PDF không có lớp chữ (chỉ là ảnh quét). Vui lòng tải lên bản .docx hoặc PDF xuất trực tiếp từ Word, hoặc nhận dạng chữ (OCR) trước.',
      );
    }
    const text = assemble(pages);
    return { text: text.normalize('NFC'), warnings };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

function pdfError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const name = (err as { name?: string })?.name ?? '';
  if (name === 'PasswordException') {
    return new AppError('BAD_FILE', 'Tệp PDF được đặt mật khẩu nên không đọc được. Vui lòng bỏ mật khẩu rồi tải lên lại.');
  }
  return new AppError('BAD_FILE', 'Tệp PDF bị hỏng hoặc không đúng định dạng, không đọc được.');
}

// ------------------------------------------------------------------ lines

function buildLines(items: Item[]): Line[] {
  if (items.length === 0) return [];
  // combining marks sent alone: attach to the base letter under them
  const marks = items.filter((it) => MARK_ONLY.test(it.str));
  const rest = items.filter((it) => !marks.includes(it));
  // group by baseline: sort by y (top first), then cluster with a tolerance of 0.4 × font size
  const sorted = rest.map((it, i) => ({ it, i })).sort((p, q) => q.it.y - p.it.y || p.i - q.i);
  const groups: Array<{ y: number; size: number; items: Array<{ it: Item; i: number }> }> = [];
  for (const e of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g.y - e.it.y) <= 0.4 * Math.min(g.size, e.it.size)) {
      g.items.push(e);
      if (e.it.str.trim()) g.size = Math.max(g.size, e.it.size);
    } else {
      groups.push({ y: e.it.y, size: e.it.size, items: [e] });
    }
  }
  for (const m of marks) {
    // the group whose baseline is nearest (marks sit above or below), the item covering m.x
    let best: { it: Item; i: number } | undefined;
    let bestD = Infinity;
    for (const g of groups) {
      if (Math.abs(g.y - m.y) > g.size) continue;
      for (const e of g.items) {
        if (!e.it.str.trim()) continue;
        const d = m.x < e.it.x ? e.it.x - m.x : m.x > e.it.x + e.it.w ? m.x - (e.it.x + e.it.w) : 0;
        if (d < bestD) (bestD = d), (best = e);
      }
    }
    if (best && bestD < best.it.size) {
      const chars = [...best.it.str];
      const rel = best.it.w > 0 ? (m.x - best.it.x) / best.it.w : 1;
      let idx = Math.max(0, Math.min(chars.length - 1, Math.floor(rel * chars.length)));
      while (idx > 0 && !/\p{L}/u.test(chars[idx])) idx--;
      chars[idx] = chars[idx] + m.str;
      best.it.str = chars.join('');
    }
  }
  const lines: Line[] = [];
  for (const g of groups) {
    // content order when it runs left to right (pieces drawn at almost the same x keep the order
    // they were drawn in); otherwise x order
    const inOrder = [...g.items].sort((p, q) => p.i - q.i);
    const monotonic = inOrder.every((e, k) => k === 0 || e.it.x >= inOrder[k - 1].it.x - 0.5 * g.size);
    const its = (monotonic ? inOrder : g.items.sort((p, q) => p.it.x - q.it.x || p.i - q.i)).map((e) => e.it);
    const text = joinLine(its, g.size);
    if (!text.trim()) continue;
    const visible = its.filter((i) => i.str.trim());
    lines.push({
      y: g.y,
      x0: Math.min(...visible.map((i) => i.x)),
      x1: Math.max(...visible.map((i) => i.x + i.w)),
      size: g.size,
      text,
      items: visible,
    });
  }
  return lines;
}

const LETTER_END = /[\p{L}\p{M}]+$/u;
const LETTER_START = /^[\p{L}\p{M}]+/u;

/** The word piece at the end of `s` (letters only) */
function tailWord(s: string): string {
  return LETTER_END.exec(s)?.[0] ?? '';
}

/** a piece of a line as pdfjs cut it: one or two letters, or drawn with no width */
function isTinyPiece(it: Item): boolean {
  const t = it.str.trim().normalize('NFC');
  return [...t].length <= 2 || it.w <= 0.05 * it.size;
}

/** a lower-case word with no vowel cannot stand alone ("m", "ng", "t"): it is a piece of a word */
function isBarePiece(w: string): boolean {
  return w !== '' && w === w.toLowerCase() && !hasVowel(w);
}

/**
 * Should a space that pdfjs put (or the geometry suggests) between two pieces be dropped because it
 * splits one Vietnamese syllable? Only asked where one of the pieces is letter-sized or has no
 * width, or one side is a bare consonant piece — the marks of a line cut around accented letters.
 */
function splitsSyllable(left: string, right: string, tiny: boolean): boolean {
  if (!left || !right) return false;
  const joined = (left + right).normalize('NFC');
  if (!isVietnameseSyllable(joined)) return false;
  if (isBarePiece(left) || isBarePiece(right)) return true;
  if (!tiny) return false;
  return true;
}

function joinLine(items: Item[], size: number, columns = true): string {
  type Tok = { text: string; spaceBefore: boolean; gapBefore: number; tiny: boolean };
  const toks: Tok[] = [];
  let pendingSpace = false;
  let lastEnd = -Infinity;
  for (const it of items) {
    if (!it.str.trim()) {
      pendingSpace = true;
      continue;
    }
    const gap = it.x - lastEnd;
    const geomSpace = gap > 0.2 * size;
    const explicit = pendingSpace || /^\s/.test(it.str);
    toks.push({ text: it.str, spaceBefore: toks.length > 0 && (explicit || geomSpace), gapBefore: gap, tiny: isTinyPiece(it) });
    pendingSpace = /\s$/.test(it.str);
    // a piece drawn with no width still occupies about half an em
    lastEnd = Math.max(lastEnd, it.x + (it.w > 0.05 * it.size ? it.w : 0.5 * it.size * [...it.str.trim()].length));
  }
  let out = '';
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (k === 0) {
      out = t.text;
      continue;
    }
    const prev = out.replace(/\s+$/, '');
    // big gaps (columns of a table or of a header block) become " | "
    if (columns && t.gapBefore > 2.5 * size) {
      out = prev + ' | ' + t.text.replace(/^\s+/, '');
      continue;
    }
    let space = t.spaceBefore;
    if (space && !/\s$/.test(out) && !/^\s/.test(t.text)) {
      const left = tailWord(prev);
      // the right word runs over the following pieces glued to it
      const body = t.text;
      let right = LETTER_START.exec(body)?.[0] ?? '';
      let tiny = t.tiny || toks[k - 1].tiny;
      if (right.length === body.length) {
        for (let j = k + 1; j < toks.length && !toks[j].spaceBefore; j++) {
          const more = LETTER_START.exec(toks[j].text)?.[0] ?? '';
          right += more;
          if (toks[j].tiny) tiny = true;
          if (more.length !== toks[j].text.length) break;
        }
      }
      if (splitsSyllable(left, right, tiny)) space = false;
      // a fake space before closing punctuation drawn as its own piece
      else if (tiny && /^[.,;:!?)\]…]/.test(body) && /[\p{L}\p{M}\d)]$/u.test(prev)) space = false;
    }
    out = space ? prev + ' ' + t.text.replace(/^\s+/, '') : out + t.text;
  }
  return out.replace(/\s+/g, ' ').trim();
}

// ------------------------------------------------------------------ pages → paragraphs

const PAGE_NUMBER = /^(?:-\s*)?(?:trang\s*)?\d{1,4}(?:\s*(?:\/|của|trên)\s*\d{1,4})?(?:\s*-)?$/i;

function normKey(s: string): string {
  return s.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Lines in the top/bottom band of a page that repeat on other pages, and bare page numbers. */
function dropHeadersFooters(pages: Page[]): void {
  const band = (p: Page, l: Line) => l.y > p.height * 0.9 || l.y < p.height * 0.1;
  const counts = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set<string>();
    for (const l of p.lines) if (band(p, l)) seen.add(normKey(l.text));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const minRepeat = Math.max(2, Math.ceil(pages.length * 0.5));
  for (const p of pages) {
    if (p.lines.length === 0) continue;
    const top = Math.max(...p.lines.map((l) => l.y));
    const bottom = Math.min(...p.lines.map((l) => l.y));
    p.lines = p.lines.filter((l) => {
      if (!band(p, l)) return true;
      const t = l.text.trim();
      // a page number alone, at the very top or bottom of the page
      if (PAGE_NUMBER.test(t) && (l.y === top || l.y === bottom)) return false;
      if (pages.length >= 2 && (counts.get(normKey(t)) ?? 0) >= minRepeat) return false;
      return true;
    });
  }
}

const LABEL = /^(?:[IVXLC]+\.|\d+(?:\.\d+)*[.)]|\d+ \| |[a-zđ]\)|\(\d+\)|[-–•+*]\s|Điều\s+\d|Chương\s+[IVXLC\d]|Mục\s+\d|Phần\s+[IVXLC\d])/u;
const SENTENCE_END = /[.:;!?…"”)]$|\.\/\.$/;

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function markRegions(pages: Page[]): void {
  let prevTail: Region | undefined; // a region ending the previous page
  for (const p of pages) {
    const regions = findRegions(p.lines, joinLine);
    for (const r of regions) {
      p.lines[r.from].block = r;
      for (let k = r.from + 1; k <= r.to; k++) p.lines[k].inBlock = true;
    }
    const head = regions[0];
    if (prevTail && head && head.from === 0 && mergeAcrossPages(prevTail, head)) {
      // the continuation is emitted with the region it continues
      p.lines[0].block = undefined;
      p.lines[0].inBlock = true;
      if (head.to === p.lines.length - 1) continue; // the block runs on over this whole page
    }
    const tail = regions[regions.length - 1];
    prevTail = tail && tail.to === p.lines.length - 1 ? (tail === head && p.lines[0].inBlock && !p.lines[0].block ? prevTail : tail) : undefined;
  }
}

function assemble(pages: Page[]): string {
  dropHeadersFooters(pages);
  markRegions(pages);
  const all = pages.flatMap((p) => p.lines.filter((l) => !l.block && !l.inBlock));
  if (all.length === 0 && !pages.some((p) => p.lines.length)) return '';
  // body geometry: left margin = most common line start, right margin = most common line end
  const left = all.length ? mode(all.map((l) => l.x0)) : 0;
  const right = all.length ? percentile(all.map((l) => l.x1), 0.9) : 1;
  const width = Math.max(1, right - left);
  const paras: string[] = [];
  let cur: string[] = [];
  let prev: Line | undefined;
  let prevPageBreak = false;
  const flush = () => {
    if (cur.length) paras.push(cur.join(' ').replace(/\s+/g, ' ').trim());
    cur = [];
  };
  for (const [pi, p] of pages.entries()) {
    const gaps: number[] = [];
    for (let i = 1; i < p.lines.length; i++) gaps.push(p.lines[i - 1].y - p.lines[i].y);
    const lineGap = median(gaps.filter((g) => g > 0)) || 14;
    for (const [li, l] of p.lines.entries()) {
      if (l.inBlock) continue;
      if (l.block) {
        flush();
        paras.push(...regionParagraphs(l.block));
        prev = undefined;
        continue;
      }
      const first = li === 0;
      prevPageBreak = first && pi > 0;
      let brk = true;
      if (prev) {
        const indented = l.x0 - left > 0.8 * l.size;
        // the previous line is full when it reaches the right margin, or when the first word of
        // this line would not have fitted at its end (a long date or name wrapped early)
        const firstWord = l.text.split(' ')[0] ?? '';
        const charW = (l.x1 - l.x0) / Math.max(1, l.text.length);
        const prevFull = prev.x1 >= right - 0.12 * width || prev.x1 + (firstWord.length + 1) * charW >= right - 0.02 * width;
        const prevCentered = prev.x0 - left > 0.15 * width && right - prev.x1 > 0.15 * width;
        const sizeChange = Math.abs(l.size - prev.size) > 0.15 * prev.size;
        const vgap = prevPageBreak ? lineGap : prev.y - l.y;
        const bigGap = !prevPageBreak && vgap > 1.45 * lineGap;
        const label = LABEL.test(l.text);
        brk = indented || label || !prevFull || prevCentered || sizeChange || bigGap;
        if (prevPageBreak && !indented && !label && prevFull && !SENTENCE_END.test(prev.text)) brk = false;
      }
      if (brk) flush();
      cur.push(l.text);
      prev = l;
    }
  }
  flush();
  return paras.filter((s) => s).join('\n\n');
}

function mode(xs: number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) {
    const k = Math.round(x / 2) * 2;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best = xs[0];
  let bestN = -1;
  for (const [k, n] of counts) if (n > bestN || (n === bestN && k < best)) (best = k), (bestN = n);
  return best;
}

function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** internals, for the tests */
export const _pdfInternals = { joinLine, buildLines, assemble };
export type { Item as PdfItem, Line as PdfLine, Page as PdfPage };
