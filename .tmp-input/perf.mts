import { readFileSync } from 'node:fs';
import { decodeDocument } from '../src/reader/input/index.ts';
const enc = new TextEncoder();
const t = readFileSync('/work/shared/corpus/docs/caobang-tb-2025-07-14.txt', 'utf8');
let big = ''; while (big.length < 1_000_000) big += t;
const cases: Array<[string, Uint8Array]> = [
  ['1MB vn txt', enc.encode(big)],
  ['1MB random ascii', Uint8Array.from({ length: 1 << 20 }, () => 0x20 + Math.floor(Math.random() * 0x5f))],
  ['1MB random bytes', Uint8Array.from({ length: 1 << 20 }, () => Math.floor(Math.random() * 256))],
  ['laocai-kh docx', new Uint8Array(readFileSync('/work/shared/corpus/docs/laocai-kh-2026-draft.docx'))],
  ['pdf', new Uint8Array(readFileSync('src/reader/input/fixtures/pdf-source.pdf'))],
];
for (const [name, b] of cases) {
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    try { await decodeDocument(b, name.includes('docx') ? 'a.docx' : 'a.txt'); } catch (e) { if (k === 0) console.log(name, 'ERR', (e as any).code); }
    console.log(name, (performance.now() - t0).toFixed(1), 'ms');
  }
}
