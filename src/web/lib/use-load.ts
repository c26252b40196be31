import { type DependencyList, useCallback, useEffect, useState } from 'react';

export type Load<T> = { data: T | undefined; error: Error | undefined; loading: boolean; reload: () => void };

/** Runs `fn` when `deps` change; the latest answer wins (an older slow answer is dropped). */
export const useLoad = <T>(fn: () => Promise<T>, deps: DependencyList): Load<T> => {
  const [state, setState] = useState<{ data: T | undefined; error: Error | undefined; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to reload
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    fn().then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (error: unknown) =>
        live &&
        setState({
          data: undefined,
          error: error instanceof Error ? error : new Error(String(error)),
          loading: false,
        }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
};
