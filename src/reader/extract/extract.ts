/**
 * The extraction pipeline: paragraphs → outline (I./1./1.1./a)/(1)/dashes/paragraphs) and task
 * tables → tasks with lead/support addressees, deadlines, source offsets and review flags.
 */
import { isUpperLine, joinLines } from './fold';
import { isWeakLabel, parseLabel, type Label } from './labels';
import { splitParagraphs, type Paragraph } from './paragraphs';
import { findTables, splitCells, type Table } from './tables';
import { parseMetadata } from './metadata';
import { findDeadlines, findWeekly, parseDueCell, type Deadline, type DeadlineContext } from './dates';
import { clauseAt, clauseStarts, headingLine, namedByKindOnly, openingSupport, opensWithAction, clauseStartsTyped, lateLead, markedRoles, midGiao, midObject, readNames, settleLeads, ScannerTable, type ClauseResult, type Scanner } from './addressees';
import { instructionAddressees } from './missed';
import type { ExtractedTask, ExtractOptions, Extraction, MissedParagraph, Recurrence } from './types';

type NodeKind = Label['kind'] | 'root' | 'para';

interface Attr {
  name: 'lead' | 'support' | 'due' | 'product' | 'task' | 'exec';
  value: string;
}

interface Node {
  kind: NodeKind;
  level: string;
  key: string;
  labelLen: number;
  paras: Paragraph[];
  leadins: Paragraph[];
  attrs: Attr[];
  children: Node[];
  parent: Node | null;
  excluded: boolean;
  ref: string;
}

const ATTR =
  /^(?:[-–+•]\s{0,3})?(đơn vị|cơ quan|sở, ngành|đơn vị, địa phương)\s{1,3}(chủ trì|thực hiện|phối hợp|đầu mối)(?:\s{1,3}(?:thực hiện|tham mưu))?\s{0,3}:|^(?:[-–+•]\s{0,3})?(thời gian|thời hạn|tiến độ)(?:\s{1,3}(?:hoàn thành|thực hiện))?\s{0,3}:|^(?:[-–+•]\s{0,3})?(sản phẩm|kết quả(?:\s{1,3}đầu ra)?|tên nhiệm vụ|nội dung nhiệm vụ|chủ trì|phối hợp)\s{0,3}:/iu;

const ASSESS =
  /^(?:[IVX]{1,5}\.|\d{1,2}(?:\.\d{1,2}){0,3}\.?)?\s{0,3}(?:về\s{1,3})?(đánh giá|kết quả|tình hình|bối cảnh|dự báo|mục đích|mục tiêu|quan điểm|nguyên tắc|kinh phí|căn cứ|sự cần thiết|những kết quả|một số kết quả|tồn tại|hạn chế|nguyên nhân)/iu;
const DIRECTIVE_WORDS = /(nhiệm vụ|giải pháp|phương hướng|tổ chức thực hiện|phân công|triển khai)/iu;
const CLOSING =
  /(biết,?\s{1,3}(và\s{1,3})?(nghiêm túc\s{1,3})?(thực hiện|triển khai|phối hợp)(\s{1,3}thực hiện)?\s{0,3}(\.\/\.|\.|;)?\s{0,3}$|yêu cầu[^.]{0,200}?(triển khai\s{1,3})?thực hiện\s{1,3}(nghiêm túc\s{1,3})?(Kế hoạch|Quyết định|Chỉ thị|Công văn|Thông báo|Kết luận|Nghị quyết) này\s{0,3}\.|chịu trách nhiệm thi hành|có trách nhiệm (thực hiện|thi hành|giám sát)[^.]{0,40}(Nghị quyết|Quyết định|Chỉ thị|Kế hoạch)|có hiệu lực|Trân trọng|^Trên đây là|giám sát[^.]{0,160}thực hiện (Nghị quyết|Quyết định)(?: này|\s{1,3}theo\s|\s{0,3}[.;]|$)|Nghị quyết này đã được|(?:đề nghị|mong)[^.]{0,160}?quan tâm,?\s{1,3}(?:phối hợp|chỉ đạo|tạo điều kiện)(?:,?\s{1,3}(?:thực hiện|triển khai|phối hợp)){0,2}(?:\s{1,3}(?:nội dung trên|các nội dung trên))?\s{0,3}(?:\.\/\.|\.|;)?\s{0,3}$|^(?:\d{1,2}\.\s{1,3})?Trong quá trình (?:tổ chức\s{1,3})?(?:triển khai|thực hiện)[^,.]{0,80},\s{0,2}nếu (?:có|phát sinh))/iu;
/** Words one of which every CLOSING form contains: a cheap test that rules out most paragraphs. */
const CLOSING_WORDS = /biết|yêu cầu|trách nhiệm|hiệu lực|trân trọng|trên đây là|giám sát|nghị quyết này|nếu|quan tâm/iu;
const isClosing = (t: string): boolean => CLOSING_WORDS.test(t) && CLOSING.test(t);
/** isClosing of a paragraph, asked once per paragraph of this document: the tasks and the missed
 * paragraphs both ask it, and even the cheap test scans the whole paragraph. */
function isClosingPara(m: Memo, p: Paragraph): boolean {
  let v = m.closingPara.get(p);
  if (v === undefined) m.closingPara.set(p, (v = isClosing(p.text)));
  return v;
}
/** "Các đơn vị … tổ chức triển khai thực hiện Kế hoạch này." — the generic closing of plans */
const GENERIC_CLOSING = /(?:tổ chức\s{1,3})?(?:triển khai\s{1,3})?thực hiện\s{1,3}(?:nghiêm túc\s{1,3})?(?:Kế hoạch|Quyết định|Chỉ thị|Công văn|Nghị quyết|Thông báo) này\s{0,3}(?:\.\/\.|\.)?\s{0,3}$/u;
const isGenericClosing = (t: string): boolean =>
  (t.length < 200 && /^(?:Nhận được\s{1,3}(?:văn bản|[Cc]ông văn|[Tt]hông báo|[Cc]hỉ thị|[Kk]ế hoạch)\s{1,3}này\s{0,2},\s{1,3}(?:đề nghị|yêu cầu)|Yêu cầu|Đề nghị)[^.]{0,160}?(nghiêm túc\s{1,3})?(triển khai\s{1,3})?thực hiện(\s{1,3}nghiêm túc)?\s{0,2}(\.\/\.|\.)\s{0,2}$/u.test(t)) ||
  // GENERIC_CLOSING ends with "này" and at most a few dots and spaces: look at the end first.
  t.length < 240 && t.slice(-12).includes('này') && GENERIC_CLOSING.test(t) && !/(báo cáo|đôn đốc|trong việc|tình hình|kết quả|hướng dẫn|kiểm tra|theo dõi|chủ trì)/iu.test(t) && !/^(?:[-–+•]\s{0,3}|\d{1,2}\.\s{1,3}|[a-zđ]\)\s{1,3})?(Giao|Theo dõi|Đôn đốc|Hướng dẫn|Kiểm tra|Giám sát|Chủ trì)/u.test(t);
const RESET = /^(PHỤ LỤC|Phụ lục|KẾ HOẠCH|QUYẾT ĐỊNH|QUYẾT NGHỊ|CHƯƠNG TRÌNH|DANH MỤC|QUY CHẾ|QUY ĐỊNH)(\s|:|$)/u;
const SKIP_START = /^(N[oơ]i\s{1,2}nhận|Kính\s{1,2}gửi)/iu;

