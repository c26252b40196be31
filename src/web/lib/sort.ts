import { dec } from '../../core/decimal.ts';

/** Orders decimal strings exactly; empty values last. */
export const compareNumbers = (a: string | null | undefined, b: string | null | undefined): number => {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  return dec(a).comparedTo(dec(b));
};
