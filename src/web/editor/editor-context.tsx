/**
 * The document being edited, shared by every field: a field names its typed path and reads and writes
 * the value there. The highlighted field (a clicked finding) is part of the context too.
 */
import { createContext, useCallback, useContext } from 'react';
import { type FieldPath, getAt, pathKey } from '../lib/paths.ts';

export type EditorApi = {
  doc: unknown;
  readOnly: boolean;
  /** Puts `value` at `path`: a value of the kind the path leads to. */
  update: <V>(path: FieldPath<V>, value: NoInfer<V>) => void;
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
export const useField = <T,>(path: FieldPath<T>) => {
  const api = useContext(EditorContext);
  const key = pathKey(path);
  // The path was typed against the document's type, so the value there is a T.
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
