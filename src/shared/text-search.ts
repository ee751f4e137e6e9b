/**
 * Free-text search that finds what was meant, for every list that has a search box (assignments,
 * documents). Diacritics and case never matter: the query is folded (foldText) and compared with a
 * folded copy of the text. What matches, best first:
 *   1. the words as a phrase, whole words in that order ("nong thon moi" → "nông thôn mới");
 *   2. every word as a whole word, anywhere ("thôn … mới … nông");
 *   3. every word as the start of a word ("nong thon m" while typing, "thon" in "Thông");
 *   4. every word as a piece of a word ("ong" in "Thông").
 * A task about "huyện Thông Nông … môi trường" is thus found by "nong thon moi" only after every
 * task that says "nông thôn mới". Inside one level, each list keeps its own order (deadline).
 *
 * The levels are written once as regular expressions that mean the same in JavaScript and in
 * PostgreSQL (ASCII classes and escaped literals only), so `searchTier` (the definition, used by
 * tests) and `searchTierSql` cannot drift apart.
 */
import { sql, type SQL } from 'drizzle-orm';
import { foldText } from './text';

export const SEARCH_TIERS = [1, 2, 3, 4] as const;
export type SearchTier = (typeof SEARCH_TIERS)[number];

/** At most this many words are searched; the rest of a pasted paragraph is ignored. */
const MAX_WORDS = 8;

export interface ParsedSearch {
  /** Folded words, punctuation trimmed at their ends ("mới," → "moi"; "12/tb-ubnd" stays). */
  words: string[];
  /** Level 1: the words as one phrase. */
  phrase: string;
  /** Level 2: each word whole. */
  whole: string[];
  /** Level 3: each word at the start of a word. */
  prefix: string[];
}

const ALNUM = /[a-z0-9]/;
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A word boundary that means the same in both engines (`\b` and `\m` do not). */
const before = (w: string) => (ALNUM.test(w[0]) ? '(^|[^a-z0-9])' : '');
const after = (w: string) => (ALNUM.test(w[w.length - 1]) ? '($|[^a-z0-9])' : '');

/** The query's words and the patterns of each level; null when nothing is left to search. */
export function parseSearch(q: string | undefined | null): ParsedSearch | null {
  if (!q) return null;
  const words = foldText(q)
    .split(' ')
    .map((w) => w.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ''))
    .filter(Boolean)
    .slice(0, MAX_WORDS);
  if (!words.length) return null;
  const phrase = words.join(' ');
  return {
    words,
    phrase: before(phrase) + escapeRegex(phrase) + after(phrase),
    whole: words.map((w) => before(w) + escapeRegex(w) + after(w)),
    prefix: words.map((w) => before(w) + escapeRegex(w)),
  };
}

/** THE definition: the level at which folded `text` matches, or null when some word is missing. */
export function searchTier(s: ParsedSearch, foldedText: string): SearchTier | null {
  if (!s.words.every((w) => foldedText.includes(w))) return null;
  if (new RegExp(s.phrase).test(foldedText)) return 1;
  if (s.whole.every((p) => new RegExp(p).test(foldedText))) return 2;
  if (s.prefix.every((p) => new RegExp(p).test(foldedText))) return 3;
  return 4;
}

const likeEscape = (w: string) => '%' + w.replace(/[\\%_]/g, (m) => '\\' + m) + '%';

/**
 * Every word present somewhere (level 4 or better): what is found at all. Plain LIKEs, so that
 * the trigram index on the folded column can answer them.
 */
export function searchMatchSql(s: ParsedSearch, column: SQL): SQL[] {
  return s.words.map((w) => sql`${column} like ${likeEscape(w)}`);
}

/** Level 1 alone: the words as a phrase. */
export function searchPhraseSql(s: ParsedSearch, column: SQL): SQL {
  return sql`${column} ~ ${s.phrase}`;
}

/** The level of a row that matches (searchMatchSql), as SQL: 1 best … 4. */
export function searchTierSql(s: ParsedSearch, column: SQL): SQL {
  const all = (ps: string[]) => sql.join(ps.map((p) => sql`${column} ~ ${p}`), sql` AND `);
  return sql`(CASE WHEN ${column} ~ ${s.phrase} THEN 1 WHEN ${all(s.whole)} THEN 2 WHEN ${all(s.prefix)} THEN 3 ELSE 4 END)`;
}
