/**
 * Exact decimal arithmetic for money, rates and scores. Values travel through the model as decimal
 * strings ("7532.81") so the model stays plain JSON; arithmetic goes through {@link Decimal} here.
 *
 * A report's figures are short ("7532.81", "96.5", "20"), and an audit does thousands of sums and
 * comparisons with them. `Decimal` keeps such a figure as a safe integer and a scale (7532.81 = 753281 /
 * 10²) and does +, −, ×, comparisons and rounding exactly in integers; anything else (a quotient that
 * does not end, more than 15 digits, exponents, NaN) goes through decimal.js with 40 significant digits
 * and half-up rounding, as all arithmetic did before. Both paths give the same results: a property test
 * (decimal.property.test.ts) checks every operation against decimal.js.
 */
import { Decimal as DecimalJs } from 'decimal.js';
import { z } from 'zod';

/** The arbitrary-precision fallback, a private clone so our settings never leak into other users of decimal.js. */
const Big = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
type Big = InstanceType<typeof Big>;

/** Rounding modes, numbered as decimal.js numbers them. */
const ROUND_UP = 0;
const ROUND_DOWN = 1;
const ROUND_CEIL = 2;
const ROUND_FLOOR = 3;
const ROUND_HALF_UP = 4;
const ROUND_HALF_DOWN = 5;
const ROUND_HALF_EVEN = 6;

/** Exact powers of ten as doubles (10²² is the largest). */
const POW10: number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Largest scale kept in integers: 10^scale must stay exact. */
const MAX_SCALE = 20;
/** Up to 15 digits always fit a safe integer (2⁵³ ≈ 9.007 × 10¹⁵). */
const MAX_DIGITS = 15;
const SAFE = Number.MAX_SAFE_INTEGER;
const RAW: unique symbol = Symbol('Decimal.raw');

const isSafe = (n: number): boolean => n <= SAFE && n >= -SAFE;

/**
 * Whether a safe integer ends in 0. Most values fit 32 bits, where `% 10` is integer arithmetic; on a
 * double V8 computes it with a call to fmod, which was a good part of the time of trimming zeros.
 */
const endsInZero = (n: number): boolean =>
  n <= 0x7fffffff && n >= -0x80000000 ? (n | 0) % 10 === 0 : n % 10 === 0;

/**
 * The results of the integer-form helpers below (`parseFast`, `shortForm`, `numberForm`, `aligned`,
 * `roundedInt`), which return true and leave their pair here instead of allocating a tuple: an audit does
 * hundreds of thousands of these, and the tuples were a good part of its garbage. Read at once, before the
 * next call of any of them.
 */
let outA = 0;
let outB = 0;

export type DecimalLike = Decimal | DecimalString | number;

export class Decimal {
  static readonly ROUND_UP = ROUND_UP;
  static readonly ROUND_DOWN = ROUND_DOWN;
  static readonly ROUND_CEIL = ROUND_CEIL;
  static readonly ROUND_FLOOR = ROUND_FLOOR;
  static readonly ROUND_HALF_UP = ROUND_HALF_UP;
  static readonly ROUND_HALF_DOWN = ROUND_HALF_DOWN;
  static readonly ROUND_HALF_EVEN = ROUND_HALF_EVEN;

  /** The value is `int / 10^scale` when `big` is null: a safe integer without trailing zeros in the scale. */
  private readonly int: number;
  private readonly scale: number;
  /** The value, when it does not fit the integer form (or is −0, NaN, ±Infinity). */
  private readonly big: Big | null;

  /** `new Decimal(RAW, int, scale)` and `new Decimal(RAW, 0, 0, big)` are this file's own forms. */
  constructor(v: DecimalLike | typeof RAW, int = 0, scale = 0, big: Big | null = null) {
    if (v === RAW) {
      this.int = int;
      this.scale = scale;
      this.big = big;
      return;
    }
    if (v instanceof Decimal) {
      this.int = v.int;
      this.scale = v.scale;
      this.big = v.big;
      return;
    }
    if (typeof v === 'number' ? numberForm(v) : parseFast(v)) {
      this.int = outA;
      this.scale = outB;
      this.big = null;
      return;
    }
    const b = new Big(v);
    // A long string may still hold a short value ("1.50000000000000000").
    const short = shortForm(b);
    this.int = short ? outA : 0;
    this.scale = short ? outB : 0;
    this.big = short ? null : b;
  }

