/**
 * The query string read through a zod schema: a page says what its parameters are, and a missing or
 * hand-edited value becomes that parameter's fallback rather than a cast that lies about it. Every
 * parameter falls back (`.catch`), so reading the query never throws.
 */
import { z } from 'zod';
import { useLocation } from './router.tsx';

/** The parameter builders: each one has a fallback for a value that is absent or not of its kind. */
export const param = {
  /** One of `values`, or '' (none chosen, or not one of them). */
  oneOf: <const T extends readonly string[]>(values: T) => z.union([z.enum(values), z.literal('')]).catch(''),
  /** Free text; '' when absent. */
  text: () => z.string().catch(''),
  /** Text that may be absent (undefined), told apart from an empty value. */
  optionalText: () => z.string().optional().catch(undefined),
  /** A whole number above zero (a year, a version), or undefined. */
  positive: () => z.coerce.number().int().positive().optional().catch(undefined),
};

type QuerySchema = z.ZodObject<Record<string, z.ZodCatch>>;

/** The query parsed by `schema` (repeated keys: the first value, as URLSearchParams.get gives). */
export const parseQuery = <S extends QuerySchema>(schema: S, query: URLSearchParams): z.output<S> => {
  const first: Record<string, string> = {};
  for (const [k, v] of query) if (!(k in first)) first[k] = v;
  return schema.parse(first);
};

/** The current query string's parameters, parsed; re-renders on navigation. */
export const useQueryParams = <S extends QuerySchema>(schema: S): z.output<S> =>
  parseQuery(schema, useLocation().query);
