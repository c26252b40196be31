/**
 * The Chinese name of a finding's rule (or of a read failure's code) for the CLI's text output: the
 * audit catalogue's title where it has one, a few reading problems and read failures by name, else the
 * section the rule belongs to. The code itself follows in brackets: the CLI says Chinese first, and an
 * auditor can still grep the JSON for it.
 */
import { AUDIT_RULES, isAuditRule, RULE_FAMILIES, ruleFamily } from '../core/audit/index.ts';
import { TARGET_RULES } from '../core/targets/catalogue.ts';

/** Rules made outside the audit catalogue: the reader's warnings, read failures, the evaluation. */
const OTHER_TITLES: Record<string, string> = {
  'evaluate.no-framework': '未找到适用的指标体系',
  'read.incomplete': '报告不完整',
  'read.section-missing': '未找到报告的某一部分',
  'read.table-missing': '未找到应有的表格',
  'read.list-empty': '某一部分未读到条目',
  'read.value-missing': '未读到应有的数值',
  'read.cell-not-number': '表格中应为数字的单元格不是数字',
  'read.not-found': '找不到文件',
  'read.empty': '文件为空',
  'read.not-a-report': '不是自评报告',
  'read.pdf-scanned': 'PDF 为扫描件，没有文字层',
  'read.pdf-invalid': 'PDF 无效或已损坏',
  'read.pdf-damaged': 'PDF 已损坏',
  'read.pdf-encrypted': 'PDF 已加密',
  'read.encrypted': '文件已加密',
  'read.zip-corrupt': '文件已损坏（压缩包不完整）',
  'read.zip-bomb': '文件过大或压缩异常',
  'read.timeout': '文件过大或结构异常（读取超时）',
  'read.out-of-memory': '文件过大或结构异常（内存超限）',
  'read.too-large': '文件过大',
  'read.binary': '不是可读取的文件类型',
  'read.no-libreoffice': '未安装 LibreOffice，无法转换',
};

export const ruleTitle = (rule: string): string => {
  if (isAuditRule(rule)) return AUDIT_RULES[rule].title;
  if (Object.hasOwn(TARGET_RULES, rule)) return TARGET_RULES[rule as keyof typeof TARGET_RULES].title;
  const other = OTHER_TITLES[rule];
  if (other) return other;
  const family = ruleFamily(rule);
  return family === 'other' ? '其他问题' : `${RULE_FAMILIES[family]}方面的问题`;
};
