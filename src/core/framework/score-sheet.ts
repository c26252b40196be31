/**
 * A bureau's score sheet (评分表 of its notice) into a framework draft, with every problem as data: the
 * sheet's cells (read by src/formats/score-sheet from an .xlsx or a .docx table) are placed under their
 * columns — 一级/二级/三级指标, 分值 (one per level or one for the leaves), 评分标准, 指标解释, whatever each
 * region calls them — a merged or blank level cell takes the name above it, and the tree is then held to
 * the framework checks (weights adding up, duplicates, depth). Pure: the CLI, the server and the browser
 * run the same.
 */
import { dec } from '../decimal.ts';
import type { Finding } from '../findings.ts';
import type { Framework, FrameworkKind, FrameworkNode, IndicatorBetter } from './schema.ts';
import { checkFramework } from './validate.ts';

export type SheetCell = { column: number; text: string };
/** `row`: 0-based row of its table; a merged cell is given once, at its first row (or left out). */
export type SheetRow = { row: number; cells: SheetCell[] };
/** One table of a .docx, or one worksheet; `name` is the sheet's name or the table's number. */
export type SheetTable = { name: string; rows: SheetRow[] };
export type ScoreSheet = {
  tables: SheetTable[] /** Paragraphs before the table (the title). */;
  lines: string[];
};

export type SheetMeta = {
  id?: string | undefined;
  name?: string | undefined;
  region?: string | undefined;
  year?: number | undefined;
  reportYear?: number | undefined;
  kind?: FrameworkKind | undefined;
};

type Role = 'level1' | 'level2' | 'level3' | 'level4' | 'weight' | 'criteria' | 'definition' | 'ignored';
/** A column: its role; a weight column, the level it weighs (null: the deepest level of the row). */
export type SheetColumn = { column: number; header: string; role: Role; level: number | null };

export type SheetImport = {
  framework: Framework;
  /** Every problem of the sheet and of the tree, errors first. */
  problems: Finding[];
  columns: SheetColumn[];
  /** The table read (its name), null when none has the columns of a score sheet. */
  table: string | null;
  /**
   * Nodes (as index paths into `indicators` and `children`) whose weight the sheet does not state: the sum
   * of their children, to be summed again when a child's weight is corrected.
   */
  derived: number[][];
};

const squash = (s: string): string => s.replace(/[\s\u3000]/gu, '');

const LEVEL_WORDS: [RegExp, Role][] = [
  [/^(一级|第一级)(指标)?(名称)?$/u, 'level1'],
  [/^(二级|第二级)(指标)?(名称)?$/u, 'level2'],
  [/^(三级|第三级)(指标)?(名称)?$/u, 'level3'],
  [/^(四级|第四级)(指标)?(名称)?$/u, 'level4'],
];
const LEVEL_OF: Record<string, number> = { level1: 1, level2: 2, level3: 3, level4: 4 };
const WEIGHT =
  /^(.级指标)?(分值|权重|权重分|标准分|标准分值|满分|分数|指标分值|指标权重|权数)([（(]分[）)])?$/u;
const CRITERIA = /评分标准|评分细则|评分办法|评分方法|计分方法|评分规则|扣分标准|评分要点|评价标准|评分依据/u;
const DEFINITION = /指标解释|指标说明|指标内涵|指标释义|指标含义|^解释$|^说明$|评价要点|考核内容/u;
const IGNORED =
  /^(序号|编号|得分|自评得分|评价得分|实际得分|备注|数据来源|佐证材料|证明材料|扣分原因|扣分说明)$/u;

const roleOf = (header: string): { role: Role; level: number | null } | null => {
  const h = squash(header).replace(/[（(].*?[）)]$/u, (m) => (/分/u.test(m) ? m : ''));
  for (const [re, role] of LEVEL_WORDS) if (re.test(h)) return { role, level: null };
  const w = h.match(WEIGHT);
  if (w) {
    const lv = w[1] ? '一二三四'.indexOf(w[1][0]!) + 1 : 0;
    return { role: 'weight', level: lv > 0 ? lv : null };
  }
  if (CRITERIA.test(h)) return { role: 'criteria', level: null };
  if (DEFINITION.test(h)) return { role: 'definition', level: null };
  if (IGNORED.test(h)) return { role: 'ignored', level: null };
  return null;
};

