/**
 * Finds addressees in Vietnamese directive prose: "Giao X chủ trì, phối hợp với Y", "Đề nghị X…",
 * "Chỉ đạo X…", clause subjects ("Sở Y tế khẩn trương…"), headings ("b) Sở Công Thương:"), lists
 * spelled out ("Các Sở: Tài chính, Xây dựng…"), role words removed, groups given canonical names.
 */
import { fold } from './fold';
import { groupAt } from './groups';
import {
  GROUP_HEADS, HEADS, KNOWN_NAMES, NAME_VERB_PREV, NAME_VERBS, NON_TASK_VERBS, PREPOSITIONS, ROLE_WORDS, SURNAMES, VAGUE, VERBS, WEAK_HEADS,
} from './vocabulary';

interface Entry {
  key: string;
  canon: string[];
  known: boolean;
}

function variants(phrase: string): string[] {
  const f = fold(phrase).replace(/\s+/g, ' ');
  const out = new Set([f]);
  out.add(f.replace(/ubnd/g, 'uy ban nhan dan'));
  out.add(f.replace(/uy ban nhan dan/g, 'ubnd'));
  out.add(f.replace(/\s*\/\s*/g, '/ '));
  out.add(f.replace(/hdnd/g, 'hoi dong nhan dan'));
  return [...out];
}

/**
 * Entries keyed by their first 6 folded chars (keys of 6 chars or more) or first 3 (shorter keys),
 * each list longest first: a long key always beats a short one, so the 6-char list is tried first.
 * Six chars, not three, because dozens of names share "ubn" or "so ".
 */
const INDEX = new Map<string, Entry[]>();
const SHORT_INDEX = new Map<string, Entry[]>();
function addEntry(phrase: string, canon: string[], known: boolean): void {
  for (const key of variants(phrase)) {
    const [index, b] = key.length >= 6 ? [INDEX, key.slice(0, 6)] : [SHORT_INDEX, key.slice(0, 3)];
    let list = index.get(b);
    if (!list) index.set(b, (list = []));
    if (!list.some((e) => e.key === key)) list.push({ key, canon, known });
  }
}
for (const n of KNOWN_NAMES) addEntry(n, [n], true);
for (const list of [...INDEX.values(), ...SHORT_INDEX.values()]) list.sort((a, b) => b.key.length - a.key.length);
/** Known "Sở …" and "Bộ …" names with the part after the prefix folded, for lists such as "các Sở: …". */
const KNOWN_BY_PREFIX: Record<'Sở' | 'Bộ', { name: string; rest: string }[]> = { Sở: [], Bộ: [] };
for (const prefix of ['Sở', 'Bộ'] as const)
  for (const n of KNOWN_NAMES) if (n.startsWith(`${prefix} `)) KNOWN_BY_PREFIX[prefix].push({ name: n, rest: fold(n.slice(prefix.length + 1)) });

const isLetter = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

export interface Scanner {
  /** The table of the extraction this scanner belongs to. */
  readonly table: ScannerTable;
  text: string;
  folded: string;
  names?: Map<number, Parsed>;
  clauses?: Map<number, ClauseResult | null>;
  /** lexiconAt and headAt by position: name reading asks both several times at one place. */
  lexicon?: Map<number, { entry: Entry; end: number } | null>;
  heads?: Map<number, string | null>;
  /** The clause starts of the text (clauseStartsTyped), asked by the outline and the tasks. */
  starts?: readonly ClauseStart[];
}

/** Where a clause may start: the text's start, after . ! ? or ; (with rules), after some colons. */
export interface ClauseStart {
  pos: number;
  kind: 'start' | 'sentence' | 'semi' | 'colon';
}

/**
 * The scanners of one extraction, by text. Each call of extract (extract.ts) makes its own table
 * and hands it down, so that nothing read in one document carries over to the next (nor into a
 * figure measured on a repeated document), and two extractions never share memo state. A scanner
 * keeps a reference to its table (`sc.table`), for the readings that need a scanner of another text.
 */
export class ScannerTable {
  private readonly byText = new Map<string, Scanner>();
  private last: Scanner | null = null;
  private lastKey = '';

  /** The scanner of a text: made on first sight, then kept (up to 5,000 texts) for the extraction. */
  of(text: string): Scanner {
    // The same text is usually asked for several times in a row (its clause starts, then its
    // clauses): comparing with the last one spares hashing the whole text again.
    if (this.last && text === this.lastKey) return this.last;
    let sc = this.byText.get(text);
    if (!sc) {
      if (this.byText.size > 5000) this.byText.clear();
      // no directive clause is this long: past the cap, nothing is read (keeps huge inputs linear)
      const t = text.length > 20000 ? text.slice(0, 20000) : text;
      sc = { table: this, text: t, folded: fold(t) };
      this.byText.set(text, sc);
    }
    this.last = sc;
    this.lastKey = text;
    return sc;
  }
}

function lexiconAt(sc: Scanner, pos: number): { entry: Entry; end: number } | null {
  const memo = (sc.lexicon ??= new Map());
  let r = memo.get(pos);
  if (r === undefined) memo.set(pos, (r = lexiconAtUncached(sc, pos)));
  return r;
}
function lexiconAtUncached(sc: Scanner, pos: number): { entry: Entry; end: number } | null {
  const g = groupAt(sc.text, sc.folded, pos, (p) => !!verbAt(sc, p, ''));
  if (g) return { entry: { key: sc.folded.slice(pos, g.end), canon: g.canon, known: false }, end: g.end };
  const long = INDEX.get(sc.folded.slice(pos, pos + 6));
  const short = SHORT_INDEX.get(sc.folded.slice(pos, pos + 3));
  if (!long && !short) return null;
  for (const e of long && short ? [...long, ...short] : (long ?? short)!) {
    if (sc.folded.startsWith(e.key, pos) && !isLetter(sc.text[pos + e.key.length])) {
      let end = pos + e.key.length;
      // a trailing "tỉnh" / "thuộc tỉnh" belongs to the group
      const rest = sc.folded.slice(end, end + 12);
      const t = /^ (thuoc )?tinh(?![\p{L}\p{N}])/u.exec(rest);
      if (t && !e.known) end += t[0].length;
      return { entry: e, end };
    }
  }
  return null;
}

const skipSpaces = (s: string, p: number): number => {
  while (p < s.length && (s[p] === ' ' || s[p] === '\t' || s[p] === '\n')) p++;
  return p;
};

function startsWord(sc: Scanner, pos: number, w: string, caseSensitive = true): boolean {
  const hay = caseSensitive ? sc.text : sc.text.toLowerCase();
  const needle = caseSensitive ? w : w.toLowerCase();
  return hay.startsWith(needle, pos) && !isLetter(sc.text[pos + w.length]);
}

const VERBS_BY_WORD = new Map<string, string[]>();
for (const v of [...VERBS].sort((a, b) => b.length - a.length)) {
  const w = v.split(' ')[0];
  let l = VERBS_BY_WORD.get(w);
  if (!l) VERBS_BY_WORD.set(w, (l = []));
  l.push(v);
}
/**
 * 1: a letter, a digit or "&" (what a word is made of); 2: not; 0: not yet known. Filled on first
 * sight of a code unit, like fold's table: a fixed property of the unit, so no answer depends on
 * what was read before.
 */
