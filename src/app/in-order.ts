/**
 * Hands results finished out of order to a sink in input order, as soon as each one and all before it
 * are done: a batch streams its output while holding only the results that wait for a predecessor.
 */
export type InOrder<T> = {
  /** Result number `index` is done; it and any waiting successors go to the sink now if they can. */
  put: (index: number, value: T) => void;
  /** How many results wait for a predecessor. */
  waiting: () => number;
};

export const inOrder = <T extends object>(sink: (value: T, index: number) => void): InOrder<T> => {
  const held = new Map<number, T>();
  let next = 0;
  return {
    put: (index, value) => {
      if (index !== next) {
        held.set(index, value);
        return;
      }
      sink(value, next++);
      for (let v = held.get(next); v !== undefined; v = held.get(next)) {
        held.delete(next);
        sink(v, next++);
      }
    },
    waiting: () => held.size,
  };
};
