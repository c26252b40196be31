/**
 * What a finding is about, in Chinese, for the web app: the catalogue's title where the rule has one,
 * else the section it belongs to. Rule ids stay in JSON and in data attributes, never in the text a user
 * reads.
 */
import { AUDIT_RULES, isAuditRule } from '../../core/audit/catalogue.ts';
import { RULE_FAMILIES, ruleFamily } from '../../core/audit/families.ts';
import { TARGET_RULES } from '../../core/targets/catalogue.ts';

const OTHER_TITLES: Record<string, string> = {
  'evaluate.no-framework': '未找到适用的指标体系',
  'editor.invalid': '填写内容不合规范',
  'audit.internal-error': '检查未能完成',
};

export const findingTitle = (rule: string): string => {
  if (isAuditRule(rule)) return AUDIT_RULES[rule].title;
  if (Object.hasOwn(TARGET_RULES, rule)) return TARGET_RULES[rule as keyof typeof TARGET_RULES].title;
  const other = OTHER_TITLES[rule];
  if (other) return other;
  const family = ruleFamily(rule);
  return family === 'other' ? '其他' : RULE_FAMILIES[family];
};
