/**
 * Rows of task tables as plans write them (invented documents). One "Đơn vị thực hiện" cell of a task table that says both who leads and who helps, written the
 * ways plans write it: "Chủ trì: X; phối hợp: Y", "X chủ trì, phối hợp với Y", "X (chủ trì); Y",
 * "X chủ trì; Y phối hợp". Invented documents.
 */
import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { extract } from './extract';
import { readDocument } from '../index';

/** A provincial plan whose section II is a task table with one column for who carries it out. */
const plan = (province: string, column: string, rows: string[]) => `ỦY BAN NHÂN DÂN
TỈNH ${province.toUpperCase()}

Số: 41/KH-UBND

${province}, ngày 12 tháng 5 năm 2026

KẾ HOẠCH
Triển khai chương trình năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm tiến độ, chất lượng.

II. NHIỆM VỤ CỤ THỂ

TT | Nội dung công việc | ${column} | Thời gian
${rows.map((r, i) => `${i + 1} | ${r}`).join('\n')}
`;

const rolesOf = (doc: string) => extract(doc).tasks.map((t) => ({ lead: t.lead, support: t.support }));

describe('a table cell naming both roles', () => {
  it('reads "Chủ trì: X; phối hợp: Y" and its variants as lead and support', () => {
    const doc = plan('Đồng Nai Thượng', 'Đơn vị thực hiện', [
      'Khảo sát các làng nghề truyền thống | Chủ trì: Sở Công Thương; phối hợp: Sở Tài chính, Hội Nông dân tỉnh | Tháng 7/2026',
      'Lập danh mục sản phẩm OCOP | Cơ quan chủ trì: Sở Nông nghiệp và Môi trường. Cơ quan phối hợp: Liên minh Hợp tác xã tỉnh | Quý III/2026',
      'Tổ chức hội chợ nông sản | - Chủ trì: Sở Công Thương - Phối hợp: Tỉnh đoàn | Tháng 10/2026',
    ]);
    expect(rolesOf(doc)).toEqual([
      { lead: ['Sở Công Thương'], support: ['Sở Tài chính', 'Hội Nông dân tỉnh'] },
      { lead: ['Sở Nông nghiệp và Môi trường'], support: ['Liên minh Hợp tác xã tỉnh'] },
      { lead: ['Sở Công Thương'], support: ['Tỉnh đoàn'] },
    ]);
  });

  it('reads the role word after the names it governs, and "phối hợp với" before them', () => {
    const doc = plan('Hà Giang Nam', 'Trách nhiệm thực hiện', [
      'Tập huấn kỹ năng số cho cán bộ xã | Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ | Quý II/2026',
      'Kiểm tra an toàn thực phẩm dịp Tết | Sở Y tế chủ trì; Công an tỉnh, Sở Công Thương phối hợp | Tháng 1/2027',
      'Hỗ trợ vay vốn cho hộ nghèo | Ngân hàng Chính sách xã hội chi nhánh tỉnh (chủ trì); Sở Tài chính | Năm 2026',
      'Rà soát quy hoạch vùng nguyên liệu | Sở Nông nghiệp và Môi trường (chủ trì), Sở Xây dựng, Sở Tài chính | Tháng 9/2026',
      'Số hóa hồ sơ địa chính | Sở Nông nghiệp và Môi trường (chủ trì thực hiện); Sở Khoa học và Công nghệ (phối hợp) | Năm 2027',
    ]);
    expect(rolesOf(doc)).toEqual([
      { lead: ['Sở Khoa học và Công nghệ'], support: ['Sở Nội vụ'] },
      { lead: ['Sở Y tế'], support: ['Công an tỉnh', 'Sở Công Thương'] },
      { lead: ['Ngân hàng Chính sách xã hội chi nhánh tỉnh'], support: ['Sở Tài chính'] },
      { lead: ['Sở Nông nghiệp và Môi trường'], support: ['Sở Xây dựng', 'Sở Tài chính'] },
      { lead: ['Sở Nông nghiệp và Môi trường'], support: ['Sở Khoa học và Công nghệ'] },
    ]);
  });

  it('keeps co-leads ("đồng chủ trì") as leads and a cell without role words as before', () => {
    const doc = plan('Lâm Viên', 'Đơn vị thực hiện', [
      'Xây dựng đề án phát triển du lịch xanh | Sở Văn hóa, Thể thao và Du lịch, Sở Nông nghiệp và Môi trường (đồng chủ trì) | Năm 2026',
      'Cập nhật cơ sở dữ liệu đất đai | Sở Nông nghiệp và Môi trường | Tháng 12/2026',
      'Kiểm tra công tác phòng cháy | Công an tỉnh, Sở Xây dựng | Quý IV/2026',
    ]);
    expect(rolesOf(doc)).toEqual([
      { lead: ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Nông nghiệp và Môi trường'], support: [] },
      { lead: ['Sở Nông nghiệp và Môi trường'], support: [] },
      { lead: ['Công an tỉnh', 'Sở Xây dựng'], support: [] },
    ]);
  });

  it('adds the cell\'s helpers to a separate support column', () => {
    const doc = `${plan('Tây Sơn', 'Cơ quan chủ trì | Cơ quan phối hợp', [])}1 | Nâng cấp đường tỉnh 635 | Sở Xây dựng (chủ trì), Sở Tài chính | UBND các xã ven tuyến | Năm 2027
`;
    expect(rolesOf(doc)).toEqual([{ lead: ['Sở Xây dựng'], support: ['Sở Tài chính', expect.stringMatching(/xã/)] }]);
  });
});

describe('row references under group rows', () => {
  const refsOf = (rows: string) => extract(`${plan('Phước Sơn', 'Đơn vị thực hiện', [])}${rows}`).tasks.map((t) => t.ref);

  it('does not repeat a group\'s number the row already carries ("1.2" under "1")', () => {
    expect(refsOf('1 | Chỉ số gia nhập thị trường\n1.1 | Rút ngắn thời gian đăng ký | Sở Tài chính | Quý IV/2026\n1.2 | Công khai thủ tục | Văn phòng UBND tỉnh | Năm 2026\n2 | Chỉ số tiếp cận đất đai\n2.1 | Công khai quy hoạch | Sở Xây dựng | Năm 2026\n')).toEqual([
      'PL.1.1',
      'PL.1.2',
      'PL.2.1',
    ]);
  });

  it('prefixes rows numbered afresh under each group ("II.1")', () => {
    expect(refsOf('I | Thể chế\n1 | Rà soát quy định | Sở Tư pháp | Năm 2026\nII | Hạ tầng\n1 | Nâng cấp đường | Sở Xây dựng | Năm 2027\n2 | Cấp nước | Sở Xây dựng | Năm 2027\n')).toEqual([
      'PL.I.1',
      'PL.II.1',
      'PL.II.2',
    ]);
  });
});

describe('the same cells in a Word table, one paragraph per role', () => {
  const cell = (...lines: string[]) => new TableCell({ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) });
  it('reads the roles whether each is its own paragraph or a dash line of the cell', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            ...['ỦY BAN NHÂN DÂN', 'TỈNH SƠN TRÀ', 'Số: 88/KH-UBND', 'Sơn Trà, ngày 02 tháng 6 năm 2026', 'KẾ HOẠCH', 'Triển khai đề án năm 2026', 'II. NHIỆM VỤ CỤ THỂ'].map((t) => new Paragraph(t)),
            new Table({
              rows: [
                new TableRow({ children: [cell('TT'), cell('Nội dung công việc'), cell('Đơn vị thực hiện'), cell('Thời gian')] }),
                new TableRow({ children: [cell('1'), cell('Khảo sát các làng nghề'), cell('Chủ trì: Sở Công Thương', 'Phối hợp: Sở Tài chính, Hội Nông dân tỉnh'), cell('Tháng 7/2026')] }),
                new TableRow({ children: [cell('2'), cell('Tập huấn kỹ năng'), cell('- Sở Văn hóa, Thể thao và Du lịch (chủ trì)', '- Tỉnh đoàn'), cell('Quý III/2026')] }),
              ],
            }),
          ],
        },
      ],
    });
    const r = await readDocument(new Uint8Array(await Packer.toBuffer(doc)), 'ke-hoach.docx');
    expect(r.tasks.map((t) => ({ lead: t.lead, support: t.support, due: t.due }))).toEqual([
      { lead: ['Sở Công Thương'], support: ['Sở Tài chính', 'Hội Nông dân tỉnh'], due: '2026-07-31' },
      { lead: ['Sở Văn hóa, Thể thao và Du lịch'], support: ['Tỉnh đoàn'], due: '2026-09-30' },
    ]);
  });
});
