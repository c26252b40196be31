/** The selects of a bureau page's scope, kept in the query string: the year, the 地区, the kind of report. */
import { Select } from 'antd';
import { KIND_SHORT } from '../../app/labels.tsx';
import { setQuery } from '../../app/router.tsx';
import type { useScope } from './use-scope.ts';

type Scope = ReturnType<typeof useScope>;

/** The year; `years` when the page offers others than the years that have reports. */
export const YearSelect = ({ scope, years = scope.years }: { scope: Scope; years?: readonly number[] }) => (
  <Select
    aria-label="年度"
    style={{ width: 120 }}
    value={scope.year}
    onChange={scope.setYear}
    options={years.map((y) => ({ value: y, label: `${y}年度` }))}
  />
);

export const PlaceSelect = ({ scope }: { scope: Scope }) => (
  <Select
    aria-label="地区"
    style={{ width: 160 }}
    value={scope.jurisdictionId}
    onChange={scope.setJurisdiction}
    options={scope.jurisdictions.map((j) => ({ value: j.id, label: j.name }))}
  />
);

/** The kind of report (the query's `kind`), or all. */
export const KindSelect = ({ value, width }: { value: '' | 'department' | 'project'; width: number }) => (
  <Select
    aria-label="报告类型"
    style={{ width }}
    value={value}
    onChange={(v) => setQuery({ kind: v })}
    options={[
      { value: '', label: '全部类型' },
      { value: 'department', label: KIND_SHORT.department },
      { value: 'project', label: KIND_SHORT.project },
    ]}
  />
);
