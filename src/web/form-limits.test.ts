/**
 * Every text box of the web app stops typing at the server's limit (field-limits.ts): a form that
 * forgets would let an officer type a page the server then refuses.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('.', import.meta.url));
const sources = [...readdirSync(web).filter((f) => f.endsWith('.tsx')), ...readdirSync(join(web, 'pages')).map((f) => `pages/${f}`)].filter((f) => f.endsWith('.tsx'));
/** Inputs that take no free text. */
const NOT_TEXT = /type="(checkbox|radio|file|date|month|number|hidden|range|color)"/;

describe('web forms', () => {
  it('give every text input and textarea a maxLength', () => {
    const missing: string[] = [];
    for (const f of sources) {
      const src = readFileSync(join(web, f), 'utf8');
      // An element's opening tag runs to the first '>' that is not inside braces.
      for (const m of src.matchAll(/<(input|textarea)\b/g)) {
        let depth = 0;
        let end = m.index! + m[0].length;
        for (; end < src.length; end++) {
          const c = src[end];
          if (c === '{') depth++;
          else if (c === '}') depth--;
          else if (c === '>' && depth === 0) break;
        }
        const tag = src.slice(m.index!, end);
        if (NOT_TEXT.test(tag) || /maxLength=/.test(tag)) continue;
        missing.push(`${f}:${src.slice(0, m.index!).split('\n').length}`);
      }
    }
    expect(sources.length).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });
});
