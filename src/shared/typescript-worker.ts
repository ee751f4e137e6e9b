import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker thread running a TypeScript module (through tsx, as the main thread does). */
export function typescriptWorker(module: URL, opts: WorkerOptions = {}): Worker {
  const workerData = { ...((opts.workerData as Record<string, unknown> | undefined) ?? {}), module: module.href };
  return new Worker(new URL('./typescript-worker-entry.mjs', import.meta.url), { ...opts, workerData });
}
