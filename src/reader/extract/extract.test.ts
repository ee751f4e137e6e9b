import { describe, expect, it } from 'vitest';
import { extract } from './extract';
import type { ExtractOptions } from './types';

const find = (r: ReturnType<typeof extract>, s: string) => r.tasks.find((t) => t.text.includes(s));

const LETTER = `ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN

Số: 1234/UBND-KT

Nghệ An, ngày 05 tháng 3 năm 2025

V/v tăng cường quản lý an toàn thực phẩm

Kính gửi:
- Các sở, ban, ngành cấp tỉnh;
- UBND các huyện, thành phố, thị xã.

Để bảo đảm an toàn thực phẩm trong dịp lễ hội, Chủ tịch UBND tỉnh có ý kiến như sau:

1. Sở Y tế chủ trì, phối hợp với Sở Công Thương, Sở Nông nghiệp và Phát triển nông thôn tổ chức kiểm tra liên ngành; báo cáo kết quả về UBND tỉnh trước ngày 30/4/2025.

2. Giao Sở Công Thương đồng chủ trì với Sở Y tế kiểm soát thị trường; hoàn thành trong quý II năm 2025.

3. Công an tỉnh tăng cường điều tra, xử lý các hành vi buôn bán thực phẩm giả.

4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tuyên truyền, vận động Nhân dân.

5. UBND các huyện, thành phố, thị xã:
a) Chỉ đạo UBND cấp xã rà soát các cơ sở sản xuất nhỏ lẻ; hoàn thành trước ngày 15/5/2025.
b) Báo cáo kết quả thực hiện về Sở Y tế trước ngày 20 hằng tháng.

Yêu cầu Thủ trưởng các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn Đệ`;

const PLAN = `BỘ Y TẾ

Số: 45/KH-BYT

Hà Nội, ngày 10 tháng 01 năm 2026

KẾ HOẠCH
Triển khai công tác phòng, chống dịch năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Các đơn vị chủ động phòng, chống dịch bệnh.

II. NHIỆM VỤ VÀ PHÂN CÔNG

1. Cục Y tế dự phòng
- Chủ trì xây dựng kế hoạch giám sát dịch bệnh, trình Bộ trưởng trong tháng 02/2026.
- Hướng dẫn các địa phương triển khai các biện pháp phòng, chống dịch.

2. Vụ Kế hoạch - Tài chính: Bố trí kinh phí thực hiện Kế hoạch; hoàn thành trước ngày 31/3/2026.

3. Đề nghị Sở Y tế các tỉnh, thành phố trực thuộc Trung ương:
a) Xây dựng kế hoạch phòng, chống dịch của địa phương trong quý I/2026.
b) Định kỳ báo cáo Bộ Y tế trước ngày 25 hằng tháng.

III. KINH PHÍ
Kinh phí do ngân sách nhà nước bảo đảm.`;

const TABLE_PLAN = `ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 88/KH-UBND | Đồng Nai, ngày 20 tháng 02 năm 2026

KẾ HOẠCH

Thực hiện chuyển đổi số năm 2026

II. NHIỆM VỤ CỤ THỂ

STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm
1 | Xây dựng kho dữ liệu dùng chung của tỉnh | Sở Khoa học và Công nghệ | Các sở, ban, ngành | Quý III/2026 | Kho dữ liệu
2 | Số hóa hồ sơ thủ tục hành chính | Văn phòng UBND tỉnh | UBND cấp xã | Tháng 6/2026 | Dữ liệu số
 |  | Văn phòng UBND tỉnh |  | Tháng 12/2026 | Báo cáo tổng kết
3 | Đào tạo kỹ năng số | Sở Nội vụ; Sở Khoa học và Công nghệ | Các cơ quan, đơn vị liên quan | Thường xuyên | Lớp đào tạo

III. TỔ CHỨC THỰC HIỆN

1. Các sở, ban, ngành, UBND cấp xã căn cứ Kế hoạch này xây dựng kế hoạch chi tiết, gửi Sở Khoa học và Công nghệ trước ngày 15/3/2026.

2. Sở Tài chính tham mưu bố trí kinh phí thực hiện.`;

