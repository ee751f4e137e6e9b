/**
 * Fuzz: mutated and random inputs never throw anything but an AppError, and never hang.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeDocument } from './index.ts';
import { AppError } from '../../shared/errors.ts';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (n: string) => new Uint8Array(readFileSync(join(here, 'fixtures', n)));

function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

function mutate(src: Uint8Array, r: () => number): Uint8Array {
  const b = new Uint8Array(src);
  const kind = Math.floor(r() * 4);
  if (kind === 0) {
    for (let i = 0; i < 1 + r() * 20; i++) b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
    return b;
  }
  if (kind === 1) return b.slice(0, Math.floor(r() * b.length));
  if (kind === 2) {
    const at = Math.floor(r() * b.length);
    const len = Math.floor(r() * 2000);
    return new Uint8Array([...b.slice(0, at), ...b.slice(Math.min(b.length, at + len))]);
  }
  const out = new Uint8Array(b.length + 500);
  out.set(b);
  for (let i = b.length; i < out.length; i++) out[i] = Math.floor(r() * 256);
  return out;
}

async function settle(bytes: Uint8Array, name: string): Promise<number> {
  const t0 = performance.now();
  try {
    const res = await decodeDocument(bytes, name);
    expect(typeof res.text).toBe('string');
  } catch (e) {
    if (!(e instanceof AppError)) throw new Error(`${name}: non-AppError ${String(e)}`);
    expect(['BAD_FILE', 'UNSUPPORTED_FILE', 'FILE_TOO_LARGE']).toContain(e.code);
  }
  return performance.now() - t0;
}

describe('fuzz', () => {
  it('mutated .docx files', async () => {
    const r = rng(42);
    const src = fixture('numbered.docx');
    let worst = 0;
    for (let i = 0; i < 60; i++) worst = Math.max(worst, await settle(mutate(src, r), 'm.docx'));
    expect(worst).toBeLessThan(2000);
  });

  it('mutated .pdf files', async () => {
    const r = rng(7);
    const src = fixture('pdf-source.pdf');
    let worst = 0;
    for (let i = 0; i < 25; i++) worst = Math.max(worst, await settle(mutate(src, r), 'm.pdf'));
    expect(worst).toBeLessThan(5000);
  });

  it('random bytes and random text of up to 1 MB', async () => {
    const r = rng(3);
    for (let i = 0; i < 12; i++) {
      const n = Math.floor(r() * 1024 * 1024);
      const b = new Uint8Array(n);
      const textual = i % 2 === 0;
      for (let j = 0; j < n; j++) b[j] = textual ? 0x20 + Math.floor(r() * 0x5f) : Math.floor(r() * 256);
      const ms = await settle(b, i % 3 === 0 ? 'x.txt' : 'x');
      expect(ms).toBeLessThan(1500);
    }
  });
});
