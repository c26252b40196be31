/**
 * Exact decimal arithmetic for money, rates and scores. Values travel through the model as decimal
 * strings ("7532.81") so the model stays plain JSON; arithmetic goes through decimal.js here.
 */
import { Decimal as DecimalJs } from 'decimal.js';
import { z } from 'zod';

/** A private Decimal constructor, so our settings never leak into or out of other users of decimal.js. */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

/** A decimal number written as a plain string: optional minus, digits, optional fraction. */
export const DecimalString = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, '应为十进制数字字符串 (a decimal number as a string, e.g. "845.92")')
  .meta({ id: 'Decimal' });
export type DecimalString = z.infer<typeof DecimalString>;

export type DecimalLike = Decimal | DecimalString | number;

export const dec = (v: DecimalLike): Decimal => new Decimal(v);

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

export const sum = (values: readonly DecimalLike[]): Decimal =>
  values.reduce<Decimal>((acc, v) => acc.plus(dec(v)), new Decimal(0));

/** Number of digits after the decimal point as written ("845.9" → 1, "42" → 0). */
export const decimalPlaces = (s: string): number => {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
};

export const isDecimalString = (s: string): s is DecimalString => DecimalString.safeParse(s).success;
