/**
 * The bundle `dondoc extract` runs from is never older than its sources: made on first use, reused
 * while no input changed, made again when one did, and two runs that find it stale at once both
 * get a working bundle.
 */
import { describe, it, expect, beforeEach, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync, existsSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { freshBundle } from './fresh-bundle.mjs';

const root = mkdtempSync(join(tmpdir(), 'dondoc-bundle-'));
const cacheDir = join(root, 'cache');
const options = { name: 'demo', root, entryPoints: ['src/main.ts', 'src/worker.ts'], cacheDir };
afterAll(() => rmSync(root, { recursive: true, force: true }));

const source = (rel: string, text: string, mtime?: Date) => {
  writeFileSync(join(root, rel), text);
  if (mtime) utimesSync(join(root, rel), mtime, mtime);
};
const load = async (dir: string, entry = 'main'): Promise<{ value: string }> => import(`${pathToFileURL(join(dir, `${entry}.js`)).href}?${Math.random()}`);

beforeEach(() => {
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(join(root, 'src'), { recursive: true });
  const past = new Date(Date.now() - 60_000);
  source('src/words.ts', "export const word: string = 'một';\n", past);
  source('src/main.ts', "import { word } from './words.ts';\nexport const value = `main ${word}`;\n", past);
  source('src/worker.ts', "import { word } from './words.ts';\nexport const value = `worker ${word}`;\n", past);
});

describe('freshBundle', () => {
  it('builds every entry point as <name>.js on first use and reuses the bundle while nothing changed', async () => {
    const dir = await freshBundle(options);
    expect((await load(dir)).value).toBe('main một');
    expect((await load(dir, 'worker')).value).toBe('worker một');
    const manifest = JSON.parse(readFileSync(join(cacheDir, 'demo.json'), 'utf8')) as { dir: string; inputs: Record<string, string> };
    expect(manifest.dir).toBe(dir);
    expect(Object.keys(manifest.inputs).sort()).toEqual(['src/main.ts', 'src/words.ts', 'src/worker.ts']);
    expect(await freshBundle(options)).toBe(dir);
  });

  it('builds again when a source the bundle was made from changes, even one only imported', async () => {
    const before = await freshBundle(options);
    source('src/words.ts', "export const word: string = 'hai';\n");
    const after = await freshBundle(options);
    expect(after).not.toBe(before);
    expect((await load(after)).value).toBe('main hai');
    expect((await load(after, 'worker')).value).toBe('worker hai');
    expect(await freshBundle(options)).toBe(after);
  });

  it('builds again when a source is removed or the bundle folder is gone', async () => {
    const first = await freshBundle(options);
    rmSync(first, { recursive: true });
    const second = await freshBundle(options);
    expect(existsSync(join(second, 'main.js'))).toBe(true);
    // main.ts no longer imports words.ts, which is then deleted: the manifest must not ask for it
    source('src/main.ts', "export const value = 'main riêng';\n");
    source('src/worker.ts', "export const value = 'worker riêng';\n");
    rmSync(join(root, 'src/words.ts'));
    const third = await freshBundle(options);
    expect((await load(third)).value).toBe('main riêng');
    expect(await freshBundle(options)).toBe(third);
  });

  it('gives two runs that find the bundle stale at once each a working bundle, and the manifest names one', async () => {
    const [a, b] = await Promise.all([freshBundle(options), freshBundle(options)]);
    expect((await load(a)).value).toBe('main một');
    expect((await load(b)).value).toBe('main một');
    const manifest = JSON.parse(readFileSync(join(cacheDir, 'demo.json'), 'utf8')) as { dir: string };
    expect([a, b]).toContain(manifest.dir);
    expect(await freshBundle(options)).toBe(manifest.dir);
  });

  it('fails, for the caller to fall back on the sources, when a source does not compile', async () => {
    source('src/words.ts', 'export const word: string = ;\n');
    await expect(freshBundle(options)).rejects.toThrow();
  });
});
