/**
 * Paths into the report document (["expenditureTable", "rows", 3, "final"]) and immutable updates along
 * them: the editor's fields, the finding locator and zod's issue paths all speak this one language. The
 * editor builds its paths typed (`FieldPath`, with `rootOf` and `at`); paths found in data (a finding's
 * location, a zod issue, a diff) are plain `Path`s.
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

declare const valueAt: unique symbol;

/**
 * A path whose value is a `V`. Made only by `rootOf` and `at`, which take only the keys the type has (an
 * index into an array), so a path with a wrong key, or to a value of another kind than a field edits,
 * does not compile. At run time it is the plain `Path` array.
 */
export type FieldPath<V> = Path & { readonly [valueAt]: V };

/** The keys one may step by from a `T` (null and undefined stepped over, as `getAt` does). */
type Key<T> = NonNullable<T> extends readonly unknown[] ? number : keyof NonNullable<T> & string;
/** The value one step by `K` from a `T`. */
type Next<T, K> =
  NonNullable<T> extends readonly (infer E)[]
    ? E
    : K extends keyof NonNullable<T>
      ? NonNullable<T>[K]
      : never;

/** The document itself, of type `T`: where every path of it starts. */
export const rootOf = <T>(): FieldPath<T> => [] as unknown as FieldPath<T>;

/** `base` and one to four keys further, each key checked against the value it steps into. */
export function at<V, K1 extends Key<V>>(base: FieldPath<V>, k1: K1): FieldPath<Next<V, K1>>;
export function at<V, K1 extends Key<V>, K2 extends Key<Next<V, K1>>>(
  base: FieldPath<V>,
  k1: K1,
  k2: K2,
): FieldPath<Next<Next<V, K1>, K2>>;
export function at<V, K1 extends Key<V>, K2 extends Key<Next<V, K1>>, K3 extends Key<Next<Next<V, K1>, K2>>>(
  base: FieldPath<V>,
  k1: K1,
  k2: K2,
  k3: K3,
): FieldPath<Next<Next<Next<V, K1>, K2>, K3>>;
export function at<
  V,
  K1 extends Key<V>,
  K2 extends Key<Next<V, K1>>,
  K3 extends Key<Next<Next<V, K1>, K2>>,
  K4 extends Key<Next<Next<Next<V, K1>, K2>, K3>>,
>(base: FieldPath<V>, k1: K1, k2: K2, k3: K3, k4: K4): FieldPath<Next<Next<Next<Next<V, K1>, K2>, K3>, K4>>;
export function at(base: Path, ...keys: (string | number)[]): Path {
  return [...base, ...keys];
}
