/**
 * Group addressees by the grammar of their phrases, not by a list of spellings: a government
 * level ("UBND các xã, phường, đặc khu", "cấp huyện", "Ủy ban nhân dân các tỉnh, thành phố trực
 * thuộc Trung ương", "chính quyền các cấp") or a list of kinds of bodies ("các sở, ban, ngành
 * tỉnh", "các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ", "các cơ quan, đơn vị có liên
 * quan", "các sở, ngành, địa phương"). Each is named after the directory's standard groups.
 * Works on folded text (lower case, no diacritics, same length as the source).
 */
import { STANDARD_GROUPS as G } from '../../directory/standard-groups';

export interface GroupMatch {
  canon: string[];
  end: number;
}

const isLetterAt = (s: string, i: number): boolean => i < s.length && /[\p{L}\p{N}]/u.test(s[i]);

/** Level words, longest first, with the level each names. */
const LEVELS: [string, 'xa' | 'huyen' | 'tinh' | 'city'][] = [
  ['thi tran', 'xa'], ['dac khu', 'xa'], ['phuong', 'xa'], ['xa', 'xa'],
  ['thi xa', 'huyen'], ['huyen', 'huyen'], ['quan', 'huyen'],
  ['thanh pho', 'city'], ['tinh', 'tinh'],
];
const LEVEL_NAME = { xa: G.communes, huyen: G.districts, tinh: G.provinces } as const;
/** "UBND", "Ủy ban nhân dân (UBND)" — also with its abbreviation printed without brackets */
const COMMITTEE = /^(?:chu tich |lanh dao )?(?:ubnd|uy ban nhan dan|chinh quyen)(?: \(?ubnd\)?)? /u;

function levelWord(f: string, p: number): [string, string] | null {
  for (const [w, lv] of LEVELS) if (f.startsWith(w, p) && !isLetterAt(f, p + w.length)) return [w, lv];
  return null;
}

/**
 * "UBND các xã, phường", "UBND cấp xã", "cấp huyện", "các tỉnh, thành phố trực thuộc Trung
 * ương", "UBND các cấp". A single level after "UBND" is a group only when no proper name follows
 * ("UBND xã" yes, "UBND xã Bảo Lâm" no); "UBND tỉnh" alone is the province's own committee.
 */
function levelGroup(text: string, f: string, pos: number): GroupMatch | null {
  let p = pos;
  const committee = COMMITTEE.exec(f.slice(p, p + 40));
  if (committee) p += committee[0].length;
  if (committee && f.startsWith('cac cap', p) && !isLetterAt(f, p + 7)) return { canon: [G.allLevels], end: p + 7 };
  let plural = false;
  let cap = false;
  if (f.startsWith('o cap ', p)) (p += 6), (cap = true);
  else if (f.startsWith('cap ', p)) (p += 4), (cap = true);
  else if (f.startsWith('cac ', p)) (p += 4), (plural = true);
  const levels: string[] = [];
  let end = p;
  for (let k = 0; k < 6; k++) {
    const lw = levelWord(f, p);
    if (!lw) break;
    levels.push(lw[1]);
    end = p + lw[0].length;
    const sep = /^(?:, ?| va | hoac |\/ ?)/u.exec(f.slice(end, end + 6));
    if (!sep || !levelWord(f, end + sep[0].length)) break;
    p = end + sep[0].length;
  }
  if (!levels.length) return null;
  const central = /^ truc thuoc trung uong/u.exec(f.slice(end, end + 24));
  if (central) end += central[0].length;
  // "… nêu trên": the ones the document named above, the same level
  const named = /^ (?:neu|noi|co ten) tren(?![\p{L}\p{N}])/u.exec(f.slice(end, end + 14));
  if (named) end += named[0].length;
  const properNameNext = /^ [\p{Lu}\p{N}]/u.test(text.slice(end, end + 2));
  const several = levels.length > 1;
  if (!(cap || several || (plural && committee) || (committee && !properNameNext && levels[0] !== 'tinh' && levels[0] !== 'city'))) return null;
  if (!committee && !cap && !(plural && several)) return null;
  const first = levels.find((l) => l !== 'city');
  const level = central || levels.includes('tinh') ? 'tinh' : (first ?? 'huyen');
  return { canon: [LEVEL_NAME[level as 'xa' | 'huyen' | 'tinh']], end };
}

