import { describe, it, expect } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openPglite } from './client';

const TRIALS = 4;
const child = fileURLToPath(new URL('./testing/open-data-dir-child.ts', import.meta.url));

interface Instance {
  proc: ChildProcess;
  out: string;
  err: string;
  exited: Promise<number | null>;
}

function startInstance(dir: string): Instance {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dir], { stdio: 'pipe' });
  const inst: Instance = { proc, out: '', err: '', exited: new Promise((r) => proc.on('exit', (code) => r(code))) };
  proc.stdout!.on('data', (d) => (inst.out += d));
  proc.stderr!.on('data', (d) => (inst.err += d));
  return inst;
}

async function until(check: () => boolean, what: string, ms = 60_000) {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('embedded database folder', () => {
  it('refuses a folder that another live process holds, with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dondoc-lock-'));
    const other = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dir, 'dondoc.pid'), String(other.pid));
      await expect(openPglite(dir)).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED' });
      expect(readFileSync(join(dir, 'dondoc.pid'), 'utf8')).toBe(String(other.pid));
    } finally {
      other.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes over a folder whose previous owner died, and releases it on close', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'dondoc-lock-')), 'nested', 'data');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'dondoc.pid'), '999999');
    const db = await openPglite(dir);
    expect(readFileSync(join(dir, 'dondoc.pid'), 'utf8')).toBe(String(process.pid));
    await db.close();
    expect(existsSync(join(dir, 'dondoc.pid'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second open of the same folder in the same process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dondoc-lock-'));
    const db = await openPglite(dir);
    try {
      await expect(openPglite(dir)).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED' });
      expect(existsSync(join(dir, 'dondoc.pid'))).toBe(true);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets exactly one of several processes released at the same instant open it, over several trials', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dondoc-lock-'));
    const winners: number[] = [];
    try {
      for (let trial = 0; trial < TRIALS; trial++) {
        const instances = Array.from({ length: 3 }, () => startInstance(dir));
        await until(() => instances.every((i) => i.out.includes('ready')), 'children to start');
        const openAt = Date.now() + 400;
        for (const i of instances) i.proc.stdin!.write(`go ${openAt}\n`);
        await until(() => instances.filter((i) => i.out.includes('opened') || i.proc.exitCode !== null).length === instances.length, 'every child to open or exit');
        const opened = instances.filter((i) => i.out.includes('opened'));
        const refused = instances.filter((i) => !i.out.includes('opened'));
        expect(opened).toHaveLength(1);
        for (const r of refused) {
          expect(await r.exited).toBe(3);
          expect(r.err).toMatch(/Thư mục dữ liệu .* đang được tiến trình \d+ sử dụng/);
        }
        winners.push(opened[0].proc.pid!);
        if (trial === 1) {
          // A SIGKILLed owner leaves its lock; the next start must find it stale.
          opened[0].proc.kill('SIGKILL');
          await opened[0].exited;
          expect(existsSync(join(dir, 'dondoc.pid'))).toBe(true);
        } else {
          opened[0].proc.stdin!.write('close\n');
          expect(await opened[0].exited).toBe(0);
          expect(existsSync(join(dir, 'dondoc.pid'))).toBe(false);
        }
      }
      // Every winner's committed write is in the folder: nobody wrote over anybody.
      const db = await openPglite(dir);
      const { rows: pids } = await db.pglite!.query<{ pid: number }>('select pid from opened_by');
      await db.close();
      expect(pids.map((r) => r.pid).sort()).toEqual([...winners].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
