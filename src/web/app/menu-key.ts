/** Which menu entry the page one is on highlights. */

/**
 * Pages that belong under another menu entry: a report under review, or one being edited, highlights
 * the list it was opened from.
 */
const menuPathOf = (path: string, departmentRole: boolean): string => {
  if (path.startsWith('/bureau/review/')) return '/bureau/reports';
  if (path.startsWith('/reports/')) return departmentRole ? '/dept' : '/bureau/reports';
  return path;
};

/** The menu entry of `path`: the longest key it starts with ('/' only for the portal's own pages). */
export const selectedMenuKey = (keys: readonly string[], path: string, departmentRole: boolean): string[] => {
  const p = menuPathOf(path, departmentRole);
  return keys
    .filter((k) =>
      k === '/' ? p === '/' || p.startsWith('/public/reports') : p === k || p.startsWith(`${k}/`),
    )
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
};
