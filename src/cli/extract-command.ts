/**
 * `dondoc extract FILE... [--json | --jsonl]`: reads directive documents and prints their tasks —
 * a readable table by default, the corpus JSON object with --json (one file), one object per line
 * with --jsonl. Bad files get a Vietnamese message and a non-zero exit, never a stack trace.
 */
import { availableParallelism } from 'node:os';
import { typescriptWorker } from '../shared/typescript-worker';
import type { Extraction } from '../reader/index';
// The reader (./extract-file and what it imports) is loaded in run(), once worker threads, if any,
// are starting: loading it takes the main thread ~70 ms, which the workers' own start-up (~0.15 s
// each, mostly the TypeScript loader) then overlaps instead of following.
type ExtractFileModule = typeof import('./extract-file');
type ExtractResult = Awaited<ReturnType<ExtractFileModule['extractFile']>>;

/** Below this many files the worker threads' start-up (~0.3 s each) costs more than it saves. */
const PARALLEL_FROM = 24;

const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s).padEnd(n);

function printTable(file: string, r: ExtractResult | Extraction): void {
  const d = r.document;
  console.log(`\n${file}`);
  console.log(`${d.kind ?? '(không rõ loại)'} ${d.number ?? ''} — ${d.place ?? ''} ${d.date ?? ''}`.trim());
  if (d.subject) console.log(`Trích yếu: ${d.subject}`);
  if (d.signer) console.log(`Người ký: ${d.signer}${d.signerTitle ? ` (${d.signerTitle})` : ''}`);
  console.log(`${r.tasks.length} nhiệm vụ\n`);
  console.log(`${cut('Mục', 12)} ${cut('Chủ trì', 34)} ${cut('Hạn', 10)} Nội dung`);
  for (const t of r.tasks) console.log(`${cut(t.ref, 12)} ${cut(t.lead.join('; ') || '—', 34)} ${cut(t.due ?? '—', 10)} ${cut(t.text, 70).trimEnd()}`);
}

/**
 * Progress on the terminal (stderr, so --jsonl output stays clean), at most a few times a second;
 * nothing when stderr is not a terminal.
 */
function progress(total: number): { tick(done: number): void; end(): void } {
  if (!process.stderr.isTTY || total < PARALLEL_FROM) return { tick() {}, end() {} };
  let last = 0;
  return {
    tick(done) {
      const now = Date.now();
      if (now - last < 200 && done < total) return;
      last = now;
      process.stderr.write(`\rĐã đọc ${done}/${total} tệp (${Math.floor((done / total) * 100)}%)`);
    },
    end() {
      process.stderr.write('\n');
    },
  };
}

/**
 * Standard output in writes of about 64 KB: a write per --jsonl line cost ~4 % of a run over
 * thousands of small files.
 */
function batchedStdout(): { write(s: string): void; end(): void } {
  let out = '';
  return {
    write(s) {
      out += s;
      if (out.length > 1 << 16) {
        process.stdout.write(out);
        out = '';
      }
    },
    end() {
      if (out) process.stdout.write(out);
      out = '';
    },
  };
}

/**
 * --jsonl over many files on every core: the main thread, already warm, reads files itself while
 * `jobs - 1` worker threads start; every thread takes the next file from one shared counter when it
 * finishes one, and the lines are written in the order the files were given, whatever order they
 * finish in. A worker that dies leaves its file to the main thread.
 */
