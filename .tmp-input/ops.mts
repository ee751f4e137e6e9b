import { readFileSync } from 'node:fs';
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
const pdfjs = await getResolvedPDFJS();
const pdf = await getDocumentProxy(new Uint8Array(readFileSync(process.argv[2])));
const page = await pdf.getPage(1);
const ops = await page.getOperatorList();
const OPS = pdfjs.OPS;
let n = 0;
for (let i = 0; i < ops.fnArray.length; i++) {
  if (ops.fnArray[i] === OPS.showText) {
    const glyphs = ops.argsArray[i][0];
    const s = glyphs.map((g: any) => typeof g === 'number' ? `[${g}]` : `${g.unicode}(${g.fontChar?.codePointAt?.(0)?.toString(16)}:${g.width})`).join(' ');
    if (s.includes('Tuy') || (n > 0 && n < 3)) { console.log(s.slice(0, 1500)); n++; }
  }
}
