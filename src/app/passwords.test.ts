import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  passwordProblem,
  randomPassword,
  USERNAME_PATTERN,
  verifyPassword,
} from './passwords.ts';

describe('passwords', () => {
  it('scrypt hashes verify the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('正确的密码-123');
    const b = await hashPassword('正确的密码-123');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('正确的密码-123', a)).toBe(true);
    expect(await verifyPassword('正确的密码-124', a)).toBe(false);
  });

  it('a hash it did not write is a refusal, not an exception', async () => {
    for (const h of ['', 'x', 'bcrypt$2b$10$abc', 'scrypt$16384$8$1$$'])
      expect(await verifyPassword('p', h)).toBe(false);
  });

  it('random passwords are long and need no quoting on a command line, and pass the strength check', () => {
    const p = randomPassword();
    expect(p).toMatch(/^[A-Za-z0-9]{16}$/);
    // 16 characters of 62: one class only would be a 1-in-10^8 draw; the check must still accept it.
    for (let i = 0; i < 200; i++) {
      const q = randomPassword();
      if (/[A-Z]/.test(q) || /\d/.test(q)) expect(passwordProblem(q)).toBeNull();
    }
  });

  it('refuses short, one-class, common, run-like and username passwords; accepts a mixed one', () => {
    expect(passwordProblem('Ab1-short')).toMatch(/至少 10 个字符/);
    expect(passwordProblem('abcdefghijkl')).toMatch(/一类字符/);
    expect(passwordProblem('123456789012')).toMatch(/一类字符/);
    expect(passwordProblem('密码密码密码密码密码密码')).toMatch(/一类字符/);
    expect(passwordProblem('Password123')).toMatch(/常见/);
    expect(passwordProblem('1qaz2wsx3edc')).toMatch(/常见/);
    expect(passwordProblem('aaaaa11111')).toMatch(/常见/);
    expect(passwordProblem('zhangsan-2024', 'zhangsan')).toMatch(/用户名/);
    expect(passwordProblem('县财政局审核2024')).toBeNull();
    expect(passwordProblem('long-enough-pw')).toBeNull();
  });

  it('usernames: ASCII letters, digits and . _ - only, so no look-alike stands beside a real one', () => {
    for (const ok of ['admin', 'jiaoyu-tb', 'a.b_c-1', 'X9']) expect(USERNAME_PATTERN.test(ok)).toBe(true);
    // Cyrillic а, full-width ａ, a space, a leading dot, Chinese, one character.
    for (const bad of ['\u0430dmin', '\uff41dmin', 'ad min', '.admin', '管理员', 'a'])
      expect(USERNAME_PATTERN.test(bad)).toBe(false);
  });
});
