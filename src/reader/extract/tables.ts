/**
 * Task-assignment tables ("TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành")
 * as the decoder writes them: one paragraph per row, cells joined by " | ". One task per row that
 * names a lead; continuation rows (no number) with the same or no lead only add product and dates.
 */
import { fold } from './fold';
import type { Paragraph } from './paragraphs';

export interface TableColumns {
  stt: number;
  text: number;
  lead: number;
  support: number;
  due: number;
  product: number;
}

export interface TableRow {
  para: Paragraph;
  cells: string[];
  /** a group row spanning the width ("I. | Hoàn thiện thể chế…"): a heading of the rows below, not a task */
  group?: boolean;
}

export interface Table {
  header: Paragraph;
  cols: TableColumns;
  rows: TableRow[];
  /** paragraph indices covered by the table (header, rows, group lines between rows) */
  covered: Set<number>;
}

export function splitCells(line: string): string[] {
  return line.split('|').map((c) => c.replace(/\s+/g, ' ').trim());
}

function headerColumns(cells: string[]): TableColumns | null {
  if (cells.length < 3 || !cells.some((c) => /chủ\s{0,2}trì|chu tri|thực hiện|trách nhiệm|đầu mối/iu.test(c))) return null;
  const f = cells.map((c) => fold(c));
  const find = (re: RegExp, not?: RegExp): number => f.findIndex((c) => re.test(c) && !(not && not.test(c)));
  let lead = find(/chu tri/);
  if (lead < 0) lead = find(/(don vi|co quan|so, nganh|dia phuong)[^|]{0,20}(thuc hien|dau moi)|^trach nhiem|^don vi thuc hien|^co quan thuc hien/, /phoi hop|thoi gian/);
  const text = find(/(ten )?nhiem vu|noi dung|cong viec|giai phap|hoat dong|ten de an|du an/, /chu tri|phoi hop|thoi gian|don vi|co quan/);
  if (lead < 0 || text < 0 || cells.length < 3) return null;
  return {
    stt: find(/^(s?tt|so tt|so thu tu)$/),
    text,
    lead,
    support: find(/phoi hop/),
    due: find(/thoi gian|thoi han|tien do|hoan thanh/),
    product: find(/ket qua|san pham/),
  };
}

/** "I. | Tên nhóm" or "1. | Tên nhóm": a label then one text cell, nothing in the other columns */
function isGroupRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c.length > 0);
  return filled.length <= 2 && /^(?:[IVXLC]{1,6}|[A-ZĐ]|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])[.)]?$/u.test(cells[0] ?? '');
}

/** The lower row of a two-row header: nothing but column titles under a merged one. */
function isSubHeader(cells: string[]): boolean {
  const filled = cells.filter(Boolean);
  return filled.length > 0 && filled.length < cells.length && filled.every((c) => /^(?:chủ\s{0,2}trì|phối hợp|thực hiện|bắt đầu|hoàn thành|kết thúc|cơ quan|đơn vị)(?!\p{L})/iu.test(c));
}

/**
 * The two rows of a header as one: each column's upper and lower titles joined, an empty upper
 * cell taking the title of the merged cell it lies under ("Đơn vị" over "Chủ trì" and "Phối hợp").
 */
function mergeHeaderRows(upper: string[], lower: string[]): string[] {
  let spanning = '';
  return upper.map((u, k) => {
    if (u) spanning = u;
    const l = lower[k] ?? '';
    if (!l) return u;
    return `${u || spanning} ${l}`.trim();
  });
}

export function findTables(paras: Paragraph[]): Table[] {
  const out: Table[] = [];
  for (let i = 0; i < paras.length; i++) {
    if (!paras[i].isRow) continue;
    const cells = splitCells(paras[i].text);
    // A header over two rows: "… | Đơn vị | | Thời gian" above " | | Chủ trì | Phối hợp | ".
    const next = paras[i + 1]?.isRow ? splitCells(paras[i + 1].text) : null;
    const below = next && isSubHeader(next) ? next : null;
    const cols = below ? headerColumns(mergeHeaderRows(cells, below)) : headerColumns(cells);
    if (!cols) continue;
    const table: Table = { header: paras[i], cols, rows: [], covered: new Set(below ? [i, i + 1] : [i]) };
    const width = cells.length;
    let j = below ? i + 2 : i + 1;
    let lastRow = j - 1;
    while (j < paras.length) {
      const p = paras[j];
      if (p.isRow) {
        const rc = splitCells(p.text);
        if (headerColumns(rc)) break;
        // A row narrower than the header is a group row spanning the width (merged cells): it
        // heads the rows below it and the table goes on. A wider one is another table.
        // (with its empty cells written out, as a two-row header's table often has them, it is as wide)
        const group = (rc.length < width && rc.filter(Boolean).length <= 1) || (rc.length <= width && isGroupRow(rc));
        if (Math.abs(rc.length - width) > 2 && !group) break;
        if (/\p{L}/u.test(p.text)) table.rows.push(group ? { para: p, cells: rc, group } : { para: p, cells: rc });
        for (let k = lastRow + 1; k <= j; k++) table.covered.add(k);
        lastRow = j;
        j++;
        continue;
      }
      // group lines between rows ("I. Đổi mới …") belong to the table when rows follow
      if (j + 1 < paras.length && paras[j + 1].isRow && p.text.length < 400 && !headerColumns(splitCells(paras[j + 1].text))) {
        j++;
        continue;
      }
      break;
    }
    out.push(table);
    i = lastRow;
  }
  return out;
}
