/**
 * .docx → text. Reads word/document.xml itself (guarded unzip + xml-lite.ts): paragraphs separated by a
 * blank line, a table row as one line of cells joined by " | " (a cell's paragraphs joined by a
 * space), layout tables (the two-column header and signature blocks) as plain paragraphs, Word's
 * automatic numbering rebuilt from numbering.xml, runs in TCVN3 / VNI fonts converted to Unicode.
 */
import { AppError } from '../../shared/errors.ts';
import { NumberingState, type AbstractNumDef, type LevelDef, type NumDef, type NumberingDefs } from './docx-numbering.ts';
import { fontEncoding, convertLegacy } from './legacy-vietnamese.ts';
import { openZipSafely, checkParagraphCount, countXmlParagraphs, type SafeZip } from './guards.ts';

import { parseXmlLite, type XNode } from './xml-lite.ts';

function tagOf(n: XNode): string | undefined {
  for (const k of Object.keys(n)) if (k !== ':@') return k;
  return undefined;
}
function kids(n: XNode): XNode[] {
  const t = tagOf(n);
  if (!t) return [];
  const v = n[t];
  return Array.isArray(v) ? (v as XNode[]) : [];
}
function attr(n: XNode | undefined, name: string): string | undefined {
  if (!n) return undefined;
  const a = n[':@'] as Record<string, string> | undefined;
  return a?.[name];
}
function child(n: XNode | undefined, tag: string): XNode | undefined {
  if (!n) return undefined;
  return kids(n).find((k) => tagOf(k) === tag);
}
function children(n: XNode | undefined, tag: string): XNode[] {
  if (!n) return [];
  return kids(n).filter((k) => tagOf(k) === tag);
}
function textOf(n: XNode): string {
  let s = '';
  for (const k of kids(n)) {
    if ('#text' in k) s += String(k['#text']);
  }
  return s;
}
function onOff(n: XNode | undefined): boolean | undefined {
  if (!n) return undefined;
  const v = attr(n, 'w:val');
  return !(v === '0' || v === 'false' || v === 'off' || v === 'none');
}

function parseXml(xml: string): XNode[] {
  try {
    return parseXmlLite(xml);
  } catch {
    throw new AppError('BAD_FILE', 'Tệp .docx bị hỏng: không đọc được nội dung XML của văn bản.');
  }
}
function findDeep(nodes: XNode[], tag: string): XNode | undefined {
  for (const n of nodes) {
    if (tagOf(n) === tag) return n;
  }
  for (const n of nodes) {
    const f = findDeep(kids(n), tag);
    if (f) return f;
  }
  return undefined;
}

// ------------------------------------------------------------------ styles

interface RunProps {
  font?: string;
  caps?: boolean;
  vanish?: boolean;
}
interface StyleDef {
  id: string;
  type: string;
  basedOn?: string;
  rPr: RunProps;
  numId?: string;
  ilvl?: number;
}

function readRunProps(rPr: XNode | undefined): RunProps {
  const out: RunProps = {};
  if (!rPr) return out;
  const f = child(rPr, 'w:rFonts');
  if (f) out.font = attr(f, 'w:ascii') ?? attr(f, 'w:hAnsi') ?? attr(f, 'w:cs');
  const caps = onOff(child(rPr, 'w:caps'));
  if (caps !== undefined) out.caps = caps;
  const vanish = onOff(child(rPr, 'w:vanish'));
  if (vanish !== undefined) out.vanish = vanish;
  return out;
}

class Styles {
  byId = new Map<string, StyleDef>();
  defaults: RunProps = {};
  defaultParagraphStyle?: string;
  defaultCharStyle?: string;

  constructor(nodes: XNode[] | undefined) {
    if (!nodes) return;
    const root = findDeep(nodes, 'w:styles');
    if (!root) return;
    const dd = child(root, 'w:docDefaults');
    this.defaults = readRunProps(child(child(dd, 'w:rPrDefault'), 'w:rPr'));
    for (const s of children(root, 'w:style')) {
      const id = attr(s, 'w:styleId');
      if (!id) continue;
      const type = attr(s, 'w:type') ?? 'paragraph';
      const pPr = child(s, 'w:pPr');
      const numPr = child(pPr, 'w:numPr');
      const def: StyleDef = {
        id,
        type,
        basedOn: attr(child(s, 'w:basedOn'), 'w:val'),
        rPr: readRunProps(child(s, 'w:rPr')),
        numId: attr(child(numPr, 'w:numId'), 'w:val'),
        ilvl: numPr && child(numPr, 'w:ilvl') ? Number(attr(child(numPr, 'w:ilvl'), 'w:val')) : undefined,
      };
      this.byId.set(id, def);
      if (attr(s, 'w:default') === '1' || attr(s, 'w:default') === 'true') {
        if (type === 'paragraph') this.defaultParagraphStyle = id;
        if (type === 'character') this.defaultCharStyle = id;
      }
    }
  }

