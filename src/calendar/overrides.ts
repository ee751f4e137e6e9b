/**
 * Each year's official decisions on days off (which Tết days, swapped days, make-up Saturdays),
 * as a JSON document the admin can edit. This module only validates and merges: reading the
 * file is the caller's business (the calendar stays pure).
 */
import { AppError } from '../shared/errors';
import { formatViDate, isoToDayNumber, isWeekendDayNumber, MAX_YEAR, MIN_YEAR, tryParseIso } from './dates';
import { compensationDays, statutoryHolidays } from './holidays';
import defaultOverridesJson from './overrides.default.json';

export interface DatedName {
  /** 'YYYY-MM-DD' */
  date: string;
  /** Vietnamese, shown to users */
  name: string;
}

export interface YearOverrides {
  /** Free text: the source decision, what is certain, what is assumed. */
  note?: string;
  /** Days off decided for the year (e.g. the Tết days the government chose), taken literally. */
  holidays?: DatedName[];
  /** Computed statutory or compensation days that are not days off this year ('YYYY-MM-DD'). */
  removeHolidays?: string[];
  /** Make-up working days (a Saturday worked in exchange for a swapped day off). */
  workingDays?: DatedName[];
  /** Swapped days off: weekdays given off in exchange for a make-up working day. */
  daysOff?: DatedName[];
}

export interface CalendarOverrides {
  note?: string;
  years: { [year: string]: YearOverrides };
}

const YEAR_KEYS = ['note', 'holidays', 'removeHolidays', 'workingDays', 'daysOff'] as const;
const ROOT_KEYS = ['note', 'years', '$schema'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks an overrides document and returns every problem found, in Vietnamese (empty when valid).
 * Accepts the parsed JSON value or the JSON text.
 */
export function validateOverrides(json: unknown): string[] {
  const errors: string[] = [];
  let doc = json;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch (e) {
      return [`Tệp không phải JSON hợp lệ: ${(e as Error).message}`];
    }
  }
  if (!isObject(doc)) return ['Nội dung phải là một đối tượng JSON dạng { "years": { "2025": { ... } } }.'];
  for (const k of Object.keys(doc)) {
    if (!(ROOT_KEYS as readonly string[]).includes(k)) errors.push(`Khóa "${k}" không được hỗ trợ ở cấp gốc (chỉ dùng: ${ROOT_KEYS.join(', ')}).`);
  }
  if (doc.note !== undefined && typeof doc.note !== 'string') errors.push('"note" phải là chuỗi văn bản.');
  if (!isObject(doc.years)) {
    errors.push('Thiếu "years": một đối tượng có khóa là năm, ví dụ { "years": { "2025": { "holidays": [] } } }.');
    return errors;
  }
  for (const [yearKey, yv] of Object.entries(doc.years)) {
    const where = `Năm ${yearKey}`;
    if (!/^\d{4}$/.test(yearKey) || Number(yearKey) < MIN_YEAR || Number(yearKey) > MAX_YEAR) {
      errors.push(`Khóa năm "${yearKey}" không hợp lệ: cần một năm 4 chữ số trong khoảng ${MIN_YEAR}–${MAX_YEAR}.`);
      continue;
    }
    const year = Number(yearKey);
    if (!isObject(yv)) {
      errors.push(`${where}: phải là một đối tượng { "holidays", "removeHolidays", "workingDays", "daysOff" }.`);
      continue;
    }
    for (const k of Object.keys(yv)) {
      if (!(YEAR_KEYS as readonly string[]).includes(k)) errors.push(`${where}: khóa "${k}" không được hỗ trợ (chỉ dùng: ${YEAR_KEYS.join(', ')}).`);
    }
    if (yv.note !== undefined && typeof yv.note !== 'string') errors.push(`${where}: "note" phải là chuỗi văn bản.`);

    const seen = new Map<string, string>(); // date → which list
    const label = { holidays: 'ngày nghỉ lễ', workingDays: 'ngày làm bù', daysOff: 'ngày nghỉ hoán đổi', removeHolidays: 'ngày bỏ nghỉ' };
    const checkDate = (v: unknown, field: keyof typeof label, i: number): string | null => {
      const at = `${where}, ${field}[${i}]`;
      if (typeof v !== 'string' || !tryParseIso(v)) {
        errors.push(`${at}: ngày ${JSON.stringify(v)} không hợp lệ; cần định dạng YYYY-MM-DD, ví dụ "${year}-04-30".`);
        return null;
      }
      if (Number(v.slice(0, 4)) !== year) {
        errors.push(`${at}: ngày ${v} không thuộc năm ${year}; hãy đặt nó dưới năm ${v.slice(0, 4)}.`);
        return null;
      }
      const prev = seen.get(v);
      if (prev) {
        errors.push(`${at}: ngày ${formatViDate(v)} đã có trong ${prev}; mỗi ngày chỉ được khai báo một lần.`);
        return null;
      }
      seen.set(v, `${field} (${label[field]})`);
      return v;
    };
    const checkList = (field: 'holidays' | 'workingDays' | 'daysOff'): { date: string; name: string }[] => {
      const list = yv[field];
      if (list === undefined) return [];
      if (!Array.isArray(list)) {
        errors.push(`${where}: "${field}" phải là một mảng [{ "date": "YYYY-MM-DD", "name": "..." }].`);
        return [];
      }
      const ok: { date: string; name: string }[] = [];
      list.forEach((item, i) => {
        if (!isObject(item)) {
          errors.push(`${where}, ${field}[${i}]: phải có dạng { "date": "YYYY-MM-DD", "name": "..." }.`);
          return;
        }
        for (const k of Object.keys(item)) {
          if (k !== 'date' && k !== 'name') errors.push(`${where}, ${field}[${i}]: khóa "${k}" không được hỗ trợ (chỉ dùng date, name).`);
        }
        const date = checkDate(item.date, field, i);
        if (typeof item.name !== 'string' || item.name.trim() === '') {
          errors.push(`${where}, ${field}[${i}]: thiếu tên ("name") bằng tiếng Việt, ví dụ "Nghỉ bù Quốc khánh".`);
          return;
        }
        if (date) ok.push({ date, name: item.name });
      });
      return ok;
    };
    const holidays = checkList('holidays');
    const workingDays = checkList('workingDays');
    const daysOff = checkList('daysOff');
    const removals: string[] = [];
    if (yv.removeHolidays !== undefined) {
      if (!Array.isArray(yv.removeHolidays)) errors.push(`${where}: "removeHolidays" phải là một mảng ngày ["YYYY-MM-DD", ...].`);
      else
        yv.removeHolidays.forEach((d, i) => {
          const date = checkDate(d, 'removeHolidays', i);
          if (date) removals.push(date);
        });
    }

    const statutory = statutoryHolidays(year);
    const statutoryDays = new Set(statutory.map((h) => h.date));
    const removalSet = new Set(removals);
    for (const w of workingDays) {
      if (!isWeekendDayNumber(isoToDayNumber(w.date))) {
        errors.push(`${where}: ngày làm bù ${formatViDate(w.date)} không phải thứ Bảy hay Chủ nhật; ngày trong tuần vốn đã là ngày làm việc.`);
      } else if (statutoryDays.has(w.date) && !removalSet.has(w.date)) {
        errors.push(`${where}: ngày làm bù ${formatViDate(w.date)} là ngày lễ theo Điều 112 Bộ luật Lao động; không thể làm bù vào ngày lễ.`);
      }
    }
    for (const d of daysOff) {
      if (isWeekendDayNumber(isoToDayNumber(d.date))) {
        errors.push(`${where}: ngày nghỉ hoán đổi ${formatViDate(d.date)} rơi vào cuối tuần; chỉ hoán đổi được ngày làm việc trong tuần.`);
      }
    }
    // A removal must name a day the calendar would otherwise give off.
    const occupied = [...holidays, ...daysOff].map((h) => isoToDayNumber(h.date));
    const comp = new Set([
      ...compensationDays(statutory, occupied).map((h) => h.date),
      ...compensationDays(
        statutory.filter((h) => !removalSet.has(h.date)),
        occupied,
      ).map((h) => h.date),
    ]);
    for (const r of removals) {
      if (!statutoryDays.has(r) && !comp.has(r)) {
        errors.push(
          `${where}: không thể bỏ ngày ${formatViDate(r)} vì đó không phải ngày nghỉ lễ hay ngày nghỉ bù được tính theo Điều 112 Bộ luật Lao động.`,
        );
      }
    }
  }
  return errors;
}

