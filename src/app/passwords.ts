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

/**
 * Passwords that length and character classes let through but every guessing list starts with
 * (compared without case). Small on purpose: the length and class rules do most of the work.
 */
const COMMON = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'admin123',
  'admin1234',
  'admin12345',
  'administrator',
  'qwerty123',
  'qwertyuiop',
  'qwerty1234',
  '1qaz2wsx',
  '1qaz2wsx3edc',
  'qazwsxedc',
  'zaq12wsx',
  'abc123456',
  'abcd1234',
  'abc1234567',
  'a123456789',
  'aa123456789',
  'asdfghjkl',
  'iloveyou',
  'woaini1314',
  'woaini520',
  '5201314',
  'welcome123',
  'letmein123',
  'changeme',
  'changeme123',
  'test123456',
  'root123456',
  'caizheng123',
  'jixiao123',
  'jixiao2024',
  'jixiao2025',
]);

/** The classes a password mixes: lower, upper, digit, other (punctuation, Chinese, …). */
const classesOf = (p: string): number =>
  [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(p)).length;

/**
 * Why a chosen password is too weak, in Chinese then English; null when it will do. Long enough, more
 * than one kind of character, not a well-known one, not the username, not one character repeated or a
 * plain run like 1234567890.
 */
export const passwordProblem = (password: string, username?: string): string | null => {
  const p = password.normalize('NFC');
  if ([...p].length < MIN_PASSWORD_LENGTH)
    return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符 (a password needs at least ${MIN_PASSWORD_LENGTH} characters)`;
  if (classesOf(p) < 2)
    return '密码不能只由一类字符组成，请混合字母、数字或符号 (mix letters, digits or symbols)';
  const lower = p.toLowerCase();
  const run = '01234567890123456789abcdefghijklmnopqrstuvwxyz';
  if (COMMON.has(lower) || new Set(lower).size <= 2 || run.includes(lower))
    return '密码过于常见，容易被猜中 (this password is too common)';
  if (username && lower.includes(username.toLowerCase()) && username.length >= 3)
    return '密码不能包含用户名 (the password must not contain the username)';
  return null;
};

/**
 * Usernames: ASCII letters, digits and . _ - (starting with a letter or digit), 2–64 long. Nothing else,
 * so a look-alike (Cyrillic а for Latin a, full-width letters) can never stand beside a real account.
 */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
