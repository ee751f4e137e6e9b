/**
 * Multi-column regions of a PDF page: the two-column header block (issuer | national motto,
 * number | place and date), the signature block (Nơi nhận | signer), and task tables. Found from
 * lines that have wide gaps; columns are the x-ranges those gaps separate; items are assigned to
 * the column their start falls in, so a wrapped cell line next to another cell is split even where
 * the gap between them is narrow.
 *
 * A region becomes paragraphs in the text form the docx reader gives: a layout block as one
 * paragraph per column (its lines joined by "\n"), a table as one line per row with cells joined
 * by " | ".
 */

export interface ColItem {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
  /** position in the page's content stream */
  order: number;
}

export interface ColLine {
  y: number;
  x0: number;
  x1: number;
  size: number;
  text: string;
  items: ColItem[];
}

export interface Region {
  /** index of the first and last line of the region in the page's lines */
  from: number;
  to: number;
  paragraphs: string[];
}

const TABLE_HEADER = /(stt|\btt\b|nội dung|nhiệm vụ|chủ trì|phối hợp|thời gian|thời hạn|sản phẩm|kết quả|đơn vị|cơ quan|ghi chú)/gi;

/** segments of a line: runs of items separated by gaps wider than `gapEm` */
function segments(l: ColLine, gapEm: number): Array<{ x0: number; x1: number }> {
  const out: Array<{ x0: number; x1: number }> = [];
  let end = -Infinity;
  for (const it of l.items) {
    const w = it.w > 0.05 * it.size ? it.w : 0.5 * it.size * [...it.str].length;
    if (out.length && it.x - end <= gapEm * l.size) {
      out[out.length - 1].x1 = Math.max(out[out.length - 1].x1, it.x + w);
    } else {
      out.push({ x0: it.x, x1: it.x + w });
    }
    end = Math.max(end, it.x + w);
  }
  return out;
}

/** merge overlapping x-ranges */
function mergeRanges(rs: Array<{ x0: number; x1: number }>): Array<{ x0: number; x1: number }> {
  const s = [...rs].sort((a, b) => a.x0 - b.x0);
  const out: Array<{ x0: number; x1: number }> = [];
  for (const r of s) {
    const last = out[out.length - 1];
    if (last && r.x0 <= last.x1 + 2) last.x1 = Math.max(last.x1, r.x1);
    else out.push({ ...r });
  }
  return out;
}