const levelsIn = (row: SheetRow): number =>
  row.cells.filter((c) => {
    const r = roleOf(c.text);
    return r?.role.startsWith('level') === true;
  }).length;

/** The header row: the first with two level columns (or one and a 分值 column). */
const findHeader = (t: SheetTable): number =>
  t.rows.findIndex((r) => {
    const n = levelsIn(r);
    return n >= 2 || (n === 1 && r.cells.some((c) => roleOf(c.text)?.role === 'weight'));
  });

const problem = (
  rule: string,
  severity: Finding['severity'],
  message: string,
  more: Partial<Finding> = {},
): Finding => ({ rule: `sheet.${rule}`, severity, message, ...more });

/**
 * The columns of a header row. A weight column weighs the level it names (一级指标分值), else the level
 * column right before it when every level has one, else the deepest level of each row.
 */
const columnsOf = (header: SheetRow, above: SheetRow | undefined, out: Finding[]): SheetColumn[] => {
  const cols: SheetColumn[] = [];
  const texts = new Map<number, string>();
  for (const c of above?.cells ?? []) if (c.text.trim()) texts.set(c.column, c.text);
  for (const c of header.cells) if (c.text.trim()) texts.set(c.column, c.text);
  for (const [column, text] of [...texts].sort((a, b) => a[0] - b[0])) {
    const r = roleOf(text);
    if (r) cols.push({ column, header: squash(text), role: r.role, level: r.level });
    else
      out.push(
        problem('unknown-column', 'warning', `未识别的列「${squash(text)}」（第 ${column + 1} 列），已忽略`),
      );
  }
  const levels = cols.filter((c) => c.role.startsWith('level'));
  const weights = cols.filter((c) => c.role === 'weight' && c.level === null);
  if (weights.length > 1) {
    // One weight column per level: each weighs the level column before it.
    for (const w of weights) {
      const before = levels.filter((l) => l.column < w.column).at(-1);
      w.level = before ? LEVEL_OF[before.role]! : null;
    }
  }
  return cols;
};

const NUMBERING =
  /^(第?[一二三四五六七八九十]+[、.．)）]|[（(][一二三四五六七八九十\d]+[)）]|\d+(\.\d+)*[、.．)）]?(?=\D))\s*/u;
const EMBEDDED_WEIGHT = /^(.*?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]$/u;
const NUMBER = /^[+]?(\d+(?:\.\d+)?)\s*分?$/u;

/** A name cell: its name without numbering, and a weight written into it (投入（20分）). */
const nameCell = (text: string): { name: string; weight: string | null } => {
  const t = text.replace(/\s+/gu, ' ').trim();
  const m = t.match(EMBEDDED_WEIGHT);
  const name = (m ? m[1]! : t).replace(NUMBERING, '').trim();
  return { name: name || t, weight: m ? m[2]! : null };
};

const weightOf = (text: string): { ok: true; value: string | null } | { ok: false } => {
  const t = squash(text);
  if (t === '' || t === '-' || t === '—' || t === '/') return { ok: true, value: null };
  const m = t.match(NUMBER);
  return m ? { ok: true, value: dec(m[1]!).toFixed() } : { ok: false };
};

const LESS = /越低越好|越小越好|越少越好|越短越好|反向指标|逆向指标/u;
const MORE = /越高越好|越大越好|越多越好|正向指标/u;
const betterOf = (...texts: (string | undefined)[]): IndicatorBetter | undefined => {
  const t = texts.filter(Boolean).join(' ');
  if (LESS.test(t)) return 'less';
  if (MORE.test(t)) return 'more';
  return undefined;
};

const TOTAL_ROW = /^(合计|总计|总分|满分|分值合计)$/u;

type Draft = {
  name: string;
  weight: string | null;
  /** Where its weight was read, for a message that differs. */
  weightRow: number | null;
  criteria: string[];
  definition: string[];
  children: Draft[];
  row: number;
};

