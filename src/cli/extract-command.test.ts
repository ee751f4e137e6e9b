/**
 * `dondoc extract --jsonl` as a clerk runs it over a folder: one line per file in the order the
 * files were given, the same bytes whether read on one thread or several, a bad file answered as
 * its own line with a Vietnamese message and a non-zero exit, and bad options refused with exit 2.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { SAMPLE_PARAGRAPHS } from '../reader/input/fixtures/sample-text';

const bin = fileURLToPath(new URL('../../bin/dondoc.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dondoc-extract-'));
const env = { ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '', LOG_LEVEL: 'silent' };
const dondoc = (...args: string[]) =>
  spawnSync(process.execPath, [bin, 'extract', ...args], { env, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });

/** Invented notices that differ in their task count, so a line out of order shows. */
const notice = (k: number): string =>
  [
    'ỦY BAN NHÂN DÂN TỈNH AN HÒA',
    `Số: ${k + 1}/TB-UBND`,
    'THÔNG BÁO',
    'Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại phiên họp thường kỳ',
    ...SAMPLE_PARAGRAPHS.slice(0, 5 + (k % 9)),
  ].join('\n');

const files: string[] = [];
beforeAll(() => {
  // More than the parallel threshold, with one bad file in the middle.
  for (let k = 0; k < 30; k++) {
    const file = join(dir, `tb-${String(k).padStart(2, '0')}.txt`);
    writeFileSync(file, notice(k));
    files.push(file);
  }
  files.splice(13, 0, join(dir, 'khong-co.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dondoc extract --jsonl', () => {
  it('writes every line into a pipe before it exits, however much is queued', { timeout: 240_000 }, () => {
    // Megabytes of output into a shell pipe: an exit that did not wait for the pipe cut the last
    // lines (seen as 996–999 of 1,000).
    const big = join(dir, 'tb-lon.txt');
    writeFileSync(big, [notice(0), ...Array.from({ length: 12 }, () => SAMPLE_PARAGRAPHS.join('\n'))].join('\n'));
    const many = Array.from({ length: 1000 }, () => big);
    const quoted = many.map((f) => `'${f}'`).join(' ');
    const out = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" extract --jsonl --jobs 2 ${quoted} 2>/dev/null | wc -l`], { env, encoding: 'utf8', timeout: 200_000 });
    expect(out.stdout.trim()).toBe('1000');
  });

  it('prints one line per file, in order, identical on one thread and on two', { timeout: 240_000 }, () => {
    const one = dondoc('--jsonl', '--jobs', '1', ...files);
    const two = dondoc('--jsonl', '--jobs', '2', ...files);
    expect(one.status).toBe(1); // one file is missing
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);

    const lines = one.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { file: string; tasks?: unknown[]; error?: string });
    expect(lines.map((l) => l.file)).toEqual(files);
    // The task counts follow the invented notices, so a line swapped with its neighbour shows.
    const counts = lines.filter((l) => l.tasks).map((l) => l.tasks!.length);
    expect(new Set(counts).size).toBeGreaterThan(3);
    expect(counts[0]).toBeLessThan(counts[8]);
    expect(one.stderr).toContain('không tìm thấy tệp');
    expect(one.stderr).toContain('khong-co.txt');
  });

  it('stops quietly when the reader of its pipe has had enough (`… | head -1`)', { timeout: 120_000 }, async () => {
    const child = spawn(process.execPath, [bin, 'extract', '--jsonl', ...files], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Close the pipe after the first chunk, as `head -1` does once it has its line.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|at .*\.ts:\d+/u);
    // exit 1 only for the missing file among them, whose message may come before the pipe closes
    expect([0, 1]).toContain(code);
  });

  it('runs from the bundle of its sources (fresh-bundle.mjs) and prints what the sources print through tsx', { timeout: 240_000 }, () => {
    const bundled = dondoc('--jsonl', '--jobs', '2', ...files);
    const manifest = fileURLToPath(new URL('../../node_modules/.cache/dondoc/extract.json', import.meta.url));
    expect(JSON.parse(readFileSync(manifest, 'utf8')).inputs).toHaveProperty(['src/reader/extract/extract.ts']);
    const sources = spawnSync(process.execPath, [bin, 'extract', '--jsonl', '--jobs', '2', ...files], {
      env: { ...env, DONDOC_NO_BUNDLE: '1' }, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20,
    });
    expect(sources.status).toBe(1);
    expect(sources.stdout).toBe(bundled.stdout);
    expect(sources.stderr).toBe(bundled.stderr);
  });

  it('refuses a bad --jobs and --json over several files with exit 2', () => {
    const badJobs = dondoc('--jsonl', '--jobs', 'nhieu', files[0]);
    expect(badJobs.status).toBe(2);
    expect(badJobs.stderr).toContain('--jobs cần một số nguyên');
    const jsonMany = dondoc('--json', files[0], files[1]);
    expect(jsonMany.status).toBe(2);
    expect(jsonMany.stderr).toContain('--json chỉ dùng cho một tệp');
  });
});
