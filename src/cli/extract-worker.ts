/**
 * A worker thread of `dondoc extract --jsonl`: takes the next file index from the counter it shares
 * with the main thread and the other workers, answers that file's line, and goes on until no file
 * is left. Taking work from the shared counter, rather than being handed each file, keeps a worker
 * busy while the main thread is itself reading a document.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { jsonlLine } from './extract-file';

const { files, counter, slot } = workerData as { files: string[]; counter: Int32Array; slot: number };
for (;;) {
  const i = Atomics.add(counter, 0, 1);
  if (i >= files.length) break;
  // The file in hand, so that the main thread can read it again if this worker dies.
  Atomics.store(counter, slot, i + 1);
  parentPort!.postMessage({ i, ...(await jsonlLine(files[i])) });
  Atomics.store(counter, slot, 0);
}
