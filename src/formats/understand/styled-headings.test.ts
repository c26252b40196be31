/**
 * Headings that only their style tells: a .docx whose section headings are set in Word's heading styles
 * (outline levels) without a number, in another order than usual, reads to the same fields as the same
 * report with numbered headings in the usual order. The report is composed here.
 */
import { describe, expect, it } from 'vitest';
import type { Part } from '../../../test/fixtures/corpus/content.ts';
import { fieldsOf } from '../../../test/fixtures/corpus/fields.ts';
import { asDocx } from '../../../test/fixtures/corpus/render.ts';
import type { DepartmentReport } from '../../core/model/index.ts';
import { readReport } from '../read-report.ts';

type Section = { no: string; heading: string; parts: Part[] };

const h = (level: 1 | 2 | 3, text: string): Part => ({ kind: 'heading', level, text });
const p = (text: string): Part => ({ kind: 'paragraph', text });

const TITLE: Part = { kind: 'title', text: '青禾县农业农村局2023年度部门整体支出绩效自评报告' };

/**
 * Body text set in a heading style by mistake: a sentence, too long to be a heading, so it stays a
 * paragraph (it names 绩效目标 and would otherwise start that part here).
 */
const STYLED_BODY = '项目资金拨付进度仍需加快，部分项目的绩效目标和考核标准也需逐项细化。';

/** The level-1 sections in their usual order; `no` is the number the numbered report gives them. */
const sections = (numbered: boolean): Section[] => {
  const sub = (no: string, text: string): Part => h(2, numbered ? `${no}${text}` : text);
  return [
    {
      no: '第一部分 ',
      heading: '部门基本情况',
      parts: [
        sub('一、', '主要职责'),
        p('本局是县政府主管农业农村工作的工作部门。主要职责如下：'),
        p('（1）统筹推进全县乡村振兴战略的规划与落实。'),
        p('（2）负责粮食和重要农产品生产的指导服务。'),
        p('（3）组织农田水利和高标准农田建设项目。'),
        sub('二、', '机构设置'),
        p('本局内设5个股室，分别是：办公室、计划财务股、种植业股、畜牧股、农村经营管理股。'),
        sub('三、', '人员编制'),
        p('截至年底，本局编制共26人，实有24人。'),
      ],
    },
    {
      no: '第二部分 ',
      heading: '部门整体收支情况',
      parts: [
        sub('一、', '收入情况'),
        p('2023年本局收入预算数1520.00万元，调整预算数1688.50万元，决算数1675.20万元。'),
        sub('二、', '支出情况'),
        p('2023年本局支出年初预算数1520.00万元，决算数1660.30万元，分类见下表。'),
        {
          kind: 'table',
          caption: ['部门整体支出表', '单位：万元'],
          rows: [
            ['项目', '年初预算数', '调整预算数', '决算数'],
            ['基本支出', '610.00', '632.40', '628.10'],
            ['项目支出', '910.00', '1056.10', '1032.20'],
            ['本年支出合计', '1520.00', '1688.50', '1660.30'],
          ],
        },
      ],
    },
    {
      no: '第三部分 ',
      heading: '绩效自评分析',
      parts: [
        p('一、投入（20分），得分18分。'),
        p('（一）预算编制（10分），得分9分。年初预算编制较为细致。'),
        p('（二）资金到位（10分），得分9分。个别资金下达偏晚。'),
        p('二、产出（50分），得分47分。'),
        p('（一）产出数量（30分），得分28分。完成高标准农田建设任务。'),
        p('（二）产出时效（20分），得分19分。'),
        p('三、效果（30分），得分27分。'),
      ],
    },
    {
      no: '第四部分 ',
      heading: '存在的问题',
      parts: [p('部分项目资金拨付进度偏慢，个别项目的绩效目标设定还不够细化。'), { ...h(2, STYLED_BODY) }],
    },
    {
      no: '第五部分 ',
      heading: '绩效自评结论',
      parts: [p('经综合评价，本局2023年度部门整体支出绩效自评得分92分，等级为优。')],
    },
    { no: '第六部分 ', heading: '其他需要说明的情况', parts: [p('本年度无其他需要说明的事项。')] },
  ];
};

const numbered = (): Part[] => [
  TITLE,
  ...sections(true).flatMap((s) => [h(1, `${s.no}${s.heading}`), ...s.parts]),
];

/** No numbers anywhere in the headings, and the conclusion first, the analysis before the figures. */
const ORDER = [
  '绩效自评结论',
  '部门基本情况',
  '绩效自评分析',
  '部门整体收支情况',
  '存在的问题',
  '其他需要说明的情况',
];
const styled = (): Part[] => {
  const by = new Map(sections(false).map((s) => [s.heading, s]));
  return [TITLE, ...ORDER.flatMap((k) => [h(1, k), ...by.get(k)!.parts])];
};

const read = async (parts: Part[]) => {
  const r = await readReport(await asDocx(parts));
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('headings set in a heading style without a number', () => {
  it('read to the same fields as numbered headings, in any order', async () => {
    const want = fieldsOf(await read(numbered()));
    // The numbered report itself reads right, so that the comparison means something.
    expect(want).toMatchObject({
      kind: 'department',
      department: '青禾县农业农村局',
      'staffing.authorized': 26,
      'staffing.inService': 24,
      'orgUnits.statedCount': 5,
      'duties.items': 3,
      'income.adjusted': '1688.50',
      'expenditureTable.rows': 3,
      'indicators.level1': '投入/产出/效果',
      'indicators.count': 7,
      total: '92',
      problems: true,
    });
    expect(fieldsOf(await read(styled()))).toEqual(want);
  });

  it('body text in a heading style that is too long to be a heading stays a paragraph', async () => {
    const report = (await read(styled())) as DepartmentReport;
    expect(report.problems.problems?.value).toContain(STYLED_BODY);
    expect(report.otherNotes?.value).toBe('本年度无其他需要说明的事项。');
  });
});
