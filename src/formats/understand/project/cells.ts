/** Cell values of a project form: amounts, rates, scores and measures, each with its source. */
import type { Finding } from '../../../core/findings.ts';
import type { Comparator, DecimalFact, Measure, TextFact } from '../../../core/model/index.ts';
import { decimalOf, parseMeasure } from '../numbers.ts';
import type { Cell } from './grid.ts';

/** Cells that mean "nothing here": empty, a dash, a slash, 无. */
const NOTHING = /^(?:|[-—–－/／\\]+|无|不适用)$/;

export const isBlank = (c: Cell | undefined): boolean => !c || NOTHING.test(c.key);

/** Reads cells, collecting a warning for each one that should hold a number and does not. */
export class CellReader {
  readonly warnings: Finding[] = [];

  /** A decimal cell ("1,234.50", "95.2%", "10分"); null for blank cells and, with a warning, for text. */
  decimal(c: Cell | undefined, what: string): DecimalFact | null {
    if (!c || isBlank(c)) return null;
    const v = decimalOf(c.text.replace(/[%％]$|分$|万元$/, ''));
    if (v === null) {
      this.warnings.push({
        rule: 'read.project-not-a-number',
        severity: 'warning',
        message: `${what}「${c.text}」不是数字，按未填写处理`,
        locations: [c.src],
      });
      return null;
    }
    return { value: v, src: c.src };
  }

  text(c: Cell | undefined): TextFact | null {
    if (!c || isBlank(c)) return null;
    return { value: c.text, src: c.src };
  }

  missing(rule: string, message: string, at?: Cell): void {
    this.warnings.push({ rule, severity: 'warning', message, ...(at ? { locations: [at.src] } : {}) });
  }
}

const OPS: readonly [RegExp, Comparator][] = [
  [/^(?:≥|>=|＞=|≧|大于等于|不低于|正向)$/, '≥'],
  [/^(?:≤|<=|＜=|≦|小于等于|不高于|反向)$/, '≤'],
  [/^(?:=|＝|等于)$/, '='],
  [/^(?:>|＞|大于)$/, '>'],
  [/^(?:<|＜|小于)$/, '<'],
];

/** The 指标性质 column of the Sichuan layout: a comparator, or null (定性, blank). */
export const comparatorOf = (key: string): Comparator | null => OPS.find(([re]) => re.test(key))?.[1] ?? null;

/** A measure cell as written ("≥50个", "效果明显"); an empty measure when the cell is missing. */
export const measureOf = (c: Cell | undefined): Measure => {
  if (!c) return { text: '', op: null, value: null, unit: null };
  return { ...parseMeasure(c.text), src: c.src };
};

/**
 * The Sichuan target: 指标性质, 指标值 and 度量单位 in three cells. `text` stays the 指标值 cell as written;
 * the comparator and unit come from their own columns when they are filled.
 */
export const splitMeasure = (
  op: Cell | undefined,
  value: Cell | undefined,
  unit: Cell | undefined,
): Measure => {
  const m = measureOf(value);
  const u = unit && !isBlank(unit) ? unit.text : null;
  return { ...m, op: (op ? comparatorOf(op.key) : null) ?? m.op, unit: u ?? m.unit };
};
