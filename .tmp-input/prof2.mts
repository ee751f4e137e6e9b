import { readFileSync } from 'node:fs';
import { parseXmlLite } from '../src/reader/input/xml-lite.ts';
import { openZipSafely } from '../src/reader/input/guards.ts';
import { decodeDocx } from '../src/reader/input/docx.ts';
const b = new Uint8Array(readFileSync('/work/shared/corpus/docs/laocai-kh-2026-draft.docx'));
for (let i = 0; i < 5; i++) {
  let t0 = performance.now();
  const z = await openZipSafely(b);
  const xml = (await z.readText('word/document.xml'))!;
  let t1 = performance.now();
  const nodes = parseXmlLite(xml);
  let t2 = performance.now();
  await decodeDocx(b);
  let t3 = performance.now();
  console.log('unzip', (t1-t0).toFixed(1), 'parse', (t2-t1).toFixed(1), 'full', (t3-t2).toFixed(1));
}
