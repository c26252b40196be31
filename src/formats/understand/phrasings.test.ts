/** Facts in their common phrasings, on a corpus report with one sentence changed at a time. */
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/fixtures/corpus/corpus.ts';
import { fieldsOf } from '../../../test/fixtures/corpus/fields.ts';
import type { DepartmentReport } from '../../core/model/index.ts';
import { readTextReport } from '../read/read-text.ts';

const base = new TextDecoder().decode(corpus().find((c) => c.name === 'hunan-health-2022')!.bytes);
const CONCLUSION = '经综合评价，本部门2022年度整体支出绩效自评得分91分，等级为优秀。';
const STAFF = '局机关行政编制8名、事业编制15名，在职在编21人，编外聘用人员4人。';
const SPENDING = '2022年部门支出预算4,812.00万元，决算支出5,187.65万元';

const read = (from: string, to: string): DepartmentReport => {
  expect(base).toContain(from);
  const r = readTextReport(base.replace(from, to), { encoding: null });
  if (!r.ok || r.value.kind !== 'department') throw new Error('not read');
  return r.value;
};

describe('phrasings', () => {
  it.each([
    ['自评得分98分，等级为优秀。', '98', '优'],
    ['综合评分为97分，评价等级为良好。', '97', '良'],
    ['自评总分为85.5分，评价结果为良。', '85.5', '良'],
    ['综合评分为72分，等次为合格。', '72', '中'],
    ['综合评分为66分，等级为一般。', '66', '中'],
    ['自评得分55分，评价等级为不合格。', '55', '差'],
    ['自评得分50分，等级为较差。', '50', '差'],
  ])('%s', (sentence, total, grade) => {
    const r = read(CONCLUSION, sentence);
    expect([r.conclusion?.statedTotal?.value, r.conclusion?.statedGrade?.value]).toEqual([total, grade]);
  });

  it.each([
    ['局机关行政编制8名、事业编制15名，在职在编21人。', 23, 21],
    ['局机关核定编制25人，实有人员22人。', 25, 22],
    ['全局编制30人，年末实有在编人员28人。', 30, 28],
    ['局机关人员编制20名，实有在职人员19名，退休人员6名。', 20, 19],
  ])('%s', (sentence, authorized, inService) => {
    const r = read(STAFF, sentence);
    expect([r.staffing.authorized?.value, r.staffing.inService?.value]).toEqual([authorized, inService]);
  });

  it('a 同比增加 figure is never taken for a budget, adjusted or final figure', () => {
    const r = read(SPENDING, '2022年部门支出预算4,812.00万元，同比增加402.30万元，决算支出5,187.65万元');
    expect([r.expenditure?.budget?.value, r.expenditure?.adjusted, r.expenditure?.final?.value]).toEqual([
      '4812.00',
      null,
      '5187.65',
    ]);
  });

  it('a pronoun (本局为…) names no one: the title over two lines does', () => {
    const r = read('溆水县卫生健康局为县政府组成部门', '本局为县政府组成部门');
    expect([r.department.name?.value, r.department.jurisdiction?.value]).toEqual([
      '溆水县卫生健康局',
      '溆水县',
    ]);
  });

  it('a project form with each label alone on its line and the value on the next', () => {
    const text = [
      '项目支出绩效自评表',
      '项目名称',
      '农家书屋图书更新',
      '主管部门',
      '某县文化局',
      '实施单位',
      '某县图书馆',
      '| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |',
      '| 绩效指标 | 产出指标 | 数量指标 | 更新图书册数 | ≥3000册 | 3200册 | 90 | 90 |',
    ].join('\n');
    const r = readTextReport(text, { encoding: null });
    if (!r.ok || r.value.kind !== 'project') throw new Error('not a project form');
    const p = r.value.project;
    expect([p.name?.value, p.department?.value, p.implementer?.value]).toEqual([
      '农家书屋图书更新',
      '某县文化局',
      '某县图书馆',
    ]);
  });

  it('headings and level-1 indicators without numbers read as the numbered ones', () => {
    const yunnan = corpus().find((c) => c.name === 'yunnan-forestry-2023')!;
    const bare = new TextDecoder().decode(yunnan.bytes).replace(/^(?:[一二三四五六]、|（[一二三四]）)/gm, '');
    const r = readTextReport(bare, { encoding: null });
    if (!r.ok || r.value.kind !== 'department') throw new Error('not read');
    const got = fieldsOf(r.value);
    for (const k of [
      'indicators.level1',
      'indicators.weights',
      'indicators.scores',
      'indicators.count',
      'total',
    ])
      expect([k, got[k]]).toEqual([k, yunnan.golden.fields[k]]);
  });
});
