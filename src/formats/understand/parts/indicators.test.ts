/** Indicator headings and evidence as different reports type them. */
import { describe, expect, it } from 'vitest';
import type { IndicatorNode } from '../../../core/model/index.ts';
import { readTextReport } from '../../read/read-text.ts';

/** A minimal report around the given analysis lines (a table, so that it is not "cut before its tables"). */
const read = (...lines: string[]) => {
  const text = [
    '二、绩效自评结论',
    '本单位2023年部门整体支出绩效自评得分为90分，等级为优。',
    '三、绩效自评分析',
    ...lines,
    '2023年部门整体绩效目标实现情况表',
    '\t序号\n\t绩效目标\n\t目标值\n\t完成值\n\t完成情况\n\n\t1\n\t培训\n\t3期\n\t3期\n\t完成',
    '',
    '四、存在的问题、原因分析及改进措施',
    '无。',
  ].join('\n');
  const r = readTextReport(text, { encoding: null });
  if (!r.ok || r.value.kind !== 'department') throw new Error(r.ok ? 'kind' : r.message);
  return r.value;
};
const analysis = (...lines: string[]): IndicatorNode[] => read(...lines).indicators;
const row = (n: IndicatorNode) => [
  n.level,
  n.label,
  n.name,
  n.weight?.value ?? null,
  n.statedScore?.value ?? null,
  n.evidence,
];

describe('indicator lines', () => {
  it.each([
    ['（1）预算编制合理性。指标总分4分，自评得分4分。编制合理。', '4', '4', '编制合理。'],
    ['(1)预算编制合理性，指标分值4分,得分3.5分，编制合理。', '4', '3.5', '编制合理。'],
    ['1）预算编制合理性（4分）：得分4分。编制合理。', '4', '4', '编制合理。'],
    ['（1）预算编制合理性：满分4分，得4分。', '4', '4', ''],
    ['（1）预算编制合理性。自评得分4分，指标总分4分。编制合理。', '4', '4', '编制合理。'],
    ['（1）预算编制合理性', null, null, ''],
  ])('%s', (line, weight, score, evidence) => {
    const [l1] = analysis(
      '（一）预算编制。指标总分20分，自评得分20分。',
      '1.预算编制。指标总分8分，自评得分8分。',
      line,
    );
    const leaf = l1?.children[0]?.children[0];
    expect(leaf && row(leaf)).toEqual([3, '（1）', '预算编制合理性', weight, score, evidence]);
  });

  it('weight and score on the line after the heading', () => {
    const [l1] = analysis('（一）预算编制', '指标总分20分，自评得分19分。预算编制较为合理。', '第二行说明。');
    expect(l1 && row(l1)).toEqual([1, '（一）', '预算编制', '20', '19', '预算编制较为合理。\n第二行说明。']);
  });

  it('a level 3 without a level 2 hangs under the level 1 and is flagged; numbered evidence stays evidence', () => {
    const report = read(
      '（一）资金管理。指标总分10分，自评得分9分。',
      '（1）政府采购执行率，指标总分4分，自评得分3分。政府采购执行率为75%。',
      '1.本年度共开展了三次政府采购，均按照规定程序完成，并在规定时间内公开了采购结果，相关资料已归档。',
    );
    const nodes = report.indicators;
    expect(nodes).toHaveLength(1);
    const orphans = report.meta.warnings.filter((w) => w.rule === 'read.indicator-orphan');
    expect(orphans.map((w) => w.locations?.[0]?.line)).toEqual([5]);
    const leaf = nodes[0]?.children[0];
    expect(leaf?.level).toBe(3);
    expect(leaf?.inputs.map((i) => [i.key, i.value, i.unit])).toEqual([['procurementRate', '75', '%']]);
    expect(leaf?.evidence).toContain('本年度共开展了三次政府采购');
  });
});

describe('inputs stated in the evidence', () => {
  it('glossary terms by key, other rates and sums under `other`, years and comparators kept', () => {
    const [node] = analysis(
      '（一）资金管理。指标总分10分，自评得分9分。资金到位率为100%，支出进度为95%，节约资金12.5万元，2023年度公用经费控制率为98.2%，在职人员控制率不超过100%，“三公”经费变动率为-5%。',
    );
    expect(node?.inputs.map((i) => [i.key, i.name, i.value, i.unit, i.year, i.op ?? null])).toEqual([
      ['other', '资金到位率', '100', '%', null, null],
      ['other', '支出进度', '95', '%', null, null],
      ['other', '节约资金', '12.5', '万元', null, null],
      ['publicFundsControlRate', '公用经费控制率', '98.2', '%', 2023, null],
      ['staffControlRate', '在职人员控制率', '100', '%', null, '≤'],
      ['threePublicChangeRate', '三公经费变动率', '-5', '%', null, null],
    ]);
    expect(node?.inputs[3]?.src?.raw).toBe('公用经费控制率为98.2%');
  });
});
