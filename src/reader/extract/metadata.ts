/** Document metadata: kind, number, issuer, place and date, subject, meeting, signer, recipients. */
import { isUpperLine } from './fold';
import type { Paragraph } from './paragraphs';
import type { DocumentMeta } from './types';
import { iso } from './dates';

/** The kinds of document, as their title line prints them. */
export const KINDS = [
  'THÔNG BÁO KẾT LUẬN', 'THÔNG BÁO', 'CÔNG VĂN', 'CÔNG ĐIỆN', 'CHỈ THỊ', 'KẾ HOẠCH', 'QUYẾT ĐỊNH', 'NGHỊ QUYẾT', 'BÁO CÁO', 'TỜ TRÌNH',
  'CHƯƠNG TRÌNH', 'HƯỚNG DẪN', 'KẾT LUẬN', 'THÔNG TƯ', 'NGHỊ ĐỊNH', 'ĐỀ ÁN', 'QUY CHẾ', 'QUY ĐỊNH', 'GIẤY MỜI', 'BIÊN BẢN',
];
const NAME = /((?:\p{Lu}[\p{Ll}]{0,7}\s){1,4}\p{Lu}[\p{Ll}]{0,7})\s*$/u;
const SIGNER_TITLE = /(CHỦ TỊCH|TRƯỞNG|GIÁM ĐỐC|THỦ TƯỚNG|CHÁNH|VĂN PHÒNG|BỘ TRƯỞNG|CHỦ NHIỆM|BÍ THƯ|PHÓ|TUQ|TM\.|KT\.|TL\.)/u;
/** "TM.", "KT.", "TL.", "TUQ.", "Q." — and the Party's "T/M" for "TM." */
const SIGN_FORM = /\b(TM|KT|TL|TUQ|Q|T\/M)\s?[./]?(?=\s)/u;

export interface MetaResult {
  meta: DocumentMeta;
  /** year of the document even when day and month are blank */
  year: number | null;
  /** partial date ("tháng 6 năm 2026") as the first day of the month */
  partial: string | null;
  /** indices of the paragraphs that name whom the document is addressed to: never tasks */
  addressedParas: number[];
}

