import { describe, it, expect } from 'vitest';
import { findRegions, mergeAcrossPages, regionParagraphs, type ColItem, type ColLine } from './pdf-columns.ts';

let order = 0;
const it_ = (str: string, x: number, y: number, w = str.length * 6): ColItem => ({ str, x, y, w, size: 13, order: order++ });
const line = (...items: ColItem[]): ColLine => ({
  y: items[0].y,
  x0: Math.min(...items.map((i) => i.x)),
  x1: Math.max(...items.map((i) => i.x + i.w)),
  size: 13,
  text: items.map((i) => i.str).join(' '),
  items,
});
const join = (items: ColItem[]) => items.map((i) => i.str).join(' ');

describe('pdf columns', () => {
  it('a two-column header block becomes one paragraph per cell, lines kept', () => {
    order = 0;
    const lines = [
      line(it_('ỦY BAN NHÂN DÂN', 80, 780), it_('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 280, 780)),
      line(it_('TỈNH LÀO CAI', 95, 765), it_('Độc lập - Tự do - Hạnh phúc', 300, 765)),
      line(it_('Số: 12/UBND-KT', 85, 740), it_('Lào Cai, ngày 05 tháng 8 năm 2025', 290, 740)),
      line(it_('Kính gửi các sở, ban, ngành và Ủy ban nhân dân các xã, phường', 72, 700, 450)),
    ];
    const regions = findRegions(lines, join);
    expect(regions).toHaveLength(1);
    expect(regions[0]).toMatchObject({ from: 0, to: 2, kind: 'layout' });
    expect(regionParagraphs(regions[0])).toEqual([
      'ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/UBND-KT',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLào Cai, ngày 05 tháng 8 năm 2025',
    ]);
  });

  it('a table: cells in drawing order, a wrapped cell line split from its neighbour on a narrow gap', () => {
    order = 0;
    const hdr = [it_('STT', 60, 500, 20), it_('Nội dung nhiệm vụ', 150, 500), it_('Cơ quan chủ trì', 330, 500), it_('Thời gian', 450, 500)];
    // row 1 drawn cell by cell: number, content (two lines), lead (two lines), date; 8 pt between cells
    const n1 = it_('1', 65, 480, 6);
    const c1 = it_('Rà soát quy hoạch khoáng sản', 90, 480, 222);
    const c2 = it_('trên địa bàn tỉnh', 90, 466);
    const l1 = it_('Sở Nông nghiệp', 320, 480);
    const l2 = it_('và Môi trường', 320, 466);
    const d1 = it_('Quý III/2025', 450, 480);
    const lines = [line(...hdr), line(n1, c1, l1, d1), line(c2, l2)];
    const regions = findRegions(lines, join);
    expect(regions).toHaveLength(1);
    expect(regions[0].kind).toBe('table');
    expect(regionParagraphs(regions[0])).toEqual([
      'STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian',
      '1 | Rà soát quy hoạch khoáng sản trên địa bàn tỉnh | Sở Nông nghiệp và Môi trường | Quý III/2025',
    ]);
  });

  it('a table drawn line by line across the columns: rows start at the number column', () => {
    order = 0;
    const lines = [
      line(it_('STT', 60, 500, 20), it_('Nội dung nhiệm vụ', 150, 500), it_('Cơ quan chủ trì', 330, 500)),
      line(it_('1', 65, 480, 6), it_('Rà soát quy hoạch', 90, 480), it_('Sở Xây dựng', 330, 480)),
      line(it_('trên địa bàn', 90, 466), it_('và Công Thương', 330, 466)),
      line(it_('2', 65, 446, 6), it_('Kiểm tra', 90, 446), it_('Công an tỉnh', 330, 446)),
    ];
    const regions = findRegions(lines, join);
    expect(regionParagraphs(regions[0])).toEqual([
      'STT | Nội dung nhiệm vụ | Cơ quan chủ trì',
      '1 | Rà soát quy hoạch trên địa bàn | Sở Xây dựng và Công Thương',
      '2 | Kiểm tra | Công an tỉnh',
    ]);
  });

  it('a signature block cut by a page break is stitched back', () => {
    const a = { from: 40, to: 41, kind: 'layout' as const, gutters: [261], gaps: [[155, 366]] as Array<[number, number]>, rows: [['Nơi nhận:', 'CHÁNH VĂN PHÒNG']] };
    const b = { from: 0, to: 16, kind: 'layout' as const, gutters: [351], gaps: [[292, 409]] as Array<[number, number]>, rows: [['- Như trên;\n- Lưu: VT.', 'Lê Trí Hà']] };
    expect(mergeAcrossPages(a, b)).toBe(true);
    expect(regionParagraphs(a)).toEqual(['Nơi nhận:\n- Như trên;\n- Lưu: VT.', 'CHÁNH VĂN PHÒNG\nLê Trí Hà']);
    const c = { ...b, gaps: [[420, 500]] as Array<[number, number]> };
    expect(mergeAcrossPages(a, c)).toBe(false);
  });

  it('a table row continued on the next page; the repeated header row is dropped', () => {
    const head = ['STT', 'Nội dung', 'Chủ trì'];
    const a = { from: 30, to: 40, kind: 'table' as const, gutters: [80, 300], gaps: [[75, 85], [290, 310]] as Array<[number, number]>, rows: [head, ['1', 'Rà soát quy hoạch', 'Sở Xây']] };
    const b = { from: 0, to: 5, kind: 'table' as const, gutters: [80, 300], gaps: [[78, 88], [295, 305]] as Array<[number, number]>, rows: [head, ['', 'trên địa bàn', 'dựng'], ['2', 'Kiểm tra', 'Công an tỉnh']] };
    expect(mergeAcrossPages(a, b)).toBe(true);
    expect(regionParagraphs(a)).toEqual(['STT | Nội dung | Chủ trì', '1 | Rà soát quy hoạch trên địa bàn | Sở Xây dựng', '2 | Kiểm tra | Công an tỉnh']);
  });
});
