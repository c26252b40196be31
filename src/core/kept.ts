/**
 * A function of a string whose results are kept, for the forms worked out from names that come back
 * report after report (indicator names, headings). Bounded: past `limit` keys the map starts again,
 * so a long batch of varied names never grows it without end.
 */
export const keptByName = <V>(make: (name: string) => V, limit = 10_000): ((name: string) => V) => {
  const kept = new Map<string, V>();
  return (name) => {
    const found = kept.get(name);
    if (found !== undefined || kept.has(name)) return found as V;
    const value = make(name);
    if (kept.size >= limit) kept.clear();
    kept.set(name, value);
    return value;
  };
};