const NOTICE = `UBND TỈNH QUẢNG NINH
VĂN PHÒNG

Số: 201/TB-VP

Quảng Ninh, ngày 12 tháng 9 năm 2025

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về các dự án trọng điểm

Ngày 10/9/2025, Chủ tịch UBND tỉnh chủ trì buổi làm việc. Chủ tịch UBND tỉnh kết luận như sau:

I. ĐÁNH GIÁ CHUNG
Sở Xây dựng đã nỗ lực triển khai các dự án. Tuy nhiên tiến độ còn chậm.

II. NHIỆM VỤ THỜI GIAN TỚI
1. Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh khẩn trương hoàn thiện hồ sơ thiết kế, hoàn thành trong tháng 10/2025.
2. Sở Xây dựng:
- Thẩm định hồ sơ thiết kế, bảo đảm chất lượng.
- Kiểm tra công tác quản lý chất lượng công trình trong quý IV/2025.
3. Giao Sở Tài chính phối hợp với Kho bạc Nhà nước tỉnh giải ngân vốn theo quy định; định kỳ báo cáo UBND tỉnh trước ngày 05 hằng tháng.

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.`;

describe('official letter of another province', () => {
  const r = extract(LETTER);
  it('reads the metadata', () => {
    expect(r.document.kind).toBe('CÔNG VĂN');
    expect(r.document.number).toBe('1234/UBND-KT');
    expect(r.document.date).toBe('2025-03-05');
    expect(r.document.signer).toBe('Nguyễn Văn Đệ');
    expect(r.document.signerTitle).toBe('PHÓ CHỦ TỊCH');
  });
  it('finds one task per item, not the Kính gửi list nor the closing', () => {
    expect(r.tasks.length).toBe(6);
    expect(r.tasks.some((t) => /Kính gửi|nghiêm túc triển khai thực hiện\.\/\./u.test(t.text))).toBe(false);
  });
  it('reads leads, supports and deadlines', () => {
    const t1 = find(r, 'kiểm tra liên ngành')!;
    expect(t1.lead).toEqual(['Sở Y tế']);
    expect(t1.support).toContain('Sở Công Thương');
    expect(t1.due).toBe('2025-04-30');
    expect(find(r, 'kiểm soát thị trường')!.lead).toEqual(['Sở Công Thương', 'Sở Y tế']);
    expect(find(r, 'kiểm soát thị trường')!.due).toBe('2025-06-30');
    expect(find(r, 'tuyên truyền, vận động')!.lead).toEqual(['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'các tổ chức chính trị - xã hội']);
  });
  it('gives the heading addressee to its items and keeps "Chỉ đạo X" with the heading', () => {
    const a = find(r, 'cơ sở sản xuất nhỏ lẻ')!;
    expect(a.lead).toEqual(['UBND cấp huyện']);
    expect(a.due).toBe('2025-05-15');
    const b = find(r, 'hằng tháng')!;
    expect(b.due).toBe('2025-03-20');
    expect(b.recurrence?.freq).toBe('monthly');
  });
  it('gives offsets that point at the item', () => {
    const t = find(r, 'Công an tỉnh')!;
    expect(LETTER.slice(t.start, t.end)).toContain('Công an tỉnh tăng cường điều tra');
  });
});

describe('ministry plan with headings, dashes and requests', () => {
  const r = extract(PLAN);
  it('skips the purpose and funding sections', () => {
    expect(r.tasks.some((t) => t.text.includes('phòng, chống dịch bệnh.') && t.text.startsWith('1.'))).toBe(false);
    expect(r.tasks.some((t) => t.text.includes('ngân sách nhà nước bảo đảm'))).toBe(false);
  });
  it('gives heading addressees to dashes and letters', () => {
    expect(find(r, 'giám sát dịch bệnh')!.lead).toEqual(['Cục Y tế dự phòng']);
    expect(find(r, 'giám sát dịch bệnh')!.due).toBe('2026-02-28');
    expect(find(r, 'Bố trí kinh phí')!.lead).toEqual(['Vụ Kế hoạch - Tài chính']);
    expect(find(r, 'quý I/2026')!.due).toBe('2026-03-31');
    expect(r.tasks.length).toBe(5);
  });
});

describe('plan with a task table', () => {
  const r = extract(TABLE_PLAN);
  it('makes one task per row and merges continuation rows', () => {
    const rows = r.tasks.filter((t) => t.ref.startsWith('PL'));
    expect(rows.length).toBe(3);
    const r2 = find(r, 'Số hóa hồ sơ')!;
    expect(r2.lead).toEqual(['Văn phòng UBND tỉnh']);
    expect(r2.due).toBe('2026-12-31');
    expect(r2.milestones.map((m) => m.date)).toEqual(['2026-06-30']);
    expect(find(r, 'kho dữ liệu')!.due).toBe('2026-09-30');
    expect(find(r, 'kho dữ liệu')!.product).toBe('Kho dữ liệu');
    expect(find(r, 'kỹ năng số')!.lead).toEqual(['Sở Nội vụ', 'Sở Khoa học và Công nghệ']);
    expect(find(r, 'kỹ năng số')!.due).toBeNull();
  });
  it('still reads the prose of the implementation section', () => {
    expect(find(r, 'kế hoạch chi tiết')!.lead).toEqual(['các sở, ban, ngành', 'UBND cấp xã']);
    expect(find(r, 'kế hoạch chi tiết')!.due).toBe('2026-03-15');
    expect(find(r, 'bố trí kinh phí')!.lead).toEqual(['Sở Tài chính']);
  });
});

describe('conclusion notice with an assessment part', () => {
  const r = extract(NOTICE);
  it('skips the assessment and the closing', () => {
    expect(r.tasks.some((t) => t.text.includes('đã nỗ lực'))).toBe(false);
    expect(r.tasks.some((t) => t.text.includes('biết, thực hiện'))).toBe(false);
    expect(r.tasks.length).toBe(4);
  });
  it('reads leads and deadlines', () => {
    expect(find(r, 'hồ sơ thiết kế, hoàn thành')!.lead).toEqual(['Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh']);
    expect(find(r, 'hồ sơ thiết kế, hoàn thành')!.due).toBe('2025-10-31');
    expect(find(r, 'quản lý chất lượng công trình')!.lead).toEqual(['Sở Xây dựng']);
    expect(find(r, 'quản lý chất lượng công trình')!.due).toBe('2025-12-31');
    const t = find(r, 'giải ngân vốn')!;
    expect(t.lead).toEqual(['Sở Tài chính']);
    expect(t.support).toEqual(['Kho bạc Nhà nước tỉnh']);
    expect(t.due).toBe('2025-10-05');
    expect(r.document.meetingDate).toBe('2025-09-10');
  });
});

describe('resolution with lead-ins and inherited deadlines', () => {
  const text = `NGHỊ QUYẾT
VỀ NHIỆM VỤ NĂM 2024
HỘI ĐỒNG NHÂN DÂN TỈNH KON TUM
QUYẾT NGHỊ:
Điều 1. Thông qua nhiệm vụ năm 2024.
I. Đánh giá tình hình năm 2023
Ủy ban nhân dân tỉnh đã chỉ đạo quyết liệt các ngành.
II. Nhiệm vụ năm 2024
Hội đồng nhân dân tỉnh yêu cầu Ủy ban nhân dân tỉnh chỉ đạo thực hiện tốt các nhiệm vụ trong năm 2024 sau:
1. Tập trung tháo gỡ khó khăn cho doanh nghiệp.
2. Ngành y tế nâng cao chất lượng khám chữa bệnh.
Điều 2. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.
Giao Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.
Nghị quyết này đã được Hội đồng nhân dân tỉnh thông qua ngày 10 tháng 12 năm 2023.`;
  const r = extract(text);
  it('inherits the addressee and the deadline of the lead-in', () => {
    const t = find(r, 'tháo gỡ khó khăn')!;
    expect(t.lead).toEqual(['Ủy ban nhân dân tỉnh']);
    expect(t.due).toBe('2024-12-31');
    expect(find(r, 'khám chữa bệnh')!.lead).toEqual(['Ngành y tế']);
    expect(r.tasks.some((t) => t.text.includes('đã chỉ đạo'))).toBe(false);
    expect(r.tasks.some((t) => t.text.includes('giám sát việc thực hiện'))).toBe(false);
    expect(r.document.date).toBe('2023-12-10');
  });
});

describe('items with attribute lines', () => {
  const text = `Lâm Đồng, ngày 04 tháng 8 năm 2025

1. Hoàn thiện hạ tầng

(1) Sao lưu, duy trì các cơ sở dữ liệu trong hệ thống cũ.

- Đơn vị chủ trì thực hiện: Văn phòng UBND tỉnh.

- Đơn vị phối hợp: Các sở, ban, ngành; UBND các xã, phường, đặc khu.

- Thời gian hoàn thành: Trong tháng 8/2025.

(2) Huy động lực lượng hỗ trợ người dân.

- Đơn vị thực hiện: Sở Văn hóa Thể thao Du lịch chủ trì, phối hợp với Văn phòng UBND tỉnh.

- Thời gian hoàn thành: Thực hiện thường xuyên.`;
  const r = extract(text);
  it('reads lead, support and deadline from the attribute lines', () => {
    expect(r.tasks.length).toBe(2);
    expect(r.tasks[0].lead).toEqual(['Văn phòng UBND tỉnh']);
    expect(r.tasks[0].support).toEqual(['các sở, ban, ngành', 'UBND cấp xã']);
    expect(r.tasks[0].due).toBe('2025-08-31');
    // a name is kept as printed; the province's directory resolves its spellings
    expect(r.tasks[1].lead).toEqual(['Sở Văn hóa Thể thao Du lịch']);
    expect(r.tasks[1].due).toBeNull();
  });
  it('reads the supporters of a one-line "Chủ trì: X; phối hợp: Y, Z"', () => {
    const one = extract(`An Giang, ngày 01 tháng 9 năm 2026

1. Cấp chữ ký số cho người dân
Chủ trì: Công an tỉnh; phối hợp: Sở Khoa học và Công nghệ, Viettel An Giang.
Hạn hoàn thành: 15/12/2026.

2. Làm sạch dữ liệu
- Đơn vị chủ trì: Công an tỉnh, phối hợp với UBND các xã, phường.`);
    expect(one.tasks[0]).toMatchObject({ lead: ['Công an tỉnh'], support: ['Sở Khoa học và Công nghệ', 'Viettel An Giang'], due: '2026-12-15' });
    expect(one.tasks[1]).toMatchObject({ lead: ['Công an tỉnh'], support: ['UBND cấp xã'] });
  });
});

describe('directory', () => {
  it('uses canonical names and ids and flags unknown names', () => {
    const directory = { resolve: (n: string) => (n === 'Sở Y tế' ? { id: 'SYT', name: 'Sở Y tế' } : null) };
    const r = extract('1. Sở Y tế chủ trì, phối hợp với Ban Quản lý Khu du lịch Núi Sam tổ chức kiểm tra.\n\n2. Ban Quản lý Khu du lịch Núi Sam rà soát các điểm dịch vụ.', { directory });
    expect(r.tasks[0].leadAgencyIds).toEqual(['SYT']);
    expect(r.tasks[1].lead).toEqual(['Ban Quản lý Khu du lịch Núi Sam']);
    expect(r.tasks[1].needsReview.some((x) => x.startsWith('lead-unknown'))).toBe(true);
  });
});

describe('document-level lead-in, topics and late leads', () => {
  const text = `ỦY BAN NHÂN DÂN TỈNH AN GIANG

Số: 77/TB-UBND

An Giang, ngày 15 tháng 11 năm 2025

THÔNG BÁO
Ý kiến kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban tháng 11

Chủ tịch UBND tỉnh yêu cầu các sở, ban, ngành tỉnh và UBND các xã, phường thực hiện tốt các nội dung sau trong tháng 12/2025:

1. Tăng cường kiểm tra, xử lý vi phạm trật tự xây dựng.

2. Về đề xuất của Sở Y tế: Đồng ý chủ trương mua sắm trang thiết bị. Giao Sở Tài chính thẩm định dự toán, trình UBND tỉnh trước ngày 15/01.

3. Về công tác giải ngân: Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước tỉnh rà soát, báo cáo trong quý I.

4. Đối với Đài Phát thanh và Truyền hình tỉnh: Xây dựng chuyên mục tuyên truyền về chuyển đổi số.

5. Xây dựng Đề án phát triển du lịch cộng đồng (Sở Văn hóa, Thể thao và Du lịch chủ trì).

6. Các sở, ngành báo cáo kết quả trước ngày 20/12 hằng năm.`;
  const r = extract(text);
  it('reads every item', () => {
    expect(r.tasks.length).toBe(6);
    expect(find(r, 'trật tự xây dựng')!.lead).toEqual(['các sở, ban, ngành', 'UBND cấp xã']);
    expect(find(r, 'trật tự xây dựng')!.due).toBe('2025-12-31');
  });
  it('reads the addressee after a topic and rolls year-less dates forward', () => {
    expect(find(r, 'thẩm định dự toán')!.lead).toEqual(['Sở Tài chính']);
    expect(find(r, 'thẩm định dự toán')!.due).toBe('2026-01-15');
    expect(find(r, 'công tác giải ngân')!.due).toBe('2026-03-31');
    expect(find(r, 'Kho bạc')!.support).toEqual(['Kho bạc Nhà nước tỉnh']);
    expect(find(r, 'chuyên mục')!.lead).toEqual(['Đài Phát thanh và Truyền hình tỉnh']);
  });
  it('reads a lead named after the action', () => {
    expect(find(r, 'du lịch cộng đồng')!.lead).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);
  });
  it('reads yearly deadlines', () => {
    const t = find(r, 'hằng năm')!;
    expect(t.due).toBe('2025-12-20');
    expect(t.recurrence?.freq).toBe('yearly');
  });
});

describe('tables whose lead column is "Đơn vị thực hiện"', () => {
  const text = `TT | Nội dung công việc | Đơn vị thực hiện | Thời gian
1 | Rà soát quy hoạch sử dụng đất | Sở Nông nghiệp và Môi trường | Tháng 9/2025
2 | Cập nhật cơ sở dữ liệu đất đai | UBND các xã, phường | Quý IV/2025`;
  it('makes one task per row', () => {
    const r = extract(text);
    expect(r.tasks.map((t) => [t.lead, t.due])).toEqual([
      [['Sở Nông nghiệp và Môi trường'], '2025-09-30'],
      [['UBND cấp xã'], '2025-12-31'],
    ]);
  });
});

describe('headings in capitals', () => {
  it('gives a capitalised addressee heading to its items', () => {
    const r = extract('II. NHIỆM VỤ\n\n1. SỞ Y TẾ\n\n- Kiểm tra an toàn thực phẩm trong tháng 9/2025.\n\n- Tổng hợp, báo cáo kết quả.');
    expect(r.tasks.map((t) => t.lead)).toEqual([['Sở Y tế'], ['Sở Y tế']]);
    expect(r.tasks[0].due).toBe('2025-09-30');
  });
});

describe('tables without a number column', () => {
  it('keeps rows with the same lead apart', () => {
    const r = extract('Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành\nRà soát quy hoạch | Sở Xây dựng | Quý I/2026\nCấp phép xây dựng | Sở Xây dựng | Thường xuyên');
    expect(r.tasks.map((t) => t.due)).toEqual(['2026-03-31', null]);
  });
});

describe('one context per extraction', () => {
  const json = (text: string, opts?: ExtractOptions): string => JSON.stringify(extract(text, opts));
  const docs = [LETTER, PLAN, TABLE_PLAN, NOTICE];
  /** A long document unlike the others: thousands of distinct paragraphs, each asked of the scanners. */
  const MANY = Array.from(
    { length: 3000 },
    (_, i) => `${i + 1}. Sở Y tế ${i % 2 ? 'chủ trì' : 'phối hợp với Sở Tài chính'} rà soát hồ sơ số ${i}; báo cáo trước ngày ${(i % 28) + 1}/${(i % 12) + 1}/2026.`,
  ).join('\n\n');
  /** The letter's paragraphs in reverse order: the same texts, read in another outline. */
  const SHUFFLED = LETTER.split('\n\n').reverse().join('\n\n');

  it('reads a document the same between readings of others', () => {
    const a1 = json(LETTER);
    const b1 = json(PLAN);
    const a2 = json(LETTER);
    const b2 = json(PLAN);
    expect(a2).toBe(a1);
    expect(b2).toBe(b1);
    const first = docs.map((d) => json(d));
    for (let i = docs.length - 1; i >= 0; i--) {
      expect(json(docs[i])).toBe(first[i]);
      expect(json(LETTER)).toBe(a1);
    }
  });

  it('reads a document the same whatever was read before it', () => {
    const alone = docs.map((d) => json(d));
    for (const before of [MANY, SHUFFLED, ...docs]) {
      for (const [i, d] of docs.entries()) {
        extract(before);
        expect(json(d)).toBe(alone[i]);
      }
    }
  });

  it('an extraction started inside another (from its directory) changes neither', () => {
    const known = (n: string) => (n === 'Sở Y tế' || n === 'Sở Công Thương' ? { id: n, name: n } : null);
    const plain = json(LETTER, { directory: { resolve: known } });
    const plan = json(PLAN);
    const inner: string[] = [];
    const nesting = json(LETTER, {
      directory: {
        resolve: (n) => {
          inner.push(json(PLAN));
          return known(n);
        },
      },
    });
    expect(nesting).toBe(plain);
    expect(inner.length).toBeGreaterThan(0);
    for (const r of inner) expect(r).toBe(plan);
  });
});
