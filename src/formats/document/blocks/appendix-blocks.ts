/**
 * 附表 绩效自评评分表: the scored indicator tree as one table, parents as merged cells over their
 * items (一级 and 二级 rows span their children; an item without sub-items spans the columns to its
 * right). A derived view of section 三: the .docx reader skips it like the error page.
 */
import { dec, decString } from '../../../core/decimal.ts';
import type { DepartmentReport, IndicatorNode } from '../../../core/model/index.ts';
import { type Block, type Cell, tableNumber } from './blocks.ts';
import type { ScoredNode, Scores } from './render-input.ts';

const leafCount = (n: IndicatorNode): number =>
  n.children.length ? n.children.reduce((s, c) => s + leafCount(c), 0) : 1;

const scoreOf = (n: IndicatorNode, s: ScoredNode | undefined): string | null =>
  s?.score ?? n.statedScore?.value ?? null;

const nameCell = (n: IndicatorNode, s: ScoredNode | undefined, parent: boolean): Cell => {
  if (!parent) return { text: n.name };
  const facts = [
    n.weight ? `分值${n.weight.value}` : '',
    scoreOf(n, s) !== null ? `得分${scoreOf(n, s)}` : '',
  ]
    .filter(Boolean)
    .join('，');
  return { text: facts ? `${n.name}（${facts}）` : n.name, rowSpan: leafCount(n), strong: n.level === 1 };
};

const rowsOf = (n: IndicatorNode, s: ScoredNode | undefined, column: number, lead: Cell[]): Cell[][] => {
  if (!n.children.length) {
    const score = scoreOf(n, s);
    return [
      [
        ...lead,
        { text: n.name, colSpan: 3 - column },
        n.weight ? { text: tableNumber(n.weight.value), number: n.weight.value } : { text: '' },
        score !== null ? { text: tableNumber(score), number: score } : { text: '' },
      ],
    ];
  }
  const out: Cell[][] = [];
  n.children.forEach((c, i) => {
    const head = i === 0 ? [...lead, nameCell(n, s, true)] : [];
    out.push(...rowsOf(c, s?.children[i], column + 1, head));
  });
  return out;
};

export const appendixBlocks = (r: DepartmentReport, scores?: Scores): Block[] => {
  if (!r.indicators.length) return [];
  const rows = r.indicators.flatMap((n, i) => rowsOf(n, scores?.indicators[i], 0, []));
  const total = (xs: (string | null | undefined)[]) => decString(xs.reduce((a, x) => a.plus(x ?? 0), dec(0)));
  const weight = total(r.indicators.map((n) => n.weight?.value));
  const score = scores?.total ?? total(r.indicators.map((n, i) => scoreOf(n, scores?.indicators[i])));
  const grade = (scores && (scores.gradeLabel ?? scores.grade)) ?? r.conclusion?.statedGrade?.value;
  rows.push([
    { text: grade ? `合计（等级：${grade}）` : '合计', colSpan: 3, strong: true },
    { text: tableNumber(weight), number: weight, strong: true },
    { text: tableNumber(score), number: score, strong: true },
  ]);
  return [
    {
      kind: 'appendix',
      title: '附表：部门整体支出绩效自评评分表',
      table: {
        kind: 'table',
        id: 'indicators',
        widths: [22, 22, 30, 13, 13],
        header: [
          ['一级指标', '二级指标', '三级指标', '分值', '得分'].map((text) => ({ text, strong: true })),
        ],
        rows,
      },
    },
  ];
};
