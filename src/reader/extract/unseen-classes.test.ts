/**
 * The classes of structure that unseen documents showed the reader getting wrong (issue 9), each
 * with several invented documents written differently: a class fixed on one example is not fixed.
 */
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../calendar/index';
import { extract } from './extract';

const tasksOf = (text: string) => extract(text).tasks;
const byText = (text: string, snippet: string) => {
  const t = tasksOf(text).find((x) => x.text.includes(snippet));
  if (!t) throw new Error(`no task with "${snippet}"`);
  return t;
};

/** A provincial government's notice: its head (issuer, number, place and date), then `title` and
 * `body`, a blank line between blocks — or none with `compact`, one line per paragraph as text
 * pasted from a PDF often is. */
const provincial = (o: { province: string; number: string; date: string; title?: string; compact?: boolean }, body: string) =>
  [`ỦY BAN NHÂN DÂN\nTỈNH ${o.province.toUpperCase()}`, `Số: ${o.number}`, `${o.province}, ngày ${o.date}`, o.title ?? NOTICE_TITLE, body].join(o.compact ? '\n' : '\n\n');
const NOTICE_TITLE = 'THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh';
/** A chairman's conclusion notice whose items follow "Chủ tịch UBND tỉnh kết luận như sau:". */
const concludes = (o: { province: string; number: string; date: string }, items: string) => provincial(o, `Chủ tịch UBND tỉnh kết luận như sau:

${items}
`);

const HEAD = (kind: string, date: string) => `CHÍNH PHỦ

Số: 12/${kind}

Hà Nội, ngày ${date}

${kind === 'NQ-CP' ? 'NGHỊ QUYẾT' : 'QUYẾT ĐỊNH'}
Ban hành chương trình hành động

`;

describe('class 1: task tables whose group rows span the width', () => {
  const TABLE_A = `${HEAD('NQ-CP', '02 tháng 3 năm 2026')}PHỤ LỤC
DANH MỤC NHIỆM VỤ

TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Sản phẩm | Thời gian hoàn thành
I. | Hoàn thiện thể chế về quản lý nước sạch nông thôn
1. | Rà soát quy định về giá nước sạch nông thôn | Bộ Xây dựng | Các bộ, ngành | Báo cáo | Quý II/2026
2. | Xây dựng tiêu chuẩn chất lượng nước cấp cho sinh hoạt | Bộ Y tế | Bộ Xây dựng | Thông tư | 2026-2030
II. | Phát triển hạ tầng cấp nước
1. | Đầu tư mở rộng mạng lưới cấp nước liên xã | UBND các tỉnh, thành phố | Bộ Tài chính | Công trình | Hằng năm
2. | Lập quy hoạch vùng cấp nước an toàn | Bộ Nông nghiệp và Môi trường | UBND các tỉnh, thành phố | Quy hoạch | Năm 2027
`;
  const TABLE_B = `${HEAD('QĐ-TTg', '10 tháng 5 năm 2026')}PHỤ LỤC

STT | Tên nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn
A | NHÓM NHIỆM VỤ VỀ ĐÀO TẠO
1 | Biên soạn chương trình bồi dưỡng kỹ năng số cho cán bộ | Bộ Nội vụ | Bộ Khoa học và Công nghệ | Tháng 9/2026
B | NHÓM NHIỆM VỤ VỀ HẠ TẦNG
1 | Nâng cấp trung tâm dữ liệu quốc gia | Bộ Công an | Bộ Tài chính | Năm 2027
2 | Kết nối cơ sở dữ liệu dân cư với các ngành | Bộ Công an | Các bộ, ngành | Quý IV/2026
`;
  it('keeps reading past a group row: every row after it is a task', () => {
    const a = tasksOf(TABLE_A);
    expect(a.map((t) => t.lead[0])).toEqual(['Bộ Xây dựng', 'Bộ Y tế', expect.stringMatching(/UBND|tỉnh/), 'Bộ Nông nghiệp và Môi trường']);
    const b = tasksOf(TABLE_B);
    expect(b).toHaveLength(3);
    expect(b.map((t) => t.lead)).toEqual([['Bộ Nội vụ'], ['Bộ Công an'], ['Bộ Công an']]);
  });
  it('makes no task of the group row itself, and prefixes the rows references with it', () => {
    for (const doc of [TABLE_A, TABLE_B]) expect(tasksOf(doc).some((t) => /NHÓM NHIỆM VỤ|Hoàn thiện thể chế về|Phát triển hạ tầng cấp nước$/u.test(t.text))).toBe(false);
    expect(byText(TABLE_A, 'Lập quy hoạch vùng').ref).toMatch(/II\.2$/);
    expect(byText(TABLE_B, 'Nâng cấp trung tâm').ref).toMatch(/B\.1$/);
  });
  it('reads period cells as the period end and open-ended ones as no date', () => {
    expect(byText(TABLE_A, 'giá nước sạch').due).toBe('2026-06-30');
    expect(byText(TABLE_A, 'tiêu chuẩn chất lượng').due).toBe('2030-12-31');
    expect(byText(TABLE_A, 'mạng lưới cấp nước').due).toBeNull();
    expect(byText(TABLE_A, 'quy hoạch vùng').due).toBe('2027-12-31');
    expect(byText(TABLE_B, 'kỹ năng số').due).toBe('2026-09-30');
  });
});

describe('class 1 (continued): a header over two rows, group rows written out to the full width', () => {
  const plan = (header: string, rows: string) => `${HEAD('QĐ-TTg', '20 tháng 6 năm 2026')}KẾ HOẠCH
(Kèm theo Quyết định số 12/QĐ-TTg)

${header}
${rows}
`;
  const ROWS = `I | Hoàn thiện thể chế | | | |
1 | Xây dựng Nghị định về thương mại điện tử | Cục Thương mại điện tử và Kinh tế số | Vụ Pháp chế | 2026 | Nghị định
2 | Sửa đổi Thông tư về quản lý thị trường | Cục Quản lý và Phát triển thị trường trong nước | Vụ Pháp chế; Thanh tra Bộ | Quý III/2026 | Thông tư
II | Chuyển đổi số | | | |
1 | Xây dựng cơ sở dữ liệu ngành | Cục Thương mại điện tử và Kinh tế số | Các đơn vị thuộc Bộ | 2026-2027 | Cơ sở dữ liệu`;
  it('reads the columns from both header rows and every group of rows', () => {
    for (const header of [
      'TT | Nhiệm vụ | Đơn vị | | Thời gian | Sản phẩm\n | | Chủ trì | Phối hợp | |',
      'STT | Nội dung công việc | Cơ quan thực hiện | | Thời hạn hoàn thành | Kết quả\n | | Chủ trì | Phối hợp | |',
    ]) {
      const doc = plan(header, ROWS);
      expect(tasksOf(doc).map((t) => t.ref)).toEqual(['PL.I.1', 'PL.I.2', 'PL.II.1']);
      expect(byText(doc, 'thương mại điện tử |')).toMatchObject({ lead: ['Cục Thương mại điện tử và Kinh tế số'], support: ['Vụ Pháp chế'], due: '2026-12-31' });
      expect(byText(doc, 'quản lý thị trường |')).toMatchObject({ support: ['Vụ Pháp chế', 'Thanh tra Bộ'], due: '2026-09-30' });
      expect(byText(doc, 'cơ sở dữ liệu ngành').due).toBe('2027-12-31');
    }
  });
  it('keeps a lead cell\'s lower-case ending in the name, but not an action', () => {
    const doc = plan('TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành', `1 | Sửa đổi Thông tư | Cục Quản lý và Phát triển thị trường trong nước | Vụ Pháp chế | 2026
2 | Cấp phép hoạt động | Cơ sở khám bệnh, chữa bệnh trình cấp có thẩm quyền | Sở Y tế | 2026`);
    expect(byText(doc, 'Sửa đổi Thông tư').lead).toEqual(['Cục Quản lý và Phát triển thị trường trong nước']);
    expect(byText(doc, 'Cấp phép').lead).toEqual(['Cơ sở khám bệnh, chữa bệnh']);
  });
});

describe('class 1 (continued): schedule tables and the whole row as the task text', () => {
  // The date column gives each row its day and month; the year is in the header or the document.
  const SCHEDULE_A = `UỶ BAN NHÂN DÂN TỈNH BẮC KẠN

Số: 45/KH-UBND

Bắc Kạn, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Tổ chức Tháng hành động vì an toàn thực phẩm

| TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian (năm 2026) |
|---|---|---|---|---|
| 1 | Xây dựng kế hoạch triển khai Tháng hành động | Sở Y tế | Sở Công Thương | 20/3 |
| 2 | Tổ chức lễ phát động Tháng hành động | Sở Y tế | UBND các xã, phường | 15/4 |
| 3 | Kiểm tra liên ngành về an toàn thực phẩm | Sở Công Thương | Công an tỉnh | Từ 15/4 đến 15/5 |
| 4 | Báo cáo kết quả thực hiện định kỳ | Sở Y tế | Các sở, ban, ngành | Hằng tháng |
`;
  const SCHEDULE_B = `BỘ GIÁO DỤC VÀ ĐÀO TẠO

Số: 7/KH-BGDĐT

Hà Nội, ngày 05 tháng 01 năm 2027

KẾ HOẠCH
Tuyển sinh năm học mới

STT | Công việc | Đơn vị thực hiện | Thời gian
1 | Ban hành hướng dẫn tuyển sinh đầu cấp | Vụ Giáo dục phổ thông | Tháng 3
2 | Tổ chức kỳ thi tốt nghiệp | Cục Quản lý chất lượng | 25/6 - 28/6
3 | Tổng kết công tác tuyển sinh | Vụ Giáo dục phổ thông | Quý III
`;
  it('reads a day and month as a date of the header’s or the document’s year', () => {
    expect(byText(SCHEDULE_A, 'Xây dựng kế hoạch triển khai').due).toBe('2026-03-20');
    expect(byText(SCHEDULE_A, 'lễ phát động').due).toBe('2026-04-15');
    expect(byText(SCHEDULE_A, 'Kiểm tra liên ngành').due).toBe('2026-05-15');
    expect(byText(SCHEDULE_B, 'hướng dẫn tuyển sinh').due).toBe('2027-03-31');
    expect(byText(SCHEDULE_B, 'kỳ thi tốt nghiệp').due).toBe('2027-06-28');
    expect(byText(SCHEDULE_B, 'Tổng kết công tác').due).toBe('2027-09-30');
  });
  it('gives a recurring row no one date', () => {
    expect(byText(SCHEDULE_A, 'Báo cáo kết quả thực hiện định kỳ').due).toBeNull();
  });
  it('makes the whole row, cells joined by " | ", the task text', () => {
    expect(byText(SCHEDULE_A, 'lễ phát động').text).toBe('2 | Tổ chức lễ phát động Tháng hành động | Sở Y tế | UBND các xã, phường | 15/4');
    expect(byText(SCHEDULE_B, 'kỳ thi').text).toBe('2 | Tổ chức kỳ thi tốt nghiệp | Cục Quản lý chất lượng | 25/6 - 28/6');
  });
});

describe('class 2: addressee headings followed by dash items', () => {
  const PARTY = `ĐẢNG CỘNG SẢN VIỆT NAM

Số 15-KH/ĐĐ

Hà Nội, ngày 10 tháng 01 năm 2026

KẾ HOẠCH
triển khai nghị quyết về chuyển đổi số

II. PHÂN CÔNG NHIỆM VỤ

1. Nhiệm vụ của các cơ quan

a) Tổ đảng ở Thường trực Ủy ban Văn hóa, Xã hội

- Chủ trì thẩm tra các dự án luật về văn hóa số.
- Giám sát việc thực hiện chính sách về thư viện số.

b) Đảng ủy cơ quan Văn phòng Đoàn

- Bảo đảm cơ sở vật chất cho hội nghị trực tuyến.

c) Lãnh đạo Ban Công tác cử tri

- Tổng hợp kiến nghị của cử tri về dịch vụ công trực tuyến.
`;
  const PROVINCE = provincial({ province: 'Hòa Bình', number: '88/TB-UBND', date: '03 tháng 4 năm 2026' }, `II. NHIỆM VỤ THỜI GIAN TỚI

3. Đài Phát thanh và Truyền hình tỉnh

- Mở chuyên mục về cải cách hành chính.
- Phát sóng phóng sự về mô hình kinh tế tập thể.

4. Trung tâm Khuyến nông và Dịch vụ nông nghiệp:

- Tập huấn kỹ thuật canh tác cho nông dân vùng cao.
`);
  it('gives every dash its heading addressee, with commas inside a name kept', () => {
    expect(byText(PARTY, 'văn hóa số').lead).toEqual(['Tổ đảng ở Thường trực Ủy ban Văn hóa, Xã hội']);
    expect(byText(PARTY, 'thư viện số').lead).toEqual(['Tổ đảng ở Thường trực Ủy ban Văn hóa, Xã hội']);
    expect(byText(PARTY, 'hội nghị trực tuyến').lead).toEqual(['Đảng ủy cơ quan Văn phòng Đoàn']);
    expect(byText(PARTY, 'kiến nghị của cử tri').lead).toEqual(['Ban Công tác cử tri']);
  });
  it('works with or without the colon, for names the lexicon does not know', () => {
    expect(byText(PROVINCE, 'cải cách hành chính').lead).toEqual(['Đài Phát thanh và Truyền hình tỉnh']);
    expect(byText(PROVINCE, 'kinh tế tập thể').lead).toEqual(['Đài Phát thanh và Truyền hình tỉnh']);
    expect(byText(PROVINCE, 'canh tác').lead).toEqual(['Trung tâm Khuyến nông và Dịch vụ nông nghiệp']);
  });
  it('makes no task of the heading line itself', () => {
    expect(tasksOf(PARTY).some((t) => /^a\) Tổ đảng/u.test(t.text))).toBe(false);
    expect(tasksOf(PROVINCE).some((t) => /^3\. Đài/u.test(t.text))).toBe(false);
  });
});