/**
 * Validates an overrides document (parsed JSON or JSON text) and returns it typed, or throws an
 * AppError('VALIDATION') whose `detail` lists every problem in Vietnamese (also in `extra.errors`).
 */
export function parseOverrides(json: unknown): CalendarOverrides {
  const errors = validateOverrides(json);
  if (errors.length > 0) {
    throw new AppError('VALIDATION', `Tệp lịch nghỉ lễ không hợp lệ:\n- ${errors.join('\n- ')}`, { errors });
  }
  const doc = (typeof json === 'string' ? JSON.parse(json) : json) as Record<string, unknown>;
  const src = doc.years as Record<string, Record<string, unknown>>;
  const years: CalendarOverrides['years'] = {};
  const pick = (list: unknown) => (list as DatedName[] | undefined)?.map((x) => ({ date: x.date, name: x.name.trim() }));
  for (const [y, v] of Object.entries(src)) {
    const yo: YearOverrides = {};
    if (typeof v.note === 'string') yo.note = v.note;
    if (v.holidays) yo.holidays = pick(v.holidays);
    if (v.removeHolidays) yo.removeHolidays = [...(v.removeHolidays as string[])];
    if (v.workingDays) yo.workingDays = pick(v.workingDays);
    if (v.daysOff) yo.daysOff = pick(v.daysOff);
    years[y] = yo;
  }
  return typeof doc.note === 'string' ? { note: doc.note, years } : { years };
}

/**
 * Layers `extra` over `base`: a year present in `extra` replaces that year of `base` wholesale
 * (so an admin's file can correct a default year), other years are kept.
 */
export function mergeOverrides(base: CalendarOverrides, extra: CalendarOverrides): CalendarOverrides {
  return { ...(extra.note ?? base.note ? { note: extra.note ?? base.note } : {}), years: { ...base.years, ...extra.years } };
}

/** The official decisions shipped with dondoc (src/calendar/overrides.default.json), validated. */
export const defaultOverrides: CalendarOverrides = parseOverrides(defaultOverridesJson);
