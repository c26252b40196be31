/**
 * `Decimal` does short figures in integers and the rest through decimal.js: every operation must give
 * exactly what decimal.js (40 digits, half-up) gives, on short figures, long ones, and at the edges
 * (−0, values that leave the safe integers, exponents).
 */

import { Decimal as DecimalJs } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, dec, decFixed, decString } from './decimal.ts';

const Ref = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
type Ref = InstanceType<typeof Ref>;

/** Decimal strings as reports write them, and longer ones that leave the integer form. */
const decimalString = fc
  .tuple(
    fc.boolean(),
    fc.oneof(
      fc.stringMatching(/^(0|[1-9]\d{0,6})$/),
      fc.stringMatching(/^[1-9]\d{0,17}$/),
      fc.constantFrom('0', '1', '10', '100', '10000', '100000000', '9007199254740991', '9007199254740993'),
    ),
    fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,4}$/), fc.stringMatching(/^\d{1,24}$/)),
  )
  .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`);

const number = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  fc.constantFrom(0, -0, 0.1, 0.5, 1e21, 1e-7, 2 ** 53, -(2 ** 53) - 2),
);

const operand = fc.oneof(decimalString, decimalString, number);

/** What a result says: its string, its sign (−0 included) and its fixed form. */
const seen = (d: Decimal | Ref): [string, boolean, string] => [d.toString(), d.isNegative(), d.toFixed()];

const ROUNDINGS = [0, 1, 2, 3, 4, 5, 6, 7, 8];

describe('Decimal agrees with decimal.js', () => {
  it('reads a value the same', () => {
    fc.assert(
      fc.property(operand, (v) => {
        const d = new Decimal(v);
        const r = new Ref(v);
        expect(seen(d)).toEqual(seen(r));
        expect(d.valueOf()).toBe(r.valueOf());
        expect(d.toNumber()).toBe(r.toNumber());
        expect([d.isZero(), d.isInteger(), d.isPositive()]).toEqual([
          r.isZero(),
          r.isInteger(),
          r.isPositive(),
        ]);
        expect(JSON.stringify({ d })).toBe(JSON.stringify({ d: r }));
      }),
      { numRuns: 3000 },
    );
  });

  it('adds, subtracts, multiplies and divides the same', () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        const x = new Decimal(a);
        const y = new Ref(a);
        expect(seen(x.plus(b))).toEqual(seen(y.plus(b)));
        expect(seen(x.minus(b))).toEqual(seen(y.minus(b)));
        expect(seen(x.times(b))).toEqual(seen(y.times(b)));
        expect(seen(x.div(b))).toEqual(seen(y.div(b)));
      }),
      { numRuns: 3000 },
    );
  });

  it('compares the same', () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        const x = new Decimal(a);
        const y = new Ref(a);
        expect([x.cmp(b), x.eq(b), x.gt(b), x.gte(b), x.lt(b), x.lte(b)]).toEqual([
          y.cmp(b),
          y.eq(b),
          y.gt(b),
          y.gte(b),
          y.lt(b),
          y.lte(b),
        ]);
      }),
      { numRuns: 3000 },
    );
  });

  it('rounds and writes fixed the same, in every rounding mode', () => {
    fc.assert(
      fc.property(operand, fc.integer({ min: 0, max: 8 }), fc.constantFrom(...ROUNDINGS), (a, places, rm) => {
        const x = new Decimal(a);
        const y = new Ref(a);
        const mode = rm as DecimalJs.Rounding;
        expect(seen(x.toDecimalPlaces(places, rm))).toEqual(seen(y.toDecimalPlaces(places, mode)));
        expect(x.toFixed(places, rm)).toBe(y.toFixed(places, mode));
        expect(x.toFixed(places)).toBe(y.toFixed(places));
        expect([seen(x.ceil()), seen(x.floor()), seen(x.round())]).toEqual([
          seen(y.ceil()),
          seen(y.floor()),
          seen(y.round()),
        ]);
        expect([seen(x.abs()), seen(x.neg())]).toEqual([seen(y.abs()), seen(y.neg())]);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the edges: −0, the end of the safe integers, exponents, NaN', () => {
    expect(seen(new Decimal('-0'))).toEqual(seen(new Ref('-0')));
    expect(seen(new Decimal(0).times(-5))).toEqual(seen(new Ref(0).times(-5)));
    expect(seen(new Decimal('-0.001').toDecimalPlaces(2))).toEqual(
      seen(new Ref('-0.001').toDecimalPlaces(2)),
    );
    expect(new Decimal('-0.001').toFixed(2)).toBe(new Ref('-0.001').toFixed(2));
    const max = '9007199254740991';
    expect(seen(new Decimal(max).plus(2))).toEqual(seen(new Ref(max).plus(2)));
    expect(seen(new Decimal('0.0000001'))).toEqual(seen(new Ref('0.0000001')));
    expect(new Decimal('1e21').toString()).toBe('1e+21');
    expect(new Decimal(Number.NaN).isNaN()).toBe(true);
    expect(new Decimal(1).div(0).isFinite()).toBe(false);
    expect(new Decimal(10).pow(-2).toString()).toBe('0.01');
  });

  it('keeps the helpers’ results', () => {
    expect(decString('2.60')).toBe('2.6');
    expect(decString('-0')).toBe('0');
    expect(decFixed('2.345')).toBe('2.35');
    expect(decFixed('-2.345')).toBe('-2.35');
    expect(dec('7523.81').plus('8.99').toFixed()).toBe('7532.8');
    expect(dec('2').div('3').toFixed(2)).toBe('0.67');
  });
});
