/**
 * Items of conclusion notices that charge two bodies one after the other (invented documents):
 * "Đề nghị X …; Y …" charges Y too, as "Giao X …; Y …" does, unless Y only promises.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './extract';

const notice = (items: string) => `ỦY BAN NHÂN DÂN
TỈNH NAM SƠN

Số: 215/TB-UBND

Nam Sơn, ngày 22 tháng 9 năm 2026

THÔNG BÁO
Kết luận của Phó Chủ tịch UBND tỉnh tại buổi làm việc về dự án Khu công nghiệp Bắc Nam Sơn

${items}
`;

const leadsOf = (items: string) => extract(notice(items)).tasks.map((t) => t.lead);

describe('a second body charged after a semicolon of a request', () => {
  it.each([
    ['1. Đề nghị Công ty cổ phần Hạ tầng Nam Sơn hoàn thiện hồ sơ điều chỉnh dự án, gửi Sở Tài chính trước 15/10; Sở Tài chính thẩm định, tham mưu UBND tỉnh trong tháng 11.', ['Công ty cổ phần Hạ tầng Nam Sơn', 'Sở Tài chính']],
    ['1. Đề nghị Điện lực Nam Sơn di dời đường dây trung thế trong tháng 10/2026; UBND xã Tân Lập hỗ trợ mặt bằng thi công.', ['Điện lực Nam Sơn', 'UBND xã Tân Lập']],
    ['1. Đề nghị Ban Quản lý dự án đầu tư xây dựng tỉnh đẩy nhanh tiến độ thi công; Sở Xây dựng kiểm tra chất lượng công trình.', ['Ban Quản lý dự án đầu tư xây dựng tỉnh', 'Sở Xây dựng']],
  ])('%s', (item, leads) => {
    expect(leadsOf(item)).toEqual([leads]);
  });

  it('does not charge the issuer that only promises ("…; UBND tỉnh sẽ xem xét")', () => {
    expect(leadsOf('1. Đề nghị Công ty cổ phần Hạ tầng Nam Sơn bổ sung hồ sơ; UBND tỉnh sẽ xem xét, quyết định sau khi có đủ hồ sơ.')).toEqual([['Công ty cổ phần Hạ tầng Nam Sơn']]);
  });
});

describe('items that open with a topic or an approval', () => {
  // (an approval followed by a sentence that charges a body was read before; kept here as a guard)
  it.each([
    ['1. Các nội dung khác: Văn phòng UBND tỉnh tổng hợp, báo cáo Chủ tịch UBND tỉnh.', ['Văn phòng UBND tỉnh']],
    ['1. Các kiến nghị khác: Sở Tài chính nghiên cứu, tham mưu UBND tỉnh trước ngày 30/10/2026.', ['Sở Tài chính']],
    ['1. Một số vấn đề phát sinh: Sở Xây dựng chủ trì giải quyết theo thẩm quyền.', ['Sở Xây dựng']],
  ])('reads who does what after the topic: %s', (item, leads) => {
    expect(leadsOf(item)).toEqual([leads]);
  });

  it.each([
    ['1. Về đề xuất mở rộng nhà máy: Thống nhất chủ trương. Sở Xây dựng hướng dẫn thủ tục cấp phép xây dựng.', ['Sở Xây dựng']],
    ['1. Thống nhất với đề xuất của Sở Y tế. Sở Tài chính bố trí kinh phí trước ngày 15/11/2026.', ['Sở Tài chính']],
    ['1. Về đề nghị gia hạn: Thống nhất chủ trương. Doanh nghiệp chủ động hoàn thiện hồ sơ; Sở Nông nghiệp và Môi trường thẩm định.', ['Doanh nghiệp', 'Sở Nông nghiệp và Môi trường']],
  ])('makes an approval followed by a body charged in the next sentence a task: %s', (item, leads) => {
    expect(leadsOf(item)).toEqual([leads]);
  });

  it('leaves a bare approval without a task', () => {
    expect(leadsOf('1. Thống nhất với đề xuất của Sở Y tế về phương án tổ chức.')).toEqual([]);
  });
});

describe('items numbered "(ii)", "ii)" and "a.1)"', () => {
  it.each([
    ['(i)', '(ii)', '(iii)'],
    ['i)', 'ii)', 'iii)'],
    ['a.1)', 'a.2)', 'a.3)'],
  ])('reads each of %s %s %s as its own task', (x, y, z) => {
    const tasks = extract(
      notice(`1. Phát triển kinh tế số
${x} Sở Công Thương hỗ trợ doanh nghiệp đưa sản phẩm lên sàn thương mại điện tử;
${y} Sở Tài chính bố trí kinh phí thực hiện, hoàn thành trước ngày 31/3/2027;
${z} Sở Khoa học và Công nghệ hướng dẫn chuyển đổi số cho hợp tác xã.`),
    ).tasks;
    expect(tasks.map((t) => t.lead)).toEqual([['Sở Công Thương'], ['Sở Tài chính'], ['Sở Khoa học và Công nghệ']]);
    expect(tasks.map((t) => t.due)).toEqual([null, '2027-03-31', null]);
  });
});
