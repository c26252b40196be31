/**
 * The document being edited, shared by every field: a field names its path and reads and writes the
 * value there. The highlighted field (a clicked finding) is part of the context too.
 */
import { createContext, useCallback, useContext } from 'react';
import { getAt, type Path, pathKey } from '../lib/paths.ts';

export type EditorApi = {
  doc: unknown;
  readOnly: boolean;
  update: (path: Path, value: unknown) => void;
  /** The `data-field` keys currently highlighted. */
  highlighted: ReadonlySet<string>;
};

export const EditorContext = createContext<EditorApi>({
  doc: null,
  readOnly: true,
  update: () => {},
  highlighted: new Set(),
});

/** The value at `path`, its setter, and the props that make the field findable and highlightable. */
export const useField = <T,>(path: Path) => {
  const api = useContext(EditorContext);
  const key = pathKey(path);
  const value = getAt(api.doc, path) as T;
  const set = useCallback((v: T) => api.update(path, v), [api, path]);
  return {
    value,
    set,
    readOnly: api.readOnly,
    fieldProps: {
      'data-field': key,
      className: api.highlighted.has(key) ? 'jx-field jx-hit' : 'jx-field',
    },
  };
};

export const useEditor = () => useContext(EditorContext);
