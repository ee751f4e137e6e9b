/**
 * A People's Council resolution on questions to the executive (invented documents): its first
 * article opens with an assessment and ends by asking ("… yêu cầu:"), its items name nobody, and a
 * later article says who carries the resolution out — while those who supervise it do not.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './extract';

const resolution = (o: { province: string; opening: string; executor: string }, items: string) => `HỘI ĐỒNG NHÂN DÂN
TỈNH ${o.province.toUpperCase()}

Số: 31/NQ-HĐND

${o.province}, ngày 10 tháng 12 năm 2026

NGHỊ QUYẾT
Về chất vấn và trả lời chất vấn tại Kỳ họp thứ Mười

QUYẾT NGHỊ:

Điều 1. ${o.opening}

${items}

Điều 2. Tổ chức thực hiện
1. ${o.executor}
2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.

Nghị quyết này đã được Hội đồng nhân dân tỉnh khóa XI, Kỳ họp thứ Mười thông qua ngày 10 tháng 12 năm 2026./.

CHỦ TỊCH
Phan Văn H
`;

const ITEMS = `1. Lĩnh vực y tế
a) Khắc phục tình trạng thiếu thuốc tại các cơ sở khám bệnh, chữa bệnh công lập; hoàn thành trong quý I năm 2027.
b) Có giải pháp thu hút bác sĩ về công tác tại trạm y tế xã.

2. Lĩnh vực giao thông
a) Đẩy nhanh tiến độ nâng cấp đường tỉnh 827, hoàn thành trong năm 2027.
b) Có kế hoạch xử lý dứt điểm các điểm đen về tai nạn giao thông.`;

const itemsOf = (doc: string) => extract(doc).tasks.filter((t) => t.ref.startsWith('Điều 1'));

describe("a council resolution's requests that name nobody", () => {
  it.each([
    {
      province: 'Đông Hải',
      opening: 'Hội đồng nhân dân tỉnh cơ bản đánh giá cao tinh thần trách nhiệm của các thành viên Ủy ban nhân dân tỉnh. Để khắc phục những hạn chế, Hội đồng nhân dân tỉnh yêu cầu:',
      executor: 'Giao Ủy ban nhân dân tỉnh chỉ đạo các cơ quan liên quan thực hiện Nghị quyết này, báo cáo kết quả tại kỳ họp giữa năm 2027.',
      lead: 'Ủy ban nhân dân tỉnh',
    },
    {
      province: 'Tây Nguyên Thượng',
      opening: 'Hội đồng nhân dân tỉnh ghi nhận kết quả trả lời chất vấn và đề nghị như sau:',
      executor: 'Giao UBND tỉnh chỉ đạo tổ chức thực hiện Nghị quyết này.',
      lead: 'Ủy ban nhân dân tỉnh', // the directory's name of "UBND tỉnh"
    },
    {
      province: 'Bắc Giang Sơn',
      opening: 'Hội đồng nhân dân tỉnh đánh giá cao sự chuẩn bị của các cơ quan được chất vấn; thống nhất yêu cầu cụ thể:',
      executor: 'Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết này.',
      lead: 'Ủy ban nhân dân tỉnh',
    },
  ])('gives every item of "$opening" to the body charged with carrying it out', (o) => {
    const tasks = itemsOf(resolution(o, ITEMS));
    expect(tasks.map((t) => t.text.slice(0, 12))).toEqual(['a) Khắc phục', 'b) Có giải p', 'a) Đẩy nhanh', 'b) Có kế hoạ']);
    for (const t of tasks) {
      expect(t.lead).toEqual([o.lead]);
      expect(t.needsReview).toContain('lead-implicit');
    }
    expect(tasks.map((t) => t.due)).toEqual(['2027-03-31', null, '2027-12-31', null]);
  });

  it('does not give them to the bodies that only supervise', () => {
    const doc = resolution(
      { province: 'Nam Trung', opening: 'Hội đồng nhân dân tỉnh yêu cầu:', executor: 'Ủy ban nhân dân tỉnh có trách nhiệm báo cáo kết quả tại kỳ họp cuối năm 2027.' },
      ITEMS,
    );
    for (const t of itemsOf(doc)) expect(t.lead.join()).not.toMatch(/Thường trực|đại biểu/u);
  });
});
