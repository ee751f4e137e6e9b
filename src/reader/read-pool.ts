/**
 * Uploaded documents are read in a small pool of worker threads, never on the request thread: a
 * hostile or pathological file costs one worker — stopped when it overruns its time budget or its
 * memory budget, and replaced — while the server keeps answering. The limits inside the reader
 * (input/guards.ts) refuse most such files outright; the pool bounds what slips past them.
 */
import type { Worker } from 'node:worker_threads';
import { typescriptWorker } from '../shared/typescript-worker';
import { availableParallelism } from 'node:os';
import { AppError } from '../shared/errors';
import type { readDocument } from './index';
import type { ReadAnswer, ReadRequest } from './read-worker';

export type ReadResult = Awaited<ReturnType<typeof readDocument>>;

export interface ReaderPoolOptions {
  /** threads; one core is left to the server */
  size?: number;
  /** budget of one document, from the moment a thread takes it */
  timeoutMs?: number;
  /** V8 heap of one thread; a document needing more stops that thread only */
  maxHeapMb?: number;
  /** documents waiting for a thread before new ones are turned away */
  maxQueue?: number;
}

export const READER_POOL_DEFAULTS = {
  size: Math.min(4, Math.max(1, availableParallelism() - 1)),
  timeoutMs: 20_000,
  maxHeapMb: 384,
  maxQueue: 32,
};

interface Job {
  bytes: Uint8Array;
  fileName: string;
  resolve(r: ReadResult): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
}

const workerUrl = new URL('./read-worker.ts', import.meta.url);

export class ReaderPool {
  private readonly opts: typeof READER_POOL_DEFAULTS;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(opts: ReaderPoolOptions = {}) {
    this.opts = { ...READER_POOL_DEFAULTS, ...stripUndefined(opts) };
  }

  read(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
    if (this.queue.length >= this.opts.maxQueue) {
      return Promise.reject(new AppError('READER_BUSY', 'Máy chủ đang đọc nhiều văn bản cùng lúc. Vui lòng thử lại sau ít phút.'));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes, fileName, resolve, reject });
      this.pump();
    });
  }

  /** Threads started, for tests and health figures. */
  get threads(): number {
    return this.slots.size;
  }

  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new Error('reader pool closed'));
    await Promise.all([...this.slots].map((s) => this.stop(s, new Error('reader pool closed'))));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.ready && !slot.job) this.dispatch(slot, this.queue.shift()!);
    }
    const starting = [...this.slots].filter((s) => !s.ready).length;
    for (let n = starting; n < this.queue.length && this.slots.size < this.opts.size; n++) this.spawn();
  }

  private spawn(): void {
    const worker = typescriptWorker(workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxHeapMb, maxYoungGenerationSizeMb: 32 },
    });
    // An idle reader thread does not keep a CLI command or a test process alive.
    worker.unref();
    const slot: Slot = { worker, ready: false };
    this.slots.add(slot);
    worker.on('message', (m: 'ready' | ReadAnswer) => {
      if (m === 'ready') {
        slot.ready = true;
        this.pump();
      } else this.answer(slot, m);
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const failure =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AppError('READ_OUT_OF_MEMORY', 'Văn bản cần quá nhiều bộ nhớ để đọc nên đã bị dừng. Hãy kiểm tra lại tệp hoặc tách thành nhiều văn bản.', { limitMb: this.opts.maxHeapMb })
          : err;
      if (slot.job) this.settle(slot, failure);
      else if (!slot.ready) this.queue.shift()?.reject(failure); // a thread that cannot start must not be restarted forever
    });
    worker.on('exit', () => {
      if (slot.job) this.settle(slot, new Error('reader thread exited'));
      this.slots.delete(slot);
      this.pump();
    });
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      // "0,3 giây" for a budget under a second (tests), never "0 giây"
      const seconds = this.opts.timeoutMs / 1000;
      void this.stop(
        slot,
        new AppError('READ_TIMEOUT', `Đọc văn bản quá ${seconds.toLocaleString('vi-VN')} giây nên đã dừng (tệp quá phức tạp). Hãy kiểm tra lại tệp hoặc tách thành nhiều văn bản.`, { limitSeconds: seconds }),
      );
    }, this.opts.timeoutMs);
    const request: ReadRequest = { id: this.nextId++, bytes: job.bytes, fileName: job.fileName };
    slot.worker.postMessage(request);
  }

  private answer(slot: Slot, m: ReadAnswer): void {
    if (!slot.job) return;
    if (m.ok) {
      const job = slot.job;
      this.release(slot);
      job.resolve(m.result);
    } else {
      const e = m.error;
      this.settle(slot, 'code' in e ? new AppError(e.code, e.detail, e.extra) : new Error(e.message));
    }
    this.pump();
  }

  private settle(slot: Slot, error: Error): void {
    const job = slot.job;
    this.release(slot);
    job?.reject(error);
  }

  private release(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.worker.unref();
  }

  /** Stops a thread (its document fails with `error`); the next document starts a new one. */
  private async stop(slot: Slot, error: Error): Promise<void> {
    this.settle(slot, error);
    this.slots.delete(slot);
    await slot.worker.terminate();
    this.pump();
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

let shared: ReaderPool | undefined;

/** The process's pool, started on the first upload. */
export function sharedReaderPool(): ReaderPool {
  shared ??= new ReaderPool();
  return shared;
}