describe('class 3: addressees outside the directory are kept as printed', () => {
  const INVESTOR = provincial({ province: 'Đồng Tháp', number: '45/TB-VPUBND', date: '21 tháng 4 năm 2026', title: 'THÔNG BÁO\nKết luận về tiến độ dự án khu du lịch sinh thái' }, `1. Đề nghị Nhà đầu tư khẩn trương hoàn thiện hồ sơ điều chỉnh dự án, gửi Sở Tài chính trước ngày 15/5/2026.

2. Công ty Cổ phần Du lịch Sen Hồng tập trung nguồn lực thi công hạng mục cầu tàu.
`);
  it('makes the investor and the enterprise the leads of their items', () => {
    expect(byText(INVESTOR, 'hồ sơ điều chỉnh').lead).toEqual(['Nhà đầu tư']);
    expect(byText(INVESTOR, 'hồ sơ điều chỉnh').due).toBe('2026-05-15');
    expect(byText(INVESTOR, 'cầu tàu').lead).toEqual(['Công ty Cổ phần Du lịch Sen Hồng']);
  });
});

describe('class 3 (continued): enterprises and licence holders named by what they do', () => {
  const NOTICE = (items: string) => provincial({ province: 'Kon Tum', number: '120/TB-UBND', date: '02 tháng 6 năm 2026' }, `II. NHIỆM VỤ

${items}
`);
  const A = NOTICE(`1. Sở Xây dựng kiểm tra chất lượng công trình.
2. Các doanh nghiệp hoạt động trong lĩnh vực khai thác khoáng sản thực hiện nghiêm việc ký quỹ phục hồi môi trường.
3. Các tổ chức, cá nhân được cấp giấy phép khai thác nước phải lắp đặt thiết bị quan trắc trước ngày 30/9/2026.`);
  const B = NOTICE(`1. Đề nghị các tổ chức, doanh nghiệp hoạt động trong lĩnh vực xăng dầu bảo đảm nguồn cung cho thị trường.
2. Các nhà đầu tư có dự án trên địa bàn tỉnh khẩn trương hoàn thiện thủ tục đất đai.
3. Sở Công Thương chủ trì, phối hợp với các doanh nghiệp trong lĩnh vực phân phối bình ổn giá.`);
  it('keeps the qualifier in the addressee and makes the item a task', () => {
    expect(byText(A, 'ký quỹ').lead).toEqual(['các doanh nghiệp hoạt động trong lĩnh vực khai thác khoáng sản']);
    expect(byText(A, 'thiết bị quan trắc')).toMatchObject({ lead: ['các tổ chức, cá nhân được cấp giấy phép khai thác nước'], due: '2026-09-30' });
    expect(byText(B, 'nguồn cung').lead).toEqual(['các tổ chức, doanh nghiệp hoạt động trong lĩnh vực xăng dầu']);
    expect(byText(B, 'thủ tục đất đai').lead).toEqual(['các nhà đầu tư có dự án trên địa bàn tỉnh']);
  });
  it('reads such a group as support when a public body leads', () => {
    expect(byText(B, 'bình ổn giá')).toMatchObject({ lead: ['Sở Công Thương'], support: ['các doanh nghiệp trong lĩnh vực phân phối'] });
  });
});

describe('a known agency followed by a verb the vocabulary does not list', () => {
  const NOTICE = (items: string) => provincial({ province: 'Điện Biên', number: '64/TB-UBND', date: '12 tháng 5 năm 2026' }, `I. KẾT QUẢ
Phó Chủ tịch UBND tỉnh họp nghe Sở Y tế báo cáo tình hình dịch bệnh.

II. NHIỆM VỤ

${items}
`);
  const A = NOTICE(`1. Sở Y tế nâng cấp hệ thống cấp cứu tuyến tỉnh.
2. Sở Giáo dục và Đào tạo sửa chữa các phòng học bị hư hỏng trước năm học mới.
3. Công an tỉnh truy quét các tụ điểm ma túy ở vùng biên giới.`);
  const B = NOTICE(`1. Sở Tư pháp thẩm tra hồ sơ trình ban hành quyết định.
2. Sở Xây dựng nạo vét kênh mương thoát nước đô thị, hoàn thành trong tháng 6/2026.`);
  it('reads the words after the name as its predicate: each item is a task of that agency', () => {
    expect(byText(A, 'hệ thống cấp cứu').lead).toEqual(['Sở Y tế']);
    expect(byText(A, 'phòng học').lead).toEqual(['Sở Giáo dục và Đào tạo']);
    expect(byText(A, 'tụ điểm ma túy').lead).toEqual(['Công an tỉnh']);
    expect(byText(B, 'thẩm tra hồ sơ').lead).toEqual(['Sở Tư pháp']);
    expect(byText(B, 'kênh mương')).toMatchObject({ lead: ['Sở Xây dựng'], due: '2026-06-30' });
  });
  it('does not make the issuer’s account of its meeting a task', () => {
    expect(tasksOf(A).some((t) => t.text.includes('họp nghe'))).toBe(false);
  });
});

describe('a name read from its head word, followed by a verb the vocabulary does not list', () => {
  const NOTICE = (place: string, items: string) => `ỦY BAN NHÂN DÂN
TỈNH ${place.toUpperCase()}
Số: 31/TB-UBND
${place}, ngày 10 tháng 3 năm 2026
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về vệ sinh môi trường
Ngày 05/3/2026, Chủ tịch UBND tỉnh chủ trì buổi làm việc. Sau khi nghe báo cáo, Chủ tịch UBND tỉnh kết luận như sau:
${items}
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Hải
`;
  // One line per paragraph and no blank lines, as text pasted from a PDF often is.
  const A = NOTICE('An Phú', `1. UBND các xã vệ sinh toàn bộ các tuyến kênh mương trước ngày 30/4/2026.
2. Trung tâm Y tế khu vực Bắc An phun khử khuẩn các điểm tập kết rác, hoàn thành trong tháng 4/2026.
3. Ban Quản lý dự án đầu tư xây dựng tỉnh nạo vét hồ Đông Hồ trước ngày 15/5/2026.
4. Công ty TNHH Môi trường Xanh An Phú thu gom rác thải hằng ngày tại các chợ.`);
  const B = NOTICE('Sơn Hà', `a) Đài Phát thanh và Truyền hình tỉnh phát sóng chuyên mục về phân loại rác tại nguồn.
b) Hạt Kiểm lâm khu vực Đông Sơn tuần tra các khu rừng phòng hộ đầu nguồn trong mùa khô.
c) Chi cục Thủy lợi gia cố đoạn đê xung yếu trước mùa mưa bão.`);
  it('ends the name before the first word that names do not use, and reads the rest as its predicate', () => {
    expect(byText(A, 'kênh mương')).toMatchObject({ lead: [expect.stringMatching(/^UBND (các|cấp) xã$/u)], due: '2026-04-30' });
    expect(byText(A, 'khử khuẩn')).toMatchObject({ lead: ['Trung tâm Y tế khu vực Bắc An'], due: '2026-04-30' });
    expect(byText(A, 'nạo vét hồ')).toMatchObject({ lead: ['Ban Quản lý dự án đầu tư xây dựng tỉnh'], due: '2026-05-15' });
    expect(byText(A, 'thu gom rác').lead).toEqual(['Công ty TNHH Môi trường Xanh An Phú']);
    expect(byText(B, 'phát sóng').lead).toEqual(['Đài Phát thanh và Truyền hình tỉnh']);
    expect(byText(B, 'tuần tra').lead).toEqual(['Hạt Kiểm lâm khu vực Đông Sơn']);
    expect(byText(B, 'gia cố').lead).toEqual(['Chi cục Thủy lợi']);
  });
  it('finds the predicate when it runs to the sentence’s end with no date or comma to stop the name', () => {
    const C = NOTICE('Hà Tĩnh', `1. UBND thành phố Hà Tĩnh chỉnh trang đô thị.
2. UBND xã Kỳ Anh chỉnh trang lại các tuyến phố chính.
3. Công ty Điện lực Hà Tĩnh cấp điện ổn định cho sản xuất.
4. Trung tâm Y tế cấp huyện phun thuốc diệt muỗi tại các ổ dịch
5. Trung tâm Khuyến nông và Dịch vụ nông nghiệp`);
    expect(byText(C, 'chỉnh trang đô thị').lead).toEqual(['UBND thành phố Hà Tĩnh']);
    expect(byText(C, 'tuyến phố chính').lead).toEqual(['UBND xã Kỳ Anh']);
    expect(byText(C, 'cấp điện').lead).toEqual(['Công ty Điện lực Hà Tĩnh']);
    expect(byText(C, 'diệt muỗi').lead).toEqual(['Trung tâm Y tế cấp huyện']);
    // a line that is only a name stays a heading, not a task
    expect(tasksOf(C).some((t) => t.text.includes('Khuyến nông'))).toBe(false);
  });
  it('keeps a capitalised compound whose second syllable is a verb inside the name ("Đăng ký")', () => {
    const D = NOTICE('Yên Sơn', `1. Văn phòng Đăng ký đất đai tỉnh cập nhật biến động đất đai.
2. Chi nhánh Văn phòng Đăng ký đất đai khu vực Yên Sơn rà soát hồ sơ tồn đọng.
3. Sở Tư pháp hướng dẫn đăng ký hộ tịch trực tuyến.`);
    expect(byText(D, 'biến động').lead).toEqual(['Văn phòng Đăng ký đất đai tỉnh']);
    expect(byText(D, 'tồn đọng').lead).toEqual(['Chi nhánh Văn phòng Đăng ký đất đai khu vực Yên Sơn']);
    expect(byText(D, 'hộ tịch').lead).toEqual(['Sở Tư pháp']);
    const table = `${HEAD('QĐ-TTg', '14 tháng 8 năm 2026')}PHỤ LỤC

STT | Nội dung công việc | Đơn vị thực hiện | Thời hạn
1 | Giải quyết hồ sơ cấp giấy chứng nhận tồn đọng | Văn phòng Đăng ký đất đai tỉnh | Quý IV/2026
`;
    expect(byText(table, 'tồn đọng')).toMatchObject({ lead: ['Văn phòng Đăng ký đất đai tỉnh'], due: '2026-12-31' });
  });
  it('keeps the subject to its own line when no blank line parts it from the body', () => {
    for (const doc of [A, B]) expect(extract(doc).document.subject).toBe('Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về vệ sinh môi trường');
  });
  it('does not cut a name at the second syllable of a capitalised word', () => {
    const C = `HỘI ĐỒNG NHÂN DÂN
TỈNH SƠN HÀ
Số: 05/NQ-HĐND
Sơn Hà, ngày 12 tháng 7 năm 2026
NGHỊ QUYẾT
Về công tác thi hành án dân sự năm 2026
HỘI ĐỒNG NHÂN DÂN TỈNH SƠN HÀ
Căn cứ Luật Tổ chức chính quyền địa phương;
Xét báo cáo của Ủy ban nhân dân tỉnh, Tòa án nhân dân tỉnh, Viện Kiểm sát nhân dân tỉnh,

Cục Thi hành án dân sự tỉnh; báo cáo thẩm tra của các Ban Hội đồng nhân dân tỉnh.
QUYẾT NGHỊ:
Điều 1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.
`;
    expect(tasksOf(C).some((t) => t.lead.some((l) => l.startsWith('Cục Thi')))).toBe(false);
  });
});

