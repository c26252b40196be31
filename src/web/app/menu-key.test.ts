import { describe, expect, it } from 'vitest';
import { selectedMenuKey } from './menu-key.ts';

const BUREAU = ['/bureau', '/bureau/progress', '/bureau/reports', '/targets', '/bureau/frameworks', '/'];
const DEPT = ['/dept', '/dept/new', '/targets', '/'];

describe('the menu highlights the page one is on', () => {
  it('picks the longest entry the path falls under', () => {
    expect(selectedMenuKey(BUREAU, '/bureau', false)).toEqual(['/bureau']);
    expect(selectedMenuKey(BUREAU, '/bureau/progress', false)).toEqual(['/bureau/progress']);
    expect(selectedMenuKey(BUREAU, '/bureau/frameworks', false)).toEqual(['/bureau/frameworks']);
    expect(selectedMenuKey(BUREAU, '/targets/abc', false)).toEqual(['/targets']);
    expect(selectedMenuKey(DEPT, '/dept/new', true)).toEqual(['/dept/new']);
    expect(selectedMenuKey(BUREAU, '/public/reports/x', false)).toEqual(['/']);
    expect(selectedMenuKey(BUREAU, '/account/password', false)).toEqual([]);
  });

  it('a report under review or being edited highlights the list it came from', () => {
    expect(selectedMenuKey(BUREAU, '/bureau/review/abc', false)).toEqual(['/bureau/reports']);
    expect(selectedMenuKey(BUREAU, '/reports/abc/history', false)).toEqual(['/bureau/reports']);
    expect(selectedMenuKey(DEPT, '/reports/abc', true)).toEqual(['/dept']);
    expect(selectedMenuKey(DEPT, '/reports/abc/history', true)).toEqual(['/dept']);
  });
});
