/**
 * A reader thread of the server's pool (read-pool.ts): reads one uploaded document at a time and
 * answers with the extraction, or with the AppError's code and Vietnamese detail.
 */
import { parentPort } from 'node:worker_threads';
import { readDocument } from './index';
import { AppError } from '../shared/errors';

export interface ReadRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
}

export type ReadAnswer =
  | { id: number; ok: true; result: Awaited<ReturnType<typeof readDocument>> }
  | { id: number; ok: false; error: { code: AppError['code']; detail: string; extra: Record<string, unknown> } | { message: string } };

const port = parentPort!;
port.on('message', async ({ id, bytes, fileName }: ReadRequest) => {
  let answer: ReadAnswer;
  try {
    answer = { id, ok: true, result: await readDocument(bytes, fileName) };
  } catch (e) {
    answer = { id, ok: false, error: e instanceof AppError ? { code: e.code, detail: e.detail, extra: e.extra } : { message: e instanceof Error ? e.message : String(e) } };
  }
  port.postMessage(answer);
});
// The .docx decoder (mammoth and its zip reader) is what most uploads need: loaded before the
// thread says it is ready, so that a document's time budget is spent reading it, not loading code.
await import('./input/docx.ts');
port.postMessage('ready');