const WORD_UNIT = new Uint8Array(65536);
const WORD_CHAR = /[\p{L}\p{N}&]/u;
const isWordUnit = (c: number): boolean => (WORD_UNIT[c] || (WORD_UNIT[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2)) === 1;
/** The word starting at pos ("" if none): a loop over a table, as it runs for every candidate name. */
function wordAt(s: string, pos: number): string {
  let end = pos;
  while (end < s.length && isWordUnit(s.charCodeAt(end))) end++;
  return s.slice(pos, end);
}
const NOT_VERB = ['giao thông', 'giao dịch', 'giao lưu', 'trình độ', 'có liên quan', 'theo dõi thi đua'];
/** Listed verbs, to tell the second syllable of a capitalised compound from a verb of its own. */
const VERB_SET = new Set(VERBS.map((v) => v.toLowerCase()));
function verbAt(sc: Scanner, pos: number, prevWord: string): string | null {
  const word = wordAt(sc.text, pos);
  const list = VERBS_BY_WORD.get(word);
  if (!list) return null;
  // "Văn phòng Đăng ký đất đai": "ký" ends the word "Đăng ký", capitalised as names write their
  // words, so it is part of the name, not a verb after it.
  if (prevWord && prevWord[0] !== prevWord[0].toLowerCase() && VERB_SET.has(`${prevWord.toLowerCase()} ${word}`)) return null;
  if (NOT_VERB.some((w) => sc.text.startsWith(w, pos) && !isLetter(sc.text[pos + w.length]))) return null;
  for (const v of list) {
    if (sc.text.startsWith(v, pos) && !isLetter(sc.text[pos + v.length])) {
      if (NAME_VERBS.has(v) && NAME_VERB_PREV.has(prevWord)) return null;
      return v;
    }
  }
  return null;
}

const ROLES_BY_WORD = new Map<string, string[]>();
for (const r of [...ROLE_WORDS].sort((a, b) => b.length - a.length)) {
  const w = r.split(' ')[0];
  let l = ROLES_BY_WORD.get(w);
  if (!l) ROLES_BY_WORD.set(w, (l = []));
  l.push(r);
}
/**
 * A person's full name: a family name and two or three more capitalised syllables (a province's
 * name has two syllables, even one opening like a family name: "tỉnh Hà Giang", "tỉnh Cao Bằng").
 */
const PERSON = new RegExp(`^(?:${SURNAMES.join('|')})(?: \\p{Lu}[\\p{Ll}\\p{M}]*){2,3}(?![\\p{L}\\p{N}])`, 'u');
/** "đồng chí Trần Văn Bình, Phó Chủ tịch …": the person named before the title that says who leads */
const PERSON_THEN_TITLE = new RegExp(`${PERSON.source.slice(1)}\\s{0,2}(?:,|-|–)\\s{1,3}`, 'uy');

function skipRoles(sc: Scanner, pos: number): number {
  for (let k = 0; k < 3; k++) {
    const p = skipSpaces(sc.text, pos);
    const r = (ROLES_BY_WORD.get(wordAt(sc.text, p)) ?? []).find((w) => startsWord(sc, p, w));
    if (!r) return p;
    pos = p + r.length;
    if (r === 'Đồng chí' || r === 'đồng chí') {
      PERSON_THEN_TITLE.lastIndex = skipSpaces(sc.text, pos);
      const named = PERSON_THEN_TITLE.exec(sc.text);
      if (named && ROLES_BY_WORD.has(wordAt(sc.text, PERSON_THEN_TITLE.lastIndex))) pos = PERSON_THEN_TITLE.lastIndex;
    }
    // "Trưởng Ban Dân tộc tỉnh": the role's last word is the head of the name that follows, unless
    // the name is written out again ("Trưởng ban Ban Tổ chức")
    if (/^Trưởng [Bb]an$/u.test(r) && !headAt(sc, skipSpaces(sc.text, pos)) && !lexiconAt(sc, skipSpaces(sc.text, pos))) pos = p + 'Trưởng '.length;
    // "Giám đốc các Sở và Thủ trưởng các ban, ngành" keeps working through the role
  }
  return skipSpaces(sc.text, pos);
}

const HEADS_BY_WORD = new Map<string, string[]>();
for (const h of [...HEADS].sort((a, b) => b.length - a.length)) {
  const w = h.split(' ')[0];
  let l = HEADS_BY_WORD.get(w);
  if (!l) HEADS_BY_WORD.set(w, (l = []));
  l.push(h);
}
const GROUP_HEADS_FOLDED = GROUP_HEADS.map((g) => fold(g));
function headAt(sc: Scanner, pos: number): string | null {
  const memo = (sc.heads ??= new Map());
  let r = memo.get(pos);
  if (r === undefined) memo.set(pos, (r = headAtUncached(sc, pos)));
  return r;
}
function headAtUncached(sc: Scanner, pos: number): string | null {
  for (const h of HEADS_BY_WORD.get(wordAt(sc.text, pos)) ?? []) {
    if (!startsWord(sc, pos, h)) continue;
    const weak = WEAK_HEADS[h];
    if (weak) {
      const np = skipSpaces(sc.text, pos + h.length);
      const next = /^[\p{L}\p{N}&]+/u.exec(sc.text.slice(np, np + 20))?.[0] ?? '';
      const cap = /^[\p{Lu}\p{N}]/u.test(next);
      if (!cap && !weak.includes('*') && !weak.includes(next)) return null;
      if (!next) return null;
    }
    return h;
  }
  // "các sở", "các cơ quan chuyên môn", "Các cấp, ngành"
  const low = sc.folded;
  if (low.startsWith('cac ', pos)) {
    const p = pos + 4;
    for (const fg of GROUP_HEADS_FOLDED) {
      if (low.startsWith(fg, p) && !isLetter(sc.text[p + fg.length])) return sc.text.slice(pos, p + fg.length);
    }
    // "các Ủy ban của Quốc hội", "các Ban Hội đồng nhân dân": a plural of a capitalised head
    if (/\p{Lu}/u.test(sc.text[p] ?? '')) {
      const h = headAt(sc, p);
      if (h) return sc.text.slice(pos, p + h.length);
    }
  }
  return null;
}

interface Parsed {
  names: string[];
  raws: string[];
  end: number;
  /** the last name is a whole known name (the lexicon's), not a head word's run of words */
  lastKnown?: boolean;
  /** names a bracketed role marks as supporting ("X (chủ trì), Y, Z": Y and Z) */
  supportNames?: string[];
}

/** A bracketed role after a name in a list: "(chủ trì)", "(cơ quan phối hợp)", "(đồng chủ trì)". */
const ROLE_MARK = /^\s{0,2}(?:cơ quan\s{1,3}|đơn vị\s{1,3})?(chủ trì|đồng chủ trì|phối hợp)(?:\s{1,3}thực hiện)?\s{0,2}$/iu;

/** The roles that bracketed marks give the names of one list, read as the list is. */
class RoleMarks {
  private readonly roles: ('lead' | 'support')[] = [];
  private marked = 0;
  private afterLead = false;

  /** Reads the brackets at `open` (text[open] is "("): whether they hold a role for the `count` names so far. */
  read(text: string, open: number, count: number): number {
    const close = text.indexOf(')', open);
    if (close < 0 || close - open > 40) return -1;
    const mark = ROLE_MARK.exec(text.slice(open + 1, close))?.[1].toLowerCase();
    if (!mark) return -1;
    this.roles.length = count;
    this.roles.fill(mark === 'phối hợp' ? 'support' : 'lead', this.marked);
    this.marked = count;
    if (mark === 'chủ trì') this.afterLead = true;
    return close + 1;
  }

  /** The names marked as support: those before a "(phối hợp)", and those after the lead's "(chủ trì)" with no mark of their own. */
  supportOf(names: string[]): string[] | undefined {
    if (!this.marked) return undefined;
    const support = names.filter((_, i) => (i < this.marked ? this.roles[i] === 'support' : this.afterLead));
    return support.length ? dedupe(support) : undefined;
  }
}

const LEVEL_WORDS = ['Tỉnh ủy', 'Tỉnh uỷ', 'Thành ủy', 'Thành uỷ', 'Huyện ủy', 'Huyện uỷ', 'Đảng ủy', 'Đảng uỷ'];

/** Plural addressees that are not public bodies: named by their trade or licence, not by a proper name. */
const PRIVATE_GROUP = /^(?:các\s{1,3})?(?:tổ chức|doanh nghiệp|cá nhân|cơ sở|nhà đầu tư|chủ đầu tư|hộ gia đình|hợp tác xã|đơn vị kinh doanh)(?!\p{L})/iu;
/** The qualifier words that may follow such a group before its predicate. */
const QUALIFIER = /^(?:(?:đang\s{1,3})?(?:hoạt động|kinh doanh|sản xuất)\s{1,3}(?:trong|trên|tại)\s{1,3}(?:lĩnh vực|địa bàn|ngành)|(?:trong|trên|tại)\s{1,3}(?:lĩnh vực|địa bàn)|(?:đã\s{1,3})?được\s{1,3}(?:cấp|giao|cho phép|cấp phép)|có\s{1,3}(?:dự án|hoạt động|giấy phép))(?=\s)/iu;

/** "các xã, phường", "các tỉnh, thành phố trực thuộc Trung ương": every locality of a level, after a body's name. */
const LOCALITY = '(?:tỉnh|huyện|quận|thị xã|thành phố|xã|phường|thị trấn|đặc khu|địa phương)';
const LOCAL_GOVERNMENT = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)$/iu;
const EACH_LOCALITY = new RegExp(`^ các ${LOCALITY}(?:(?:,|,? và) ${LOCALITY})*(?: trực thuộc (?:Trung ương|trung ương|tỉnh))?(?![\\p{L}\\p{N}])`, 'u');
/** The " các xã, phường …" that starts at p, if any. */
const eachLocalityAt = (s: string, p: number): RegExpExecArray | null => (s.startsWith(' các ', p) ? EACH_LOCALITY.exec(s.slice(p, p + 80)) : null);

