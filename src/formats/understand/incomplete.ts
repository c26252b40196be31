import type { Finding } from '../../core/findings.ts';

/**
 * The one `read.incomplete` finding of a partial report (issue 12, item 7): every part not found, named
 * in one message, in place of one finding per part; the parts that were found are read and audited.
 */
export const incompleteFinding = (missing: readonly string[]): Finding => ({
  rule: 'read.incomplete',
  severity: 'warning',
  message: `报告不完整：未找到${missing.map((n) => `“${n}”`).join('、')}`,
});
