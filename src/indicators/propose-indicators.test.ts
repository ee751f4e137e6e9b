import { describe, expect, it } from 'vitest';
import { assessmentPart, formatVietnameseNumber, parseVietnameseNumber, proposeIndicators, proposeIndicatorsIn, type IndicatorProposal } from './propose-indicators';

const read = (s: string) => proposeIndicatorsIn(s);
const brief = (p: IndicatorProposal) => ({ name: p.name, value: p.value, unit: p.unit, relation: p.comparison.relation, against: p.comparison.against });

describe('Vietnamese numbers', () => {
  it.each([
    ['2.394', 2394],
    ['6,56', 6.56],
    ['1.234.567,8', 1234567.8],
    ['326.000', 326000],
    ['0,7', 0.7],
    ['12', 12],
    ['12.5', 12.5],
    ['1.000,25', 1000.25],
    ['-3,5', -3.5],
  ])('%s → %d', (raw, n) => expect(parseVietnameseNumber(raw)).toBe(n));

  it.each(['', 'abc', '1,2,3', '1.23.4', '12,'])('refuses %j', (raw) => expect(parseVietnameseNumber(raw)).toBeNull());

  it('writes numbers back the same way', () => {
    expect(formatVietnameseNumber(2394)).toBe('2.394');
    expect(formatVietnameseNumber(6.56)).toBe('6,56');
    expect(formatVietnameseNumber(1234567.891, 2)).toBe('1.234.567,89');
    expect(formatVietnameseNumber(-12)).toBe('-12');
  });
});

