import { readFileSync } from 'node:fs';
import { decodeDocx } from '../src/reader/input/docx.ts';
const b = new Uint8Array(readFileSync('/work/shared/corpus/docs/laocai-kh-2026-draft.docx'));
for (let i = 0; i < 30; i++) await decodeDocx(b);
const t0 = performance.now();
for (let i = 0; i < 20; i++) await decodeDocx(b);
console.log('avg', ((performance.now() - t0) / 20).toFixed(1));
