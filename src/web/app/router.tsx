/**
 * A small history router: the app has a dozen flat routes, so a pattern table and `useSyncExternalStore`
 * over `location` do what a router library would, without another dependency. Navigation asks the
 * unsaved-changes guard first.
 */
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';
import { confirmLeave } from './unsaved.ts';

const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};
/** The path shown, so that a refused Back can put it back. */
let shown = typeof window === 'undefined' ? '' : location.pathname + location.search;
const onPopState = () => {
  // Back/Forward has already moved the address; with unsaved edits and a "stay", move it back.
  if (!confirmLeave()) {
    history.pushState(null, '', shown);
    return;
  }
  shown = location.pathname + location.search;
  notify();
};
if (typeof window !== 'undefined') window.addEventListener('popstate', onPopState);

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const snapshot = () => location.pathname + location.search;

/** The current path with its query string; re-renders on navigation. */
export const useLocation = (): { path: string; query: URLSearchParams } => {
  const full = useSyncExternalStore(subscribe, snapshot);
  const i = full.indexOf('?');
  return {
    path: i < 0 ? full : full.slice(0, i),
    query: new URLSearchParams(i < 0 ? '' : full.slice(i)),
  };
};

export const navigate = (to: string, options: { replace?: boolean } = {}): void => {
  if (to === snapshot()) return;
  if (!confirmLeave()) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  shown = to;
  window.scrollTo(0, 0);
  notify();
};

/** Replaces the query string without a history entry (filters, pages, tabs). */
export const setQuery = (params: Record<string, string | number | null | undefined>): void => {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') q.delete(k);
    else q.set(k, String(v));
  }
  const s = q.toString();
  shown = location.pathname + (s ? `?${s}` : '');
  history.replaceState(null, '', shown);
  notify();
};

/** Matches `/reports/:id` against a path; the params, or null. */
export const matchPath = (pattern: string, path: string): Record<string, string> | null => {
  // A trailing slash does not count: "/dept/" is "/dept", and "/" is the root.
  const p = pattern.replace(/\/$/, '').split('/');
  const a = path.replace(/\/$/, '').split('/');
  if (p.length !== a.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i] ?? '';
    const val = a[i] ?? '';
    if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(val);
    else if (seg !== val) return null;
  }
  return params;
};

/** An anchor that navigates in-app (new tabs and modified clicks keep the browser's behaviour). */
export const Link = ({ to, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) => {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={onClick} {...rest} />;
};