export function parseMetadata(text: string, paras: Paragraph[]): MetaResult {
  const head = text.slice(0, 6000);
  const meta: DocumentMeta = {
    kind: null, number: null, issuer: null, place: null, date: null, subject: null, meetingDate: null, chair: null,
    signer: null, signerTitle: null, signingForm: null, recipients: [], addressedTo: [],
  };
  let year: number | null = null;
  let partial: string | null = null;
  // "Số: 12/TB-UBND", and the Party's "Số 45-KL/TU" (hyphen after the number, often no colon)
  const num = /Số\s{0,3}:\s{0,6}([0-9]{1,5}\s{0,2}\/[\p{L}\p{N}\-/Đđ]{1,30})/u.exec(head) ?? /Số\s{0,3}:?\s{0,6}([0-9]{1,5}-[\p{Lu}Đ]{1,10}\/[\p{L}\p{N}\-/Đđ]{1,30})/u.exec(head);
  if (num) meta.number = num[1].replace(/\s+/g, '');
  const dm = /(?:^|\n|\||\*)\s{0,3}\*?([\p{Lu}][\p{L} .]{1,30}?),\s{1,3}ngày\s{1,8}(\d{1,2})?\s{0,8}tháng\s{1,8}(\d{1,2})?\s{0,8}năm\s{1,3}(\d{4})/u.exec(head);
  if (dm) {
    meta.place = dm[1].trim();
    year = Number(dm[4]);
    if (dm[2] && dm[3]) meta.date = iso(year, Number(dm[3]), Number(dm[2]));
    else if (dm[3]) partial = iso(year, Number(dm[3]), 1);
    else partial = iso(year, 1, 1);
  }
  if (!meta.date) {
    const passed = /thông qua ngày\s{1,3}(\d{1,2})\s{1,3}tháng\s{1,3}(\d{1,2})\s{1,3}năm\s{1,3}(\d{4})/u.exec(text);
    if (passed) {
      meta.date = iso(Number(passed[3]), Number(passed[2]), Number(passed[1]));
      year = Number(passed[3]);
    }
  }
  // kind: the first capitalised title line naming a kind
  let kindIdx = -1;
  for (let i = 0; i < Math.min(paras.length, 40); i++) {
    const t = paras[i].text.replace(/[*_]/g, '').trim();
    if (paras[i].isRow || !isUpperLine(t)) continue;
    const k = KINDS.find((k) => t === k || t.startsWith(`${k} `) || t.startsWith(`${k}\n`));
    if (k && t.length < 160) {
      meta.kind = k === 'THÔNG BÁO KẾT LUẬN' ? 'THÔNG BÁO' : k;
      kindIdx = i;
      const rest = t.slice(k.length).trim();
      if (rest && k !== 'THÔNG BÁO KẾT LUẬN') meta.subject = rest;
      break;
    }
  }
  if (kindIdx >= 0 && !meta.subject) {
    const parts: string[] = [];
    for (let i = kindIdx + 1; i < Math.min(paras.length, kindIdx + 6); i++) {
      const t = paras[i].text.trim();
      if (paras[i].isRow || /^(Căn cứ|Ngày|Kính gửi|_{3,}|-{3,})/u.test(t) || /^\(Kèm theo/u.test(t) || /^([IVX]{1,4}|\d{1,2})\.\s/u.test(t)) break;
      if (parts.length && !isUpperLine(t) && !/^[\p{Ll}]/u.test(t) && isUpperLine(parts[0])) break;
      if (parts.length && !isUpperLine(t) && t.length > 200) break;
      // a capitalised line after a subject in ordinary case is the next block: the enacting
      // body's title of a resolution ("HỘI ĐỒNG NHÂN DÂN TỈNH …", "KHÓA XV, KỲ HỌP THỨ 12")
      if (parts.length && isUpperLine(t) && !isUpperLine(parts[parts.length - 1])) break;
      // A subject is one phrase: a paragraph with a sentence of its own ("Thời gian qua, … kết quả.
      // Để …") is the body, not more of the subject.
      // a lead-in ("Tại hội nghị ngày …, Ban Thường vụ kết luận như sau:") opens the body
      if (parts.length && !isUpperLine(t) && /:\s*$/u.test(t)) break;
      const holdsSentence = /[.!?]\s+\p{Lu}/u.test(t);
      if (parts.length && holdsSentence) break;
      if (holdsSentence) {
        // A text without blank lines may have joined the subject's line with the body's first
        // sentences in one paragraph: the subject is its lines before the first one that holds
        // a sentence end.
        const lines = text.slice(paras[i].start, paras[i].end).split('\n').map((l) => l.trim());
        const k = lines.findIndex((l) => /[.!?:]$|[.!?]\s+\p{Lu}/u.test(l));
        if (k > 0) {
          parts.push(lines.slice(0, k).join(' '));
          break;
        }
      }
      parts.push(t);
      if (/[.;:]$/.test(t)) break;
      if (!isUpperLine(t) && i + 1 < paras.length && /^\p{Lu}/u.test(paras[i + 1].text) && !isUpperLine(paras[i + 1].text) && paras[i + 1].text.length > 120) break;
    }
    if (parts.length) meta.subject = parts.join(' ').replace(/\s+/g, ' ');
  }
  const vv = /V\/v[^\n|]{3,400}/u.exec(head);
  if (vv) {
    if (!meta.subject) meta.subject = vv[0].trim();
    if (!meta.kind) meta.kind = 'CÔNG VĂN';
  }
  const md = /(?:^|\n)\s{0,3}Ngày\s{1,3}(\d{1,2})(?:\s{0,2}\/\s{0,2}(\d{1,2})\s{0,2}\/\s{0,2}|\s{1,3}tháng\s{1,3}(\d{1,2})\s{1,3}năm\s{1,3})(\d{4})/u.exec(text.slice(0, 12000));
  if (md && (meta.kind === 'THÔNG BÁO' || /kết luận/iu.test(meta.subject ?? ''))) meta.meetingDate = iso(Number(md[4]), Number(md[2] ?? md[3]), Number(md[1]));
  const chair = /(?:do|Phó Thủ tướng Chính phủ|Chủ tịch UBND tỉnh|đồng chí)\s{1,3}(?:đồng chí\s{1,3})?((?:\p{Lu}\p{Ll}{0,7}\s){1,3}\p{Lu}\p{Ll}{0,7})\s{0,3}(?:[-–,]|chủ trì)/u.exec(text.slice(0, 8000));
  if (chair) meta.chair = chair[1].trim();
  meta.issuer = issuerOf(paras);
  // whom a letter is addressed to: "Kính gửi: Sở Y tế" or "Kính gửi:" then one dash line each; a
  // dispatch (công điện) says it as "THỦ TƯỚNG CHÍNH PHỦ điện:"
  const addressedParas: number[] = [];
  for (let i = 0; i < Math.min(paras.length, 80); i++) {
    const m = /^(?:Kính\s{1,2}gửi\s{0,2}:?|[\p{Lu}][\p{Lu}\s,]{3,80}\s(?:điện|ĐIỆN)\s{0,2}:)\s*/u.exec(paras[i].text.trim());
    if (!m) continue;
    addressedParas.push(i);
    const inline = paras[i].text.trim().slice(m[0].length).replace(/[;.,]\s*$/u, '').trim();
    if (inline) meta.addressedTo.push(...inline.split(/\s*;\s*/u).filter(Boolean));
    let open = false;
    for (let j = i + 1; j < paras.length && j < i + 40; j++) {
      const line = paras[j].text.trim();
      const dash = /^[-–+•]\s*/u.test(line);
      // a recipient wrapped onto a line of its own (PDF text): the last one goes on until its ";"
      if (!dash && !(open && meta.addressedTo.length)) break;
      addressedParas.push(j);
      const name = line.replace(/^[-–+•]\s*/u, '').replace(/[;.,]\s*$/u, '').trim();
      if (!dash) meta.addressedTo[meta.addressedTo.length - 1] += ` ${name}`;
      else if (name) meta.addressedTo.push(name);
      open = !/[;.]\s*$/u.test(line);
    }
    break;
  }
  // recipients
  const rn = /N[oơ]i\s{1,2}nhận\s{0,2}:?\*?/iu.exec(text);
  if (rn) {
    const block = text.slice(rn.index + rn[0].length, rn.index + rn[0].length + 3000);
    for (const piece of block.split(/\n|(?=\s-\s)/u)) {
      const t = piece.replace(/^[\s|*]*-\s*/u, '').replace(/[;.,]\s*$/u, '').trim();
      if (!t) continue;
      if (/^(Lưu|TM\.|KT\.|TL\.|\*\*)/u.test(t) || isUpperLine(t)) break;
      if (piece.trim().startsWith('-') || piece.includes(' - ')) meta.recipients.push(t.split('|')[0].trim());
      if (meta.recipients.length > 60) break;
    }
  }
  // signer: a personal name after a capitalised title in the closing block
  const tail = paras.slice(Math.max(0, paras.length - 400));
  // The title must be in this paragraph or the one before: testing that first spares the cell
  // splitting and the name search on every other paragraph (most of the document).
  const titled = tail.map((p) => SIGNER_TITLE.test(p.text.includes('*') ? p.text.replace(/\*+/g, '') : p.text));
  for (let i = 0; i < tail.length; i++) {
    if (!titled[i] && !titled[i - 1]) continue;
    if (tail[i].text.length > 4000) continue;
    const cells = tail[i].text.split('|').map((c) => c.replace(/\*+/g, '').trim());
    for (const full of cells) {
      const cell = full.length > 300 ? full.slice(-300) : full;
      const m = NAME.exec(cell.slice(-60)) ? NAME.exec(cell) : null;
      if (!m) continue;
      const before = cell.slice(0, m.index).trim();
      const prev = before || (i > 0 ? tail[i - 1].text.split('|').pop()!.replace(/\*+/g, '').trim() : '');
      if (!prev || !isUpperLine(prev) || !SIGNER_TITLE.test(prev)) continue;
      const words = m[1].trim().split(/\s+/);
      if (words.length < 2 || words.length > 5) continue;
      meta.signer = m[1].trim();
      // "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG / name", each on its own line: the form is two lines up
      const above = !before && i > 1 ? tail[i - 2].text.split('|').pop()!.replace(/\*+/g, '').trim() : '';
      const form = SIGN_FORM.exec(prev) ?? (above.length < 60 && isUpperLine(above) ? SIGN_FORM.exec(above) : null);
      meta.signingForm = form ? `${form[1].replace('/', '')}.` : null;
      let title = prev.replace(/^.*\b(?:TM|KT|TL|TUQ|T\/M)\s?[./]?\s+/u, '').trim();
      const lines = prev.split('\n').map((x) => x.trim()).filter(Boolean);
      if (lines.length > 1) title = lines[lines.length - 1];
      const pho = title.indexOf('PHÓ ');
      if (pho > 0) title = title.slice(pho);
      meta.signerTitle = title || null;
      break;
    }
    if (meta.signer) break;
  }
  return { meta, year, partial, addressedParas };
}

/** The header's upper-case lines (left column), up to the number or the national motto. */
function headerLines(paras: Paragraph[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < Math.min(paras.length, 8) && lines.length < 4; i++) {
    const line = paras[i].text.replace(/^\s*\|/u, '').split('|')[0].replace(/[*_-]{2,}/g, '').replace(/\s+Số\s*:.*$/u, '').replace(/\s+/g, ' ').trim();
    if (!line) continue;
    // the document's own title ("THÔNG BÁO", "NGHỊ QUYẾT") ends the header, or shows there is none
    if (KINDS.some((k) => line.startsWith(k))) break;
    if (/^(?:CỘNG HÒA|CỘNG HOÀ|Độc lập|Số\s*:)/u.test(line) || !isUpperLine(line)) {
      if (lines.length) break;
      continue;
    }
    lines.push(line);
  }
  return lines;
}

/** A header line that completes the line above: "TỈNH LÂM ĐỒNG" under "ỦY BAN NHÂN DÂN". */
const LOCALITY_LINE = /^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|ĐẶC KHU|KHÓA|KHOÁ)\s(?!ỦY|UỶ)/u; // not "TỈNH ỦY …", a body
/** A unit named only by its kind, known by the body above it: "VĂN PHÒNG" under "UBND TỈNH LÀO CAI". */
const BARE_UNIT = /^(?:VĂN PHÒNG|THANH TRA|BAN TIẾP CÔNG DÂN)$/u;

