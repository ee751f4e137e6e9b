import { describe, expect, it } from 'vitest';
import { clauseAt, readNames, ScannerTable, settleLeads } from './addressees';

/** A scanner of its own table: each reading below is an extraction of its own. */
const scanner = (s: string) => new ScannerTable().of(s);

const clause = (s: string) => clauseAt(scanner(s), 0);
const lead = (s: string): string[] | undefined => clause(s)?.lead;

describe('addressees', () => {
  it('reads "Giao X chủ trì, phối hợp với Y"', () => {
    const r = clause('Giao Sở Tài chính chủ trì, phối hợp với Chi cục Thông kê tỉnh và các sở, ngành liên quan tổ chức cuộc họp');
    expect(r?.lead).toEqual(['Sở Tài chính']);
    expect(r?.support).toEqual(['Chi cục Thống kê tỉnh', 'các sở, ngành liên quan']);
  });
  it('spells out lists of departments', () => {
    expect(lead('Các Sở: Tài chính, Xây dựng, Nông nghiệp và Môi trường, Công Thương...rà soát')).toEqual([
      'Sở Tài chính', 'Sở Xây dựng', 'Sở Nông nghiệp và Môi trường', 'Sở Công Thương',
    ]);
    expect(lead('Giao các Sở: Văn hóa, Thể thao và Du lịch, Nội vụ tổ chức')).toEqual(['Sở Văn hóa, Thể thao và Du lịch', 'Sở Nội vụ']);
    expect(readNames(scanner('các Bộ Tài chính, Tư pháp'), 0).names).toEqual(['Bộ Tài chính', 'Bộ Tư pháp']);
  });
  it('drops role words and uses canonical group names', () => {
    expect(lead('Người đứng đầu các cơ quan, địa phương phải trực tiếp chỉ đạo')).toEqual(['các sở, ban, ngành', 'UBND cấp xã']);
    expect(lead('Thủ trưởng các sở, ban, ngành, Chủ tịch UBND cấp xã chịu trách nhiệm')).toEqual(['các sở, ban, ngành', 'UBND cấp xã']);
    expect(lead('Giám đốc Sở Y tế chịu trách nhiệm')).toEqual(['Sở Y tế']);
    expect(lead('Các xã, phường triển khai thực hiện')).toEqual(['UBND cấp xã']);
    expect(lead('UBND các huyện, thị xã, thành phố chủ động rà soát')).toEqual(['UBND cấp huyện']);
  });
  it('reads headings that name the addressee', () => {
    expect(clause('Sở Nông nghiệp và Môi trường:')?.kind).toBe('heading');
    expect(lead('Ủy ban nhân dân các tỉnh, thành phố')).toEqual(['UBND cấp tỉnh']);
    expect(lead('Trách nhiệm của Sở Nội vụ')).toEqual(['Sở Nội vụ']);
    expect(lead('Ủy ban nhân dân các xã, phường có cụm công nghiệp')).toEqual(['Ủy ban nhân dân các xã, phường có cụm công nghiệp']);
  });
  it('reads multi-word names with one capital, up to the verb', () => {
    expect(lead('Ban Quản lý dự án đầu tư xây dựng số 1 đẩy nhanh tiến độ')).toEqual(['Ban Quản lý dự án đầu tư xây dựng số 1']);
    expect(lead('Ngành giáo dục và đào tạo quản lý tốt cơ sở vật chất')).toEqual(['Ngành giáo dục và đào tạo']);
    expect(lead('Công ty Điện lực Lào Cai khảo sát, xây dựng phương án cấp điện')).toEqual(['Công ty Điện lực Lào Cai']);
  });
  it('finds the addressee of requests and directions', () => {
    expect(lead('Đề nghị Ban Tuyên giáo và Dân vận Trung ương lãnh đạo, chỉ đạo')).toEqual(['Ban Tuyên giáo và Dân vận Trung ương']);
    expect(lead('Đề nghị UBND tỉnh chỉ đạo Bộ Chỉ huy Quân sự tỉnh phối hợp với Sở Tài chính xây dựng')).toEqual(['Bộ Chỉ huy Quân sự tỉnh']);
    expect(lead('Hội đồng nhân dân tỉnh đề nghị Ủy ban nhân dân tỉnh quan tâm chỉ đạo thực hiện một số công việc sau:')).toEqual(['Ủy ban nhân dân tỉnh']);
  });
  it('reads co-leads', () => {
    expect(lead('Giao Sở Công Thương đồng chủ trì với Sở Y tế kiểm soát thị trường')).toEqual(['Sở Công Thương', 'Sở Y tế']);
    expect(lead('Ban Thường vụ Tỉnh ủy, Thành ủy lãnh đạo, chỉ đạo')).toEqual(['Ban Thường vụ Tỉnh ủy', 'Ban Thường vụ Thành ủy']);
  });
  it('marks assessments', () => {
    expect(clause('Bộ Tài chính đã nghiêm túc thực hiện ý kiến chỉ đạo')?.nonTask).toBe(true);
    expect(clause('Hội đồng nhân dân tỉnh đánh giá cao tinh thần trách nhiệm')?.nonTask).toBe(true);
    expect(clause('Thị trường các-bon được coi là công cụ kinh tế')).toBeNull();
    expect(clause('Tăng trưởng GRDP đạt 6,56%')).toBeNull();
  });
  it('moves vague groups to support when a concrete lead exists', () => {
    expect(settleLeads(['Sở Tài chính', 'các cơ quan, đơn vị liên quan'], [])).toEqual({ lead: ['Sở Tài chính'], support: ['các cơ quan, đơn vị liên quan'] });
    expect(settleLeads(['các cơ quan, đơn vị liên quan'], []).lead).toEqual(['các cơ quan, đơn vị liên quan']);
  });
  it('splits table cells with parentheses and no separators', () => {
    expect(readNames(scanner('Bộ Tư pháp (đối với thủ tục hành chính) Bộ Tài chính (đối với điều kiện kinh doanh)'), 0).names).toEqual(['Bộ Tư pháp', 'Bộ Tài chính']);
    expect(readNames(scanner('Cơ sở khám bệnh, chữa bệnh trình cấp có thẩm quyền'), 0).names).toEqual(['Cơ sở khám bệnh, chữa bệnh']);
    expect(readNames(scanner('Bộ Y tế, Sở Y tế đối với địa phương'), 0).names).toEqual(['Bộ Y tế', 'Sở Y tế']);
  });
});
