import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 720px)';
const subscribe = (l: () => void) => {
  const m = window.matchMedia(QUERY);
  m.addEventListener('change', l);
  return () => m.removeEventListener('change', l);
};

/** True on a phone-sized screen: lists replace wide tables there. */
export const useNarrow = (): boolean =>
  useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
