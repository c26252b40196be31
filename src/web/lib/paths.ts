/**
 * Paths into the report document (["expenditureTable", "rows", 3, "final"]) and immutable updates along
 * them: the editor's fields, the finding locator and zod's issue paths all speak this one language.
 */
export type Path = readonly (string | number)[];

/** "expenditureTable.rows.3.final": the form of `data-field` attributes. */
export const pathKey = (path: Path): string => path.join('.');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export const getAt = (root: unknown, path: Path): unknown => {
  let cur: unknown = root;
  for (const seg of path) {
    if (!isRecord(cur)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
};

/** A copy of `root` with `value` at `path`; every object on the way is copied, the rest shared. */
export const setAt = <T>(root: T, path: Path, value: unknown): T => {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const cur: unknown = root;
  if (Array.isArray(cur)) {
    const copy = cur.slice();
    copy[Number(head)] = setAt(copy[Number(head)], rest, value);
    return copy as T;
  }
  const obj = isRecord(cur) ? cur : {};
  return { ...obj, [String(head)]: setAt(obj[String(head)], rest, value) } as T;
};