const newNode = (kind: NodeKind, level: string, key: string, parent: Node | null, labelLen = 0): Node => ({
  kind, level, key, labelLen, paras: [], leadins: [], attrs: [], children: [], parent, excluded: parent?.excluded ?? false, ref: '',
});

const ownText = (n: Node): string => n.paras.map((p) => p.text).join('\n');
const endsWithColon = (n: Node): boolean => {
  const last = n.leadins.length ? n.leadins[n.leadins.length - 1] : n.paras[n.paras.length - 1];
  return !!last && /:\s*\**$/u.test(last.text);
};

/** lead of a clause that opens a paragraph (explicit addressee) */
function explicitStart(m: Memo, text: string): ClauseResult | null {
  const sc = m.scanners.of(text);
  const r = clauseAt(sc, 0);
  if (!r || r.nonTask) return null;
  return r;
}

/**
 * The memo tables of one extraction: the scanners of its texts, and the answers asked several times
 * of one of its paragraphs, outline nodes or tasks. Each call of extract makes them afresh (the
 * reader keeps no module-level state), so that nothing carries over between documents, a figure
 * measured on a repeated document is the work of reading it, and two extractions share nothing.
 */
interface Memo {
  scanners: ScannerTable;
  /** isClosingPara by paragraph */
  closingPara: Map<Paragraph, boolean>;
  /** isAttrPara by paragraph */
  attrPara: Map<Paragraph, boolean>;
  /** inheritable by node */
  inherited: Map<Node, Addr | null>;
  /** deadlinesOf(…, true) by node */
  nodeDeadlines: Map<Node, Deadline[]>;
  /** the node standing for a document-level lead-in, by its paragraph (rootLeadinNode) */
  rootLeadins: Map<Paragraph, Node>;
  /** the heading of the top-level section a prose task sits in */
  sections: Map<ExtractedTask, string>;
  /** isNamesHeading by node: asked again for each paragraph under the node */
  namesHeadings: Map<Node, boolean>;
}

const newMemo = (): Memo => ({
  scanners: new ScannerTable(),
  closingPara: new Map(),
  attrPara: new Map(),
  inherited: new Map(),
  nodeDeadlines: new Map(),
  rootLeadins: new Map(),
  sections: new Map(),
  namesHeadings: new Map(),
});

/** One extraction's context: its memo tables, its calendar and dates, its options (directory). */
export interface BuildContext extends Memo {
  ctx: DeadlineContext;
  opts: ExtractOptions;
  /** who items that name nobody are for (a letter's recipients, a resolution's executor) */
  implicit: Implicit | null;
}

interface Implicit {
  lead: string[];
  /** a letter's items all go to its recipients; a resolution's only in an article of tasks */
  scope: 'letter' | 'resolution';
}

/** "Giao UBND tỉnh tổ chức thực hiện Nghị quyết này", "… chỉ đạo các cơ quan liên quan thực hiện
 * Nghị quyết này" (not "… giám sát việc thực hiện": supervising is not carrying out). */
const EXECUTOR =
  /(?:^|[\s.;])(?:Giao|giao)\s{1,3}(.{3,160}?)\s{1,3}(?:chủ trì\s{1,3})?(?:chỉ đạo[^.;]{0,80}?\s{1,3}(?:(?:tổ chức|triển khai)\s{1,3})?thực hiện|(?:tổ chức|triển khai)(?:\s{1,3}(?:triển khai|thực hiện))?(?:\s{1,3}thực hiện)?)\s{1,3}(?:Nghị quyết|Quyết định|Chỉ thị|Kế hoạch|Chương trình)(?:\s{1,3}này)?/u;

/**
 * Items that name no addressee of their own belong to the letter's recipients ("Kính gửi:"), or,
 * in a resolution, to the body its closing article charges with carrying it out ("Giao UBND tỉnh
 * tổ chức thực hiện Nghị quyết này").
 */
function implicitAddressees(m: Memo, paras: Paragraph[], addressedTo: string[]): Implicit | null {
  if (addressedTo.length) {
    const lead: string[] = [];
    for (const a of addressedTo) {
      if (/^(Như trên|Lưu)/u.test(a)) continue;
      const names = readNames(m.scanners.of(a), 0).names;
      lead.push(...(names.length ? names : [a]));
    }
    return lead.length ? { lead: [...new Set(lead)], scope: 'letter' } : null;
  }
  for (let i = paras.length - 1; i >= 0 && i >= paras.length - 200; i--) {
    const ex = EXECUTOR.exec(paras[i].text);
    if (!ex) continue;
    const names = readNames(m.scanners.of(ex[1]), 0).names;
    if (names.length) return { lead: names, scope: 'resolution' };
  }
  return null;
}

/** "các cơ quan, đơn vị", "Quý cơ quan": in a letter, the bodies it is sent to, named nowhere else. */
const ADDRESSED_BODIES = /^(?:các|quý)\s{1,3}(?:cơ quan|đơn vị|địa phương)(?:\s{0,2},\s{0,2}(?:cơ quan|đơn vị|địa phương)){0,2}$/iu;

/** A paragraph that ends by introducing what is asked: "… yêu cầu:", "… đề nghị như sau:". */
const INTRODUCES_REQUESTS = /(?:yêu cầu|đề nghị|giao|chỉ đạo)(?:\s{1,3}(?:như sau|cụ thể))?\s{0,2}:\s*$/iu;

/** Whether an item with no addressee of its own takes the document's implicit one. */
function takesImplicit(m: Memo, n: Node, text: string, implicit: Implicit): boolean {
  if (n.kind === 'para' && n.parent?.kind === 'root') return false;
  if (!opensWithAction(m.scanners, text)) return false;
  let inTasks = false;
  for (let a: Node | null = n.parent; a && a.kind !== 'root'; a = a.parent) {
    // "… đánh giá cao …. Để khắc phục hạn chế, HĐND tỉnh yêu cầu:": whatever the article opened
    // with, what it introduces last is asked of someone
    if (INTRODUCES_REQUESTS.test(a.paras[a.paras.length - 1]?.text.slice(-60) ?? '')) {
      inTasks = true;
      continue;
    }
    const title = stripLabel(a.paras[0]?.text ?? '');
    if (ASSESS.test(title.slice(0, 60))) return false;
    if (DIRECTIVE_WORDS.test(title.slice(0, 120))) inTasks = true;
  }
  return implicit.scope === 'letter' || inTasks;
}

/** A line that only names addressees: "Sở Tài chính:", "Đối với UBND các xã, phường:". */
function namesOnly(m: Memo, line: string): boolean {
  const r = clauseAt(m.scanners.of(line), 0);
  if (r?.kind === 'heading' && /^[\s:.]*$/u.test(line.slice(r.end))) return true;
  return !!headingLine(m.scanners, line);
}

/** An item that only names an addressee, with no colon ("1. Công an tỉnh"). */
function isNamesHeading(m: Memo, h: Node): boolean {
  if (h.kind === 'root' || h.kind === 'para' || h.leadins.length) return false;
  let v = m.namesHeadings.get(h);
  if (v === undefined) {
    const line = h.paras[0].text;
    m.namesHeadings.set(h, (v = !/[.;:]\s*\**$/u.test(line) && namesOnly(m, line.slice(h.labelLen))));
  }
  return v;
}

