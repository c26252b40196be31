/**
 * The scoring sample: a report shaped like the 阳西 framework, composed with the test report builder
 * (figures composed here, no sentence copied from any real report). Used by the scoring tests and the bench.
 */
import type { AchievementRow, DepartmentReport } from '../../../src/core/model/index.ts';
import { departmentReport, goal, input, node } from './build.ts';

/** A report of 测试局 for 2023 with nothing else stated. */
export const emptyReport = (): DepartmentReport => departmentReport('测试局', 2023);

/** 15 goals, 13 met by their numbers (two fall short), as in a typical county bureau's table. */
export const sampleGoals = (): AchievementRow[] => [
  goal(1, '招商引资投资额', '500亿元', '526.28亿元', '完成'),
  goal(2, '招商项目个数', '50个', '57个', '完成'),
  goal(3, '新建通信基站', '179座', '193座', '完成'),
  goal(4, '工业投资增长', '10%', '112.2%', '完成'),
  goal(5, '工业增加值增长', '10%', '13.2%', '完成'),
  goal(6, '外贸进出口额', '11.02亿元', '9.22亿元', '未完成'),
  goal(7, '高企数量', '28家', '23家', '未完成'),
  goal(8, '技改项目数', '20个', '21个', '完成'),
  goal(9, '新增规上企业', '15家', '15家', '完成'),
  goal(10, '中小企业培训', '300人次', '320人次', '完成'),
  goal(11, '园区用地', '1000亩', '1200亩', '完成'),
  goal(12, '电力保障率', '99%', '99.5%', '完成'),
  goal(13, '安全事故数', '≤0起', '0起', '完成'),
  goal(14, '企业服务次数', '4', '6', '完成'),
  goal(15, '社会公众满意度', '90%', '90%', '完成'),
];

/**
 * A report shaped like the 阳西 framework: stated leaves, stated (partly wrong) subtotals, and the inputs
 * a reader finds in the evidence texts. Its leaves recompute to 98.2.
 */
export const sampleReport = (): DepartmentReport => ({
  ...emptyReport(),
  conclusion: {
    notice: null,
    noticeNo: { value: '测财绩〔2024〕1号' },
    statedTotal: { value: '98.2' },
    statedGrade: { value: '优' },
    text: '',
  },
  achievements: { title: { value: '2023年部门整体绩效目标实现情况表' }, rows: sampleGoals() },
  indicators: [
    node(1, '预算编制情况', '20', '20', {
      children: [
        node(2, '预算编制', '8', '8', {
          children: [node(3, '预算编制合理性', '4', '4'), node(3, '预算编制规范性', '4', '4')],
        }),
        node(2, '目标设置情况', '12', '12', {
          children: [
            node(3, '绩效目标合理性', '6', '6'),
            node(3, '绩效目标完整性', '2', '2'),
            node(3, '绩效目标明确性', '4', '4'),
          ],
        }),
      ],
    }),
    node(1, '预算执行情况', '40', '38.6', {
      children: [
        node(2, '制度管理', '5', '5'),
        node(2, '资金管理', '20', '17.6', {
          children: [
            node(3, '资金下达合规性', '2', '2'),
            node(3, '部门预算资金支出完成率', '5', '5', { evidence: '支出与批复预算一致。' }),
            node(3, '结转结余率', '2', '2', { inputs: [input('carryOverRate', '结余结转率', '0.03')] }),
            node(3, '政府采购执行情况', '4', '2.6', {
              evidence: '全年政府采购执行率64.94%。',
              inputs: [input('procurementRate', '政府采购执行率', '64.94')],
            }),
            node(3, '财务合规性', '4', '4'),
            node(3, '预决算信息公开性', '3', '3'),
          ],
        }),
        node(2, '项目管理', '8', '8', {
          children: [node(3, '项目实施程序', '5', '5'), node(3, '项目监管', '3', '3')],
        }),
        node(2, '资产管理', '7', '7', {
          children: [
            node(3, '资产管理合规性', '5', '5'),
            node(3, '固定资产利用率', '2', '2', {
              inputs: [input('fixedAssetUtilization', '固定资产利用率', '90')],
            }),
          ],
        }),
      ],
    }),
    node(1, '资金使用效益', '40', '39.6', {
      children: [
        node(2, '经济性', '5', '5', {
          inputs: [
            input('threePublicActual', '三公经费实际支出数', '19.85', '万元'),
            input('threePublicBudget', '预算安排的三公经费数', '75.45', '万元'),
          ],
        }),
        node(2, '效率性', '10', '10', {
          children: [
            node(3, '项目完成及时性', '3', '3'),
            node(3, '绩效目标完成率', '3', '2.60', {
              inputs: [
                input('targetsTotal', '绩效计划目标', '15', '个'),
                input('targetsMet', '已实现目标', '13', '个'),
                input('targetCompletionRate', '整体绩效目标完成率', '86.67'),
              ],
            }),
            node(3, '重点任务完成情况', '4', '4'),
          ],
        }),
        node(2, '效果性', '20', '20'),
        node(2, '公平性', '5', '5', {
          children: [
            node(3, '群众信访办理情况', '2', '2', {
              inputs: [input('petitionReplyRate', '信访办理回复率', '100')],
            }),
            node(3, '公众或服务对象满意度', '3', '3'),
          ],
        }),
      ],
    }),
  ],
});
