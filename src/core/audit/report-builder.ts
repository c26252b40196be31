/**
 * A consistent report model built in code (the figures of test/fixtures/audit/clean-base.txt), for unit
 * tests of the rules that must not depend on a reader. Tests mutate a fresh copy.
 */
import type {
  AchievementRow,
  DepartmentReport,
  ExpenditureRow,
  IndicatorInput,
  IndicatorNode,
  Measure,
  Money,
} from '../model/index.ts';

let line = 0;
const src = (raw: string) => ({ line: ++line, raw });
export const money = (value: string, unit: Money['unit'] = '万元'): Money => ({
  value,
  unit,
  src: src(value + unit),
});
const measure = (text: string): Measure => {
  const m = /^([≥>=≤<])?(\d+(?:\.\d+)?)?(.*)$/u.exec(text)!;
  return {
    text,
    op: (m[1] as Measure['op']) ?? null,
    value: m[2] ?? null,
    unit: m[3] ? m[3] : null,
    src: src(text),
  };
};
const d = (value: string) => ({ value, src: src(value) });

export const input = (
  key: string,
  name: string,
  value: string,
  unit: string | null,
  year: number | null = null,
): IndicatorInput => ({
  key,
  name,
  value,
  unit,
  year,
  src: src(`${name}${value}${unit ?? ''}`),
});

export const node = (
  level: 1 | 2 | 3,
  name: string,
  weight: string,
  score: string,
  children: IndicatorNode[] = [],
  inputs: IndicatorInput[] = [],
): IndicatorNode => ({
  level,
  label: null,
  name,
  weight: d(weight),
  statedScore: d(score),
  evidence: '',
  inputs,
  children,
  src: src(name),
});

const row = (
  key: ExpenditureRow['key'],
  label: string,
  budget: string,
  adjusted: string,
  final: string,
  code: string | null = null,
): ExpenditureRow => ({
  key,
  code,
  label,
  budget: budget ? d(budget) : null,
  adjusted: adjusted ? d(adjusted) : null,
  final: final ? d(final) : null,
  src: src(label),
});

export const TARGETS: readonly [string, string, string, string][] = [
  ['招商引资项目投资总额', '500亿元', '526.28亿元', '完成'],
  ['招商引资项目数', '50个', '57个', '完成'],
  ['5G基站建设', '179座', '193座', '完成'],
  ['工业投资增速', '10%', '112.2%', '完成'],
  ['规上工业增加值增速', '10%', '13.2%', '完成'],
  ['进出口总额', '11.02亿元', '9.22亿元', '未完成'],
  ['高新技术企业数量', '28家', '23家', '未完成'],
  ['获得省科技型中小企业称号', '46个', '52个', '完成'],
  ['省科技专项资金项目完成率', '100%', '100%', '完成'],
  ['科技统计调查工作完成率', '100%', '100%', '完成'],
  ['升规企业数', '10家', '11家', '完成'],
  ['专精特新企业数', '3家', '6家', '完成'],
  ['推动规模以上工业企业数字化转型的企业数量', '4个', '4个', '完成'],
  ['居家服务培训', '180人次', '246人次', '完成'],
  ['社会公众满意度', '90%', '90%', '完成'],
];

const achievement = (t: (typeof TARGETS)[number], i: number): AchievementRow => ({
  no: { value: i + 1, src: src(String(i + 1)) },
  name: { value: t[0], src: src(t[0]) },
  target: measure(t[1]),
  actual: measure(t[2]),
  status: { value: t[3], src: src(t[3]) },
  src: src(t[0]),
});

