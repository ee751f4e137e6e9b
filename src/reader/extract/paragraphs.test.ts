import { describe, expect, it } from 'vitest';
import { splitParagraphs } from './paragraphs';
import { parseLabel } from './labels';

describe('paragraphs', () => {
  it('joins hard-wrapped lines and page breaks but keeps labels apart', () => {
    const t = 'Căn cứ Luật Tổ chức chính quyền địa\nphương năm 2015;\n1. Về lĩnh vực Tài nguyên Môi\ntrường:\n- Chỉ\nđạo Sở Nội vụ rà soát, công khai, minh\n\nbạch.\na) Mục tiếp theo';
    const ps = splitParagraphs(t).map((p) => p.text);
    expect(ps).toEqual([
      'Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;',
      '1. Về lĩnh vực Tài nguyên Môi trường:',
      '- Chỉ đạo Sở Nội vụ rà soát, công khai, minh bạch.',
      'a) Mục tiếp theo',
    ]);
  });
  it('keeps offsets into the source', () => {
    const t = 'THÔNG BÁO\n\nGiao Sở Y tế\nchủ trì.';
    const p = splitParagraphs(t)[1];
    expect(t.slice(p.start, p.end)).toBe('Giao Sở Y tế\nchủ trì.');
  });
  it('does not join a short heading to the next sentence', () => {
    const ps = splitParagraphs('II. Về nhiệm vụ,\ncông tác năm 2017\nHội đồng nhân dân tỉnh thống nhất với các nhiệm vụ sau:').map((p) => p.text);
    expect(ps).toEqual(['II. Về nhiệm vụ, công tác năm 2017', 'Hội đồng nhân dân tỉnh thống nhất với các nhiệm vụ sau:']);
  });
});

describe('labels', () => {
  it('recognises the outline labels', () => {
    expect(parseLabel('II. NHIỆM VỤ')?.kind).toBe('roman');
    expect(parseLabel('Điều 2. Giao')?.kind).toBe('dieu');
    expect(parseLabel('2.1. Quyết tâm')?.level).toBe('dec2');
    expect(parseLabel('2.1.1 Rà soát')?.level).toBe('dec3');
    expect(parseLabel('đ) Sở Nội vụ')?.key).toBe('đ');
    expect(parseLabel('(3) Phối hợp')?.kind).toBe('paren');
    expect(parseLabel('- Tăng cường')?.kind).toBe('dash');
    expect(parseLabel('+ Thực hiện')?.kind).toBe('plus');
    expect(parseLabel('2.394 tỷ đồng')).toBeNull();
    expect(parseLabel('1 Nghị quyết số 66')).toBeNull();
  });
  it('reads lower-case roman numerals and lettered sub-items at one level each', () => {
    expect(['i) Sở Y tế', 'ii) Sở Tài chính', 'iii) Sở Nội vụ'].map((s) => parseLabel(s)?.level)).toEqual(['letter', 'letter', 'letter']);
    expect(['(i) Sở Y tế', '(ii) Sở Tài chính', '(iv) Sở Xây dựng'].map((s) => parseLabel(s)?.key)).toEqual(['(i)', '(ii)', '(iv)']);
    expect(['a.1) Sở Y tế', 'a.2. Sở Tài chính', 'b.1) Sở Xây dựng'].map((s) => [parseLabel(s)?.level, parseLabel(s)?.key])).toEqual([
      ['letter2', 'a.1'],
      ['letter2', 'a.2'],
      ['letter2', 'b.1'],
    ]);
    // words, not labels
    expect(parseLabel('vi phạm hành chính')).toBeNull();
    expect(parseLabel('a.1 và a.2')).toBeNull();
  });
});
