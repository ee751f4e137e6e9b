import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running a TypeScript module: through tsx, as the main thread does; or, when this
 * module itself runs from a bundle (src/cli/fresh-bundle.mjs), the worker's JavaScript built beside
 * it as an entry point of the same bundle.
 */
export function typescriptWorker(module: URL, opts: WorkerOptions = {}): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(module.href.replace(/\.ts$/u, '.js')), opts);
  const workerData = { ...((opts.workerData as Record<string, unknown> | undefined) ?? {}), module: module.href };
  return new Worker(new URL('./typescript-worker-entry.mjs', import.meta.url), { ...opts, workerData });
}
