/**
 * Reads the figures out of a conclusion notice's assessment part ("Tăng trưởng GRDP đạt 6,56%",
 * "thu ngân sách đạt 2.394 tỷ đồng, vượt 22% dự toán") and PROPOSES them as indicator values.
 * Pure: text in, proposals out; nothing is stored until a person accepts a proposal.
 *
 * Numbers are read the Vietnamese way, exactly: "." groups thousands ("2.394" = 2394), ","
 * marks decimals ("6,56" = 6.56). A figure becomes a proposal only when it carries a unit
 * (%, điểm %, tỷ đồng, lượt, hộ, ha …): "nhóm 6 tỉnh", "năm 2024", "63/63" and "6-7%" are not
 * indicators. Each proposal keeps its source offsets so the reviewer sees where it came from.
 */

export type Relation =
  /** a plain level: "đạt 2.394 tỷ đồng", "đón hơn 1,52 triệu lượt khách" */
  | 'level'
  /** a change: "tăng 6,56%", "giảm 3%" */
  | 'increase'
  | 'decrease'
  /** share of a plan reached: "đạt 102,5% kế hoạch" */
  | 'attain'
  /** beyond a plan: "vượt 22% dự toán" */
  | 'exceed'
  /** a gap: "cao hơn 0,5 điểm % so với cùng kỳ", "thấp hơn 1,24 điểm % so với kịch bản" */
  | 'above'
  | 'below';

export type Against = 'same_period' | 'plan' | 'other';

export interface Comparison {
  relation: Relation;
  /** What the figure is compared with; null when the sentence does not say. */
  against: Against | null;
  /** The words of the comparison base as written ("dự toán Trung ương giao", "cùng kỳ năm 2024"). */
  againstText: string | null;
}

export type Qualifier = 'over' | 'under' | 'about' | 'nearly';

export interface IndicatorProposal {
  name: string;
  value: number;
  unit: string;
  comparison: Comparison;
  /** "trên", "hơn" → over; "dưới" → under; "khoảng", "xấp xỉ" → about; "gần" → nearly. */
  qualifier: Qualifier | null;
  /** The source words of the figure, from its verb to its base. */
  text: string;
  start: number;
  end: number;
}

// ---------------------------------------------------------------- numbers

const THOUSANDS = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const DECIMAL_COMMA = /^\d+(?:,\d+)?$/;
const DECIMAL_DOT = /^\d+\.\d+$/;

/**
 * "2.394" → 2394, "6,56" → 6.56, "1.234.567,8" → 1234567.8, "12.5" → 12.5 (a dot not followed
 * by a group of three is a decimal point, as some offices write). Anything else → null.
 */
export function parseVietnameseNumber(raw: string): number | null {
  const s = raw.trim().replace(/^[-−–]\s*/, '-');
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  let n: number;
  if (THOUSANDS.test(body)) n = Number(body.replace(/\./g, '').replace(',', '.'));
  else if (DECIMAL_COMMA.test(body)) n = Number(body.replace(',', '.'));
  else if (DECIMAL_DOT.test(body)) n = Number(body);
  else return null;
  if (!Number.isFinite(n)) return null;
  return neg ? -n : n;
}

