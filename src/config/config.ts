/**
 * All configuration comes from the environment, validated once at start. A wrong value stops
 * the boot with a readable list of what is wrong, instead of failing later in a request.
 */
import { resolve } from 'node:path';
import { isIP } from 'node:net';
import { maskSecrets } from '../http/log-serializers';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  adminPassword: string | null;
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  logLevel: string;
  sessionHours: number;
  loadDemo: boolean;
  uploadMaxMb: number;
  loginMaxPerMinute: number;
  /** The reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges); null: none. */
  trustProxy: string | null;
  reminderIntervalMinutes: number;
  /** How long a delivery worker owns the deliveries it claimed before another may retake them. */
  reminderLeaseSeconds: number;
  /** Sending attempts before a delivery is marked dead and reported. */
  reminderMaxAttempts: number;
  /** First retry delay; each next one doubles (at most 6 hours). */
  reminderRetryBaseSeconds: number;
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const errors: string[] = [];
  const int = (name: string, dflt: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return dflt;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      errors.push(`${name}="${raw}": phải là số nguyên từ ${min} đến ${max}`);
      return dflt;
    }
    return n;
  };
  const bool = (name: string, dflt: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return dflt;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    errors.push(`${name}="${raw}": phải là true hoặc false`);
    return dflt;
  };
  const url = (name: string, protocols: string[]): string | null => {
    const raw = env[name];
    if (!raw) return null;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) errors.push(`${name}: giao thức phải là ${protocols.join(' hoặc ')}`);
    } catch {
      errors.push(`${name}="${maskSecrets(raw)}": không phải URL hợp lệ`);
    }
    return raw;
  };

  const proxies = (name: string): string | null => {
    const raw = env[name]?.trim();
    if (!raw) return null;
    const parts = raw.split(',').map((p) => p.trim());
    // Named addresses only: "true" would believe any caller's X-Forwarded-For.
    const bad = parts.filter((p) => {
      const [addr, bits, extra] = p.split('/');
      if (extra !== undefined || !isIP(addr)) return true;
      return bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(addr) === 4 ? 32 : 128));
    });
    if (bad.length) errors.push(`${name}: "${bad.join(', ')}" không phải địa chỉ IP hoặc dải CIDR của proxy (ví dụ 10.0.0.5 hoặc 10.0.0.0/8)`);
    return parts.join(',');
  };

  const port = int('PORT', 3000, 0, 65535);
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const config: Config = {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: resolve(env.DATA_DIR || './data'),
    adminPassword: env.DONDOC_ADMIN_PASSWORD || null,
    publicUrl: url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`,
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM || 'dondoc <no-reply@dondoc.local>',
    logLevel: env.LOG_LEVEL || 'info',
    sessionHours: int('SESSION_HOURS', 12, 1, 24 * 30),
    loadDemo: bool('DONDOC_DEMO', !databaseUrl),
    uploadMaxMb: int('UPLOAD_MAX_MB', 20, 1, 200),
    loginMaxPerMinute: int('LOGIN_MAX_PER_MINUTE', 10, 1, 1000),
    trustProxy: proxies('TRUST_PROXY'),
    reminderIntervalMinutes: int('REMINDER_INTERVAL_MINUTES', 15, 0, 24 * 60),
    reminderLeaseSeconds: int('REMINDER_LEASE_SECONDS', 300, 10, 3600),
    reminderMaxAttempts: int('REMINDER_MAX_ATTEMPTS', 6, 1, 20),
    reminderRetryBaseSeconds: int('REMINDER_RETRY_BASE_SECONDS', 60, 1, 86_400),
  };
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    errors.push(`LOG_LEVEL="${config.logLevel}": phải là một trong fatal, error, warn, info, debug, trace, silent`);
  }
  if (config.adminPassword !== null && config.adminPassword.length < 10) {
    errors.push('DONDOC_ADMIN_PASSWORD: mật khẩu phải có ít nhất 10 ký tự');
  }
  if (errors.length) throw new ConfigError(errors);
  return config;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
