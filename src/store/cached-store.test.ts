import { describe, expect, it } from 'vitest';
import { TtlCache } from './cached-store.ts';

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('TtlCache', () => {
  it('makes one lookup for concurrent misses and keeps the value until it expires', async () => {
    const cache = new TtlCache<number | null>(40, 10);
    let loads = 0;
    const load = async () => {
      loads++;
      await later(5);
      return 7;
    };
    expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([7, 7]);
    expect(await cache.get('a', load)).toBe(7);
    expect(loads).toBe(1);
    await later(60);
    await cache.get('a', load);
    expect(loads).toBe(2);
  });

  it('keeps neither nulls nor failures, ends an entry at its own expiry, and stays bounded', async () => {
    const cache = new TtlCache<number | null>(10_000, 3);
    await cache.get('none', async () => null);
    await expect(cache.get('bad', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await later(0);
    expect(cache.size).toBe(0);
    await cache.get(
      'soon',
      async () => 1,
      () => Date.now() + 20,
    );
    await later(40);
    expect(await cache.get('soon', async () => 2)).toBe(2);
    for (const k of ['b', 'c', 'd', 'e']) await cache.get(k, async () => 0);
    expect(cache.size).toBe(3);
  });
});
