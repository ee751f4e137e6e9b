import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
const z = await JSZip.loadAsync(readFileSync('/work/shared/corpus/docs/laocai-kh-2026-draft.docx'));
const xml = await z.file('word/document.xml')!.async('string');
console.log('xml bytes', xml.length);
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: true, htmlEntities: true });
for (let i = 0; i < 3; i++) { const t0 = performance.now(); parser.parse(xml); console.log('parse', (performance.now() - t0).toFixed(1)); }
const p2 = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: true, htmlEntities: false });
for (let i = 0; i < 3; i++) { const t0 = performance.now(); p2.parse(xml); console.log('parse noHtmlEnt', (performance.now() - t0).toFixed(1)); }
