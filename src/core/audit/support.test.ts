import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, roundHalfUp, sum } from '../decimal.ts';
import { agree } from './support.ts';

/** Amounts in 分 (hundredths), as exact decimals of 万元 with up to 4 places before rounding. */
const exact = fc.integer({ min: 0, max: 10_000_000 }).map((n) => dec(n).div(10000));

describe('agree: rounding versus a real difference', () => {
  it('a total equal to the sum of its parts is equal', () => {
    fc.assert(
      fc.property(fc.array(exact, { minLength: 1, maxLength: 12 }), (xs) => {
        const parts = xs.map((x) => roundHalfUp(x, 2).toFixed(2));
        expect(agree(sum(parts).toFixed(2), parts, 2)).toBe('equal');
      }),
    );
  });

  it('figures rounded one by one from an exact identity never differ (尾差 at most)', () => {
    fc.assert(
      fc.property(fc.array(exact, { minLength: 1, maxLength: 12 }), (xs) => {
        const total = roundHalfUp(sum(xs), 2).toFixed(2);
        const parts = xs.map((x) => roundHalfUp(x, 2).toFixed(2));
        expect(agree(total, parts, 2)).not.toBe('differ');
      }),
    );
  });

  it('a difference larger than all the rounding together differs', () => {
    fc.assert(
      fc.property(
        fc.array(exact, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 1000 }),
        (xs, cents) => {
          const parts = xs.map((x) => roundHalfUp(x, 2).toFixed(2));
          const bound = dec(parts.length + 1).times('0.005');
          const off = bound.plus(dec(cents).div(100));
          expect(agree(sum(parts).plus(off).toFixed(), parts, 2)).toBe('differ');
        },
      ),
    );
  });

  it('without a known precision, bare integers are exact', () => {
    expect(agree('10', ['3', '4', '2'], null)).toBe('differ');
    expect(agree('9', ['3', '4', '2'], null)).toBe('equal');
  });
});
