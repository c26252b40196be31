/**
 * Figures attributed to another year than the report's: an indicator input said to be of the previous
 * year, a finance sentence of another year, staffing counted at a date before the year.
 */
import { decString } from '../decimal.ts';
import { type Finding, finding } from '../findings.ts';
import { INPUT_TERMS } from '../glossary.ts';
import type { DepartmentReport, IndicatorNode, Source } from '../model/index.ts';
import { at } from './support.ts';

const walk = (nodes: readonly IndicatorNode[], f: (n: IndicatorNode) => void): void => {
  for (const n of nodes) {
    f(n);
    walk(n.children, f);
  }
};

export const periodRules = (report: DepartmentReport): Finding[] => {
  const year = report.year?.value;
  if (!year) return [];
  const out: Finding[] = [];
  walk(report.indicators, (n) => {
    for (const i of n.inputs) {
      if (i.year === null || i.year === year) continue;
      // A scoring input of another year is a reviewer's question; any other figure only worth a note.
      out.push(
        finding('period.input-year', {
          severity: Object.hasOwn(INPUT_TERMS, i.key) ? 'warning' : 'info',
          message: `${n.label ?? ''}${n.name}：评分依据“${i.name} ${decString(i.value)}${i.unit ?? ''}”写的是${i.year}年的数据，而本报告评价的是${year}年度`,
          expected: String(year),
          actual: String(i.year),
          locations: at(i.src, report.year?.src),
        }),
      );
    }
  });
  const sections: [string, { value: number; src?: Source | undefined } | null | undefined][] = [
    ['部门整体收入情况', report.income?.year],
    ['部门整体支出情况', report.expenditure?.year],
    ['三公经费支出情况', report.threePublic?.year],
  ];
  // Tables whose title names a year: 2022年部门整体支出 in a report of 2023.
  const titles: [string, { value: string; src?: Source | undefined } | null | undefined][] = [
    ['部门整体支出表', report.expenditureTable?.title],
    ['绩效目标表', report.targets?.title],
    ['绩效目标实现情况表', report.achievements?.title],
  ];
  for (const [what, title] of titles) {
    const m = title ? /(\d{4})\s*年/u.exec(title.value) : null;
    if (m) sections.push([`${what}“${title!.value}”`, { value: Number(m[1]), src: title!.src }]);
  }
  for (const [what, y] of sections) {
    if (!y || y.value === year) continue;
    out.push(
      finding('period.figure-year', {
        message: `${what}写的是${y.value}年的数据，而本报告评价的是${year}年度`,
        expected: String(year),
        actual: String(y.value),
        locations: at(y.src, report.year?.src),
      }),
    );
  }
  const asOf = report.staffing.asOf;
  const m = asOf ? /^(\d{4})-(\d{2})-(\d{2})$/u.exec(asOf.value) : null;
  if (asOf && m) {
    const y = Number(m[1]);
    // 截止上年12月31日 is the start of the year: usual enough to mention, not to question.
    const yearStart = y === year - 1 && m[2] === '12' && m[3] === '31';
    if (y < year) {
      out.push(
        finding('period.staffing-as-of', {
          severity: yearStart ? 'info' : 'warning',
          message: `人员编制情况截止${y}年${Number(m[2])}月${Number(m[3])}日，早于评价年度${year}年${yearStart ? '（为年初数，非年末数）' : ''}`,
          expected: `${year}-12-31`,
          actual: asOf.value,
          locations: at(asOf.src, report.year?.src),
        }),
      );
    }
  }
  return out;
};
