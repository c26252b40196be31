import { describe, expect, it } from 'vitest';
import { keptByName } from './kept.ts';

describe('keptByName', () => {
  it('works a name out once, null results included, and starts again past its limit', () => {
    const made: string[] = [];
    const f = keptByName((name) => {
      made.push(name);
      return name.startsWith('x') ? null : name.length;
    }, 2);
    expect([f('ab'), f('ab'), f('x'), f('x')]).toEqual([2, 2, null, null]);
    expect(made).toEqual(['ab', 'x']);
    f('abc'); // a third name: the map starts again with it
    f('ab');
    expect(made).toEqual(['ab', 'x', 'abc', 'ab']);
  });
});