  /** A value of the integer form, trailing zeros of the scale removed. */
  private static of(int: number, scale: number): Decimal {
    while (scale > 0 && endsInZero(int)) {
      int /= 10;
      scale--;
    }
    return int === 0 ? new Decimal(RAW, 0, 0) : new Decimal(RAW, int, scale);
  }

  /** A decimal.js result, back in the integer form when it fits. */
  private static fromBig(b: Big): Decimal {
    return shortForm(b) ? Decimal.of(outA, outB) : new Decimal(RAW, 0, 0, b);
  }

  private toBig(): Big {
    return this.big ?? new Big(this.int).div(POW10[this.scale]!);
  }

  /** Both values at one scale (in outA, outB), or false when that leaves the safe integers. */
  private static aligned(a: Decimal, b: Decimal): boolean {
    if (a.big || b.big) return false;
    if (a.scale === b.scale) {
      outA = a.int;
      outB = b.int;
      return true;
    }
    if (a.scale > b.scale) {
      const y = b.int * POW10[a.scale - b.scale]!;
      outA = a.int;
      outB = y;
      return isSafe(y);
    }
    const x = a.int * POW10[b.scale - a.scale]!;
    outA = x;
    outB = b.int;
    return isSafe(x);
  }

  plus(v: DecimalLike): Decimal {
    const o = toDecimal(v);
    if (Decimal.aligned(this, o)) {
      const sum = outA + outB;
      if (isSafe(sum)) return Decimal.of(sum, Math.max(this.scale, o.scale));
    }
    return Decimal.fromBig(this.toBig().plus(o.toBig()));
  }

  minus(v: DecimalLike): Decimal {
    const o = toDecimal(v);
    if (Decimal.aligned(this, o)) {
      const diff = outA - outB;
      if (isSafe(diff)) return Decimal.of(diff, Math.max(this.scale, o.scale));
    }
    return Decimal.fromBig(this.toBig().minus(o.toBig()));
  }

  times(v: DecimalLike): Decimal {
    const o = toDecimal(v);
    if (!this.big && !o.big) {
      const product = this.int * o.int;
      const scale = this.scale + o.scale;
      // Zero times a negative is −0 in decimal.js: left to it.
      if (isSafe(product) && scale <= MAX_SCALE && (product !== 0 || (this.int >= 0 && o.int >= 0)))
        return Decimal.of(product, scale);
    }
    return Decimal.fromBig(this.toBig().times(o.toBig()));
  }

  div(v: DecimalLike): Decimal {
    const o = toDecimal(v);
    // By a power of ten (万元 ↔ 元, a percentage): a shift of the scale.
    if (!this.big && !o.big && this.int !== 0) {
      const k = POW10.indexOf(Math.abs(o.int));
      if (k >= 0) {
        const scale = this.scale + k - o.scale;
        const int = o.int < 0 ? -this.int : this.int;
        if (scale >= 0 && scale <= MAX_SCALE) return Decimal.of(int, scale);
        if (scale < 0 && -scale < POW10.length && isSafe(int * POW10[-scale]!))
          return Decimal.of(int * POW10[-scale]!, 0);
      }
    }
    return Decimal.fromBig(this.toBig().div(o.toBig()));
  }

  /** −1, 0 or 1 (NaN when either is NaN), as decimal.js. */
  cmp(v: DecimalLike): number {
    const o = toDecimal(v);
    if (Decimal.aligned(this, o)) return outA === outB ? 0 : outA < outB ? -1 : 1;
    return this.toBig().cmp(o.toBig());
  }
  comparedTo(v: DecimalLike): number {
    return this.cmp(v);
  }
  eq(v: DecimalLike): boolean {
    return this.cmp(v) === 0;
  }
  gt(v: DecimalLike): boolean {
    return this.cmp(v) > 0;
  }
  gte(v: DecimalLike): boolean {
    const c = this.cmp(v);
    return c === 0 || c > 0;
  }
  lt(v: DecimalLike): boolean {
    return this.cmp(v) < 0;
  }
  lte(v: DecimalLike): boolean {
    const c = this.cmp(v);
    return c === 0 || c < 0;
  }

  abs(): Decimal {
    if (this.big) return Decimal.fromBig(this.big.abs());
    return this.int < 0 ? Decimal.of(-this.int, this.scale) : this;
  }

