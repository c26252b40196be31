/**
 * A 绩效目标申报表 from rows of cell texts, whatever the file (a Word table, a sheet, a text export with
 * `|` or tabs): the labelled header cells of its kind (项目名称 …, or 部门(单位)名称 and the money rows), 年度目标,
 * and the indicator grid found by its header row (一级指标 … 三级指标/指标内容 … 指标值). Merged 一级/二级 cells
 * are carried down; a value written "≥95%" without a 指标性质 column is split into comparator, number and unit.
 */
import { isDecimalString } from '../../core/decimal.ts';
import { failure, ok, type Result } from '../../core/result.ts';
import { type TargetIndicator, TargetTable } from '../../core/targets/table.ts';
import { parseValue } from '../../core/targets/value.ts';
import { NATURES, type Nature } from '../../core/targets/vocab.ts';

export type TargetRead = Result<TargetTable>;

/** A file that is not a 绩效目标申报表 as it should be. */
export const notATargetTable = (zh: string, en: string) => failure('read.not-a-target-table', zh, en);

const norm = (s: string): string => s.replace(/[\s:：（）()]/gu, '');

/** The text of the first cell after a cell labelled by `label` in the same row (not itself a label). */
const labelled = (rows: readonly string[][], label: RegExp): string | null => {
  for (const row of rows) {
    const i = row.findIndex((c) => label.test(norm(c)));
    if (i < 0) continue;
    const v = row.slice(i + 1).find((c) => c.trim() !== '' && c !== row[i]);
    return v?.trim() ?? '';
  }
  return null;
};

/** The cells after `label` in the row that starts with `head`, as label → next cell. */
const pairsIn = (rows: readonly string[][], head: RegExp): Map<string, string> => {
  const out = new Map<string, string>();
  const row = rows.find((r) => r.some((c) => head.test(norm(c))));
  if (!row) return out;
  for (let i = 0; i < row.length - 1; i++) out.set(norm(row[i]!), row[i + 1]!.trim());
  return out;
};

const decimal = (s: string | null | undefined): string | null => {
  const t = (s ?? '').replace(/[,，\s]/gu, '').replace(/万元$/u, '');
  return isDecimalString(t) ? t : null;
};

const lines = (s: string | null, strip: RegExp): string[] =>
  (s ?? '')
    .split(/\n|；(?=目标\d)/u)
    .map((x) => x.replace(strip, '').trim())
    .filter((x) => x !== '');

const COLUMN_PATTERNS: [keyof Columns, RegExp][] = [
  ['level1', /^一级/u],
  ['level2', /^二级/u],
  ['name', /^(三级指标|指标内容|指标名称|三级)/u],
  ['nature', /^(指标性质|指标值类型|性质)/u],
  ['value', /^(指标值|目标值|年度指标值)$/u],
  ['unit', /^(计量单位|度量单位|单位)$/u],
  ['explanation', /^指标解释/u],
  ['standard', /^评扣?分标准|^评扣分标准/u],
  ['weight', /^(权重|分值)/u],
];
type Columns = Record<
  'level1' | 'level2' | 'name' | 'nature' | 'value' | 'unit' | 'explanation' | 'standard' | 'weight',
  number
>;

const isGridHeader = (row: readonly string[]): boolean =>
  row.some((c) => /^(三级指标|指标内容|指标名称)/u.test(norm(c))) &&
  row.some((c) => /^指标值$|^目标值$/u.test(norm(c)));

const END = /^(审核意见|主管部门审核意见|填报人|单位负责人|其他说明)/u;

const gridOf = (rows: readonly string[][]): TargetIndicator[] => {
  const at = rows.findIndex(isGridHeader);
  if (at < 0) return [];
  const header = rows[at]!.map(norm);
  const cols = Object.fromEntries(
    COLUMN_PATTERNS.map(([k, re]) => [k, header.findIndex((h) => re.test(h))]),
  ) as Columns;
  const out: TargetIndicator[] = [];
  let level1 = '';
  let level2 = '';
  for (const row of rows.slice(at + 1)) {
    if (row.some((c) => END.test(norm(c))) || isGridHeader(row)) break;
    const cell = (k: keyof Columns) => (cols[k] >= 0 ? (row[cols[k]] ?? '').trim() : '');
    if (cell('level1')) level1 = cell('level1');
    if (cell('level2')) level2 = cell('level2');
    const name = cell('name');
    if (!name) continue;
    const typed = cell('nature');
    const raw = cell('value');
    const p = parseValue(raw);
    let nature: Nature | null = (NATURES as readonly string[]).includes(typed) ? (typed as Nature) : null;
    if (typed === '定性' || (p.number === null && raw !== '' && !typed)) nature = '定性';
    else if (nature === null && p.op) nature = p.op;
    const quantitative = nature !== '定性' && p.number !== null;
    out.push({
      id: `r${out.length + 1}`,
      level1,
      level2,
      name,
      nature,
      value: quantitative ? p.number! : raw,
      unit: cell('unit') || (quantitative ? p.unit : ''),
      explanation: cell('explanation'),
      standard: cell('standard'),
      weight: decimal(cell('weight')),
      lastYearActual: null,
      belowLastYearReason: '',
    });
  }
  return out;
};