  /** run properties of a style with its basedOn chain (nearest wins) */
  runProps(id: string | undefined): RunProps {
    const chain: StyleDef[] = [];
    const seen = new Set<string>();
    let cur = id ? this.byId.get(id) : undefined;
    while (cur && !seen.has(cur.id) && chain.length < 20) {
      seen.add(cur.id);
      chain.push(cur);
      cur = cur.basedOn ? this.byId.get(cur.basedOn) : undefined;
    }
    const out: RunProps = {};
    for (let i = chain.length - 1; i >= 0; i--) Object.assign(out, stripUndef(chain[i].rPr));
    return out;
  }

  numPr(id: string | undefined): { numId?: string; ilvl?: number; styleId?: string } {
    const seen = new Set<string>();
    let cur = id ? this.byId.get(id) : undefined;
    while (cur && !seen.has(cur.id) && seen.size < 20) {
      seen.add(cur.id);
      if (cur.numId !== undefined) return { numId: cur.numId, ilvl: cur.ilvl, styleId: cur.id };
      cur = cur.basedOn ? this.byId.get(cur.basedOn) : undefined;
    }
    return {};
  }
}

function stripUndef<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

// ------------------------------------------------------------------ numbering.xml

function readLevel(l: XNode): LevelDef {
  const restart = child(l, 'w:lvlRestart');
  const suff = attr(child(l, 'w:suff'), 'w:val');
  return {
    start: Number(attr(child(l, 'w:start'), 'w:val') ?? '1') || 0,
    numFmt: attr(child(l, 'w:numFmt'), 'w:val') ?? 'decimal',
    lvlText: attr(child(l, 'w:lvlText'), 'w:val') ?? '',
    lvlRestart: restart ? Number(attr(restart, 'w:val')) : undefined,
    isLgl: onOff(child(l, 'w:isLgl')) ?? false,
    pStyle: attr(child(l, 'w:pStyle'), 'w:val'),
    suff: suff === 'space' ? 'space' : suff === 'nothing' ? 'nothing' : 'tab',
  };
}