export function findRegions(lines: ColLine[], joinItems: (items: ColItem[], size: number, columns: boolean) => string): Region[] {
  const regions: Region[] = [];
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) gaps.push(lines[i - 1].y - lines[i].y);
  const sorted = gaps.filter((g) => g > 0).sort((a, b) => a - b);
  // table cells centred vertically put lines at odd offsets: never less than a normal line
  const bodySize = lines.length ? [...lines.map((l) => l.size)].sort((a, b) => a - b)[Math.floor(lines.length / 2)] : 12;
  const lineGap = Math.max(sorted[Math.floor(sorted.length / 2)] ?? 14, 1.15 * bodySize);
  // seeds: lines with wide gaps; a line continues a region on narrower gaps (the number column)
  const segs = lines.map((l) => segments(l, 1.8));
  const fine = lines.map((l) => segments(l, 0.9));
  let i = 0;
  while (i < lines.length) {
    if (segs[i].length < 2) {
      i++;
      continue;
    }
    // seed: this multi-segment line and the following ones
    let from = i;
    let to = i;
    let ranges = mergeRanges(fine[i]);
    const gutterOf = (rs: Array<{ x0: number; x1: number }>) => rs.slice(1).map((r, k) => (rs[k].x1 + r.x0) / 2);
    const near = (a: number, b: number) => Math.abs(lines[a].y - lines[b].y) <= 2.6 * lineGap;
    // A line joins when its pieces fit the columns: merged into the column ranges they do not
    // make two columns one (a full-width body line would).
    const fits = (j: number) => {
      const cand = mergeRanges([...ranges, ...fine[j]]);
      return cand.length >= ranges.length && cand.length >= 2 ? cand : undefined;
    };
    // a line in one column only must follow closely (a title after the header block does not)
    const tight = (a: number, b: number) => Math.abs(lines[a].y - lines[b].y) <= 1.8 * lineGap;
    // grow downwards
    for (let j = i + 1; j < lines.length && near(j - 1, j); j++) {
      if (segs[j].length < 2 && !tight(j - 1, j)) break;
      const cand = fits(j);
      if (!cand) break;
      ranges = cand;
      to = j;
    }
    // grow upwards (a first line in one column only)
    for (let j = i - 1; j >= 0 && Math.abs(lines[j].y - lines[j + 1].y) <= 1.3 * lineGap; j--) {
      const last = regions[regions.length - 1];
      if (last && j <= last.to) break;
      if (segs[j].length >= 2) break;
      const cand = fits(j);
      if (!cand) break;
      ranges = cand;
      from = j;
    }
    const gutters = gutterOf(ranges);
    const ncols = gutters.length + 1;
    const colOf = (it: ColItem) => {
      let c = 0;
      while (c < gutters.length && it.x >= gutters[c]) c++;
      return c;
    };
    // Walk the items in content-stream order: PDF producers draw a table cell by cell, row by row.
    // A change of column starts a new cell; going back to an earlier column starts a new row.
    const items: ColItem[] = [];
    for (let k = from; k <= to; k++) items.push(...lines[k].items);
    items.sort((a, b) => a.order - b.order);
    type Cell = { col: number; lines: ColItem[][] };
    const rows: Cell[][] = [];
    let cell: Cell | undefined;
    for (const it of items) {
      const c = colOf(it);
      const row = rows[rows.length - 1];
      if (!cell || c !== cell.col) {
        if (!row || !cell || c < cell.col || row.some((x) => x.col === c)) rows.push([]);
        cell = { col: c, lines: [[it]] };
        rows[rows.length - 1].push(cell);
        continue;
      }
      const line = cell.lines[cell.lines.length - 1];
      if (Math.abs(line[0].y - it.y) <= 0.4 * it.size) line.push(it);
      else cell.lines.push([it]);
    }
    const size = lines[from].size;
    const lineText = (its: ColItem[]) => joinItems([...its].sort((a, b) => a.x - b.x || a.order - b.order), size, false);
    // the lines of a table cell joined by a space; a short capitalised word wrapped in a narrow
    // column ("ST" / "T") is joined back
    const cellText = (c: Cell) =>
      c.lines
        .map(lineText)
        .reduce((acc, t) => (!acc ? t : /(?:^|\s)[A-ZĐ]{1,3}$/.test(acc) && /^[A-ZĐ]{1,2}(?:\s|$)/.test(t) && (acc.split(/\s/).pop()!.length + t.split(/\s/)[0].length) <= 4 ? acc + t : `${acc} ${t}`), '');
    const firstRowText = (rows[0] ?? []).map(cellText).join(' ');
    const headerWords = firstRowText.match(TABLE_HEADER)?.length ?? 0;
    const isTable = ncols >= 3 || headerWords >= 2;
    const paragraphs: string[] = [];
    if (!isTable) {
      // A layout block (header, signature) read as Word lays out its table: rows split where no
      // column has text (an empty band across the block), each cell a paragraph of its own with
      // its lines kept, row by row.
      const ys = [...new Set(lines.slice(from, to + 1).map((l) => l.y))].sort((a, b) => b - a);
      const bands: number[][] = [];
      for (const y of ys) {
        const last = bands[bands.length - 1];
        if (last && last[last.length - 1] - y <= 1.5 * lineGap) last.push(y);
        else bands.push([y]);
      }
      for (const band of bands) {
        const top = band[0] + 0.5 * size;
        const bottom = band[band.length - 1] - 0.5 * size;
        for (let c = 0; c < ncols; c++) {
          const its = items.filter((it) => colOf(it) === c && it.y <= top && it.y >= bottom);
          const byLine: ColItem[][] = [];
          for (const it of [...its].sort((a, b) => b.y - a.y || a.order - b.order)) {
            const l = byLine[byLine.length - 1];
            if (l && Math.abs(l[0].y - it.y) <= 0.4 * it.size) l.push(it);
            else byLine.push([it]);
          }
          const t = byLine.map(lineText).filter((x) => x.trim()).join('\n');
          if (t) paragraphs.push(t);
        }
      }
    }
    for (const row of isTable ? rows : []) {
      const texts: string[] = Array.from({ length: ncols }, () => '');
      for (const c of row) {
        const t = cellText(c).replace(/\s+/g, ' ').replace(/\s*\|\s*/g, ' / ').trim();
        texts[c.col] = texts[c.col] ? `${texts[c.col]} ${t}` : t;
      }
      if (texts.some((t) => t)) paragraphs.push(texts.join(' | '));
    }
    regions.push({ from, to, paragraphs });
    i = to + 1;
  }
  return regions;
}