/** Reads one agency name starting with a head word; stops before a verb or punctuation. */
function readHeadName(sc: Scanner, pos: number, head: string): number {
  const s = sc.text;
  let p = pos + head.length;
  let words = 0;
  let prev = head.slice(head.lastIndexOf(' ') + 1);
  while (p < s.length && words < 16) {
    // "Phòng Kinh tế các xã, phường": the list of localities, commas and all, ends the name (a
    // people's committee of a level, "UBND các xã …", is a government level: groups.ts reads it)
    const each = LOCAL_GOVERNMENT.test(head) ? null : eachLocalityAt(s, p);
    if (each) return p + each[0].length;
    const q = skipSpaces(s, p);
    if (q >= s.length) break;
    const c = s[q];
    if (!/[\p{L}\p{N}&]/u.test(c)) {
      if (c === ',' && q === p && /\p{Lu}/u.test(s[q + 1] ?? '') && /\p{Lu}/u.test(s[q - 1] ?? '')) {
        p = q + 1; // an abbreviation list inside a name: "Ủy ban KH,CN&MT"
        continue;
      }
      if (c === '-' && q === p && /\p{Lu}/u.test(s[q + 1] ?? '') && /\p{L}/u.test(s[q - 1] ?? '')) {
        p = q + 1; // "Đài PT-TH tỉnh", "Sở LĐ-TB&XH"
        continue;
      }
      if (c === '-' && s[q + 1] === ' ' && /[\p{Lu}]/u.test(s[q + 2] ?? '')) {
        p = q + 2; // "Lao động - Thương binh"
        continue;
      }
      break;
    }
    if (verbAt(sc, q, prev)) {
      // "các doanh nghiệp hoạt động trong lĩnh vực xăng dầu", "các tổ chức, cá nhân được cấp
      // giấy phép": enterprises and licence holders are named by what they do, not by a proper
      // name, so the qualifier is part of the addressee and the predicate comes after it.
      const qual = PRIVATE_GROUP.test(head) ? QUALIFIER.exec(s.slice(q, q + 60)) : null;
      if (!qual) break;
      p = q + qual[0].length;
      prev = '';
      words++;
      continue;
    }
    if (startsWord(sc, q, 'và')) {
      const r = skipSpaces(s, q + 2);
      if (nameStartAt(sc, r) || verbAt(sc, r, 'và')) break;
    }
    const w = wordAt(s, q).slice(0, 40);
    if (!w) break;
    // "Ban Chỉ đạo phòng chống thiên tai tỉnh họp …": the level a body belongs to (the province,
    // the centre) closes its name; after it a name goes on only with a place's capitalised name,
    // "ủy", "và" or a word such as "về"
    if (closesName(s, q, prev) && words > 0 && /^\p{Ll}/u.test(w) && !NAME_INNER_WORDS.has(w) && w !== 'ủy' && w !== 'uỷ' && w !== 'và') break;
    prev = w;
    p = q + w.length;
    words++;
  }
  return p;
}

/** Where a person's name begins in a body's name read after a leader's title ("… tỉnh Nguyễn Văn An"); -1 if none. */
function personAfterProvince(name: string): { body: number; end: number } | null {
  const at = name.indexOf(' tỉnh ');
  const person = at > 0 ? PERSON.exec(name.slice(at + 6)) : null;
  return person ? { body: at + 5, end: at + 6 + person[0].length } : null;
}

/** Whether the word before q (prev) is the level that ends a body's name: "tỉnh", "Trung ương". */
const closesName = (s: string, q: number, prev: string): boolean => prev === 'tỉnh' || (prev === 'ương' && /Trung ương\s$/u.test(s.slice(q - 11, q)));

function nameStartAt(sc: Scanner, pos: number): boolean {
  const p = skipRoles(sc, pos);
  return !!lexiconAt(sc, p) || !!headAt(sc, p);
}

/** "các Sở: Tài chính, Xây dựng" / "các Bộ Tài chính, Tư pháp" → prefix + items */
/** A field's name in capitalised words, without a head of its own: "Công an", "Quốc phòng". */
const BARE_FIELD = /^(?!(?:Ban|Ủy ban|Uỷ ban|UBND|Văn phòng|Thanh tra|Ngân hàng|Kiểm toán|Tòa án|Toà án|Viện|Đài|Thông tấn|Bảo hiểm|Sở|Bộ|Cục|Tổng cục|Hội|Đoàn|Mặt trận|Trung tâm)(?![\p{L}]))\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){0,3}(?=\s{0,2}(?:[,;.]|và\s|\s\p{Ll})|$)/u;

function readDistributed(sc: Scanner, pos: number): Parsed | null {
  // "UBND các xã: Đăk Hà, Ngọk Tụ, Đăk Tô", "UBND các xã Gio Hải, Gio Mỹ": the named communes'
  // governments, one by one
  const local = /^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s{1,3}các\s{1,3}(xã|phường|huyện|thị xã|thị trấn|thành phố|tỉnh)(?:\s{0,2}:\s{0,2}|\s{1,3}(?=\p{Lu}))/u.exec(sc.text.slice(pos, pos + 40));
  if (local) return readPlaces(sc, pos + local[0].length, `${local[1]} ${local[2]}`);
  const m = /^(?:các\s{1,3})?(Sở|Bộ|sở|bộ)(?:\s{0,2},\s{0,2}(?:ban|ngành)){0,2}\s{0,2}(:)?\s{0,2}/iu.exec(sc.text.slice(pos, pos + 40));
  if (!m) return null;
  const prefix = m[1].toLowerCase() === 'sở' ? 'Sở' : 'Bộ';
  let p = pos + m[0].length;
  if (!m[2]) {
    // without a colon only "các Bộ Tài chính, …" (next word capitalised, not itself a head)
    if (!/^các/iu.test(m[0]) || !/^\p{Lu}/u.test(sc.text[p] ?? '') || headAt(sc, p)) return null;
  }
  const names: string[] = [];
  const raws: string[] = [];
  const marks = new RoleMarks();
  for (let k = 0; k < 30; k++) {
    p = skipSpaces(sc.text, p);
    if (p >= sc.text.length) break;
    // an item that is itself a full name ("Ban Dân tộc tỉnh")
    // "các Bộ: Quốc phòng, Công an": a bare field, even one that heads other bodies' names ("Công
    // an tỉnh"), is the ministry of that field in a list of ministries
    const field = prefix === 'Bộ' ? BARE_FIELD.exec(sc.text.slice(p, p + 60)) : null;
    const lex = field ? null : lexiconAt(sc, p);
    const head = lex || field ? null : headAt(sc, p);
    let end: number;
    let name: string;
    if (lex) {
      end = lex.end;
      names.push(...lex.entry.canon);
      raws.push(sc.text.slice(p, end));
    } else if (head) {
      end = readHeadName(sc, p, head);
      names.push(sc.text.slice(p, end).trim());
      raws.push(sc.text.slice(p, end).trim());
    } else {
      if (!/^\p{Lu}/u.test(sc.text[p] ?? '')) break;
      // known "Sở Văn hóa, Thể thao và Du lịch" with its comma
      const known = KNOWN_BY_PREFIX[prefix].find((k) => sc.folded.startsWith(k.rest, p) && !isLetter(sc.text[p + k.rest.length]))?.name;
      if (known) {
        end = p + known.length - prefix.length - 1;
        name = known;
      } else {
        end = readHeadName(sc, p, '');
        name = `${prefix} ${sc.text.slice(p, end).trim()}`;
      }
      if (end <= p) break;
      names.push(name);
      raws.push(sc.text.slice(p, end).trim());
    }
    p = end;
    // "Các sở: Y tế (chủ trì), Tài chính, Nội vụ"
    const open = skipSpaces(sc.text, p);
    if (sc.text[open] === '(') {
      const after = marks.read(sc.text, open, names.length);
      if (after > 0) p = after;
    }
    const sep = /^\s{0,2}(,|;)\s{0,2}/u.exec(sc.text.slice(p, p + 6));
    if (!sep) break;
    const nx = skipSpaces(sc.text, p + sep[0].length);
    if (verbAt(sc, nx, '')) break;
    p = nx;
  }
  if (!names.length) return null;
  // "..." / "…" after the list
  const dots = /^\s{0,2}(\.\.\.|…)/u.exec(sc.text.slice(p, p + 6));
  if (dots) p += dots[0].length;
  return { names, raws, end: p, supportNames: marks.supportOf(names) };
}

