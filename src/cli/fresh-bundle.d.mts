/** See fresh-bundle.mjs. */
export function freshBundle(options: { name: string; root: string; entryPoints: string[]; cacheDir: string }): Promise<string>;
