#!/usr/bin/env node
// Entry point of `npx dondoc`: the sources are TypeScript, run through tsx's loader so that there
// is no separate build step for the server and the CLI. `dondoc extract`, run by clerks over
// folders of thousands of files, starts instead from a bundle of its own modules that esbuild makes
// on first use and again whenever one of its sources changes (src/cli/fresh-bundle.mjs); where no
// bundle can be made (no esbuild, a read-only folder), it runs through tsx like the rest.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

async function bundledExtract() {
  if (process.argv[2] !== 'extract' || process.env.DONDOC_NO_BUNDLE) return null;
  try {
    const { freshBundle } = await import('../src/cli/fresh-bundle.mjs');
    const root = fileURLToPath(new URL('..', import.meta.url));
    const dir = await freshBundle({
      name: 'extract',
      root,
      entryPoints: ['src/cli/extract-main.ts', 'src/cli/extract-worker.ts'],
      cacheDir: join(root, 'node_modules', '.cache', 'dondoc'),
    });
    return pathToFileURL(join(dir, 'extract-main.js')).href;
  } catch {
    return null;
  }
}

const bundled = await bundledExtract();
if (bundled) await import(bundled);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
