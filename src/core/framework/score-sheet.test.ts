import { describe, expect, it } from 'vitest';
import type { Framework } from './schema.ts';
import { importScoreSheet, resumDerived, type ScoreSheet } from './score-sheet.ts';

const setLeaf = (f: Framework, weight: string): Framework => {
  const copy = structuredClone(f);
  copy.indicators[0]!.children![1]!.weight = weight;
  return copy;
};

import { validateFramework } from './validate.ts';

/** A sheet from rows of cells; '' cells left out, as a merged cell is. */
const sheet = (rows: string[][], lines: string[] = []): ScoreSheet => ({
  lines,
  tables: [
    {
      name: '1',
      rows: rows.map((r, row) => ({
        row,
        cells: r.flatMap((text, column) => (text === '' ? [] : [{ column, text }])),
      })),
    },
  ],
});

const rules = (s: ScoreSheet) => importScoreSheet(s).problems.map((p) => p.rule);

describe('a score sheet into a framework', () => {
  it('reads one 分值 column per level, merged level cells continuing the name above', () => {
    const r = importScoreSheet(
      sheet(
        [
          ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '评分标准'],
          ['投入', '40', '目标设定', '15', '绩效目标合理性', '15', '不合理的扣分'],
          ['', '', '预算配置', '25', '“三公”经费变动率', '25', '越低越好，每增长1%扣1分'],
          ['产出', '60', '履职', '60', '实际完成率', '60', '完成率×分值'],
          ['合计', '100'],
        ],
        ['2026年度部门整体支出绩效评价指标体系'],
      ),
      { reportYear: 2025 },
    );
    expect(r.problems).toEqual([]);
    const f = r.framework;
    expect([f.year, f.kind, f.reportYear, f.total]).toEqual([2026, 'department', 2025, '100']);
    expect(f.indicators.map((n) => [n.name, n.weight])).toEqual([
      ['投入', '40'],
      ['产出', '60'],
    ]);
    const leaf = f.indicators[0]!.children![1]!.children![0]!;
    expect(leaf).toMatchObject({
      name: '“三公”经费变动率',
      weight: '25',
      better: 'less',
      rule: { kind: 'manual' },
    });
    expect(validateFramework(f).ok).toBe(true);
  });

  it('reads one 权重 column for the leaves, level weights written into the names, numbering removed', () => {
    const r = importScoreSheet(
      sheet([
        ['序号', '一级指标', '二级指标', '三级指标', '权重', '评分细则'],
        ['1', '决策（20分）', '（一）立项', '1.立项依据', '20', '依据充分得满分'],
        ['2', '效益（80分）', '（二）效果', '2.满意度', '80', '满意度×分值'],
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.framework.indicators.map((n) => [n.name, n.weight, n.children?.[0]?.name])).toEqual([
      ['决策', '20', '立项'],
      ['效益', '80', '效果'],
    ]);
  });

  it('a heading without a score of its own follows its children when they are corrected', () => {
    const r = importScoreSheet(
      sheet([
        ['一级指标', '二级指标', '分值'],
        ['产出', '数量', '60'],
        ['', '质量', ''],
      ]),
    );
    expect(r.derived).toEqual([[0]]);
    expect(r.framework.indicators[0]!.weight).toBe('60');
    const fixed = setLeaf(r.framework, '40');
    expect(resumDerived(fixed, r.derived).indicators[0]!.weight).toBe('100');
  });

  it('lists every problem: unknown column, missing and unreadable scores, duplicates, sums', () => {
    const r = importScoreSheet(
      sheet([
        ['一级指标', '二级指标', '标准分', '牵头科室'],
        ['过程', '预算执行率', '10', '国库科'],
        ['', '预算执行率', '5', '国库科'],
        ['', '资金合规性', '', '监督科'],
        ['', '制度健全性', '五分', '监督科'],
        ['合计', '', '100'],
      ]),
    );
    const messages = r.problems.map((p) => p.message);
    expect(r.problems.map((p) => p.rule)).toEqual(
      expect.arrayContaining([
        'sheet.unknown-column',
        'sheet.missing-weight',
        'sheet.bad-weight',
        'framework.duplicate',
        'framework.total',
      ]),
    );
    expect(messages).toContain('未识别的列「牵头科室」（第 4 列），已忽略');
    expect(messages).toContain('第 5 行「制度健全性」的分值「五分」不是数字');
    expect(messages).toContain('一级指标权重合计 15 分，不等于框架总分 100 分');
    // Errors first.
    expect(r.problems.at(-1)?.severity).toBe('warning');
  });

  it('says when a level weight differs from its children, and when a weight is said twice differently', () => {
    expect(
      rules(
        sheet([
          ['一级指标', '分值', '二级指标', '分值'],
          ['投入', '30', '目标', '10'],
          ['投入', '20', '配置', '10'],
          ['产出', '70', '完成', '70'],
        ]),
      ),
    ).toEqual(['sheet.weight-conflict', 'framework.weight-sum']);
  });

  it('finds no score sheet in a table without level columns', () => {
    const r = importScoreSheet(
      sheet([
        ['项目', '金额'],
        ['办公费', '10'],
      ]),
    );
    expect(r.problems.map((p) => [p.rule, p.severity])).toEqual([['sheet.no-table', 'error']]);
    expect(r.table).toBeNull();
  });

  it('reads a two-row header (指标 over 一级/二级, 分值 beside it) and rows of criteria only', () => {
    const r = importScoreSheet(
      sheet([
        ['指标', '', '分值', '评分标准'],
        ['一级指标', '二级指标'],
        ['产出', '数量', '100', '每少一项扣5分'],
        ['', '', '', '超过计划的不加分'],
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.framework.indicators[0]!.children![0]!.criteria).toBe('每少一项扣5分\n超过计划的不加分');
  });
});
