/** The sheets of a report's workbook (write-xlsx.ts), by what they hold; the reader looks for `text`. */
export const SHEET_NAMES = {
  text: '报告正文',
  expenditure: '部门整体支出',
  targets: '绩效目标',
  achievements: '目标实现情况',
  indicators: '指标评分',
} as const;