/** A place's name: capitalised words (or numbers: "Phường 3"), "Ea H'Leo", "Ia-Grai". */
const PLACE_NAME = /^[\p{Lu}\p{N}][\p{L}\p{N}'’-]*(?: [\p{Lu}\p{N}][\p{L}\p{N}'’-]*){0,4}/u;

/**
 * Place names after "UBND các xã:", each a government of its own: "UBND xã Đăk Hà". The list ends
 * at its last capitalised word, so what follows in lower case is the predicate, listed verb or not.
 */
function readPlaces(sc: Scanner, pos: number, prefix: string): Parsed | null {
  const names: string[] = [];
  const raws: string[] = [];
  let p = pos;
  let end = pos;
  for (let k = 0; k < 60; k++) {
    p = skipSpaces(sc.text, p);
    const place = PLACE_NAME.exec(sc.text.slice(p, p + 80))?.[0];
    if (!place) break;
    names.push(`${prefix} ${place}`);
    raws.push(place);
    end = p + place.length;
    const sep = /^\s{0,2}(?:,|;|và)\s{1,3}/u.exec(sc.text.slice(end, end + 6));
    if (!sep) break;
    p = end + sep[0].length;
  }
  return names.length ? { names, raws, end, lastKnown: true } : null;
}

/** Reads a list of addressees at pos: roles, groups, known names, head names, separated by , ; và /. */
export function readNames(sc: Scanner, pos: number): Parsed {
  if (!sc.names) sc.names = new Map();
  let r = sc.names.get(pos);
  if (!r) sc.names.set(pos, (r = readNamesUncached(sc, pos)));
  return r;
}

function readNamesUncached(sc: Scanner, pos: number): Parsed {
  const names: string[] = [];
  const raws: string[] = [];
  let p = pos;
  let end = pos;
  let lastKnown = false;
  const marks = new RoleMarks();
  // the support a distributed list's own marks gave ("các Sở: Y tế (chủ trì), Tài chính")
  const distributedSupport: string[] = [];
  for (let k = 0; k < 20; k++) {
    const pre = lexiconAt(sc, skipSpaces(sc.text, p));
    if (!pre || !/^(bộ trưởng|thủ trưởng)/iu.test(sc.text.slice(skipSpaces(sc.text, p), skipSpaces(sc.text, p) + 12))) p = skipRoles(sc, p);
    else p = skipSpaces(sc.text, p);
    let got = false;
    const dist = readDistributed(sc, p);
    if (dist) {
      if (dist.supportNames) distributedSupport.push(...dist.supportNames);
      names.push(...dist.names);
      raws.push(...dist.raws);
      p = end = dist.end;
      got = true;
      lastKnown = dist.lastKnown ?? false;
    } else {
      const lex = lexiconAt(sc, p);
      const head = headAt(sc, p);
      let lexEnd = lex ? lex.end : -1;
      let headEnd = head ? readHeadName(sc, p, head) : -1;
      if (lex && lex.entry.known && headEnd > lexEnd && head && !lex.entry.canon[0].startsWith('các')) {
        // an unknown longer name that starts like a known one: prefer the known one only if a verb follows
        const after = skipSpaces(sc.text, lexEnd);
        if (/^\p{Lu}/u.test(sc.text[after] ?? '') && sc.text[lexEnd] === ' ') lexEnd = -1;
        else headEnd = -1;
      }
      if (lexEnd >= 0 && lex!.entry.known && !/tỉnh$/u.test(lex!.entry.canon[0])) {
        // "Công an tỉnh", and the regional offices of central bodies: "Kho bạc Nhà nước khu vực XVII",
        // "Bảo hiểm xã hội khu vực Bắc Hà"
        const ext = /^ (tỉnh|thành phố|Trung ương|khu vực (?:[IVXLC]{1,6}|\d{1,2}|\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){0,2}))(?![\p{L}\p{N}])/u.exec(sc.text.slice(lexEnd, lexEnd + 40));
        if (ext && !/^ (tỉnh|thành phố), /u.test(sc.text.slice(lexEnd, lexEnd + 16))) {
          names.push(`${lex!.entry.canon[0]}${ext[0]}`);
          raws.push(sc.text.slice(p, lexEnd + ext[0].length));
          p = end = lexEnd + ext[0].length;
          got = true;
          lastKnown = true;
        }
      }
      if (got) {
        // extended known name
      } else if (lexEnd >= 0 && lexEnd >= headEnd) {
        names.push(...lex!.entry.canon);
        raws.push(sc.text.slice(p, lexEnd));
        p = end = lexEnd;
        got = true;
        lastKnown = lex!.entry.known;
      } else if (headEnd > p) {
        let name = sc.text.slice(p, headEnd).trim().replace(/[\s,;:]+$/u, '');
        // "Phó Chủ tịch UBND tỉnh Nguyễn Văn An": after a leader's title, the person named after
        // the province is the leader, not part of the body's name
        const person = p > skipSpaces(sc.text, pos) || k > 0 ? personAfterProvince(sc.text.slice(p, headEnd)) : null;
        if (person) {
          name = name.slice(0, person.body);
          headEnd = p + person.end;
        }
        const prevName = names[names.length - 1];
        if (prevName && LEVEL_WORDS.includes(name)) {
          const tail = LEVEL_WORDS.find((w) => prevName.endsWith(` ${w}`));
          if (tail) name = prevName.slice(0, prevName.length - tail.length) + name;
        }
        if (/^các\s/iu.test(name)) name = name.charAt(0).toLowerCase() + name.slice(1);
        names.push(name);
        raws.push(sc.text.slice(p, headEnd).trim());
        p = end = headEnd;
        got = true;
        lastKnown = false;
      }
    }
    if (!got) break;
    // "Sở Y tế các tỉnh, thành phố", "Công an các xã, phường": that body in each locality, one
    // addressee kept as printed (no directory holds it)
    const each = eachLocalityAt(sc.text, p);
    if (each) {
      names[names.length - 1] += each[0];
      raws[raws.length - 1] += each[0];
      p = end = p + each[0].length;
      lastKnown = false;
    }
    // parenthetical after a name: "(chủ đầu tư)", "(đối với …)", or the role of the names since
    // the last such mark: "Sở Y tế (chủ trì), Sở Tài chính …" makes the names after it support
    let q = skipSpaces(sc.text, p);
    if (sc.text[q] === '(') {
      const close = sc.text.indexOf(')', q);
      if (close > 0 && close - q < 200) {
        marks.read(sc.text, q, names.length);
        q = skipSpaces(sc.text, close + 1);
        end = p = close + 1;
        if (nameStartAt(sc, q) && !verbAt(sc, q, '')) {
          p = q;
          continue;
        }
      }
    }
    const sep = /^\s{0,2}(,|;|\/|và|hoặc|cùng)\s{1,3}/u.exec(sc.text.slice(p, p + 10)) ?? /^\s{0,2}(,|;|\/)/u.exec(sc.text.slice(p, p + 4));
    if (!sep) break;
    const nx = skipSpaces(sc.text, p + sep[0].length);
    if (!nameStartAt(sc, nx)) {
      // "các cơ quan, tổ chức hữu quan": a plural group goes on with another kind of body
      const last = names.length - 1;
      const fg = last >= 0 && /^các\s/iu.test(names[last]) && sep[1] === ',' ? GROUP_HEADS_FOLDED.find((g) => sc.folded.startsWith(g, nx) && !isLetter(sc.text[nx + g.length])) : undefined;
      if (!fg) break;
      let ge = readHeadName(sc, nx, sc.text.slice(nx, nx + fg.length));
      // and every further kind of the same list: "các huyện ủy, thị ủy, đảng ủy trực thuộc"
      for (let k = 0; k < 8; k++) {
        const more = /^\s{0,2}(?:,|và|hoặc)\s{1,3}/u.exec(sc.text.slice(ge, ge + 8));
        const at = more ? skipSpaces(sc.text, ge + more[0].length) : -1;
        const kind = at >= 0 && !nameStartAt(sc, at) ? GROUP_HEADS_FOLDED.find((g) => sc.folded.startsWith(g, at) && !isLetter(sc.text[at + g.length])) : undefined;
        if (!kind) break;
        ge = readHeadName(sc, at, sc.text.slice(at, at + kind.length));
      }
      names[last] = `${names[last]}, ${sc.text.slice(nx, ge).trim()}`;
      raws[raws.length - 1] = sc.text.slice(sc.text.lastIndexOf(raws[raws.length - 1], nx), ge).trim();
      p = end = ge;
      continue;
    }
    p = nx;
  }
  const supportNames = marks.supportOf(names);
  return { names: dedupe(names), raws, end, lastKnown, supportNames: distributedSupport.length ? dedupe([...(supportNames ?? []), ...distributedSupport]) : supportNames };
}