describe('clause subjects after an opener and lists of role-bearing names', () => {
  const DOC = `ỦY BAN NHÂN DÂN
TỈNH PHÚ THỌ

Số: 9/KH-UBND

Phú Thọ, ngày 12 tháng 02 năm 2026

KẾ HOẠCH
Triển khai nhiệm vụ năm 2026

III. TỔ CHỨC THỰC HIỆN

1. Định kỳ, Thường trực Ủy ban KT,XH&MT của tỉnh chủ trì, phối hợp với Sở Tài chính tổng hợp kết quả thực hiện.

2. Hằng quý, Sở Nội vụ đánh giá việc thực hiện kỷ luật hành chính.

3. Các thành viên Ban Chỉ đạo, Tổ trưởng Tổ công tác số 2, Trưởng Đoàn kiểm tra liên ngành có trách nhiệm chỉ đạo triển khai nhiệm vụ được giao.

4. Để bảo đảm tiến độ giải ngân, Sở Xây dựng xác định các nhiệm vụ trọng tâm sau:

- Rà soát các công trình chậm tiến độ.
- Đề xuất điều chuyển vốn.
`;
  it('finds the subject after "Định kỳ," / "Hằng quý," and keeps abbreviation commas in a name', () => {
    expect(byText(DOC, 'tổng hợp kết quả').lead).toEqual(['Thường trực Ủy ban KT,XH&MT của tỉnh']);
    expect(byText(DOC, 'kỷ luật hành chính').lead).toEqual(['Sở Nội vụ']);
  });
  it('drops role words from each name of a list', () => {
    expect(byText(DOC, 'nhiệm vụ được giao').lead).toEqual(['các thành viên Ban Chỉ đạo', 'Tổ công tác số 2', 'Đoàn kiểm tra liên ngành']);
  });
  it('hands the subject of a lead-in that opens with a purpose clause down to its dashes', () => {
    expect(byText(DOC, 'chậm tiến độ').lead).toEqual(['Sở Xây dựng']);
    expect(byText(DOC, 'điều chuyển vốn').lead).toEqual(['Sở Xây dựng']);
  });
});

describe('class 3 (continued) and class 6: qualified addressee headings keep their scope', () => {
  const LETTER = `ỦY BAN NHÂN DÂN
TỈNH YÊN BÁI

Số: 77/UBND-KT

Yên Bái, ngày 08 tháng 01 năm 2026

V/v tăng cường quản lý khai thác cát sỏi

1. Sở Nông nghiệp và Môi trường

a) Rà soát các giấy phép khai thác cát sỏi đã cấp.

b) Phối hợp tham gia đoàn kiểm tra liên ngành do Công an tỉnh chủ trì.

2. Trách nhiệm của các tổ chức, cá nhân được cấp phép khai thác khoáng sản trên địa bàn tỉnh

a) Lắp đặt trạm cân và camera giám sát tại bến bãi.

b) Thực hiện chế độ báo cáo định kỳ theo quy định tại
Điều 12 Thông tư số 10/2025/TT-BNNMT của Bộ Nông nghiệp và Môi trường.

3. Nhiệm vụ của Ban Quản lý rừng phòng hộ Thác Bà

- Tuần tra bảo vệ rừng ven hồ.
`;
  it('keeps a heading whose words say "Trách nhiệm của …" with its qualifiers as printed', () => {
    expect(byText(LETTER, 'trạm cân').lead).toEqual(['các tổ chức, cá nhân được cấp phép khai thác khoáng sản trên địa bàn tỉnh']);
    expect(byText(LETTER, 'ven hồ').lead).toEqual(['Ban Quản lý rừng phòng hộ Thác Bà']);
  });
  it('lets the heading lead an item that joins an activity "do X chủ trì"', () => {
    expect(byText(LETTER, 'đoàn kiểm tra liên ngành').lead).toEqual(['Sở Nông nghiệp và Môi trường']);
  });
  it('reads "Điều 12 Thông tư …" after a broken line as a citation inside the item, not an article', () => {
    const t = byText(LETTER, 'chế độ báo cáo định kỳ');
    expect(t.text).toContain('Điều 12 Thông tư số 10/2025');
    expect(tasksOf(LETTER).filter((x) => x.text.startsWith('Điều 12'))).toHaveLength(0);
  });
});

describe('class 8: closing formulas and supervision articles are no tasks', () => {
  const RESOLUTION = `HỘI ĐỒNG NHÂN DÂN
TỈNH KON TUM

Số: 20/NQ-HĐND

Kon Tum, ngày 10 tháng 7 năm 2025

NGHỊ QUYẾT
Về chính sách hỗ trợ giáo viên vùng khó khăn

Điều 1. Hỗ trợ giáo viên công tác tại xã đặc biệt khó khăn mức 500.000 đồng mỗi tháng.

Điều 2. Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết.
2. Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết theo quy định.
3. Trong quá trình triển khai thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo Ủy ban nhân dân tỉnh để xem xét.
`;
  it('keeps the implementing article and drops the supervision and the "nếu có vướng mắc" formula', () => {
    const tasks = tasksOf(RESOLUTION);
    expect(tasks).toHaveLength(1);
    expect(tasks[0].lead).toEqual([expect.stringMatching(/^(UBND|Ủy ban nhân dân) tỉnh$/u)]);
  });
  it('drops a letter’s closing request for attention ("đề nghị … quan tâm, phối hợp thực hiện")', () => {
    const closings = [
      'Sở Y tế đề nghị Ủy ban nhân dân các xã, phường quan tâm, phối hợp thực hiện./.',
      'Kính đề nghị Quý cơ quan quan tâm, chỉ đạo thực hiện.',
      'Rất mong Quý cơ quan quan tâm, tạo điều kiện, phối hợp./.',
    ];
    for (const closing of closings) {
      const letter = `SỞ Y TẾ
Số: 3120/SYT-NV
V/v phòng chống dịch sởi

Đồng Nai, ngày 09 tháng 9 năm 2026

Kính gửi: Ủy ban nhân dân các xã, phường.

Sở Y tế đề nghị Ủy ban nhân dân các xã, phường:

1. Tổ chức tiêm bù vắc xin sởi, hoàn thành trước ngày 30/9/2026.

${closing}

Nơi nhận:
- Như trên;
- Lưu: VT.
`;
      expect(tasksOf(letter).map((t) => t.ref)).toEqual(['1']);
    }
  });
});

describe('class 3 (continued): plural groups of named bodies and vague qualifiers', () => {
  const DOC = `ỦY BAN NHÂN DÂN
TỈNH CÀ MAU

Số: 31/KH-UBND

Cà Mau, ngày 02 tháng 3 năm 2026

KẾ HOẠCH
Phòng chống sạt lở bờ biển

1. Các Ban Quản lý rừng phòng hộ, các Hạt Kiểm lâm, các cơ quan, tổ chức hữu quan có trách nhiệm tuần tra đê biển trong mùa mưa.
`;
  it('reads "các <Head> …" as a group and keeps "… hữu quan" as support only', () => {
    const t = byText(DOC, 'tuần tra đê biển');
    expect(t.lead).toEqual(['các Ban Quản lý rừng phòng hộ', 'các Hạt Kiểm lâm']);
    expect(t.support.join(' ')).toMatch(/hữu quan/u);
  });
});

describe('class 4: implicit addressees', () => {
  const letter = (recipients: string, items: string) => `ỦY BAN NHÂN DÂN
TỈNH BẮC KẠN

Số: 1500/UBND-VX
V/v triển khai tiêm chủng năm 2026

Bắc Kạn, ngày 05 tháng 3 năm 2026

Kính gửi:${recipients}

Để bảo đảm tiêm chủng đầy đủ cho trẻ em, UBND tỉnh yêu cầu:

${items}

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn An
`;
  const ITEMS = `1. Rà soát đối tượng trẻ em chưa được tiêm chủng đầy đủ, hoàn thành trước ngày 30/4/2026.

2. Tổ chức tiêm bù cho trẻ tại trường học trong tháng 5/2026.

3. Sở Tài chính bố trí kinh phí mua vắc xin.`;
  it('gives a letter’s items that name nobody to its recipients (dash list or one line), flagged', () => {
    for (const recipients of ['\n- Sở Y tế;\n- Sở Giáo dục và Đào tạo.', ' Sở Y tế; Sở Giáo dục và Đào tạo']) {
      const doc = letter(recipients, ITEMS);
      const t = byText(doc, 'Rà soát đối tượng');
      expect(t.lead).toEqual(['Sở Y tế', 'Sở Giáo dục và Đào tạo']);
      expect(t.needsReview).toContain('lead-implicit');
      expect(byText(doc, 'tiêm bù').due).toBe('2026-05-31');
      // an item that names its own addressee keeps it
      expect(byText(doc, 'bố trí kinh phí').lead).toEqual(['Sở Tài chính']);
    }
  });
  it('reads "các cơ quan, đơn vị" of a letter’s lead-in as the bodies it is sent to', () => {
    for (const [recipients, leadin] of [
      ['\n- Các sở, ban, ngành tỉnh;\n- UBND các xã, phường.', 'Sở Nội vụ đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:'],
      [' Sở Y tế; Sở Giáo dục và Đào tạo', 'Để bảo đảm tiêm chủng đầy đủ cho trẻ em, đề nghị Quý cơ quan quan tâm thực hiện:'],
    ]) {
      const doc = letter(recipients, ITEMS).replace('Để bảo đảm tiêm chủng đầy đủ cho trẻ em, UBND tỉnh yêu cầu:', leadin);
      const t = byText(doc, 'Rà soát đối tượng');
      expect(t.lead).toHaveLength(2);
      expect(t.lead.join(' ')).not.toMatch(/cơ quan, đơn vị|Quý cơ quan/u);
      expect(t.needsReview).toContain('lead-implicit');
      expect(byText(doc, 'bố trí kinh phí').lead).toEqual(['Sở Tài chính']);
    }
    // a body named in the lead-in is no stand-in for the recipients: it keeps the items
    const named = letter(' Sở Y tế', ITEMS).replace('UBND tỉnh yêu cầu:', 'UBND tỉnh yêu cầu Trung tâm Kiểm soát bệnh tật tỉnh:');
    expect(byText(named, 'Rà soát đối tượng').lead).toEqual(['Trung tâm Kiểm soát bệnh tật tỉnh']);
  });
  it('leaves the signer out of the last item', () => {
    const doc = letter('\n- Sở Y tế.', '1. Tổ chức tiêm bù cho trẻ tại trường học.\n\nNguyễn Văn An');
    expect(tasksOf(doc).every((t) => !t.text.includes('Nguyễn Văn An'))).toBe(true);
  });
  const resolution = (taskArticle: string, closing: string) => `HỘI ĐỒNG NHÂN DÂN
TỈNH LẠNG SƠN

Số: 15/NQ-HĐND

Lạng Sơn, ngày 12 tháng 7 năm 2025

NGHỊ QUYẾT
Về phát triển du lịch năm 2025

Điều 1. ${taskArticle}
1. Đẩy mạnh quảng bá du lịch cộng đồng tại các xã biên giới.
2. Hoàn thành quy hoạch khu du lịch Mẫu Sơn trong quý IV năm 2025.

Điều 2. Tổ chức thực hiện
${closing}

Nghị quyết này đã được Hội đồng nhân dân tỉnh thông qua ngày 12 tháng 7 năm 2025./.

CHỦ TỊCH

Trần Văn Bình
`;
  it('gives a resolution’s article of tasks to the body charged with carrying it out', () => {
    for (const [article, closing, who] of [
      ['Nhiệm vụ trọng tâm', 'Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.', /^(UBND|Ủy ban nhân dân) tỉnh$/u],
      ['Các giải pháp chủ yếu', '1. Giao Ủy ban nhân dân tỉnh chủ trì tổ chức triển khai thực hiện Nghị quyết.', /^(UBND|Ủy ban nhân dân) tỉnh$/u],
    ] as const) {
      const doc = resolution(article, closing);
      expect(byText(doc, 'quảng bá du lịch').lead).toEqual([expect.stringMatching(who)]);
      expect(byText(doc, 'Mẫu Sơn').due).toBe('2025-12-31');
      expect(tasksOf(doc).every((t) => !t.text.includes('Trần Văn Bình'))).toBe(true);
    }
  });
  it('does not make policy articles with no addressee into tasks', () => {
    const doc = resolution('Mức hỗ trợ', 'Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.');
    expect(tasksOf(doc).some((t) => t.text.includes('quảng bá'))).toBe(false);
  });
});

