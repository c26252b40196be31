import { z } from 'zod';
import { AUDIT_RULES, type AuditRule } from './audit/catalogue.ts';
import { Source } from './model/source.ts';
import { Severity } from './severity.ts';

export { SEVERITIES, Severity } from './severity.ts';

/**
 * An expected problem, as data: a reader's warning or an audit finding. `rule` is a stable code
 * (`read.section-missing`, `finance.sum-mismatch`); `message` is Chinese and names the values.
 */
export const Finding = z.object({
  rule: z.string(),
  severity: Severity,
  message: z.string(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  locations: z.array(Source).optional(),
});
export type Finding = z.infer<typeof Finding>;

/** What a rule says about one case; its severity is the catalogue's unless given (尾差 is info). */
export type FindingFields = Omit<Finding, 'rule' | 'severity'> & { severity?: Severity | undefined };

/** A finding of an audit rule: the code must be in the catalogue, which gives its severity. */
export const finding = (rule: AuditRule, { severity, ...said }: FindingFields): Finding => ({
  rule,
  severity: severity ?? AUDIT_RULES[rule].severity,
  ...said,
});