/** A paragraph that opens with an action as an instruction does ("Hướng dẫn …"), not a statement ("Phát triển … là …"). */
function opensAsDuty(m: Memo, text: string): boolean {
  if (!opensWithAction(m.scanners, text)) return false;
  const firstClause = /^[^.;,:]{0,200}/u.exec(text)![0];
  return !/\slà\s/u.test(firstClause);
}

export function buildOutline(m: Memo, paras: Paragraph[], tables: Table[], signer: string | null = null, addressedParas: number[] = []): Node {
  // paragraphs read otherwise: table rows, and the lines naming whom the document is sent to
  const covered = new Set<number>(addressedParas);
  for (const t of tables) for (const i of t.covered) covered.add(i);
  const root = newNode('root', 'root', '', null);
  let stack: Node[] = [root];
  let skipping = false;
  let skipKind = '';
  const top = (): Node => stack[stack.length - 1];
  /** An unlabelled item opened by paragraph p under `parent`, which becomes the innermost open node. */
  const openItem = (parent: Node, p: Paragraph): void => {
    const node = newNode('para', 'para', 'p', parent);
    node.paras.push(p);
    parent.children.push(node);
    stack.push(node);
  };
  const nextLabelled = (i: number): boolean => {
    for (let j = i + 1; j < paras.length && j < i + 3; j++) {
      if (covered.has(j)) return false;
      if (parseLabel(paras[j].text)) return true;
      return false;
    }
    return false;
  };
  for (let i = 0; i < paras.length; i++) {
    if (covered.has(i)) continue;
    const p = paras[i];
    const t = (p.text.includes('*') ? p.text.replace(/^\*+|\*+$/g, '') : p.text).trim();
    if (!t) continue;
    // the signer's name closes the document: it never joins the last item's text
    if (signer && t === signer) continue;
    if (RESET.test(t) && (isUpperLine(t) || t.length < 40)) {
      stack = [root];
      skipping = false;
      continue;
    }
    if (SKIP_START.test(t)) {
      skipping = true;
      skipKind = /^k/iu.test(t) ? 'kinh' : 'noi';
      continue;
    }
    const label = parseLabel(t);
    if (skipping) {
      // a recipients line broken by the PDF goes on in lower case or ends in list punctuation
      const recipientsGoOn = skipKind === 'kinh' && !label && (/^\p{Ll}/u.test(t) || (/[;,]$/u.test(t) && t.length < 160));
      if (skipKind === 'kinh' && !(label && isWeakLabel(label.kind)) && !recipientsGoOn) skipping = false;
      else continue;
    }
    if (p.isRow) continue;
    if (!label && isUpperLine(t)) continue;
    if (((t === p.text ? isClosingPara(m, p) : isClosing(t)) || isGenericClosing(t)) && !ATTR.test(t)) continue;
    const body = label ? t.slice(label.length) : t;
    if (ATTR.test(body) && top() !== root) {
      const owner = [...stack].reverse().find((n) => n.kind !== 'root')!;
      owner.paras.push(p);
      owner.attrs.push(...parseAttr(body));
      continue;
    }
    if (label) {
      const idx = stack.map((n) => n.level).lastIndexOf(label.level);
      if (idx > 0) stack.length = idx;
      else if (!isWeakLabel(label.kind)) while (stack.length > 1 && (isWeakLabel(top().kind as Label['kind']) || top().kind === 'para')) stack.pop();
      else while (stack.length > 1 && top().kind === 'para' && top().children.length === 0 && !endsWithColon(top())) stack.pop();
      const parent = top();
      const node = newNode(label.kind, label.level, label.key, parent, label.length);
      node.paras.push(p);
      // an assessment's heading, not an item that opens with such a word and then charges someone
      // ("2. Căn cứ kết quả rà soát, Sở Nội vụ tham mưu …")
      if (ASSESS.test(t) && !DIRECTIVE_WORDS.test(t.slice(0, 120)) && (label.kind === 'roman' || label.kind === 'dec') && !subjectAfterOpener(m.scanners.of(t.slice(label.length)))) node.excluded = true;
      parent.children.push(node);
      stack.push(node);
      continue;
    }
    // unlabelled paragraph
    const T = top();
    const leadinNext = /:\s*$/u.test(t) && nextLabelled(i);
    if (leadinNext && T.kind !== 'root' && isWeakLabel(T.kind as Label['kind']) && /[.;]\s*\**$/u.test(T.paras[T.paras.length - 1].text) && namesOnly(m, t)) {
      // "Sở Tài chính:" after the dash items of another addressee: a heading of its own for the
      // dash items below it, beside the heading above them — not a lead-in of the last item.
      stack.pop();
      while (stack.length > 1 && top().kind === 'para' && endsWithColon(top())) stack.pop();
      openItem(top(), p);
      continue;
    }
    let startsMemo: ClauseResult | null | undefined;
    const startsFn = (): ClauseResult | null => (startsMemo === undefined ? (startsMemo = explicitStart(m, t)) : startsMemo);
    // "1. Công an tỉnh" and no colon, then one paragraph per duty: each paragraph that opens with
    // an action is an item of that addressee, not the continuation of the one before
    const underNamesHeading = (h: Node | null): boolean => !!h && h.children.length > 0 && isNamesHeading(m, h) && opensAsDuty(m, t);
    if (T.kind === 'para') {
      if (leadinNext && T.parent === root) {
        stack.pop();
        root.leadins.push(p);
        continue;
      }
      if (leadinNext && T.children.length === 0 && !endsWithColon(T)) {
        T.leadins.push(p);
      } else if (leadinNext || startsFn() || underNamesHeading(T.parent)) {
        stack.pop();
        openItem(top(), p);
      } else T.paras.push(p);
      continue;
    }
    if (T === root) {
      if (leadinNext) {
        root.leadins.push(p);
        continue;
      }
      openItem(root, p);
      continue;
    }
    if (endsWithColon(T) || T.children.length) {
      if (leadinNext && T.children.length === 0) {
        T.leadins.push(p);
        continue;
      }
      openItem(T, p);
      continue;
    }
    if (leadinNext) {
      T.leadins.push(p);
      continue;
    }
    const complete = /[.;]\s*\**$/u.test(T.paras[T.paras.length - 1].text);
    const headingOnly = T.paras.length === 1 && !complete;
    if (T.paras.length === 2 && T.children.length === 0 && isNamesHeading(m, T) && opensAsDuty(m, T.paras[1].text) && opensAsDuty(m, t)) {
      // the second duty under an addressee's name: the first, absorbed by the heading, is an item too
      const first = newNode('para', 'para', 'p', T);
      first.paras.push(T.paras.pop()!);
      T.children.push(first);
      openItem(T, p);
      continue;
    }
    if (headingOnly || !startsFn()) {
      T.paras.push(p);
      continue;
    }
    // under a heading ("2. Nhiệm vụ thời gian tới") the paragraphs are its items; after a complete item they are its siblings
    const headingLabel = !/[.;:]\s*\**$/u.test(T.paras[0].text);
    if (!headingLabel) stack.pop();
    else if (T.paras.length === 2 && T.children.length === 0 && explicitStart(m, T.paras[1].text)) {
      // the body absorbed by the heading was the first of several items: make it one of them
      const first = newNode('para', 'para', 'p', T);
      first.paras.push(T.paras.pop()!);
      T.children.push(first);
    }
    openItem(top(), p);
  }
  assignRefs(root, '');
  return root;
}