describe('class 5: recurring duties', () => {
  const DOC = `THỦ TƯỚNG CHÍNH PHỦ

Số: 10/CT-TTg

Hà Nội, ngày 02 tháng 4 năm 2026

CHỈ THỊ
Về tăng cường kỷ luật hành chính năm 2026

1. Bộ Y tế tổng hợp tình hình dịch bệnh, 16 giờ thứ Sáu hằng tuần báo cáo Thủ tướng Chính phủ.
2. Bộ Nội vụ báo cáo kết quả hằng tuần vào thứ Hai.
3. Bộ Tư pháp báo cáo chậm nhất ngày 05 hằng tháng.
`;
  it('keeps a weekly duty as a recurrence with its weekday, and a monthly one due at its first occurrence', () => {
    expect(byText(DOC, 'dịch bệnh').recurrence).toMatchObject({ freq: 'weekly', day: 5 });
    expect(byText(DOC, 'dịch bệnh').due).toBeNull();
    expect(byText(DOC, 'Bộ Nội vụ').recurrence).toMatchObject({ freq: 'weekly', day: 1 });
    expect(byText(DOC, 'Bộ Tư pháp').due).toBe('2026-04-05');
    expect(byText(DOC, 'Bộ Tư pháp').recurrence).toMatchObject({ freq: 'monthly', day: 5 });
  });
  it('does not take the subject line’s year as every item’s deadline', () => {
    expect(byText(DOC, 'Bộ Nội vụ').due).toBeNull();
  });
});

describe('class 5 (continued): deadlines stated as a span from signing or as an occasion', () => {
  const notice = (date: string, items: string) => provincial({ province: 'Hòa Bình', number: '140/TB-UBND', date }, `Chủ tịch UBND tỉnh kết luận như sau:

${items}
`);
  it('counts calendar days from the signing date, and working days when it says so', () => {
    const doc = notice('15 tháng 9 năm 2026', `1. Sở Xây dựng hoàn thành thẩm định dự án trong thời hạn 15 ngày kể từ ngày ký Thông báo này.

2. Sở Tài chính trình phương án phân bổ vốn trong thời gian 30 ngày kể từ ngày ký.

3. Sở Nội vụ thẩm định hồ sơ trong vòng 10 ngày làm việc kể từ ngày ban hành.`);
    expect(byText(doc, 'thẩm định dự án').due).toBe('2026-09-30');
    expect(byText(doc, 'phương án phân bổ').due).toBe('2026-10-15');
    // ten working days from Tuesday 15/9/2026: the weekends of 19–20 and 26–27 are skipped
    const inWorkingDays = extract(doc, { addWorkingDays }).tasks.find((t) => t.text.includes('thẩm định hồ sơ'));
    expect(inWorkingDays?.due).toBe('2026-09-29');
  });
  it('reads a deadline with its hour: "trước 17 giờ 00 ngày …", "chậm nhất 16h30, ngày …"', () => {
    const doc = notice('05 tháng 10 năm 2026', `1. Sở Tài chính trình phương án giá trước 17 giờ 00 ngày 12/10/2026.
2. Sở Y tế gửi báo cáo chậm nhất 16h30, ngày 20/10/2026.
3. Sở Xây dựng báo cáo trước 10 giờ ngày 15 tháng 10 năm 2026.`);
    expect(byText(doc, 'phương án giá').due).toBe('2026-10-12');
    expect(byText(doc, 'Sở Y tế').due).toBe('2026-10-20');
    expect(byText(doc, 'Sở Xây dựng').due).toBe('2026-10-15');
  });
  it('reads "trước Tết Nguyên đán" as the eve of the lunar new year it names, or of the next one', () => {
    const doc = notice('15 tháng 9 năm 2026', `1. Sở Nông nghiệp và Môi trường hoàn thành thủ tục giao rừng trước Tết Nguyên đán Đinh Mùi.

2. Sở Công Thương bảo đảm cung ứng hàng hóa, xong trước Tết Nguyên đán.

3. Sở Y tế kiểm tra an toàn thực phẩm chậm nhất trước Tết Nguyên đán năm 2028.

4. Công an tỉnh bảo đảm an ninh trật tự trong dịp Tết Nguyên đán.`);
    expect(byText(doc, 'giao rừng')).toMatchObject({ due: '2027-02-05', dueText: 'trước Tết Nguyên đán Đinh Mùi' });
    expect(byText(doc, 'cung ứng hàng hóa').due).toBe('2027-02-05');
    expect(byText(doc, 'an toàn thực phẩm').due).toBe('2028-01-25');
    // during Tết is when the duty applies, not a deadline
    expect(byText(doc, 'an ninh trật tự').due).toBeNull();
    // a notice of February 2026 before Tết Bính Ngọ (17/02/2026): the next Tết is that one
    const early = notice('02 tháng 02 năm 2026', '1. Sở Công Thương bảo đảm cung ứng hàng hóa, xong trước Tết Nguyên đán.');
    expect(byText(early, 'cung ứng hàng hóa').due).toBe('2026-02-16');
  });
  it('keeps the regional office of a central body whole ("… khu vực XVII")', () => {
    const doc = notice('15 tháng 9 năm 2026', `1. Kho bạc Nhà nước khu vực XVII kiểm soát chi chặt chẽ trong quý IV/2026.

2. Bảo hiểm xã hội khu vực Tây Bắc rà soát danh sách người tham gia bảo hiểm trước ngày 30/11/2026.`);
    expect(byText(doc, 'kiểm soát chi').lead).toEqual(['Kho bạc Nhà nước khu vực XVII']);
    expect(byText(doc, 'rà soát danh sách').lead).toEqual(['Bảo hiểm xã hội khu vực Tây Bắc']);
  });
});

describe('class 6 (continued): who is charged when a body "chỉ đạo" another', () => {
  const directive = (items: string) => `THỦ TƯỚNG CHÍNH PHỦ
Số: 21/CT-TTg
Hà Nội, ngày 08 tháng 6 năm 2026
CHỈ THỊ
Về tăng cường công tác phòng, chống thiên tai năm 2026
Thời gian qua, công tác phòng, chống thiên tai đã đạt nhiều kết quả. Để chủ động ứng phó, Thủ tướng Chính phủ chỉ thị:
${items}
THỦ TƯỚNG
Phạm Văn Minh
`;
  it('charges the bodies that direct their own forces, and the body a government directs', () => {
    const doc = directive(`1. Bộ Quốc phòng, Bộ Công an chỉ đạo các lực lượng sẵn sàng tham gia cứu hộ, cứu nạn.
2. Bộ Giao thông vận tải chỉ đạo các đơn vị trực thuộc bảo đảm giao thông thông suốt.
3. Ủy ban nhân dân các tỉnh chỉ đạo Sở Nông nghiệp và Môi trường kiểm tra an toàn hồ đập.`);
    expect(byText(doc, 'cứu hộ').lead).toEqual(['Bộ Quốc phòng', 'Bộ Công an']);
    expect(byText(doc, 'giao thông thông suốt').lead).toEqual(['Bộ Giao thông vận tải']);
    expect(byText(doc, 'hồ đập').lead).toEqual(['Sở Nông nghiệp và Môi trường']);
  });
  it('keeps an item that directs the addressee\'s own units ("Chỉ đạo các đơn vị …") with the addressee', () => {
    const letter = (leadIn: string, items: string) => `BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 2140/BNNMT-TT
V/v phòng, chống rét đậm, rét hại

Hà Nội, ngày 25 tháng 11 năm 2026

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố.

${leadIn}

${items}

Nơi nhận:
- Như trên;
- Lưu: VT.
`;
    const a = letter('Bộ Nông nghiệp và Môi trường đề nghị Ủy ban nhân dân tỉnh Hà Giang thực hiện một số nội dung sau:', `1. Rà soát cơ cấu giống lúa phù hợp.
2. Chỉ đạo các đơn vị trực thuộc chủ động nguồn nước cho gieo cấy.
3. Chỉ đạo các cơ quan chức năng kiểm tra vật tư nông nghiệp.
4. Chỉ đạo Sở Nông nghiệp và Môi trường chuẩn bị mạ dự phòng.`);
    expect(byText(a, 'nguồn nước').lead).toEqual(['Ủy ban nhân dân tỉnh Hà Giang']);
    expect(byText(a, 'vật tư nông nghiệp').lead).toEqual(['Ủy ban nhân dân tỉnh Hà Giang']);
    // a body named by its name is the one charged, as before
    expect(byText(a, 'mạ dự phòng').lead).toEqual(['Sở Nông nghiệp và Môi trường']);
    const b = letter('Đề nghị Ủy ban nhân dân tỉnh Cao Bằng:', `a) Chỉ đạo các lực lượng chức năng tăng cường tuần tra biên giới.
b) Chỉ đạo các phòng chuyên môn hướng dẫn nông dân che phủ mạ.`);
    expect(byText(b, 'tuần tra biên giới').lead).toEqual(['Ủy ban nhân dân tỉnh Cao Bằng']);
    expect(byText(b, 'che phủ mạ').lead).toEqual(['Ủy ban nhân dân tỉnh Cao Bằng']);
  });
  it('keeps the body asked to direct bodies named only by their kind ("Đề nghị X chỉ đạo các bệnh viện …")', () => {
    const doc = directive(`1. Đề nghị Sở Y tế quan tâm chỉ đạo các bệnh viện bảo đảm đủ thuốc.
2. Yêu cầu UBND các xã chỉ đạo các thôn, tổ dân phố ra quân dọn vệ sinh.
3. Đề nghị UBND tỉnh chỉ đạo Công an tỉnh tăng cường tuần tra.`);
    expect(byText(doc, 'đủ thuốc').lead).toEqual(['Sở Y tế']);
    expect(byText(doc, 'dọn vệ sinh').lead).toEqual([expect.stringMatching(/^UBND (các|cấp) xã$/u)]);
    expect(byText(doc, 'tăng cường tuần tra').lead).toEqual(['Công an tỉnh']);
    const front = directive('1. Đề nghị Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh chỉ đạo Mặt trận các cấp giám sát việc sắp xếp thôn.');
    expect(byText(front, 'sắp xếp thôn').lead).toEqual(['Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh']);
  });
  it('keeps a title line apart from the next paragraph in a text with one paragraph per line', () => {
    expect(extract(directive('1. Bộ Công an chỉ đạo bảo đảm an ninh.')).document.subject).toBe('Về tăng cường công tác phòng, chống thiên tai năm 2026');
  });
  it('still joins the lines of a paragraph hard-wrapped at a fixed width, capitalised or not', () => {
    const wrapped = directive(`1. Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với các bộ, ngành và
Ủy ban nhân dân các tỉnh kiểm tra an toàn hồ đập, hoàn thành trước ngày
30 tháng 6 năm 2026; báo cáo kết quả cho Thủ tướng Chính phủ qua Văn
Phòng Chính phủ trước ngày 15 tháng 7 năm 2026.
2. Bộ Công an chỉ đạo bảo đảm an ninh trật tự tại các vùng bị thiên tai.`);
    const t = byText(wrapped, 'an toàn hồ đập');
    expect(t.text).toMatch(/Văn Phòng Chính phủ trước ngày 15 tháng 7 năm 2026\.$/u);
    expect(t.lead).toEqual(['Bộ Nông nghiệp và Môi trường']);
  });
});

describe('the subject line of a resolution stops before the enacting body’s title', () => {
  it('keeps "HỘI ĐỒNG NHÂN DÂN TỈNH …" and "KHÓA …, KỲ HỌP …" out of the subject', () => {
    for (const gap of ['\n', '\n\n']) {
      const doc = ['HỘI ĐỒNG NHÂN DÂN', 'TỈNH NINH BÌNH', 'Số: 30/NQ-HĐND', 'Ninh Bình, ngày 10 tháng 12 năm 2026', 'NGHỊ QUYẾT',
        'Về nhiệm vụ phát triển kinh tế - xã hội năm 2027', 'HỘI ĐỒNG NHÂN DÂN TỈNH NINH BÌNH', 'KHÓA XV, KỲ HỌP THỨ 12',
        'Căn cứ Luật Tổ chức chính quyền địa phương;', 'QUYẾT NGHỊ:', 'Điều 1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.'].join(gap);
      expect(extract(doc).document.subject).toBe('Về nhiệm vụ phát triển kinh tế - xã hội năm 2027');
    }
  });
});