export function readNumbering(nodes: XNode[] | undefined, styles: Styles): NumberingDefs {
  const defs: NumberingDefs = { abstractNums: new Map(), nums: new Map() };
  if (!nodes) return defs;
  const root = findDeep(nodes, 'w:numbering');
  if (!root) return defs;
  for (const a of children(root, 'w:abstractNum')) {
    const id = attr(a, 'w:abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, LevelDef>();
    for (const l of children(a, 'w:lvl')) levels.set(Number(attr(l, 'w:ilvl') ?? '0'), readLevel(l));
    const def: AbstractNumDef = {
      id,
      levels,
      numStyleLink: attr(child(a, 'w:numStyleLink'), 'w:val'),
      styleLink: attr(child(a, 'w:styleLink'), 'w:val'),
    };
    defs.abstractNums.set(id, def);
  }
  for (const n of children(root, 'w:num')) {
    const numId = attr(n, 'w:numId');
    const absId = attr(child(n, 'w:abstractNumId'), 'w:val');
    if (numId === undefined || absId === undefined) continue;
    const overrides: NumDef['overrides'] = new Map();
    for (const o of children(n, 'w:lvlOverride')) {
      const ilvl = Number(attr(o, 'w:ilvl') ?? '0');
      const so = child(o, 'w:startOverride');
      const lvl = child(o, 'w:lvl');
      overrides.set(ilvl, {
        startOverride: so ? Number(attr(so, 'w:val') ?? '1') : undefined,
        lvl: lvl ? readLevel(lvl) : undefined,
      });
    }
    defs.nums.set(numId, { numId, abstractNumId: absId, overrides });
  }
  // numStyleLink: the abstractNum takes its levels from the list that the numbering style points to.
  for (const a of defs.abstractNums.values()) {
    if (!a.numStyleLink || a.levels.size > 0) continue;
    const np = styles.numPr(a.numStyleLink);
    const target = np.numId ? defs.nums.get(np.numId) : undefined;
    const tabs = target ? defs.abstractNums.get(target.abstractNumId) : undefined;
    if (tabs && tabs !== a) {
      for (const num of defs.nums.values()) if (num.abstractNumId === a.id) num.abstractNumId = tabs.id;
    }
  }
  return defs;
}

// ------------------------------------------------------------------ document walk

interface Ctx {
  styles: Styles;
  numbering: NumberingState;
  defs: NumberingDefs;
  warnings: Set<string>;
  depth: number;
}

/** text of one paragraph (without numbering label) */
function paragraphText(p: XNode, ctx: Ctx, pStyleRun: RunProps, extra: string[]): string {
  const parts: string[] = [];
  const walk = (nodes: XNode[], inherited: RunProps) => {
    for (const n of nodes) {
      const t = tagOf(n);
      switch (t) {
        case 'w:r':
          runText(n, inherited);
          break;
        case 'w:hyperlink':
        case 'w:ins':
        case 'w:moveTo':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:fldSimple':
        case 'w:dir':
        case 'w:bdo':
          walk(kids(n), inherited);
          break;
        case 'w:sdt':
          walk(kids(child(n, 'w:sdtContent') ?? {}), inherited);
          break;
        case 'm:oMathPara':
        case 'm:oMath':
          parts.push(mathText(n));
          break;
        default:
          break; // w:del, w:moveFrom, bookmarks, proofing marks, pPr
      }
    }
  };
  const runText = (r: XNode, inherited: RunProps) => {
    const rPr = child(r, 'w:rPr');
    const own = readRunProps(rPr);
    const rStyle = attr(child(rPr, 'w:rStyle'), 'w:val');
    const props: RunProps = { ...inherited, ...stripUndef(ctx.styles.runProps(rStyle)), ...stripUndef(own) };
    if (props.vanish) return;
    let s = '';
    for (const k of kids(r)) {
      const t = tagOf(k);
      if (t === 'w:t') s += textOf(k);
      else if (t === 'w:tab' || t === 'w:ptab') s += '\t';
      else if (t === 'w:br' || t === 'w:cr') s += attr(k, 'w:type') === 'page' ? ' ' : '\n';
      else if (t === 'w:noBreakHyphen') s += '-';
      else if (t === 'w:softHyphen') s += '';
      else if (t === 'w:sym') s += symText(attr(k, 'w:char'));
      else if (t === 'mc:AlternateContent' || t === 'w:pict' || t === 'w:drawing') {
        // text boxes: keep their paragraphs as paragraphs of their own
        const box = findTextBox(k);
        if (box && ctx.depth < 4) {
          ctx.depth++;
          extra.push(...blocks(kids(box), ctx));
          ctx.depth--;
        }
      }
    }
    if (!s) return;
    const enc = fontEncoding(props.font);
    if (enc) {
      s = convertLegacy(s, enc.enc);
      if (enc.upper) s = s.toUpperCase();
      ctx.warnings.add(
        enc.enc === 'tcvn3'
          ? 'Văn bản có đoạn dùng phông TCVN3 (.Vn…), đã chuyển sang Unicode.'
          : 'Văn bản có đoạn dùng phông VNI, đã chuyển sang Unicode.',
      );
    }
    if (props.caps) s = s.toUpperCase();
    parts.push(s);
  };
  walk(kids(p), pStyleRun);
  return parts.join('');
}

function mathText(n: XNode): string {
  let s = '';
  const walk = (nodes: XNode[]) => {
    for (const k of nodes) {
      if (tagOf(k) === 'm:t') s += textOf(k);
      else walk(kids(k));
    }
  };
  walk(kids(n));
  return s;
}

function symText(ch: string | undefined): string {
  if (!ch) return '';
  const c = parseInt(ch, 16);
  if (!Number.isFinite(c)) return '';
  const low = c >= 0xf000 ? c - 0xf000 : c;
  if (low === 0x2d) return '-';
  if (low === 0x2b) return '+';
  if (low < 0x20) return '';
  return '•';
}

function findTextBox(n: XNode): XNode | undefined {
  // prefer mc:Choice (the modern shape); mc:Fallback repeats the same text in VML
  if (tagOf(n) === 'mc:AlternateContent') {
    const choice = child(n, 'mc:Choice');
    return findDeep(choice ? kids(choice) : kids(n), 'w:txbxContent');
  }
  return findDeep(kids(n), 'w:txbxContent');
}

function numberingOf(p: XNode, ctx: Ctx): { numId: string; ilvl: number } | undefined {
  const pPr = child(p, 'w:pPr');
  const numPr = child(pPr, 'w:numPr');
  const pStyle = attr(child(pPr, 'w:pStyle'), 'w:val') ?? ctx.styles.defaultParagraphStyle;
  let numId = attr(child(numPr, 'w:numId'), 'w:val');
  let ilvlS = attr(child(numPr, 'w:ilvl'), 'w:val');
  if (numId === undefined || ilvlS === undefined) {
    const sn = ctx.styles.numPr(pStyle);
    if (numId === undefined) numId = sn.numId;
    if (ilvlS === undefined && sn.ilvl !== undefined) ilvlS = String(sn.ilvl);
    if (ilvlS === undefined && numId !== undefined && sn.styleId) {
      // the level whose w:pStyle names this style
      const num = ctx.defs.nums.get(numId);
      const abs = num ? ctx.defs.abstractNums.get(num.abstractNumId) : undefined;
      for (const [l, def] of abs?.levels ?? []) if (def.pStyle === sn.styleId) ilvlS = String(l);
    }
  }
  if (numId === undefined || numId === '0') return undefined;
  return { numId, ilvl: Number(ilvlS ?? '0') || 0 };
}

function paragraph(p: XNode, ctx: Ctx): string[] {
  const pPr = child(p, 'w:pPr');
  const pStyle = attr(child(pPr, 'w:pStyle'), 'w:val') ?? ctx.styles.defaultParagraphStyle;
  const base: RunProps = { ...stripUndef(ctx.styles.defaults), ...stripUndef(ctx.styles.runProps(pStyle)) };
  const paraMarkProps = readRunProps(child(pPr, 'w:rPr'));
  const extra: string[] = [];
  let text = paragraphText(p, ctx, base, extra);
  text = text.replace(/[\t ]+/g, ' ').replace(/ *\n */g, '\n').trim();
  const num = numberingOf(p, ctx);
  // An empty numbered paragraph still takes its number (Word shows it); in the body it is emitted
  // as nothing, to keep stray empty list paragraphs out of the text.
  if (num) {
    const r = ctx.numbering.next(num.numId, num.ilvl);
    if (r && r.label && !paraMarkProps.vanish) {
      // in a table cell an empty numbered paragraph is the usual automatic STT column
      if (text) text = r.label + (r.suff === 'nothing' ? '' : ' ') + text;
      else if (ctx.depth > 0) text = r.label;
    }
  }
  const out: string[] = [];
  if (text) out.push(text);
  out.push(...extra);
  return out;
}

const TASK_HEADER = /(stt|tt|nội dung|nhiệm vụ|chủ trì|phối hợp|thời gian|thời hạn|sản phẩm|kết quả|đơn vị|cơ quan)/i;

function cellParagraphs(tc: XNode, ctx: Ctx): string[] {
  return blocks(kids(tc), ctx);
}

function table(tbl: XNode, ctx: Ctx): string[] {
  const rows: string[][][] = []; // row → cell → paragraphs
  const rowNodes: XNode[] = [];
  const collectRows = (nodes: XNode[]) => {
    for (const n of nodes) {
      const t = tagOf(n);
      if (t === 'w:tr') rowNodes.push(n);
      else if (t === 'w:sdt') collectRows(kids(child(n, 'w:sdtContent') ?? {}));
      else if (t === 'w:customXml') collectRows(kids(n));
    }
  };
  collectRows(kids(tbl));
  ctx.depth++;
  // A vertically merged cell's text, by grid column: the rows it spans below share it (one lead
  // agency printed once for several rows).
  const mergedAbove = new Map<number, string[]>();
  for (const tr of rowNodes) {
    const cells: string[][] = [];
    const cellNodes: XNode[] = [];
    const collectCells = (nodes: XNode[]) => {
      for (const n of nodes) {
        const t = tagOf(n);
        if (t === 'w:tc') cellNodes.push(n);
        else if (t === 'w:sdt') collectCells(kids(child(n, 'w:sdtContent') ?? {}));
        else if (t === 'w:customXml') collectCells(kids(n));
      }
    };
    collectCells(kids(tr));
    const gridBefore = Number(attr(child(child(tr, 'w:trPr'), 'w:gridBefore'), 'w:val')) || 0;
    let gridCol = gridBefore;
    for (const tc of cellNodes) {
      const tcPr = child(tc, 'w:tcPr');
      const vm = child(tcPr, 'w:vMerge');
      const continued = vm !== undefined && attr(vm, 'w:val') !== 'restart';
      const paras = cellParagraphs(tc, ctx);
      if (!continued) mergedAbove.set(gridCol, paras);
      // The numbering column stays empty, so that a row under a merged number reads as a
      // continuation of the numbered row; any other merged cell repeats its text on each row.
      cells.push(continued && paras.length === 0 ? (gridCol > 0 ? (mergedAbove.get(gridCol) ?? []) : []) : paras);
      gridCol += Number(attr(child(tcPr, 'w:gridSpan'), 'w:val')) || 1;
    }
    rows.push(cells);
  }
  ctx.depth--;
  // columns that carry text somewhere (spacer columns of header blocks do not count)
  const maxCols = rows.reduce((m, r) => Math.max(m, r.filter((c) => c.some((p) => p.trim() !== '')).length), 0);
  const firstRow = rows[0]?.map((c) => c.join(' ')).join(' ') ?? '';
  const headerMatches = firstRow.match(new RegExp(TASK_HEADER.source, 'gi'))?.length ?? 0;
  const layout = maxCols <= 1 || (maxCols <= 2 && headerMatches < 2) || ctx.depth > 0;
  if (layout) {
    // header block, signature block, a framed paragraph: each cell's content as paragraphs
    const out: string[] = [];
    for (const r of rows) for (const c of r) if (c.length) out.push(c.join('\n'));
    return out;
  }
  const out: string[] = [];
  for (const r of rows) {
    const cells = r.map((c) => c.join(' ').replace(/\s*\n\s*/g, ' ').replace(/\s*\|\s*/g, ' / ').trim());
    if (cells.every((c) => c === '')) continue;
    out.push(cells.join(' | '));
  }
  return out;
}

function blocks(nodes: XNode[], ctx: Ctx): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    const t = tagOf(n);
    if (t === 'w:p') out.push(...paragraph(n, ctx));
    else if (t === 'w:tbl') out.push(...table(n, ctx));
    else if (t === 'w:sdt') out.push(...blocks(kids(child(n, 'w:sdtContent') ?? {}), ctx));
    else if (t === 'w:customXml' || t === 'w:ins' || t === 'w:moveTo') out.push(...blocks(kids(n), ctx));
    else if (t === 'w:altChunk') ctx.warnings.add('Văn bản có phần nhúng (altChunk) không đọc được, đã bỏ qua.');
  }
  return out;
}