/**
 * Who issued the document, from the header's left column: the body's name, with its locality line
 * ("ỦY BAN NHÂN DÂN / TỈNH LÂM ĐỒNG"), and for a unit under a body, the unit ("UBND TỈNH LÀO CAI /
 * VĂN PHÒNG" → "VĂN PHÒNG UBND TỈNH LÀO CAI"; "BAN CHẤP HÀNH TRUNG ƯƠNG / ĐẢNG ĐOÀN QUỐC HỘI" →
 * the Party body that issues). "ĐẢNG CỘNG SẢN VIỆT NAM" heads every Party document and issues none.
 */
function issuerOf(paras: Paragraph[]): string | null {
  const bodies: string[] = [];
  for (const line of headerLines(paras)) {
    // a locality line, or a long name wrapped after a comma ("…, ĐỔI MỚI SÁNG TẠO, / CHUYỂN ĐỔI SỐ …")
    if (bodies.length && (LOCALITY_LINE.test(line) || /[,&-]$|\sVÀ$/u.test(bodies[bodies.length - 1]))) bodies[bodies.length - 1] += ` ${line}`;
    else bodies.push(line);
  }
  const named = bodies.length > 1 ? bodies.filter((b) => !/^ĐẢNG CỘNG SẢN VIỆT NAM$/u.test(b)) : bodies;
  if (!named.length) return null;
  const last = named[named.length - 1];
  return BARE_UNIT.test(last) && named.length > 1 ? `${last} ${named[named.length - 2]}` : last;
}