describe('class 2 (continued): unnumbered addressee headings one after another, each over its dash items', () => {
  const notice = (body: string) => `UBND TỈNH ĐẮK LẮK
VĂN PHÒNG
Số: 512/TB-VPUBND
Đắk Lắk, ngày 20 tháng 10 năm 2026
THÔNG BÁO
Ý kiến chỉ đạo của Phó Chủ tịch UBND tỉnh tại cuộc họp về phòng, chống dịch bệnh

Phó Chủ tịch UBND tỉnh chỉ đạo như sau:

1. Đánh giá chung
Thời gian qua, các cơ quan đã tích cực triển khai các biện pháp phòng, chống dịch.

2. Nhiệm vụ thời gian tới
${body}
`;
  const A = notice(`Đối với Sở Nông nghiệp và Môi trường:
+ Tham mưu ban hành kế hoạch phòng, chống dịch giai đoạn 2027-2030, trình trước ngày 15/11/2026.
+ Hướng dẫn người chăn nuôi thực hiện các biện pháp an toàn sinh học.
Sở Tài chính:
+ Tham mưu bố trí kinh phí hỗ trợ người chăn nuôi có lợn bị tiêu hủy.
UBND các xã, phường:
+ Thành lập các chốt kiểm dịch tạm thời tại các vùng có dịch.
+ Báo cáo tình hình dịch bệnh vào thứ Năm hằng tuần.`);
  const B = notice(`Sở Y tế:
- Giám sát các ca bệnh truyền nhiễm tại cộng đồng.

Đối với Trung tâm Kiểm soát bệnh tật tỉnh:
- Cấp phát hóa chất khử trùng cho các xã có dịch.

Hạt Kiểm lâm khu vực Ea Súp:
- Phối hợp kiểm soát việc vận chuyển động vật qua rừng.`);
  it('gives each heading’s dash items to that heading’s addressee', () => {
    expect(byText(A, 'kế hoạch phòng, chống dịch').lead).toEqual(['Sở Nông nghiệp và Môi trường']);
    expect(byText(A, 'an toàn sinh học').lead).toEqual(['Sở Nông nghiệp và Môi trường']);
    expect(byText(A, 'bố trí kinh phí').lead).toEqual(['Sở Tài chính']);
    expect(byText(A, 'chốt kiểm dịch').lead).toEqual([expect.stringMatching(/^UBND (cấp|các) xã/u)]);
    expect(byText(A, 'thứ Năm hằng tuần').lead).toEqual([expect.stringMatching(/^UBND (cấp|các) xã/u)]);
    expect(byText(B, 'ca bệnh truyền nhiễm').lead).toEqual(['Sở Y tế']);
    expect(byText(B, 'hóa chất khử trùng').lead).toEqual(['Trung tâm Kiểm soát bệnh tật tỉnh']);
    expect(byText(B, 'vận chuyển động vật').lead).toEqual(['Hạt Kiểm lâm khu vực Ea Súp']);
  });
  it('makes no task of a heading line itself', () => {
    for (const doc of [A, B]) expect(tasksOf(doc).some((t) => /^(Đối với |Sở Tài chính:|UBND các xã, phường:|Sở Y tế:)/u.test(t.text))).toBe(false);
    expect(tasksOf(A)).toHaveLength(5);
    expect(tasksOf(B)).toHaveLength(3);
  });
});

describe('class 1 (continued): abbreviated names and recurring dates in table cells', () => {
  const plan = (rows: string) => `ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ
Số: 77/KH-UBND
Phú Thọ, ngày 12 tháng 01 năm 2027
KẾ HOẠCH
Cải cách hành chính năm 2027

PHỤ LỤC: PHÂN CÔNG NHIỆM VỤ
TT | Nội dung | Chủ trì | Phối hợp | Thời gian
${rows}
`;
  it('keeps a hyphenated abbreviation inside a name ("Đài PT-TH tỉnh", "Sở LĐ-TB&XH")', () => {
    const doc = plan(`1 | Tuyên truyền cải cách hành chính | Sở VHTT&DL | Báo Phú Thọ, Đài PT-TH tỉnh | Thường xuyên
2 | Rà soát chính sách cho người có công | Sở LĐ-TB&XH | Sở Tài chính | Tháng 5`);
    expect(byText(doc, 'Tuyên truyền').support).toEqual(['Báo Phú Thọ', 'Đài PT-TH tỉnh']);
    expect(byText(doc, 'người có công').lead).toEqual(['Sở LĐ-TB&XH']);
  });
  it('reads "Trước 15/12 hằng năm" and "Ngày 25 hằng tháng" in the date column as recurrences', () => {
    const doc = plan(`1 | Kiểm tra công tác cải cách hành chính | Sở Nội vụ | Sở Tư pháp | Trước 15/12 hằng năm
2 | Báo cáo kết quả giải quyết thủ tục | Trung tâm Phục vụ hành chính công tỉnh | | Trước ngày 25 hằng tháng`);
    expect(byText(doc, 'Kiểm tra công tác')).toMatchObject({ due: '2027-12-15', recurrence: { freq: 'yearly', day: 15, month: 12 } });
    expect(byText(doc, 'giải quyết thủ tục')).toMatchObject({ due: '2027-01-25', recurrence: { freq: 'monthly', day: 25 } });
  });
});

describe('class 3 (continued): named local governments, and supporters named at an item’s start', () => {
  const notice = (items: string) => provincial({ province: 'Kon Tum', number: '300/TB-UBND', date: '05 tháng 8 năm 2026', compact: true }, `
Chủ tịch UBND tỉnh kết luận như sau:
${items}
`);
  it('reads "UBND các xã: A, B và C" as the government of each commune named', () => {
    const doc = notice(`1. UBND các xã: Đăk Hà, Ngọk Tụ và Đăk Tô rà soát số trẻ em trong độ tuổi đi học trước ngày 20/8/2026.
2. Ủy ban nhân dân các phường: Trường Chinh, Duy Tân tổ chức ra quân làm sạch đường phố.`);
    expect(byText(doc, 'độ tuổi đi học')).toMatchObject({ lead: ['UBND xã Đăk Hà', 'UBND xã Ngọk Tụ', 'UBND xã Đăk Tô'], due: '2026-08-20' });
    expect(byText(doc, 'làm sạch đường phố').lead).toEqual(['Ủy ban nhân dân phường Trường Chinh', 'Ủy ban nhân dân phường Duy Tân']);
  });
  it('makes the bodies an inherited item says it works with ("Phối hợp với X …") its supporters', () => {
    const doc = notice(`1. Giao Sở Giáo dục và Đào tạo:
a) Phối hợp với Sở Nội vụ rà soát, bổ sung biên chế giáo viên còn thiếu.
b) Chủ động phối hợp với Sở Tài chính, Sở Xây dựng lập danh mục trường học cần sửa chữa.
c) Chuẩn bị các điều kiện cho năm học mới.`);
    expect(byText(doc, 'biên chế giáo viên')).toMatchObject({ lead: ['Sở Giáo dục và Đào tạo'], support: ['Sở Nội vụ'] });
    expect(byText(doc, 'trường học cần sửa chữa').support).toEqual(['Sở Tài chính', 'Sở Xây dựng']);
    expect(byText(doc, 'năm học mới').support).toEqual([]);
  });
  it('reads the communes named without a colon too: "UBND các xã Gio Hải, Gio Mỹ"', () => {
    const doc = notice(`1. Ban Quản lý dự án tỉnh phối hợp với UBND các xã Gio Hải, Gio Mỹ chi trả tiền bồi thường.
2. UBND các phường Đông Lễ và Đông Lương ra quân dọn vệ sinh đường phố.
3. UBND các xã biên giới tăng cường tuần tra.`);
    expect(byText(doc, 'bồi thường').support).toEqual(['UBND xã Gio Hải', 'UBND xã Gio Mỹ']);
    expect(byText(doc, 'dọn vệ sinh').lead).toEqual(['UBND phường Đông Lễ', 'UBND phường Đông Lương']);
    // a lower-case word after "các xã" is a description of the communes, not a name
    expect(byText(doc, 'tuần tra').lead).not.toContain('UBND xã biên giới');
  });
});

describe('class 3 (continued): a plural addressee narrowed by what its members have', () => {
  const notice = (items: string) => provincial({ province: 'Thanh Hóa', number: '08/CT-UBND', date: '22 tháng 4 năm 2026', title: 'CHỈ THỊ\nVề phòng cháy, chữa cháy rừng' }, `Chủ tịch UBND tỉnh chỉ thị:

${items}
`);
  it('keeps "… có rừng", "… có dự án …" as part of the addressee, as printed, before the predicate', () => {
    const doc = notice(`1. UBND các xã, phường có rừng kiện toàn Ban Chỉ huy phòng cháy rừng cấp xã trước ngày 15/5/2026.
2. Chủ tịch UBND các xã có đông đồng bào dân tộc thiểu số chịu trách nhiệm rà soát hộ nghèo.
3. Các địa phương có dự án chậm tiến độ tổ chức đối thoại với người dân.
4. Các hợp tác xã thuộc vùng nguyên liệu xây dựng phương án sản xuất vụ đông.`);
    expect(byText(doc, 'Ban Chỉ huy')).toMatchObject({ lead: ['UBND các xã, phường có rừng'], due: '2026-05-15' });
    expect(byText(doc, 'hộ nghèo').lead).toEqual(['UBND các xã có đông đồng bào dân tộc thiểu số']);
    expect(byText(doc, 'đối thoại').lead).toEqual(['các địa phương có dự án chậm tiến độ']);
    expect(byText(doc, 'vụ đông').lead).toEqual(['các hợp tác xã thuộc vùng nguyên liệu']);
  });
  it('reads owners named by what they own as a group ("các chủ hồ chứa", "các chủ phương tiện")', () => {
    const doc = notice(`1. Các chủ hồ chứa kiểm tra hiện trạng công trình, hoàn thành trước ngày 15/10/2026.
2. Các chủ phương tiện thủy nội địa chấp hành nghiêm quy định về an toàn.
3. Các chủ cơ sở kinh doanh xăng dầu niêm yết giá công khai.`);
    expect(byText(doc, 'hiện trạng công trình')).toMatchObject({ lead: ['các chủ hồ chứa'], due: '2026-10-15' });
    expect(byText(doc, 'thủy nội địa').lead).toEqual(['các chủ phương tiện thủy nội địa']);
    expect(byText(doc, 'niêm yết giá').lead).toEqual(['các chủ cơ sở kinh doanh xăng dầu']);
  });
  it('reads a passive that narrows the addressee ("được phân công", "được giao …") as part of it, not as an account', () => {
    const doc = notice(`1. Các cơ quan, đơn vị được phân công chủ động triển khai, báo cáo kết quả trước ngày 10/01/2027.
2. Các đơn vị được giao kế hoạch vốn năm 2026 đẩy nhanh giải ngân.
3. Các đơn vị đã được phân bổ vốn.`);
    expect(byText(doc, 'chủ động triển khai')).toMatchObject({ lead: ['các cơ quan, đơn vị được phân công'], due: '2027-01-10' });
    expect(byText(doc, 'đẩy nhanh giải ngân').lead).toEqual(['các đơn vị được giao kế hoạch vốn năm 2026']);
    // what was done is no task
    expect(tasksOf(doc).some((t) => t.text.includes('đã được phân bổ'))).toBe(false);
  });
  it('leaves "có" alone when it is the predicate, or when the addressee is one named body', () => {
    const doc = notice(`1. Các sở, ngành có văn bản hướng dẫn thực hiện trước ngày 30/5/2026.
2. Các đơn vị có liên quan phối hợp thực hiện.
3. Sở Nông nghiệp và Môi trường có trách nhiệm kiểm tra các khu rừng.`);
    expect(byText(doc, 'văn bản hướng dẫn').lead).toEqual(['các sở, ban, ngành']);
    expect(byText(doc, 'kiểm tra các khu rừng').lead).toEqual(['Sở Nông nghiệp và Môi trường']);
  });
});

