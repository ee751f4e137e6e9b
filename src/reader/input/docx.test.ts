import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeDocx } from './docx.ts';
import { buildDocx, p, lvl, table } from './fixtures/build-docx.ts';
import { unicodeToTcvn3, unicodeToVni } from './legacy-vietnamese.ts';

const here = dirname(fileURLToPath(import.meta.url));
const paras = (t: string) => t.split('\n\n');

describe('docx: paragraphs and tables', () => {
  it('reads paragraphs separated by a blank line, skips empty ones, NFC', async () => {
    const bytes = await buildDocx({ body: p('THÔNG BÁO') + '<w:p/>' + p('Ke\u0302\u0301t lua\u0323\u0302n của Chủ tịch') });
    const { text } = await decodeDocx(bytes);
    expect(text.normalize('NFC')).toBe('THÔNG BÁO\n\nKết luận của Chủ tịch');
  });

  it('a task table: one line per row, cells joined by " | ", a cell\'s paragraphs by a space, a merged lead on every row', async () => {
    const body = table(
      [
        ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
        ['1', 'Xây dựng kế hoạch\nchuyển đổi số', 'Sở Khoa học và Công nghệ', 'Quý III/2025'],
        ['2', 'Triển khai', '', 'Năm 2026'],
      ],
      [[1, 2, 'restart'], [2, 2, 'continue']],
    );
    const { text } = await decodeDocx(await buildDocx({ body }));
    expect(text.split('\n\n')).toEqual([
      'STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành',
      '1 | Xây dựng kế hoạch chuyển đổi số | Sở Khoa học và Công nghệ | Quý III/2025',
      '2 | Triển khai | Sở Khoa học và Công nghệ | Năm 2026',
    ]);
  });

  it('a merged number stays empty below (a continuation row); merges are found by grid column past a spanning cell', async () => {
    const merged = table(
      [
        ['TT', 'Nhiệm vụ', 'Chủ trì'],
        ['1', 'Rà soát quy hoạch', 'Sở Xây dựng'],
        ['', '- Phần đô thị', 'Sở Xây dựng'],
      ],
      [[1, 0, 'restart'], [2, 0, 'continue']],
    );
    expect((await decodeDocx(await buildDocx({ body: merged }))).text.split('\n\n')).toEqual([
      'TT | Nhiệm vụ | Chủ trì',
      '1 | Rà soát quy hoạch | Sở Xây dựng',
      ' | - Phần đô thị | Sở Xây dựng',
    ]);
    const tc = (t: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${t ? `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>` : '<w:p/>'}</w:tc>`;
    const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
    const spanned =
      '<w:tbl><w:tblPr/>' +
      row(tc('TT'), tc('Nhiệm vụ'), tc('Chủ trì'), tc('Thời gian')) +
      row(tc('I'), tc('Nhóm nhiệm vụ hạ tầng', '<w:gridSpan w:val="3"/>')) +
      row(tc('1'), tc('Nâng cấp mạng'), tc('Sở Khoa học và Công nghệ', '<w:vMerge w:val="restart"/>'), tc('Quý II/2026', '<w:vMerge w:val="restart"/>')) +
      row(tc('2'), tc('Phủ sóng 5G'), tc('', '<w:vMerge/>'), tc('', '<w:vMerge/>')) +
      '</w:tbl>';
    expect((await decodeDocx(await buildDocx({ body: spanned }))).text.split('\n\n')).toEqual([
      'TT | Nhiệm vụ | Chủ trì | Thời gian',
      'I | Nhóm nhiệm vụ hạ tầng',
      '1 | Nâng cấp mạng | Sở Khoa học và Công nghệ | Quý II/2026',
      '2 | Phủ sóng 5G | Sở Khoa học và Công nghệ | Quý II/2026',
    ]);
  });

  it('a two-column layout table (header block) gives plain paragraphs, spacer columns ignored', async () => {
    const body = table([
      ['ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc'],
      ['Số: 12/UBND-KT', '', 'Lào Cai, ngày 05 tháng 8 năm 2025'],
    ]);
    const { text } = await decodeDocx(await buildDocx({ body: body + p('Kính gửi: Các sở, ban, ngành') }));
    expect(paras(text)).toEqual([
      'ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
      'Số: 12/UBND-KT',
      'Lào Cai, ngày 05 tháng 8 năm 2025',
      'Kính gửi: Các sở, ban, ngành',
    ]);
  });

  it('tracked changes, field codes, hidden text, tabs, breaks, hyperlinks, text boxes', async () => {
    const body =
      '<w:p><w:r><w:t>Giao </w:t></w:r><w:del><w:r><w:delText>Sở Tài chính</w:delText></w:r></w:del><w:ins><w:r><w:t>Sở Xây dựng</w:t></w:r></w:ins>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t> chủ trì</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẨN</w:t></w:r><w:r><w:tab/><w:t>thực hiện</w:t><w:br/><w:t>dòng hai</w:t></w:r>' +
      '<w:hyperlink><w:r><w:t> (xem thêm)</w:t></w:r></w:hyperlink></w:p>' +
      '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>' + p('Chữ trong khung') + '</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>' + p('Chữ trong khung') + '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Sau khung</w:t></w:r></w:p>';
    const { text } = await decodeDocx(await buildDocx({ body }));
    expect(paras(text)).toEqual(['Giao Sở Xây dựng chủ trì thực hiện\ndòng hai (xem thêm)', 'Sau khung', 'Chữ trong khung']);
  });

  it('all-caps formatting is rendered as capitals', async () => {
    const { text } = await decodeDocx(await buildDocx({ body: p('thông báo', { caps: true }) }));
    expect(text).toBe('THÔNG BÁO');
  });
});

describe('docx: Word automatic numbering', () => {
  const numbering =
    `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%2.')}${lvl(2, 'decimal', '%2.%3.')}${lvl(3, 'lowerLetter', '%4)')}${lvl(4, 'bullet', '\uF0B7')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '(%1)')}</w:abstractNum>` +
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
    `<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
    `<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`;

  it('rebuilds labels I. / 1. / 1.1. / a) / bullets, counters per level, deeper levels restart', async () => {
    const body = [
      p('ĐÁNH GIÁ', { num: [1, 0] }),
      p('NHIỆM VỤ', { num: [1, 0] }),
      p('Về kinh tế', { num: [1, 1] }),
      p('Sở Tài chính tham mưu.', { num: [1, 2] }),
      p('Sở Xây dựng:', { num: [1, 2] }),
      p('Rà soát quy hoạch.', { num: [1, 3] }),
      p('Kiểm tra công trình.', { num: [1, 3] }),
      p('Báo cáo hằng tháng.', { num: [1, 4] }),
      p('Về xã hội', { num: [1, 1] }),
      p('Sở Y tế bảo đảm thuốc.', { num: [1, 2] }),
      p('Sở Giáo dục:', { num: [1, 2] }),
      p('Tuyển sinh.', { num: [1, 3] }),
      p('TỔ CHỨC THỰC HIỆN', { num: [1, 0] }),
      p('Văn phòng theo dõi.', { num: [1, 1] }),
    ].join('');
    const { text } = await decodeDocx(await buildDocx({ body, numbering }));
    expect(paras(text)).toEqual([
      'I. ĐÁNH GIÁ',
      'II. NHIỆM VỤ',
      '1. Về kinh tế',
      '1.1. Sở Tài chính tham mưu.',
      '1.2. Sở Xây dựng:',
      'a) Rà soát quy hoạch.',
      'b) Kiểm tra công trình.',
      '• Báo cáo hằng tháng.',
      '2. Về xã hội',
      '2.1. Sở Y tế bảo đảm thuốc.',
      '2.2. Sở Giáo dục:',
      'a) Tuyển sinh.',
      'III. TỔ CHỨC THỰC HIỆN',
      '1. Văn phòng theo dõi.',
    ]);
  });

  it('lists sharing an abstractNum continue; a num with startOverride restarts', async () => {
    const body = [p('Một', { num: [2, 0] }), p('Hai', { num: [2, 0] }), p('Xen giữa'), p('Ba', { num: [2, 0] }), p('Lại một', { num: [3, 0] }), p('Lại hai', { num: [3, 0] })].join('');
    const { text } = await decodeDocx(await buildDocx({ body, numbering }));
    expect(paras(text)).toEqual(['(1) Một', '(2) Hai', 'Xen giữa', '(3) Ba', '(1) Lại một', '(2) Lại hai']);
  });

  it('lvlRestart=0 keeps counting across higher levels; isLgl; upperLetter; lowerRoman; decimalZero; letters past z', async () => {
    const numbering2 =
      `<w:abstractNum w:abstractNumId="5">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', 'Điều %2.', '<w:lvlRestart w:val="0"/>')}${lvl(2, 'lowerRoman', '%1.%3', '<w:isLgl/>')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="6">${lvl(0, 'upperLetter', '%1.')}${lvl(1, 'lowerRoman', '%2)')}${lvl(2, 'decimalZero', '%3.')}${lvl(3, 'lowerLetter', '%4)')}</w:abstractNum>` +
      `<w:num w:numId="5"><w:abstractNumId w:val="5"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="6"/></w:num>`;
    const items: string[] = [
      p('Chương một', { num: [5, 0] }),
      p('a', { num: [5, 1] }),
      p('x', { num: [5, 2] }),
      p('Chương hai', { num: [5, 0] }),
      p('b', { num: [5, 1] }),
      p('A', { num: [6, 0] }),
      p('B', { num: [6, 0] }),
      p('i', { num: [6, 1] }),
      p('ii', { num: [6, 1] }),
      p('zero', { num: [6, 2] }),
    ];
    for (let k = 0; k < 27; k++) items.push(p(`m${k}`, { num: [6, 3] }));
    const { text } = await decodeDocx(await buildDocx({ body: items.join(''), numbering: numbering2 }));
    const out = paras(text);
    expect(out.slice(0, 10)).toEqual(['I. Chương một', 'Điều 1. a', '1.1 x', 'II. Chương hai', 'Điều 2. b', 'A. A', 'B. B', 'i) i', 'ii) ii', '01. zero']);
    expect(out[10]).toBe('a) m0');
    expect(out[35]).toBe('z) m25');
    expect(out[36]).toBe('aa) m26');
  });

  it('numbering given by the paragraph style (Heading style linked to a list), and numId 0 removes it', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>';
    const numbering3 =
      `<w:abstractNum w:abstractNumId="7">${lvl(0, 'upperRoman', '%1.', '<w:pStyle w:val="Heading1"/>')}${lvl(1, 'decimal', '%2.', '<w:pStyle w:val="Heading2"/>')}</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="7"/></w:num>`;
    const body =
      p('Mục đích', { style: 'Heading1' }) +
      p('Yêu cầu', { style: 'Heading2' }) +
      p('Nội dung', { style: 'Heading2' }) +
      '<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Không số</w:t></w:r></w:p>' +
      p('Tổ chức', { style: 'Heading1' });
    const { text } = await decodeDocx(await buildDocx({ body, numbering: numbering3, styles }));
    expect(paras(text)).toEqual(['I. Mục đích', '1. Yêu cầu', '2. Nội dung', 'Không số', 'II. Tổ chức']);
  });

  it('numbering inside table cells (an auto-numbered STT column)', async () => {
    const numbering4 = `<w:abstractNum w:abstractNumId="8">${lvl(0, 'decimal', '%1')}</w:abstractNum><w:num w:numId="8"><w:abstractNumId w:val="8"/></w:num>`;
    const cell = (s: string, num?: boolean) => `<w:tc>${num ? `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="8"/></w:numPr></w:pPr></w:p>` : p(s)}</w:tc>`;
    const body =
      '<w:tbl>' +
      `<w:tr>${cell('STT')}${cell('Nhiệm vụ')}${cell('Chủ trì')}</w:tr>` +
      `<w:tr>${cell('', true)}${cell('Rà soát')}${cell('Sở Tài chính')}</w:tr>` +
      `<w:tr>${cell('', true)}${cell('Kiểm tra')}${cell('Sở Xây dựng')}</w:tr>` +
      '</w:tbl>';
    const { text } = await decodeDocx(await buildDocx({ body, numbering: numbering4 }));
    // an empty numbered paragraph still shows its number in Word
    expect(paras(text)).toEqual(['STT | Nhiệm vụ | Chủ trì', '1 | Rà soát | Sở Tài chính', '2 | Kiểm tra | Sở Xây dựng']);
  });

  it('the numbered.docx fixture made with the docx package', async () => {
    const { text } = await decodeDocx(new Uint8Array(readFileSync(join(here, 'fixtures/numbered.docx'))));
    expect(paras(text)).toEqual([
      'THÔNG BÁO', 'I. Đánh giá chung', 'Kết quả đạt được khá toàn diện.', 'II. Nhiệm vụ trọng tâm', '1. Về kinh tế',
      '1.1. Sở Tài chính chủ trì tham mưu phân bổ vốn.', '1.2. Sở Xây dựng:', 'a) Rà soát quy hoạch trước ngày 30/9/2025.',
      'b) Kiểm tra chất lượng công trình.', '- Báo cáo UBND tỉnh hằng tháng.', '2. Về xã hội', '2.1. Sở Y tế bảo đảm thuốc, vật tư y tế.',
      'III. Tổ chức thực hiện', '1. Văn phòng UBND tỉnh theo dõi, đôn đốc.',
      'STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành',
      '1 | Xây dựng kế hoạch chuyển đổi số | Sở Khoa học và Công nghệ | Quý III/2025',
    ]);
  });
});

