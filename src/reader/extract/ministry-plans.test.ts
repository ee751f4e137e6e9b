/**
 * Forms of a ministry's plan and of provincial plans addressed through a ministry's or a
 * province's own structure (invented documents, several variants each): lists of a ministry's
 * departments as an addressee heading, one body in each locality, and the body that "is the focal
 * point" for following the work up.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './extract';

const ministryPlan = (ministry: string, body: string) => `BỘ ${ministry.toUpperCase()}

Số: 812/KH-B${ministry.slice(0, 2).toUpperCase()}

Hà Nội, ngày 05 tháng 9 năm 2026

KẾ HOẠCH
Triển khai nhiệm vụ năm 2026

II. NHIỆM VỤ
${body}`;

const leadsOf = (doc: string) => extract(doc).tasks.map((t) => t.lead);

describe("a ministry's departments listed as an addressee heading", () => {
  it.each([
    ['Các Cục, Vụ, đơn vị thuộc Bộ:', 'các Cục, Vụ, đơn vị thuộc Bộ'],
    ['Các Vụ, Cục thuộc Bộ:', 'các Vụ, Cục thuộc Bộ'],
    ['Các Tổng cục, Cục:', 'các Tổng cục, Cục'],
    ['Các cục, vụ chức năng:', 'Các cục, vụ chức năng'],
  ])('"%s" leads each dash item under it', (heading, lead) => {
    const doc = ministryPlan('Công Thương', `1. ${heading}
- Rà soát thủ tục hành chính thuộc phạm vi quản lý, đề xuất cắt giảm;
- Cử cán bộ đầu mối, gửi danh sách về Văn phòng Bộ trước ngày 15/10/2026.
`);
    expect(leadsOf(doc)).toEqual([[lead], [lead]]);
    expect(extract(doc).tasks[1].due).toBe('2026-10-15');
  });

  it('does not take cases ("các vụ việc", "các vụ án") for bodies', () => {
    const doc = ministryPlan('Tư pháp', `1. Thanh tra Bộ giải quyết dứt điểm các vụ việc khiếu nại kéo dài trước ngày 30/11/2026.
2. Các vụ việc tồn đọng phải được giải quyết dứt điểm trong quý IV/2026.
3. Các vụ án hành chính được theo dõi chặt chẽ.
`);
    expect(leadsOf(doc)).toEqual([['Thanh tra Bộ']]);
  });
});

describe('one body in each locality', () => {
  it.each([
    ['Đề nghị Sở Y tế các tỉnh, thành phố trực thuộc Trung ương phối hợp cung cấp số liệu.', 'Sở Y tế các tỉnh, thành phố trực thuộc Trung ương'],
    ['Công an các xã, phường tăng cường tuần tra bảo đảm an ninh trật tự.', 'Công an các xã, phường'],
    ['Phòng Kinh tế các xã, phường tổng hợp số liệu trước ngày 20/10/2026.', 'Phòng Kinh tế các xã, phường'],
    ['Sở Nông nghiệp và Môi trường các tỉnh báo cáo diện tích gieo trồng trước ngày 20/10/2026.', 'Sở Nông nghiệp và Môi trường các tỉnh'],
  ])('keeps "%s" as one addressee, as printed', (item, lead) => {
    expect(leadsOf(ministryPlan('Nông nghiệp và Môi trường', `1. ${item}\n`))).toEqual([[lead]]);
  });

  it('still reads a list whose second name is a group of localities', () => {
    const doc = ministryPlan('Xây dựng', '1. Sở Xây dựng, các xã, phường rà soát nhà ở xuống cấp trước ngày 30/11/2026.\n');
    expect(leadsOf(doc)[0][0]).toBe('Sở Xây dựng');
    expect(leadsOf(doc)[0]).toHaveLength(2);
  });
});

describe('the focal point ("là đầu mối") of the follow-up', () => {
  it.each([
    'Văn phòng UBND tỉnh là đầu mối theo dõi, tổng hợp kết quả, báo cáo Chủ tịch UBND tỉnh trước ngày 15/12/2026.',
    'Sở Kế hoạch và Đầu tư là đơn vị đầu mối, tổng hợp khó khăn, vướng mắc, báo cáo UBND tỉnh trước ngày 15/12/2026.',
    'Sở Nội vụ là đơn vị thường trực, theo dõi, đôn đốc các cơ quan thực hiện, báo cáo kết quả trước ngày 15/12/2026.',
  ])('"%s" is a task of that body', (item) => {
    const t = extract(`ỦY BAN NHÂN DÂN
TỈNH BẮC SƠN

Số: 90/KH-UBND

Bắc Sơn, ngày 01 tháng 10 năm 2026

KẾ HOẠCH
Thực hiện chương trình năm 2026

III. TỔ CHỨC THỰC HIỆN
${item}
`).tasks;
    expect(t).toHaveLength(1);
    expect(t[0].lead).toEqual([item.split(' là ')[0]]);
    expect(t[0].due).toBe('2026-12-15');
  });
});

describe('a list of ministries named by their fields', () => {
  const directive = (item: string) =>
    extract(`THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 19/CT-TTg\n\nHà Nội, ngày 05 tháng 9 năm 2026\n\nCHỈ THỊ\nVề tăng cường quản lý\n\n1. ${item}\n`).tasks[0]?.lead;

  it.each([
    ['Giao các Bộ: Quốc phòng, Công an rà soát quy định trước ngày 30/10/2026.', ['Bộ Quốc phòng', 'Bộ Công an']],
    ['Bộ trưởng các Bộ: Công an, Tư pháp chỉ đạo lực lượng chức năng tăng cường kiểm tra.', ['Bộ Công an', 'Bộ Tư pháp']],
    ['Các Bộ: Tài chính, Công an và Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện.', ['Bộ Tài chính', 'Bộ Công an', 'Văn phòng Chính phủ']],
    ['Giao các Bộ: Văn hóa, Thể thao và Du lịch, Công an, Ban Tuyên giáo Trung ương phối hợp tuyên truyền.', ['Bộ Văn hóa, Thể thao và Du lịch', 'Bộ Công an', 'Ban Tuyên giáo Trung ương']],
  ])('%s', (item, leads) => {
    expect(directive(item)).toEqual(leads);
  });
});
