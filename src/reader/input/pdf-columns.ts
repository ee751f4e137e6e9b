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
  kind: 'layout' | 'table';
  /** x positions between columns */
  gutters: number[];
  /** the empty x-ranges between columns */
  gaps: Array<[number, number]>;
  /** rows × columns: a cell's text ('' when empty); layout cells keep their lines ("\n") */
  rows: string[][];
}

/** The text form of a region: a layout block cell by cell, a table row by row with " | ". */
export function regionParagraphs(r: Region): string[] {
  if (r.kind === 'layout') return r.rows.flatMap((row) => row.filter((c) => c.trim()));
  return r.rows.filter((row) => row.some((c) => c)).map((row) => row.join(' | '));
}

/**
 * A block cut by a page break: the region at the foot of one page and the one heading the next
 * have the same columns. A layout block's cells continue; a table row continues when the new page
 * starts without a number in the first column; a repeated table header row is dropped.
 */
export function mergeAcrossPages(a: Region, b: Region): boolean {
  if (a.kind !== b.kind || a.gaps.length !== b.gaps.length) return false;
  // the same columns: the gaps between them overlap
  if (a.gaps.some(([x0, x1], k) => Math.min(x1, b.gaps[k][1]) < Math.max(x0, b.gaps[k][0]))) return false;
  const rowsB = [...b.rows];
  if (a.kind === 'table' && rowsB.length && a.rows.length && rowsB[0].join('|') === a.rows[0].join('|')) rowsB.shift();
  const last = a.rows[a.rows.length - 1];
  const first = rowsB[0];
  if (last && first && (a.kind === 'layout' || first[0] === '')) {
    const sep = a.kind === 'layout' ? '\n' : ' ';
    a.rows[a.rows.length - 1] = last.map((c, k) => [c, first[k] ?? ''].filter((x) => x).join(sep));
    rowsB.shift();
  }
  a.rows.push(...rowsB);
  return true;
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
  const fine = lines.map((l) => segments(l, 0.5));
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
    // Some producers draw a table line by line across the columns rather than cell by cell: then
    // every "row" of the walk is one line. Put the lines of a cell back together: a new row where
    // the first column has text (tables) or after an empty band (layout blocks).
    const oneLine = (row: Cell[]) => row.every((c) => c.lines.length === 1 && Math.abs(c.lines[0][0].y - row[0].lines[0][0].y) <= 0.4 * size);
    if (rows.length > 1 && rows.every(oneLine)) {
      const merged: Cell[][] = [];
      let prevY = Infinity;
      for (const row of rows) {
        const y = row[0].lines[0][0].y;
        const last = merged[merged.length - 1];
        const startsRow = isTable ? row.some((c) => c.col === 0) : prevY - y > 1.5 * lineGap;
        if (!last || startsRow) merged.push(row.map((c) => ({ col: c.col, lines: [...c.lines] })));
        else
          for (const c of row) {
            const same = last.find((x) => x.col === c.col);
            if (same) same.lines.push(...c.lines);
            else last.push({ col: c.col, lines: [...c.lines] });
          }
        prevY = y;
      }
      rows.splice(0, rows.length, ...merged);
    }
    const out: string[][] = [];
    if (!isTable) {
      // a layout block (header, signature) as Word lays out its table: cells in the order they
      // were drawn, each with its lines kept
      for (const row of rows) {
        const texts: string[] = Array.from({ length: ncols }, () => '');
        for (const c of row) {
          const t = c.lines.map(lineText).filter((x) => x.trim()).join('\n');
          texts[c.col] = texts[c.col] ? `${texts[c.col]}\n${t}` : t;
        }
        if (texts.some((t) => t)) out.push(texts);
      }
    } else {
      for (const row of rows) {
        const texts: string[] = Array.from({ length: ncols }, () => '');
        for (const c of row) {
          const t = cellText(c).replace(/\s+/g, ' ').replace(/\s*\|\s*/g, ' / ').trim();
          texts[c.col] = texts[c.col] ? `${texts[c.col]} ${t}` : t;
        }
        if (texts.some((t) => t)) out.push(texts);
      }
    }
    const gaps = ranges.slice(1).map((r, k): [number, number] => [ranges[k].x1, r.x0]);
    regions.push({ from, to, kind: isTable ? 'table' : 'layout', gutters, gaps, rows: out });
    i = to + 1;
  }
  return regions;
}
