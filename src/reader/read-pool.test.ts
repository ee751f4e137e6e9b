/**
 * The reader pool: documents are read in worker threads with a time and a memory budget, a
 * thread that overruns is stopped and replaced, and the calling thread stays free meanwhile.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { ReaderPool } from './read-pool';
import { readDocument } from './index';
import { buildDocx, p } from './input/fixtures/build-docx';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./input/fixtures/${name}`, import.meta.url)));

/** A long but legitimate document: seconds of parsing, within every size limit. */
async function longDocx(paragraphs: number) {
  const body = Array.from({ length: paragraphs }, (_, i) => p(`Đoạn ${i}: nội dung báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội của tỉnh.`)).join('');
  return buildDocx({ body });
}

/** Largest gap between ticks of a 10 ms timer while `work` runs: how long the thread was blocked. */
async function longestStall<T>(work: Promise<T>): Promise<{ result: PromiseSettledResult<T>; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  const [result] = await Promise.allSettled([work]);
  clearInterval(tick);
  return { result, stallMs };
}

describe('reader pool', () => {
  let pool: ReaderPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('reads a .docx in a thread exactly as in-process reading does', async () => {
    pool = new ReaderPool({ size: 1 });
    const bytes = fixture('tables.docx');
    const [inThread, inProcess] = await Promise.all([pool.read(bytes, 'tables.docx'), readDocument(bytes, 'tables.docx')]);
    expect(inThread).toEqual(inProcess);
    expect(inThread.format).toBe('docx');
    expect(inThread.text.length).toBeGreaterThan(100);
  });

  it('answers the reader\'s own refusals with their code and Vietnamese detail', async () => {
    pool = new ReaderPool({ size: 1 });
    await expect(pool.read(new Uint8Array(0), 'rong.docx')).rejects.toMatchObject({ code: 'BAD_FILE', detail: expect.stringContaining('Tệp rỗng') });
  });

  it('keeps the calling thread free while a long document is read', async () => {
    pool = new ReaderPool({ size: 1 });
    await pool.read(fixture('numbered.docx'), 'warm.docx'); // the thread's start-up is not the point here
    const bytes = await longDocx(20_000);
    const started = performance.now();
    const { result, stallMs } = await longestStall(pool.read(bytes, 'dai.docx'));
    const readMs = performance.now() - started;
    expect(result.status).toBe('fulfilled');
    // Read in-process, this document blocks the thread for its whole reading time (seconds).
    expect(readMs).toBeGreaterThan(500);
    expect(stallMs).toBeLessThan(Math.max(250, readMs / 4));
  }, 60_000);

  it('stops a document that overruns its time budget, and the next document is read by a new thread', async () => {
    // A budget that a small document read by a fresh thread fits in even on a loaded machine (CI
    // runs test files side by side), while the long one takes seconds to read whole.
    pool = new ReaderPool({ size: 1, timeoutMs: 600 });
    await pool.read(fixture('numbered.docx'), 'warm.docx');
    const long = await longDocx(45_000);
    const started = performance.now();
    await expect(pool.read(long, 'dai.docx')).rejects.toMatchObject({ code: 'READ_TIMEOUT', status: 422, detail: 'Đọc văn bản quá 0,6 giây nên đã dừng (tệp quá phức tạp). Hãy kiểm tra lại tệp hoặc tách thành nhiều văn bản.' });
    // stopped near its budget, not after reading the whole document
    expect(performance.now() - started).toBeLessThan(600 + 2_500);
    const next = await pool.read(fixture('tables.docx'), 'tables.docx');
    expect(next.format).toBe('docx');
    expect(pool.threads).toBe(1);
  }, 60_000);

  it('stops a thread that runs out of its memory budget, and goes on with a new one', async () => {
    pool = new ReaderPool({ size: 1, maxHeapMb: 32 });
    await expect(pool.read(await longDocx(45_000), 'dai.docx')).rejects.toMatchObject({ code: 'READ_OUT_OF_MEMORY', detail: expect.stringContaining('bộ nhớ') });
    const next = await pool.read(fixture('tables.docx'), 'tables.docx');
    expect(next.format).toBe('docx');
  }, 60_000);

  it('turns documents away with READER_BUSY once its queue is full', async () => {
    pool = new ReaderPool({ size: 1, maxQueue: 1 });
    const bytes = fixture('tables.docx');
    const first = pool.read(bytes, 'a.docx');
    const second = pool.read(bytes, 'b.docx');
    await expect(second).rejects.toMatchObject({ code: 'READER_BUSY', status: 503 });
    await expect(first).resolves.toMatchObject({ format: 'docx' });
  }, 30_000);
});
