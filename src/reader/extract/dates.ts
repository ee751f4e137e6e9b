/**
 * Vietnamese deadline phrases → ISO dates. Only phrases that set a deadline count ("trước ngày",
 * "chậm nhất", "trong tháng/quý/năm", "6 tháng cuối năm", recurring "hằng tháng", working days,
 * events served); dates that cite documents or past events do not.
 * Every regular expression is bounded (no nested quantifiers), so the scan is linear.
 */
import { canChiOfYear, tetDate } from '../../calendar/lunar';
import type { Recurrence } from './types';

export interface DeadlineContext {
  /** reference date (document date, or best guess) */
  refDate: string | null;
  /** year used when a phrase omits it */
  year: number | null;
  /** working-day adder (Civil Code counting) */
  addWorkingDays?: (iso: string, n: number) => string;
  /**
   * Deadlines already found, by text: the context lives for one extraction, so answers are reused
   * within one document only (a heading's deadlines are asked for by each of its items).
   */
  memo?: Map<string, Deadline[]>;
}

export interface Deadline {
  iso: string;
  text: string;
  start: number;
  end: number;
  recurrence?: Recurrence;
}

const pad = (n: number): string => String(n).padStart(2, '0');
export const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
export const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const valid = (y: number, m: number, d: number): boolean => y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);

