import { describe, it, expect } from 'vitest';
import { fold, foldChar, joinLines } from './fold';

/** The definition fold must keep while being fast: NFD, marks dropped, lower case, đ → d. */
const byDefinition = (s: string): string => {
  const fast = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/đ/g, 'd');
  return fast.length === s.length ? fast : [...Array(s.length)].map((_, i) => foldChar(s[i])).join('');
};

describe('fold', () => {
  it('folds Vietnamese to plain lower-case letters, one unit per unit', () => {
    const s = 'Sở Nông nghiệp và Môi trường; ĐẶC KHU Vân Đồn — Ủy ban nhân dân xã Lý Bôn';
    expect(fold(s)).toBe('so nong nghiep va moi truong; dac khu van don — uy ban nhan dan xa ly bon');
    expect(fold(s)).toHaveLength(s.length);
  });

  it('agrees with the definition on every character of the first 12,288 code units', () => {
    for (let c = 0; c < 0x3000; c++) {
      const ch = String.fromCharCode(c);
      expect(fold(ch), `U+${c.toString(16)}`).toBe(byDefinition(ch));
    }
  });

  it('reuses its buffer safely across long and short inputs', () => {
    const long = 'Giải ngân vốn đầu tư công. '.repeat(5000);
    expect(fold(long)).toBe(byDefinition(long));
    expect(fold('Hà Nội')).toBe('ha noi');
    expect(fold('')).toBe('');
  });
});

describe('joinLines', () => {
  it('turns each white-space run that holds a line break into one space, like the regular expression', () => {
    const chars = ['a', 'b', ' ', '\n', '\t', '\r', '\u00a0'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      for (let i = Math.floor(next() * 14); i > 0; i--) s += chars[Math.floor(next() * chars.length)];
      expect(joinLines(s), JSON.stringify(s)).toBe(s.replace(/\s*\n\s*/g, ' '));
    }
    expect(joinLines('Sở Y tế\n  chủ trì;\n\nthực hiện')).toBe('Sở Y tế chủ trì; thực hiện');
  });
});