function parseAttr(body: string): Attr[] {
  const m = ATTR.exec(body);
  if (!m) return [];
  const value = body.slice(m[0].length).trim();
  const key = (m[2] ?? m[4] ?? m[5] ?? m[3] ?? '').toLowerCase();
  if (m[3]) return [{ name: 'due', value }];
  if (m[5]) {
    if (/sản phẩm|kết quả/u.test(key)) return [{ name: 'product', value }];
    if (/chủ trì/u.test(key)) return [{ name: 'lead', value }];
    if (/phối hợp/u.test(key)) return [{ name: 'support', value }];
    return [{ name: 'task', value }];
  }
  const k2 = (m[2] ?? '').toLowerCase();
  if (k2 === 'phối hợp') return [{ name: 'support', value }];
  if (k2 === 'thực hiện') return [{ name: 'exec', value }];
  return [{ name: 'lead', value }];
}

function assignRefs(n: Node, prefix: string): void {
  let dash = 0;
  let para = 0;
  for (const c of n.children) {
    let part: string;
    if (c.kind === 'dash' || c.kind === 'plus' || c.kind === 'bullet') part = `${c.kind === 'plus' ? '+' : '-'}${++dash}`;
    else if (c.kind === 'para') part = `p${++para}`;
    else if (c.kind === 'dieu') part = `Điều ${c.key}`;
    else if (c.kind === 'dec' && prefix && c.key.includes('.')) {
      const parts = c.key.split('.');
      part = parts[parts.length - 1];
    } else part = c.key;
    c.ref = prefix ? `${prefix}.${part}` : part;
    assignRefs(c, c.ref);
  }
}

interface Addr {
  lead: string[];
  support: string[];
  kind: string;
  nonTask: boolean;
}

/** Adverbial openers after which the clause's subject follows a comma. */
const OPENER = /^(Trong|Nhằm|Để|Trên cơ sở|Căn cứ|Sau khi|Khi|Đối với|Ngoài ra|Đồng thời|Theo|Định kỳ|Hằng năm|Hàng năm|Hằng quý|Hàng quý|Hằng tháng|Hàng tháng|Trước mắt|Từ nay|Từ năm|Giai đoạn|Trước|Chậm nhất|Muộn nhất|Từ ngày|Đến ngày|Kể từ|Ngay sau)[\s,]/u;

/** "Trong thời gian …, Thường trực HĐND tỉnh xem xét …", "Định kỳ, X chủ trì …": the subject after the opener. */
function subjectAfterOpener(sc: Scanner): ClauseResult | null {
  const text = sc.text;
  if (!OPENER.test(text)) return null;
  let from = 0;
  for (let k = 0; k < 8; k++) {
    const comma = text.indexOf(', ', from);
    if (comma < 0 || comma > 400 || /[.;]/u.test(text.slice(0, comma))) break;
    const r = clauseAt(sc, comma + 2);
    if (r && (r.kind === 'subject' || r.kind === 'giao' || r.kind === 'denghi' || r.kind === 'object') && !r.nonTask) return r;
    from = comma + 2;
  }
  return null;
}

/** addressees a node states itself (its heading and first body paragraph) */
function ownAddressees(m: Memo, n: Node): Addr {
  const texts: { text: string; heading: boolean }[] = [];
  const paras = n.paras.filter((p) => !isAttrPara(m, p));
  paras.slice(0, 2).forEach((p, i) => texts.push({ text: i === 0 && n.labelLen ? p.text.slice(n.labelLen) : p.text, heading: i === 0 && n.kind !== 'para' }));
  let headingRes: Addr | null = null;
  const body: Addr = { lead: [], support: [], kind: '', nonTask: false };
  let first = true;
  for (const { text, heading } of texts) {
    if (isUpperLine(text) && text.length < 120 && !heading) continue;
    const sc = m.scanners.of(text);
    const res: Addr = { lead: [], support: [], kind: '', nonTask: false };
    let prevSubject = false;
    for (const cs of clauseStartsTyped(m.scanners, text)) {
      let r = clauseAt(sc, cs.pos);
      if (!r && cs.kind === 'start' && first) r = subjectAfterOpener(sc);
      if (!r) {
        prevSubject = false;
        continue;
      }
      if (r.nonTask) {
        if (first && cs.kind === 'start') res.nonTask = true;
        prevSubject = false;
        continue;
      }
      const allowed =
        (cs.kind === 'start' && !(n.kind === 'para' && n.parent?.kind === 'root' && r.kind === 'heading')) ||
        ((cs.kind === 'sentence' || cs.kind === 'semi') && r.kind === 'giao' && !res.lead.length) ||
        (cs.kind === 'colon' && (r.kind === 'giao' || r.kind === 'denghi' || r.kind === 'chidao')) ||
        (r.kind === 'subject' && (cs.kind === 'sentence' || prevSubject));
      // "Giao X …; Y làm …" names a second addressee of the item, but "…; UBND tỉnh sẽ xem xét" is
      // the issuer's own promise, nobody's task
      const promise = cs.kind !== 'start' && /^\s*sẽ\s/u.test(text.slice(r.end, r.end + 6));
      // "X chủ trì; Y phối hợp …": Y was read as X's support, and does not lead its own clause
      if (cs.kind !== 'start' && r.lead.every((nm) => res.support.includes(nm))) continue;
      prevSubject = r.kind === 'subject' || r.kind === 'object' || r.kind === 'giao' || r.kind === 'denghi';
      if (!allowed || promise) continue;
      res.lead.push(...r.lead);
      res.support.push(...r.support);
      if (!res.kind) res.kind = cs.kind === 'start' && /^\s*Yêu cầu/u.test(text) ? 'yeucau' : r.kind;
    }
    first = false;
    if (heading && texts.length > 1) headingRes = res;
    else {
      body.lead.push(...res.lead);
      body.support.push(...res.support);
      body.kind ||= res.kind;
      body.nonTask ||= res.nonTask;
    }
  }
  if (body.lead.length && !body.nonTask) return body;
  if (headingRes && headingRes.lead.length && !headingRes.nonTask) return headingRes;
  return { lead: [], support: [], kind: '', nonTask: body.nonTask || !!headingRes?.nonTask };
}

const stripLabel = (t: string): string => {
  const l = parseLabel(t);
  return l ? t.slice(l.length) : t;
};

/** Whether a paragraph is an attribute line ("Thời hạn: …"): asked of each paragraph several times. */
function isAttrPara(m: Memo, p: Paragraph): boolean {
  let v = m.attrPara.get(p);
  if (v === undefined) m.attrPara.set(p, (v = ATTR.test(stripLabel(p.text))));
  return v;
}

