import { describe, expect, it } from 'vitest';
import { hashPassword, randomPassword, verifyPassword } from './passwords.ts';

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

  it('random passwords are long and need no quoting on a command line', () => {
    const p = randomPassword();
    expect(p).toMatch(/^[A-Za-z0-9]{16}$/);
  });
});
