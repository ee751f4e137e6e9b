import { readFileSync } from 'node:fs';
import { getDocumentProxy } from 'unpdf';
const pdf = await getDocumentProxy(new Uint8Array(readFileSync(process.argv[2])));
console.log('pages', pdf.numPages);
for (let p = 1; p <= Math.min(pdf.numPages, Number(process.argv[3] ?? 1)); p++) {
  const page = await pdf.getPage(p);
  const vp = page.getViewport({ scale: 1 });
  console.log('page', p, vp.width, vp.height);
  const tc = await page.getTextContent();
  for (const it of tc.items as any[]) console.log(JSON.stringify(it.str), it.transform.map((x:number)=>+x.toFixed(2)).join(','), +it.width.toFixed(2), it.hasEOL, it.fontName);
}
