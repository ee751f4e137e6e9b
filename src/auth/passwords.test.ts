import { describe, it, expect } from 'vitest';
import { checkPasswordStrength, PASSWORD_MAX } from './passwords';

describe('checkPasswordStrength', () => {
  it.each([
    ['12345678', /ít nhất 10 ký tự/],
    ['password', /ít nhất 10 ký tự/],
    ['1234567890', /phổ biến/],
    ['Password123', /phổ biến/],
    ['P@ssw0rd!!', /phổ biến/],
    ['matkhau2025', /phổ biến/],
    ['aaaaaaaaaaaa', /lặp lại/],
    ['abababababab', /lặp lại/],
    ['abcdefghijkl', /liên tiếp/],
    ['x'.repeat(PASSWORD_MAX + 1), /dài nhất/],
  ])('refuses %s', (pw, why) => {
    expect(() => checkPasswordStrength(pw, 'canbo.syt')).toThrow(why);
  });

  it.each(['canbo.syt!', 'canbo.syt2025', 'Canbo.Syt!!', 'tys.obnac!', 'canbosyt#1', 'canbosytcanbosyt'])('refuses %s for user canbo.syt', (pw) => {
    expect(() => checkPasswordStrength(pw, 'canbo.syt')).toThrow(/tên đăng nhập/);
  });

  it('accepts a long uncommon password, up to the maximum', () => {
    expect(() => checkPasswordStrength('mat-khau-thu-1', 'syt')).not.toThrow();
    expect(() => checkPasswordStrength('7391846205', 'syt')).not.toThrow();
    expect(() => checkPasswordStrength('Sông Bằng chảy qua 2 mùa', 'syt')).not.toThrow();
    expect(() => checkPasswordStrength('song-bang-7'.repeat(20).slice(0, PASSWORD_MAX), 'syt')).not.toThrow();
  });
});