/** 2394 → "2.394", 6.56 → "6,56": the way the notice writes it. */
export function formatVietnameseNumber(n: number, maxDecimals = 2): string {
  const fixed = Math.abs(n).toFixed(maxDecimals).replace(/\.?0+$/, '');
  const [int, dec] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${grouped}${dec ? `,${dec}` : ''}`;
}

// ---------------------------------------------------------------- vocabulary

const SCALES = ['nghìn tỷ', 'ngàn tỷ', 'nghìn', 'ngàn', 'triệu', 'tỷ'];
/** Units of measure (money, area, weight, length, points). */
const MEASURES = ['điểm phần trăm', 'điểm %', 'phần trăm', '%', 'đồng', 'USD', 'ha', 'héc-ta', 'tấn', 'km', 'm2', 'm²', 'm3', 'kWh', 'MW', 'điểm'];
/** Counting words ("326.000 lượt bệnh nhân"): the unit is the word, the name follows it. */
const CLASSIFIERS = ['lượt', 'hộ', 'người', 'trạm', 'dự án', 'doanh nghiệp', 'hợp tác xã', 'công trình', 'con', 'căn', 'ngôi nhà', 'nhà', 'trường', 'cơ sở', 'vụ', 'sản phẩm', 'mô hình', 'xã', 'thôn', 'học sinh', 'lao động', 'bệnh nhân', 'giường', 'cây'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).map(escape).join('|');

const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?!\d)(?:,\d+)?|\d+(?:[.,]\d+)?`;
/** A number, its scale and its unit; the unit must end at a word boundary (lookahead). */
const FIGURE = new RegExp(
  String.raw`(${NUMBER})(?:\s*(${alt(SCALES)})(?=[\s,.;:)]|$))?\s*(?:(${alt(MEASURES)})|(${alt(CLASSIFIERS)}))(?=[\s,.;:)]|$)`,
  'gu',
);

/** Verbs that introduce a figure, nearest the number; each tells the relation. */
const VERBS: [RegExp, Relation | 'by_base'][] = [
  [/(?:cao hơn|nhiều hơn|lớn hơn)$/u, 'above'],
  [/(?:thấp hơn|ít hơn|chậm hơn)$/u, 'below'],
  [/(?:vượt|vượt mức|vượt kế hoạch|vượt dự toán)$/u, 'exceed'],
  [/(?:giảm còn|giảm xuống còn|còn)$/u, 'level'],
  [/(?:tăng trưởng|tăng thêm|tăng lên|tăng)$/u, 'increase'],
  [/(?:giảm đi|giảm)$/u, 'decrease'],
  [/(?:ước tính đạt|ước đạt|đạt được|đạt mức|đạt|bằng|là|chiếm|ở mức)$/u, 'by_base'],
];
/** Words that may stand between the verb and the number. */
const QUALIFIERS: [RegExp, Qualifier | null][] = [
  [/(?:trên|hơn)$/u, 'over'],
  [/dưới$/u, 'under'],
  [/(?:khoảng|xấp xỉ|ước khoảng|ước|chừng)$/u, 'about'],
  [/gần$/u, 'nearly'],
];
const ADVERBS = /(?:ấn tượng|mạnh|nhẹ|cao|nhanh|bình quân|mức|ở mức)$/u;
const PLAN = /kế hoạch|dự toán|chỉ tiêu|mục tiêu|kịch bản|nghị quyết|\bKH\b|được giao/u;
const SAME_PERIOD = /cùng kỳ/u;
/** A figure directly after these words is a date, a rank or a count of things, not an indicator. */
const NOT_A_FIGURE_BEFORE = /(?:năm|tháng|quý|ngày|nhóm|số|khoá|khóa|lần thứ|thứ|phiên|điều|khoản|mục|top)\s*$/iu;

// ---------------------------------------------------------------- the assessment part

/**
 * The part of a notice that assesses the results ("I. Đánh giá tình hình …" up to "II."), with
 * its offset; the whole text when no such heading is found.
 */
export function assessmentPart(text: string): { start: number; end: number } {
  const head = /^[ \t]*I\.[ \t]+(?:Đánh giá|Kết quả|Tình hình|Về kết quả|Về tình hình|ĐÁNH GIÁ|KẾT QUẢ|TÌNH HÌNH)[^\n]*$/mu.exec(text);
  if (!head) return { start: 0, end: text.length };
  const start = head.index + head[0].length;
  const next = /^[ \t]*II\.[ \t]+\S/mu.exec(text.slice(start));
  return { start, end: next ? start + next.index : text.length };
}

// ---------------------------------------------------------------- the reader

interface Clause {
  start: number;
  end: number;
}

/** Sentences and ";"/":" clauses: a name carries over commas but never past these. */
function clauses(text: string, from: number, to: number): Clause[] {
  const out: Clause[] = [];
  let s = from;
  for (let i = from; i < to; i++) {
    const c = text[i];
    const endsSentence = c === '.' && (i + 1 >= to || /\s/.test(text[i + 1]));
    if (c === ';' || c === ':' || c === '\n' || endsSentence) {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  if (to > s) out.push({ start: s, end: to });
  return out;
}

// \b does not see Vietnamese letters as word characters: word ends are spelled out.
const W = String.raw`(?=[\s,;:]|$)`;
const LEADING_NOISE = new RegExp(String.raw`^(?:[\s,;:.()–-]|(?:và|với|trong đó|đồng thời|riêng|còn|cụ thể|nhờ đó|theo đó|trong khi)${W})+`, 'iu');
const TRAILING_NOISE = new RegExp(String.raw`(?:[\s,;:(–-]|(?<=^|\s)(?:đã|đều|hiện|cũng|vẫn|được|tiếp tục|ước|chỉ))+$`, 'iu');
const LOCATIVE = /^(?:toàn tỉnh|cả tỉnh|tỉnh|toàn quốc|cả nước|toàn ngành|trên địa bàn(?: tỉnh)?)$/iu;

function cleanName(region: string): string {
  let s = region.replace(/\s+/g, ' ');
  // "thu ngân sách là điểm sáng, đạt …": the comment after "là" is not part of the name.
  s = s.replace(/\s+là\s+[^,]*,?\s*$/u, '');
  let prev = '';
  while (prev !== s) {
    prev = s;
    s = s.replace(LEADING_NOISE, '').replace(TRAILING_NOISE, '');
  }
  return s.trim();
}

/** The noun phrase after a figure ("… lượt khách du lịch, tăng 47%" → "du lịch") and its end. */
function trailingPhrase(text: string, from: number, to: number): { phrase: string; end: number } {
  const rest = text.slice(from, to);
  const m = /^[^,;:.()]*/u.exec(rest)![0];
  const cut = m.search(/\s(?:tăng|giảm|đạt|vượt|so với|cao hơn|thấp hơn|chiếm)(?=\s|$)/u);
  const kept = cut >= 0 ? m.slice(0, cut) : m;
  return { phrase: kept.replace(/\s+/g, ' ').trim(), end: from + kept.length };
}

function capitalize(s: string): string {
  return s ? s[0].toLocaleUpperCase('vi') + s.slice(1) : s;
}

/** Proposes indicators from a notice; only its assessment part is read. */
export function proposeIndicators(text: string): IndicatorProposal[] {
  const part = assessmentPart(text);
  return proposeIndicatorsIn(text, part.start, part.end);
}

/** Proposes indicators from `text[from, to)`; offsets are those of `text`. */
export function proposeIndicatorsIn(text: string, from = 0, to = text.length): IndicatorProposal[] {
  const out: IndicatorProposal[] = [];
  for (const clause of clauses(text, from, to)) {
    let lastName = '';
    let cursor = clause.start;
    const body = text.slice(clause.start, clause.end);
    FIGURE.lastIndex = 0;
    for (let m = FIGURE.exec(body); m; m = FIGURE.exec(body)) {
      const numStart = clause.start + m.index;
      const numEnd = numStart + m[1].length;
      const figEnd = clause.start + m.index + m[0].length;
      // Not a figure: dates and ranks ("22/7/2025", "63/63"), ranges ("6-7%"), part of a word.
      const beforeStart = Math.max(clause.start, numStart - 40);
      const before = text.slice(beforeStart, numStart);
      const charBefore = text[numStart - 1] ?? ' ';
      if (/[\p{L}\d/.,]/u.test(charBefore) || text[numEnd] === '/') continue;
      if (/\d\s*[-–]\s*$/u.test(before) || /^\s*[-–]\s*\d/u.test(text.slice(numEnd, numEnd + 4))) continue;
      if (NOT_A_FIGURE_BEFORE.test(before)) continue;
      const raw = parseVietnameseNumber(m[1]);
      if (raw === null) continue;

      // Walk back over qualifiers, adverbs and the verb.
      let head = before.replace(/\s+$/u, '');
      let qualifier: Qualifier | null = null;
      let negative = false;
      let relation: Relation | 'by_base' | null = null;
      const strip = (re: RegExp) => (head = head.replace(re, '').replace(/\s+$/u, ''));
      const atWord = (re: RegExp) => re.test(head) && /(?:^|[\s,:;(])$/u.test(head.slice(0, head.search(re)));
      for (let guard = 0; guard < 6; guard++) {
        if (atWord(/âm$/u)) {
          negative = true;
          strip(/âm$/u);
          continue;
        }
        const gap = VERBS.slice(0, 2).find(([re]) => atWord(re));
        if (gap) {
          relation = gap[1];
          strip(gap[0]);
          break;
        }
        const q: [RegExp, Qualifier | null] | undefined = qualifier ? undefined : QUALIFIERS.find(([re]) => atWord(re));
        if (q) {
          qualifier = q[1];
          strip(q[0]);
          continue;
        }
        const v = VERBS.find(([re]) => atWord(re));
        if (v) {
          relation = v[1];
          strip(v[0]);
          break;
        }
        if (atWord(ADVERBS)) {
          strip(ADVERBS);
          continue;
        }
        break;
      }
      let textStart = beforeStart + head.length;
      while (textStart < numStart && /[\s,]/u.test(text[textStart])) textStart++;

      // The base after the unit: "kế hoạch", "dự toán Trung ương giao", "so với cùng kỳ".
      const after = text.slice(figEnd, clause.end);
      const soVoi = /^\s*so với\s+/u.exec(after);
      const lead = soVoi ? soVoi[0].length : (/^\s*/u.exec(after)![0].length);
      const candidate = /^[^,;:.()]*?(?=\s+và\s+(?:tăng|giảm|thấp|cao|vượt|đạt)|[,;:.()]|$)/u.exec(after.slice(lead))![0];
      let againstText: string | null = null;
      let baseEnd = figEnd;
      if (candidate.trim() && (soVoi || /^(?:cùng kỳ|kế hoạch|dự toán|chỉ tiêu|mục tiêu|kịch bản|nghị quyết|KH)(?:\s|$)/u.test(candidate))) {
        againstText = candidate.replace(/\s+/g, ' ').trim();
        baseEnd = figEnd + lead + candidate.length;
      }
      const against: Against | null = againstText ? (SAME_PERIOD.test(againstText) ? 'same_period' : PLAN.test(againstText) ? 'plan' : 'other') : null;

      const measure = m[3];
      const classifier = m[4];
      const scale = m[2];
      const unitCore = measure === 'điểm phần trăm' ? 'điểm %' : measure === 'phần trăm' ? '%' : (measure ?? classifier);
      const unit = [scale, unitCore].filter(Boolean).join(' ');
      let rel: Relation;
      if (relation === 'by_base' || relation === null) rel = unitCore === '%' && against === 'plan' ? 'attain' : 'level';
      else rel = relation;

      // The name: the words before the verb since the previous figure, else the previous name.
      const region = text.slice(cursor, textStart);
      let name = /so với/u.test(region) ? '' : cleanName(region);
      if (LOCATIVE.test(name)) name = '';
      const { phrase: trailing, end: trailingEnd } = baseEnd === figEnd ? trailingPhrase(text, figEnd, clause.end) : { phrase: '', end: baseEnd };
      if (classifier) {
        // A count names itself: "hơn 6.654 hộ dân được hỗ trợ" → "hộ dân được hỗ trợ";
        // "khám bệnh cho trên 326.000 lượt bệnh nhân" → "lượt bệnh nhân khám bệnh".
        const forWhom = /((?:[^\s,]+\s+){0,3}[^\s,]+)\s+cho\s*$/u.exec(region);
        const doing = forWhom ? forWhom[1].replace(/^(?:(?:đã|đang|tiến hành|thực hiện|tổ chức)\s+)+/u, '') : '';
        name = [classifier, trailing, doing].filter(Boolean).join(' ');
      } else if (name && trailing && relation === null) {
        // "đã bàn giao 98,6% mặt bằng": what was handed over is part of the name.
        name = `${name} ${trailing}`;
      } else if (!name) name = lastName || trailing;
      if (!name) name = unit;
      lastName = name;
      cursor = Math.max(baseEnd, trailing ? trailingEnd : baseEnd);

      out.push({
        name: capitalize(name),
        value: negative ? -raw : raw,
        unit,
        comparison: { relation: rel, against, againstText },
        qualifier,
        text: text.slice(textStart, baseEnd).trim(),
        start: textStart,
        end: baseEnd,
      });
      FIGURE.lastIndex = Math.max(FIGURE.lastIndex, baseEnd - clause.start);
    }
  }
  return out;
}
