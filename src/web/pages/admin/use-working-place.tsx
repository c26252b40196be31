/**
 * The jurisdiction an admin is working in (当前地区), shared by the admin pages: the query's `j`, else the
 * last one chosen here, else the one county below the admin when there is exactly one, else the admin's
 * own. New departments and accounts default to it; the lists show it and everything below it.
 */

import { Select } from 'antd';
import { z } from 'zod';
import { api, ok } from '../../api/client.ts';
import type { Me } from '../../api/session.ts';
import type { Jurisdiction } from '../../api/types.ts';
import { param, useQueryParams } from '../../app/query.ts';
import { setQuery } from '../../app/router.tsx';
import { useLoad } from '../../lib/use-load.ts';

const KEY = 'jixiao.admin.jurisdiction';

export const LEVEL_LABELS: Record<Jurisdiction['level'], string> = {
  province: '省',
  city: '市',
  county: '县（区）',
};
export const CHILD_LEVEL: Record<Jurisdiction['level'], Jurisdiction['level'] | null> = {
  province: 'city',
  city: 'county',
  county: null,
};

/** "示范省 / 示范市 / 示范县": the name with the names above it (as far as the list reaches). */
export const placeName = (places: readonly Jurisdiction[], id: string | null | undefined): string => {
  const byId = new Map(places.map((p) => [p.id, p]));
  const names: string[] = [];
  for (let p = id ? byId.get(id) : undefined; p && names.length < 8; p = byId.get(p.parentId ?? ''))
    names.unshift(p.name);
  return names.join(' / ');
};

/** The ids of `id` and everything below it. */
export const below = (places: readonly Jurisdiction[], id: string): Set<string> => {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of places)
      if (p.parentId && out.has(p.parentId) && !out.has(p.id)) {
        out.add(p.id);
        grew = true;
      }
  }
  return out;
};

const remembered = (): string | null => {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
};

const Params = z.object({ j: param.optionalText() });

export const useWorkingPlace = (me: Me) => {
  const { j: fromQuery } = useQueryParams(Params);
  const load = useLoad(() => ok(api.jurisdictions.$get()), []);
  const places = load.data ?? [];
  const known = (id: string | null | undefined): id is string =>
    Boolean(id) && places.some((p) => p.id === id);
  const counties = places.filter((p) => p.level === 'county');
  const last = remembered();
  const working = known(fromQuery)
    ? fromQuery
    : known(last)
      ? last
      : counties.length === 1
        ? counties[0]!.id
        : (me.jurisdictionId ?? '');
  const set = (id: string) => {
    try {
      localStorage.setItem(KEY, id);
    } catch {
      // Private mode: the query string still carries it.
    }
    setQuery({ j: id });
  };
  return { load, places, working, set, ready: load.data !== undefined };
};

/** Options for a 地区 select: every jurisdiction in scope, with its full name. */
export const placeOptions = (places: readonly Jurisdiction[]) =>
  places.map((p) => ({ value: p.id, label: placeName(places, p.id) }));

export const WorkingPlacePicker = ({
  places,
  working,
  onChange,
}: {
  places: readonly Jurisdiction[];
  working: string;
  onChange: (id: string) => void;
}) => (
  <span>
    当前地区：
    <Select
      aria-label="当前地区"
      style={{ minWidth: 260 }}
      value={working || undefined}
      onChange={onChange}
      options={placeOptions(places)}
    />
  </span>
);
