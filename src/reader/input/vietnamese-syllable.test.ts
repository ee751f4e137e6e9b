import { describe, it, expect } from 'vitest';
import { isVietnameseSyllable, hasVowel } from './vietnamese-syllable.ts';

describe('Vietnamese syllables', () => {
  it('accepts real syllables', () => {
    for (const s of ['một', 'khoáng', 'phương', 'nhất', 'người', 'quyết', 'giữa', 'gì', 'chuyển', 'nghiêng', 'Việt', 'ĐƯỢC', 'oẳn', 'ở', 'à'])
      expect(isVietnameseSyllable(s), s).toBe(true);
  });
  it('refuses two syllables run together, bare onsets and open nuclei that need a final', () => {
    for (const s of ['dựán', 'sốdự', 'cơsở', 'm', 'ng', 'nhấ', 'phươ', 'tiê', 'rừngở', 'hoạtđộng'])
      expect(isVietnameseSyllable(s), s).toBe(false);
  });
  it('hasVowel', () => {
    expect(hasVowel('m')).toBe(false);
    expect(hasVowel('ngh')).toBe(false);
    expect(hasVowel('ộ')).toBe(true);
  });
});
