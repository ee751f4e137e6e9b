import { describe, it, expect } from 'vitest';
import { parseXmlLite, decodeEntities } from './xml-lite.ts';

describe('xml-lite', () => {
  it('elements, attributes, text, entities, CDATA, comments, processing instructions', () => {
    const x = parseXmlLite('<?xml version="1.0"?><!-- c --><a x="1" y=\'&amp;2\'><b/>t&lt;&#x1EA1;&#7841;<c><![CDATA[<raw>]]></c></a>');
    expect(x).toEqual([{ a: [{ b: [] }, { '#text': 't<ạạ' }, { c: [{ '#text': '<raw>' }] }], ':@': { x: '1', y: '&2' } }]);
  });

  it('a ">" inside a quoted attribute value', () => {
    expect(parseXmlLite('<w:lvlText w:val="%1>"/>')).toEqual([{ 'w:lvlText': [], ':@': { 'w:val': '%1>' } }]);
  });

  it('malformed input never throws and ends: stray closing tags, unclosed elements, truncation', () => {
    expect(parseXmlLite('<a><b>x</c></a>')).toEqual([{ a: [{ b: [{ '#text': 'x' }] }] }]);
    expect(parseXmlLite('<a><b>x')).toEqual([{ a: [{ b: [{ '#text': 'x' }] }] }]);
    expect(parseXmlLite('<a><b x="1')).toEqual([{ a: [] }]);
    expect(() => parseXmlLite('<'.repeat(10000) + '>'.repeat(10))).not.toThrow();
    const deep = '<a>'.repeat(100_000) + 'x' + '</a>'.repeat(100_000);
    expect(() => JSON.stringify(parseXmlLite(deep))).not.toThrow();
  });

  it('decodeEntities ignores bad code points', () => {
    expect(decodeEntities('&#xD800;&#9999999;&foo;&lt;')).toBe('&foo;<');
  });
});
