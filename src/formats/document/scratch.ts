/**
 * A reusable buffer of UTF-16 code units: `unitsFor(n)` gives an array of at least `n` units, the same
 * one from call to call while `n` stays within `keep` (a larger one is made for that call only). The
 * caller copies its text out before the next call.
 */
export const scratchUnits = (keep: number): ((n: number) => Uint16Array) => {
  let scratch = new Uint16Array(0);
  return (n) => {
    if (n <= scratch.length) return scratch;
    const units = new Uint16Array(n);
    if (n <= keep) scratch = units;
    return units;
  };
};