/** addressees a node hands down to its items */
function inheritable(m: Memo, n: Node): Addr | null {
  if (m.inherited.has(n)) return m.inherited.get(n)!;
  const r = inheritableUncached(m, n);
  m.inherited.set(n, r);
  return r;
}
function inheritableUncached(m: Memo, n: Node): Addr | null {
  if (n.kind === 'root') return null;
  const section = n.kind === 'roman' || n.kind === 'dieu';
  // An item that is only an addressee's name, heading its own items: that addressee leads
  // every child, whether or not the name is one the lexicon knows.
  if (!section && n.children.length && n.paras.length === 1 && !n.leadins.length && !n.attrs.length) {
    const line = n.paras[0].text.slice(n.labelLen);
    const r = clauseAt(m.scanners.of(line), 0);
    if (!r || (r.kind === 'heading' && r.end < line.replace(/[\s:.]+$/u, '').length)) {
      const names = headingLine(m.scanners, line);
      if (names) return { lead: names, support: [], kind: 'heading', nonTask: false };
    }
  }
  const paras = section ? (n.kind === 'dieu' && endsWithColon(n) ? [...n.paras, ...n.leadins] : n.leadins) : [...n.paras, ...n.leadins];
  const lead: string[] = [];
  const support: string[] = [];
  let kind = '';
  for (const [i, p] of paras.entries()) {
    const text = i === 0 && n.labelLen && paras[0] === n.paras[0] ? p.text.slice(n.labelLen) : p.text;
    if (isUpperLine(text) && (section || i > 0)) continue;
    const sc = m.scanners.of(text);
    let got = false;
    for (const cs of clauseStarts(m.scanners, text)) {
      const r = clauseAt(sc, cs);
      if (!r || r.nonTask) continue;
      if (section && r.kind === 'subject') continue;
      if (cs > 0 && r.kind !== 'subject' && r.kind !== 'object') continue;
      lead.push(...r.lead);
      support.push(...r.support);
      kind ||= r.kind;
      got = true;
    }
    if (!got && !section && i === 0) {
      // "Để thể chế hoá …, Đảng đoàn Quốc hội xác định các nhiệm vụ sau:"
      const r = subjectAfterOpener(sc);
      if (r) {
        lead.push(...r.lead);
        support.push(...r.support);
        kind ||= r.kind;
        got = true;
      }
    }
    if (!got && /:\s*$/u.test(text)) {
      const o = midObject(sc);
      if (o) {
        lead.push(...o.lead);
        support.push(...o.support);
        kind ||= 'object';
      }
    }
  }
  for (const a of n.attrs) if (a.name === 'lead' || a.name === 'exec') lead.push(...readNames(m.scanners.of(a.value), 0).names);
  return lead.length ? { lead, support, kind: kind || 'attr', nonTask: false } : null;
}

function deadlinesOf(m: Memo, n: Node, ctx: DeadlineContext, forInherit: boolean): Deadline[] {
  if (!forInherit) return deadlinesOfUncached(m, n, ctx, false);
  let r = m.nodeDeadlines.get(n);
  if (!r) m.nodeDeadlines.set(n, (r = deadlinesOfUncached(m, n, ctx, true)));
  return r;
}
function deadlinesOfUncached(m: Memo, n: Node, ctx: DeadlineContext, forInherit: boolean): Deadline[] {
  const section = n.kind === 'roman' || n.kind === 'dieu';
  let paras = forInherit ? (section ? (n.kind === 'dieu' && endsWithColon(n) ? [...n.paras, ...n.leadins] : n.leadins) : [...n.paras, ...n.leadins]) : n.paras;
  paras = paras.filter((p) => !isAttrPara(m, p));
  const out: Deadline[] = [];
  for (const p of paras) out.push(...findDeadlines(p.text, ctx));
  return out;
}

function attrDue(n: Node, ctx: DeadlineContext): { iso: string | null; text: string } | null {
  const a = n.attrs.find((x) => x.name === 'due');
  return a ? parseDueCell(a.value, ctx) : null;
}

const REPORT = /báo cáo\s{1,3}(?:kết quả\s{1,3})?(?:về\s{1,3})?((?:Thủ tướng Chính phủ|Chính phủ|Ủy ban nhân dân tỉnh|UBND tỉnh|Chủ tịch UBND tỉnh|Chủ tịch Ủy ban nhân dân tỉnh|Bộ [\p{Lu}][\p{L} ]{2,40}?|Sở [\p{Lu}][\p{L} ]{2,40}?|Tỉnh ủy|HĐND tỉnh|Ban Thường vụ Tỉnh ủy))(?=[\s,.;(]|$)/u;

function makeTask(
  ref: string, paras: Paragraph[], lead: string[], support: string[], dl: Deadline[], due: { iso: string | null; text: string; recurrence?: Recurrence } | null,
  inheritedLead: boolean, inheritedDue: boolean, bc: BuildContext, product: string | null,
): ExtractedTask {
  const text = paras.map((p) => p.text).join('\n');
  const settled = settleLeads(lead, support);
  const needsReview: string[] = [];
  const ids: (string | null)[] = [];
  const resolve = (names: string[]): string[] =>
    names.map((nm) => {
      const hit = bc.opts.directory?.resolve(nm) ?? null;
      if (bc.opts.directory) {
        ids.push(hit?.id ?? null);
        if (!hit && !/^các\s|^UBND cấp|cấp xã|cấp huyện|cấp tỉnh|các cấp/iu.test(nm)) needsReview.push(`lead-unknown:${nm}`);
      }
      return hit?.name ?? nm;
    });
  const leadNames = resolve(settled.lead);
  const leadIds = [...ids];
  const supportNames = settled.support.map((nm) => bc.opts.directory?.resolve(nm)?.name ?? nm).filter((nm) => !leadNames.includes(nm));
  let dueIso: string | null = null;
  let dueText: string | null = null;
  let recurrence: Recurrence | null = null;
  const milestones: { date: string; text: string }[] = [];
  if (due) {
    dueIso = due.iso;
    dueText = due.text || null;
    recurrence = due.recurrence ?? null;
  } else if (dl.length) {
    const sorted = [...dl].sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0));
    const last = sorted[sorted.length - 1];
    dueIso = last.iso;
    dueText = last.text;
    for (const d of sorted.slice(0, -1)) milestones.push({ date: d.iso, text: d.text });
    recurrence = dl.find((d) => d.recurrence)?.recurrence ?? null;
  }
  // A weekly duty keeps no single due date (the corpus rule); its weekday is in the recurrence,
  // from which follow-up computes each week's occurrence.
  if (!recurrence) recurrence = findWeekly(text);
  if (inheritedLead) needsReview.push('lead-inherited');
  if (inheritedDue && dueIso) needsReview.push('due-inherited');
  if (milestones.length) needsReview.push('due-several-dates');
  if (!leadNames.length) needsReview.push('lead-missing');
  const rep = REPORT.exec(text);
  let confidence = 0.92;
  if (inheritedLead) confidence -= 0.07;
  if (inheritedDue) confidence -= 0.05;
  if (milestones.length) confidence -= 0.05;
  confidence -= 0.04 * needsReview.filter((r) => r.startsWith('lead-unknown')).length;
  return {
    ref,
    text: joinLines(text),
    start: paras[0].start,
    end: paras[paras.length - 1].end,
    lead: leadNames,
    support: supportNames,
    leadAgencyIds: leadIds,
    due: dueIso,
    dueText,
    recurrence,
    milestones,
    reportTo: rep ? rep[1].trim() : null,
    product,
    confidence: Math.max(0.3, Math.round(confidence * 100) / 100),
    needsReview,
  };
}