describe('class 3 (continued): the Party’s documents and committees', () => {
  const conclusion = (numberLine: string, items: string) => `TỈNH ỦY QUẢNG NGÃI
BAN THƯỜNG VỤ
*
${numberLine}

ĐẢNG CỘNG SẢN VIỆT NAM

Quảng Ngãi, ngày 20 tháng 9 năm 2026

KẾT LUẬN
của Ban Thường vụ Tỉnh ủy về công tác cán bộ trẻ

Tại hội nghị ngày 15/9/2026, Ban Thường vụ Tỉnh ủy kết luận như sau:

${items}

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC
Đinh Thị Hồng Minh
`;
  it('reads the kind, the hyphenated number and the lower-case subject under the kind', () => {
    for (const numberLine of ['Số 45-KL/TU', 'Số: 45-KL/TU']) {
      const d = extract(conclusion(numberLine, '1. Ban Tổ chức Tỉnh ủy rà soát quy hoạch cán bộ trẻ.')).document;
      expect(d).toMatchObject({ kind: 'KẾT LUẬN', number: '45-KL/TU', date: '2026-09-20', subject: 'của Ban Thường vụ Tỉnh ủy về công tác cán bộ trẻ' });
    }
    const directive = `BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 52-CT/TW

Hà Nội, ngày 03 tháng 10 năm 2026

CHỈ THỊ
về tăng cường công tác phát triển đảng viên

Bộ Chính trị yêu cầu:

1. Các cấp ủy, tổ chức đảng quán triệt sâu sắc Chỉ thị.
`;
    expect(extract(directive).document).toMatchObject({ kind: 'CHỈ THỊ', number: '52-CT/TW', subject: 'về tăng cường công tác phát triển đảng viên' });
    expect(byText(directive, 'quán triệt').lead).toEqual(['các cấp ủy, tổ chức đảng']);
  });
  it('reads lists of Party committees, however long, and bodies under one', () => {
    const doc = conclusion('Số 45-KL/TU', `1. Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch đào tạo cán bộ trẻ trước ngày 30/10/2026.
2. Các chi bộ, đảng bộ cơ sở tổ chức sinh hoạt chuyên đề.
3. Các sở, ngành trực thuộc UBND tỉnh rà soát vị trí việc làm.`);
    expect(byText(doc, 'đào tạo cán bộ trẻ')).toMatchObject({ lead: ['các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy'], due: '2026-10-30' });
    expect(byText(doc, 'sinh hoạt chuyên đề').lead).toEqual(['các chi bộ, đảng bộ cơ sở']);
    expect(byText(doc, 'vị trí việc làm').lead).toEqual(['các sở, ngành trực thuộc UBND tỉnh']);
  });
});

describe('class 6 (continued): an item that charges a second addressee after a semicolon', () => {
  const notice = (items: string) => concludes({ province: 'Bình Định', number: '77/TB-UBND', date: '11 tháng 11 năm 2026' }, items);
  it('leads the item with both addressees, after "Giao X …" as after "X …"', () => {
    const doc = notice(`1. Giao Sở Công Thương chỉ đạo Công ty Điện lực bảo đảm an toàn lưới điện; Sở Xây dựng hướng dẫn chằng chống nhà cửa.
2. Sở Y tế chuẩn bị cơ số thuốc; Sở Tài chính bố trí kinh phí trước ngày 20/11/2026.
3. Giao Ban Quản lý dự án tỉnh đẩy nhanh tiến độ thi công; UBND xã Phù Cát phối hợp giải phóng mặt bằng.`);
    expect(byText(doc, 'lưới điện').lead).toEqual(['Sở Công Thương', 'Sở Xây dựng']);
    expect(byText(doc, 'cơ số thuốc')).toMatchObject({ lead: ['Sở Y tế', 'Sở Tài chính'], due: '2026-11-20' });
    expect(byText(doc, 'tiến độ thi công').lead).toEqual(['Ban Quản lý dự án tỉnh', 'UBND xã Phù Cát']);
  });
  it('reads "…; giao X …" after an approval, and "Kiến nghị Bộ X …" as a request to X', () => {
    const doc = notice(`1. Về đề xuất của Sở Y tế: Đồng ý; giao Sở Y tế hoàn thiện hồ sơ trình UBND tỉnh trước ngày 30/11/2026.
2. Đồng ý chủ trương đầu tư dự án; giao Sở Tài chính hướng dẫn chủ đầu tư hoàn thiện thủ tục.
3. Về kiến nghị của xã Phù Mỹ: Thống nhất; đề nghị Sở Xây dựng hướng dẫn quy trình.
4. Kiến nghị Bộ Xây dựng sớm ban hành hướng dẫn về định mức.`);
    expect(byText(doc, 'hoàn thiện hồ sơ')).toMatchObject({ lead: ['Sở Y tế'], due: '2026-11-30' });
    expect(byText(doc, 'hoàn thiện thủ tục').lead).toEqual(['Sở Tài chính']);
    expect(byText(doc, 'hướng dẫn quy trình').lead).toEqual(['Sở Xây dựng']);
    expect(byText(doc, 'định mức').lead).toEqual(['Bộ Xây dựng']);
  });
  it('does not charge the issuer with what it says it will do', () => {
    const doc = notice(`1. Giao Sở Nội vụ thẩm định hồ sơ; UBND tỉnh sẽ xem xét, quyết định.
2. Sở Tư pháp rà soát dự thảo. UBND tỉnh sẽ ban hành sau khi có ý kiến của Bộ.`);
    expect(byText(doc, 'thẩm định hồ sơ').lead).toEqual(['Sở Nội vụ']);
    expect(byText(doc, 'rà soát dự thảo').lead).toEqual(['Sở Tư pháp']);
  });
});

describe('class 4 (continued): whom a letter or a dispatch is sent to', () => {
  const dispatch = (issuer: string, recipients: string, items: string) => `${issuer}
Số: 95/CĐ-TTg

Hà Nội, ngày 28 tháng 10 năm 2026

CÔNG ĐIỆN
Về việc tập trung ứng phó khẩn cấp với bão số 12

${issuer} điện:
${recipients}

Hiện nay bão số 12 đang di chuyển nhanh vào vùng biển các tỉnh phía Bắc. Để chủ động ứng phó, yêu cầu:

${items}
`;
  it('keeps the recipients of a dispatch ("… điện:") out of the tasks, and reads "… nêu trên" as the group', () => {
    const doc = dispatch(
      'THỦ TƯỚNG CHÍNH PHỦ',
      `- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Quảng Ninh, Hải Phòng, Thái Bình;
- Các Bộ trưởng các Bộ: Quốc phòng, Công an.`,
      `1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên tiếp tục theo dõi chặt chẽ diễn biến bão, sơ tán dân trước 17 giờ ngày 29 tháng 10 năm 2026.
2. Bộ trưởng Bộ Quốc phòng, Bộ trưởng Bộ Công an chỉ đạo các đơn vị đóng quân trên địa bàn sẵn sàng lực lượng.`,
    );
    const tasks = tasksOf(doc);
    expect(tasks.map((t) => t.ref)).toEqual(['1', '2']);
    expect(byText(doc, 'sơ tán dân')).toMatchObject({ lead: ['UBND cấp tỉnh'], due: '2026-10-29' });
    expect(extract(doc).document.addressedTo).toHaveLength(2);
    const minister = dispatch('BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', '- Ủy ban nhân dân các tỉnh ven biển;\n- Sở Nông nghiệp và Môi trường các tỉnh ven biển.', '1. Kêu gọi tàu thuyền vào nơi tránh trú an toàn.');
    expect(byText(minister, 'tàu thuyền')).toMatchObject({ needsReview: expect.arrayContaining(['lead-implicit']) });
    expect(tasksOf(minister)).toHaveLength(1);
  });
  it('reads a recipient wrapped over several lines as one, up to its semicolon', () => {
    const letter = `ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
Số: 193/UBND-KT
V/v tăng cường quản lý vật liệu nổ công nghiệp

Lào Cai, ngày 10 tháng 01 năm 2026

Kính gửi:

- Các Sở, ngành: Công Thương, Nội vụ, Công an tỉnh, Ban Chỉ huy

Bộ đội Biên phòng tỉnh;

- UBND các xã, phường;

- Tổ chức, doanh nghiệp hoạt động trong lĩnh vực vật liệu nổ công nghiệp.

Để tăng cường quản lý, UBND tỉnh yêu cầu:

1. Rà soát các kho vật liệu nổ công nghiệp.
`;
    expect(extract(letter).document.addressedTo).toEqual([
      'Các Sở, ngành: Công Thương, Nội vụ, Công an tỉnh, Ban Chỉ huy Bộ đội Biên phòng tỉnh',
      'UBND các xã, phường',
      'Tổ chức, doanh nghiệp hoạt động trong lĩnh vực vật liệu nổ công nghiệp',
    ]);
    expect(tasksOf(letter).map((t) => t.ref)).toEqual(['1']);
    expect(byText(letter, 'kho vật liệu nổ').lead).toEqual(expect.arrayContaining(['Sở Công Thương', 'Ban Chỉ huy Bộ đội Biên phòng tỉnh', 'UBND cấp xã']));
  });
});

describe('structure: items numbered with a slash ("1/", "a/", "II/")', () => {
  const notice = (items: string) => provincial({ province: 'Sóc Trăng', number: '88/TB-VP', date: '15 tháng 7 năm 2026', compact: true }, `Phó Chủ tịch UBND tỉnh chỉ đạo như sau:
${items}
`);
  it('reads them as the dotted labels, levels and all', () => {
    const doc = notice(`I/ VỀ PHÒNG, CHỐNG SẠT LỞ
1/ Sở Nông nghiệp và Môi trường khẩn trương kiểm tra tình hình sạt lở, báo cáo trước ngày 25/7/2026.
2/ UBND thị xã Vĩnh Châu:
a/ Di dời các hộ dân ra khỏi khu vực nguy hiểm.
b/ Cắm biển cảnh báo tại các điểm sạt lở.
II/ VỀ KINH PHÍ
1/ Sở Tài chính cân đối, bố trí kinh phí khắc phục trong tháng 8/2026.`);
    expect(tasksOf(doc).map((t) => t.ref)).toEqual(['I.1', 'I.2.a', 'I.2.b', 'II.1']);
    expect(byText(doc, 'Di dời')).toMatchObject({ lead: ['UBND thị xã Vĩnh Châu'] });
    expect(byText(doc, 'kiểm tra tình hình sạt lở').due).toBe('2026-07-25');
    expect(byText(doc, 'bố trí kinh phí').due).toBe('2026-08-31');
  });
  it('does not take a date at a line start for a label', () => {
    const doc = notice(`1/ Sở Y tế báo cáo kết quả trước ngày
15/8/2026 để tổng hợp.`);
    expect(byText(doc, 'báo cáo kết quả').due).toBe('2026-08-15');
    expect(tasksOf(doc)).toHaveLength(1);
  });
});

describe('clause subjects after a deadline or a basis that opens the item', () => {
  const notice = (items: string) => concludes({ province: 'Hà Tĩnh', number: '40/TB-UBND', date: '05 tháng 10 năm 2026' }, items);
  it('finds the addressee after "Trước ngày …,", "Chậm nhất ngày …,", "Căn cứ …,"', () => {
    const doc = notice(`1. Trước ngày 15/11/2026, Sở Tài chính tổng hợp, báo cáo UBND tỉnh.
2. Chậm nhất ngày 20/11/2026, các sở, ngành gửi báo cáo về Sở Nội vụ.
3. Căn cứ kết quả rà soát, Sở Nội vụ tham mưu UBND tỉnh điều chỉnh biên chế.
4. Kết quả thực hiện: Sở Y tế đã hoàn thành 90% kế hoạch.`);
    expect(byText(doc, 'tổng hợp, báo cáo')).toMatchObject({ lead: ['Sở Tài chính'], due: '2026-11-15' });
    expect(byText(doc, 'gửi báo cáo')).toMatchObject({ lead: ['các sở, ban, ngành'], due: '2026-11-20' });
    expect(byText(doc, 'điều chỉnh biên chế').lead).toEqual(['Sở Nội vụ']);
    // an assessment heading stays out
    expect(tasksOf(doc).some((t) => t.text.includes('90%'))).toBe(false);
  });
});

describe('role words whose last word is the head of the name after them', () => {
  const notice = (items: string) => concludes({ province: 'Hà Tĩnh', number: '41/TB-UBND', date: '06 tháng 10 năm 2026' }, items);
  it('keeps the body the leader heads ("Chánh Văn phòng UBND tỉnh" → "Văn phòng UBND tỉnh")', () => {
    const doc = notice(`1. Giao Chánh Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện.
2. Chánh Thanh tra tỉnh chủ trì thanh tra việc quản lý đất đai.
3. Trưởng Ban Dân tộc tỉnh chủ trì rà soát chính sách.
4. Trưởng ban Ban Tổ chức Tỉnh ủy hướng dẫn quy trình.
5. Chánh án Tòa án nhân dân tỉnh chỉ đạo đẩy nhanh xét xử.`);
    expect(byText(doc, 'đôn đốc việc').lead).toEqual(['Văn phòng UBND tỉnh']);
    expect(byText(doc, 'quản lý đất đai').lead).toEqual(['Thanh tra tỉnh']);
    expect(byText(doc, 'rà soát chính sách').lead).toEqual(['Ban Dân tộc tỉnh']);
    expect(byText(doc, 'hướng dẫn quy trình').lead).toEqual(['Ban Tổ chức Tỉnh ủy']);
    expect(byText(doc, 'xét xử').lead).toEqual(['Tòa án nhân dân tỉnh']);
  });
  it('drops "Đồng chí" before a leader\'s title like the title itself', () => {
    const doc = notice(`1. Đồng chí Giám đốc Sở Y tế trực tiếp chỉ đạo công tác phòng dịch.
2. Đồng chí Chủ tịch UBND xã Gio Hải chịu trách nhiệm về tiến độ bàn giao mặt bằng.
3. Giao đồng chí Giám đốc Sở Tài chính rà soát nguồn vốn.`);
    expect(byText(doc, 'phòng dịch').lead).toEqual(['Sở Y tế']);
    expect(byText(doc, 'bàn giao mặt bằng').lead).toEqual(['UBND xã Gio Hải']);
    expect(byText(doc, 'nguồn vốn').lead).toEqual(['Sở Tài chính']);
  });
});