  neg(): Decimal {
    if (this.big || this.int === 0) return Decimal.fromBig(this.toBig().neg());
    return Decimal.of(-this.int, this.scale);
  }

  isZero(): boolean {
    return this.big ? this.big.isZero() : this.int === 0;
  }
  isNegative(): boolean {
    return this.big ? this.big.isNegative() : this.int < 0;
  }
  isPositive(): boolean {
    return this.big ? this.big.isPositive() : this.int >= 0;
  }
  isInteger(): boolean {
    return this.big ? this.big.isInteger() : this.scale === 0;
  }
  isFinite(): boolean {
    return this.big ? this.big.isFinite() : true;
  }
  isNaN(): boolean {
    return this.big ? this.big.isNaN() : false;
  }

  /** Rounded to `places` decimals (half-up unless said otherwise). */
  toDecimalPlaces(places: number, rounding: number = ROUND_HALF_UP): Decimal {
    if (this.roundedInt(places, rounding)) return Decimal.of(outA, outB);
    return Decimal.fromBig(this.toBig().toDecimalPlaces(places, rounding as DecimalJs.Rounding));
  }

  ceil(): Decimal {
    return this.toDecimalPlaces(0, ROUND_CEIL);
  }
  floor(): Decimal {
    return this.toDecimalPlaces(0, ROUND_FLOOR);
  }
  round(): Decimal {
    return this.toDecimalPlaces(0, ROUND_HALF_UP);
  }

  pow(n: number): Decimal {
    return Decimal.fromBig(this.toBig().pow(n));
  }

  /**
   * The integer form rounded to `places` decimals (int, scale in outA, outB); false when decimal.js must do
   * it (a value outside the integer form, a mode not handled here, or a negative value that rounds to −0).
   */
  private roundedInt(places: number, rounding: number): boolean {
    if (this.big || !Number.isInteger(places) || places < 0) return false;
    if (this.scale <= places) {
      outA = this.int;
      outB = this.scale;
      return true;
    }
    const k = this.scale - places;
    if (k >= POW10.length) return false;
    const p = POW10[k]!;
    const r = this.int % p;
    let q = (this.int - r) / p;
    if (r !== 0) {
      const away = roundsAway(rounding, r, p, q);
      if (away === null) return false;
      if (away) q += r > 0 ? 1 : -1;
    }
    if (q === 0 && this.int < 0) return false;
    outA = q;
    outB = places;
    return true;
  }

  /** Fixed notation: with `places` decimals (rounded, half-up unless said otherwise), or as it is. */
  toFixed(places?: number, rounding: number = ROUND_HALF_UP): string {
    if (places === undefined) return this.big ? this.big.toFixed() : plain(this.int, this.scale);
    if (!this.roundedInt(places, rounding))
      return this.toBig().toFixed(places, rounding as DecimalJs.Rounding);
    // roundedInt keeps the scale when it already is short enough: padded to `places`.
    return plain(outA, outB, places);
  }

  /** As decimal.js: plain notation, exponent notation beyond 1e21 or below 1e-7. */
  toString(): string {
    if (this.big) return this.big.toString();
    const exponent = digitCount(this.int) - 1 - this.scale;
    if (this.int !== 0 && (exponent >= 21 || exponent <= -7)) return this.toBig().toString();
    return plain(this.int, this.scale);
  }

  toNumber(): number {
    return this.big ? this.big.toNumber() : this.int / POW10[this.scale]!;
  }

  valueOf(): string {
    return this.big ? this.big.valueOf() : this.toString();
  }

  toJSON(): string {
    return this.valueOf();
  }
}

/** Whether the quotient `q` of a value by `p` with remainder `r ≠ 0` moves away from zero in `rounding`; null for an unknown mode. */
const roundsAway = (rounding: number, r: number, p: number, q: number): boolean | null => {
  const twice = Math.abs(r) * 2;
  switch (rounding) {
    case ROUND_UP:
      return true;
    case ROUND_DOWN:
      return false;
    case ROUND_CEIL:
      return r > 0;
    case ROUND_FLOOR:
      return r < 0;
    case ROUND_HALF_UP:
      return twice >= p;
    case ROUND_HALF_DOWN:
      return twice > p;
    case ROUND_HALF_EVEN:
      return twice > p || (twice === p && q % 2 !== 0);
    default:
      return null;
  }
};