function nearestInherited(m: Memo, n: Node): Addr | null {
  let a: Node | null = n.parent;
  while (a && a.kind !== 'root') {
    const inh = inheritable(m, a);
    if (inh) return inh;
    a = a.parent;
  }
  return rootLeadin(m, n);
}

/** the document-level lead-in ("UBND tỉnh yêu cầu các sở … thực hiện các nội dung sau:") before a top-level item */
function rootLeadinNode(m: Memo, n: Node): Node | null {
  let top: Node = n;
  while (top.parent && top.parent.kind !== 'root') top = top.parent;
  const root = top.parent;
  if (!root || !root.leadins.length) return null;
  const start = top.paras[0]?.start ?? 0;
  let best: Paragraph | null = null;
  for (const p of root.leadins) if (p.start < start) best = p;
  if (!best) return null;
  let node = m.rootLeadins.get(best);
  if (!node) {
    node = newNode('roman', 'roman', '', null);
    node.leadins.push(best);
    m.rootLeadins.set(best, node);
  }
  return node;
}
function rootLeadin(m: Memo, n: Node): Addr | null {
  const node = rootLeadinNode(m, n);
  return node ? inheritable(m, node) : null;
}

function collectTasks(root: Node, bc: BuildContext): ExtractedTask[] {
  const tasks: ExtractedTask[] = [];
  const walk = (n: Node): void => {
    for (const c of n.children) walk(c);
    if (n.kind === 'root' || n.excluded) return;
    if (n.paras.some((p) => isClosingPara(bc, p) && !isAttrPara(bc, p))) return;
    const hasChildren = n.children.length > 0;
    const own = ownAddressees(bc, n);
    if (own.nonTask) return;
    const textNoLabel = ownText(n).slice(n.labelLen).trim();
    if (hasChildren) {
      if (n.kind === 'roman' || n.kind === 'dieu') return;
      const last = n.paras[n.paras.length - 1]?.text ?? '';
      // an item with items of its own is a heading unless it is a complete sentence: a long one,
      // or one whose addressee is given something to do ("- Sở Tài chính bố trí vốn." over "+" items)
      const complete = /[.;]\s*\**$/u.test(last) ? textNoLabel.length >= 40 || assignsAction(bc, textNoLabel) : !endsWithColon(n) && assignsAction(bc, textNoLabel);
      if (!complete) return;
    }
    if (isUpperLine(textNoLabel) && textNoLabel.length < 200) return;
    // lead
    let lead: string[] = [];
    let support: string[] = [];
    let inheritedLead = false;
    const attrLead = n.attrs.filter((a) => a.name === 'lead' || a.name === 'exec');
    if (attrLead.length) {
      for (const a of attrLead) {
        const sc = bc.scanners.of(a.value);
        const r = readNames(sc, 0);
        lead.push(...r.names);
        const rest = a.value.slice(r.end);
        const sup = /phối hợp(?:\s{1,3}với)?(?:\s{0,2}:)?\s{1,3}/iu.exec(rest);
        if (sup) support.push(...readNames(bc.scanners.of(rest), sup.index + sup[0].length).names);
      }
      for (const a of n.attrs.filter((x) => x.name === 'support')) support.push(...readNames(bc.scanners.of(a.value), 0).names);
    } else if (own.lead.length && !(own.kind === 'chidao' || own.kind === 'yeucau') ) {
      lead = own.lead;
      support = own.support;
    } else {
      const inh = nearestInherited(bc, n);
      // "Chỉ đạo các đơn vị trực thuộc …" under an addressee: its own units, so the addressee leads
      const ownUnits = !!inh && own.kind === 'chidao' && own.lead.every(namedByKindOnly);
      if (own.lead.length && !ownUnits && (!inh || inh.kind === 'denghi' || inh.kind === 'object')) {
        lead = own.lead;
        support = own.support;
      }
    }
    if (!lead.length && !attrLead.length) {
      const inh = nearestInherited(bc, n);
      if (inh) {
        lead = inh.lead;
        support = inh.support;
        inheritedLead = true;
        const joins = openingSupport(bc.scanners.of(textNoLabel));
        if (joins.length) support = [...new Set([...support, ...joins])];
      }
      if (n.kind !== 'para') {
        const late = lateLead(bc.scanners.of(textNoLabel));
        // Under an addressee heading, "… kiểm tra liên ngành do Sở X chủ trì" names who leads an
        // activity the heading's addressee joins: the heading still leads the item.
        const joined = late && inh?.kind === 'heading' && /(?:^|[\s,])do\s{1,3}$/u.test(textNoLabel.slice(0, late.start));
        if (late && !joined) {
          lead = late.lead;
          support = late.support;
          inheritedLead = false;
        }
      }
      if (inheritedLead) {
        const mg = midGiao(bc.scanners.of(textNoLabel));
        if (mg) {
          lead = mg.lead;
          support = mg.support;
          inheritedLead = false;
        }
      }
    }
    let implicitLead = false;
    if (!lead.length && bc.implicit && !attrLead.length && takesImplicit(bc, n, textNoLabel, bc.implicit)) {
      lead = bc.implicit.lead;
      implicitLead = true;
    } else if (inheritedLead && bc.implicit?.scope === 'letter' && lead.every((l) => ADDRESSED_BODIES.test(l))) {
      // "Sở Nội vụ đề nghị các cơ quan, đơn vị thực hiện …" in a letter: the bodies meant are the
      // ones it is sent to, named under "Kính gửi".
      lead = bc.implicit.lead;
      implicitLead = true;
    }
    if (!lead.length) return;
    // a heading that only names the addressee is not a task by itself
    const sc = bc.scanners.of(textNoLabel);
    const head = clauseAt(sc, 0);
    if (head && head.kind === 'heading' && textNoLabel.slice(head.end).replace(/[\s:.;]/g, '').length < 3 && n.paras.length === 1) return;
    // deadlines
    const ad = attrDue(n, bc.ctx);
    let dl = ad ? [] : deadlinesOf(bc, n, bc.ctx, false);
    let inheritedDue = false;
    if (!ad && !dl.length) {
      let a: Node | null = n.parent;
      while (a && a.kind !== 'root') {
        const d = deadlinesOf(bc, a, bc.ctx, true);
        if (d.length) {
          dl = d;
          inheritedDue = true;
          break;
        }
        a = a.parent;
      }
      const rl = !dl.length ? rootLeadinNode(bc, n) : null;
      if (rl) {
        const d = deadlinesOf(bc, rl, bc.ctx, true);
        if (d.length) {
          dl = d;
          inheritedDue = true;
        }
      }
    }
    const product = n.attrs.find((x) => x.name === 'product')?.value ?? null;
    const task = makeTask(n.ref || n.key, n.paras, lead, support, dl, ad, inheritedLead, inheritedDue, bc, product);
    if (implicitLead) task.needsReview.push('lead-implicit');
    let sec: Node | null = n;
    while (sec && sec.parent && sec.parent.kind !== 'root') sec = sec.parent;
    if (sec && sec !== n) bc.sections.set(task, sec.paras[0]?.text ?? '');
    tasks.push(task);
  };
  walk(root);
  return tasks;
}

/** A lead-in that announces the items below it rather than giving the work itself. */
const ANNOUNCES_ITEMS = /(?:sau|như sau|cụ thể|gồm|(?:nhiệm vụ|nội dung|giải pháp|công việc)(?:\s{1,3}\p{Ll}+){0,3})\s{0,2}[.;:]?\s{0,2}$/u;

