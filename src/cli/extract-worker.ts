/**
 * A worker thread of `dondoc extract --jsonl`: receives file indexes, answers each file's line.
 * The main thread hands out one file at a time, so a slow document never holds up the others.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { jsonlLine } from './extract-file';

const files = (workerData as { files: string[] }).files;
parentPort!.on('message', async (i: number) => {
  parentPort!.postMessage({ i, ...(await jsonlLine(files[i])) });
});
parentPort!.postMessage({ ready: true });
