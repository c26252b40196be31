import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './security.ts';

describe('LoginLimiter', () => {
  it('blocks a key after `limit` failures within the window, and forgets them after it', () => {
    const l = new LoginLimiter(3, 60_000);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(l.blocked([['ip|u', 3]], t0 + i)).toBe(0);
      l.fail(['ip|u'], t0 + i);
    }
    expect(l.blocked([['ip|u', 3]], t0 + 10)).toBe(60);
    expect(l.blocked([['ip|other', 3]], t0 + 10)).toBe(0);
    expect(l.blocked([['ip|u', 3]], t0 + 60_001)).toBe(0);
  });

  it('a success clears the key', () => {
    const l = new LoginLimiter(2, 60_000);
    l.fail(['k'], 1);
    l.succeed('k');
    l.fail(['k'], 2);
    expect(l.blocked([['k', 2]], 3)).toBe(0);
  });
});
