import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanReport, node } from '../../../test/support/reports/clean-report.ts';
import { dec, roundHalfUp, sum } from '../decimal.ts';
import type { IndicatorNode } from '../model/index.ts';
import { auditReport } from './index.ts';

const find = (nodes: readonly IndicatorNode[], name: string): IndicatorNode => {
  for (const n of nodes) {
    if (n.name === name) return n;
    const hit = n.children.length ? findOrNull(n.children, name) : null;
    if (hit) return hit;
  }
  throw new Error(name);
};
const findOrNull = (nodes: readonly IndicatorNode[], name: string): IndicatorNode | null => {
  try {
    return find(nodes, name);
  } catch {
    return null;
  }
};
const errors = (r: ReturnType<typeof cleanReport>) =>
  auditReport(r)
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.rule}:${f.severity}`);

describe('score tree', () => {
  it('blames a wrong subtotal once, not the parent that sums the right value', () => {
    const r = cleanReport();
    find(r.indicators, '资金管理').statedScore!.value = '17.83';
    expect(errors(r)).toEqual(['score.subtotal:error']);
  });

  it('blames a parent that inherits a wrong subtotal only once', () => {
    const r = cleanReport();
    find(r.indicators, '资金管理').statedScore!.value = '17.83';
    find(r.indicators, '预算执行').statedScore!.value = '36.83';
    r.conclusion!.statedTotal!.value = '91.7';
    expect(errors(r)).toEqual(['score.subtotal:error']);
  });

  it('blames a leaf whose inputs give another score, not its parent', () => {
    const r = cleanReport();
    find(r.indicators, '政府采购执行情况').statedScore!.value = '3.89';
    expect(errors(r)).toEqual(['score.leaf-inputs:warning']);
  });

  it('blames a leaf above its weight, not the sum it breaks', () => {
    const r = cleanReport();
    find(r.indicators, '资金下达合规性').statedScore!.value = '3';
    expect(errors(r)).toEqual(['score.range:error']);
  });

  it('checks the grade against the stated total', () => {
    const r = cleanReport();
    r.conclusion!.statedGrade!.value = '良';
    expect(errors(r)).toEqual(['score.grade:error']);
  });

  it('calls a total shown with one decimal less 尾差 (info)', () => {
    const r = cleanReport();
    find(r.indicators, '项目监管').statedScore!.value = '2.96';
    find(r.indicators, '项目管理').statedScore!.value = '7.46';
    find(r.indicators, '预算执行').statedScore!.value = '37.79';
    // 18.5 + 37.79 + 36.37 = 92.66, shown as 92.7
    const f = auditReport(r).filter((x) => x.rule === 'score.total');
    expect(f.map((x) => x.severity)).toEqual(['info']);
  });

  it('finds nothing in any consistent random tree', () => {
    const leaf = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 100 }))
      .map(([w, pct]) => ({ w: String(w), s: roundHalfUp(dec(w).times(pct).div(100), 2).toFixed() }));
    fc.assert(
      fc.property(
        fc.array(fc.array(leaf, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        (groups) => {
          const r = cleanReport();
          const level2 = groups.map((g, i) => {
            const kids = g.map((l, j) => node(3, `指标${i}-${j}`, l.w, l.s));
            return node(2, `二级${i}`, sum(g.map((l) => l.w)).toFixed(), sum(g.map((l) => l.s)).toFixed(), {
              children: kids,
            });
          });
          const w = sum(level2.map((n) => n.weight!.value));
          const s = sum(level2.map((n) => n.statedScore!.value));
          r.indicators = [
            node(1, '一级', w.toFixed(), s.toFixed(), { children: level2 }),
            node(1, '其余', dec(100).minus(w).toFixed(), '0'),
          ];
          r.conclusion!.statedTotal!.value = s.toFixed();
          r.conclusion!.statedGrade!.value = s.gte(90) ? '优' : s.gte(80) ? '良' : s.gte(60) ? '中' : '差';
          r.achievements = null;
          r.targets = null;
          expect(auditReport(r).filter((f) => f.rule.startsWith('score.'))).toEqual([]);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('quantitative leaves', () => {
  it('accepts a score rounded to the places the report writes (9.947 → 9.9)', () => {
    const r = cleanReport();
    const leaf = find(r.indicators, '部门预算资金支出完成率');
    leaf.inputs[0]!.value = '99.47';
    leaf.weight!.value = '10';
    leaf.statedScore!.value = '9.9';
    const f = auditReport(r).filter((x) => x.rule === 'score.leaf-inputs');
    expect(f).toEqual([]);
  });

  it('infers no rule for a level-1 heading that merely quotes a rate', () => {
    const r = cleanReport();
    const top = r.indicators[1]!;
    top.inputs = [{ key: 'budgetCompletionRate', name: '预算执行率', value: '50', unit: '%', year: null }];
    r.indicators = [r.indicators[0]!, { ...top, children: [] }, r.indicators[2]!];
    expect(auditReport(r).filter((x) => x.rule === 'score.leaf-inputs')).toEqual([]);
  });
});

describe('stated target counts', () => {
  it('counts the target table when there is no achievement table', () => {
    const r = cleanReport();
    r.achievements = null;
    expect(auditReport(r).filter((f) => f.severity === 'error')).toEqual([]);
    r.targets!.rows.pop();
    expect(auditReport(r).map((f) => f.rule)).toContain('score.targets-total');
  });
});

describe('any one wrong stated score', () => {
  it('is at most one error, and some finding points at it', () => {
    const all = (nodes: readonly IndicatorNode[]): IndicatorNode[] =>
      nodes.flatMap((n) => [n, ...all(n.children)]);
    const count = all(cleanReport().indicators).length;
    fc.assert(
      fc.property(fc.nat(count - 1), fc.integer({ min: 1, max: 30 }), fc.boolean(), (i, tenths, up) => {
        const r = cleanReport();
        const n = all(r.indicators)[i]!;
        const s = dec(n.statedScore!.value);
        const delta = dec(tenths).div(10);
        n.statedScore!.value = (up || s.lt(delta) ? s.plus(delta) : s.minus(delta)).toFixed();
        const findings = auditReport(r).filter((f) => f.severity !== 'info');
        expect(findings.filter((f) => f.severity === 'error').length).toBeLessThanOrEqual(1);
        expect(findings.some((f) => f.locations?.includes(n.statedScore!.src!))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
