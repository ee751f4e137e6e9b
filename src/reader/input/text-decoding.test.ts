import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeTextBytes, sniffUtf16, utf8OrUndefined } from './text-decoding.ts';
import { LEGACY_SAMPLE } from './fixtures/sample-text.ts';

const here = dirname(fileURLToPath(import.meta.url));
const TEXT = 'Cao Bằng, ngày 14 tháng 7 năm 2025\n\nTHÔNG BÁO\n\nGiao Sở Nông nghiệp và Môi trường chủ trì, hoàn thành trước ngày 22/7/2025.';

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (le) out.push(c & 0xff, c >> 8);
    else out.push(c >> 8, c & 0xff);
  }
  return Uint8Array.from(out);
}

describe('text decoding', () => {
  const enc = new TextEncoder();

  it('UTF-8 with and without BOM', () => {
    expect(decodeTextBytes(enc.encode(TEXT))).toMatchObject({ text: TEXT, encoding: 'utf-8', warnings: [] });
    expect(decodeTextBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc.encode(TEXT)])).text).toBe(TEXT);
  });

  it('UTF-16 LE and BE, with a BOM or recognised without one', () => {
    for (const le of [true, false]) {
      for (const bom of [true, false]) {
        const r = decodeTextBytes(utf16(TEXT, le, bom));
        expect(r.text).toBe(TEXT);
        expect(r.encoding).toBe(le ? 'utf-16le' : 'utf-16be');
      }
    }
    expect(sniffUtf16(enc.encode(TEXT))).toBeUndefined();
  });

  it('NFD text comes out NFC; CRLF comes out \\n', () => {
    const r = decodeTextBytes(enc.encode(TEXT.normalize('NFD').replace(/\n/g, '\r\n')));
    expect(r.text).toBe(TEXT);
  });

  it('TCVN3 (ABC) bytes are detected and converted (known real-world strings)', () => {
    const bytes = Uint8Array.from('Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\nTH¤NG B¸O KÕT LUËN\nGiao Së Tµi chÝnh chñ tr×, phèi hîp víi c¸c së, ngµnh liªn quan thùc hiÖn.', (c) => c.charCodeAt(0));
    const r = decodeTextBytes(bytes);
    expect(r.encoding).toBe('tcvn3');
    expect(r.text).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nTHÔNG BÁO KẾT LUẬN\nGiao Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan thực hiện.');
    expect(r.warnings[0]).toMatch(/TCVN3/);
  });

  it('VNI bytes are detected and converted (known real-world strings)', () => {
    const latin1 = 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\nTHOÂNG BAÙO KEÁT LUAÄN\nGiao Sôû Taøi chính chuû trì, phoái hôïp vôùi caùc sôû, ngaønh lieân quan thöïc hieän.';
    const r = decodeTextBytes(Uint8Array.from(latin1, (c) => c.charCodeAt(0)));
    expect(r.encoding).toBe('vni');
    expect(r.text).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nTHÔNG BÁO KẾT LUẬN\nGiao Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan thực hiện.');
  });

  it('the TCVN3 and VNI fixtures round-trip to the Unicode sample', () => {
    for (const [f, enc2] of [['tcvn3.txt', 'tcvn3'], ['vni.txt', 'vni']] as const) {
      const r = decodeTextBytes(new Uint8Array(readFileSync(join(here, 'fixtures', f))));
      expect(r.encoding).toBe(enc2);
      expect(r.text).toBe(LEGACY_SAMPLE);
    }
  });

  it('TCVN3 text pasted into a UTF-8 file ("Céng hoµ" as Unicode) is converted too', () => {
    const r = decodeTextBytes(enc.encode('Céng hoµ x· héi chñ nghÜa ViÖt Nam. Giao c¸c së, ngµnh thùc hiÖn.'));
    expect(r.encoding).toBe('tcvn3');
    expect(r.text).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam. Giao các sở, ngành thực hiện.');
  });

  it('Unicode Vietnamese and other Latin-1 text are left alone', () => {
    expect(decodeTextBytes(enc.encode(TEXT)).encoding).toBe('utf-8');
    const fr = decodeTextBytes(Uint8Array.from('Café crème à la française, très naïve.', (c) => c.charCodeAt(0)));
    expect(fr.text).toBe('Café crème à la française, très naïve.');
    expect(fr.encoding).toBe('windows-1252');
  });

  it('Windows-1258 bytes (base letters + combining tone bytes) are converted', () => {
    // "Việt Nam, tỉnh Lào Cai, các sở thực hiện": built from the code page's own bytes
    const latin = 'Vi\u00ea\u00f2t Nam, ti\u00d2nh La\u00cco Cai, ca\u00ecc s\u00f5\u00d2 th\u00fd\u00f2c hi\u00ea\u00f2n c\u00f4ng ta\u00ecc cu\u00d2a ca\u00ecc s\u00f5\u00d2, nga\u00ccnh';
    const r = decodeTextBytes(Uint8Array.from(latin, (c) => c.charCodeAt(0)));
    expect(r.encoding).toBe('windows-1258');
    expect(r.text).toBe('Việt Nam, tỉnh Lào Cai, các sở thực hiện công tác của các sở, ngành');
  });

  it('UTF-8 read as Windows-1252 and saved again ("Viá»‡t Nam") is repaired', () => {
    const s = 'Ủy ban nhân dân tỉnh giao các sở, ngành thực hiện kế hoạch của tỉnh.';
    const bytes = new TextEncoder().encode(s);
    const mojibake = new TextDecoder('windows-1252').decode(bytes);
    const r = decodeTextBytes(new TextEncoder().encode(mojibake));
    expect(r.text).toBe(s);
    expect(r.warnings[0]).toMatch(/hai lần/);
  });

  it('well-encoded text where "á" happens to precede a dash or a quote is left as it is', () => {
    const s = 'Giao Sở Y tế thực hiện rà soát các chỉ tiêu “khá–tốt” của năm 2025 và báo cáo kết quả.'.repeat(3);
    const r = decodeTextBytes(new TextEncoder().encode(s));
    expect(r.text).toBe(s);
    expect(r.warnings).toEqual([]);
  });

  it('says whether its text is already normalized, so that it is not normalized twice', () => {
    expect(decodeTextBytes(enc.encode(`${TEXT}\r\n\u00a0`)).normalized).toBe(true);
    // a zero-width space between a letter and its combining accent: once removed, the pair is no
    // longer NFC, and the caller must normalize again
    const r = decodeTextBytes(enc.encode('Ca\u200b\u0301c sở'));
    expect(r.normalized).toBe(false);
    expect(r.text).toBe('Ca\u0301c sở');
  });

  it('refuses invalid UTF-8 as a fatal decoder does (truncated, overlong, surrogate)', () => {
    for (const bad of [[0x41, 0xe1, 0xbb], [0x41, 0xc0, 0x80], [0x41, 0xed, 0xa0, 0x80]]) {
      expect(decodeTextBytes(Uint8Array.from(bad)).encoding).not.toBe('utf-8');
    }
  });

  it('decodes UTF-8 as TextDecoder does, for every character (one to four bytes)', () => {
    const cps: number[] = [];
    for (let c = 1; c < 0x110000; c += c < 0x10000 ? 1 : 97) if (c < 0xd800 || c > 0xdfff) cps.push(c);
    let s = '';
    for (let k = 0; k < cps.length; k += 8192) s += String.fromCodePoint(...cps.slice(k, k + 8192));
    const bytes = enc.encode(s);
    expect(utf8OrUndefined(bytes)).toBe(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    expect(utf8OrUndefined(enc.encode(TEXT))).toBe(TEXT);
  });
});
