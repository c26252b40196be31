/** Rule families: the prefix of a rule code, and the section a finding is shown under. */
export const RULE_FAMILIES = {
  units: '单位',
  finance: '部门整体支出表',
  income: '收入情况',
  expenditure: '支出情况',
  'three-public': '三公经费',
  score: '评分',
  target: '绩效目标',
  narrative: '工作情况与绩效目标',
  counts: '职责、机构与编号',
  staffing: '人员编制',
  period: '年度',
  project: '项目支出绩效自评表',
  read: '读取',
  binding: '批复的绩效目标',
} as const satisfies Record<string, string>;
export type RuleFamily = keyof typeof RULE_FAMILIES;

export const ruleFamily = (rule: string): RuleFamily | 'other' => {
  const prefix = rule.split('.')[0] ?? '';
  return prefix in RULE_FAMILIES ? (prefix as RuleFamily) : 'other';
};
