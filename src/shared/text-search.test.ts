import { describe, it, expect } from 'vitest';
import { parseSearch, searchTier } from './text-search';
import { foldText } from './text';

const tier = (q: string, text: string) => searchTier(parseSearch(q)!, foldText(text));

describe('search levels', () => {
  it('ranks the phrase, then whole words, then word starts, then pieces, ignoring diacritics and case', () => {
    expect(tier('nong thon moi', 'Xây dựng nông thôn mới.')).toBe(1);
    expect(tier('NÔNG THÔN MỚI', 'xây dựng Nông thôn mới')).toBe(1);
    expect(tier('nong thon moi', 'Mới làm đường nông thôn')).toBe(2);
    expect(tier('nong thon moi', 'Huyện Thông Nông bảo vệ môi trường')).toBe(3);
    expect(tier('ong', 'Huyện Thông Nông')).toBe(4);
    expect(tier('nong thon moi', 'thôn bản')).toBeNull();
  });

  it('keeps punctuation inside a word and trims it around words', () => {
    expect(parseSearch(' "nông thôn, mới." ')!.words).toEqual(['nong', 'thon', 'moi']);
    expect(parseSearch('12/TB-UBND')!.words).toEqual(['12/tb-ubnd']);
    expect(tier('12/TB-UBND', 'Thông báo 12/TB-UBND ngày 14/7')).toBe(1);
    // Regular-expression characters are literals: "a.b" does not match "axb".
    expect(tier('1.2', 'mục 1x2')).toBeNull();
    expect(tier('1.2', 'mục 1.2')).toBe(1);
    expect(parseSearch('  ,;  ')).toBeNull();
    expect(parseSearch('')).toBeNull();
  });
});
