/**
 * "Có thể bị bỏ sót": paragraphs of the directive part that read like an instruction (an action
 * verb, an addressee) but became no task come back with the extraction, with their offsets, for
 * the review screen. Invented documents, several layouts.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './extract';
import { instructionAddressees } from './missed';
import { ScannerTable } from './addressees';

const NOTICE = `ỦY BAN NHÂN DÂN TỈNH AN PHÚ
VĂN PHÒNG

Số: 45/TB-VP

An Phú, ngày 03 tháng 11 năm 2026

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về công tác phòng cháy rừng

Ngày 30/10/2026, Chủ tịch UBND tỉnh chủ trì cuộc họp về công tác phòng cháy rừng. Tham dự có lãnh đạo Sở Nông nghiệp và Môi trường, Công an tỉnh.

I. ĐÁNH GIÁ CHUNG
Thời gian qua, Sở Nông nghiệp và Môi trường chủ động phối hợp với các địa phương triển khai công tác phòng cháy, chữa cháy rừng.
Sở Tài chính tiếp tục bố trí kinh phí cho lực lượng bảo vệ rừng.

II. NHIỆM VỤ THỜI GIAN TỚI
Công an tỉnh khẩn trương điều tra các vụ cháy rừng trong tháng 10, báo cáo kết quả trước ngày 30/11/2026.
1. Sở Nông nghiệp và Môi trường chủ trì rà soát phương án phòng cháy, hoàn thành trước ngày 15/12/2026.
2. Giao UBND các xã, phường tổ chức trực 24/24 giờ trong mùa khô.

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.
`;

const PLAN = `ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN

Số: 210/KH-UBND

Bình Sơn, ngày 12 tháng 9 năm 2026

KẾ HOẠCH
Triển khai chuyển đổi số trong trường học năm học 2026-2027

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng dạy học; Sở Giáo dục và Đào tạo tiếp tục phát huy vai trò đầu mối.

II. NHIỆM VỤ CỤ THỂ
Sở Khoa học và Công nghệ bảo đảm hạ tầng mạng cho các trường trước ngày 30/10/2026.
1. Sở Giáo dục và Đào tạo
- Xây dựng kho học liệu số dùng chung, hoàn thành trong tháng 12/2026.
- Tập huấn kỹ năng số cho giáo viên.
2. Sở Tài chính
- Bố trí kinh phí thực hiện Kế hoạch.

III. TỔ CHỨC THỰC HIỆN
Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tuyên truyền, vận động phụ huynh tham gia.
Yêu cầu các sở, ban, ngành nghiêm túc triển khai thực hiện Kế hoạch này./.
`;

/** A resolution: the instruction stands under the article's title, before its numbered items. */
const RESOLUTION = `HỘI ĐỒNG NHÂN DÂN TỈNH ĐÔNG HÀ

Số: 15/NQ-HĐND

Đông Hà, ngày 08 tháng 7 năm 2026

NGHỊ QUYẾT
Về nhiệm vụ phát triển kinh tế - xã hội 6 tháng cuối năm 2026

HỘI ĐỒNG NHÂN DÂN TỈNH ĐÔNG HÀ

QUYẾT NGHỊ:

Điều 1. Nhiệm vụ, giải pháp 6 tháng cuối năm 2026

Ủy ban nhân dân tỉnh khẩn trương đẩy nhanh giải ngân vốn đầu tư công, phấn đấu đạt 95% kế hoạch.

1. Sở Xây dựng chủ trì hoàn thành quy hoạch chung đô thị Đông Hà trước ngày 31/12/2026.

2. Sở Y tế khẩn trương nâng cấp trạm y tế xã trong quý IV/2026.

Điều 2. Tổ chức thực hiện

1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.
`;

const missedIn = (text: string) => extract(text).missed;

describe('paragraphs the reader may have missed', () => {
  it('marks an instruction with its addressee in the directive part that became no task, with its offsets', () => {
    for (const [doc, snippet, lead] of [
      [NOTICE, 'Công an tỉnh khẩn trương điều tra', 'Công an tỉnh'],
      [PLAN, 'Sở Khoa học và Công nghệ bảo đảm hạ tầng', 'Sở Khoa học và Công nghệ'],
      [RESOLUTION, 'Ủy ban nhân dân tỉnh khẩn trương đẩy nhanh', 'Ủy ban nhân dân tỉnh'],
    ] as const) {
      const r = extract(doc);
      expect(r.tasks.some((t) => t.text.includes(snippet))).toBe(false);
      const m = r.missed.find((x) => x.text.includes(snippet));
      expect(m, snippet).toBeDefined();
      expect(m!.lead).toEqual([lead]);
      // the offsets point at the paragraph in the source, as the review screen highlights it
      expect(doc.slice(m!.start, m!.end)).toBe(m!.text);
    }
  });

  it('does not mark the assessment part, though its sentences name agencies and verbs', () => {
    expect(missedIn(NOTICE).some((m) => /Thời gian qua|Sở Tài chính tiếp tục/u.test(m.text))).toBe(false);
    expect(missedIn(PLAN).some((m) => m.text.includes('phát huy vai trò'))).toBe(false);
  });

  it('does not mark paragraphs that are tasks, the headings of their items, the meeting account or the closing', () => {
    for (const doc of [NOTICE, PLAN, RESOLUTION]) {
      const r = extract(doc);
      for (const m of r.missed) for (const t of r.tasks) expect(m.start >= t.start && m.end <= t.end, m.text).toBe(false);
    }
    expect(missedIn(NOTICE)).toHaveLength(1);
    expect(missedIn(PLAN)).toHaveLength(1);
    expect(missedIn(RESOLUTION)).toHaveLength(1);
  });

  it('reads an instruction as one that gives someone something to do, not one that mentions an agency', () => {
    expect(instructionAddressees(new ScannerTable(), 'Đề nghị Sở Y tế phối hợp tuyên truyền.')).toEqual(['Sở Y tế']);
    expect(instructionAddressees(new ScannerTable(), 'a) Giao Sở Xây dựng rà soát quy hoạch.')).toEqual(['Sở Xây dựng']);
    expect(instructionAddressees(new ScannerTable(), 'Rà soát quy trình do Sở Nội vụ chủ trì.')).toEqual(['Sở Nội vụ']);
    expect(instructionAddressees(new ScannerTable(), 'Tuyên truyền Nghị quyết của Bộ Chính trị đến cán bộ, đảng viên.')).toBeNull();
    expect(instructionAddressees(new ScannerTable(), 'Biểu dương Sở Y tế đã hoàn thành tốt nhiệm vụ.')).toBeNull();
    expect(instructionAddressees(new ScannerTable(), 'Sở Y tế đã hoàn thành việc tiêm chủng.')).toBeNull();
  });
});
