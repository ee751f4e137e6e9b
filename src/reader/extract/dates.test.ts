import { describe, expect, it } from 'vitest';
import { findDeadlines, parseDueCell } from './dates';

const ctx = { refDate: '2025-07-14', year: 2025, addWorkingDays: (iso: string, n: number) => (iso === '2025-07-14' && n === 10 ? '2025-07-28' : 'x') };
const due = (s: string): string[] => findDeadlines(s, ctx).map((d) => d.iso);

describe('deadline phrases', () => {
  it('reads explicit dates after a deadline word', () => {
    expect(due('báo cáo UBND tỉnh trước ngày 22/7/2025.')).toEqual(['2025-07-22']);
    expect(due('chậm nhất ngày 05/8/2025 phải hoàn thành')).toEqual(['2025-08-05']);
    expect(due('hoàn thành trước ngày 10 tháng 6 năm 2026.')).toEqual(['2026-06-10']);
    expect(due('xong trước ngày 25/7')).toEqual(['2025-07-25']);
  });
  it('ignores dates that cite documents or meetings', () => {
    expect(due('theo Quyết định số 933/QĐ-UBND ngày 27/6/2025 của UBND tỉnh')).toEqual([]);
    expect(due('tại Thông báo số 09/TB-VPCP ngày 11 tháng 01 năm 2024 và cuộc họp ngày 22 tháng 8 năm 2024')).toEqual([]);
    expect(due('Ngày 03/7/2025, UBND tỉnh tổ chức Phiên họp')).toEqual([]);
  });
  it('turns months, quarters and halves into period ends', () => {
    expect(due('phấn đấu hoàn thành trong tháng 7 năm 2025')).toEqual(['2025-07-31']);
    expect(due('hoàn thành trong tháng 02/2026')).toEqual(['2026-02-28']);
    expect(due('Báo cáo kết quả trong quý III năm 2025.')).toEqual(['2025-09-30']);
    expect(due('đưa vào sử dụng trong Quý 4 năm 2017')).toEqual(['2017-12-31']);
    expect(due('tăng cường chỉ đạo trong 6 tháng cuối năm 2025')).toEqual(['2025-12-31']);
    expect(due('tạo chuyển biến trong những tháng cuối năm.')).toEqual(['2025-12-31']);
    expect(due('giải ngân vốn ngân sách nhà nước trong năm 2026.')).toEqual(['2026-12-31']);
  });
  it('reads a second date or period coordinated with the first under one deadline word', () => {
    expect(due('tổ chức trong tháng 10 và tháng 11/2025')).toEqual(['2025-10-31', '2025-11-30']);
    expect(due('báo cáo trước ngày 15/8 và 30/9/2025')).toEqual(['2025-08-15', '2025-09-30']);
    expect(due('hoàn thành trong quý III hoặc quý IV/2025')).toEqual(['2025-09-30', '2025-12-31']);
    // dates of cited documents stay citations
    expect(due('theo Quyết định ngày 15/6 và ngày 20/6/2025 của UBND tỉnh')).toEqual([]);
  });
  it('does not read "cho 6 tháng cuối năm" (a scope, not a deadline)', () => {
    expect(due('đề xuất kịch bản, giải pháp điều hành cho 6 tháng cuối năm')).toEqual([]);
  });
  it('handles recurring deadlines with the next date after the document date', () => {
    const d = findDeadlines('báo cáo trước ngày 15 hằng tháng', ctx);
    expect(d[0].iso).toBe('2025-07-15');
    expect(d[0].recurrence?.freq).toBe('monthly');
    const y = findDeadlines('định kỳ hằng năm báo cáo kết quả về Bộ Y tế trước ngày 31 tháng 12 để tổng hợp', ctx);
    expect(y[0].iso).toBe('2025-12-31');
    expect(y[0].recurrence?.freq).toBe('yearly');
    expect(due('chậm nhất vào ngày 05 hằng tháng')).toEqual(['2025-08-05']);
  });
  it('reads the period named before the day ("định kỳ hằng tháng … trước ngày 25")', () => {
    const monthly = (s: string) => findDeadlines(s, ctx).map((d) => [d.iso, d.recurrence?.freq, d.recurrence?.day]);
    expect(monthly('định kỳ hằng tháng báo cáo kết quả về Sở Tài chính trước ngày 25 để tổng hợp')).toEqual([['2025-07-25', 'monthly', 25]]);
    expect(monthly('Định kỳ hàng tháng, chậm nhất ngày 05, gửi báo cáo tiến độ')).toEqual([['2025-08-05', 'monthly', 5]]);
    expect(monthly('cập nhật số liệu hằng tháng lên hệ thống, vào ngày 20')).toEqual([['2025-07-20', 'monthly', 20]]);
    expect(monthly('cập nhật số liệu định kỳ hằng tháng, chậm nhất ngày 05.')).toEqual([['2025-08-05', 'monthly', 5]]);
    expect(monthly('báo cáo hằng tháng trước ngày 05.8.2025')).toEqual([['2025-08-05', undefined, undefined]]);
    // a full date, or a day of a named month, is one deadline; another clause's day is not the period's
    expect(monthly('hằng tháng rà soát; hoàn thành báo cáo trước ngày 25/7/2025')).toEqual([['2025-07-25', undefined, undefined]]);
    expect(monthly('kiểm tra hằng tháng, tổng kết trước ngày 20 tháng 12 năm 2025')).toEqual([['2025-12-20', undefined, undefined]]);
    expect(monthly('họp hằng tháng. Trước ngày 10, Sở Nội vụ gửi dự thảo')).toEqual([]);
  });
  it('counts working days from the signing date', () => {
    expect(due('trong 10 ngày làm việc kể từ ngày ký')).toEqual(['2025-07-28']);
    expect(due('trong 10 ngày kể từ ngày ký')).toEqual(['2025-07-24']);
    // counted from the document's own date however the document names itself
    expect(due('trong thời hạn 10 ngày làm việc kể từ ngày Thông báo này được ban hành')).toEqual(['2025-07-28']);
    expect(due('trong vòng 10 ngày kể từ ngày Quyết định này ký')).toEqual(['2025-07-24']);
    expect(due('trong 10 ngày kể từ ngày văn bản này được ký')).toEqual(['2025-07-24']);
  });
  it('takes the date of the event the work serves', () => {
    expect(due('các hoạt động nhân dịp kỷ niệm 78 năm Ngày Thương binh - Liệt sĩ (27/7/1947 – 27/7/2025); trong đó')).toEqual(['2025-07-27']);
  });
  it('uses an expected meeting month only for a report due at it', () => {
    expect(due('báo cáo kết quả tại Kỳ họp thứ Sáu, HĐND tỉnh (dự kiến tổ chức tháng 12/2017).')).toEqual(['2017-12-31']);
    expect(due('ngay sau khi được HĐND tỉnh thông qua tại Kỳ họp (dự kiến tổ chức vào tháng 12/2017).')).toEqual([]);
  });
  it('reads months without a year from the document date', () => {
    expect(due('hoàn thành trong tháng 8.')).toEqual(['2025-08-31']);
    expect(due('hoàn thành trong tháng 3')).toEqual(['2026-03-31']);
    expect(due('vào dịp tháng 8/2025 tổ chức')).toEqual([]);
  });
  it('reads several deadlines in order', () => {
    expect(due('trong Quý 4 năm 2017; trong tháng 3 năm 2018; xong trước ngày 30/8/2017.')).toEqual(['2017-12-31', '2018-03-31', '2017-08-30']);
  });
});

