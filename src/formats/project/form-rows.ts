/**
 * The 项目支出绩效自评表 as a grid of cells, once for every writer (.docx, .xlsx, HTML): the standard layout
 * of DOMAIN.md §1.4.1 (9 columns) or the Sichuan one of §1.4.2 (11 columns), whichever the report is in.
 * Reading a written form gives back the same model data (see round-trip.test.ts).
 */
import type {
  FundRow,
  Grade,
  Measure,
  ProjectIndicator,
  ProjectLayout,
  ProjectReport,
} from '../../core/model/index.ts';

/** One cell: its text, how many grid columns it spans, and whether it continues the cell above. */
export type FormCell = { text: string; span?: number; mergeUp?: boolean; head?: boolean };
export type FormRow = FormCell[];

/** Scores to write instead of the stated ones (the engine's), by indicator position. */
export type FormScores = {
  rate: string | null;
  indicators: (string | null)[];
  total: string;
  grade: Grade;
  /** The framework's word for the grade (优秀, 合格 …) where its bands carry one. */
  gradeLabel?: string | undefined;
};

export type FormGrid = { title: string[]; columns: number; rows: FormRow[] };

/**
 * Where each cell of a grid stands: its first column (`starts[row][cell]`), and how many rows below it
 * continue it (cells marked `mergeUp` in the same column). The .xlsx and HTML writers both merge by it.
 */
export const gridLayout = (grid: FormGrid) => {
  const starts = grid.rows.map((row) => {
    let col = 0;
    return row.map((cell) => {
      const at = col;
      col += cell.span ?? 1;
      return at;
    });
  });
  const rowsBelow = (i: number, col: number): number => {
    let d = 0;
    while (grid.rows[i + d + 1]?.some((x, k) => x.mergeUp && starts[i + d + 1]?.[k] === col)) d++;
    return d;
  };
  return { starts, rowsBelow };
};

const c = (text: string, span = 1, head = false): FormCell => ({ text, span, head });
const h = (text: string, span = 1): FormCell => c(text, span, true);
const up = (span = 1): FormCell => ({ text: '', span, mergeUp: true });

const TITLES: Record<ProjectLayout, string> = {
  standard: '项目支出绩效自评表',
  sichuan: '部门预算项目支出绩效自评表',
  narrative: '项目支出绩效自评表',
};

/** The form's own title; the layout's standard title when it has none or is drawn in the other layout. */
export const standardTitle = (r: ProjectReport, layout: ProjectLayout = r.layout): string =>
  (layout === r.layout ? r.title?.value : undefined) ?? TITLES[layout];

/** A measure as one cell: the comparator and unit of the 四川 columns put back around the figure. */
export const measureText = (m: Measure): string => {
  if (!m.text) return '';
  const op = m.op && !m.text.includes(m.op) ? m.op : '';
  const unit = m.value !== null && m.unit && !m.text.includes(m.unit) ? m.unit : '';
  return `${op}${m.text}${unit}`;
};

const titleLines = (r: ProjectReport, layout: ProjectLayout): string[] => {
  const title = standardTitle(r, layout);
  const year = r.year?.value;
  const lines = [title];
  // The standard form puts the year on its own line under the title; 四川 writes it in the title.
  if (year !== undefined && !/\d{4}\s*年度/.test(title)) {
    if (layout === 'sichuan') lines[0] = `${title}（${year}年度）`;
    else lines.push(`（${year}年度）`);
  }
  if (r.formNo) lines.push(`报表编号：${r.formNo.value}`);
  return lines;
};

const v = (f: { value: string } | null | undefined): string => f?.value ?? '';
const pct = (f: { value: string } | null): string => (f ? `${f.value}%` : '');

const fundLabel = (row: FundRow, i: number, funds: readonly FundRow[]): string => {
  const firstPart = funds.findIndex((f) => f.key !== 'total');
  return i === firstPart && funds.some((f) => f.key === 'total') ? `其中：${row.label}` : row.label;
};

/** 一级 and 二级 cells merge down while they repeat. */
const levelCells = (rows: readonly ProjectIndicator[], i: number): [FormCell, FormCell] => {
  const row = rows[i]!;
  const prev = rows[i - 1];
  const same1 = prev !== undefined && v(prev.level1) === v(row.level1) && v(row.level1) !== '';
  const same2 = same1 && v(prev?.level2) === v(row.level2) && v(row.level2) !== '';
  return [same1 ? up() : c(v(row.level1)), same2 ? up() : c(v(row.level2))];
};

const scoreOf = (i: number, row: ProjectIndicator, s: FormScores | undefined): string =>
  s ? (s.indicators[i] ?? v(row.score)) : v(row.score);

