import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goal, measure } from '../../test/support/reports/build.ts';
import { emptyReport } from '../../test/support/reports/scoring-sample.ts';
import { auditReport } from './audit/index.ts';
import { directionByMeaning, readDirection } from './direction.ts';
import type { AchievementRow, DepartmentReport } from './model/index.ts';
import { targetMet } from './scoring/index.ts';

const withGoals = (rows: AchievementRow[]): DepartmentReport => ({
  ...emptyReport(),
  achievements: { title: { value: '绩效目标实现情况表' }, rows },
});

const statusFindings = (rows: AchievementRow[]) =>
  auditReport(withGoals(rows)).filter(
    (f) => f.rule.startsWith('target.status') || f.rule === 'target.direction-unstated',
  );

describe('direction by meaning', () => {
  it('reads less-is-better names, and what was done about them as more-is-better', () => {
    const less = [
      '平均办理天数',
      '“三公”经费支出控制率',
      '审结天数',
      '安全事故发生率',
      '投诉件数',
      '每套平均成本',
      '结转结余率',
      '三公经费变动率',
      '产品不合格率',
    ];
    for (const n of less) expect(directionByMeaning(n)?.direction, n).toBe('less');
    const more = ['投诉办结率', '事故处置率', '成本节约率', '预算执行率', '社会公众满意度', '旅游总收入'];
    for (const n of more) expect(directionByMeaning(n)?.direction, n).toBe('more');
    expect(directionByMeaning('综合指数')).toBeNull();
  });

  it('says where the direction came from: written, meaning, unit, or assumed', () => {
    expect(readDirection('平均办理天数', measure('≥6天'))).toMatchObject({ op: '≥', by: 'written' });
    expect(readDirection('平均办理天数', measure('6天'))).toMatchObject({ op: '≤', by: 'meaning' });
    expect(readDirection('平均办理天数', measure('6天')).reason).toContain('“天数”越低越好');
    expect(readDirection('办件', measure('6个工作日'))).toMatchObject({ op: '≤', by: 'meaning' });
    expect(readDirection('新建基站', measure('179座'))).toMatchObject({ op: '≥', by: 'meaning' });
    expect(readDirection('综合指数', measure('80'))).toMatchObject({ op: '≥', by: 'assumed' });
    expect(readDirection('综合指数', measure('80'), (n) => (n === '综合指数' ? 'less' : null))).toMatchObject(
      { op: '≤', by: 'framework' },
    );
  });
});

describe('target statuses judged by meaning', () => {
  it('consistent less-is-better targets, with and without comparators: no status finding', () => {
    const rows = [
      goal(1, '平均办理天数', '6天', '5天', '完成'),
      goal(2, '“三公”经费支出控制率', '100%', '40.02%', '完成'),
      goal(3, '审结天数', '≤25天', '17天', '完成'),
      goal(4, '安全事故发生率', '0.5%', '0.8%', '未完成'),
      goal(5, '投诉办结率', '95%', '98%', '完成'),
    ];
    expect(statusFindings(rows)).toEqual([]);
    // Scoring reads them the same way: 4 of 5 met.
    expect(rows.map((r) => targetMet(r))).toEqual([true, true, true, false, true]);
  });

  it('every deliberately wrong status is still an error, and says the direction it assumed and why', () => {
    const rows = [
      goal(1, '平均办理天数', '6天', '7天', '完成'),
      goal(2, '“三公”经费支出控制率', '100%', '40.02%', '未完成'),
      goal(3, '审结天数', '≤25天', '30天', '完成'),
      goal(4, '新建通信基站', '179座', '150座', '完成'),
    ];
    const found = statusFindings(rows);
    expect(found.map((f) => [f.rule, f.severity])).toEqual(rows.map(() => ['target.status', 'error']));
    expect(found[0]?.message).toContain('按指标含义（“天数”越低越好');
    expect(found[2]?.message).toContain('按所写“≤”');
  });

  it('a status against an unstated, unguessable direction is at most an info "方向未注明", and scoring keeps the status', () => {
    const rows = [goal(1, '综合指数', '80', '70', '完成')];
    const found = statusFindings(rows);
    expect(found.map((f) => [f.rule, f.severity])).toEqual([['target.direction-unstated', 'info']]);
    expect(found[0]?.message).toContain('方向未注明');
    expect(targetMet(rows[0]!)).toBe(true);
  });

  it('on generated less-is-better tables: 0 false status errors, every flipped status found', () => {
    const names = ['平均办理天数', '审批时长', '投诉件数', '安全事故发生率', '公用经费控制率', '单位成本'];
    const row = fc.record({
      name: fc.constantFrom(...names),
      target: fc.integer({ min: 1, max: 500 }),
      actual: fc.integer({ min: 0, max: 1000 }),
      comparator: fc.constantFrom('', '≤'),
      flip: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (specs) => {
        const rows = specs.map((s, i) => {
          const met = s.actual <= s.target;
          const status = met !== s.flip ? '完成' : '未完成';
          return goal(i + 1, `${s.name}${i}`, `${s.comparator}${s.target}`, String(s.actual), status);
        });
        const errors = statusFindings(rows).filter((f) => f.severity === 'error');
        expect(errors.length).toBe(specs.filter((s) => s.flip).length);
      }),
      { numRuns: 200 },
    );
  });
});