const WORK = [
  '全年走访企业，协调解决企业诉求15个，2023年全县升规企业11家。',
  '2023年全县规上工业增加值89.01亿元，同比增长13.2%；全年完成工业投资205.67亿元，同比增长112.2%；完成技改投资3.73亿元，同比增长22%。上级下达我县5G基站建设任务179座，全年建成5G基站193座。',
  '2023年绿色食品产业规上工业总产值47.7亿元，同比增长9.7%；新增专精特新企业6家。',
  '2023年招商引资签约项目57个，招商引资项目投资总额526.28亿元。',
  '2023年全县社会消费品零售总额56.9亿元，同比增长5.8%；全年居家服务培训246人次。',
  '2023年全县进出口总额9.22亿元。',
  '2023年有效高新技术企业数量23家，新增省级科技型中小企业52家。',
  '全年检查工业企业192家次，未发生较大以上安全事故。',
];

export const cleanReport = (): DepartmentReport => {
  line = 0;
  return {
    schemaVersion: 1,
    kind: 'department',
    title: { value: '阳西县工业和信息化局2023年度部门整体支出绩效自评报告', src: src('title') },
    year: { value: 2023, src: src('2023') },
    frameworkId: null,
    department: { name: null, rank: null, extraNames: [], nature: null, jurisdiction: null },
    duties: {
      intro: null,
      items: Array.from({ length: 14 }, (_, i) => ({
        no: i + 1,
        text: `职责${i + 1}`,
        src: src(`（${i + 1}）`),
      })),
    },
    orgUnits: {
      statedCount: { value: 3, src: src('3个') },
      items: ['办公室', '财务审计股', '科技服务股'].map((value) => ({ value, src: src(value) })),
    },
    staffing: {
      asOf: { value: '2023-12-31', src: src('截止2023年12月31日') },
      authorized: { value: 45, src: src('45人') },
      inService: { value: 44, src: src('44人') },
      contractStaff: null,
      other: null,
      retired: null,
    },
    work: {
      intro: null,
      sections: WORK.map((body, i) => ({ no: i + 1, title: `工作${i + 1}`, body, src: src(body) })),
    },
    income: {
      year: { value: 2023, src: src('2023') },
      budget: money('1747.99'),
      adjusted: money('7532.81'),
      final: money('7532.81'),
      components: [
        {
          key: 'fiscal',
          name: '财政拨款',
          budget: money('1747.99'),
          adjusted: null,
          final: money('7532.81'),
        },
        {
          key: 'carryOverStart',
          name: '年初结转和结余',
          budget: money('9.42'),
          adjusted: null,
          final: money('9.42'),
        },
      ],
    },
    expenditure: {
      year: { value: 2023, src: src('2023') },
      budget: money('1747.99'),
      adjusted: null,
      final: money('7540.18'),
      parts: [
        { key: 'basic', name: '基本支出', amount: money('845.92') },
        { key: 'project', name: '项目支出', amount: money('6694.26') },
      ],
      carryOverEnd: money('2.05'),
    },
    expenditureTable: {
      title: null,
      unit: { value: '万元', src: src('单位：万元') },
      rows: [
        row('basic', '一、基本支出', '695.60', '845.92', '845.92'),
        row('personnel', '人员经费', '653.60', '796.01', '796.01'),
        row('publicFunds', '公用经费', '42.00', '49.91', '49.91'),
        row('project', '二、项目支出', '1052.39', '6694.26', '6694.26'),
        row('capitalProjects', '其中：基本建设类项目', '', '', ''),
        row('economicTotal', '经济分类支出合计', '', '', '7540.18'),
        row('economic', '一、工资福利支出', '', '', '718.12', '301'),
        row('economic', '二、商品和服务支出', '', '', '1206.24', '302'),
        row('economic', '三、对个人和家庭的补助', '', '', '84.27', '303'),
        row('economic', '六、资本性支出', '', '', '30.53', '310'),
        row('economic', '八、对企业补助', '', '', '5501.02', '312'),
        row('yearTotal', '本年支出合计', '1747.99', '7540.18', '7540.18'),
        row('carryOverEnd', '年末结转和结余', '', '2.05', '2.05'),
        row('grandTotal', '总计', '1747.99', '7542.23', '7542.23'),
      ],
    },
    threePublic: {
      year: { value: 2023, src: src('2023') },
      actual: money('19.85'),
      changes: [
        { against: '2022', amount: money('5.65'), direction: 'increase' },
        { against: '年初预算', amount: money('55.6'), direction: 'decrease' },
      ],
      parts: [],
    },
    targets: {
      title: null,
      rows: TARGETS.map((t, i) => ({
        no: { value: i + 1, src: src(String(i + 1)) },
        name: { value: t[0], src: src(t[0]) },
        target: measure(t[1]),
        src: src(t[0]),
      })),
    },
    conclusion: {
      notice: null,
      noticeNo: null,
      statedTotal: d('96.2'),
      statedGrade: { value: '优', src: src('优') },
      text: '',
    },
    indicators: [
      node(1, '预算编制', '20', '20', [
        node(2, '预算编制', '8', '8', [
          node(3, '预算编制合理性', '4', '4'),
          node(3, '预算编制规范性', '4', '4'),
        ]),
        node(2, '目标设置', '12', '12', [
          node(3, '绩效目标合理性', '6', '6'),
          node(3, '绩效目标完整性', '2', '2'),
          node(3, '绩效目标明确性', '4', '4'),
        ]),
      ]),
      node(1, '预算执行', '40', '38.6', [
        node(2, '制度管理', '5', '5'),
        node(2, '资金管理', '20', '18.6', [
          node(3, '资金下达合规性', '2', '2'),
          node(
            3,
            '部门预算资金支出完成率',
            '5',
            '5',
            [],
            [input('budgetCompletionRate', '部门预算资金支出完成率', '100', '%')],
          ),
          node(3, '结转结余率', '2', '2', [], [input('carryOverRate', '结转结余率', '0.03', '%', 2023)]),
          node(
            3,
            '政府采购执行情况',
            '4',
            '2.6',
            [],
            [input('procurementRate', '政府采购执行率', '64.94', '%', 2023)],
          ),
          node(3, '财务合规性', '4', '4'),
          node(3, '预决算信息公开性', '3', '3'),
        ]),
        node(2, '项目管理', '8', '8', [node(3, '项目实施程序', '5', '5'), node(3, '项目监管', '3', '3')]),
        node(2, '资产管理', '7', '7', [
          node(3, '资产管理合规性', '5', '5'),
          node(
            3,
            '固定资产利用率',
            '2',
            '2',
            [],
            [input('fixedAssetUtilization', '固定资产利用率', '95', '%')],
          ),
        ]),
      ]),
      node(1, '资金使用效益', '40', '37.6', [
        node(
          2,
          '经济性',
          '5',
          '5',
          [],
          [
            input('threePublicActual', '三公经费实际支出数', '19.85', '万元'),
            input('threePublicBudget', '预算安排的三公经费数', '75.45', '万元'),
          ],
        ),
        node(2, '效率性', '10', '9.6', [
          node(3, '项目完成及时性', '3', '3'),
          node(
            3,
            '绩效目标完成率',
            '3',
            '2.6',
            [],
            [
              input('targetsTotal', '绩效计划目标', '15', '个'),
              input('targetsMet', '已实现目标', '13', '个'),
              input('targetCompletionRate', '整体绩效目标完成率', '86.67', '%'),
            ],
          ),
          node(3, '重点任务完成情况', '4', '4'),
        ]),
        node(2, '效果性', '20', '18'),
        node(2, '公平性', '5', '5', [
          node(
            3,
            '群众信访办理情况',
            '2',
            '2',
            [],
            [input('petitionReplyRate', '群众信访办理回复率', '100', '%')],
          ),
          node(3, '公众或服务对象满意度', '3', '3'),
        ]),
      ]),
    ],
    achievements: { title: null, rows: TARGETS.map(achievement) },
    problems: { problems: null, causes: null, measures: null },
    otherNotes: null,
    meta: { format: 'json', encoding: null, warnings: [] },
  };
};
