/** The editor's tabs and which part of the document each one shows (a finding opens the right tab). */
import type { Path } from '../lib/paths.ts';

export const DEPARTMENT_SECTIONS = [
  {
    key: 'basic',
    label: '基本情况',
    parts: ['title', 'year', 'department', 'duties', 'orgUnits', 'staffing', 'work'],
  },
  {
    key: 'finance',
    label: '收支与三公经费',
    parts: ['income', 'expenditure', 'expenditureTable', 'threePublic'],
  },
  { key: 'targets', label: '绩效目标', parts: ['targets', 'achievements'] },
  { key: 'indicators', label: '指标与得分', parts: ['indicators'] },
  { key: 'conclusion', label: '结论与问题', parts: ['conclusion', 'problems', 'otherNotes'] },
] as const;

export const PROJECT_SECTIONS = [
  { key: 'basic', label: '项目信息', parts: ['title', 'year', 'formNo', 'project', 'goal', 'overview'] },
  { key: 'funds', label: '项目资金', parts: ['moneyUnit', 'funds'] },
  { key: 'indicators', label: '绩效指标', parts: ['indicators'] },
  {
    key: 'conclusion',
    label: '结论与问题',
    parts: ['statedTotal', 'statedGrade', 'conclusion', 'problems', 'measures'],
  },
] as const;

export type SectionKey =
  | (typeof DEPARTMENT_SECTIONS)[number]['key']
  | (typeof PROJECT_SECTIONS)[number]['key'];

export const sectionsOf = (kind: 'department' | 'project') =>
  kind === 'department' ? DEPARTMENT_SECTIONS : PROJECT_SECTIONS;

/** The tab holding a path, or null for parts the editor does not show (meta). */
export const sectionOf = (kind: 'department' | 'project', path: Path): SectionKey | null => {
  const head = String(path[0] ?? '');
  const s = sectionsOf(kind).find((x) => (x.parts as readonly string[]).includes(head));
  return s?.key ?? null;
};