const newDraft = (name: string, row: number): Draft => ({
  name,
  weight: null,
  weightRow: null,
  criteria: [],
  definition: [],
  children: [],
  row,
});

const sumOf = (xs: readonly Draft[]): string | null =>
  xs.every((x) => x.weight !== null) && xs.length > 0
    ? xs.reduce((a, x) => a.plus(dec(x.weight!)), dec(0)).toFixed()
    : null;

/** A draft node into a framework node; a parent without a weight of its own weighs its children's sum. */
const toNode = (
  d: Draft,
  out: Finding[],
  path: string[],
  at: number[],
  ctx: { unreadable: ReadonlySet<Draft>; derived: number[][] },
): FrameworkNode => {
  const { unreadable } = ctx;
  const here = [...path, d.name];
  const children = d.children.map((c, i) => toNode(c, out, here, [...at, i], ctx));
  let weight = d.weight;
  if (weight === null && children.length > 0) ctx.derived.push(at);
  if (weight === null && children.length > 0)
    weight = sumOf(d.children.map((c, i) => ({ ...c, weight: children[i]!.weight })));
  if (weight === null && !unreadable.has(d)) {
    out.push(
      problem('missing-weight', 'error', `第 ${d.row + 1} 行「${here.join(' / ')}」没有分值`, {
        expected: '分值',
      }),
    );
  }
  weight ??= '0';
  const criteria = d.criteria.join('\n').trim();
  const definition = d.definition.join('\n').trim();
  const better = betterOf(definition, criteria);
  return {
    name: d.name,
    weight,
    ...(definition ? { definition } : {}),
    ...(criteria ? { criteria } : {}),
    ...(better ? { better } : {}),
    ...(children.length ? { children } : { rule: { kind: 'manual' as const } }),
  };
};

const KIND_WORDS: [RegExp, FrameworkKind][] = [
  [/项目/u, 'project'],
  [/部门|单位整体|整体支出/u, 'department'],
];

