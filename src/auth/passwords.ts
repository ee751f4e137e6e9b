import argon2 from 'argon2';
import { AppError } from '../shared/errors';
import { COMMON_PASSWORDS } from './common-passwords';

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });
export const verifyPassword = (hash: string, password: string) => argon2.verify(hash, password).catch(() => false);

/** The shortest password accepted. */
export const PASSWORD_MIN = 10;
/**
 * The longest password accepted, when set and at sign-in alike (a password that can be set but
 * not typed into the sign-in form would lock its owner out). Bounds argon2's input too.
 */
export const PASSWORD_MAX = 200;

/** The letters of a password without digits, symbols and spaces, lower-cased: "Admin@2025!" → "admin". */
const core = (s: string) => s.toLowerCase().replace(/[^\p{L}]/gu, '');

/**
 * Refuses a password an attacker would try first: too short or long, one of the common ones
 * (also with digits or symbols around it), the username in any form, one repeated character or
 * a run of the keyboard. Vietnamese message, stable code VALIDATION.
 */
export function checkPasswordStrength(password: string, username?: string): void {
  const fail = (why: string) => {
    throw new AppError('VALIDATION', `Mật khẩu chưa đủ mạnh: ${why}.`, { field: 'password' });
  };
  if (password.length < PASSWORD_MIN) fail(`cần ít nhất ${PASSWORD_MIN} ký tự`);
  if (password.length > PASSWORD_MAX) fail(`dài nhất ${PASSWORD_MAX} ký tự`);
  const lower = password.toLowerCase();
  const letters = core(password);
  const unleet = core(lower.replace(/[@4]/g, 'a').replace(/0/g, 'o').replace(/3/g, 'e').replace(/[$5]/g, 's').replace(/7/g, 't'));
  const candidates = [lower, letters, unleet, lower.replace(/[^a-z0-9]/g, '')].filter(Boolean);
  if (candidates.some((c) => COMMON_PASSWORDS.has(c))) {
    fail('đây là mật khẩu phổ biến, dễ bị đoán');
  }
  if (new Set(lower).size <= 2) fail('chỉ gồm một hai ký tự lặp lại');
  if ('01234567890123456789'.includes(lower) || '98765432109876543210'.includes(lower) || 'abcdefghijklmnopqrstuvwxyz'.includes(lower)) {
    fail('là một dãy ký tự liên tiếp');
  }
  if (username) {
    const u = username.toLowerCase();
    const uLetters = core(username);
    const reversed = [...u].reverse().join('');
    if ((u.length >= 4 && (lower.includes(u) || lower.includes(reversed))) || lower === u || lower === reversed || (uLetters.length >= 3 && letters.length > 0 && letters.replaceAll(uLetters, '') === '')) {
      fail('không được dựa trên tên đăng nhập');
    }
  }
}
