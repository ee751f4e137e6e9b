import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openApp } from '../app/open-app';
import { loadConfig } from '../config/config';
import { run } from '../cli/remind-command';
import { seedBulk } from './testing/seed-bulk';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink';

describe('dondoc remind (CLI, on PGlite in a temporary DATA_DIR)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-remind-'));
  const saved = { ...process.env };
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    delete process.env.DATABASE_URL;
    Object.assign(process.env, { DATA_DIR: dir, SMTP_URL: sink.url, LOG_LEVEL: 'silent', PUBLIC_URL: 'https://dondoc.test' });
    const { database } = await openApp(loadConfig());
    await seedBulk(database.db, { n: 3, due: '2025-07-25' });
    await database.close();
  });
  afterAll(async () => {
    process.env = saved;
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const capture = async (args: string[]) => {
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    const err = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    try {
      return { code: await run(args), out: out.join('\n') };
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  };

  it('--dry-run lists recipients, channels and items, and sends nothing', async () => {
    const r = await capture(['--at', '2025-07-24', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Lượt nhắc ngày 24/07/2025 (chạy thử, không gửi): 3 thư, 3 mục.');
    expect(r.out).toContain('Thủ trưởng Xã Thử 0 <xa0@sink.test> [email]: 1 nhiệm vụ (before_1×1)');
    expect(sink.offered).toBe(0);
  });

  it('a holiday says so and plans nothing', async () => {
    const r = await capture(['--at', '2026-02-17', '--dry-run']);
    expect(r.out).toContain('không phải ngày làm việc (Tết Nguyên đán');
    expect(r.out).toContain('0 thư');
  });

  it('without --dry-run runs the pass and delivers; a second run sends nothing more', async () => {
    const r = await capture(['--at', '2025-07-24']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Gửi: 3 thành công');
    expect(sink.accepted).toHaveLength(3);
    const again = await capture(['--at', '2025-07-24']);
    expect(again.out).toContain('Đã ghi 0 thư mới');
    expect(sink.accepted).toHaveLength(3);
  });

  it('refuses a bad date in Vietnamese', async () => {
    const r = await capture(['--at', '2025-02-30', '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('không hợp lệ');
  });
});