describe('docx: runs in legacy Vietnamese fonts', () => {
  it('converts .VnTime (TCVN3), .VnTimeH (capitals) and VNI-Times runs to Unicode', async () => {
    const body =
      p(unicodeToTcvn3('cộng hòa xã hội chủ nghĩa việt nam'), { font: '.VnTimeH' }) +
      p(unicodeToTcvn3('Độc lập - Tự do - Hạnh phúc'), { font: '.VnTime' }) +
      p(unicodeToVni('Sở Nông nghiệp và Môi trường chủ trì, phối hợp'), { font: 'VNI-Times' }) +
      p('Unicode bình thường', { font: 'Times New Roman' });
    const { text, warnings } = await decodeDocx(await buildDocx({ body }));
    expect(paras(text)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Sở Nông nghiệp và Môi trường chủ trì, phối hợp', 'Unicode bình thường']);
    expect(warnings.join(' ')).toMatch(/TCVN3/);
    expect(warnings.join(' ')).toMatch(/VNI/);
  });

  it('a .Vn font set in the document defaults applies to every run', async () => {
    const styles = '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:rPrDefault></w:docDefaults>';
    const { text } = await decodeDocx(await buildDocx({ body: p(unicodeToTcvn3('Giao Sở Y tế thực hiện')), styles }));
    expect(text).toBe('Giao Sở Y tế thực hiện');
  });
});

const corpus = '/work/shared/corpus';
describe.skipIf(!existsSync(join(corpus, 'docs')))('docx: the corpus documents', () => {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');
  for (const f of existsSync(join(corpus, 'docs')) ? readdirSync(join(corpus, 'docs')).filter((f) => f.endsWith('.docx')) : []) {
    it(`${f}: every gold quote is found exactly once`, async () => {
      const { text } = await decodeDocx(new Uint8Array(readFileSync(join(corpus, 'docs', f))));
      const gold = JSON.parse(readFileSync(join(corpus, 'gold', f.replace(/\.docx$/, '.json')), 'utf8')) as { tasks: Array<{ quote: string }> };
      const t = norm(text);
      const missing = gold.tasks.filter((task) => t.split(norm(task.quote)).length - 1 !== 1).map((x) => x.quote);
      expect(missing).toEqual([]);
      expect(text).toMatch(/^(?:[IVX]+\.|\d+\.|[a-zđ]\)|-) /m);
    });
  }
});
