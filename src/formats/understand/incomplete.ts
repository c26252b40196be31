import type { Finding } from '../../core/findings.ts';
import type { Source } from '../../core/model/index.ts';

/**
 * The one `read.incomplete` finding of a partial report (issue 12, item 7): every part not found, named
 * in one message, in place of one finding per part; the parts that were found are read and audited.
 * `upTo` says where reading stopped: the last line read, and the place to point at.
 */
export const incompleteFinding = (
  missing: readonly string[],
  upTo?: { line: number; at: Source },
): Finding => ({
  rule: 'read.incomplete',
  severity: 'warning',
  message: `报告不完整${upTo ? `（读到第${upTo.line}行）` : ''}：未找到${missing.map((n) => `“${n}”`).join('、')}`,
  ...(upTo ? { locations: [upTo.at] } : {}),
});
