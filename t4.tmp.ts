import { readFileSync } from 'node:fs';
import { decodeDocument } from './src/reader/input/index';
const r = await decodeDocument(readFileSync(process.argv[2]), process.argv[2]);
console.log(r.text);