function addDays(isoDate: string, n: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Words that, right before a date expression, make it a deadline; an hour may stand between
 * them ("trước 17 giờ 00 ngày 12/10", "chậm nhất 16h30, ngày …"). */
const TRIGGER =
  /(trước|chậm nhất|muộn nhất|không quá|không muộn hơn|hạn chót|hạn|xong|hoàn thành|trong|đến hết|đến cuối|đến|kết thúc|hết|vào|cuối)[\s,:]{1,3}(?:\d{1,2}\s{0,2}(?:giờ|h)(?:\s{0,2}\d{2}(?:\s{0,2}phút)?)?[\s,]{1,3})?(?:(?:vào|hết|trong|là|ngày|tháng|năm)\s{1,3}){0,2}$/iu;
const DOC_REF = /(số|ngày ký|ban hành|tại|theo)\s{1,3}\S{0,40}\s{0,3}(ngày\s{0,3})?$/iu;

interface Raw {
  start: number;
  end: number;
  text: string;
  iso: string;
  needsTrigger: boolean;
  recurrence?: Recurrence;
}

const RE_DMY = /(?<![\d/])(?:ngày\s{1,3})?(\d{1,2})\s{0,2}[/.-]\s{0,2}(\d{1,2})\s{0,2}[/.-]\s{0,2}(\d{4})(?![\d/])/giu;
const RE_DMY_WORDS = /(?:ngày\s{1,3})?(\d{1,2})\s{1,3}tháng\s{1,3}(\d{1,2})(?:\s{1,3}năm\s{1,3}(\d{4}))?/giu;
const RE_DM = /(?<![\d/.])(?:ngày\s{1,3})?(\d{1,2})\s{0,2}\/\s{0,2}(\d{1,2})(?![\d/])/giu;
const RE_MONTH = /(?<!\d\s{0,2}|ngày\s{1,3}\d{1,2}\s{1,3})tháng\s{1,3}(\d{1,2})\s{0,2}(?:\/|năm|-)\s{0,2}(\d{4})/giu;
const RE_MONTH_NOYEAR = /(?:trong|hết|cuối|trước|xong trong|hoàn thành trong)\s{1,3}tháng\s{1,3}(\d{1,2})(?![\d/])(?!\s{0,2}(?:\/|năm|-)\s{0,2}\d)/giu;
const RE_QUARTER = /quý\s{1,3}(iv|iii|ii|i|[1-4])\b(?:\s{0,2}(?:\/|năm|-)\s{0,2}(\d{4}))?/giu;
const RE_HALF = /(?:6|sáu)\s{1,3}tháng\s{1,3}(đầu|cuối)\s{1,3}năm(?:\s{1,3}(\d{4}))?/giu;
const RE_LATE = /(?:những|các)\s{1,3}tháng\s{1,3}cuối\s{1,3}năm(?:\s{1,3}(\d{4}))?/giu;
const RE_YEAR_END = /cuối\s{1,3}năm\s{1,3}(\d{4})/giu;
const RE_YEAR = /(?:trong|trước|hết|hoàn thành|xong)\s{1,3}(?:năm\s{1,3})(\d{4})(?!\s{0,3}(?:và|,)\s{0,3}(?:các|những)\s{1,3}năm)/giu;
const RE_PERIOD = /giai\s{1,3}đoạn\s{1,3}(\d{4})\s{0,3}[-–]\s{0,3}(\d{4})/giu;
const RE_MONTHLY = /(?:trước|chậm nhất|vào|trong)\s{1,3}(?:vào\s{1,3})?ngày\s{1,3}(\d{1,2})\s{1,3}(?:hằng|hàng)\s{1,3}tháng/giu;
/** "Định kỳ hằng tháng báo cáo … trước ngày 25": the period first, the day (without a month) after
 * it in the same sentence. */
const RE_MONTHLY_FIRST = /(?:hằng|hàng)\s{1,3}tháng(?![\p{L}])[^.;:\n]{0,120}?((?:trước|chậm nhất(?:\s{1,3}là)?|vào)\s{1,3}(?:vào\s{1,3})?ngày\s{1,3}(\d{1,2}))(?!\d|\s{0,2}[/\-]|\.\d|\s{1,3}(?:tháng|\/))/giu;
/** "trước ngày 15 của tháng cuối quý": a quarterly duty on that day of each quarter's last month */
const RE_QUARTERLY = /(?:trước|chậm nhất|vào|trong)\s{1,3}(?:vào\s{1,3})?ngày\s{1,3}(\d{1,2})\s{1,3}(?:của\s{1,3})?tháng\s{1,3}cuối\s{1,3}(?:mỗi\s{1,3}|của\s{1,3}(?:mỗi\s{1,3})?)?quý/giu;
const RE_YEARLY = /(?:hằng|hàng|định kỳ hằng|định kỳ hàng)\s{1,3}năm[^.;]{0,120}?trước\s{1,3}ngày\s{1,3}(\d{1,2})\s{0,2}(?:\/|tháng)\s{0,2}(\d{1,2})(?!\s{0,2}(?:\/|năm)\s{0,2}\d)/giu;
const RE_YEARLY_AFTER = /(?:trước|chậm nhất)\s{1,3}(?:vào\s{1,3})?(?:ngày\s{1,3})?(\d{1,2})\s{0,2}(?:\/|tháng)\s{0,2}(\d{1,2})\s{1,3}(?:hằng|hàng)\s{1,3}năm/giu;
/** "trong 10 ngày làm việc kể từ ngày ký", "… kể từ ngày Thông báo này được ban hành": counted from
 * the document's own date. */
const RE_WORKDAYS = /trong\s{1,3}(?:vòng\s{1,3}|thời\s{1,3}hạn\s{1,3}|thời\s{1,3}gian\s{1,3})?(\d{1,3})\s{1,3}ngày(\s{1,3}làm\s{1,3}việc)?,?\s{1,3}(?:kể\s{1,3})?từ\s{1,3}(?:ngày|khi)\s{1,3}(?:(?:(?:Thông báo|Quyết định|Kế hoạch|Chỉ thị|Công văn|Nghị quyết|Kết luận|văn bản)\s{1,3}này\s{1,3}(?:được\s{1,3})?)?(?:ký|ban\s{1,3}hành))/giu;
/** "trước Tết Nguyên đán (Bính Ngọ | 2027)": the lunar new year, named by its sexagenary name or number, or the next one. */
const RE_TET = /(?:trước|chậm\s{1,3}nhất|muộn\s{1,3}nhất|xong\s{1,3}trước|hoàn\s{1,3}thành\s{1,3}trước)\s{1,3}(?:dịp\s{1,3})?Tết\s{1,3}Nguyên\s{1,3}[đĐ]án(?:\s{1,3}((?:Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Canh|Tân|Nhâm|Quý)\s{1,3}(?:Tý|Sửu|Dần|Mão|Thìn|Tỵ|Ngọ|Mùi|Thân|Dậu|Tuất|Hợi))|\s{1,3}(?:năm\s{1,3})?(\d{4}))?/giu;
const RE_EVENT = /(nhân dịp|chào mừng|hướng tới)[^.;]{0,160}?\(\s{0,2}(\d{1,2})\/(\d{1,2})\/(\d{4})\s{0,3}[-–]\s{0,3}(\d{1,2})\/(\d{1,2})\/(\d{4})\s{0,2}\)/giu;
const RE_EXPECTED = /\(dự kiến[^)]{0,40}?tháng\s{1,3}(\d{1,2})\s{0,2}(?:\/|năm)\s{0,2}(\d{4})\s{0,2}\)/giu;
const RE_WEEKLY = /(?:hằng|hàng)\s{1,3}tuần/iu;
const RE_PLAN_YEAR = /hoàn thành[^.;]{0,60}?kế hoạch[^.;]{0,90}?năm\s{1,3}(\d{4})/giu;