/** "-12.345" and the like with at most 15 digits: true with (int, scale) in (outA, outB); false for anything else. */
const parseFast = (s: string): boolean => {
  const n = s.length;
  let i = 0;
  let negative = false;
  if (s.charCodeAt(0) === 45 /* - */) {
    negative = true;
    i = 1;
  }
  let int = 0;
  let digits = 0;
  let scale = -1;
  let any = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) {
      if (scale >= 0 || !any) return false;
      scale = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return false;
    any = true;
    if (scale >= 0) scale++;
    if (int !== 0 || d !== 0) digits++;
    int = int * 10 + d;
  }
  if (!any || scale === 0 || digits > MAX_DIGITS || scale > MAX_SCALE) return false;
  if (negative && int === 0) return false; // −0 is decimal.js's
  if (scale < 0) scale = 0;
  while (scale > 0 && endsInZero(int)) {
    int /= 10;
    scale--;
  }
  outA = negative ? -int : int;
  outB = scale;
  return true;
};

/** A finite decimal.js value of at most 15 significant digits and 20 decimals, as (int, scale) in (outA, outB). */
const shortForm = (b: Big): boolean => {
  if (!b.isFinite() || (b.isZero() && b.isNegative())) return false;
  if (b.precision(true) > MAX_DIGITS || b.decimalPlaces() > MAX_SCALE) return false;
  return parseFast(b.toFixed());
};

/** A number in the integer form: a safe integer, or one whose shortest string is short; false otherwise (and for −0). */
const numberForm = (v: number): boolean => {
  if (Object.is(v, -0) || !Number.isFinite(v)) return false;
  if (!Number.isSafeInteger(v)) return parseFast(String(v));
  outA = v;
  outB = 0;
  return true;
};

const digitCount = (n: number): number => {
  let a = Math.abs(n);
  let k = 1;
  while (a >= 10) {
    a = Math.floor(a / 10);
    k++;
  }
  return k;
};

/** `int / 10^scale` written out, with at least `minScale` decimals. */
const plain = (int: number, scale: number, minScale = 0): string => {
  const digits = String(Math.abs(int));
  const sign = int < 0 ? '-' : '';
  if (scale === 0) return minScale > 0 ? `${sign}${digits}.${'0'.repeat(minScale)}` : `${sign}${digits}`;
  const padded = digits.length <= scale ? '0'.repeat(scale - digits.length + 1) + digits : digits;
  const cut = padded.length - scale;
  return `${sign}${padded.slice(0, cut)}.${padded.slice(cut)}${'0'.repeat(Math.max(0, minScale - scale))}`;
};

const toDecimal = (v: DecimalLike): Decimal => (v instanceof Decimal ? v : new Decimal(v));

/** A decimal number written as a plain string: optional minus, digits, optional fraction. */
export const DecimalString = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, '应为十进制数字字符串 (a decimal number as a string, e.g. "845.92")')
  .meta({ id: 'Decimal' });
export type DecimalString = z.infer<typeof DecimalString>;

export const dec = (v: DecimalLike): Decimal => (v instanceof Decimal ? v : new Decimal(v));

/** Round half-up to `places` decimals (2 for scores and 万元 amounts). */
export const roundHalfUp = (v: DecimalLike, places = 2): Decimal =>
  dec(v).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);

/** The canonical string of a decimal: no exponent, no trailing zeros ("2.60" → "2.6"). */
export const decString = (v: DecimalLike): DecimalString => {
  const d = dec(v);
  return (d.isZero() ? new Decimal(0) : d).toFixed();
};

/** Fixed display with `places` decimals, half-up ("2.6" → "2.60"). */
export const decFixed = (v: DecimalLike, places = 2): string => dec(v).toFixed(places, Decimal.ROUND_HALF_UP);

/** Zero, to start sums from (a Decimal never changes). */
const ZERO = new Decimal(0);

export const sum = (values: readonly DecimalLike[]): Decimal => {
  let acc = ZERO;
  for (const v of values) acc = acc.plus(v);
  return acc;
};

/** Number of digits after the decimal point as written ("845.9" → 1, "42" → 0). */
export const decimalPlaces = (s: string): number => {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
};

export const isDecimalString = (s: string): s is DecimalString => DecimalString.safeParse(s).success;