/**
 * Who leads and who supports, from names read at a clause's start: the names, less those a
 * bracketed role marks as support, with the co-leads ("X đồng chủ trì với Y") and the supporting
 * bodies ("X chủ trì, phối hợp với Y", "X chủ trì, Y, Z phối hợp …") named after them.
 */
function addressed(sc: Scanner, r: Parsed, kind: ClauseResult['kind'], start: number): ClauseResult {
  const marked = r.supportNames;
  const lead = marked ? r.names.filter((n) => !marked.includes(n)) : r.names;
  const support = readSupport(sc, r.end);
  // a literal, not a spread of a partial result: clauses are read by the thousand
  return { lead: [...lead, ...coLeads(sc, r.end)], support: marked ? dedupe([...marked, ...support]) : support, kind, start, end: r.end };
}

/** The names of a list as lead and support by their bracketed roles alone (a table's cell, a heading). */
export function markedRoles(r: Parsed): { lead: string[]; support: string[] } {
  const marked = r.supportNames;
  return marked ? { lead: r.names.filter((n) => !marked.includes(n)), support: marked } : { lead: r.names, support: [] };
}

const dedupe = (a: string[]): string[] => (a.length < 2 ? a : [...new Set(a)]);

export interface ClauseResult {
  lead: string[];
  support: string[];
  kind: 'giao' | 'denghi' | 'chidao' | 'subject' | 'heading' | 'midgiao' | 'object' | 'late';
  nonTask?: boolean;
  start: number;
  end: number;
}

/** "… phối hợp (chặt chẽ) với Y" right after the lead */
function readSupport(sc: Scanner, pos: number): string[] {
  const head = sc.text.slice(pos, pos + 60);
  const m = /^\s{0,2}(?:,\s{0,2})?(?:chủ trì\s{0,2},?\s{0,2})?(?:và\s{1,2})?(?:chủ động\s{1,2})?phối hợp(?:\s{1,3}chặt chẽ)?(?:\s{1,3}với)?\s{1,3}/u.exec(head);
  if (m) return readNames(sc, pos + m[0].length).names;
  // "X chủ trì, Y, Z (cùng) phối hợp rà soát …", "X chủ trì; Y phối hợp …", "X là cơ quan chủ trì,
  // Y phối hợp …": the bodies named between are X's support
  const listed = /^\s{0,2}(?:là\s{1,3}(?:cơ quan|đơn vị)\s{1,3})?chủ trì\s{0,2}[,;]\s{0,2}/u.exec(head);
  if (!listed) return [];
  const r = readNames(sc, pos + listed[0].length);
  const after = skipSpaces(sc.text, r.end);
  return r.names.length && /^(?:cùng\s{1,3})?phối hợp(?!\s{1,3}với)/u.test(sc.text.slice(after, after + 20)) ? r.names : [];
}

/** "Phối hợp với Sở Nội vụ rà soát …" opening an item whose lead is inherited: who supports it. */
export function openingSupport(sc: Scanner): string[] {
  const m = /^(?:Phối hợp|phối hợp|Chủ động phối hợp|chủ động phối hợp)(?:\s{1,3}chặt chẽ)?\s{1,3}với\s{1,3}/u.exec(sc.text.slice(0, 40));
  return m ? readNames(sc, m[0].length).names : [];
}

const NON_TASK = [...NON_TASK_VERBS].sort((a, b) => b.length - a.length);
/** Lower-case words, at least three of them before any punctuation: a predicate, not a qualifier. */
const UNLISTED_PREDICATE = /^\p{Ll}[\p{L}]*(?:\s{1,3}[\p{L}\p{N}]+){2,}/u;

/** Addressees stated at a clause start (pos is the first char of the clause). */
export function clauseAt(sc: Scanner, pos: number): ClauseResult | null {
  if (!sc.clauses) sc.clauses = new Map();
  if (sc.clauses.has(pos)) return sc.clauses.get(pos)!;
  const r = clauseAtUncached(sc, pos);
  sc.clauses.set(pos, r);
  return r;
}

