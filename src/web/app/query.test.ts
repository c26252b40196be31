import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { param, parseQuery } from './query.ts';

const List = z.object({
  kind: param.oneOf(['department', 'project']),
  q: param.text(),
  j: param.optionalText(),
  year: param.positive(),
});
const read = (search: string) => parseQuery(List, new URLSearchParams(search));

describe('query parameters are parsed, not cast', () => {
  it('reads the values a page writes', () => {
    expect(read('kind=project&q=农业&j=abc&year=2023')).toEqual({
      kind: 'project',
      q: '农业',
      j: 'abc',
      year: 2023,
    });
  });

  it('falls back for what is absent', () => {
    expect(read('')).toEqual({ kind: '', q: '', j: undefined, year: undefined });
    expect(read('j=')).toMatchObject({ j: '' });
  });

  it('falls back for a hand-edited value instead of passing it on', () => {
    expect(read('kind=everything&year=abc')).toMatchObject({ kind: '', year: undefined });
    expect(read('year=0')).toMatchObject({ year: undefined });
    expect(read('year=2023.5')).toMatchObject({ year: undefined });
  });

  it('takes the first of repeated keys, as URLSearchParams.get does', () => {
    expect(read('kind=project&kind=department')).toMatchObject({ kind: 'project' });
  });
});