const span = (s: string | null): [string, string] => {
  const [a = '', b = ''] = (s ?? '').split(/至|～|~|—/u).map((x) => x.trim());
  return [a, b];
};

/** The table of `rows` (title lines first, or anywhere), of the year in the title unless `year` is given. */
export const readTargetRows = (rows: readonly string[][], year?: number): TargetRead => {
  const all = rows.map((r) => r.map((c) => c ?? ''));
  const text = all.map((r) => r.join(' ')).join('\n');
  const y = year ?? Number(/((?:19|20)\d{2})\s*年/u.exec(text)?.[1] ?? Number.NaN);
  if (!Number.isInteger(y))
    return notATargetTable('未找到目标表的年度（标题中的“××××年”）', 'no year found in the title');
  const indicators = gridOf(all);
  if (indicators.length === 0)
    return notATargetTable(
      '未找到绩效指标表（表头应有“三级指标”或“指标内容”与“指标值”）',
      'no indicator grid found',
    );
  const common = {
    schemaVersion: 1 as const,
    year: y,
    labelSet: 'standard',
    indicators,
  };
  const projectName = labelled(all, /^项目名称$/u);
  const parsed =
    projectName !== null
      ? TargetTable.safeParse({
          kind: 'project',
          ...common,
          goals: lines(labelled(all, /^(年度目标|年度绩效目标|本年度目标)$/u), /^目标\d+[：:.、]?/u),
          projectName,
          attribute: /新增/u.test(labelled(all, /^项目属性$/u) ?? '')
            ? '新增'
            : /延续/u.test(labelled(all, /^项目属性$/u) ?? '')
              ? '延续'
              : null,
          department: labelled(all, /^主管部门$/u) ?? '',
          implementer: labelled(all, /^(项目)?实施单位$/u) ?? '',
          start: span(labelled(all, /^项目起止时间$/u))[0],
          end: span(labelled(all, /^项目起止时间$/u))[1],
          fundsTotal: decimal(labelled(all, /^(资金总额|项目资金总额)(万元)?$/u)),
          fundSources: all.flatMap((r) => {
            const i = r.findIndex((c) => /^其中/u.test(norm(c)));
            if (i < 0) return [];
            return [{ label: norm(r[i]!).replace(/^其中/u, ''), amount: decimal(r[i + 1]) }];
          }),
          basis: labelled(all, /^立项依据$/u) ?? '',
          schedule: all.flatMap((r) => {
            const i = r.findIndex((c) => /^实施进度\d+$/u.test(norm(c)));
            if (i < 0) return [];
            const [content = '', when = ''] = (r[i + 1] ?? '').split('｜');
            const [start, end] = span(when);
            return [{ content: content.trim(), start, end }];
          }),
          longTermGoal: labelled(all, /^(中长期目标|长期目标|总目标)$/u) ?? '',
          projectType: null,
        })
      : (() => {
          const income = pairsIn(all, /^收入构成$/u);
          const spend = pairsIn(all, /^支出构成$/u);
          const cell = (m: Map<string, string>, k: string) => ({ amount: decimal(m.get(k)), share: null });
          return TargetTable.safeParse({
            kind: 'department',
            ...common,
            goals: lines(
              labelled(all, /^(年度总体目标|部门整体支出绩效目标|整体绩效目标)$/u),
              /^目标\d+[：:.、]?/u,
            ),
            unitName: labelled(all, /^部门单位名称$|^部门名称$|^单位名称$/u) ?? '',
            duties: lines(labelled(all, /^(部门职能概述|部门单位职责|部门职责)$/u), /^\d+[.、．]\s*/u),
            funds: {
              income: {
                fiscal: cell(income, '财政拨款'),
                other: cell(income, '其他资金'),
                total: cell(income, '合计'),
              },
              expenditure: {
                basic: cell(spend, '基本支出'),
                project: cell(spend, '项目支出'),
                total: cell(spend, '合计'),
              },
            },
          });
        })();
  if (!parsed.success)
    return notATargetTable(
      `目标表内容不完整：${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
      'incomplete target table',
    );
  return ok(parsed.data);
};
