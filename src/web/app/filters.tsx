/**
 * The filters that lists and downloads share: a year (this year back ten, or all) and a place (one of
 * the given jurisdictions, or all), as selects with the same labels and widths everywhere.
 */
import { Select } from 'antd';
import { recentYears } from './labels.tsx';

/** The year as text, '' for all years. */
export const YearSelect = ({ value, onChange }: { value: string; onChange: (year: string) => void }) => (
  <Select
    aria-label="年度"
    style={{ width: 120 }}
    value={value}
    onChange={onChange}
    options={[
      { value: '', label: '全部年度' },
      ...recentYears().map((y) => ({ value: String(y), label: `${y}年度` })),
    ]}
  />
);

/** A jurisdiction's id, '' for all (named `all`). */
export const PlaceSelect = ({
  places,
  all,
  width,
  value,
  onChange,
}: {
  places: readonly { id: string; name: string }[];
  all: string;
  width: number;
  value: string;
  onChange: (id: string) => void;
}) => (
  <Select
    aria-label="县（区）"
    style={{ width }}
    value={value}
    onChange={onChange}
    options={[{ value: '', label: all }, ...places.map((p) => ({ value: p.id, label: p.name }))]}
  />
);

/** What the portal publishes, and open data offers for download. */
export const PUBLIC_DATASETS = [
  { value: 'reports', label: '绩效自评报告' },
  { value: 'targets', label: '绩效目标表' },
] as const;
export type PublicDataset = (typeof PUBLIC_DATASETS)[number]['value'];
