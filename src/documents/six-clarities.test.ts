import { describe, it, expect } from 'vitest';
import { unclearOf } from './six-clarities';

const syt = { name: 'Sở Y tế', agencyId: 'a-syt' };
const stc = { name: 'Sở Tài chính', agencyId: 'a-stc' };

describe('the "6 rõ" check', () => {
  it('finds nothing unclear in a well-given task', () => {
    expect(
      unclearOf({ text: 'Sở Y tế chủ trì xây dựng kế hoạch tiêm chủng mở rộng, báo cáo UBND tỉnh.', leads: [syt], supports: [stc], due: '2025-08-15' }),
    ).toEqual([]);
  });

  it('names each of the six an item leaves open', () => {
    expect(unclearOf({ text: 'Về vấn đề này.', leads: [], supports: [] })).toEqual(['lead', 'action', 'deadline', 'responsibility', 'product', 'authority']);
  });

  it('counts an unresolved lead, shared leads and a lead that also supports', () => {
    const base = { text: 'Rà soát, báo cáo kết quả về UBND tỉnh trước ngày 30/8.', due: '2025-08-30' };
    expect(unclearOf({ ...base, leads: [{ name: 'Ban Quản lý dự án' }], supports: [] })).toEqual(['lead']);
    expect(unclearOf({ ...base, leads: [syt, stc], supports: [] })).toEqual(['responsibility']);
    expect(unclearOf({ ...base, leads: [syt], supports: [syt] })).toEqual(['responsibility']);
    expect(unclearOf({ ...base, leads: [{ name: 'Các cơ quan liên quan' }], supports: [] })).toEqual(['lead', 'responsibility']);
  });

  it('takes an ongoing duty, a product field or a leader in charge as clear', () => {
    const item = { text: 'Sở Y tế thường xuyên kiểm tra an toàn thực phẩm.', leads: [syt], supports: [] };
    expect(unclearOf(item)).toEqual(['product', 'authority']);
    expect(unclearOf({ ...item, expectedResult: 'Biên bản kiểm tra', leaderId: 'u-pct' })).toEqual([]);
  });
});