function clauseAtUncached(sc: Scanner, pos: number): ClauseResult | null {
  const s = sc.text;
  pos = skipSpaces(s, pos);
  const low3 = sc.folded.slice(pos, pos + 16);
  // Giao X …
  let m = /^(giao nhiem vu cho|giao cho|giao)\s/u.exec(sc.folded.slice(pos, pos + 24));
  if (m && /^(Giao|giao)/u.test(s.slice(pos))) {
    const r = readNames(sc, pos + m[0].length);
    if (!r.names.length) return null;
    // "Giao Phó Chủ tịch UBND tỉnh … chỉ đạo Sở Tài chính …": a government or its leader directing
    // a body named by its name hands the task to that body
    const directed = r.names.every((n) => GOVERNMENT.test(n)) ? directedBody(sc, r.end) : null;
    if (directed) return { lead: directed.lead, support: directed.support, kind: 'giao', start: pos, end: directed.end };
    return addressed(sc, r, 'giao', pos);
  }
  // Đề nghị / Yêu cầu X (chỉ đạo Z) …
  // "Kiến nghị Bộ Xây dựng …": what a province asks of a ministry is followed up like a request
  m = /^(kinh de nghi|de nghi|yeu cau|kien nghi)\s/u.exec(low3);
  if (m) return objectForm(sc, pos + m[0].length, pos, 'denghi');
  m = /^(chi dao)\s/u.exec(low3);
  if (m && /^Chỉ đạo|^chỉ đạo/u.test(s.slice(pos))) {
    const r = readNames(sc, pos + m[0].length);
    if (!r.names.length) return null;
    return { lead: r.names, support: readSupport(sc, r.end), kind: 'chidao', start: pos, end: r.end };
  }
  // Trách nhiệm của X / Đối với X
  m = /^(trach nhiem cua|doi voi)\s/u.exec(low3);
  if (m) {
    const r = readNames(sc, pos + m[0].length);
    const after = skipSpaces(s, r.end);
    if (r.names.length && (after >= s.length || s[after] === ':')) return { lead: r.names, support: [], kind: 'heading', start: pos, end: r.end };
    return null;
  }
  const r = readNames(sc, pos);
  if (!r.names.length) return null;
  let after = skipSpaces(s, r.end);
  if (after >= s.length || s[after] === ':' || s[after] === '\n' || s[after] === '.') {
    // A name read from its head word up to the sentence's end may hold the predicate, when its verb
    // is not one the vocabulary lists: "UBND thành phố Hà Tĩnh chỉnh trang đô thị."
    const inside = s[after] === ':' ? null : predicateInsideHeadName(sc, pos, r);
    if (inside) return inside;
    const roles = markedRoles(r);
    const support = s[after] === ':' ? readSupport(sc, skipSpaces(s, after + 1)) : [];
    return { lead: roles.lead, support: dedupe([...roles.support, ...support]), kind: 'heading', start: pos, end: r.end };
  }
  // "Các cơ quan, đơn vị được phân công chủ động triển khai …": the passive narrows the addressee,
  // it does not make the clause an account of what was done
  if (/^được\s{1,3}(?:phân công|giao)\s/u.test(s.slice(after, after + 24))) {
    const q = qualifiedSubject(sc, pos, r);
    if (q) return q;
  }
  if (NON_TASK.some((v) => startsWord(sc, after, v))) return { lead: r.names, support: [], kind: 'subject', nonTask: true, start: pos, end: r.end };
  // "X đề nghị / yêu cầu / giao Y …": Y is the addressee
  // the issuer's own lead-in ("Chủ tịch UBND tỉnh kết luận như sau:", "… chỉ đạo:") names no addressee
  if (/^(chỉ đạo|kết luận|có ý kiến|yêu cầu|đề nghị|giao|thông báo)(\s{1,3}(như sau|chỉ đạo|cụ thể))?\s{0,2}:/u.test(s.slice(after, after + 40))) return null;
  const obj = /^(đề nghị|yêu cầu|giao|chỉ đạo)\s/u.exec(s.slice(after, after + 12));
  // "Bộ Quốc phòng, Bộ Công an chỉ đạo các lực lượng …": a body that directs its own forces is the
  // one charged; only a government or its leader directing another body hands the task on.
  if (obj && obj[1] === 'chỉ đạo' && !r.names.some((n) => GOVERNMENT.test(n))) {
    return addressed(sc, r, 'subject', pos);
  }
  if (obj) {
    const o = objectForm(sc, after + obj[0].length, pos, 'object');
    if (o) return o;
  }
  if (s[after] === ',') {
    const sup = readSupport(sc, after);
    if (sup.length) {
      const roles = markedRoles(r);
      return { lead: roles.lead, support: dedupe([...roles.support, ...sup]), kind: 'subject', start: pos, end: r.end };
    }
  }
  const v = verbAt(sc, after, '');
  if (!v && !/^(cần|phải)/u.test(s.slice(after))) {
    // A whole known agency name followed by lower-case words that go on to an object ("Sở Y tế
    // nâng cấp hệ thống cấp cứu"): the words are its predicate even when the verb is not one the
    // vocabulary lists — the lexicon of verbs is never complete, the directory's names are.
    // Not when a leader's title comes first ("Phó Chủ tịch UBND tỉnh họp nghe …"): that is the
    // issuer's account of a meeting, not an addressee.
    // So too a name read from its head word up to the province that closes it ("Ban Chỉ đạo
    // phòng chống thiên tai tỉnh họp định kỳ …").
    const bare = skipSpaces(s, pos);
    const closed = r.lastKnown || / (?:tỉnh|Trung ương)$/u.test(r.raws[r.raws.length - 1] ?? '');
    if (closed && skipRoles(sc, bare) === bare && UNLISTED_PREDICATE.test(s.slice(after, after + 80))) {
      return addressed(sc, r, 'subject', pos);
    }
    return tailHeading(sc, pos, r) ?? qualifiedSubject(sc, pos, r) ?? predicateInsideHeadName(sc, pos, r);
  }
  if (v && PREPOSITIONS.has(v)) {
    const ok = /^(theo (chức năng|thẩm quyền|phân cấp|nhiệm vụ)|trong phạm vi|là (?:cơ quan|đơn vị|đầu mối)|có trách nhiệm|cùng với)/u.test(s.slice(after, after + 30)) || HAVE_PREDICATE.test(s.slice(after, after + 30));
    if (!ok) return tailHeading(sc, pos, r) ?? qualifiedSubject(sc, pos, r) ?? predicateInsideHeadName(sc, pos, r);
  }
  return addressed(sc, r, 'subject', pos);
}

/** "X đồng chủ trì với Y" / "X chủ trì cùng Y": Y leads too */
function coLeads(sc: Scanner, pos: number): string[] {
  const m = /^\s{0,2}(?:đồng chủ trì|cùng chủ trì)\s{1,3}(?:với|cùng(?:\s{1,3}với)?)\s{1,3}/u.exec(sc.text.slice(pos, pos + 40));
  return m ? readNames(sc, pos + m[0].length).names : [];
}

/** Leads named after the action: "(Sở Y tế chủ trì)", "do Sở Tài chính chủ trì", "giao Sở X chủ trì" not inside a citation. */
export function lateLead(sc: Scanner): ClauseResult | null {
  const re = /(?:\(|(?:^|[\s,])do\s{1,3}|(?:^|[\s,])giao(?:\s{1,3}cho)?\s{1,3})/giu;
  let k = 0;
  for (const m of sc.text.matchAll(re)) {
    if (++k > 50) break;
    const p = m.index! + m[0].length;
    const sentence = Math.max(sc.text.lastIndexOf('. ', m.index!), sc.text.lastIndexOf('; ', m.index!), 0);
    const before = sc.text.slice(Math.max(sentence, m.index! - 300), m.index!);
    if (/(Luật|Nghị định|Quyết định|Nghị quyết|Thông tư|Chỉ thị|đã|được)/u.test(before)) continue;
    const r = readNames(sc, p);
    if (!r.names.length) continue;
    const after = skipSpaces(sc.text, r.end);
    if (/^(đồng chủ trì|chủ trì|làm đầu mối|thực hiện\))/u.test(sc.text.slice(after, after + 16))) {
      return addressed(sc, r, 'late', p);
    }
  }
  return null;
}

/**
 * Lower-case words found inside agency names after their head: levels of government, the nouns of
 * names such as "Ban Quản lý dự án đầu tư xây dựng", and the words whose first syllable a name
 * capitalises ("Y tế", "Tài chính", "Công ty"). A name read from its head word runs over these; the
 * first other lower-case word is where its predicate may begin.
 */
const NAME_PHRASES = new Set(
  [
    'các', 'cấp tỉnh', 'cấp huyện', 'cấp xã', 'cấp cơ sở', 'tỉnh', 'huyện', 'xã', 'phường', 'thị trấn', 'thị xã', 'thành phố', 'đặc khu', 'khu vực', 'khu', 'cụm', 'thôn',
    'bản', 'quận', 'vùng', 'trực thuộc', 'trung ương', 'nhân dân', 'và', 'của', 'số', 'quản lý', 'dự án', 'đầu tư', 'xây dựng',
    'công trình', 'giao thông', 'dân dụng', 'công nghiệp', 'nông nghiệp', 'phát triển', 'nông thôn', 'kinh tế', 'hành chính',
    'hành chính công', 'sự nghiệp', 'bảo vệ', 'rừng', 'môi trường', 'tài nguyên', 'đất đai', 'thủy lợi', 'thuỷ lợi', 'điện lực',
    'nước sạch', 'y tế', 'tài chính', 'thương mại', 'tư pháp', 'nội vụ', 'ngoại vụ', 'giáo dục', 'đào tạo', 'khoa học', 'công nghệ',
    'thông tin', 'truyền thông', 'văn hóa', 'văn hoá', 'thể thao', 'du lịch', 'dân tộc', 'tôn giáo', 'lao động', 'thương binh',
    'xã hội', 'quy hoạch', 'kiến trúc', 'phòng cháy', 'chữa cháy', 'cứu nạn', 'cứu hộ', 'quân sự', 'biên phòng', 'công ty',
    'trách nhiệm', 'hữu hạn', 'cổ phần', 'một', 'thành viên', 'chủ đầu tư', 'phục vụ', 'hỗ trợ', 'xúc tiến', 'kiểm soát',
    'bệnh tật', 'dân số', 'đô thị', 'hạ tầng', 'cửa khẩu', 'quốc tế', 'liên ngành', 'chỉ đạo', 'thường trực', 'đa khoa',
    'chi nhánh', 'bệnh viện', 'trung tâm', 'nhà nước', 'đầu tư xây dựng', 'an ninh', 'trật tự', 'an toàn', 'kiểm lâm', 'thủy sản',
    'thuỷ sản', 'thống kê', 'kho bạc', 'ngân hàng', 'chính sách', 'bảo hiểm', 'liên hiệp', 'phụ nữ', 'nông dân', 'cựu chiến binh',
    'thanh niên', 'mặt trận', 'tổ quốc', 'việt nam', 'phát thanh', 'truyền hình', 'công an', 'cảnh sát',
  ].map((w) => fold(w)),
);
const NAME_PHRASE_WORDS = 3;

