/**
 * Word automatic numbering (numbering.xml) reconstructed as the label Word would render:
 * "1.", "2.1.", "a)", "II.", "-", "•". Pure: takes the parsed numbering definitions and keeps the
 * counters while the paragraphs of the document are visited in order.
 */

export type NumFmt = string; // decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none, decimalZero, ...

export interface LevelDef {
  start: number;
  numFmt: NumFmt;
  lvlText: string;
  /** undefined: restart after any higher level; 0: never restart; n: restart after level n-1 (0-based ilvl < n). */
  lvlRestart?: number;
  isLgl: boolean;
  pStyle?: string;
  suff: 'tab' | 'space' | 'nothing';
}

export interface AbstractNumDef {
  id: string;
  levels: Map<number, LevelDef>;
  numStyleLink?: string;
  styleLink?: string;
}

export interface NumDef {
  numId: string;
  abstractNumId: string;
  /** per-level start override and/or level redefinition */
  overrides: Map<number, { startOverride?: number; lvl?: LevelDef }>;
}

export interface NumberingDefs {
  abstractNums: Map<string, AbstractNumDef>;
  nums: Map<string, NumDef>;
}

const ROMAN: Array<[number, string]> = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

export function toRoman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  let out = '';
  for (const [v, s] of ROMAN) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** Word's letter numbering: a..z, then aa..zz, aaa... (the letter repeated), as Word renders it. */
export function toLetters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, fmt: NumFmt): string {
  switch (fmt) {
    case 'lowerLetter':
      return toLetters(n);
    case 'upperLetter':
      return toLetters(n).toUpperCase();
    case 'lowerRoman':
      return toRoman(n);
    case 'upperRoman':
      return toRoman(n).toUpperCase();
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Bullet characters of Symbol / Wingdings fonts live in the private-use area; give them a visible form. */
export function bulletText(lvlText: string): string {
  const t = lvlText.trim();
  if (t === '') return '';
  if (t === '-' || t === '–' || t === '—' || t === '+' || t === '*' || t === '•') return t === '—' || t === '–' ? '-' : t;
  const c = t.codePointAt(0) ?? 0;
  if (c >= 0xf000 && c <= 0xf0ff) {
    const low = c - 0xf000;
    if (low === 0x2d) return '-'; // Symbol "-"
    if (low === 0x2b) return '+';
    return '•';
  }
  if (t === 'o' || t === '§' || t === '▪' || t === '■' || t === '□' || t === '◦' || t === '·') return '•';
  return t;
}

export class NumberingState {
  /** counters per abstractNum: ilvl → current value (undefined: not started) */
  private counters = new Map<string, Array<number | undefined>>();
  private seenNums = new Set<string>();

  constructor(private readonly defs: NumberingDefs) {}

  private resolveAbstract(numId: string, depth = 0): { abs: AbstractNumDef; num: NumDef } | undefined {
    const num = this.defs.nums.get(numId);
    if (!num) return undefined;
    const abs = this.defs.abstractNums.get(num.abstractNumId);
    if (!abs) return undefined;
    return { abs, num };
  }

  /** the level definition in force for numId/ilvl (override first). */
  levelDef(numId: string, ilvl: number): LevelDef | undefined {
    const r = this.resolveAbstract(numId);
    if (!r) return undefined;
    const ov = r.num.overrides.get(ilvl);
    if (ov?.lvl) return ov.lvl;
    return r.abs.levels.get(ilvl);
  }

  /**
   * Advance the counters for a numbered paragraph and return its label ('' when none), and the
   * separator Word places after it.
   */
  next(numId: string, ilvl: number): { label: string; suff: 'tab' | 'space' | 'nothing' } | undefined {
    if (numId === '0') return undefined;
    const r = this.resolveAbstract(numId);
    if (!r) return undefined;
    const { abs, num } = r;
    const key = abs.id;
    let c = this.counters.get(key);
    if (!c) {
      c = new Array(9).fill(undefined);
      this.counters.set(key, c);
    }
    const lvl = this.levelDef(numId, ilvl);
    if (!lvl) return undefined;
    if (!this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      // A w:num with startOverride restarts the list at that level (the usual "restart numbering").
      for (const [l, ov] of num.overrides) {
        if (ov.startOverride !== undefined && l >= 0 && l < 9) c[l] = ov.startOverride - 1;
        else if (ov.lvl && l >= 0 && l < 9) c[l] = ov.lvl.start - 1;
      }
    }
    const level = Math.max(0, Math.min(8, ilvl));
    c[level] = (c[level] ?? lvl.start - 1) + 1;
    for (let d = level + 1; d < 9; d++) {
      const dd = this.levelDef(numId, d);
      const restart = dd?.lvlRestart;
      if (restart === undefined || (restart !== 0 && level < restart)) c[d] = undefined;
    }
    if (lvl.numFmt === 'bullet') return { label: bulletText(lvl.lvlText), suff: lvl.suff };
    const label = lvl.lvlText.replace(/%([1-9])/g, (_m, k: string) => {
      const li = Number(k) - 1;
      const ld = this.levelDef(numId, li);
      const value = c![li] ?? ld?.start ?? 1;
      const fmt = lvl.isLgl ? 'decimal' : (ld?.numFmt ?? 'decimal');
      return formatNumber(value, fmt === 'bullet' ? 'decimal' : fmt);
    });
    return { label: label.trim(), suff: lvl.suff };
  }
}