async function readPart(zip: SafeZip, name: string): Promise<string | undefined> {
  return zip.readText(name);
}

/** The main document part: from [Content_Types].xml / _rels, falling back to word/document.xml. */
async function mainPartName(zip: SafeZip): Promise<string | undefined> {
  const rels = await readPart(zip, '_rels/.rels');
  if (rels) {
    const m = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels);
    const target = m ? /Target="([^"]+)"/.exec(m[0])?.[1] : undefined;
    if (target) {
      const name = target.replace(/^\//, '');
      if (zip.has(name)) return name;
    }
  }
  for (const n of ['word/document.xml', 'word/document2.xml']) if (zip.has(n)) return n;
  return undefined;
}

export async function decodeDocx(bytes: Uint8Array): Promise<{ text: string; warnings: string[] }> {
  const zip = await openZipSafely(bytes, 'docx');
  const main = await mainPartName(zip);
  if (!main) {
    if (zip.has('EncryptedPackage')) throw encryptedError();
    throw new AppError('BAD_FILE', 'Tệp không phải văn bản Word (.docx) hợp lệ: thiếu phần nội dung word/document.xml.');
  }
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const [docXml, stylesXml, numXml] = await Promise.all([
    readPart(zip, main),
    readPart(zip, `${dir}styles.xml`),
    readPart(zip, `${dir}numbering.xml`),
  ]);
  checkParagraphCount(countXmlParagraphs(docXml ?? ''));
  const doc = parseXml(docXml ?? '');
  const styles = new Styles(stylesXml ? parseXml(stylesXml) : undefined);
  const defs = readNumbering(numXml ? parseXml(numXml) : undefined, styles);
  const ctx: Ctx = { styles, numbering: new NumberingState(defs), defs, warnings: new Set(), depth: 0 };
  const body = findDeep(doc, 'w:body');
  if (!body) throw new AppError('BAD_FILE', 'Tệp .docx bị hỏng: không tìm thấy thân văn bản.');
  const paras = blocks(kids(body), ctx);
  const text = paras.join('\n\n');
  return { text, warnings: [...ctx.warnings] };
}

export function encryptedError(): AppError {
  return new AppError(
    'BAD_FILE',
    'Tệp Word được đặt mật khẩu (mã hóa) nên không đọc được. Vui lòng bỏ mật khẩu rồi tải lên lại.',
  );
}