/**
 * A name read from its head word that ran on through a verb the vocabulary does not list ("UBND
 * các xã vệ sinh kênh mương", "Trung tâm Y tế khu vực Bắc An phun khử khuẩn …"): the name ends
 * before its first lower-case word that is not part of a name phrase, when at least three words of
 * predicate follow. Asked only when the clause would otherwise give no addressee, so it never
 * overrides a reading the verbs make.
 */
function predicateInsideHeadName(sc: Scanner, pos: number, r: Parsed): ClauseResult | null {
  if (r.lastKnown || !r.raws.length) return null;
  const s = sc.text;
  // not after a leader's title ("Phó Chủ tịch UBND tỉnh họp …"): the issuer's account, not an addressee
  const bare = skipSpaces(s, pos);
  if (skipRoles(sc, bare) !== bare) return null;
  const raw = r.raws[r.raws.length - 1];
  const nameStart = s.lastIndexOf(raw, r.end);
  if (nameStart < pos) return null;
  const head = headAt(sc, nameStart);
  if (!head) return null;
  const from = nameStart + head.length;
  const words = [...s.slice(from, nameStart + raw.length).matchAll(/[\p{L}\p{N}&]+/gu)].map((m) => ({ at: from + m.index!, w: m[0] }));
  // A phrase of up to three words from k, the first of them maybe capitalised: how many words it spans.
  const folded = words.map((x) => fold(x.w));
  const phraseAt = (k: number): number => {
    for (let n = Math.min(NAME_PHRASE_WORDS, words.length - k); n >= 1; n--) {
      if (NAME_PHRASES.has(folded.slice(k, k + n).join(' '))) return n;
    }
    return 0;
  };
  let k = 0;
  // Capitalised words read one by one since the last phrase: a lone one ("Cục Thi hành án") is
  // more likely the first syllable of a word than a proper name ("khu vực Bắc An", "Xanh An Phú").
  let run = 0;
  while (k < words.length) {
    const n = phraseAt(k);
    if (n) {
      k += n;
      run = 0;
    } else if (/^[\p{Lu}\p{N}]/u.test(words[k].w)) {
      k++;
      run++;
    } else break;
  }
  if (k === 0 || k >= words.length) return null;
  if (run === 1 && !/^[\p{Lu}\p{N}&]{2,}$/u.test(words[k - 1].w)) return null;
  const at = words[k].at;
  if (!UNLISTED_PREDICATE.test(s.slice(at, at + 80))) return null;
  // The names read again on the text cut before the predicate, so that groups and known names come
  // out as they would before a listed verb.
  const cut = readNames(sc.table.of(s.slice(0, at).trimEnd()), pos);
  if (!cut.names.length) return null;
  return { lead: cut.names, support: [], kind: 'subject', start: pos, end: cut.end };
}

/** "Ủy ban nhân dân các xã, phường có cụm công nghiệp" as a heading: the qualified name as printed */
function tailHeading(sc: Scanner, pos: number, r: Parsed): ClauseResult | null {
  const s = sc.text;
  const rest = s.slice(r.end);
  if (!/^\s{1,3}(có|thuộc|nơi có|trên địa bàn|được giao|ở)\s/u.test(rest)) return null;
  if (rest.length > 80 || /[.;:]/u.test(rest.trim().slice(0, -1)) || /[.;]\s*$/u.test(rest)) return null;
  if (r.names.length !== 1) return null;
  const name = s.slice(skipSpaces(s, pos), s.length).replace(/[\s:]+$/u, '').trim();
  return { lead: [name.replace(/^(Chủ tịch|Thủ trưởng|Giám đốc)\s+/u, '')], support: [], kind: 'heading', start: pos, end: s.length };
}

/** A plural addressee: "các địa phương", "UBND các xã, phường", "Các hợp tác xã". */
const PLURAL_ADDRESSEE = /^(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s{1,3})?[Cc]ác\s/u;
/** Words that narrow a plural addressee down to some of its members. */
const NARROWING = /^(?:có|nơi có|thuộc|trực thuộc|ở|trên địa bàn|được giao|được phân công)\s/u;
/** "có" + one of these is the predicate itself ("Các sở có văn bản hướng dẫn …"), not a narrowing. */
const HAVE_PREDICATE = /^có\s{1,3}(?:văn bản|kế hoạch|báo cáo|giải pháp|biện pháp|phương án|hướng dẫn)(?!\p{L})/u;
/** Nor are these a narrowing: "có trách nhiệm …" is the predicate, "có liên quan" the vague group. */
const NOT_NARROWING = /^có\s{1,3}(?:trách nhiệm|ý kiến|liên quan|hiệu quả)(?!\p{L})/u;

/**
 * A plural addressee narrowed by what its members have or where they are, before its predicate:
 * "UBND các xã, phường có rừng kiện toàn …", "Các địa phương có dự án chậm tiến độ rà soát …". The
 * narrowing is part of the addressee, kept as printed (it is not the whole group); the predicate
 * is the first listed action verb within a few words, with no punctuation before it.
 */
function qualifiedSubject(sc: Scanner, pos: number, r: Parsed): ClauseResult | null {
  const s = sc.text;
  const start = skipRoles(sc, skipSpaces(s, pos));
  if (!PLURAL_ADDRESSEE.test(s.slice(start, start + 40))) return null;
  const q = skipSpaces(s, r.end);
  if (!NARROWING.test(s.slice(q, q + 16)) || HAVE_PREDICATE.test(s.slice(q, q + 30)) || NOT_NARROWING.test(s.slice(q, q + 30))) return null;
  let p = q + wordAt(s, q).length;
  let prev = '';
  for (let k = 0; k < 10; k++) {
    const w = skipSpaces(s, p);
    if (w === p || !isWordUnit(s.charCodeAt(w))) return null;
    const v = k > 0 ? verbAt(sc, w, prev) : null;
    if (v && !PREPOSITIONS.has(v) && !NOT_ACTION.has(v)) {
      // "Các xã có rừng" → "các xã có rừng", as the groups are written (groups.ts)
      const name = s.slice(start, w).trimEnd().replace(/^Các\s/u, 'các ');
      return { lead: [name], support: readSupport(sc, w), kind: 'subject', start: pos, end: w };
    }
    prev = wordAt(s, w);
    p = w + prev.length;
  }
  return null;
}

/** A government (not one of its agencies): what it directs another body to do is that body's task. */
const GOVERNMENT = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Chính phủ|Thủ tướng|Chủ tịch|HĐND|Hội đồng nhân dân|Ban Thường vụ|Thường trực|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ)/u;

/**
 * The body named after "(quan tâm) chỉ đạo / giao" at pos: "… chỉ đạo Sở Tài chính cân đối …". Not
 * bodies named only by their kind or level ("các bệnh viện", "Mặt trận các cấp"): those are the
 * directing body's own, which stays answerable; a body named by its name is the one charged.
 */
function directedBody(sc: Scanner, pos: number): { lead: string[]; support: string[]; end: number } | null {
  const after = skipSpaces(sc.text, pos);
  const q = /^(quan tâm\s{1,3})?(chỉ đạo|giao)\s{1,3}/u.exec(sc.text.slice(after, after + 24));
  if (!q) return null;
  const z = readNames(sc, after + q[0].length);
  if (!z.names.length || z.names.every(namedByKindOnly)) return null;
  return { lead: z.names, support: readSupport(sc, z.end), end: z.end };
}

function objectForm(sc: Scanner, p: number, start: number, kind: 'denghi' | 'object'): ClauseResult | null {
  const r = readNames(sc, p);
  if (!r.names.length) return null;
  const directed = directedBody(sc, r.end);
  if (directed) return { lead: directed.lead, support: directed.support, kind, start, end: directed.end };
  return addressed(sc, r, kind, start);
}

/** Clause starts: the text start, and after ". ", "; ", "! ", "? " and ": " before a capital. */
export function clauseStarts(scanners: ScannerTable, text: string): number[] {
  return clauseStartsTyped(scanners, text).map((c) => c.pos);
}

