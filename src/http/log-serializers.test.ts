import { describe, it, expect } from 'vitest';
import { maskSecrets, safeErrorSerializer } from './log-serializers';
import { loadConfig } from '../config/config';

describe('safe error logging', () => {
  it('drops drizzle query parameters and masks URL passwords, tokens and cookies', () => {
    const cause = Object.assign(new Error('connect to postgres://dondoc:s3cret-pw@db:5432/x failed'), { code: '08006' });
    const err = new Error('Failed query: update users set password_hash = $1 where id = $2\nparams: $argon2id$v=19$abc,42', { cause });
    const out = JSON.stringify(safeErrorSerializer(err));
    expect(out).not.toContain('argon2id');
    expect(out).not.toContain('s3cret-pw');
    expect(out).toContain('Failed query: update users');
    expect(out).toContain('08006');
    expect(maskSecrets('Authorization: Bearer ddk_abcDEF123 cookie dondoc_session=xyz')).not.toMatch(/abcDEF123|xyz/);
  });

  it('does not echo credentials of a malformed DATABASE_URL or SMTP_URL', () => {
    try {
      loadConfig({ DATABASE_URL: 'postgres://dondoc:mat-khau-db@db:54x32/x', SMTP_URL: 'smtp://u:mat-khau-smtp@[bad' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(String((e as Error).message)).not.toMatch(/mat-khau-db|mat-khau-smtp/);
      expect(String((e as Error).message)).toContain('DATABASE_URL');
    }
  });
});
