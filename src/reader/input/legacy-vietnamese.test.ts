import { describe, it, expect } from 'vitest';
import { tcvn3ToUnicode, unicodeToTcvn3, vniToUnicode, unicodeToVni, detectLegacy, fontEncoding, TCVN3_TABLE } from './legacy-vietnamese.ts';

const ALL_LOWER = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';

describe('TCVN3', () => {
  it('has the 67 lower-case letters and 7 capitals, one byte each, no two letters on one byte', () => {
    const values = Object.values(TCVN3_TABLE);
    expect(new Set(values).size).toBe(values.length);
    expect(values.length).toBe(74); // 60 toned vowels, ă â ê ô ơ ư đ, and 7 capitals
    for (const ch of ALL_LOWER) if (!/[aeiouy]/.test(ch)) expect(values).toContain(ch);
  });

  it('round-trips every lower-case letter', () => {
    expect(tcvn3ToUnicode(unicodeToTcvn3(ALL_LOWER))).toBe(ALL_LOWER);
  });

  it('capitals: the capitals font draws everything upper-case; all-caps words are restored', () => {
    expect(tcvn3ToUnicode('uû ban nh©n d©n', { upperCaseFont: true })).toBe('UỶ BAN NHÂN DÂN');
    expect(tcvn3ToUnicode('QUYÕT §ÞNH')).toBe('QUYẾT ĐỊNH');
    expect(tcvn3ToUnicode('CéNG HßA X· HéI')).toBe('CỘNG HÒA XÃ HỘI');
    // a mixed-case word keeps its lower-case letters
    expect(tcvn3ToUnicode('TP. Hå ChÝ Minh')).toBe('TP. Hồ Chí Minh');
  });
});

describe('VNI', () => {
  it('round-trips every letter, lower and upper case', () => {
    expect(vniToUnicode(unicodeToVni(ALL_LOWER))).toBe(ALL_LOWER);
    expect(vniToUnicode(unicodeToVni(ALL_LOWER.toUpperCase()))).toBe(ALL_LOWER.toUpperCase());
  });

  it('decodes base + mark sequences', () => {
    expect(vniToUnicode('Ngöôøi daân ñöôïc höôûng lôïi')).toBe('Người dân được hưởng lợi');
    expect(vniToUnicode('NGÖÔØI DAÂN')).toBe('NGƯỜI DÂN');
    expect(vniToUnicode('khuyeán khích')).toBe('khuyến khích');
  });
});

describe('detection and fonts', () => {
  it('tells TCVN3 from VNI from Unicode', () => {
    const s = 'Ủy ban nhân dân tỉnh giao các sở, ngành thực hiện nghiêm túc kế hoạch của tỉnh.';
    expect(detectLegacy(unicodeToTcvn3(s))).toBe('tcvn3');
    expect(detectLegacy(unicodeToVni(s))).toBe('vni');
    expect(detectLegacy(s)).toBeUndefined();
    expect(detectLegacy('plain ASCII only')).toBeUndefined();
  });

  it('knows the fonts', () => {
    expect(fontEncoding('.VnTime')).toEqual({ enc: 'tcvn3', upper: false });
    expect(fontEncoding('.VnTimeH')).toEqual({ enc: 'tcvn3', upper: true });
    expect(fontEncoding('.VnArial NarrowH')).toEqual({ enc: 'tcvn3', upper: true });
    expect(fontEncoding('VNI-Times')).toEqual({ enc: 'vni', upper: false });
    expect(fontEncoding('Times New Roman')).toBeUndefined();
  });
});
