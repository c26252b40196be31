import { z } from 'zod';
import { Source } from './model/source.ts';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

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

export const finding = (f: Finding): Finding => f;