describe('table cells', () => {
  const cell = (s: string): string | null => parseDueCell(s, ctx).iso;
  it('maps periods to their last day', () => {
    expect(cell('Quý IV/2026')).toBe('2026-12-31');
    expect(cell('Tháng 3/2027')).toBe('2027-03-31');
    expect(cell('2026')).toBe('2026-12-31');
    expect(cell('2027 - 2030')).toBe('2030-12-31');
    expect(cell('2026 và hằng năm')).toBe('2026-12-31');
    expect(cell('Xong trong Quý II/2026')).toBe('2026-06-30');
    expect(cell('Từ quý III/2026 đến quý III/2030')).toBe('2030-09-30');
    expect(cell('Hoàn thành xong trước ngày 01/01/2030')).toBe('2030-01-01');
  });
  it('takes the last of several periods the cell names, without a deadline word', () => {
    expect(cell('Quý I, II/2027')).toBe('2027-06-30');
    expect(cell('Quý III - IV/2026')).toBe('2026-12-31');
    expect(cell('Quý II và quý III năm 2026')).toBe('2026-09-30');
    expect(cell('Đợt 1: tháng 5/2027; Đợt 2: tháng 10/2027')).toBe('2027-10-31');
    expect(cell('6 tháng đầu năm 2027')).toBe('2027-06-30');
    expect(cell('6 tháng cuối năm 2026')).toBe('2026-12-31');
    // "trước" a period still ends with the period before
    expect(cell('Trước tháng 10/2026')).toBe('2026-09-30');
    expect(cell('Trước quý IV/2026')).toBe('2026-09-30');
  });
  it('has no date for continuous work', () => {
    for (const s of ['Thường xuyên', 'Hằng năm', 'Hàng năm', 'Năm 2026 và các năm tiếp theo', 'Từ quý II/2027', 'Theo kế hoạch của Quốc hội', 'Đã hoàn thành', ''])
      expect(cell(s)).toBeNull();
  });
});
