import { z } from 'zod';
import { api, ok } from '../../api/client.ts';
import type { Me } from '../../api/session.ts';
import { param, useQueryParams } from '../../app/query.ts';
import { setQuery } from '../../app/router.tsx';
import { useLoad } from '../../lib/use-load.ts';

const Params = z.object({ year: param.positive(), j: param.optionalText() });

/**
 * The jurisdiction and year a bureau page shows, kept in the query string. The year defaults to the
 * newest year that has reports (the budget year under review is the one before the calendar year).
 */
export const useScope = (me: Me) => {
  const query = useQueryParams(Params);
  const places = useLoad(() => ok(api.jurisdictions.$get()), []);
  const reports = useLoad(() => ok(api.reports.$get({ query: {} })), []);
  const years = [...new Set((reports.data ?? []).map((r) => r.year))].sort((a, b) => b - a);
  const fallbackYear = years[0] ?? new Date().getFullYear() - 1;
  const year = query.year ?? fallbackYear;
  const jurisdictionId = query.j ?? me.jurisdictionId ?? '';
  return {
    ready: reports.data !== undefined,
    year,
    years: years.length ? years : [year],
    jurisdictionId,
    jurisdictions: places.data ?? [],
    setYear: (y: number) => setQuery({ year: y }),
    setJurisdiction: (j: string) => setQuery({ j }),
  };
};
