/**
 * The `dondoc` command as a person runs it: a fresh data folder, a directory from CSV, an
 * account, and a clear message (not a stack trace) for a bad file or a bad option.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/dondoc.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dondoc-cli-'));
const env = { ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '', LOG_LEVEL: 'silent' };
const dondoc = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 120_000 });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dondoc CLI', () => {
  it('imports a directory, adds a user, and explains mistakes in Vietnamese', { timeout: 240_000 }, () => {
    const csv = join(dir, 'coquan.csv');
    writeFileSync(csv, 'code,name,kind,aliases\nSYT,Sở Y tế,,Sở YT\nX1,UBND xã Một,commune,Xã Một\n');
    const imported = dondoc('directory', 'import', csv);
    expect(imported.stdout, imported.stderr).toContain('Đã nạp 2 cơ quan và 2 nhóm.');

    const added = dondoc('user', 'add', 'canbo.syt', '--role', 'agency', '--agency', 'SYT', '--password', 'mat-khau-dai-1');
    expect(added.stdout, added.stderr).toContain('Đã tạo tài khoản canbo.syt (agency).');

    const unknown = dondoc('user', 'add', 'x.y', '--role', 'agency', '--agency', 'KHONGCO');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Không có cơ quan mã "KHONGCO"');

    const badOption = dondoc('user', 'add', 'x.y', '--rol', 'agency');
    expect(badOption.status).toBe(2);
    expect(badOption.stderr).toMatch(/Tham số không hợp lệ/);

    const badConfig = spawnSync(process.execPath, [bin, 'migrate'], { env: { ...env, PORT: 'abc' }, encoding: 'utf8', timeout: 60_000 });
    expect(badConfig.status).toBe(1);
    expect(badConfig.stderr).toMatch(/Cấu hình không hợp lệ[\s\S]*PORT/);
    expect(badConfig.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});