/** Name, year and kind from the title above the table (2024年度部门整体支出绩效评价指标体系). */
const titleOf = (lines: readonly string[]): { name?: string; year?: number; kind?: FrameworkKind } => {
  const title = lines.map(squash).find((l) => /指标体系|评分表|评价指标|指标框架|评分标准/u.test(l));
  if (!title) return {};
  const y = title.match(/(20\d\d)\s*年/u);
  const kind = KIND_WORDS.find(([re]) => re.test(title))?.[1];
  return { name: title, ...(y ? { year: Number(y[1]) } : {}), ...(kind ? { kind } : {}) };
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The weights of `derived` nodes summed again from their children (deepest first), after a correction:
 * a parent the sheet gives no score of its own follows its children.
 */
export const resumDerived = (f: Framework, derived: readonly number[][]): Framework => {
  const copy: Framework = structuredClone(f);
  for (const at of [...derived].sort((a, b) => b.length - a.length)) {
    let node: FrameworkNode | undefined = copy.indicators[at[0]!];
    for (const i of at.slice(1)) node = node?.children?.[i];
    const kids = node?.children ?? [];
    if (!node || kids.length === 0 || !kids.every((k) => /^\d+(\.\d+)?$/u.test(k.weight))) continue;
    node.weight = kids.reduce((a, k) => a.plus(dec(k.weight)), dec(0)).toFixed();
  }
  return copy;
};

/** The sheet's tree as a framework draft, and every problem of it. */
export const importScoreSheet = (sheet: ScoreSheet, meta: SheetMeta = {}): SheetImport => {
  const out: Finding[] = [];
  let table: SheetTable | undefined;
  let headerAt = -1;
  for (const t of sheet.tables) {
    headerAt = findHeader(t);
    if (headerAt >= 0) {
      table = t;
      break;
    }
  }
  const lines = [...sheet.lines];
  if (table) for (const r of table.rows.slice(0, headerAt)) for (const c of r.cells) lines.push(c.text);
  const title = titleOf(lines);
  const year = meta.year ?? title.year ?? new Date().getFullYear();
  const kind = meta.kind ?? title.kind ?? 'department';
  const base = {
    id: meta.id ?? `bureau-${year}-${kind}`,
    name: meta.name ?? title.name ?? `${year}年度评分表`,
    region: meta.region ?? '本地区',
    year,
    ...(meta.reportYear !== undefined ? { reportYear: meta.reportYear } : {}),
    kind,
    version: `${year}.1`,
  };
  if (!table) {
    out.push(
      problem(
        'no-table',
        'error',
        '没有找到评分表：表格应有“一级指标”“二级指标”（或“三级指标”）和“分值”等列',
      ),
    );
    return {
      framework: { ...base, total: '100', indicators: [] },
      problems: out,
      columns: [],
      table: null,
      derived: [],
    };
  }
  const header = table.rows[headerAt]!;
  const columns = columnsOf(header, table.rows[headerAt - 1], out);
  const levelCols = columns
    .filter((c) => c.role.startsWith('level'))
    .map((c) => ({ ...c, n: LEVEL_OF[c.role]! }))
    .sort((a, b) => a.n - b.n);
  if (levelCols.some((c) => c.n === 4))
    out.push(problem('depth', 'error', '评分表有四级指标；指标体系最多三级，请合并到三级'));
  const weightCols = columns.filter((c) => c.role === 'weight');
  if (weightCols.length === 0)
    out.push(problem('no-weight-column', 'error', '没有找到“分值”（或“权重”）列，无法确定各指标的分值'));
  const at = (row: SheetRow, column: number): SheetCell | undefined =>
    row.cells.find((c) => c.column === column);
  const textAt = (row: SheetRow, column: number): string => at(row, column)?.text.trim() ?? '';

  const roots: Draft[] = [];
  /** Nodes whose weight was written but is not a number: said once, not again as missing. */
  const unreadable = new Set<Draft>();
  /** The node open at each level (1-based index), by the rows above. */
  const open: (Draft | undefined)[] = [];
  let statedTotal: { value: string; row: number } | null = null;

  const setWeight = (d: Draft, value: string, row: number): void => {
    if (d.weight === null) {
      d.weight = value;
      d.weightRow = row;
    } else if (!dec(d.weight).eq(dec(value))) {
      out.push(
        problem(
          'weight-conflict',
          'error',
          `「${d.name}」的分值前后不一致：第 ${(d.weightRow ?? 0) + 1} 行为 ${d.weight} 分，第 ${row + 1} 行为 ${value} 分`,
          { expected: d.weight, actual: value },
        ),
      );
    }
  };

  for (const row of table.rows.slice(headerAt + 1)) {
    const texts = row.cells.map((c) => c.text.trim()).filter(Boolean);
    if (texts.length === 0) continue;
    // 合计 / 总分 row: the total the sheet states.
    if (TOTAL_ROW.test(squash(texts[0]!))) {
      const w = weightCols.map((c) => weightOf(textAt(row, c.column))).find((x) => x.ok && x.value !== null);
      const n = texts
        .slice(1)
        .map(weightOf)
        .find((x) => x.ok && x.value !== null);
      const got = w ?? n;
      if (got?.ok && got.value) statedTotal = { value: got.value, row: row.row };
      continue;
    }
    // Names of this row per level: a blank or merged level cell continues the one above.
    let deepest = 0;
    const names: ({ name: string; weight: string | null } | null)[] = [];
    for (const c of levelCols) {
      const t = textAt(row, c.column);
      names[c.n] = t ? nameCell(t) : null;
      if (t) deepest = c.n;
    }
    if (deepest === 0) {
      const w = weightCols.map((c) => textAt(row, c.column)).find(Boolean);
      if (w) out.push(problem('missing-name', 'error', `第 ${row.row + 1} 行有分值「${w}」，但没有指标名称`));
      // A row of criteria only: it continues the open leaf's criteria.
      const leaf = open.slice(1).filter(Boolean).at(-1);
      if (leaf) {
        for (const c of columns) {
          const t = textAt(row, c.column);
          if (!t) continue;
          if (c.role === 'criteria') leaf.criteria.push(t);
          if (c.role === 'definition') leaf.definition.push(t);
        }
      }
      continue;
    }
    // Open or continue the node of each level down to the deepest named one.
    let parent: Draft | undefined;
    let orphan = false;
    for (let lv = 1; lv <= deepest; lv++) {
      const named = names[lv];
      const siblings = parent ? parent.children : roots;
      const current = open[lv];
      if (named) {
        // The same name right below: the same node (a sheet that repeats names instead of merging) — but a
        // row's own indicator written twice with a score each time is two indicators of one name.
        const again = lv === deepest && weightCols.some((c) => textAt(row, c.column) !== '');
        let node =
          current && current.name === named.name && siblings.includes(current) && !again
            ? current
            : undefined;
        if (!node) {
          node = newDraft(named.name, row.row);
          siblings.push(node);
          open[lv] = node;
          for (let k = lv + 1; k < open.length; k++) open[k] = undefined;
        }
        if (named.weight) setWeight(node, named.weight, row.row);
        parent = node;
      } else if (current && siblings.includes(current)) {
        parent = current;
      } else if (lv === 1) {
        out.push(
          problem('orphan', 'error', `第 ${row.row + 1} 行的指标「${names[deepest]?.name}」上面没有一级指标`),
        );
        orphan = true;
        break;
      } else if (levelCols.some((c) => c.n === lv)) {
        out.push(
          problem(
            'skipped-level',
            'warning',
            `第 ${row.row + 1} 行的指标「${names[deepest]?.name}」没有${'一二三'[lv - 1]}级指标，已放在「${parent?.name}」之下`,
          ),
        );
        for (let k = lv; k < open.length; k++) if (k < deepest) open[k] = undefined;
      }
    }
    if (orphan) continue;
    if (!parent) continue;
    // This row's weights: per level where the sheet has one column per level, else the deepest.
    for (const c of weightCols) {
      const raw = textAt(row, c.column);
      const w = weightOf(raw);
      const lv = c.level ?? deepest;
      const target = lv === deepest ? parent : open[lv];
      if (!w.ok) {
        if (target) unreadable.add(target);
        out.push(
          problem(
            'bad-weight',
            'error',
            `第 ${row.row + 1} 行「${target?.name ?? parent.name}」的分值「${raw}」不是数字`,
            { actual: raw },
          ),
        );
        continue;
      }
      if (w.value === null || !target) continue;
      setWeight(target, w.value, row.row);
    }
    for (const c of columns) {
      const t = textAt(row, c.column);
      if (!t) continue;
      if (c.role === 'criteria') parent.criteria.push(t);
      if (c.role === 'definition') parent.definition.push(t);
    }
  }

  const derived: number[][] = [];
  const indicators = roots.map((r, i) => toNode(r, out, [], [i], { unreadable, derived }));
  const total = statedTotal?.value ?? '100';
  if (indicators.length === 0 && table) out.push(problem('empty', 'error', '评分表中没有读到任何指标'));
  const framework: Framework = { ...base, total, indicators };
  if (indicators.length > 0) {
    for (const p of checkFramework(framework)) {
      // The framework's own wording, with the sheet's: 合计 is the sheet's total.
      out.push(
        p.rule === 'framework.total' && !statedTotal
          ? { ...p, message: `${p.message}（评分表没有“合计”行，按 100 分核对）` }
          : p,
      );
    }
  }
  const leaves = countLeaves(indicators);
  const withoutCriteria = leaves.filter((n) => !n.criteria).map((n) => n.name);
  if (columns.some((c) => c.role === 'criteria') && withoutCriteria.length > 0)
    out.push(
      problem(
        'no-criteria',
        'warning',
        `${withoutCriteria.length} 个末级指标没有评分标准：${withoutCriteria.slice(0, 5).join('、')}${withoutCriteria.length > 5 ? ' 等' : ''}`,
      ),
    );
  const problems = out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
  return { framework, problems, columns, table: table.name, derived };
};

const countLeaves = (nodes: readonly FrameworkNode[]): FrameworkNode[] =>
  nodes.flatMap((n) => (n.children?.length ? countLeaves(n.children) : [n]));
