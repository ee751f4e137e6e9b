import { describe, it, expect } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults: embedded database with the demo', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: null, loadDemo: true, sessionHours: 12 });
    expect(c.dataDir).toMatch(/data$/);
  });
  it('turns the demo off by default on a PostgreSQL server', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).loadDemo).toBe(false);
  });
  it('lists every problem at once, in Vietnamese', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', DONDOC_DEMO: 'maybe', DONDOC_ADMIN_PASSWORD: '123' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'DONDOC_DEMO', 'DONDOC_ADMIN_PASSWORD']) expect(problems).toContain(name);
      expect((e as Error).message).toMatch(/^Cấu hình không hợp lệ/);
    }
  });
});