/** a date written without its year that falls well before the document belongs to the next year */
function rollYear(d: string, ref: string | null): string {
  if (!ref || d >= ref) return d;
  const refMonth = Number(ref.slice(0, 4)) * 12 + Number(ref.slice(5, 7));
  const month = Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  if (refMonth - month < 2) return d;
  return `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;
}

/** A date or period just named, then "và", "hoặc" or a comma: the next date is coordinated with it. */
const COORDINATED = /(?:(?:ngày\s{1,3})?\d{1,2}(?:\s{0,2}\/\s{0,2}\d{1,2}){0,2}|tháng\s{1,3}\d{1,2}|quý\s{1,3}[IVX\d]{1,4})\s{0,2}(?:,|và|hoặc)\s{1,3}$/iu;

function hasTrigger(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 48), at);
  if (TRIGGER.test(before)) return true;
  // "trong tháng 10 và tháng 11/2026": the first period's deadline word covers the second
  const co = COORDINATED.exec(before);
  return !!co && TRIGGER.test(before.slice(0, co.index));
}

function isDocRef(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at);
  return DOC_REF.test(before) && !TRIGGER.test(before);
}

function clauseBefore(text: string, at: number): string {
  const from = Math.max(text.lastIndexOf(';', at), text.lastIndexOf('. ', at), 0);
  return text.slice(from, at);
}

function nextMonthly(ref: string | null, year: number | null, day: number): string | null {
  const r = ref ?? (year ? iso(year, 1, 1) : null);
  if (!r) return null;
  let y = Number(r.slice(0, 4));
  let m = Number(r.slice(5, 7));
  for (let k = 0; k < 14; k++) {
    const d = Math.min(day, lastDay(y, m));
    const cand = iso(y, m, d);
    if (cand > r) return cand;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return null;
}

/** The first day-of-the-quarter's-last-month on or after the reference date. */
function nextQuarterly(ref: string | null, year: number | null, day: number): string | null {
  const r = ref ?? (year ? iso(year, 1, 1) : null);
  if (!r) return null;
  const y = Number(r.slice(0, 4));
  const quarter = Math.floor((Number(r.slice(5, 7)) - 1) / 3);
  for (let q = quarter; q < quarter + 5; q++) {
    const cy = y + Math.floor(q / 4);
    const month = (q % 4) * 3 + 3;
    const cand = iso(cy, month, Math.min(day, lastDay(cy, month)));
    if (cand >= r) return cand;
  }
  return null;
}

function nextYearly(ref: string | null, year: number | null, month: number, day: number): string | null {
  const r = ref ?? (year ? iso(year, 1, 1) : null);
  if (!r || month < 1 || month > 12) return null;
  let y = Number(r.slice(0, 4));
  for (let k = 0; k < 2; k++, y++) {
    const d = Math.min(day, lastDay(y, month));
    const cand = iso(y, month, d);
    if (cand >= r) return cand;
  }
  return null;
}

/** All deadlines stated in a piece of prose. */
export function findDeadlines(full: string, ctx: DeadlineContext): Deadline[] {
  // a directive item is never this long; the cap keeps pathological inputs linear
  const text = full.length > 20000 ? full.slice(0, 20000) : full;
  if (!/[0-9]|tháng|năm|quý|tuần|Tết/u.test(text)) return [];
  const memo = (ctx.memo ??= new Map());
  const cached = memo.get(text);
  if (cached) return cached;
  const raws: Raw[] = [];
  const taken: [number, number][] = [];
  const low = text.toLowerCase();
  const has = (w: string): boolean => low.includes(w);
  const slash = /\d\s{0,2}[/.-]\s{0,2}\d/u.test(text);
  // Cheap necessary conditions, tested once on the lower-cased text: most paragraphs say "tháng"
  // or "năm" without a number after it, and then the month and year patterns cannot match.
  // Each word is looked for once: a paragraph is scanned for about six words instead of twenty.
  const saysMonth = has('tháng');
  const saysYear = has('năm');
  const monthNumber = saysMonth && /tháng\s{1,3}\d/.test(low);
  const monthWords = saysMonth && /tháng\s{1,3}(?:đầu|cuối)/.test(low);
  const yearNumber = saysYear && /năm\s{1,3}\d{4}/.test(low);
  const everyYear = saysYear && (has('hằng năm') || has('hàng năm'));
  const overlaps = (s: number, e: number): boolean => taken.some(([a, b]) => s < b && e > a);
  const push = (r: Raw): void => {
    if (raws.length >= 60) return;
    if (overlaps(r.start, r.end)) return;
    taken.push([r.start, r.end]);
    raws.push(r);
  };
  const year = ctx.year;
  let m: RegExpExecArray | null;

  // recurring and special forms first (they claim their span)
  if (saysMonth && (has('hằng tháng') || has('hàng tháng'))) for (m of text.matchAll(RE_MONTHLY)) {
    if (taken.length > 60) break;
    const day = Number(m[1]);
    const d = nextMonthly(ctx.refDate, year, day);
    taken.push([m.index!, m.index! + m[0].length]);
    if (d) raws.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: d, needsTrigger: false, recurrence: { freq: 'monthly', day, text: m[0] } });
  }
  if (saysMonth && (has('hằng tháng') || has('hàng tháng'))) for (m of text.matchAll(RE_MONTHLY_FIRST)) {
    if (taken.length > 60) break;
    const day = Number(m[2]);
    const start = m.index! + m[0].length - m[1].length;
    if (overlaps(start, m.index! + m[0].length)) continue;
    const d = nextMonthly(ctx.refDate, year, day);
    taken.push([start, m.index! + m[0].length]);
    if (d) raws.push({ start, end: m.index! + m[0].length, text: m[1], iso: d, needsTrigger: false, recurrence: { freq: 'monthly', day, text: m[0].replace(/\s+/g, ' ') } });
  }
  if (saysMonth && has('tháng cuối') && has('quý')) for (m of text.matchAll(RE_QUARTERLY)) {
    if (taken.length > 60) break;
    const day = Number(m[1]);
    const d = day >= 1 && day <= 31 ? nextQuarterly(ctx.refDate, year, day) : null;
    taken.push([m.index!, m.index! + m[0].length]);
    if (d) raws.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: d, needsTrigger: false, recurrence: { freq: 'quarterly', day, text: m[0] } });
  }
  if (everyYear) for (m of text.matchAll(RE_YEARLY)) {
    if (taken.length > 60) break;
    const day = Number(m[1]);
    const month = Number(m[2]);
    const d = nextYearly(ctx.refDate, year, month, day);
    const s = m.index! + m[0].lastIndexOf('trước');
    taken.push([m.index!, m.index! + m[0].length]);
    if (d) raws.push({ start: s, end: m.index! + m[0].length, text: m[0], iso: d, needsTrigger: false, recurrence: { freq: 'yearly', day, month, text: m[0] } });
  }
  if (everyYear) for (m of text.matchAll(RE_YEARLY_AFTER)) {
    if (taken.length > 60) break;
    const day = Number(m[1]);
    const month = Number(m[2]);
    const d = nextYearly(ctx.refDate, year, month, day);
    taken.push([m.index!, m.index! + m[0].length]);
    if (d) raws.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: d, needsTrigger: false, recurrence: { freq: 'yearly', day, month, text: m[0] } });
  }
  if (has('từ') && /\d\s{1,3}ngày/.test(low)) for (m of text.matchAll(RE_WORKDAYS)) {
    if (!ctx.refDate) continue;
    const n = Number(m[1]);
    let d: string | null = null;
    if (m[2] && ctx.addWorkingDays) {
      try {
        d = ctx.addWorkingDays(ctx.refDate, n);
      } catch {
        d = null;
      }
    } else if (!m[2]) d = addDays(ctx.refDate, n);
    if (d) push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: d, needsTrigger: false });
  }
  if (has('tết') && ctx.refDate) for (m of text.matchAll(RE_TET)) {
    const ref = ctx.refDate;
    const refYear = Number(ref.slice(0, 4));
    // The lunar year is the one named; unnamed, the first Tết after the document's date.
    const named = m[1]?.replace(/\s+/gu, ' ');
    const candidates = [refYear - 1, refYear, refYear + 1, refYear + 2];
    const y = m[2] ? Number(m[2]) : named ? candidates.find((c) => canChiOfYear(c) === named) : candidates.find((c) => tetDate(c) > ref);
    if (!y || y < 1900 || y > 2199) continue;
    // "before Tết" is the eve of the first day of the lunar year.
    push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: addDays(tetDate(y), -1), needsTrigger: false });
  }
  if (slash && (has('nhân dịp') || has('chào mừng') || has('hướng tới'))) for (m of text.matchAll(RE_EVENT)) {
    const y = Number(m[7]);
    const mo = Number(m[6]);
    const d = Number(m[5]);
    if (valid(y, mo, d)) push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: iso(y, mo, d), needsTrigger: false });
  }
  if (monthNumber && has('dự kiến')) for (m of text.matchAll(RE_EXPECTED)) {
    const before = clauseBefore(text, m.index!);
    if (!/báo cáo/iu.test(before) || /sau khi/iu.test(before)) {
      taken.push([m.index!, m.index! + m[0].length]);
      continue;
    }
    const y = Number(m[2]);
    const mo = Number(m[1]);
    if (valid(y, mo, 1)) push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: iso(y, mo, lastDay(y, mo)), needsTrigger: false });
  }
  // plain dates
  if (slash) for (m of text.matchAll(RE_DMY)) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    const y = Number(m[3]);
    if (valid(y, mo, d)) push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: iso(y, mo, d), needsTrigger: true });
  }
  if (monthNumber) for (m of text.matchAll(RE_DMY_WORDS)) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    const y = m[3] ? Number(m[3]) : year;
    if (y && valid(y, mo, d)) push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: m[3] ? iso(y, mo, d) : rollYear(iso(y, mo, d), ctx.refDate), needsTrigger: true });
  }
  if (slash) for (m of text.matchAll(RE_DM)) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    if (year && valid(year, mo, d)) push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: rollYear(iso(year, mo, d), ctx.refDate), needsTrigger: true });
  }
  if (monthNumber) for (m of text.matchAll(RE_MONTH)) {
    const mo = Number(m[1]);
    const y = Number(m[2]);
    if (!valid(y, mo, 1)) continue;
    const before = text.slice(Math.max(0, m.index! - 12), m.index!);
    const d = /trước\s{1,3}$/iu.test(before) ? (mo === 1 ? iso(y - 1, 12, 31) : iso(y, mo - 1, lastDay(y, mo - 1))) : iso(y, mo, lastDay(y, mo));
    push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: d, needsTrigger: true });
  }
  if (monthNumber) for (m of text.matchAll(RE_MONTH_NOYEAR)) {
    const mo = Number(m[1]);
    if (!year || mo < 1 || mo > 12) continue;
    const s0 = m.index! + m[0].lastIndexOf('tháng');
    const before = /trước\s{1,3}tháng/iu.test(m[0]);
    const d = before ? (mo === 1 ? iso(year - 1, 12, 31) : iso(year, mo - 1, lastDay(year, mo - 1))) : iso(year, mo, lastDay(year, mo));
    push({ start: s0, end: m.index! + m[0].length, text: m[0], iso: rollYear(d, ctx.refDate), needsTrigger: false });
  }
  if (has('quý')) for (m of text.matchAll(RE_QUARTER)) {
    const q = QUARTER[m[1].toLowerCase()];
    const y = m[2] ? Number(m[2]) : year;
    if (!q || !y) continue;
    // "trước quý IV/2026" is done by the end of the quarter before
    const before = /trước\s{1,3}$/iu.test(text.slice(Math.max(0, m.index! - 8), m.index!));
    const qd = before ? (q === 1 ? iso(y - 1, 12, 31) : iso(y, q * 3 - 3, lastDay(y, q * 3 - 3))) : iso(y, q * 3, lastDay(y, q * 3));
    push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: m[2] ? qd : rollYear(qd, ctx.refDate), needsTrigger: true });
  }
  if (monthWords) for (m of text.matchAll(RE_HALF)) {
    const y = m[2] ? Number(m[2]) : year;
    if (!y) continue;
    const first = m[1].toLowerCase() === 'đầu';
    push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: first ? iso(y, 6, 30) : iso(y, 12, 31), needsTrigger: true });
  }
  if (monthWords) for (m of text.matchAll(RE_LATE)) {
    const y = m[1] ? Number(m[1]) : year;
    if (y) push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: iso(y, 12, 31), needsTrigger: true });
  }
  if (yearNumber && has('cuối')) for (m of text.matchAll(RE_YEAR_END)) {
    const y = Number(m[1]);
    push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: iso(y, 12, 31), needsTrigger: false });
  }
  if (yearNumber) for (m of text.matchAll(RE_YEAR)) {
    // "trước năm 2028" is done by the end of the year before
    const y = /^trước/iu.test(m[0]) ? Number(m[1]) - 1 : Number(m[1]);
    if (y >= 1900 && y <= 2199) push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: iso(y, 12, 31), needsTrigger: false });
  }
  if (has('giai')) for (m of text.matchAll(RE_PERIOD)) {
    const before = clauseBefore(text, m.index!);
    if (!/trong\s{1,3}$/iu.test(text.slice(Math.max(0, m.index! - 8), m.index!))) continue;
    if (!/(thực hiện|triển khai|hoàn thành)/iu.test(before)) continue;
    const y = Number(m[2]);
    if (y >= 1900 && y <= 2199) push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: iso(y, 12, 31), needsTrigger: false });
  }
  if (yearNumber && has('kế hoạch')) for (m of text.matchAll(RE_PLAN_YEAR)) {
    const y = Number(m[1]);
    const s = m.index! + m[0].length - m[1].length - 4;
    if (y >= 1900 && y <= 2199) push({ start: s, end: m.index! + m[0].length, text: m[0], iso: iso(y, 12, 31), needsTrigger: false });
  }
  const out: Deadline[] = [];
  for (const r of raws) {
    if (r.needsTrigger) {
      if (!hasTrigger(text, r.start)) continue;
      if (isDocRef(text, r.start)) continue;
    }
    out.push({ iso: r.iso, text: collapseWs(r.text), start: r.start, end: r.end, recurrence: r.recurrence });
  }
  out.sort((a, b) => a.start - b.start);
  memo.set(text, out);
  return out;
}

const collapseWs = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Weekly reporting and similar recurrences without a date. */
/** Vietnamese weekday names: thứ Hai is Monday (1) … thứ Bảy Saturday (6), Chủ nhật Sunday (7). */
const WEEKDAYS: Record<string, number> = { hai: 1, ba: 2, tư: 3, tu: 3, năm: 4, nam: 4, sáu: 5, sau: 5, bảy: 6, bay: 6 };
const RE_WEEKDAY = /(?:thứ\s{1,3}(hai|ba|tư|năm|sáu|bảy|[2-7])|(chủ\s{1,3}nhật))[^.;]{0,20}?(?:hằng|hàng)\s{1,3}tuần|(?:hằng|hàng)\s{1,3}tuần[^.;]{0,40}?(?:vào\s{1,3})?(?:thứ\s{1,3}(hai|ba|tư|năm|sáu|bảy|[2-7])|(chủ\s{1,3}nhật))/iu;

/**
 * "16 giờ thứ Sáu hằng tuần": a weekly duty. Its `day` is the ISO weekday (1 = Monday … 7 =
 * Sunday) when the text names one.
 */
export function findWeekly(text: string): Recurrence | null {
  const m = RE_WEEKLY.exec(text);
  if (!m) return null;
  const w = RE_WEEKDAY.exec(text);
  if (!w) return { freq: 'weekly', text: m[0] };
  const name = (w[1] ?? w[3] ?? '').toLowerCase();
  const day = w[2] || w[4] ? 7 : /^\d$/u.test(name) ? Number(name) - 1 : WEEKDAYS[name];
  return { freq: 'weekly', day, text: w[0] };
}

/**
 * A "Thời gian hoàn thành" table cell or attribute: a bare year, "Quý II/2026", "Tháng 3/2027",
 * "2026 - 2030" → period end; "Thường xuyên", "Hằng năm", "Từ quý II/2027" → null.
 */
export function parseDueCell(cell: string, ctx: DeadlineContext): { iso: string | null; text: string; recurrence?: Recurrence } {
  const text = collapseWs(cell);
  if (!text) return { iso: null, text };
  const low = text.toLowerCase();
  // explicit deadlines inside the cell win
  const found = findDeadlines(text, ctx);
  if (/^từ(\s|$)/iu.test(low) && !/(^|\s)đến(\s|$)/iu.test(low)) return { iso: null, text };
  if (/các năm tiếp theo|những năm tiếp theo|trở đi/iu.test(low)) return { iso: null, text };
  let best: string | null = found.length ? found.map((f) => f.iso).sort().pop()! : null;
  // "Trước 15/12 hằng năm", "Ngày 25 hằng tháng": a recurring duty, due at its first occurrence
  const recurring = found.find((f) => f.recurrence && f.iso === best)?.recurrence;
  if (recurring) return { iso: best, text, recurrence: recurring };
  const later = (c: string): void => {
    if (!best || c > best) best = c;
  };
  const span = /(\d{4})\s{0,3}[-–]\s{0,3}(\d{4})/u.exec(text);
  if (span) later(iso(Number(span[2]), 12, 31));
  // The cell is the deadline itself, so every period it names counts, not only those after a
  // deadline word: "Quý II/2026", "Quý I, II/2027", "Quý III - IV/2026" (the last quarter, in the
  // year written after it), "Tháng 3/2027", "Đợt 1: tháng 5/2027; Đợt 2: tháng 10/2027", "6 tháng đầu năm 2027".
  let m: RegExpExecArray | null;
  if ((m = QUARTER_LIST.exec(text))) {
    const q = Math.max(...m[1].toLowerCase().split(/[^ivx1-4]+/u).filter(Boolean).map((x) => QUARTER[x] ?? 0));
    const y = Number(m[2]);
    if (q) later(iso(y, q * 3, lastDay(y, q * 3)));
  }
  for (const mm of text.matchAll(MONTH_OF_YEAR)) {
    const mo = Number(mm[1]);
    const y = Number(mm[2]);
    if (valid(y, mo, 1)) later(iso(y, mo, lastDay(y, mo)));
  }
  if (!best && (m = HALF_YEAR.exec(text))) {
    const y = m[2] ? Number(m[2]) : ctx.year;
    if (y) best = m[1].toLowerCase() === 'đầu' ? iso(y, 6, 30) : iso(y, 12, 31);
  }
  if (!best && (m = /(?:^|\s|năm\s)(\d{4})(?:\s|$|,|\.)/u.exec(` ${text} `))) {
    const y = Number(m[1]);
    if (y >= 1900 && y <= 2199) best = iso(y, 12, 31);
  }
  if (!best && (m = /(?<![\d/.])(\d{1,2})\s{0,2}\/\s{0,2}(\d{4})(?!\d)/u.exec(text))) {
    // "5/2026" in a date column: the month's last day
    const mo = Number(m[1]);
    const y = Number(m[2]);
    if (valid(y, mo, 1)) best = iso(y, mo, lastDay(y, mo));
  }
  if (!best && ctx.year && !RECURRING_CELL.test(low)) best = bareCellDate(text, ctx.year);
  return { iso: best, text };
}

// not "trước tháng 10/2026", "trước quý IV/2026": those end with the period before (findDeadlines)
const QUARTER_LIST = /(?<!trước\s{1,3})quý\s{1,3}((?:iv|iii|ii|i|[1-4])(?:\s{0,2}(?:,|-|–|và|đến)\s{0,2}(?:quý\s{1,3})?(?:iv|iii|ii|i|[1-4]))*)\s{0,2}(?:\/|năm)\s{0,2}(\d{4})/iu;
const MONTH_OF_YEAR = /(?<!trước\s{1,3})tháng\s{1,3}(\d{1,2})\s{0,2}(?:\/|năm)\s{0,2}(\d{4})/giu;
const HALF_YEAR = /(?:6|sáu)\s{1,3}tháng\s{1,3}(đầu|cuối)\s{1,3}năm(?:\s{1,3}(\d{4}))?/iu;

/** "Hằng tháng", "định kỳ": a time cell of a recurring duty, which has no one date. */
const RECURRING_CELL = /(?:hằng|hàng)\s{1,3}(?:năm|tháng|quý|tuần|ngày)|định kỳ|thường xuyên/u;
const RE_DAY_MONTH = /(?<![\d/.])(\d{1,2})\s{0,2}[/.-]\s{0,2}(\d{1,2})(?:\s{0,2}[/.-]\s{0,2}(\d{4}))?(?![\d/])/gu;

/**
 * The cell of a schedule table's date column is itself the deadline, without "trước ngày": "20/3",
 * "Từ 15/4 đến 15/5" (the end closes the work), "Tháng 4", "Quý II" — the year, when the cell
 * omits it, from the column's header ("Thời gian (năm 2026)") or the document.
 */
function bareCellDate(text: string, year: number): string | null {
  let best: string | null = null;
  for (const m of text.matchAll(RE_DAY_MONTH)) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    const y = m[3] ? Number(m[3]) : year;
    if (valid(y, mo, d)) {
      const c = iso(y, mo, d);
      if (!best || c > best) best = c;
    }
  }
  if (best) return best;
  let m: RegExpExecArray | null;
  if ((m = /(?:^|\s)tháng\s{1,3}(\d{1,2})(?!\s{0,2}[/\d])/iu.exec(text))) {
    const mo = Number(m[1]);
    if (valid(year, mo, 1)) return iso(year, mo, lastDay(year, mo));
  }
  if ((m = /(?:^|\s)quý\s{1,3}(iv|iii|ii|i|[1-4])(?![\p{L}\d])/iu.exec(text))) {
    const q = QUARTER[m[1].toLowerCase()];
    return iso(year, q * 3, lastDay(year, q * 3));
  }
  return null;
}