describe('a lead marked among the bodies of one list ("X (chủ trì), Y, Z …")', () => {
  const notice = (items: string) => concludes({ province: 'Sơn Nguyên', number: '52/TB-UBND', date: '12 tháng 10 năm 2026' }, items);
  it('makes the marked body the lead and the others support, however the mark is written', () => {
    const doc = notice(`1. Sở Y tế (chủ trì), Sở Tài chính, Bảo hiểm xã hội tỉnh rà soát danh mục thuốc bảo hiểm.
2. Giao Sở Xây dựng (cơ quan chủ trì), Sở Tài chính, UBND các xã rà soát quy hoạch khu dân cư.
3. Sở Nội vụ (chủ trì), Sở Tư pháp (phối hợp) tham mưu sắp xếp các đơn vị sự nghiệp.
4. Đề nghị Công an tỉnh (đơn vị chủ trì), Sở Giao thông vận tải lập phương án phân luồng.`);
    expect(byText(doc, 'danh mục thuốc')).toMatchObject({ lead: ['Sở Y tế'], support: ['Sở Tài chính', 'Bảo hiểm xã hội tỉnh'] });
    expect(byText(doc, 'khu dân cư')).toMatchObject({ lead: ['Sở Xây dựng'], support: ['Sở Tài chính', 'UBND cấp xã'] });
    expect(byText(doc, 'đơn vị sự nghiệp')).toMatchObject({ lead: ['Sở Nội vụ'], support: ['Sở Tư pháp'] });
    expect(byText(doc, 'phân luồng').lead).toEqual(['Công an tỉnh']);
    expect(byText(doc, 'phân luồng').support).toContain('Sở Giao thông vận tải');
  });
  it('reads "X chủ trì, Y, Z phối hợp …" as X leading and Y, Z supporting', () => {
    const doc = notice(`1. Sở Tư pháp chủ trì, Sở Nội vụ, Thanh tra tỉnh phối hợp rà soát văn bản quy phạm pháp luật.
2. Sở Công Thương chủ trì, Công an tỉnh và Sở Tài chính cùng phối hợp kiểm tra thị trường.
3. Sở Tài chính chủ trì, phối hợp với Sở Xây dựng thẩm định dự án.`);
    expect(byText(doc, 'văn bản quy phạm')).toMatchObject({ lead: ['Sở Tư pháp'], support: ['Sở Nội vụ', 'Thanh tra tỉnh'] });
    expect(byText(doc, 'kiểm tra thị trường')).toMatchObject({ lead: ['Sở Công Thương'], support: ['Công an tỉnh', 'Sở Tài chính'] });
    expect(byText(doc, 'thẩm định dự án')).toMatchObject({ lead: ['Sở Tài chính'], support: ['Sở Xây dựng'] });
  });
  it('reads the marks inside a list spelled out after "các Sở:"', () => {
    const doc = notice(`1. Các sở: Y tế (chủ trì), Tài chính, Nội vụ rà soát định mức biên chế bệnh viện.
2. Các Sở: Giao thông vận tải (chủ trì), Xây dựng (phối hợp), Tài chính (phối hợp) rà soát quy hoạch bến xe.
3. Giao các sở: Tư pháp (chủ trì), Nội vụ tổng kết công tác pháp chế.`);
    expect(byText(doc, 'biên chế bệnh viện')).toMatchObject({ lead: ['Sở Y tế'], support: ['Sở Tài chính', 'Sở Nội vụ'] });
    expect(byText(doc, 'bến xe')).toMatchObject({ lead: ['Sở Giao thông vận tải'], support: ['Sở Xây dựng', 'Sở Tài chính'] });
    expect(byText(doc, 'pháp chế')).toMatchObject({ lead: ['Sở Tư pháp'], support: ['Sở Nội vụ'] });
  });
  it('keeps bodies marked "(đồng chủ trì)" all leads, and reads a table\'s single body column the same way', () => {
    const doc = notice('1. Sở Tài chính, Sở Xây dựng (đồng chủ trì) thẩm định báo cáo nghiên cứu khả thi.');
    expect(byText(doc, 'khả thi')).toMatchObject({ lead: ['Sở Tài chính', 'Sở Xây dựng'], support: [] });
    const table = provincial({ province: 'Sơn Nguyên', number: '53/KH-UBND', date: '14 tháng 10 năm 2026', title: 'KẾ HOẠCH\nCải cách hành chính năm 2027' }, `STT | Nhiệm vụ | Cơ quan thực hiện | Thời gian
1 | Rà soát thủ tục hành chính | Sở Tư pháp (chủ trì), Sở Nội vụ | Quý I/2027
2 | Số hóa hồ sơ một cửa | Sở Khoa học và Công nghệ | Quý II/2027`);
    expect(byText(table, 'Rà soát thủ tục')).toMatchObject({ lead: ['Sở Tư pháp'], support: ['Sở Nội vụ'] });
    expect(byText(table, 'Số hóa hồ sơ').lead).toEqual(['Sở Khoa học và Công nghệ']);
  });
});

describe('a second addressee after a connective ("…; đồng thời, Y …")', () => {
  const notice = (items: string) => concludes({ province: 'Đông Lĩnh', number: '61/TB-UBND', date: '20 tháng 10 năm 2026' }, items);
  it('makes the body named after "đồng thời," / "ngoài ra," a lead of the item too', () => {
    const doc = notice(`1. Sở Nông nghiệp và Môi trường kiểm tra an toàn các hồ chứa; đồng thời, Công an tỉnh tăng cường tuần tra khu vực hạ lưu.
2. Giao Sở Công Thương chủ trì kiểm tra thị trường xăng dầu; đồng thời, Sở Tài chính theo dõi giá mặt hàng thiết yếu.
3. Sở Y tế bảo đảm thuốc cho vùng lũ. Ngoài ra, Sở Giáo dục và Đào tạo rà soát trường học bị ngập.
4. Sở Xây dựng hướng dẫn gia cố nhà ở; bên cạnh đó, UBND các xã vùng trũng di dời dân khỏi nơi nguy hiểm.`);
    expect(byText(doc, 'hồ chứa').lead).toEqual(['Sở Nông nghiệp và Môi trường', 'Công an tỉnh']);
    expect(byText(doc, 'xăng dầu').lead).toEqual(['Sở Công Thương', 'Sở Tài chính']);
    expect(byText(doc, 'vùng lũ').lead).toEqual(['Sở Y tế', 'Sở Giáo dục và Đào tạo']);
    expect(byText(doc, 'gia cố nhà ở').lead[0]).toBe('Sở Xây dựng');
    expect(byText(doc, 'gia cố nhà ở').lead).toHaveLength(2);
  });
  it('adds nobody when the connective opens only a further action of the same lead or the issuer\'s promise', () => {
    const doc = notice(`1. Sở Tài chính cân đối nguồn vốn; đồng thời, tham mưu phân bổ vốn cho các dự án cấp bách.
2. Sở Nội vụ hoàn thiện đề án; đồng thời, UBND tỉnh sẽ xem xét bổ sung biên chế.`);
    expect(byText(doc, 'cân đối nguồn vốn').lead).toEqual(['Sở Tài chính']);
    expect(byText(doc, 'hoàn thiện đề án').lead).toEqual(['Sở Nội vụ']);
  });
});

describe('a complete item that has items of its own', () => {
  const plan = (body: string) => provincial({ province: 'Tây Hòa', number: '77/KH-UBND', date: '02 tháng 11 năm 2026', title: 'KẾ HOẠCH\nPhòng, chống dịch bệnh năm 2027' }, `I. NHIỆM VỤ, GIẢI PHÁP

${body}
`);
  const refs = (doc: string) => tasksOf(doc).map((t) => t.ref);
  it('keeps a short complete sentence a task, its "+" items tasks of the same lead', () => {
    const doc = plan(`- Sở Tài chính bố trí kinh phí.
+ Ưu tiên vốn sự nghiệp y tế.
+ Lồng ghép các chương trình mục tiêu.
- Sở Y tế giám sát dịch bệnh.
+ Lấy mẫu xét nghiệm tại các ổ dịch cũ.`);
    expect(byText(doc, 'bố trí kinh phí')).toMatchObject({ lead: ['Sở Tài chính'] });
    expect(byText(doc, 'giám sát dịch bệnh')).toMatchObject({ lead: ['Sở Y tế'] });
    expect(byText(doc, 'Lồng ghép').lead).toEqual(['Sở Tài chính']);
    expect(tasksOf(doc)).toHaveLength(5);
  });
  it('reads an unpunctuated sentence with an addressee and an action as a task too', () => {
    const doc = plan(`• UBND các xã chuẩn bị cơ sở vật chất cho năm học mới
+ Sửa chữa phòng học xuống cấp.
+ Bổ sung bàn ghế.
• Công an tỉnh bảo đảm an ninh trật tự khu vực trường học
+ Phân luồng giao thông giờ tan học.`);
    expect(byText(doc, 'cơ sở vật chất').lead).toEqual(['UBND cấp xã']);
    expect(byText(doc, 'an ninh trật tự').lead).toEqual(['Công an tỉnh']);
    expect(tasksOf(doc)).toHaveLength(5);
  });
  it('does so for lettered items over dashes', () => {
    const doc = plan(`1. Phòng chống dịch trên gia súc
a) Sở Nông nghiệp và Môi trường tiêm phòng vắc xin.
- Cung ứng vắc xin cho các xã.
- Hướng dẫn kỹ thuật tiêm.
b) UBND các xã thống kê đàn gia súc.`);
    expect(refs(doc)).toEqual(['I.1.a', 'I.1.a.-1', 'I.1.a.-2', 'I.1.b']);
    expect(byText(doc, 'tiêm phòng vắc xin').lead).toEqual(['Sở Nông nghiệp và Môi trường']);
  });
  it('leaves a heading a heading: a name, a lead-in with a colon, or words that announce the items', () => {
    const doc = plan(`• Sở Nội vụ
+ Rà soát biên chế các đơn vị sự nghiệp.
• Sở Y tế thực hiện các nhiệm vụ sau:
+ Giám sát ca bệnh.
• Sở Giáo dục và Đào tạo tập trung các nhiệm vụ trọng tâm
+ Tổ chức tiêm chủng cho học sinh.`);
    expect(tasksOf(doc).map((t) => t.text)).toEqual([
      '+ Rà soát biên chế các đơn vị sự nghiệp.',
      '+ Giám sát ca bệnh.',
      '+ Tổ chức tiêm chủng cho học sinh.',
    ]);
  });
});