/**
 * Whether a text opens with an addressee and then gives it an action of at least three words: the
 * sentence is a task in itself ("UBND các xã chuẩn bị cơ sở vật chất cho năm học mới"), not a
 * heading that only names who the items below are for ("Sở Y tế", "Sở Y tế thực hiện").
 */
function assignsAction(m: Memo, text: string): boolean {
  const r = clauseAt(m.scanners.of(text), 0);
  if (!r || r.nonTask || r.kind === 'heading' || !r.lead.length) return false;
  const action = text.slice(r.end);
  return !ANNOUNCES_ITEMS.test(action) && (action.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= 3;
}

/** A row's cells joined by " | ", without the border pipes of a text table. */
const rowText = (line: string): string => splitCells(line.replace(/^\s*\|/, '').replace(/\|\s*$/, '')).join(' | ');

/**
 * The addressees of a table's lead cell. The cell holds names, so one name that the reading ended
 * before lower-case words ("Cục Quản lý và Phát triển thị trường | trong nước") runs to the cell's
 * end, unless those words are an action ("Cơ sở khám bệnh, chữa bệnh | trình cấp có thẩm quyền").
 */
function cellNames(bc: BuildContext, cell: string): { lead: string[]; support: string[] } {
  const r = readNames(bc.scanners.of(cell), 0);
  const rest = cell.slice(r.end).trim();
  if (r.names.length === 1 && r.raws.length === 1 && rest && /^[\p{Ll}\s]+$/u.test(rest) && !opensWithAction(bc.scanners, rest)) return { lead: [`${r.names[0]} ${rest}`], support: [] };
  // "Sở Y tế (chủ trì), Sở Tài chính" in the one column the table has for bodies
  return markedRoles(r);
}

/**
 * A role word in a table's cell: "Chủ trì:", "(chủ trì)", "(chủ trì thực hiện)", "chủ trì", "phối
 * hợp với", "Cơ quan phối hợp:". One cell of an "Đơn vị thực hiện" column often says both who
 * leads and who helps. (A cell without role words may still mark roles the way prose does, read
 * by cellNames.)
 */
const CELL_ROLE = /\(?\s*(?:(?:đơn vị|cơ quan)\s+)?(?:đồng\s+)?(chủ\s?trì|phối\s?hợp)(?:\s+thực hiện)?(\s+(?:với|cùng))?\s*\)?\s*(:)?/giu;

/**
 * The lead and supporting bodies of a cell that names their roles. A role word governs the names
 * after it when it opens its stretch of the cell or ends in ":" or "với" ("Chủ trì: X; phối hợp:
 * Y", "X chủ trì, phối hợp với Y"), else the names before it ("X (chủ trì); Y", "X chủ trì; Y phối
 * hợp"). Names no role word governs help the lead when one is named, and lead otherwise. Null for
 * a cell without role words, or one whose roles leave nobody leading.
 */
function cellRoles(bc: BuildContext, cell: string): { lead: string[]; support: string[] } | null {
  const marks = [...cell.matchAll(CELL_ROLE)];
  if (!marks.length) return null;
  const roleOf = (m: RegExpMatchArray): 'lead' | 'support' => (/^ch/iu.test(m[1]) ? 'lead' : 'support');
  const opensStretch = (k: number): boolean => {
    const m = marks[k];
    const from = k ? marks[k - 1].index! + marks[k - 1][0].length : 0;
    return !!m[2] || !!m[3] || !/[\p{L}\p{N}]/u.test(cell.slice(from, m.index!));
  };
  const roles: Record<'lead' | 'support' | 'none', string[]> = { lead: [], support: [], none: [] };
  for (let k = 0; k <= marks.length; k++) {
    const from = k ? marks[k - 1].index! + marks[k - 1][0].length : 0;
    const piece = cell.slice(from, k < marks.length ? marks[k].index! : cell.length).replace(/^[\s,;.:\-–+]+|[\s,;.:\-–+]+$/gu, '');
    if (!piece) continue;
    const role = k < marks.length && !opensStretch(k) ? roleOf(marks[k]) : k && opensStretch(k - 1) ? roleOf(marks[k - 1]) : 'none';
    const named = cellNames(bc, piece);
    const names = [...named.lead, ...named.support];
    roles[role].push(...(names.length ? names : [piece]));
  }
  if (roles.lead.length) return { lead: roles.lead, support: [...roles.support, ...roles.none] };
  return null;
}

/** A row's reference under its group row: "II.3", but "1.2" under group "1" stays "1.2". */
const rowRef = (group: string, stt: string): string => (!group || stt.startsWith(`${group}.`) ? stt : `${group}.${stt}`);

function tableTasks(tables: Table[], bc: BuildContext): ExtractedTask[] {
  const out: ExtractedTask[] = [];
  let n = 0;
  for (const t of tables) {
    n++;
    // A schedule table's date column may give only day and month, its year in the header
    // ("Thời gian (năm 2026)").
    const headerYear = /(?:^|\D)((?:19|20|21)\d{2})(?!\d)/u.exec(splitCells(t.header.text)[t.cols.due] ?? '');
    const dueCtx: DeadlineContext = headerYear ? { ...bc.ctx, year: Number(headerYear[1]) } : bc.ctx;
    let cur: { ref: string; paras: Paragraph[]; lead: string[]; leadKey: string; support: string[]; dues: string[]; texts: string[]; products: string[] } | null = null;
    const flush = (): void => {
      if (!cur || !cur.lead.length) return;
      const best = cur.dues.map((d) => parseDueCell(d, dueCtx));
      const isos = best.map((b) => b.iso).filter((x): x is string => !!x).sort();
      const last = isos.length ? best.find((b) => b.iso === isos[isos.length - 1])! : null;
      const due = last ? { iso: last.iso, text: last.text, recurrence: last.recurrence } : { iso: null, text: cur.dues.join('; ') };
      const task = makeTask(cur.ref, cur.paras, cur.lead, cur.support, [], due, false, false, bc, cur.products.join('; ') || null);
      // A row's task text is the whole row as printed, its cells joined by " | ": the lead, the
      // product and the date are part of what was assigned, and a clerk searching for any of them
      // finds the task.
      task.text = cur.paras.map((p) => rowText(p.text)).join(' ');
      if (isos.length > 1) task.milestones = isos.slice(0, -1).map((d) => ({ date: d, text: d }));
      out.push(task);
    };
    let groupRef = '';
    for (const row of t.rows) {
      if (row.group) {
        // a group row closes the task above it and prefixes the references of the rows below
        flush();
        cur = null;
        const label = row.cells[0].replace(/[.)]$/, '');
        const top = groupRef.split('.')[0];
        groupRef = /^[IVXLC]+$/u.test(label) || !/^[IVXLC]+$/u.test(top) ? label : `${top}.${label}`;
        continue;
      }
      const cell = (i: number): string => (i >= 0 && i < row.cells.length ? row.cells[i] : '');
      const stt = t.cols.stt >= 0 ? cell(t.cols.stt) : '';
      const leadCell = cell(t.cols.lead);
      // who leads and who helps, when the cell says it in words ("Chủ trì: X; phối hợp: Y") or
      // by a bracketed role after the names ("X (chủ trì), Y")
      const roles = leadCell ? (cellRoles(bc, leadCell) ?? cellNames(bc, leadCell)) : null;
      const lead = roles?.lead ?? [];
      const leadKey = lead.join('|');
      const body = cell(t.cols.text) || cell(t.cols.product);
      const continuation =
        cur && (t.cols.stt >= 0 ? !stt.replace(/[.\s]/g, '') && (!lead.length || leadKey === cur.leadKey) : !cell(t.cols.text) && (!lead.length || leadKey === cur.leadKey));
      if (continuation && cur) {
        cur.paras.push(row.para);
        if (body) cur.texts.push(body);
        cur.dues.push(cell(t.cols.due));
        if (cell(t.cols.product)) cur.products.push(cell(t.cols.product));
        continue;
      }
      flush();
      const support = [...(roles?.support ?? []), ...(t.cols.support >= 0 && cell(t.cols.support) ? readNames(bc.scanners.of(cell(t.cols.support)), 0).names : [])];
      cur = {
        ref: `PL${tables.length > 1 ? n : ''}.${rowRef(groupRef, stt.replace(/\.$/, '') || String(out.length + 1))}`,
        paras: [row.para],
        lead,
        leadKey,
        support,
        dues: [cell(t.cols.due)],
        texts: [body || row.para.text],
        products: cell(t.cols.product) ? [cell(t.cols.product)] : [],
      };
      if (!lead.length && leadCell) cur.lead = [leadCell];
    }
    flush();
  }
  return out;
}

