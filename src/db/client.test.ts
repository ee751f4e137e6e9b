import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openPglite } from './client';

describe('embedded database folder', () => {
  it('refuses a folder that another live process holds, with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dondoc-lock-'));
    const other = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dir, 'dondoc.pid'), String(other.pid));
      await expect(openPglite(dir)).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED' });
    } finally {
      other.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('takes over a folder whose previous owner died', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'dondoc-lock-')), 'nested', 'data');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'dondoc.pid'), '999999');
    const db = await openPglite(dir);
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
