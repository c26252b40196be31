/**
 * Password hashes: scrypt (node:crypto) with a random salt, stored as `scrypt$N$r$p$salt$hash` so the
 * cost can be raised later without breaking old hashes. Compared in constant time.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

const derive = (password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (e, key) =>
      e ? reject(e) : resolve(key),
    ),
  );

export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
};

/** False for a wrong password and for a hash this code did not write (never throws on bad input). */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
};

/** A readable random password for a new account (printed once). */
export const randomPassword = (): string =>
  randomBytes(12)
    .toString('base64url')
    .replace(/[-_]/g, (c) => (c === '-' ? 'k' : 'm'));

/** Minimum a chosen password must meet. */
export const MIN_PASSWORD_LENGTH = 10;
