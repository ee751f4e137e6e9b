import argon2 from 'argon2';
import { AppError } from '../shared/errors';

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });
export const verifyPassword = (hash: string, password: string) => argon2.verify(hash, password).catch(() => false);

export function checkPasswordStrength(password: string): void {
  if (password.length < 8) throw new AppError('VALIDATION', 'Mật khẩu phải có ít nhất 8 ký tự.');
}