/** Clause starts with their kind: 'start', 'sentence' (after . ! ?) or 'semi' (after ; with no ':' earlier in the sentence). */
export function clauseStartsTyped(scanners: ScannerTable, text: string): readonly ClauseStart[] {
  const sc = scanners.of(text);
  return (sc.starts ??= clauseStartsUncached(text));
}
const TOPIC = /^(?:Về|Đối với|Vấn đề|Nội dung|(?:Các|Một số|Những)\s(?:nội dung|vấn đề|kiến nghị|đề xuất|đề nghị|công việc|việc)(?!\p{L}))\s/u;

function clauseStartsUncached(text: string): ClauseStart[] {
  const out: ClauseStart[] = [{ pos: 0, kind: 'start' }];
  const re = /[.;!?:]\s{1,3}(?=\S)/gu;
  let lastColon = -1;
  let sentenceStart = 0;
  let seen = 0;
  for (const m of text.matchAll(re)) {
    if (++seen > 2000) break;
    if (text[m.index!] === ':') {
      lastColon = m.index!;
      // a topic before the colon ("Về …:", "Các nội dung khác:"), then who does what
      const topic = TOPIC.test(text.slice(sentenceStart, sentenceStart + 24)) && m.index! - sentenceStart < 200;
      if (topic) {
        out.push({ pos: m.index! + m[0].length, kind: 'start' });
        continue;
      }
      if (!/^(?:Giao|Đề nghị|Yêu cầu|Chỉ đạo)\s/u.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 10))) continue;
    }
    const p = m.index! + m[0].length;
    const c = text[m.index!];
    if (c === ':') {
      out.push({ pos: p, kind: 'colon' });
      continue;
    }
    if (c === '.' && /\d$/.test(text.slice(0, m.index!)) && /^\d/.test(text.slice(p))) continue;
    if (c === ';') {
      // "Về đề xuất của Sở Y tế: Đồng ý; giao Sở Y tế hoàn thiện hồ sơ": inside a colon's scope a
      // clause that hands the work to someone still opens a clause
      if (lastColon >= sentenceStart) {
        if (/^(?:[Gg]iao|[Đđ]ề nghị|[Yy]êu cầu)\s/u.test(text.slice(p, p + 10))) out.push({ pos: p, kind: 'colon' });
        continue;
      }
      out.push({ pos: afterConnective(text, p), kind: 'semi' });
    } else {
      out.push({ pos: afterConnective(text, p), kind: 'sentence' });
      sentenceStart = p;
    }
    if (out.length > 400) break;
  }
  return out;
}

/** A connective that opens a further clause: "…; đồng thời, Công an tỉnh tăng cường …". */
const CONNECTIVE = /^(?:[Đđ]ồng thời|[Nn]goài ra|[Bb]ên cạnh đó)\s{0,2},\s{1,3}/u;
/** Where the clause after a connective begins: its subject, if it names one, is that clause's. */
function afterConnective(text: string, p: number): number {
  const c = text.charCodeAt(p);
  // only "Đ", "đ", "N", "n", "B", "b" can open a connective: spares the regex at most clause starts
  if (c !== 0x110 && c !== 0x111 && c !== 78 && c !== 110 && c !== 66 && c !== 98) return p;
  const m = CONNECTIVE.exec(text.slice(p, p + 16));
  return m ? p + m[0].length : p;
}

/** Mid-sentence "giao X chủ trì" (an explicit re-assignment inside an item). */
export function midGiao(sc: Scanner): ClauseResult | null {
  const re = /(?:^|[\s,])giao\s{1,3}/gu;
  let k = 0;
  for (const m of sc.text.matchAll(re)) {
    if (++k > 50) break;
    const p = m.index! + m[0].length;
    const r = readNames(sc, p);
    if (!r.names.length) continue;
    const after = skipSpaces(sc.text, r.end);
    if (sc.text.startsWith('chủ trì', after)) return { lead: r.names, support: readSupport(sc, r.end), kind: 'midgiao', start: p, end: r.end };
  }
  return null;
}

/** Mid-sentence "yêu cầu / đề nghị X …" used by lead-ins. */
export function midObject(sc: Scanner): ClauseResult | null {
  const re = /(?:^|[\s,])(yêu cầu|đề nghị|giao)\s{1,3}/giu;
  let k = 0;
  for (const m of sc.text.matchAll(re)) {
    if (++k > 50) break;
    const p = m.index! + m[0].length;
    const o = objectForm(sc, p, p, 'object');
    if (o) return o;
  }
  return null;
}

export const isVague = (n: string): boolean => VAGUE.has(n) || /(liên quan|hữu quan|chức năng)$/iu.test(n);

/**
 * Bodies named by no more than their kind or level ("các đơn vị trực thuộc", "các bệnh viện",
 * "Mặt trận các cấp", the vague groups): whoever directs them is answerable for them, as its own.
 */
export const namedByKindOnly = (n: string): boolean => isVague(n) || /^các\s[^\p{Lu}]*$/u.test(n) || /\scác cấp$/u.test(n);
/** Vague groups move to support when a concrete lead exists. */
export function settleLeads(lead: string[], support: string[]): { lead: string[]; support: string[] } {
  const concrete = lead.filter((n) => !isVague(n));
  if (concrete.length && concrete.length < lead.length) {
    return { lead: concrete, support: dedupe([...support, ...lead.filter(isVague)]) };
  }
  return { lead: dedupe(lead), support: dedupe(support.filter((s) => !lead.includes(s))) };
}

/** Lower-case words that may sit inside an organisation's name without starting a predicate. */
const NAME_INNER_WORDS = new Set(['về', 'tại', 'trong', 'thuộc', 'của', 'ở']);

/**
 * A line that is nothing but addressees, heading the items below it ("a) Tổ đảng ở Thường trực
 * Ủy ban KH,CN&MT", "3. Đài Phát thanh và Truyền hình tỉnh:", "Lãnh đạo Ban Dân nguyện"): the
 * names as printed — commas inside a name kept ("Ủy ban Tài chính, Ngân sách"), split only at
 * ";" or before another "các …" — with role words dropped. Null when the line has a predicate,
 * a sentence end, or does not open with an organisation's head word.
 */
export function headingLine(scanners: ScannerTable, text: string): string[] | null {
  let t = text.replace(/[\s:.]+$/u, '').trim();
  if (!t || t.length > 200 || /[.;!?]\s/u.test(t) || /[()"“]/u.test(t)) return null;
  // "Trách nhiệm của các tổ chức, doanh nghiệp hoạt động trong lĩnh vực …": the words say that
  // what follows is the addressee, qualifiers and all, so no predicate test applies to it.
  const named = /^(?:Trách nhiệm|Nhiệm vụ)\s{1,3}của\s{1,3}/u.exec(t);
  if (named) {
    t = t.slice(named[0].length);
    const sc = scanners.of(t);
    const p = skipRoles(sc, 0);
    return headAt(sc, p) ? [t.slice(p)] : null;
  }
  const names: string[] = [];
  for (const part of t.split(/\s*;\s*|,\s+(?=các\s)/iu)) {
    const sc = scanners.of(part);
    const p = skipRoles(sc, 0);
    if (!headAt(sc, p)) return null;
    let prev = '';
    for (let i = p; i < part.length; ) {
      const w = wordAt(part, i);
      if (!w) {
        i++;
        continue;
      }
      if (i > p && /^\p{Ll}/u.test(w) && !NAME_INNER_WORDS.has(w) && verbAt(sc, i, prev)) return null;
      prev = w;
      i += w.length;
    }
    names.push(part.slice(p).trim());
  }
  return names.length ? names : null;
}

/** Predicate words that do not make an item an instruction when they open it. */
const NOT_ACTION = new Set(['là', 'được', 'có', 'đã', 'đang', 'sẽ', 'không', 'chưa', 'vẫn', 'cũng', 'luôn', 'còn']);

/** Whether a text opens with an action verb ("Rà soát …", "Tổ chức tiêm bù …"): it reads as an instruction. */
export function opensWithAction(scanners: ScannerTable, text: string): boolean {
  const t = text.trimStart();
  if (!t) return false;
  const low = t.charAt(0).toLowerCase() + t.slice(1, 60);
  const sc = scanners.of(low);
  const v = verbAt(sc, 0, '');
  // "Có giải pháp thu hút …", "Có kế hoạch …": to have a plan made is an action
  return !!v && ((!PREPOSITIONS.has(v) && !NOT_ACTION.has(v)) || HAVE_PREDICATE.test(low));
}