/** Kinds of bodies a plural group lists, longest first. */
const KINDS: [string, string][] = [
  ['co quan chuyen mon thuoc uy ban nhan dan tinh', 'so'], ['co quan chuyen mon thuoc ubnd tinh', 'so'], ['co quan chuyen mon', 'so'],
  ['co quan ngang bo', 'bo'], ['co quan thuoc chinh phu', 'bo'], ['co quan truc thuoc chinh phu', 'bo'], ['co quan trung uong', 'bo'],
  ['ban quan ly du an', 'investor'], ['chu dau tu', 'investor'],
  ['bo truong', 'bo'], ['co quan', 'body'], ['don vi', 'body'], ['to chuc', 'body'], ['dia phuong', 'local'], ['doan the', 'mass'],
  ['so', 'so'], ['ban', 'ban'], ['nganh', 'nganh'], ['bo', 'bo'], ['cap', 'cap'],
];
const SHORT = new Set(['so', 'ban', 'nganh', 'bo', 'cap']);
const ROLE_BEFORE = /^(?:thu truong|nguoi dung dau|lanh dao|giam doc) (?:cac )?/u;

function kindAt(f: string, p: number): [string, string] | null {
  for (const k of KINDS) if (f.startsWith(k[0], p) && !isLetterAt(f, p + k[0].length)) return k;
  return null;
}

/**
 * "các sở, ban, ngành (tỉnh)", "các Bộ, cơ quan ngang Bộ, địa phương", "các cơ quan, đơn vị có
 * liên quan", "các cấp, các ngành", "các chủ đầu tư/ ban quản lý dự án". The kinds listed decide
 * the group: ministries, departments (with "địa phương": and the communes, or for ministries the
 * provinces), whoever it concerns ("… liên quan"), levels and sectors, investors.
 */