/** Word trigrams of a text, words numbered by `wordIds` (one table per extraction). */
const trigrams = (full: string, wordIds: Map<string, number>): Set<number> => {
  const s = full.length > 600 ? full.slice(0, 600) : full;
  const w = s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const ids = w.map((x) => {
    let id = wordIds.get(x);
    if (id === undefined) wordIds.set(x, (id = wordIds.size + 1));
    return id;
  });
  const out = new Set<number>();
  for (let i = 0; i + 2 < ids.length; i++) out.add((ids[i] * 131072 + ids[i + 1]) * 131072 + ids[i + 2]);
  return out;
};

/** a prose item restated as a row of the task table: the row (with its lead and date) is the task */
function rowIndex(rows: ExtractedTask[], wordIds: Map<string, number>): Map<number, number[]> {
  const idx = new Map<number, number[]>();
  rows.forEach((r, i) => {
    for (const g of trigrams(r.text, wordIds)) {
      let l = idx.get(g);
      if (!l) idx.set(g, (l = []));
      if (l.length < 8) l.push(i);
    }
  });
  return idx;
}

function duplicatedByRow(m: Memo, t: ExtractedTask, idx: Map<number, number[]>, wordIds: Map<string, number>): boolean {
  if (!idx.size) return false;
  if (/tổ chức thực hiện|phân công|trách nhiệm/iu.test(m.sections.get(t) ?? '')) return false;
  const a = trigrams(t.text.slice(0, 3000), wordIds);
  if (a.size < 4) return false;
  const counts = new Map<number, number>();
  for (const g of a) for (const i of idx.get(g) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
  for (const c of counts.values()) if (c / a.size >= 0.6) return true;
  return false;
}

export function extract(text: string, opts: ExtractOptions = {}): Extraction {
  // The memo tables are this call's own (see Memo), so that nothing carries over between documents
  // (and a benchmark that repeats one document measures the work, not the memo).
  const norm = text.normalize('NFC');
  const paras = splitParagraphs(norm);
  const { meta, year, partial, addressedParas } = parseMetadata(norm, paras);
  const refDate = meta.date ?? opts.documentDate ?? (meta.meetingDate && (!partial || meta.meetingDate >= partial) ? meta.meetingDate : partial);
  const ctx: DeadlineContext = {
    refDate: refDate ?? null,
    year: year ?? (refDate ? Number(refDate.slice(0, 4)) : null),
    addWorkingDays: opts.addWorkingDays,
    memo: new Map(),
  };
  const bc: BuildContext = { ...newMemo(), ctx, opts, implicit: null };
  bc.implicit = implicitAddressees(bc, paras, meta.addressedTo);
  const tables = findTables(paras).filter((t) => t.rows.length > 0);
  const root = buildOutline(bc, paras, tables, meta.signer, addressedParas);
  const rows = tableTasks(tables, bc);
  // Word ids only need to agree within one call: a server reading thousands of documents keeps none.
  const wordIds = new Map<string, number>();
  const idx = rowIndex(rows, wordIds);
  const allProse = collectTasks(root, bc);
  const prose = allProse.filter((t) => !duplicatedByRow(bc, t, idx, wordIds));
  const tasks = [...prose, ...rows].sort((a, b) => a.start - b.start);
  // an item restated as a table row is that row's task: its paragraph was not missed
  return { document: meta, tasks, missed: missedParagraphs(bc, root, allProse.length === prose.length ? tasks : [...allProse, ...rows]) };
}

/**
 * Paragraphs of the directive part that read like an instruction but belong to no task. The
 * directive part: not an assessment section (excluded nodes), and either under a heading of tasks
 * ("II. NHIỆM VỤ, GIẢI PHÁP") or after the first task — the meeting's account before it is not.
 * Lead-ins ("… thực hiện các nội dung sau:") and the headings of items that are tasks belong to
 * those tasks; closing lines and attribute lines are not instructions of their own.
 */
function missedParagraphs(m: Memo, root: Node, tasks: ExtractedTask[]): MissedParagraph[] {
  const spans = tasks.map((t) => [t.start, t.end] as const).sort((a, b) => a[0] - b[0]);
  const firstTask = spans.length ? spans[0][0] : Infinity;
  const covered = (p: Paragraph): boolean => spans.some(([a, b]) => p.start >= a && p.end <= b);
  const hasTaskWithin = (n: Node): boolean => {
    const from = n.paras[0]?.start ?? 0;
    let to = from;
    for (let d: Node = n; d.children.length; d = d.children[d.children.length - 1]) {
      const last = d.children[d.children.length - 1];
      to = Math.max(to, last.paras[last.paras.length - 1]?.end ?? to);
    }
    return spans.some(([a]) => a >= from && a <= to);
  };
  const out: MissedParagraph[] = [];
  const walk = (n: Node, directive: boolean): void => {
    if (n.excluded) return;
    const title = n.kind === 'root' ? '' : stripLabel(n.paras[0]?.text ?? '');
    const inTasks = directive || (n.kind !== 'root' && n.kind !== 'para' && DIRECTIVE_WORDS.test(title.slice(0, 120)));
    const groupHeading = n.children.length > 0 && hasTaskWithin(n);
    n.paras.forEach((p, i) => {
      if (i === 0 && groupHeading) return;
      if (!(inTasks || p.start > firstTask || !spans.length)) return;
      if (covered(p) || isAttrPara(m, p) || isClosingPara(m, p) || isGenericClosing(p.text) || isUpperLine(stripLabel(p.text))) return;
      const lead = instructionAddressees(m.scanners, p.text);
      if (lead) out.push({ text: p.text, start: p.start, end: p.end, lead: [...new Set(lead)] });
    });
    for (const c of n.children) walk(c, inTasks);
  };
  walk(root, false);
  return out.sort((a, b) => a.start - b.start);
}


export { splitCells };
