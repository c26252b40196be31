import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { keptWhole } from './kept-whole.ts';

const Schema = z.object({
  a: z.string(),
  b: z.array(z.object({ c: z.number(), d: z.object({ e: z.boolean() }).nullable() })),
  f: z.string().optional(),
});

describe('keptWhole', () => {
  it('is true when validation dropped nothing, false when it dropped a key at any depth', () => {
    const input = {
      a: 'x',
      b: [
        { c: 1, d: { e: true } },
        { c: 2, d: null },
      ],
    };
    expect(keptWhole(input, Schema.parse(input))).toBe(true);
    for (const extra of [
      { ...input, g: 1 },
      {
        ...input,
        b: [
          { c: 1, d: { e: true, h: 0 } },
          { c: 2, d: null },
        ],
      },
      { ...input, b: [input.b[0], { c: 2, d: null, i: [] }] },
    ])
      expect(keptWhole(extra, Schema.parse(extra))).toBe(false);
  });

  it('compares shapes, not values: arrays of another length or objects for primitives are not whole', () => {
    expect(keptWhole([1, 2], [1])).toBe(false);
    expect(keptWhole('x', { a: 1 })).toBe(false);
    expect(keptWhole(null, [])).toBe(false);
    expect(keptWhole({ a: 1 }, { a: 1 })).toBe(true);
  });
});
