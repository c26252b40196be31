/**
 * How the public page names a report's scores. A report no framework fits was not re-scored (its
 * total is the sum of the leaf scores it states): calling that 重算得分 would tell the public the bureau
 * recomputed it. The editor calls the same figure 按所填得分合计.
 */
export const publicScoreWords = (basis: 'framework' | 'stated'): { total: string; note: string | null } =>
  basis === 'stated'
    ? { total: '按所填得分合计', note: '未找到适用的指标体系，未重新计分；得分按报告所填。' }
    : { total: '重算得分', note: null };

/** The bureau's reviewed total as shown: none means the bureau changed no score of the report's own. */
export const reviewedWords = (reviewedTotal: string | null): string | null =>
  reviewedTotal === null ? '未调整' : null;

/**
 * A published report's total in the portal's list: the recomputed one, else (no framework fits) the
 * total it states, marked as such — never a bare “—” beside a grade.
 */
export const listedTotal = (
  computed: string | null,
  stated: string | null,
  fmt: (v: string) => string,
): string => (computed !== null ? fmt(computed) : stated !== null ? `${fmt(stated)}（按所填）` : '—');