function kindGroup(text: string, f: string, pos: number, verbAt: (pos: number) => boolean): GroupMatch | null {
  let p = pos;
  const plural = f.startsWith('cac ', p);
  if (plural) p += 4;
  // "…của các bộ, cơ quan ngang bộ, …": a list read from its middle is not a group of its own
  else if (/,\s*$/u.test(text.slice(Math.max(0, pos - 3), pos))) return null;
  const kinds: string[] = [];
  let end = p;
  for (let k = 0; k < 8; k++) {
    const role = k > 0 ? ROLE_BEFORE.exec(f.slice(p, p + 30)) : null;
    const article = k > 0 && !role && f.startsWith('cac ', p);
    if (role) p += role[0].length;
    else if (article) p += 4;
    const kd = kindAt(f, p);
    if (!kd) break;
    const after = p + kd[0].length;
    if (kd[1] === 'body' || kd[1] === 'local') {
      // "các tổ chức nhân dân", "cơ quan báo chí": a kind of body named further is a name of its own
      if (/^ \p{L}/u.test(f.slice(after, after + 2)) && !/^ (?:thuoc tinh|tinh|khac|co lien quan|lien quan|chuc nang|huu quan|va |hoac )/u.test(f.slice(after, after + 16)) && !verbAt(after + 1)) break;
      // "Các sở, ngành và các cơ quan chức năng": a second noun phrase, not part of the first list
      if (kinds.length && (article || f.slice(Math.max(0, p - 8), p).includes(' va ')) && kinds.some((x) => x !== 'body' && x !== 'local')) break;
    }
    // "Ban Quản lý …", "Sở Y tế", "Bộ Tài chính": a capitalised name after the kind is one body
    if (/^ \p{Lu}/u.test(text.slice(p + kd[0].length, p + kd[0].length + 2)) && kd[1] !== 'investor') break;
    kinds.push(kd[1]);
    end = after;
    // "các sở ban ngành": the short kinds also run on without commas
    const sep = /^(?: ?, ?| va | hoac | ?\/ ?|; )/u.exec(f.slice(end, end + 6)) ?? (SHORT.has(kd[0]) && SHORT.has(kindAt(f, end + 1)?.[0] ?? '') ? [' '] : null);
    if (!sep) break;
    const next = end + sep[0].length;
    const nextRole = ROLE_BEFORE.exec(f.slice(next, next + 30));
    const q = nextRole ? next + nextRole[0].length : f.startsWith('cac ', next) ? next + 4 : next;
    if (!kindAt(f, q)) break;
    p = next;
  }
  if (!kinds.length) return null;
  // "… nêu trên", "… nói trên": the ones the document already named, the same group
  const tail = /^(?: (?:thuoc tinh|tinh|o trung uong|trung uong))?(?: khac)?(?: (?:co )?lien quan| chuc nang| huu quan)?(?: (?:neu|noi|co ten) tren)?/u.exec(f.slice(end, end + 48));
  // "… hữu quan" is kept as printed: only "liên quan" and "chức năng" name the standard group
  if (tail && /huu quan/u.test(tail[0])) return null;
  const vague = !!tail && /lien quan|chuc nang/u.test(tail[0]);
  if (tail) end += tail[0].length;
  const has = (k: string): boolean => kinds.includes(k);
  const several = kinds.length > 1;
  if (!plural && !several) return null;
  if (has('investor') && kinds.every((k) => k === 'investor')) return { canon: [G.investors], end };
  if (has('bo')) {
    if (vague) return null;
    return { canon: has('local') ? [G.ministries, G.provinces] : [G.ministries], end };
  }
  const departments = has('so') || (has('ban') && has('nganh'));
  if (vague) return { canon: [departments ? G.relatedDepartments : G.related], end };
  if (departments) return { canon: has('local') ? [G.departments, G.communes] : [G.departments], end };
  if (has('cap') && has('nganh') && kinds.every((k) => k === 'cap' || k === 'nganh')) return { canon: [G.levelsAndSectors], end };
  // agencies and localities: the province's departments and its communes
  if (has('body') && has('local') && kinds.every((k) => k === 'body' || k === 'local')) return { canon: [G.departments, G.communes], end };
  return null;
}

/** First words of level phrases ("UBND", "Ủy ban", "Chủ tịch", "chính quyền", "cấp", "các", "ở cấp"). */
const LEVEL_OPENERS = new Set(['ubnd', 'uy', 'chu', 'lanh', 'chinh', 'cap', 'cac', 'o']);
/** First words of lists of kinds: "các" or the first word of a kind. */
const KIND_OPENERS = new Set(['cac', ...KINDS.map(([k]) => k.split(' ')[0])]);

/**
 * The group phrase that starts at `pos` of the folded text, with where it ends. `verbAt` tells
 * whether a predicate starts at a position ("các cơ quan, địa phương phải …" ends the group).
 */
export function groupAt(text: string, folded: string, pos: number, verbAt: (pos: number) => boolean): GroupMatch | null {
  // most positions asked about open no group: their first word tells, before any pattern is tried
  let e = pos;
  while (e < folded.length && e - pos < 6 && folded.charCodeAt(e) >= 97 && folded.charCodeAt(e) <= 122) e++;
  const first = folded.slice(pos, e);
  const level = LEVEL_OPENERS.has(first);
  const kind = KIND_OPENERS.has(first);
  if (!level && !kind) return null;
  return (level ? levelGroup(text, folded, pos) : null) ?? (kind ? kindGroup(text, folded, pos, verbAt) : null);
}
