/** Invariants of the engine over random frameworks and reports (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { input, node } from '../../../test/support/reports/build.ts';
import { emptyReport } from '../../../test/support/reports/scoring-sample.ts';
import { dec, decimalPlaces, sum } from '../decimal.ts';
import type { Rule } from '../framework/rule-schema.ts';
import { DEFAULT_GRADE_BANDS, type Framework, type FrameworkNode } from '../framework/schema.ts';
import { validateFramework } from '../framework/validate.ts';
import { GRADES, type IndicatorNode } from '../model/index.ts';
import { gradeOf } from './grade.ts';
import { scoreReport } from './score-report.ts';
import type { ScoredNode } from './types.ts';

const cents = (n: number): string => dec(n).div(100).toFixed();

const leafRule: fc.Arbitrary<Rule> = fc.constantFrom<Rule>(
  { kind: 'manual' },
  { kind: 'rate', input: 'procurementRate' },
  { kind: 'rate', input: 'budgetCompletionRate', zeroBelow: '50' },
  {
    kind: 'threshold-steps',
    input: 'carryOverRate',
    steps: [
      { op: '≤', value: '5', ratio: '1' },
      { op: '≤', value: '10', ratio: '0.5' },
    ],
  },
  { kind: 'not-exceed', checks: [{ actual: 'threePublicActual', limit: 'threePublicBudget' }] },
  { kind: 'target-completion' },
);

/** A tree of up to three levels whose parents' weights are the sums of their children's. */
const nodeArb = (depth: number, prefix: string): fc.Arbitrary<FrameworkNode> =>
  depth >= 3
    ? fc.record({ w: fc.integer({ min: 1, max: 2000 }), rule: leafRule }).map(({ w, rule }) => ({
        name: `${prefix}`,
        weight: cents(w),
        rule,
      }))
    : fc.oneof(
        fc.record({ w: fc.integer({ min: 1, max: 2000 }), rule: leafRule }).map(({ w, rule }) => ({
          name: prefix,
          weight: cents(w),
          rule,
        })),
        fc.integer({ min: 1, max: 3 }).chain((n) =>
          fc
            .tuple(...Array.from({ length: n }, (_, i) => nodeArb(depth + 1, `${prefix}-${i}`)))
            .map((children) => ({
              name: prefix,
              weight: sum(children.map((c) => c.weight)).toFixed(),
              children,
            })),
        ),
      );

const frameworkArb: fc.Arbitrary<Framework> = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => nodeArb(1, `指标${i}`))))
  .map((indicators) => ({
    id: 'random',
    name: 'random',
    region: 'x',
    year: 2024,
    kind: 'department',
    version: '1',
    total: sum(indicators.map((n) => n.weight)).toFixed(),
    indicators,
  }));

const scoreArb = fc.integer({ min: -200, max: 3000 }).map(cents);

/** A report mirroring the framework's headings, with random stated scores and inputs. */
const reportFor = (f: Framework) =>
  fc
    .record({
      scores: fc.array(scoreArb, { minLength: 64, maxLength: 64 }),
      rate: fc.integer({ min: -1000, max: 25000 }).map(cents),
      carry: fc.integer({ min: 0, max: 3000 }).map(cents),
      spent: fc.integer({ min: 0, max: 20000 }).map(cents),
      budget: fc.integer({ min: 1, max: 20000 }).map(cents),
    })
    .map(({ scores, rate, carry, spent, budget }) => {
      let i = 0;
      const mirror = (n: FrameworkNode, level: number): IndicatorNode =>
        node(Math.min(level, 3) as 1 | 2 | 3, n.name, n.weight, scores[i++ % scores.length]!, {
          inputs: n.rule
            ? [
                input('procurementRate', '政府采购执行率', rate),
                input('budgetCompletionRate', '预算执行率', rate),
                input('carryOverRate', '结转结余率', carry),
                input('threePublicActual', '三公经费实际支出', spent, '万元'),
                input('threePublicBudget', '三公经费预算', budget, '万元'),
                input('targetCompletionRate', '目标完成率', rate),
              ]
            : [],
          children: (n.children ?? []).map((c) => mirror(c, level + 1)),
        });
      return { ...emptyReport(), indicators: f.indicators.map((n) => mirror(n, 1)) };
    });

const leaves = (nodes: readonly ScoredNode[]): ScoredNode[] =>
  nodes.flatMap((n) => (n.children.length ? leaves(n.children) : [n]));
const all = (nodes: readonly ScoredNode[]): ScoredNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);

const pair = frameworkArb.chain((f) => reportFor(f).map((r) => ({ f, r })));

describe('scoring invariants', () => {
  it('generated frameworks are valid', () => {
    fc.assert(fc.property(frameworkArb, (f) => validateFramework(f).ok));
  });

  it('the total is the sum of the rounded leaves, and each parent the sum of its children', () => {
    fc.assert(
      fc.property(pair, ({ f, r }) => {
        const s = scoreReport(r, f);
        const ls = leaves(s.indicators);
        expect(ls.every((l) => decimalPlaces(l.computed) <= 2)).toBe(true);
        expect(dec(s.total).eq(sum(ls.map((l) => l.computed)))).toBe(true);
        for (const n of all(s.indicators)) {
          if (n.children.length)
            expect(dec(n.computed).eq(sum(n.children.map((c) => c.computed)))).toBe(true);
        }
      }),
    );
  });

  it('no score is below 0 or above its weight', () => {
    fc.assert(
      fc.property(pair, ({ f, r }) => {
        for (const n of all(scoreReport(r, f).indicators)) {
          expect(dec(n.computed).gte(0) && dec(n.computed).lte(dec(n.weight))).toBe(true);
        }
      }),
    );
  });

  it('the grade is monotone in the total', () => {
    const rank = (g: string) => GRADES.indexOf(g as (typeof GRADES)[number]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank(gradeOf(cents(hi), DEFAULT_GRADE_BANDS))).toBeLessThanOrEqual(rank(gradeOf(cents(lo))));
      }),
    );
  });

  it('a framework with a weight changed anywhere is rejected with a clear message', () => {
    fc.assert(
      fc.property(frameworkArb, fc.nat(), fc.integer({ min: 1, max: 500 }), (f, pick, delta) => {
        const broken = structuredClone(f);
        const nodes: FrameworkNode[] = [];
        const walk = (ns: FrameworkNode[]) => {
          for (const n of ns) {
            nodes.push(n);
            walk(n.children ?? []);
          }
        };
        walk(broken.indicators);
        const victim = nodes[pick % nodes.length]!;
        victim.weight = dec(victim.weight).plus(cents(delta)).toFixed();
        const r = validateFramework(broken);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.problems.some((p) => /下级指标权重合计|不等于框架总分/.test(p.message))).toBe(true);
        }
      }),
    );
  });
});