const closing = (r: ProjectReport, s: FormScores | undefined, columns: number): FormRow[] => {
  const total = s ? s.total : v(r.statedTotal);
  const grade = s ? (s.gradeLabel ?? s.grade) : v(r.statedGrade);
  const rows: FormRow[] = [];
  if (total || r.layout === 'standard') rows.push([h('总分', columns - 3), c('100'), c(total), c('')]);
  if (grade) rows.push([h('自评等级', 2), c(grade, columns - 2)]);
  for (const [label, f] of [
    ['评价结论', r.conclusion],
    ['存在问题', r.problems],
    ['改进措施', r.measures],
  ] as const) {
    if (f) rows.push([h(label, 2), c(f.value, columns - 2)]);
  }
  return rows;
};

const standard = (r: ProjectReport, s: FormScores | undefined): FormRow[] => {
  const own = r.layout === 'standard';
  const unit = r.moneyUnit ? `（${r.moneyUnit.value}）` : '';
  const rows: FormRow[] = [
    [h('项目名称'), c(v(r.project.name), 8)],
    [h('主管部门'), c(v(r.project.department), 3), h('实施单位'), c(v(r.project.implementer), 4)],
    [
      h(`项目资金${unit}`, 2),
      h('年初预算数'),
      h('全年预算数'),
      h('全年执行数'),
      h('分值'),
      h('执行率'),
      h('得分', 2),
    ],
  ];
  r.funds.forEach((f, i) => {
    const score = f.key === 'total' && s?.rate != null ? s.rate : v(f.score);
    rows.push([
      c(fundLabel(f, i, r.funds), 2),
      c(v(f.budget)),
      c(v(f.adjusted)),
      c(v(f.final)),
      c(v(f.weight)),
      c(pct(f.rate)),
      c(score, 2),
    ]);
  });
  rows.push([h('年度总体目标'), h('预期目标', 4), h('实际完成情况', 4)]);
  rows.push([up(), c(v(r.goal.expected), 4), c(v(r.goal.actual), 4)]);
  rows.push(
    [
      '绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
    ].map((t) => h(t)),
  );
  r.indicators.forEach((row, i) => {
    rows.push([
      up(),
      ...levelCells(r.indicators, i),
      c(row.name.value),
      c(own ? row.target.text : measureText(row.target)),
      c(own ? row.actual.text : measureText(row.actual)),
      c(v(row.weight)),
      c(scoreOf(i, row, s)),
      c(v(row.deviation)),
    ]);
  });
  return [...rows, ...closing(r, s, 9)];
};

const sichuan = (r: ProjectReport, s: FormScores | undefined): FormRow[] => {
  const own = r.layout === 'sichuan';
  const unit = r.moneyUnit ? `（${r.moneyUnit.value}）` : '';
  const rows: FormRow[] = [
    [h('项目名称', 3), h('主管部门', 4), h('实施单位', 4)],
    [c(v(r.project.name), 3), c(v(r.project.department), 4), c(v(r.project.implementer), 4)],
    [h('项目基本情况', 3), h('项目年度目标', 4), h('年度目标完成情况', 4)],
    [up(3), c(v(r.goal.expected), 4), c(v(r.goal.actual), 4)],
  ];
  if (r.overview) rows.push([h('项目实施内容及过程概述', 3), c(r.overview.value, 8)]);
  rows.push([
    h('预算执行情况（10分）', 2),
    h(`年初预算${unit}`),
    h('调整后预算数'),
    h('预算执行数'),
    h('预算执行率'),
    h('权重'),
    h('得分'),
    h('原因', 3),
  ]);
  r.funds.forEach((f, i) => {
    const score = f.key === 'total' && s?.rate != null ? s.rate : v(f.score);
    rows.push([
      c(fundLabel(f, i, r.funds), 2),
      c(v(f.budget)),
      c(v(f.adjusted)),
      c(v(f.final)),
      c(pct(f.rate)),
      c(v(f.weight)),
      c(score),
      c(v(f.reason), 3),
    ]);
  });
  rows.push(
    [
      '绩效指标（90分）',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标性质',
      '指标值',
      '度量单位',
      '完成值',
      '权重',
      '得分',
      '未完成原因分析',
    ].map((t) => h(t)),
  );
  r.indicators.forEach((row, i) => {
    const qualitative = row.target.value === null && row.target.text !== '';
    rows.push([
      up(),
      ...levelCells(r.indicators, i),
      c(row.name.value),
      c(row.target.op ?? (qualitative ? '定性' : '')),
      // A standard form's "≥50个" goes to the 指标值 column as its figure; the comparator and unit have columns.
      c(own || row.target.value === null ? row.target.text : row.target.value),
      c(row.target.unit ?? ''),
      c(row.actual.text),
      c(v(row.weight)),
      c(scoreOf(i, row, s)),
      c(v(row.deviation)),
    ]);
  });
  return [...rows, ...closing(r, s, 11)];
};

/** The form of a report as title lines and a grid, in its own layout unless another is asked for. */
export const projectFormGrid = (
  r: ProjectReport,
  scores?: FormScores,
  layout: ProjectLayout = r.layout,
): FormGrid => ({
  title: titleLines(r, layout),
  columns: layout === 'sichuan' ? 11 : 9,
  rows: layout === 'sichuan' ? sichuan(r, scores) : standard(r, scores),
});
