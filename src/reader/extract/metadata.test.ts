/**
 * Who issued a document, read from its header's left column as offices lay it out (invented
 * headers): a body's name over two lines, a unit under its body, a long name wrapped after a
 * comma, a Party body under the Party's name, a header laid out as a table.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './extract';

const issuerOf = (head: string) =>
  extract(`${head}

Hà Nội, ngày 05 tháng 9 năm 2026

THÔNG BÁO
Kết luận cuộc họp

1. Sở Tài chính rà soát kinh phí trước ngày 30/9/2026.
`).document.issuer;

describe("the document's issuer", () => {
  it.each([
    ['ỦY BAN NHÂN DÂN\nTỈNH HẢI ĐÔNG\n\nSố: 301/TB-UBND', 'ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG'],
    ['HỘI ĐỒNG NHÂN DÂN\n\nTHÀNH PHỐ CẢNG NAM\n\nSố: 12/NQ-HĐND', 'HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ CẢNG NAM'],
    ['ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 45/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'ỦY BAN NHÂN DÂN XÃ TÂN LẬP'],
  ])('joins a body and its locality line', (head, issuer) => {
    expect(issuerOf(head)).toBe(issuer);
  });

  it.each([
    ['UBND TỈNH NAM SƠN\nVĂN PHÒNG\n\nSố: 215/TB-VP', 'VĂN PHÒNG UBND TỈNH NAM SƠN'],
    ['ỦY BAN NHÂN DÂN\nTỈNH BẮC HÀ\nVĂN PHÒNG\nSố: 88/TB-VP', 'VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH BẮC HÀ'],
    ['UBND TỈNH BẮC HÀ\nSỞ XÂY DỰNG\n\nSố: 9/KH-SXD', 'SỞ XÂY DỰNG'],
  ])('names a unit under its body, with the body when the unit has no name of its own', (head, issuer) => {
    expect(issuerOf(head)).toBe(issuer);
  });

  it('reads a long name wrapped after a comma, a Party body, and a header laid out as a table', () => {
    expect(issuerOf('UBND TỈNH LÂM VIÊN\nBAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ,\nĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ\nSố: /BCĐ')).toBe(
      'BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ',
    );
    expect(issuerOf('ĐẢNG CỘNG SẢN VIỆT NAM\n\nTỈNH ỦY NAM SƠN\n\nSố: 45-KL/TU')).toBe('TỈNH ỦY NAM SƠN');
    expect(issuerOf('| BỘ XÂY DỰNG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |\n| --- | --- |\n| Số: 77/TB-BXD | Hà Nội |')).toBe('BỘ XÂY DỰNG');
  });

  it('is unknown when the text starts at the title', () => {
    expect(issuerOf('')).toBeNull();
  });
});

describe('the signature block', () => {
  const signed = (block: string) =>
    extract(`ỦY BAN NHÂN DÂN\nTỈNH HẢI ĐÔNG\n\nSố: 301/TB-UBND\n\nHải Đông, ngày 03 tháng 11 năm 2026\n\nTHÔNG BÁO\nKết luận cuộc họp\n\n1. Sở Tài chính rà soát kinh phí trước ngày 30/11/2026.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n${block}\n`).document;

  it.each([
    ['TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nHà Văn Nam', 'TL.', 'CHÁNH VĂN PHÒNG', 'Hà Văn Nam'],
    ['KT. CHÁNH VĂN PHÒNG\n\nPHÓ CHÁNH VĂN PHÒNG\n\nLý Thị Mai', 'KT.', 'PHÓ CHÁNH VĂN PHÒNG', 'Lý Thị Mai'],
    ['TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐỗ Văn Giang', 'KT.', 'PHÓ CHỦ TỊCH', 'Đỗ Văn Giang'],
    ['T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\nNguyễn Văn Phúc', 'TM.', 'PHÓ BÍ THƯ THƯỜNG TRỰC', 'Nguyễn Văn Phúc'],
    ['CHỦ TỊCH\nPhan Văn Hùng', null, 'CHỦ TỊCH', 'Phan Văn Hùng'],
  ])('reads the form, title and signer of %j', (block, form, title, signer) => {
    expect(signed(block)).toMatchObject({ signingForm: form, signerTitle: title, signer });
  });
});
