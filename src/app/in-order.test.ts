import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inOrder } from './in-order.ts';

describe('inOrder', () => {
  it('hands results on in input order, each as soon as all before it are in', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 40 })
          .chain((n) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n })),
        (order) => {
          const seen: number[] = [];
          const o = inOrder<{ i: number }>((v, index) => {
            expect(v.i).toBe(index);
            seen.push(index);
          });
          const put = new Set<number>();
          for (const i of order) {
            o.put(i, { i });
            put.add(i);
            // Everything whose predecessors are all in has gone out; nothing else has.
            let ready = 0;
            while (put.has(ready)) ready++;
            expect(seen.length).toBe(ready);
            expect(o.waiting()).toBe(put.size - ready);
          }
          expect(seen).toEqual([...Array(order.length).keys()]);
        },
      ),
    );
  });
});