async function runParallel(files: string[], jobs: number): Promise<number> {
  // Slot 0: the next file to take. Slot w: 1 + the file worker w holds, or 0.
  const counter = new Int32Array(new SharedArrayBuffer(4 * (jobs + 1)));
  const lost: number[] = [];
  let running = 0;
  // Answers that come while the reader is still loading here wait for settle() to be ready.
  const early: { i: number; line: string; error?: string }[] = [];
  let settle = (i: number, r: { line: string; error?: string }): void => void early.push({ ...r, i });
  for (let w = 1; w < jobs; w++) {
    // A larger young generation: a document's many short-lived strings otherwise cost ~10 % in
    // scavenges.
    const worker = typescriptWorker(new URL('./extract-worker.ts', import.meta.url), {
      workerData: { files, counter, slot: w },
      resourceLimits: { maxYoungGenerationSizeMb: 48 },
    });
    running++;
    worker.on('message', (m: { i: number; line: string; error?: string }) => settle(m.i, m));
    worker.on('error', () => {
      const held = Atomics.load(counter, w);
      if (held) lost.push(held - 1);
    });
    worker.on('exit', () => running--);
  }
  const { jsonlLine } = await import('./extract-file');
  const lines: (string | undefined)[] = new Array(files.length);
  let written = 0;
  let failed = 0;
  const out = batchedStdout();
  const bar = progress(files.length);
  const flush = (force: boolean) => {
    while (written < files.length && lines[written] !== undefined) {
      out.write(lines[written]!);
      lines[written++] = undefined;
    }
    if (force) out.end();
    bar.tick(written);
  };
  let settled = 0;
  settle = (i, r) => {
    if (lines[i] !== undefined || i < written) return; // read twice after a worker was lost
    lines[i] = r.line;
    if (r.error) {
      failed++;
      console.error(r.error);
    }
    flush(false);
    settled++;
  };
  for (const m of early.splice(0)) settle(m.i, m);
  // The main thread's own share, yielding between files so the workers' answers are taken in.
  const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));
  for (;;) {
    const i = lost.pop() ?? Atomics.add(counter, 0, 1);
    if (i >= files.length) break;
    settle(i, await jsonlLine(files[i]));
    await yieldToEvents();
  }
  // Then wait for the workers, reading again any file a lost worker held.
  while (settled < files.length) {
    const i = lost.pop();
    if (i !== undefined) settle(i, await jsonlLine(files[i]));
    else if (running === 0 && !lost.length) break;
    else await new Promise((resolve) => setTimeout(resolve, 5));
  }
  flush(true);
  bar.end();
  return failed ? 1 : 0;
}

function usage(): number {
  console.error('Cách dùng: dondoc extract TỆP... [--json | --jsonl] [--jobs N]');
  return 2;
}

export async function run(args: string[]): Promise<number> {
  let json = false;
  let jsonl = false;
  let jobs = Math.max(1, Math.min(availableParallelism(), 8));
  const files: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '--json') json = true;
    else if (a === '--jsonl') jsonl = true;
    else if (a === '--jobs') {
      jobs = Number(args[++k]);
      if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
        console.error('--jobs cần một số nguyên từ 1 đến 64 (số luồng đọc song song).');
        return 2;
      }
    } else if (a.startsWith('--')) {
      console.error(`Tham số không hợp lệ: ${a}.`);
      return usage();
    } else files.push(a);
  }
  if (!files.length) return usage();
  if (json && files.length > 1) {
    console.error('--json chỉ dùng cho một tệp; với nhiều tệp hãy dùng --jsonl.');
    return 2;
  }
  if (jsonl && jobs > 1 && files.length >= PARALLEL_FROM) return runParallel(files, jobs);
  const { extractFile, failureMessage, jsonlLine, toJson } = await import('./extract-file');
  let failed = 0;
  const bar = progress(jsonl ? files.length : 0);
  const out = batchedStdout();
  for (const [k, file] of files.entries()) {
    if (jsonl) {
      const r = await jsonlLine(file);
      out.write(r.line);
      if (r.error) {
        failed++;
        console.error(r.error);
      }
      bar.tick(k + 1);
      continue;
    }
    try {
      const r = await extractFile(file);
      if (json) process.stdout.write(`${JSON.stringify(toJson(r), null, 1)}\n`);
      else printTable(file, r);
    } catch (e) {
      failed++;
      console.error(failureMessage(e, file));
    }
  }
  out.end();
  bar.end();
  return failed ? 1 : 0;
}
