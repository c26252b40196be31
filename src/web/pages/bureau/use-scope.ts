import { api, ok } from '../../api/client.ts';
import type { Me } from '../../api/session.ts';
import { setQuery, useLocation } from '../../app/router.tsx';
import { useLoad } from '../../lib/use-load.ts';

/**
 * The jurisdiction and year a bureau page shows, kept in the query string. The year defaults to the
 * newest year that has reports (the budget year under review is the one before the calendar year).
 */
export const useScope = (me: Me) => {
  const { query } = useLocation();
  const places = useLoad(() => ok(api.jurisdictions.$get()), []);
  const reports = useLoad(() => ok(api.reports.$get({ query: {} })), []);
  const years = [...new Set((reports.data ?? []).map((r) => r.year))].sort((a, b) => b - a);
  const fallbackYear = years[0] ?? new Date().getFullYear() - 1;
  const year = Number(query.get('year') ?? fallbackYear) || fallbackYear;
  const jurisdictionId = query.get('j') ?? me.jurisdictionId ?? '';
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
