import { readFileSync } from 'node:fs';
import { decodeDocument } from '../src/reader/input/index.ts';
try { console.log(await decodeDocument(new Uint8Array(readFileSync(process.argv[2])), process.argv[2])); } catch (e) { console.log('ERR', (e as any).code, (e as any).detail ?? e); }
