import { describe, expect, it } from 'vitest';
import { matchPath } from './router.tsx';

describe('route patterns', () => {
  it('matches the root, plain and parameterised paths, with or without a trailing slash', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/', '/dept')).toBeNull();
    expect(matchPath('/dept', '/dept/')).toEqual({});
    expect(matchPath('/reports/:id', '/reports/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/reports/:id', '/reports/1/versions')).toBeNull();
  });
});