describe('a body\'s name closed by its level before a verb the lexicon does not list', () => {
  const notice = (items: string) => concludes({ province: 'Bắc Sơn', number: '81/TB-UBND', date: '04 tháng 11 năm 2026' }, items);
  it('ends the name at "tỉnh" / "Trung ương" and reads the words after it as the predicate', () => {
    const doc = notice(`1. Ban Chỉ đạo phòng chống thiên tai tỉnh họp định kỳ hằng quý để đánh giá tình hình.
2. Ban Chỉ đạo cấp tỉnh họp định kỳ sáu tháng một lần.
3. Hội đồng thi đua khen thưởng tỉnh xét chọn các tập thể tiêu biểu trong tháng 12/2026.
4. Ban Chỉ đạo phòng chống tham nhũng Trung ương họp phiên thường kỳ cuối năm.`);
    expect(byText(doc, 'thiên tai').lead).toEqual(['Ban Chỉ đạo phòng chống thiên tai tỉnh']);
    expect(byText(doc, 'sáu tháng').lead).toEqual(['Ban Chỉ đạo cấp tỉnh']);
    expect(byText(doc, 'tập thể tiêu biểu')).toMatchObject({ lead: ['Hội đồng thi đua khen thưởng tỉnh'], due: '2026-12-31' });
    expect(byText(doc, 'phiên thường kỳ').lead).toEqual(['Ban Chỉ đạo phòng chống tham nhũng Trung ương']);
  });
  it('keeps a name that goes on after its level ("tỉnh ủy", "tỉnh và …", a place) whole', () => {
    const doc = notice(`1. Ban An toàn giao thông tỉnh và Công an tỉnh ra quân xử lý xe quá tải trọng.
2. Ban Thường vụ tỉnh ủy chỉ đạo tổng kết nghị quyết.
3. Ban Quản lý khu kinh tế tỉnh Bắc Sơn rà soát quỹ đất công nghiệp.`);
    expect(byText(doc, 'quá tải trọng').lead).toEqual(['Ban An toàn giao thông tỉnh', 'Công an tỉnh']);
    expect(byText(doc, 'tổng kết nghị quyết').lead).toEqual(['Ban Thường vụ Tỉnh ủy']);
    expect(byText(doc, 'quỹ đất').lead).toEqual(['Ban Quản lý khu kinh tế tỉnh Bắc Sơn']);
  });
  it('still reads no task in the issuer\'s account of a leader\'s meeting', () => {
    const doc = notice(`Ngày 20/10/2026, Phó Chủ tịch UBND tỉnh họp nghe báo cáo tiến độ các dự án trọng điểm.

1. Sở Xây dựng đẩy nhanh tiến độ thi công.`);
    expect(tasksOf(doc).map((t) => t.lead)).toEqual([['Sở Xây dựng']]);
  });
});

describe('a leader named by title and person', () => {
  const notice = (items: string) => concludes({ province: 'Nam Giao', number: '93/TB-UBND', date: '16 tháng 11 năm 2026' }, items);
  const PROVINCE_COMMITTEE = /^(?:UBND|Ủy ban nhân dân) tỉnh$/u;
  it('drops the person\'s name after the title and the body, or before it after "đồng chí"', () => {
    const doc = notice(`1. Giao đồng chí Trần Văn Bình, Phó Chủ tịch UBND tỉnh trực tiếp chỉ đạo giải phóng mặt bằng dự án đường ven biển.
2. Giao đồng chí Lê Thị Hoa - Phó Giám đốc Sở Y tế theo dõi công tác tiêm chủng mở rộng.
3. Phó Chủ tịch UBND tỉnh Hoàng Minh Đức trực tiếp kiểm tra tiến độ xây dựng trường học.
4. Giao Chủ tịch UBND tỉnh Cao Bằng phối hợp tổ chức lễ hội biên giới.`);
    expect(byText(doc, 'đường ven biển').lead[0]).toMatch(PROVINCE_COMMITTEE);
    expect(byText(doc, 'tiêm chủng mở rộng').lead).toEqual(['Sở Y tế']);
    expect(byText(doc, 'trường học').lead[0]).toMatch(PROVINCE_COMMITTEE);
    // a province's two-syllable name is not a person's
    expect(byText(doc, 'lễ hội biên giới').lead[0]).toMatch(/tỉnh Cao Bằng$/u);
  });
  it('hands the task to the body a leader is charged to direct', () => {
    const doc = notice(`1. Giao Phó Chủ tịch UBND tỉnh Nguyễn Văn An chỉ đạo Sở Tài chính cân đối nguồn vốn đối ứng.
2. Giao đồng chí Phạm Quốc Hùng, Phó Chủ tịch UBND tỉnh chỉ đạo Sở Xây dựng hoàn thiện hồ sơ thiết kế.
3. Giao UBND tỉnh chỉ đạo Sở Nội vụ rà soát biên chế.
4. Giao Phó Chủ tịch UBND tỉnh Đỗ Thanh Tâm chỉ đạo các đơn vị trực thuộc rà soát hồ sơ tồn đọng.`);
    expect(byText(doc, 'vốn đối ứng').lead).toEqual(['Sở Tài chính']);
    expect(byText(doc, 'hồ sơ thiết kế').lead).toEqual(['Sở Xây dựng']);
    expect(byText(doc, 'rà soát biên chế').lead).toEqual(['Sở Nội vụ']);
    expect(byText(doc, 'hồ sơ tồn đọng').lead[0]).toMatch(PROVINCE_COMMITTEE);
  });
  it('reads no addressee in a leader\'s meeting told as an item', () => {
    const doc = notice(`1. Phó Chủ tịch UBND tỉnh Lê Thị Cúc họp nghe báo cáo tiến độ dự án khu công nghiệp.
2. Sở Công Thương hoàn thiện hồ sơ khu công nghiệp.`);
    expect(tasksOf(doc).map((t) => t.lead)).toEqual([['Sở Công Thương']]);
  });
});

describe('deadlines before a period, and quarterly duties', () => {
  const notice = (items: string) => concludes({ province: 'Hải Đông', number: '97/TB-UBND', date: '18 tháng 8 năm 2026' }, items);
  it('reads "trước quý …" and "trước năm …" as the end of the period before', () => {
    const doc = notice(`1. Sở Xây dựng hoàn thành hồ sơ quy hoạch trước quý IV/2026.
2. Sở Tài chính trình phương án tự chủ tài chính trước quý I năm 2027.
3. Sở Nông nghiệp và Môi trường hoàn thành đo đạc bản đồ địa chính trước năm 2028.
4. Sở Y tế hoàn thành nâng cấp trạm y tế trong quý IV/2026.`);
    expect(byText(doc, 'hồ sơ quy hoạch').due).toBe('2026-09-30');
    expect(byText(doc, 'tự chủ tài chính').due).toBe('2026-12-31');
    expect(byText(doc, 'bản đồ địa chính').due).toBe('2027-12-31');
    expect(byText(doc, 'trạm y tế').due).toBe('2026-12-31');
  });
  it('reads a day of each quarter\'s last month as a quarterly duty, due at its next occurrence', () => {
    const doc = notice(`1. Sở Nội vụ báo cáo kết quả cải cách hành chính trước ngày 15 của tháng cuối quý.
2. Định kỳ hằng quý, Sở Công Thương tổng hợp tình hình thị trường, gửi UBND tỉnh trước ngày 20 tháng cuối quý.
3. Sở Tư pháp báo cáo công tác kiểm soát thủ tục hành chính vào ngày 25 tháng cuối mỗi quý.`);
    expect(byText(doc, 'cải cách hành chính')).toMatchObject({ due: '2026-09-15', recurrence: { freq: 'quarterly', day: 15 } });
    expect(byText(doc, 'tình hình thị trường')).toMatchObject({ due: '2026-09-20', recurrence: { freq: 'quarterly', day: 20 } });
    expect(byText(doc, 'thủ tục hành chính')).toMatchObject({ due: '2026-09-25', recurrence: { freq: 'quarterly', day: 25 } });
  });
});

describe('a letter\'s closing request opened by "Nhận được văn bản này,"', () => {
  const letter = (closing: string) => provincial({ province: 'Hải Đông', number: '2150/UBND-KT', date: '20 tháng 11 năm 2026', title: 'V/v bình ổn giá dịp Tết' }, `Kính gửi:
- Sở Công Thương;
- Văn phòng UBND tỉnh.

Chủ tịch UBND tỉnh có ý kiến như sau:

1. Sở Công Thương xây dựng kế hoạch dự trữ hàng hóa thiết yếu.

2. Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện.

${closing}`);
  it('keeps the closing out of the last task, however it is worded', () => {
    for (const closing of [
      'Nhận được văn bản này, đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.',
      'Nhận được Công văn này, yêu cầu các đơn vị khẩn trương triển khai thực hiện.',
      'Nhận được văn bản này, đề nghị Thủ trưởng các cơ quan, đơn vị thực hiện nghiêm túc./.',
    ]) {
      const doc = letter(closing);
      expect(byText(doc, 'đôn đốc').text).toBe('2. Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện.');
      expect(tasksOf(doc)).toHaveLength(2);
    }
  });
});

describe('one paragraph per duty under an addressee\'s name without a colon', () => {
  const directive = (body: string) => provincial({ province: 'Hải Đông', number: '05/CT-UBND', date: '02 tháng 12 năm 2026', title: 'CHỈ THỊ\nVề phòng cháy, chữa cháy mùa khô' }, `Để chủ động phòng ngừa, Chủ tịch UBND tỉnh chỉ thị:

${body}
`);
  it('makes each paragraph that opens with an action a task of that addressee', () => {
    const doc = directive(`1. Công an tỉnh
Chủ trì kiểm tra an toàn phòng cháy tại các chợ, hoàn thành trong tháng 01/2027.
Hướng dẫn các cơ sở xây dựng phương án chữa cháy tại chỗ.
Tổ chức diễn tập chữa cháy tại khu công nghiệp.

2. Sở Công Thương
Kiểm tra hệ thống điện tại các chợ.`);
    expect(tasksOf(doc).map((t) => [t.lead, t.due])).toEqual([
      [['Công an tỉnh'], '2027-01-31'],
      [['Công an tỉnh'], null],
      [['Công an tỉnh'], null],
      [['Sở Công Thương'], null],
    ]);
    expect(byText(doc, 'diễn tập').text).toBe('Tổ chức diễn tập chữa cháy tại khu công nghiệp.');
  });
  it('does so under lettered and group addressees', () => {
    const doc = directive(`a) Sở Nông nghiệp và Môi trường
Chỉ đạo lực lượng kiểm lâm trực tại các vùng rừng trọng điểm.
Xây dựng bản đồ cảnh báo cháy rừng trước ngày 31/12/2026.
b) UBND các xã, phường, đặc khu
Tuyên truyền người dân không đốt nương rẫy trong mùa khô.
Tổ chức diễn tập phòng cháy ở cấp xã trong quý I/2027.`);
    expect(tasksOf(doc)).toHaveLength(4);
    expect(byText(doc, 'bản đồ cảnh báo')).toMatchObject({ lead: ['Sở Nông nghiệp và Môi trường'], due: '2026-12-31' });
    expect(byText(doc, 'diễn tập phòng cháy')).toMatchObject({ lead: ['UBND cấp xã'], due: '2027-03-31' });
  });
  it('keeps a statement after the duties (" … là …") and a single duty as they were', () => {
    const doc = directive(`1. Sở Y tế
Bảo đảm thuốc, trang thiết bị cấp cứu bỏng tại các bệnh viện.
Phòng cháy là nhiệm vụ thường xuyên của cả hệ thống chính trị.

2. Sở Xây dựng
Rà soát điều kiện an toàn cháy của nhà chung cư.`);
    expect(tasksOf(doc).map((t) => t.ref)).toEqual(['1', '2']);
  });
});

describe('the lead\'s "chủ trì" then the supporting bodies as the subject of "phối hợp"', () => {
  const notice = (items: string) => concludes({ province: 'Trung Sơn', number: '99/TB-UBND', date: '25 tháng 11 năm 2026' }, items);
  it('reads the bodies after "chủ trì," / "chủ trì;" / "là cơ quan chủ trì," as support, not leads', () => {
    const doc = notice(`1. Sở Nội vụ chủ trì; Sở Tư pháp phối hợp rà soát quy chế làm việc.
2. Sở Công Thương là cơ quan chủ trì, Công an tỉnh phối hợp kiểm tra thị trường.
3. Giao Sở Tài chính chủ trì, Sở Xây dựng phối hợp thẩm định dự án nhà ở xã hội.
4. Sở Y tế là đơn vị chủ trì; Sở Giáo dục và Đào tạo, Bảo hiểm xã hội tỉnh phối hợp khám sức khỏe học sinh.`);
    expect(byText(doc, 'quy chế làm việc')).toMatchObject({ lead: ['Sở Nội vụ'], support: ['Sở Tư pháp'] });
    expect(byText(doc, 'kiểm tra thị trường')).toMatchObject({ lead: ['Sở Công Thương'], support: ['Công an tỉnh'] });
    expect(byText(doc, 'nhà ở xã hội')).toMatchObject({ lead: ['Sở Tài chính'], support: ['Sở Xây dựng'] });
    expect(byText(doc, 'sức khỏe học sinh')).toMatchObject({ lead: ['Sở Y tế'], support: ['Sở Giáo dục và Đào tạo', 'Bảo hiểm xã hội tỉnh'] });
  });
  it('still makes a body with an action of its own after a semicolon a lead', () => {
    const doc = notice('1. Sở Nội vụ chủ trì rà soát biên chế; Sở Tài chính bảo đảm kinh phí chi trả chế độ.');
    expect(byText(doc, 'rà soát biên chế').lead).toEqual(['Sở Nội vụ', 'Sở Tài chính']);
  });
});
