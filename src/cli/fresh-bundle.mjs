// @ts-check
/**
 * A bundle of some of dondoc's TypeScript modules, made by esbuild on first use and made again
 * whenever one of the sources it was made from has changed, kept in a cache folder. Used by
 * bin/dondoc.js for `dondoc extract`, the command clerks run over folders of thousands of files:
 * run from the bundle, it starts in about half the time it takes through tsx's loader, its worker
 * threads start in ~20 ms instead of ~130 ms, and its functions lose tsx's name-keeping wrappers
 * (README, "Figures"). There is still no build step to forget: a changed source is seen by the
 * next run, because the cache records every input's modification time and size.
 *
 * Plain JavaScript, because it runs before any TypeScript loader is registered.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** How long a superseded bundle is kept, for a run that started from it and still loads its chunks. */
const KEEP_SUPERSEDED_MS = 10 * 60 * 1000;

/** @param {string} file */
function signature(file) {
  const s = statSync(file);
  return `${s.mtimeMs}:${s.size}`;
}

/**
 * @param {string} manifestFile
 * @param {string} root
 * @returns {string | null} the cached bundle's folder, when every input is as it was bundled
 */
function cached(manifestFile, root) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    return null;
  }
  try {
    for (const [file, sig] of Object.entries(manifest.inputs)) if (signature(resolve(root, file)) !== sig) return null;
    statSync(manifest.dir);
  } catch {
    return null; // an input was removed, or the bundle
  }
  return manifest.dir;
}

/**
 * The folder of an up-to-date bundle of `entryPoints` (paths relative to `root`), each entry
 * point built as `<its name>.js` there; its chunks are shared. npm packages are not bundled: they
 * are imported from `root`'s node_modules as usual, so the cache folder must be inside `root`.
 * Two processes that both find the bundle stale both build it, each into a folder of its own, and
 * the manifest, replaced by a rename, names one of them.
 *
 * @param {{ name: string, root: string, entryPoints: string[], cacheDir: string }} options
 * @returns {Promise<string>}
 */
export async function freshBundle({ name, root, entryPoints, cacheDir }) {
  const manifestFile = join(cacheDir, `${name}.json`);
  const hit = cached(manifestFile, root);
  if (hit) return hit;

  const esbuild = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  const dir = join(cacheDir, `${name}-${Date.now().toString(36)}-${process.pid}`);
  const started = Date.now();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
  });
  /** @type {Record<string, string>} */
  const inputs = {};
  let changedMeanwhile = false;
  for (const file of Object.keys(result.metafile.inputs)) {
    const s = statSync(resolve(root, file));
    if (s.mtimeMs >= started) changedMeanwhile = true;
    inputs[file] = `${s.mtimeMs}:${s.size}`;
  }
  // A source saved while esbuild read it: use this bundle once, but let the next run build again.
  if (!changedMeanwhile) {
    const tmp = `${manifestFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ dir, inputs }));
    renameSync(tmp, manifestFile);
  }
  removeSuperseded(cacheDir, name, dir);
  return dir;
}

/**
 * @param {string} cacheDir
 * @param {string} name
 * @param {string} keep
 */
function removeSuperseded(cacheDir, name, keep) {
  for (const entry of readdirSync(cacheDir)) {
    const path = join(cacheDir, entry);
    if (!entry.startsWith(`${name}-`) || path === keep) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_SUPERSEDED_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed by another run meanwhile
    }
  }
}
