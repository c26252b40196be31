/** The 绩效指标 rows of a project form, in either layout, from the header row holding 三级指标. */
import type { ProjectIndicator, ProjectLayout, TextFact } from '../../../core/model/index.ts';
import { type CellReader, isBlank, measureOf, splitMeasure } from './cells.ts';
import { alignTo, type Cell, findCell, type Row } from './grid.ts';

const COLUMNS = {
  level1: /^一级指标/,
  level2: /^二级指标/,
  name: /^三级指标/,
  op: /指标性质|计算符号|^符号$/,
  unit: /度量单位|计量单位|^单位$/,
  target: /^(年度)?指标值|^目标值|^年度目标值/,
  actual: /实际完成值|^完成值|^实际值|^实际完成/,
  weight: /^(分值|权重)/,
  score: /^得分/,
  deviation: /偏差|原因/,
} as const;
type Column = keyof typeof COLUMNS;

const NAMES: Record<Column, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  op: '指标性质',
  unit: '度量单位',
  target: '年度指标值',
  actual: '实际完成值',
  weight: '分值',
  score: '得分',
  deviation: '偏差原因分析及改进措施',
};

/** Rows that end the indicator rows. */
const END =
  /^(总分|总计|自评总分|自评得分|评价结论|存在问题|改进措施|项目负责人|财务负责人|联系人|填表人|填报人)/;
/** A table that goes on with indicator rows (a form split over pages) starts with one of these. */
const GOES_ON = /产出|效益|满意度|数量|质量|时效|成本/;
/** The level words of the indicator tree: 一级指标 and 二级指标 cells (成本, 满意度 may be either). */
export const LEVEL1 = /^(产出|效益|效果|满意度|成本|决策|过程)指标/;
export const LEVEL2 =
  /^(数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度)指标/;

/**
 * A row's cells under the header's columns. A row of a table that goes on with the indicators (a form
 * split over pages and read as a table of its own, whose leading cells may be empty or left out) is
 * placed by its first level word (产出指标 under 一级指标, 数量指标 under 二级指标); other rows as
 * {@link alignTo} places them.
 */
const placed = (row: Row, header: Row, cols: Partial<Record<Column, number>>): Map<number, Cell> => {
  const k =
    row.table === header.table ? -1 : row.cells.findIndex((c) => LEVEL1.test(c.key) || LEVEL2.test(c.key));
  const word = row.cells[k];
  if (!word) return alignTo(row, header);
  const next = row.cells[k + 1];
  const first = (next && LEVEL2.test(next.key)) || !LEVEL2.test(word.key);
  const col = first ? cols.level1 : cols.level2;
  if (col === undefined) return alignTo(row, header);
  const shift = col - word.column;
  return new Map(row.cells.map((c) => [c.column + shift, c]));
};

/** "产出指标（50分）" → "产出指标": the weight stays in `src.raw`. */
const WEIGHT_SUFFIX = /\s*[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$/;

export type Indicators = { rows: ProjectIndicator[]; layout: ProjectLayout; end: number } | null;

const columnsOf = (header: Row): Partial<Record<Column, number>> => {
  const out: Partial<Record<Column, number>> = {};
  for (const c of header.cells) {
    const k = (Object.keys(COLUMNS) as Column[]).find((k) => out[k] === undefined && COLUMNS[k].test(c.key));
    if (k) out[k] = c.column;
  }
  return out;
};

export const readIndicators = (rows: readonly Row[], r: CellReader): Indicators => {
  const h = rows.findIndex((row) => findCell(row, COLUMNS.name));
  if (h < 0) return null;
  const header = rows[h]!;
  const cols = columnsOf(header);
  const layout: ProjectLayout = cols.op !== undefined || cols.unit !== undefined ? 'sichuan' : 'standard';
  for (const k of ['target', 'actual', 'weight', 'score'] as const) {
    if (cols[k] === undefined) {
      r.missing('read.project-column-missing', `绩效指标表缺少「${NAMES[k]}」列`, header.cells[0]);
    }
  }
  const out: ProjectIndicator[] = [];
  let level1: TextFact | null = null;
  let level2: TextFact | null = null;
  let i = h + 1;
  for (; i < rows.length; i++) {
    const row = rows[i]!;
    const lead = row.cells.filter((c) => !isBlank(c)).slice(0, 2);
    if (lead.some((c) => END.test(c.key))) break;
    if (row.table !== header.table && !(lead[0] && GOES_ON.test(lead[0].key))) break;
    const at = placed(row, header, cols);
    const cell = (k: Column): Cell | undefined => (cols[k] === undefined ? undefined : at.get(cols[k]));
    const l1 = cell('level1');
    if (l1 && !isBlank(l1) && l1.text.replace(WEIGHT_SUFFIX, '') !== level1?.value) {
      level1 = { value: l1.text.replace(WEIGHT_SUFFIX, ''), src: l1.src };
      level2 = null;
    }
    const l2 = cell('level2');
    if (l2 && !isBlank(l2)) level2 = { value: l2.text.replace(WEIGHT_SUFFIX, ''), src: l2.src };
    const name = cell('name');
    if (!name || isBlank(name)) {
      const filled = [...at.values()].filter((c) => !isBlank(c) && c !== l1 && c !== l2);
      if (filled.length > 0) {
        r.missing('read.project-indicator-unnamed', '绩效指标行缺少三级指标名称，未读取', filled[0]);
      }
      continue;
    }
    const target =
      layout === 'sichuan'
        ? splitMeasure(cell('op'), cell('target'), cell('unit'))
        : measureOf(cell('target'));
    const actual = measureOf(cell('actual'));
    // 四川: the 度量单位 column is the unit of the 完成值 too.
    if (layout === 'sichuan' && actual.value !== null && actual.unit === null) actual.unit = target.unit;
    out.push({
      level1,
      level2,
      name: { value: name.text, src: name.src },
      target,
      actual,
      weight: r.decimal(cell('weight'), `「${name.text}」${NAMES.weight}`),
      score: r.decimal(cell('score'), `「${name.text}」${NAMES.score}`),
      deviation: r.text(cell('deviation')),
      src: name.src,
    });
  }
  return { rows: out, layout, end: i };
};