describe('proposals from sentences', () => {
  it('a budget line with its level, two plans and the same period', () => {
    const got = read('Thu ngân sách là điểm sáng, đạt 2.394 tỷ đồng, vượt 22% dự toán Trung ương giao, tăng 86% so với cùng kỳ.');
    expect(got.map(brief)).toEqual([
      { name: 'Thu ngân sách', value: 2394, unit: 'tỷ đồng', relation: 'level', against: null },
      { name: 'Thu ngân sách', value: 22, unit: '%', relation: 'exceed', against: 'plan' },
      { name: 'Thu ngân sách', value: 86, unit: '%', relation: 'increase', against: 'same_period' },
    ]);
    expect(got[1].comparison.againstText).toBe('dự toán Trung ương giao');
    expect(got[2].text).toBe('tăng 86% so với cùng kỳ');
  });

  it('offsets point at the source words', () => {
    const s = 'Tổng thu nội địa ước đạt 1.105,5 tỷ đồng, bằng 58% dự toán.';
    for (const p of read(s)) expect(s.slice(p.start, p.end)).toBe(p.text);
    expect(read(s).map(brief)).toEqual([
      { name: 'Tổng thu nội địa', value: 1105.5, unit: 'tỷ đồng', relation: 'level', against: null },
      { name: 'Tổng thu nội địa', value: 58, unit: '%', relation: 'attain', against: 'plan' },
    ]);
  });

  it.each([
    ['Tăng trưởng GRDP đạt 6,56%.', { name: 'Tăng trưởng GRDP', value: 6.56, unit: '%', relation: 'level', against: null }],
    ['Tỷ lệ giải ngân đạt 102,5% kế hoạch.', { name: 'Tỷ lệ giải ngân', value: 102.5, unit: '%', relation: 'attain', against: 'plan' }],
    ['Chỉ số sản xuất công nghiệp tăng 6,56% so với cùng kỳ.', { name: 'Chỉ số sản xuất công nghiệp', value: 6.56, unit: '%', relation: 'increase', against: 'same_period' }],
    ['Số doanh nghiệp giải thể giảm 3,2% so với cùng kỳ năm trước.', { name: 'Số doanh nghiệp giải thể', value: 3.2, unit: '%', relation: 'decrease', against: 'same_period' }],
    ['Kim ngạch xuất khẩu vượt 22% kế hoạch năm.', { name: 'Kim ngạch xuất khẩu', value: 22, unit: '%', relation: 'exceed', against: 'plan' }],
    ['Thu hút đầu tư vượt 15%.', { name: 'Thu hút đầu tư', value: 15, unit: '%', relation: 'exceed', against: null }],
    ['Tỷ lệ hộ nghèo giảm còn 18,5%.', { name: 'Tỷ lệ hộ nghèo', value: 18.5, unit: '%', relation: 'level', against: null }],
    ['Tỷ lệ bao phủ bảo hiểm y tế chiếm 92,3% dân số.', { name: 'Tỷ lệ bao phủ bảo hiểm y tế', value: 92.3, unit: '%', relation: 'level', against: null }],
    ['Năng suất lao động cao hơn 0,5 điểm % so với cùng kỳ.', { name: 'Năng suất lao động', value: 0.5, unit: 'điểm %', relation: 'above', against: 'same_period' }],
    ['Tăng trưởng thấp hơn 1,24 điểm phần trăm so với kịch bản.', { name: 'Tăng trưởng', value: 1.24, unit: 'điểm %', relation: 'below', against: 'plan' }],
    ['Diện tích trồng rừng mới đạt 1.250 ha.', { name: 'Diện tích trồng rừng mới', value: 1250, unit: 'ha', relation: 'level', against: null }],
    ['Sản lượng lương thực ước đạt 265.400 tấn.', { name: 'Sản lượng lương thực', value: 265400, unit: 'tấn', relation: 'level', against: null }],
    ['Kim ngạch xuất nhập khẩu đạt 1,2 tỷ USD.', { name: 'Kim ngạch xuất nhập khẩu', value: 1.2, unit: 'tỷ USD', relation: 'level', against: null }],
    ['Thu nhập bình quân đầu người đạt 45,3 triệu đồng.', { name: 'Thu nhập bình quân đầu người', value: 45.3, unit: 'triệu đồng', relation: 'level', against: null }],
    ['Vốn đầu tư toàn xã hội đạt 12.500 tỷ đồng.', { name: 'Vốn đầu tư toàn xã hội', value: 12500, unit: 'tỷ đồng', relation: 'level', against: null }],
    ['Tổng vốn đạt 1,5 nghìn tỷ đồng.', { name: 'Tổng vốn', value: 1.5, unit: 'nghìn tỷ đồng', relation: 'level', against: null }],
    ['Tỷ lệ trẻ em được tiêm chủng đầy đủ đạt 98,6 %.', { name: 'Tỷ lệ trẻ em được tiêm chủng đầy đủ', value: 98.6, unit: '%', relation: 'level', against: null }],
    ['Toàn tỉnh có 1.217 trạm BTS.', { name: 'Trạm BTS', value: 1217, unit: 'trạm', relation: 'level', against: null }],
    ['Toàn tỉnh đón hơn 1,52 triệu lượt khách du lịch.', { name: 'Lượt khách du lịch', value: 1.52, unit: 'triệu lượt', relation: 'level', against: null }],
    ['Ngành xây dựng tăng trưởng ấn tượng 18,97%.', { name: 'Ngành xây dựng', value: 18.97, unit: '%', relation: 'increase', against: null }],
    ['Giá trị sản xuất công nghiệp tăng mạnh 9,1% so với cùng kỳ năm 2024.', { name: 'Giá trị sản xuất công nghiệp', value: 9.1, unit: '%', relation: 'increase', against: 'same_period' }],
    ['Chỉ số giá tiêu dùng bình quân tăng 3,1% so với bình quân cả nước.', { name: 'Chỉ số giá tiêu dùng bình quân', value: 3.1, unit: '%', relation: 'increase', against: 'other' }],
  ])('%s', (sentence, want) => {
    const got = read(sentence);
    expect(got).toHaveLength(1);
    expect(brief(got[0])).toEqual(want);
  });

  it('qualifiers are kept apart from the value', () => {
    const [a, b, c, d, e] = read('Sản lượng thịt hơi tăng trên 3%; doanh thu tăng gần 96%; có khoảng 40 dự án; dưới 5% hộ nghèo; hơn 6.654 hộ dân được hỗ trợ.');
    expect([a.qualifier, b.qualifier, c.qualifier, d.qualifier, e.qualifier]).toEqual(['over', 'nearly', 'about', 'under', 'over']);
    expect([a.value, b.value, c.value, d.value, e.value]).toEqual([3, 96, 40, 5, 6654]);
    expect(e.name).toBe('Hộ dân được hỗ trợ');
  });

  it('a negative figure of the same period last year', () => {
    const [now, before] = read('Ngành xây dựng tăng 18,97%, đảo chiều so với mức âm 12% cùng kỳ năm 2024.');
    expect(brief(now)).toEqual({ name: 'Ngành xây dựng', value: 18.97, unit: '%', relation: 'increase', against: null });
    expect(brief(before)).toEqual({ name: 'Ngành xây dựng', value: -12, unit: '%', relation: 'level', against: 'same_period' });
    expect(before.comparison.againstText).toBe('cùng kỳ năm 2024');
  });

  it('a name carries over commas and "và" but not over a semicolon', () => {
    const got = read('Tăng trưởng GRDP thấp hơn 1,24 điểm % so với kịch bản và thấp hơn 0,7 điểm % so với cùng kỳ; tăng 5%.');
    expect(got.map((p) => p.name)).toEqual(['Tăng trưởng GRDP', 'Tăng trưởng GRDP', '%']);
    expect(got[0].comparison.againstText).toBe('kịch bản');
    expect(got[1].comparison.against).toBe('same_period');
  });

  it('the heading after a colon names the figure', () => {
    const [p] = read('Đầu tư công đạt kết quả nổi bật: giải ngân vốn đầu tư công đạt 40,7%, cao hơn cùng kỳ.');
    expect(p.name).toBe('Giải ngân vốn đầu tư công');
  });

  it('counts name themselves and say what was counted', () => {
    const got = read('Các cơ sở y tế đã tiến hành khám bệnh cho trên 326.000 lượt bệnh nhân, điều trị nội trú cho trên 52.000 lượt bệnh nhân.');
    expect(got.map((p) => [p.name, p.value, p.unit])).toEqual([
      ['Lượt bệnh nhân khám bệnh', 326000, 'lượt'],
      ['Lượt bệnh nhân điều trị nội trú', 52000, 'lượt'],
    ]);
  });

  it.each([
    'Ngày 03/7/2025, UBND tỉnh họp.',
    'Tỉnh nằm trong nhóm 6 tỉnh có mức tăng trưởng khoảng 6-7%.',
    'Chỉ số PAR INDEX xếp hạng 63/63 cả nước.',
    'Kỷ niệm 78 năm Ngày Thương binh - Liệt sĩ.',
    'Thông báo số 1234/TB-VPUBND ngày 14/7/2025.',
    'Mục tiêu năm 2025 và quý II.',
    'Báo cáo trước ngày 22/7/2025.',
  ])('not an indicator: %s', (sentence) => {
    expect(read(sentence)).toEqual([]);
  });
});

describe('the assessment part', () => {
  const notice = [
    'THÔNG BÁO',
    'Kết luận của Chủ tịch UBND tỉnh',
    'I. Đánh giá tình hình tháng 6',
    'Tăng trưởng GRDP đạt 6,56%.',
    'II. Nhiệm vụ trọng tâm',
    'Phấn đấu tăng trưởng GRDP đạt 8%.',
  ].join('\n');

  it('only the assessment is read: targets of part II are not results', () => {
    const got = proposeIndicators(notice);
    expect(got.map((p) => p.value)).toEqual([6.56]);
    const part = assessmentPart(notice);
    expect(notice.slice(part.start, part.end)).toContain('6,56%');
    expect(notice.slice(part.start, part.end)).not.toContain('8%');
  });

  it('a notice without headings is read whole', () => {
    expect(proposeIndicators('Thu ngân sách đạt 100 tỷ đồng.').map((p) => p.value)).toEqual([100]);
  });
});
